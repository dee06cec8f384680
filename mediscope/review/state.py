"""The local state file that makes push idempotent and pull resumable.

One JSON file per Label Studio project: which project, task key -> task id, and how far the last
pull got. It is rewritten atomically after every imported batch and every fetched page, so a crash
or an outage at any point leaves a state that a re-run can continue from. The server stays the
authority: push reconciles this map with the project's real tasks before importing, so a state
file lost between the import and the save still cannot cause duplicates.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class PullProgress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    next_page: int = 1
    page_size: int = 100
    complete: bool = False
    started_at: datetime | None = None
    finished_at: datetime | None = None


class ReviewState(BaseModel):
    """What a push/pull pair needs to know about one project."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    kind: str
    project_title: str
    project_id: int | None = None
    url: str | None = None
    tasks: dict[str, int] = Field(default_factory=dict, description="task key -> Label Studio task id")
    pull: PullProgress = Field(default_factory=PullProgress)

    @property
    def snapshot_name(self) -> str:
        return "annotations.jsonl"

    @classmethod
    def load(cls, path: Path) -> ReviewState | None:
        if not path.exists():
            return None
        try:
            return cls.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"review state file {path} is unreadable ({exc}); move it away to start over") from exc

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".state-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=1))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)


def snapshot_path(state_path: Path) -> Path:
    """Where pulled annotations of this project are kept: next to the state file."""
    return state_path.with_name(state_path.stem + ".annotations.jsonl")


def now() -> datetime:
    return datetime.now(timezone.utc)
