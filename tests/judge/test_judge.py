"""Judges through the real client and loopback server: swap debiasing, caching, absolute mode."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from mediscope.judge import DIMENSIONS, AbsoluteJudge, PairVerdict, PairwiseJudge, scores_to_verdict
from mediscope.llm import LLMClient, LLMConfig, LLMUnavailable
from mediscope.testing import (
    ChatServer,
    Fault,
    absolute_responder,
    judge_responder,
    length_judge,
    parse_task,
    position_biased_judge,
)

CTX = [{"role": "user", "content": "我咳嗽三天了，怎么办？"}]
SHORT = "多喝水。"
LONG = "请问有没有发热？咳痰是什么颜色？如果持续超过一周请就医。"


def client_for(server: ChatServer, tmp_path: Path | None = None, **kw: object) -> LLMClient:
    return LLMClient(
        LLMConfig(
            base_url=server.base_url,
            model="judge-model",
            backoff_base=0.01,
            backoff_max=0.02,
            max_retries=kw.pop("max_retries", 2),
            cache_dir=str(tmp_path / "cache") if tmp_path else None,
            **kw,
        )
    )


@pytest.mark.parametrize("position", ["A", "B"])
def test_position_biased_judge_is_neutralised_by_the_swap(position: str) -> None:
    with ChatServer(responder=position_biased_judge(position)) as server:
        judge = PairwiseJudge(client_for(server))
        verdict = judge.compare_sync(CTX, LONG, SHORT)
        unswapped = PairwiseJudge(client_for(server), swap=False).compare_sync(CTX, LONG, SHORT)
    assert verdict.outcomes == {d: "tie" for d in DIMENSIONS}
    assert not any(verdict.agreed.values())
    assert "orders disagree" in verdict.reasons["accuracy"]
    # without the swap the bias shows up as a (spurious) decision
    assert set(unswapped.outcomes.values()) == {"win" if position == "A" else "loss"}
    # both orders were really sent: A first, then B first
    sent = [parse_task(b) for b in server.bodies[:2]]
    assert {(s["response_A"], s["response_B"]) for s in sent} == {(LONG, SHORT), (SHORT, LONG)}


def test_consistent_judge_decides_in_both_directions() -> None:
    with ChatServer(responder=length_judge()) as server:
        judge = PairwiseJudge(client_for(server))
        ab = judge.compare_sync(CTX, LONG, SHORT)
        ba = judge.compare_sync(CTX, SHORT, LONG)
    assert set(ab.outcomes.values()) == {"win"} and all(ab.agreed.values())
    assert ba == ab.flipped()
    assert ab.overall == "win" and ba.overall == "loss"


def test_per_dimension_verdicts_and_mixed_overall() -> None:
    def prefer(dialogue, a, b):
        better = "A" if a == LONG else "B"
        worse = "B" if better == "A" else "A"
        return {"proactiveness": better, "accuracy": better, "usefulness": worse, "language": "tie"}

    with ChatServer(responder=judge_responder(prefer)) as server:
        v = PairwiseJudge(client_for(server)).compare_sync(CTX, LONG, SHORT)
    assert v.outcomes == {"proactiveness": "win", "accuracy": "win", "usefulness": "loss", "language": "tie"}
    assert v.overall == "win" and v.win_fraction() == 0.5


def test_compare_many_bounded_cached_and_ordered(tmp_path: Path) -> None:
    items = [(CTX, LONG + str(i), SHORT) for i in range(6)] + [(CTX, SHORT, LONG + "0")]
    with ChatServer(responder=length_judge(), latency=0.1) as server:
        judge = PairwiseJudge(client_for(server, tmp_path, concurrency=4), concurrency=2)
        verdicts = judge.compare_many_sync(items)
        assert server.peak_in_flight <= 4
        n = len(server.requests)
        again = PairwiseJudge(client_for(server, tmp_path)).compare_many_sync(items)  # a re-run
    # 6 distinct pairs x 2 orders; the 7th pair is pair 0 reversed, so both its orders are cache
    # hits; the re-run is answered entirely from the cache
    assert n == 12 and len(server.requests) == 12
    assert [v.overall for v in verdicts] == ["win"] * 6 + ["loss"]
    assert again == verdicts


def test_identical_responses_tie_without_a_call() -> None:
    with ChatServer(responder=length_judge()) as server:
        v = PairwiseJudge(client_for(server)).compare_sync(CTX, LONG, LONG)
    assert v.overall == "tie" and not server.requests


def test_request_uses_verdict_schema_and_versioned_prompt() -> None:
    with ChatServer(responder=length_judge()) as server:
        judge = PairwiseJudge(client_for(server))
        judge.compare_sync(CTX, LONG, SHORT)
    body = server.requests[0].body
    assert body["response_format"]["json_schema"]["name"] == "judge_verdict"
    assert body["temperature"] == 0.0
    assert body["messages"][0]["content"].startswith("You are a senior physician")
    assert judge.ref.startswith("judge_pairwise.v1@") and "judge-model" in judge.ref


def test_malformed_verdict_is_re_asked() -> None:
    with ChatServer(responder=length_judge()) as server:
        server.script({"proactiveness": {"reason": "x", "winner": "C"}})
        v = PairwiseJudge(client_for(server)).compare_sync(CTX, LONG, SHORT)
    assert v.overall == "win" and len(server.requests) == 3


def test_unavailable_judge_raises_or_ties() -> None:
    with ChatServer(responder=length_judge()) as server:
        server.inject(Fault.server_error(500), times=100)
        with pytest.raises(LLMUnavailable):
            PairwiseJudge(client_for(server, max_retries=1)).compare_sync(CTX, LONG, SHORT)
        v = PairwiseJudge(client_for(server, max_retries=1), on_error="tie").compare_sync(CTX, LONG, SHORT)
    assert v.overall == "tie" and "llm_unavailable" in v.reasons["accuracy"]


def test_absolute_judge_scores_and_derived_verdict() -> None:
    def score(dialogue, response):
        return {"proactiveness": 9 if "？" in response else 3, "accuracy": 7, "usefulness": 8, "language": 6}

    with ChatServer(responder=absolute_responder(score)) as server:
        judge = AbsoluteJudge(client_for(server))
        s = judge.score_sync(CTX, LONG)
        v = judge.compare_sync(CTX, LONG, SHORT)
    assert s == {"proactiveness": 9.0, "accuracy": 7.0, "usefulness": 8.0, "language": 6.0}
    assert v.outcomes == {"proactiveness": "win", "accuracy": "tie", "usefulness": "tie", "language": "tie"}
    assert v.mode == "absolute"
    assert server.requests[0].body["response_format"]["json_schema"]["name"] == "judge_score"


def test_scores_to_verdict_margin() -> None:
    a = {"proactiveness": 8, "accuracy": 6, "usefulness": 5, "language": 5}
    b = {"proactiveness": 7, "accuracy": 6, "usefulness": 7, "language": 5}
    assert scores_to_verdict(a, b).outcomes == {
        "proactiveness": "win",
        "accuracy": "tie",
        "usefulness": "loss",
        "language": "tie",
    }
    assert scores_to_verdict(a, b, margin=1).outcomes["proactiveness"] == "tie"


def test_verdict_works_with_reward_outcome_reader() -> None:
    # the CRPO reward reads verdicts by dimension; PairVerdict supports v[d] and v.outcomes[d]
    v = PairVerdict(outcomes={d: "win" for d in DIMENSIONS})
    assert v["accuracy"] == "win" and v.flipped()["accuracy"] == "loss"
    assert json.loads(v.model_dump_json())["outcomes"]["language"] == "win"


def test_async_api_inside_event_loop() -> None:
    async def run() -> list[PairVerdict]:
        with ChatServer(responder=length_judge()) as server:
            judge = PairwiseJudge(client_for(server))
            return await judge.compare_many([(CTX, LONG, SHORT), (CTX, SHORT, LONG)])

    a, b = asyncio.run(run())
    assert a.overall == "win" and b.overall == "loss"
