"""Pipeline specs: the YAML a curator writes (`pipelines/*.yaml`), validated up front.

Validating the whole spec (reader options, every stage config) before reading a single record
means a typo fails in a second, not after an hour of de-identification.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from mediscope.io.registry import reader_class
from mediscope.stages.base import Stage
from mediscope.stages.registry import resolve_stage


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReaderSpec(_Spec):
    format: str = Field(description="Reader name, e.g. meddiagnose, cmtmedqa, jsonl.")
    path: str
    options: dict[str, Any] = Field(default_factory=dict)


class StageSpec(_Spec):
    stage: str = Field(description="Alias (deid, expand, filter, ...) or 'package.module:Class'.")
    config: dict[str, Any] = Field(default_factory=dict)


class WriterSpec(_Spec):
    path: str = Field(description="Run directory: data/, rejects/, manifest.json go here.")
    format: Literal["parquet", "jsonl"] = "parquet"


class PublishSpec(_Spec):
    path: str = Field(description="Output folder of the Hugging Face dataset.")
    options: dict[str, Any] = Field(default_factory=dict)


class Pipeline(_Spec):
    name: str
    description: str | None = None
    reader: ReaderSpec
    stages: list[StageSpec] = Field(default_factory=list)
    writer: WriterSpec
    batch_size: int = Field(default=64, ge=1, description="Input items per batch (= per shard).")
    on_stage_error: Literal["fail", "reject"] = Field(
        default="fail",
        description="A stage raising: stop the run (resume later) or reject the batch with the error.",
    )
    publish: PublishSpec | None = None

    @classmethod
    def from_yaml(cls, path: str | Path, overrides: dict[str, Any] | None = None) -> Pipeline:
        """Load a pipeline; `${VAR}` / `${VAR:-default}` are expanded from the environment."""
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(_expand_env(text)) or {}
        for dotted, value in (overrides or {}).items():
            _set_dotted(data, dotted, value)
        return cls.model_validate(data)

    def build_stages(self) -> list[Stage]:
        return [resolve_stage(s.stage)(s.config) for s in self.stages]

    def build_reader(self):  # -> Reader
        cls = reader_class(self.reader.format)
        return cls(cls.config_class.model_validate({"path": self.reader.path, **self.reader.options}))

    def fingerprint(self) -> str:
        """What must not change for a resume to be valid: reader, stages, batching."""
        payload = self.model_dump(mode="json", include={"reader", "stages", "batch_size"})
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def _expand_env(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        value = os.environ.get(m.group(1))
        if value is None:
            if m.group(2) is None:
                raise KeyError(f"pipeline uses ${{{m.group(1)}}} but it is not set")
            return m.group(2)
        return value

    return _ENV.sub(sub, text)


def _set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set `a.b.0.c` in nested dicts/lists; integer parts index lists (`stages.2.config.x`)."""
    node: Any = data
    keys = dotted.split(".")
    for depth, key in enumerate(keys):
        last = depth == len(keys) - 1
        if isinstance(node, list):
            try:
                index = int(key)
                node[index]  # noqa: B018 - bounds check with a clear error below
            except (ValueError, IndexError):
                raise KeyError(f"--set {dotted}: {key!r} is not an index of a {len(node)}-item list") from None
            if last:
                node[index] = value
            else:
                node = node[index]
        elif isinstance(node, dict):
            if last:
                node[key] = value
            else:
                node = node.setdefault(key, {})
        else:
            raise KeyError(f"--set {dotted}: cannot descend into {type(node).__name__} at {key!r}")
