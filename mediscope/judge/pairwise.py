"""Pairwise judging: A vs B on four dimensions, both orders, disagreement = tie.

LLM judges prefer whichever answer they see first (or second) more often than content
justifies. Judging (A, B) and (B, A) and keeping only outcomes on which both orders agree
removes that bias: a purely positional preference flips with the order and becomes a tie. The
same `PairwiseJudge` is CRPO's reward and the benchmark metric, so training optimises exactly
what evaluation measures.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import OrderedDict
from typing import Any

from mediscope.judge._payload import Context, pairwise_payload
from mediscope.judge.verdicts import PairVerdict, combine_orders
from mediscope.llm.client import JsonSchemaSpec, LLMClient, LLMError
from mediscope.llm.prompts import load_prompt
from mediscope.llm.schemas import DIMENSIONS, PairwiseAnswer, strict_json_schema
from mediscope.llm.sync import run_sync

log = logging.getLogger(__name__)

_TO_A_SIDE_FIRST = {"A": "win", "B": "loss", "tie": "tie"}  # A shown first
_TO_A_SIDE_SECOND = {"A": "loss", "B": "win", "tie": "tie"}  # A shown second


class PairwiseJudge:
    """`compare(context, a, b) -> PairVerdict`, from A's side, order-debiased and cached.

    `on_error="raise"` (default) propagates LLM failures; `"tie"` turns a pair the endpoint
    could not judge into an all-tie verdict (reasons say why) so a long evaluation survives a
    few failures.
    """

    def __init__(
        self,
        client: LLMClient,
        *,
        prompt_version: int | None = None,
        concurrency: int = 32,
        temperature: float = 0.0,
        max_tokens: int | None = 1024,
        dimensions: tuple[str, ...] = DIMENSIONS,
        swap: bool = True,
        on_error: str = "raise",
    ) -> None:
        if on_error not in ("raise", "tie"):
            raise ValueError("on_error must be 'raise' or 'tie'")
        unknown = set(dimensions) - set(DIMENSIONS)
        if unknown:
            raise ValueError(f"unknown dimensions {sorted(unknown)}; known: {DIMENSIONS}")
        self.client = client
        self.prompt = load_prompt("judge_pairwise", prompt_version)
        self.concurrency = concurrency
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.dimensions = tuple(dimensions)
        self.swap = swap
        self.on_error = on_error
        self._schema = JsonSchemaSpec("judge_verdict", strict_json_schema(PairwiseAnswer))
        # In-memory LRU over the disk cache: CRPO re-judges the same pairs across steps.
        self._memo: OrderedDict[str, PairVerdict] = OrderedDict()
        self.memo_size = 100_000

    @property
    def ref(self) -> str:
        """Judge identity for reports and provenance: prompt version and model."""
        return f"{self.prompt.ref} model={self.client.model}"

    async def _once(self, context: Context, first: str, second: str) -> PairwiseAnswer:
        messages = [
            {"role": "system", "content": self.prompt.text},
            {"role": "user", "content": pairwise_payload(context, first, second)},
        ]
        result = await self.client.complete(
            messages,
            schema=self._schema,
            validate=PairwiseAnswer.model_validate_json,
            temperature=self.temperature,
            max_tokens=self.max_tokens,
        )
        return result.value

    async def compare(self, context: Context, a: str, b: str) -> PairVerdict:
        """Judge A vs B in both orders; outcomes where the orders disagree become ties."""
        key = hashlib.sha256(
            json.dumps([context, a, b], ensure_ascii=False, sort_keys=True).encode()
        ).hexdigest()
        if key in self._memo:
            self._memo.move_to_end(key)
            return self._memo[key]
        if a.strip() == b.strip():
            return PairVerdict.all_tie("identical responses", self.dimensions)
        try:
            if self.swap:
                ab, ba = await asyncio.gather(self._once(context, a, b), self._once(context, b, a))
            else:
                ab, ba = await self._once(context, a, b), None
        except LLMError as exc:
            if self.on_error == "raise":
                raise
            log.warning("judge failed on a pair (%s); counting it as a tie", exc.reason)
            return PairVerdict.all_tie(f"judge unavailable: {exc.reason}", self.dimensions)
        first = {d: _TO_A_SIDE_FIRST[getattr(ab, d).winner] for d in self.dimensions}
        second = {d: _TO_A_SIDE_SECOND[getattr(ba, d).winner] for d in self.dimensions} if ba else first
        outcomes, agreed = combine_orders(first, second, self.dimensions)
        reasons = {}
        for d in self.dimensions:
            reason = getattr(ab, d).reason
            if ba is not None and not agreed[d]:
                reason = f"orders disagree: [A first] {reason} | [B first] {getattr(ba, d).reason}"
            reasons[d] = reason
        verdict = PairVerdict(outcomes=outcomes, reasons=reasons, agreed=agreed, mode="relative")
        self._memo[key] = verdict
        if len(self._memo) > self.memo_size:
            self._memo.popitem(last=False)
        return verdict

    async def compare_many(self, items: list[tuple[Context, str, str]]) -> list[PairVerdict]:
        """Judge many pairs with at most `concurrency` pairs in flight; results keep input order."""
        sem = asyncio.Semaphore(self.concurrency)

        async def one(item: tuple[Context, str, str]) -> PairVerdict:
            async with sem:
                return await self.compare(*item)

        return list(await asyncio.gather(*(one(item) for item in items)))

    # -- sync wrappers (for TRL reward functions and scripts) --------------------------------
    def compare_sync(self, context: Context, a: str, b: str) -> PairVerdict:
        return run_sync(self.compare(context, a, b))

    def compare_many_sync(self, items: list[tuple[Context, str, str]]) -> list[PairVerdict]:
        return run_sync(self.compare_many(items))

    def describe(self) -> dict[str, Any]:
        return {"mode": "relative", "prompt": self.prompt.ref, "model": self.client.model, "swap": self.swap}
