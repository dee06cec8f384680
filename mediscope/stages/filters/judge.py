"""`JudgeScoreStage`: optional LLM-judge scores for the quality filter to threshold.

Scores the dialogue's final doctor turn, given everything before it, with the project's
`AbsoluteJudge` (1-10 on proactiveness, accuracy, usefulness, language) and writes
`quality.scores` entries `judge_<dimension>` and `judge_mean`. It only measures; rejecting is the
filter's job (`scores: {min_values: {judge_mean: 6}}`), so thresholds can change without paying
for the judge again (its answers are also cached by the LLM client when `llm.cache_dir` is set).

A judge failure (endpoint down, answers that never validate) leaves the record unscored and
flagged `judge_error`; the filter's `scores.missing` policy then keeps or rejects it.

Like every stage that sends record text off the machine, it goes through the privacy gate: a
record whose de-identification has not passed is rejected (`not_deidentified`), never sent.

Use by import path: `stage: mediscope.stages.filters.judge:JudgeScoreStage`.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from pydantic import Field

from mediscope.record import Record, Score
from mediscope.stages.base import Stage, StageConfig, StageResult

log = logging.getLogger(__name__)

ROLE = {"patient": "user", "doctor": "assistant", "system": "system"}


class JudgeScoreConfig(StageConfig):
    llm: dict[str, Any] = Field(default_factory=dict, description="mediscope.llm LLMConfig fields (endpoint, model).")
    prompt_version: int | None = None
    concurrency: int = Field(default=16, ge=1)
    prefix: str = Field(default="judge_", description="Score name prefix.")


def judge_item(rec: Record) -> tuple[list[dict[str, str]], str] | None:
    """(context, response) for the last doctor turn, or None when there is no doctor answer."""
    last = max((i for i, t in enumerate(rec.turns) if t.role == "doctor"), default=None)
    if last is None:
        return None
    context = [{"role": ROLE[t.role], "content": t.text} for t in rec.turns[:last]]
    return context, rec.turns[last].text


class JudgeScoreStage(Stage[JudgeScoreConfig]):
    name: ClassVar[str] = "judge_score"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = JudgeScoreConfig

    def setup(self) -> None:
        from mediscope.judge.absolute import AbsoluteJudge
        from mediscope.llm.client import LLMClient
        from mediscope.llm.config import LLMConfig

        self._judge = AbsoluteJudge(LLMClient(LLMConfig(**self.config.llm)),
                                    prompt_version=self.config.prompt_version,
                                    concurrency=self.config.concurrency)

    def process(self, batch: list[Record]) -> StageResult:
        from mediscope.llm.privacy import PrivacyGateError, require_deidentified
        from mediscope.llm.sync import run_sync

        result = StageResult()
        cleared: list[Record] = []
        for rec in batch:
            try:
                require_deidentified(rec)
            except PrivacyGateError as exc:
                result.reject(rec, exc.reason, str(exc))
            else:
                cleared.append(rec)
        batch = cleared
        items = [(i, judge_item(r)) for i, r in enumerate(batch)]
        todo = [(i, item) for i, item in items if item is not None]

        async def score_all() -> list[dict[str, float] | BaseException]:
            import asyncio

            sem = asyncio.Semaphore(self.config.concurrency)

            async def one(ctx: list[dict[str, str]], resp: str) -> dict[str, float]:
                async with sem:
                    return await self._judge.score(ctx, resp)

            return list(await asyncio.gather(*(one(*item) for _, item in todo), return_exceptions=True))

        results = run_sync(score_all()) if todo else []
        p = self.config.prefix
        for (i, _), scores in zip(todo, results, strict=True):
            rec = batch[i]
            if isinstance(scores, BaseException):
                log.warning("judge failed on %s: %s", rec.id, scores)
                rec.quality.flags.append("judge_error")
                continue
            names = {f"{p}{d}" for d in scores} | {f"{p}mean"}
            mean = sum(scores.values()) / len(scores) if scores else 0.0
            rec.quality.scores[:] = [s for s in rec.quality.scores if s.name not in names] + [
                Score(name=f"{p}{d}", value=v) for d, v in scores.items()
            ] + [Score(name=f"{p}mean", value=round(mean, 3))]
        result.kept = list(batch)
        return result
