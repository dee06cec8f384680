"""The reward driven through the real `mediscope.judge` + openai client + loopback server."""

from __future__ import annotations

import pytest

pytest.importorskip("mediscope.judge")

from mediscope.testing import ChatServer, absolute_responder, judge_responder  # noqa: E402
from mediscope.train.config import JudgeSettings  # noqa: E402
from mediscope.train.crpo import build_judge  # noqa: E402
from mediscope.train.reward import CounterpartReward  # noqa: E402

COUNTERPARTS = ["good: see a cardiologist", "meh", "good: ECG now", "no idea", "rest"]


def prefer_good(dialogue, a: str, b: str) -> str:
    """Content-consistent: an answer marked 'good' beats one that is not; otherwise a tie."""
    ga, gb = a.startswith("good"), b.startswith("good")
    return "A" if ga and not gb else "B" if gb and not ga else "tie"


def test_crpo_reward_through_real_judge(tmp_path):
    with ChatServer(responder=judge_responder(prefer_good)) as server:
        judge = build_judge(
            JudgeSettings(model="judge", base_url=server.base_url, cache_dir=str(tmp_path / "cache"), concurrency=4),
            "crpo",
        )
        reward = CounterpartReward(judge, mode="crpo", k=5)
        cps = [{"model": f"m{j}", "response": r} for j, r in enumerate(COUNTERPARTS)]
        completions = ["good: take aspirin and call 120", "bad answer", "good: take aspirin and call 120"]
        kwargs = dict(
            prompts=[[{"role": "user", "content": "胸痛两天"}]] * 3,
            completions=[[{"role": "assistant", "content": c}] for c in completions],
            counterparts=[cps] * 3,
        )
        got = reward(**kwargs)
        first = len(server.requests)
        again = reward(**kwargs)
        after = len(server.requests)
    # good completion: beats the 3 non-good counterparts on all 4 dims, ties the 2 good ones
    # bad completion: loses to 2, ties 3 -> never a win
    assert got == pytest.approx([3 / 5, 0.0, 3 / 5])
    assert again == got
    # both orders per distinct pair (2 completions x 5 counterparts), nothing re-asked on repeat
    assert first == 2 * 5 * 2
    assert after == first


def test_absolute_reward_through_real_judge(tmp_path):
    def score(dialogue, response):
        return 9 if response.startswith("good") else 3

    with ChatServer(responder=absolute_responder(score)) as server:
        judge = build_judge(
            JudgeSettings(model="judge", base_url=server.base_url, cache_dir=str(tmp_path / "cache")),
            "grpo-absolute",
        )
        reward = CounterpartReward(judge, mode="grpo-absolute")
        got = reward(prompts=["胸痛两天", "胸痛两天"], completions=["good: ECG", "bad"])
    assert got == pytest.approx([9.0, 3.0])
