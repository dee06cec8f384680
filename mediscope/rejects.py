"""Rejections: the other half of "in = out + rejected".

Every record (or unparseable input item) that enters a stage leaves it either as output or as a
`Rejection` with a machine-readable `reason` code and a human `detail`. Rejections are written to
`rejects/*.jsonl` next to the output so nothing is ever silently dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from mediscope.record import Record


@dataclass
class Rejection:
    """A record (or raw input) that a stage refused, with why."""

    reason: str
    detail: str
    stage: str = ""
    record: Record | None = None
    raw: str | None = None
    source: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def record_id(self) -> str | None:
        return self.record.id if self.record is not None else None

    def to_json(self, max_raw: int = 4000) -> str:
        """One JSONL line; raw input is truncated so one huge bad line cannot blow up the file."""
        raw = self.raw
        if raw is not None and len(raw) > max_raw:
            raw = raw[:max_raw] + f"...[truncated {len(self.raw) - max_raw} chars]"
        obj = {
            "stage": self.stage,
            "reason": self.reason,
            "detail": self.detail,
            "record_id": self.record_id,
            "source": self.source or (self.record.source.model_dump() if self.record else {}),
            "at": self.at.isoformat(),
            "record": json.loads(self.record.model_dump_json()) if self.record else None,
            "raw": raw,
        }
        return json.dumps(obj, ensure_ascii=False)
