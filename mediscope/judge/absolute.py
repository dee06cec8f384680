"""Absolute judging: 1-10 per dimension for one response, and pairs derived from it.

The paper's ablation compares this with relative (pairwise) judging: absolute scores agree far
less with experts (51.5% vs 86.1%). `AbsoluteJudge.compare` turns two score sets into a
`PairVerdict`, so both modes plug into the same win-rate and consistency code.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from mediscope.judge._payload import Context, absolute_payload
from mediscope.judge.verdicts import PairVerdict, scores_to_verdict
from mediscope.llm.client import JsonSchemaSpec, LLMClient
from mediscope.llm.prompts import load_prompt
from mediscope.llm.schemas import DIMENSIONS, AbsoluteAnswer, strict_json_schema
from mediscope.llm.sync import run_sync

log = logging.getLogger(__name__)


class AbsoluteJudge:
    """`score(context, response) -> {dimension: 1..10}`; `compare` derives a pair verdict."""

    def __init__(
        self,
        client: LLMClient,
        *,
        prompt_version: int | None = None,
        concurrency: int = 32,
        temperature: float = 0.0,
        max_tokens: int | None = 1024,
        dimensions: tuple[str, ...] = DIMENSIONS,
        margin: float = 0.0,
    ) -> None:
        self.client = client
        self.prompt = load_prompt("judge_absolute", prompt_version)
        self.concurrency = concurrency
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.dimensions = tuple(dimensions)
        self.margin = margin
        self._schema = JsonSchemaSpec("judge_score", strict_json_schema(AbsoluteAnswer))

    @property
    def ref(self) -> str:
        return f"{self.prompt.ref} model={self.client.model}"

    async def score(self, context: Context, response: str) -> dict[str, float]:
        messages = [
            {"role": "system", "content": self.prompt.text},
            {"role": "user", "content": absolute_payload(context, response)},
        ]
        result = await self.client.complete(
            messages,
            schema=self._schema,
            validate=AbsoluteAnswer.model_validate_json,
            temperature=self.temperature,
            max_tokens=self.max_tokens,
        )
        answer: AbsoluteAnswer = result.value
        return {d: float(getattr(answer, d).score) for d in self.dimensions}

    async def score_many(self, items: list[tuple[Context, str]]) -> list[dict[str, float]]:
        sem = asyncio.Semaphore(self.concurrency)

        async def one(item: tuple[Context, str]) -> dict[str, float]:
            async with sem:
                return await self.score(*item)

        return list(await asyncio.gather(*(one(i) for i in items)))

    async def compare(self, context: Context, a: str, b: str) -> PairVerdict:
        """Score A and B separately and compare the scores (the absolute-mode pair verdict)."""
        sa, sb = await asyncio.gather(self.score(context, a), self.score(context, b))
        return scores_to_verdict(sa, sb, margin=self.margin, dimensions=self.dimensions)

    async def compare_many(self, items: list[tuple[Context, str, str]]) -> list[PairVerdict]:
        sem = asyncio.Semaphore(self.concurrency)

        async def one(item: tuple[Context, str, str]) -> PairVerdict:
            async with sem:
                return await self.compare(*item)

        return list(await asyncio.gather(*(one(i) for i in items)))

    def score_sync(self, context: Context, response: str) -> dict[str, float]:
        return run_sync(self.score(context, response))

    def compare_sync(self, context: Context, a: str, b: str) -> PairVerdict:
        return run_sync(self.compare(context, a, b))

    def compare_many_sync(self, items: list[tuple[Context, str, str]]) -> list[PairVerdict]:
        return run_sync(self.compare_many(items))

    def describe(self) -> dict[str, Any]:
        return {
            "mode": "absolute",
            "prompt": self.prompt.ref,
            "model": self.client.model,
            "margin": self.margin,
        }
