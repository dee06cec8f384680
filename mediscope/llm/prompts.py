"""Versioned prompt files: `prompts/<name>.v<N>.md`.

A prompt change is a new file (v2 beside v1), never an edit in place, so a published record's
provenance (`prompt=<name>.v<N>@<sha8>`) always points at the exact text that produced it; the
short content hash catches an accidental in-place edit.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

_NAME = re.compile(r"^(?P<name>[a-z0-9_]+)\.v(?P<version>\d+)\.md$")


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    text: str

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:8]

    @property
    def ref(self) -> str:
        """What goes into provenance: name, version and content hash."""
        return f"{self.name}.v{self.version}@{self.sha}"

    def render(self, **values: object) -> str:
        """Fill `$placeholders`; unknown ones are left as they are."""
        return string.Template(self.text).safe_substitute({k: str(v) for k, v in values.items()})


def _prompt_dir() -> Path:
    return Path(str(resources.files("mediscope.llm") / "prompts"))


def available_prompts(directory: Path | None = None) -> dict[str, list[int]]:
    """Prompt names and their versions, sorted."""
    out: dict[str, list[int]] = {}
    for path in (directory or _prompt_dir()).glob("*.md"):
        m = _NAME.match(path.name)
        if m:
            out.setdefault(m["name"], []).append(int(m["version"]))
    return {k: sorted(v) for k, v in sorted(out.items())}


@lru_cache(maxsize=64)
def load_prompt(name: str, version: int | None = None, directory: str | None = None) -> Prompt:
    """Load `name` at `version` (default: the highest). Raises a helpful error if missing."""
    folder = Path(directory) if directory else _prompt_dir()
    versions = available_prompts(folder).get(name)
    if not versions:
        known = ", ".join(available_prompts(folder)) or "none"
        raise FileNotFoundError(f"no prompt named {name!r} in {folder} (known: {known})")
    v = version if version is not None else versions[-1]
    if v not in versions:
        raise FileNotFoundError(f"prompt {name!r} has versions {versions}, not v{v}")
    text = (folder / f"{name}.v{v}.md").read_text(encoding="utf-8").strip() + "\n"
    return Prompt(name=name, version=v, text=text)
