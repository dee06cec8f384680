"""`review_gate`: let only expert-approved records through, optionally merging pulled annotations.

Two uses in a pipeline:
- after `mediscope review pull` has merged corrections: the gate keeps records whose review is
  `accepted` or `edited` and rejects the rest with `review_<status>` reasons (pending, needs_fix,
  rejected), so nothing unreviewed reaches publishing;
- with `annotations:` pointing at a pulled snapshot (`<state>.annotations.jsonl`), the gate first
  merges it into each batch (the same merge as `review pull`), then gates. The snapshot is read
  once in `setup()`; merging is offline, so pipelines stay reproducible.

Configure `allow` to also pass e.g. `pending` records (a corpus where only a sample is reviewed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field

from mediscope.record import Record
from mediscope.stages.base import Stage, StageConfig, StageResult


class ReviewGateConfig(StageConfig):
    allow: list[Literal["accepted", "edited", "needs_fix", "pending", "rejected"]] = Field(
        default_factory=lambda: ["accepted", "edited"],
        description="Review statuses that pass the gate.",
    )
    annotations: str | None = Field(default=None, description="Pulled snapshot JSONL to merge before gating.")
    state: str | None = Field(
        default=None,
        description="Review state file of the push (to detect tasks deleted in Label Studio); "
        "default: the snapshot's sibling <name>.json when it exists.",
    )
    kind: Literal["dialogue", "phi", "image"] = "dialogue"
    project: str = ""


class ReviewGateStage(Stage[ReviewGateConfig]):
    name: ClassVar[str] = "review_gate"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = ReviewGateConfig

    def setup(self) -> None:
        self._snapshot: list[dict[str, Any]] | None = None
        self._expected: dict[str, int] | None = None
        if self.config.annotations is None:
            return
        from mediscope.review.pull import read_snapshot
        from mediscope.review.state import ReviewState

        snap = Path(self.config.annotations)
        if not snap.is_file():
            raise FileNotFoundError(f"review_gate: annotations snapshot {snap} not found (run `mediscope review pull`)")
        self._snapshot = list(read_snapshot(snap))
        state_path = Path(self.config.state) if self.config.state else snap.with_name(snap.name.replace(".annotations.jsonl", ".json"))
        state = ReviewState.load(state_path) if state_path.is_file() else None
        self._expected = state.tasks if state else None

    def process(self, batch: list[Record]) -> StageResult:
        result = StageResult()
        records = batch
        if self._snapshot is not None:
            from mediscope.review.merge import merge_annotations

            ids = {r.id for r in batch}
            items = [it for it in self._snapshot if str(it.get("record_id")) in ids]
            expected = {k: v for k, v in (self._expected or {}).items() if k.split("|", 1)[0] in ids}
            merged = merge_annotations(batch, items, kind=self.config.kind, expected_tasks=expected, project=self.config.project)
            records = merged.kept
            for rej in merged.rejected:  # expert-rejected records (reason review_rejected)
                if rej.record is not None and "rejected" in self.config.allow:
                    records.append(rej.record)
                else:
                    result.rejected.append(rej)
        for record in records:
            status = record.review.status.value
            if status in self.config.allow:
                result.kept.append(record)
                continue
            why = ", ".join(record.review.reasons) or "-"
            result.reject(
                record,
                f"review_{status}",
                json.dumps({"status": status, "reasons": record.review.reasons, "reviewers": record.review.reviewers}, ensure_ascii=False)
                if status != "pending"
                else f"not reviewed yet (reasons: {why})",
            )
        return result
