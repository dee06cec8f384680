"""`deid` stage: replace PHI in every turn and report text, record where, reject on failure.

Policy:
- Every text field of a record (`Record.texts()`) is de-identified with ONE surrogate map and ONE
  date shift per `case_id`, so a person keeps one fake name across the whole case.
- `record.deid.spans` gets type, original offsets, score, recognizer and operator of each finding;
  the PHI text itself is never stored.
- Any exception, and any output in which an original PHI string survives, rejects the record with
  reason `deid_failed`: a record is never passed on half de-identified.
- Records already `passed` are skipped by default (a resumed or repeated run must not
  re-surrogate surrogates); set `recheck: true` to run them again anyway. Records marked `failed`
  by an earlier step are rejected.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from pydantic import Field

from mediscope.deid.types import OperatorName
from mediscope.record import DeidStatus, Record
from mediscope.stages.base import Stage, StageConfig, StageResult

log = logging.getLogger(__name__)

DEID_FAILED = "deid_failed"


class TextDeidConfig(StageConfig):
    lang: str = Field(default="auto", description="'zh', 'en', 'mixed' or 'auto' (each text field detected).")
    operators: dict[str, OperatorName] = Field(
        default_factory=lambda: {"DATE_TIME": "shift"},
        description="Per entity type: surrogate, placeholder, mask, shift, redact, keep.",
    )
    default_operator: OperatorName = Field(default="surrogate")
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    seed: int = Field(default=0, description="Surrogate seed; with case_id it fixes every fake value.")
    date_shift_min: int = -365
    date_shift_max: int = -7
    entities: list[str] | None = None
    propagate_names: bool = True
    propagate_name_parts: bool = Field(
        default=True, description="Also replace a detected name's given name/surname where it appears alone.")
    zh_statistical_ner: bool = Field(
        default=True, description="Chinese names and places with no cue, confirmed by the LAC tagger.")
    trained_ner: bool = Field(
        default=False, description="Also the PHI tagger trained on the labelled sets (union with the rules).")
    verify: bool = True
    recheck: bool = Field(default=False, description="Also process records already marked passed.")


class TextDeidStage(Stage[TextDeidConfig]):
    name: ClassVar[str] = "deid"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = TextDeidConfig

    def setup(self) -> None:
        from mediscope.deid.engine import DeidConfig, Deidentifier

        c = self.config
        self.engine = Deidentifier(DeidConfig(
            lang=c.lang, operators=c.operators, default_operator=c.default_operator,
            score_threshold=c.score_threshold, seed=c.seed, date_shift_min=c.date_shift_min,
            date_shift_max=c.date_shift_max, entities=c.entities, propagate_names=c.propagate_names,
            propagate_name_parts=c.propagate_name_parts, zh_statistical_ner=c.zh_statistical_ner, verify=c.verify,
            trained_ner=c.trained_ner,
        ))

    def process(self, batch: list[Record]) -> StageResult:
        result = StageResult()
        todo: list[int] = []
        outcome: dict[int, Record | Exception | str] = {}
        for i, rec in enumerate(batch):
            if rec.deid.status == DeidStatus.passed and not self.config.recheck:
                outcome[i] = rec
            elif rec.deid.status == DeidStatus.failed:
                outcome[i] = f"marked failed before this stage: {rec.deid.detail or ''}".strip()
            else:
                todo.append(i)
        if todo:
            try:
                done = self.engine.deidentify_records([batch[i] for i in todo])
            except Exception as exc:  # noqa: BLE001 - any failure must reject, never pass on
                done = [exc] * len(todo)
            outcome.update(zip(todo, done, strict=False))
        for i, rec in enumerate(batch):
            out = outcome[i]
            if isinstance(out, Record):
                result.kept.append(out)
                continue
            detail = out if isinstance(out, str) else f"{type(out).__name__}: {out}"[:500]
            if not isinstance(out, str):
                log.warning("de-identification failed for %s: %s", rec.id, detail)
            failed = rec.model_copy(deep=True)
            failed.deid.status = DeidStatus.failed
            failed.deid.detail = detail
            result.reject(failed, DEID_FAILED, detail)
        return result


# ---- process-pool helpers (used by `mediscope anonymize --workers N`) -------------------------

_WORKER_STAGE: TextDeidStage | None = None


def init_worker(config: dict) -> None:
    """Pool initializer: one stage (and one set of models) per worker process."""
    global _WORKER_STAGE
    _WORKER_STAGE = TextDeidStage(config)
    _WORKER_STAGE.ensure_setup()


def run_worker(batch: list[Record]) -> StageResult:
    assert _WORKER_STAGE is not None, "init_worker was not called in this process"
    return _WORKER_STAGE(batch)
