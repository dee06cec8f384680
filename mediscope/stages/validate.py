"""Structural validation: the cheap checks every record must pass before expensive stages.

Readers already reject unparseable input; this stage guards records that arrive from elsewhere
(a previous run, a hand-edited JSONL) and enforces size limits that protect later stages (an LLM
prompt or an NER pass over a 5 MB "turn" is a bug in the export, not a consultation).
"""

from __future__ import annotations

from pydantic import Field

from mediscope.io.base import check_record
from mediscope.record import Record
from mediscope.stages.base import Stage, StageConfig, StageResult


class ValidateConfig(StageConfig):
    min_turns: int = Field(default=1, ge=0, description="Dialogue-like records need at least this many turns.")
    max_turn_chars: int = Field(default=20_000, ge=1, description="Longer turns are rejected as oversize.")
    max_turns: int = Field(default=200, ge=1, description="More turns than this is rejected as oversize.")


class ValidateStage(Stage[ValidateConfig]):
    name = "validate"
    version = "1"
    config_class = ValidateConfig

    def process(self, batch: list[Record]) -> StageResult:
        result = StageResult()
        c = self.config
        for rec in batch:
            problem = check_record(rec)
            if problem is not None:
                result.reject(rec, *problem)
            elif rec.kind in ("dialogue", "qa", "consultation", "vqa") and len(rec.turns) < c.min_turns:
                result.reject(rec, "too_few_turns", f"{len(rec.turns)} turn(s) < {c.min_turns}")
            elif len(rec.turns) > c.max_turns:
                result.reject(rec, "oversize", f"{len(rec.turns)} turns > {c.max_turns}")
            elif any(len(t.text) > c.max_turn_chars for t in rec.turns):
                longest = max(len(t.text) for t in rec.turns)
                result.reject(rec, "oversize", f"a turn has {longest} characters > {c.max_turn_chars}")
            else:
                result.kept.append(rec)
        return result
