"""The CRPO reward equals its definition on scripted verdicts (no model, no network)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from mediscope.train.reward import CounterpartReward, absolute_reward, outcome, relative_reward

DIMS = ("proactiveness", "accuracy", "usefulness", "language")


@dataclass
class ScriptedPairJudge:
    """Verdicts from a table keyed by (completion, counterpart); records every batch it gets."""

    table: dict[tuple[str, str], dict[str, str]]
    batches: list[list[tuple]] = field(default_factory=list)

    async def compare_many(self, items):
        self.batches.append(list(items))
        return [dict(self.table[(a, b)]) for _ctx, a, b in items]


@dataclass
class ScriptedScoreJudge:
    table: dict[str, dict[str, float]]
    calls: list[str] = field(default_factory=list)

    async def score(self, context, response):
        self.calls.append(response)
        return self.table[response]


def _cps(*responses):
    return [{"model": f"m{i}", "response": r} for i, r in enumerate(responses)]


def _ctx(text="头痛两周"):
    return json.dumps([{"role": "user", "content": text}], ensure_ascii=False)


def test_relative_reward_is_mean_binary_win_ties_count_zero():
    verdicts = [
        {"proactiveness": "win", "accuracy": "tie", "usefulness": "loss", "language": "win"},
        {"proactiveness": "tie", "accuracy": "tie", "usefulness": "tie", "language": "tie"},
    ]
    assert relative_reward(verdicts, DIMS) == pytest.approx(2 / 8)
    assert relative_reward(verdicts, ("proactiveness",)) == pytest.approx(1 / 2)
    with pytest.raises(ValueError):
        relative_reward([], DIMS)


def test_outcome_reads_several_verdict_shapes():
    @dataclass
    class V:
        outcomes: dict

    assert outcome(V({"accuracy": "win"}), "accuracy") == "win"
    assert outcome({"accuracy": {"winner": "B"}}, "accuracy") == "loss"
    assert outcome({"accuracy": "TIE"}, "accuracy") == "tie"
    with pytest.raises(ValueError):
        outcome({"accuracy": "maybe"}, "accuracy")
    with pytest.raises(ValueError):
        outcome({}, "accuracy")


def test_crpo_reward_matches_definition_over_k_counterparts_and_batches_once():
    k = 5
    counterparts = [f"cp{j}" for j in range(k)]
    completions = ["short", "a much longer answer", "short"]  # a repeat inside the group
    table = {}
    for c in completions:
        for j, cp in enumerate(counterparts):
            # completion i wins dimension d against counterpart j when (len(c) + j + d) % 3 == 0
            table[(c, cp)] = {d: ("win" if (len(c) + j + n) % 3 == 0 else "tie" if (j + n) % 2 else "loss")
                              for n, d in enumerate(DIMS)}
    judge = ScriptedPairJudge(table)
    reward = CounterpartReward(judge, mode="crpo", k=k)
    rows = len(completions)
    got = reward(
        prompts=[[{"role": "user", "content": "q"}]] * rows,
        completions=[[{"role": "assistant", "content": c}] for c in completions],
        counterparts=[_cps(*counterparts)] * rows,
        context=[_ctx()] * rows,
    )
    expected = [
        sum(table[(c, cp)][d] == "win" for cp in counterparts for d in DIMS) / (k * len(DIMS)) for c in completions
    ]
    assert got == pytest.approx(expected)
    assert 0.0 < max(got) <= 1.0
    # the whole batch went to the judge in one call, identical pairs collapsed
    assert len(judge.batches) == 1
    assert len(judge.batches[0]) == 2 * k
    assert reward.last_stats["judge_pairs"] == 2 * k


def test_crpo_reward_uses_only_first_k_counterparts_and_refuses_fewer():
    table = {("c", f"cp{j}"): {d: ("win" if j < 2 else "loss") for d in DIMS} for j in range(5)}
    reward = CounterpartReward(ScriptedPairJudge(table), mode="crpo", k=3)
    got = reward(prompts=["q"], completions=["c"], counterparts=[_cps("cp0", "cp1", "cp2", "cp3", "cp4")])
    assert got == pytest.approx([2 / 3])
    with pytest.raises(ValueError, match="k=3"):
        reward(prompts=["q"], completions=["c"], counterparts=[_cps("cp0", "cp1")])
    with pytest.raises(KeyError):
        reward(prompts=["q"], completions=["c"])


def test_all_ties_give_zero_reward():
    table = {("c", f"cp{j}"): {d: "tie" for d in DIMS} for j in range(5)}
    reward = CounterpartReward(ScriptedPairJudge(table), mode="crpo", k=5)
    assert reward(prompts=["q"], completions=["c"], counterparts=[_cps(*[f"cp{j}" for j in range(5)])]) == [0.0]


def test_judge_context_is_the_stored_plain_text_prompt():
    judge = ScriptedPairJudge({("c", "cp0"): {d: "win" for d in DIMS}})
    reward = CounterpartReward(judge, mode="crpo", k=1)
    reward(prompts=["ignored"], completions=["c"], counterparts=[_cps("cp0")], context=[_ctx("胸痛")])
    ctx, a, b = judge.batches[0][0]
    assert ctx == [{"role": "user", "content": "胸痛"}] and (a, b) == ("c", "cp0")


def test_absolute_mode_is_mean_of_scores():
    table = {
        "good": {"proactiveness": 9, "accuracy": 8, "usefulness": 7, "language": 10},
        "bad": {"proactiveness": 1, "accuracy": 2, "usefulness": 3, "language": 2},
    }
    judge = ScriptedScoreJudge(table)
    reward = CounterpartReward(judge, mode="grpo-absolute")
    got = reward(prompts=["q", "q", "q"], completions=["good", "bad", "good"])
    assert got == pytest.approx([8.5, 2.0, 8.5])
    assert sorted(judge.calls) == ["bad", "good"]  # repeats scored once
    assert absolute_reward(table["bad"], ("accuracy",)) == 2.0
    with pytest.raises(ValueError):
        absolute_reward({"accuracy": 5}, DIMS)


def test_mode_and_judge_must_match():
    with pytest.raises(TypeError):
        CounterpartReward(ScriptedScoreJudge({}), mode="crpo")
    with pytest.raises(TypeError):
        CounterpartReward(ScriptedPairJudge({}), mode="grpo-absolute")
    with pytest.raises(ValueError):
        CounterpartReward(ScriptedPairJudge({}), mode="elo")
