"""The loopback server itself: real HTTP, recorded bodies, scripted answers and faults."""

from __future__ import annotations

import json
import threading

import openai
import pytest

from mediscope.testing import ChatServer, Fault, Reply, pairwise_verdict, position_biased_judge


def _ask(client: openai.OpenAI, text: str) -> str:
    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": text}])
    return r.choices[0].message.content


def test_records_bodies_and_serves_script_then_responder() -> None:
    with ChatServer(responder=lambda body: "from responder") as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0)
        server.script("first", Reply("second", prompt_tokens=7, completion_tokens=3))
        assert _ask(client, "a") == "first"
        r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "b"}])
        assert r.choices[0].message.content == "second"
        assert (r.usage.prompt_tokens, r.usage.completion_tokens) == (7, 3)
        assert _ask(client, "唯一字符串") == "from responder"
    assert [req.messages[0]["content"] for req in server.requests] == ["a", "b", "唯一字符串"]
    assert "唯一字符串" in server.requests[2].text


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.rate_limited(), openai.RateLimitError),
        (Fault.server_error(503), openai.InternalServerError),
        (Fault.disconnect(), openai.APIConnectionError),
        (Fault.slow(2.0), openai.APITimeoutError),
    ],
)
def test_injected_faults_surface_as_openai_errors(fault: Fault, error: type[Exception]) -> None:
    with ChatServer() as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0, timeout=0.5)
        server.inject(fault)
        with pytest.raises(error):
            _ask(client, "x")
        assert _ask(client, "y") == "ok"  # faults are consumed once


def test_malformed_body_is_not_a_completion() -> None:
    with ChatServer() as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0)
        server.inject(Fault.malformed())
        with pytest.raises(json.JSONDecodeError):
            _ask(client, "x")


def test_peak_in_flight_counts_concurrent_requests() -> None:
    with ChatServer(latency=0.3) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0)
        threads = [threading.Thread(target=_ask, args=(client, str(i))) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert server.peak_in_flight == 4
    assert server.served == 4


def test_position_biased_judge_answers_in_verdict_schema() -> None:
    payload = json.dumps({"task": "pairwise_judge", "dialogue": [], "response_A": "x", "response_B": "yy"})
    with ChatServer(responder=position_biased_judge("B")) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0)
        assert json.loads(_ask(client, payload)) == pairwise_verdict("B")
