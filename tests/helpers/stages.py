"""Stages used only by tests (importable by path from a subprocess: tests.helpers.stages:...)."""

from __future__ import annotations

import time

from pydantic import Field

from mediscope.record import Record
from mediscope.stages.base import Stage, StageConfig, StageResult


class SleepConfig(StageConfig):
    seconds: float = Field(default=0.05, ge=0)


class SleepStage(Stage[SleepConfig]):
    """Keeps every record but takes time, so a test can kill a run mid-way."""

    name = "sleep"
    config_class = SleepConfig

    def process(self, batch: list[Record]) -> StageResult:
        time.sleep(self.config.seconds)
        return StageResult(kept=list(batch))


class DropOddConfig(StageConfig):
    reason: str = "odd_row"


class DropOddStage(Stage[DropOddConfig]):
    """Rejects records whose source row is odd: a deterministic, checkable rejection."""

    name = "drop_odd"
    config_class = DropOddConfig

    def process(self, batch: list[Record]) -> StageResult:
        result = StageResult()
        for rec in batch:
            if (rec.source.row or 0) % 2:
                result.reject(rec, self.config.reason, f"row {rec.source.row} is odd")
            else:
                result.kept.append(rec)
        return result


class ExplodeStage(Stage[StageConfig]):
    """Raises on every batch, to test the runner's stage-error policy."""

    name = "explode"

    def process(self, batch: list[Record]) -> StageResult:
        raise ValueError("boom")


class LosesRecordsStage(Stage[StageConfig]):
    """Breaks the in = out + rejected invariant; the base class must catch it."""

    name = "loses"

    def process(self, batch: list[Record]) -> StageResult:
        return StageResult(kept=batch[1:])
