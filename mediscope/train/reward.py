"""CRPO rewards: a sampled response against K stored counterpart responses, judged pairwise.

Definition (relative mode, the paper's CRPO): for a completion ``c`` of prompt ``x`` with stored
counterpart responses ``r_1..r_K`` and dimensions ``D`` (proactiveness, accuracy, usefulness,
language),

    reward(c) = 1 / (K * |D|) * sum_k sum_d [ judge(x, c, r_k)[d] == "win" ]

so a tie counts as no win, and the reward lies in [0, 1]. The judge compares both orders and
calls disagreement a tie (that is the judge's job, not ours).

``grpo-absolute`` (the paper's ablation): the judge scores each completion alone, 1-10 per
dimension, and the reward is the mean over dimensions.

Batching: TRL calls a reward function once per generation batch with one entry per completion
(the ``num_generations`` completions of each prompt are adjacent). We regroup the batch by
prompt and send every (completion, counterpart) pair of the batch to the judge in one
``compare_many`` call, after collapsing identical pairs (sampling often repeats a completion
within a group), so the judge's bounded concurrency and cache see the whole batch at once.

The judge is anything satisfying :class:`PairJudge` / :class:`ScoreJudge`, so the reward math is
tested with scripted verdicts and runs in production with ``mediscope.judge``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from mediscope.train.config import DIMENSIONS

log = logging.getLogger(__name__)

Context = list[dict[str, str]]


@runtime_checkable
class PairJudge(Protocol):
    """What the relative reward needs from a judge (``mediscope.judge.PairwiseJudge`` fits)."""

    async def compare_many(self, items: list[tuple[Context, str, str]]) -> list[Any]: ...


@runtime_checkable
class ScoreJudge(Protocol):
    """What the absolute reward needs (``mediscope.judge.AbsoluteJudge`` fits)."""

    async def score(self, context: Context, response: str) -> Mapping[str, float]: ...


_WIN = {"win", "a", "A"}


def outcome(verdict: Any, dimension: str) -> str:
    """The verdict's outcome for ``dimension`` as "win" | "tie" | "loss" (from A's side).

    Accepts the shapes a verdict may take: a mapping ``{dim: outcome}``, an object with an
    ``outcomes`` / ``winners`` / ``verdicts`` mapping, or one attribute per dimension; an
    outcome may itself be a string or an object with ``.outcome`` / ``.winner``.
    """
    value: Any = None
    if isinstance(verdict, Mapping):
        value = verdict.get(dimension)
    else:
        for attr in ("outcomes", "winners", "verdicts", "dimensions", "results"):
            table = getattr(verdict, attr, None)
            if isinstance(table, Mapping) and dimension in table:
                value = table[dimension]
                break
        else:
            value = getattr(verdict, dimension, None)
    for attr in ("outcome", "winner", "result"):
        if value is not None and not isinstance(value, str) and hasattr(value, attr):
            value = getattr(value, attr)
    if isinstance(value, Mapping):
        value = value.get("outcome", value.get("winner"))
    if value is None:
        raise ValueError(f"verdict has no outcome for dimension {dimension!r}: {verdict!r}")
    text = str(getattr(value, "value", value)).strip()
    low = text.lower()
    if low in ("win", "a"):
        return "win"
    if low in ("loss", "lose", "b"):
        return "loss"
    if low in ("tie", "draw", "equal"):
        return "tie"
    raise ValueError(f"unknown outcome {text!r} for dimension {dimension!r}")


def relative_reward(verdicts: Sequence[Any], dimensions: Sequence[str] = DIMENSIONS) -> float:
    """Mean binary win over K verdicts x dimensions (ties and losses count 0)."""
    if not verdicts:
        raise ValueError("relative reward needs at least one counterpart verdict")
    wins = sum(outcome(v, d) == "win" for v in verdicts for d in dimensions)
    return wins / (len(verdicts) * len(dimensions))


def absolute_reward(scores: Mapping[str, float], dimensions: Sequence[str] = DIMENSIONS) -> float:
    """Mean of the 1-10 per-dimension scores."""
    missing = [d for d in dimensions if d not in scores]
    if missing:
        raise ValueError(f"absolute scores miss dimensions {missing}: {dict(scores)}")
    return sum(float(scores[d]) for d in dimensions) / len(dimensions)


def completion_text(completion: Any) -> str:
    """TRL hands conversational completions as ``[{"role": "assistant", "content": ...}]``."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list):
        from mediscope.train.data import message_text

        return "\n".join(message_text(m) for m in completion if m.get("role", "assistant") == "assistant")
    raise TypeError(f"unexpected completion type {type(completion).__name__}")


def _context(prompt: Any, context: Any) -> Context:
    """The judge's context: the stored plain-text JSON when present, else the prompt itself."""
    if isinstance(context, str) and context:
        return json.loads(context)
    if isinstance(context, list):
        return context
    from mediscope.train.data import plain_context

    if isinstance(prompt, str):
        return [{"role": "user", "content": prompt}]
    return plain_context(prompt)


def run_sync(coro):
    """Run a coroutine from synchronous code (TRL calls reward functions synchronously).

    Uses ``mediscope.llm``'s long-lived background loop, so the judge's HTTP pool, semaphores
    and cache stay bound to one loop across GRPO steps, and it works under a running loop.
    """
    from mediscope.llm.sync import run_sync as _run

    return _run(coro)


class CounterpartReward:
    """TRL reward function: CRPO's relative reward or the ``grpo-absolute`` ablation.

    Call signature is TRL's: ``reward(prompts, completions, **columns) -> list[float]`` where
    ``columns`` carries the dataset's ``counterparts`` and ``context`` (one entry per completion).
    After each call ``last_stats`` holds per-dimension win rates (or mean scores) for logging.
    """

    def __init__(self, judge: Any, mode: str = "crpo", k: int = 5, dimensions: Sequence[str] = DIMENSIONS):
        if mode not in ("crpo", "grpo-absolute"):
            raise ValueError(f"unknown reward mode {mode!r}")
        if mode == "crpo" and not isinstance(judge, PairJudge):
            raise TypeError("crpo mode needs a judge with async compare_many(items)")
        if mode == "grpo-absolute" and not isinstance(judge, ScoreJudge):
            raise TypeError("grpo-absolute mode needs a judge with async score(context, response)")
        self.judge = judge
        self.mode = mode
        self.k = k
        self.dimensions = tuple(dimensions)
        self.last_stats: dict[str, float] = {}
        self.__name__ = "crpo_reward" if mode == "crpo" else "absolute_reward"

    def __call__(self, prompts: list[Any], completions: list[Any], **columns: Any) -> list[float]:
        n = len(completions)
        contexts = columns.get("context") or [None] * n
        ctx = [_context(p, c) for p, c in zip(prompts, contexts, strict=True)]
        texts = [completion_text(c) for c in completions]
        if self.mode == "crpo":
            counterparts = columns.get("counterparts")
            if counterparts is None:
                raise KeyError("crpo reward needs the dataset's 'counterparts' column")
            rewards = run_sync(self._relative(ctx, texts, counterparts))
        else:
            rewards = run_sync(self._absolute(ctx, texts))
        log_metric = columns.get("log_metric")  # TRL >= 1.x hands reward functions a metric logger
        if callable(log_metric):
            for name, value in self.last_stats.items():
                log_metric(f"{self.__name__}/{name}", value)
        return rewards

    async def _relative(self, ctx: list[Context], texts: list[str], counterparts: list[Any]) -> list[float]:
        # One judge call per distinct (context, completion, counterpart) in the whole batch.
        unique: OrderedDict[tuple[str, str, str], tuple[Context, str, str]] = OrderedDict()
        plan: list[list[tuple[str, str, str]]] = []
        for c, text, cps in zip(ctx, texts, counterparts, strict=True):
            responses = [cp["response"] if isinstance(cp, Mapping) else str(cp) for cp in (cps or [])][: self.k]
            if len(responses) < self.k:
                raise ValueError(f"a prompt has {len(responses)} counterparts; the reward needs k={self.k}")
            key_ctx = json.dumps(c, ensure_ascii=False, sort_keys=True)
            keys = []
            for r in responses:
                key = (key_ctx, text, r)
                unique.setdefault(key, (c, text, r))
                keys.append(key)
            plan.append(keys)
        items = list(unique.values())
        log.debug("crpo reward: %d completions, %d judge pairs (%d before dedup)", len(texts), len(items), len(texts) * self.k)
        verdicts = await self.judge.compare_many(items)
        if len(verdicts) != len(items):
            raise RuntimeError(f"judge returned {len(verdicts)} verdicts for {len(items)} pairs")
        by_key = dict(zip(unique.keys(), verdicts, strict=True))
        rewards = [relative_reward([by_key[k] for k in keys], self.dimensions) for keys in plan]
        all_v = [by_key[k] for keys in plan for k in keys]
        self.last_stats = {
            f"win_rate/{d}": sum(outcome(v, d) == "win" for v in all_v) / len(all_v) for d in self.dimensions
        }
        self.last_stats["judge_pairs"] = float(len(items))
        return rewards

    async def _absolute(self, ctx: list[Context], texts: list[str]) -> list[float]:
        unique: OrderedDict[tuple[str, str], tuple[Context, str]] = OrderedDict()
        keys = []
        for c, text in zip(ctx, texts, strict=True):
            key = (json.dumps(c, ensure_ascii=False, sort_keys=True), text)
            unique.setdefault(key, (c, text))
            keys.append(key)
        many = getattr(self.judge, "score_many", None)
        if many is not None:
            scores = await many(list(unique.values()))
        else:
            scores = await asyncio.gather(*(self.judge.score(c, t) for c, t in unique.values()))
        by_key = dict(zip(unique.keys(), scores, strict=True))
        per = [by_key[k] for k in keys]
        self.last_stats = {f"score/{d}": sum(float(s[d]) for s in per) / len(per) for d in self.dimensions}
        return [absolute_reward(s, self.dimensions) for s in per]
