"""Contract: the CRPO reward consumes PairwiseJudge / AbsoluteJudge as they are."""

from __future__ import annotations

import pytest

from mediscope.judge import AbsoluteJudge, PairwiseJudge
from mediscope.llm import LLMClient, LLMConfig
from mediscope.testing import ChatServer, absolute_responder, length_judge, position_biased_judge

reward_mod = pytest.importorskip("mediscope.train.reward")


def _client(server: ChatServer) -> LLMClient:
    return LLMClient(LLMConfig(base_url=server.base_url, model="judge", cache_dir=None, backoff_base=0.01))


def _columns(n: int) -> dict:
    cps = [{"model": f"m{k}", "response": "短回答" + str(k)} for k in range(2)]
    return {"counterparts": [cps] * n, "context": [[{"role": "user", "content": "头痛怎么办？"}]] * n}


def test_relative_reward_with_real_judge() -> None:
    completions = ["请问头痛多久了？有没有恶心呕吐？建议测量血压。", "嗯"]
    with ChatServer(responder=length_judge()) as server:
        reward = reward_mod.CounterpartReward(PairwiseJudge(_client(server)), mode="crpo", k=2)
        values = reward(["头痛怎么办？"] * 2, completions, **_columns(2))
    assert values == [1.0, 0.0]


def test_position_bias_gives_no_reward() -> None:
    with ChatServer(responder=position_biased_judge()) as server:
        reward = reward_mod.CounterpartReward(PairwiseJudge(_client(server)), mode="crpo", k=2)
        values = reward(["头痛怎么办？"], ["任何回答都一样"], **_columns(1))
    assert values == [0.0]


def test_absolute_reward_with_real_judge() -> None:
    with ChatServer(responder=absolute_responder(lambda d, r: 8 if "？" in r else 2)) as server:
        reward = reward_mod.CounterpartReward(AbsoluteJudge(_client(server)), mode="grpo-absolute", k=2)
        values = reward(["头痛怎么办？"] * 2, ["多久了？", "休息"], **_columns(2))
    assert values == [8.0, 2.0]
