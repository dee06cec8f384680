"""The stage protocol: a config model plus `process(batch) -> StageResult`.

Stages are pure over records (no file or network I/O of their own outside what their job is,
e.g. an LLM call), never import another stage, and are driven by a runner. Keeping them pure is
what lets the same stage run under the local runner, in a test, or on another executor.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from mediscope.record import ProvenanceEntry, Record
from mediscope.rejects import Rejection


class SharedProvenanceEntry(ProvenanceEntry):
    """A provenance entry shared by all records kept from one batch: frozen, so that an attempt
    to edit it for one record raises instead of silently changing the others. It serializes
    and validates back as a plain `ProvenanceEntry`."""

    model_config = ConfigDict(frozen=True)

    def __eq__(self, other: object) -> bool:
        # Equal to a plain entry with the same values (pydantic's own equality also compares
        # classes), so a record compares equal to itself written out and read back.
        if isinstance(other, ProvenanceEntry):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like ProvenanceEntry: equal to unhashable entries


class StageConfig(BaseModel):
    """Base of every stage config: unknown keys are errors so YAML typos fail at load time."""

    model_config = ConfigDict(extra="forbid")
    # Fields that change how a stage runs, never what it decides (e.g. how many cores it uses):
    # left out of `Stage.config_hash`, so provenance of equal work is equal however it ran.
    execution_fields: ClassVar[frozenset[str]] = frozenset()


C = TypeVar("C", bound=StageConfig)


@dataclass
class StageResult:
    """What a stage returns for one batch. Invariant: len(kept) + len(rejected) == len(batch)."""

    kept: list[Record] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def reject(self, record: Record, reason: str, detail: str) -> None:
        self.rejected.append(Rejection(reason=reason, detail=detail, record=record))


class Stage(ABC, Generic[C]):
    """Base class for all stages.

    Subclasses set `name`, `version` and `config_class`, and implement `process`. Heavy resources
    (NLP models, OCR engines, clients) belong in `setup()`, called once before the first batch,
    so constructing a stage to validate a pipeline stays cheap.
    """

    name: ClassVar[str] = "stage"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = StageConfig
    # True: every record kept from one batch gets the same frozen provenance entry instead of a
    # copy each (a copy is ~2.5 us per record, a visible cost for the cheap stages at a million
    # records). Only for stages that never edit the entry after `__call__` (one that writes a
    # per-record note into its entry, as `expand` does, must keep the default).
    shared_provenance: ClassVar[bool] = False
    # True: the stage keeps state across batches (dedup's index), so a distributed executor must
    # give it one process that sees every batch in order (`ray_runner` gives it a single actor).
    stateful: ClassVar[bool] = False

    def __init__(self, config: C | dict[str, Any] | None = None) -> None:
        if config is None:
            config = self.config_class()
        elif isinstance(config, dict):
            config = self.config_class.model_validate(config)
        self.config: C = config  # type: ignore[assignment]
        self._ready = False

    def setup(self) -> None:
        """Load models/clients. Called once by the runner before the first batch."""

    def teardown(self) -> None:
        """Release resources. Called once by the runner after the last batch."""

    def ensure_setup(self) -> None:
        if not self._ready:
            self.setup()
            self._ready = True

    @abstractmethod
    def process(self, batch: list[Record]) -> StageResult:
        """Return every record of `batch` either kept (possibly modified) or rejected."""

    @property
    def config_hash(self) -> str:
        """Hash of name, version and config: two runs with equal hashes did the same thing."""
        payload = json.dumps(
            {"stage": self.name, "version": self.version,
             "config": self.config.model_dump(mode="json", exclude=set(self.config.execution_fields))},
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def provenance(self, note: str | None = None) -> ProvenanceEntry:
        return ProvenanceEntry(stage=self.name, version=self.version, config_hash=self.config_hash, note=note)

    def __call__(self, batch: list[Record]) -> StageResult:
        """Run `process` with the invariant checked and provenance/stage names stamped."""
        self.ensure_setup()
        result = self.process(batch)
        if len(result.kept) + len(result.rejected) != len(batch):
            raise RuntimeError(
                f"stage {self.name!r} broke in = out + rejected: "
                f"{len(batch)} in, {len(result.kept)} kept, {len(result.rejected)} rejected"
            )
        entry = self.provenance()
        if self.shared_provenance:
            shared = SharedProvenanceEntry(**entry.model_dump())
            for rec in result.kept:
                rec.provenance.append(shared)
        else:
            for rec in result.kept:
                rec.provenance.append(entry.model_copy())
        for rej in result.rejected:
            rej.stage = rej.stage or self.name
        return result
