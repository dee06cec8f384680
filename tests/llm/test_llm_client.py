"""LLMClient against the real loopback server: retries, cache, limits, validation, accounting."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from mediscope.llm import (
    InvalidAnswer,
    JsonSchemaSpec,
    LLMClient,
    LLMConfig,
    LLMConfigError,
    LLMInvalidOutput,
    LLMRequestError,
    LLMUnavailable,
    Price,
    PrivacyGateError,
)
from mediscope.llm.schemas import DialogueAnswer, strict_json_schema
from mediscope.record import Record, Source
from mediscope.testing import ChatServer, Fault, Reply

MSG = [{"role": "user", "content": "hello"}]


def make_client(server: ChatServer, tmp_path: Path | None = None, **overrides: object) -> LLMClient:
    cfg = {
        "base_url": server.base_url,
        "model": "test-model",
        "backoff_base": 0.01,
        "backoff_max": 0.05,
        "timeout": 5.0,
        "cache_dir": str(tmp_path / "cache") if tmp_path else None,
    }
    cfg.update(overrides)
    return LLMClient(LLMConfig(**cfg))


@pytest.mark.parametrize(
    "fault",
    [
        Fault.rate_limited(),
        Fault.server_error(500),
        Fault.server_error(503),
        Fault.malformed(),
        Fault.malformed('{"choices": []}'),
        Fault.malformed('{"object": "error"}'),
        Fault.disconnect(),
    ],
    ids=["429", "500", "503", "malformed", "no-choices", "not-a-completion", "disconnect"],
)
def test_transient_failures_are_retried(fault: Fault) -> None:
    with ChatServer(responder=lambda b: "fine") as server:
        server.inject(fault, times=2)
        client = make_client(server)
        result = client.complete_sync(MSG)
    assert result.content == "fine"
    assert len(server.requests) == 3
    assert client.usage.retries == 2 and client.usage.requests == 3


def test_timeout_is_retried() -> None:
    with ChatServer(responder=lambda b: "fine") as server:
        server.inject(Fault.slow(1.5))
        client = make_client(server, timeout=0.3)
        assert client.complete_sync(MSG).content == "fine"
    assert len(server.requests) == 2


def test_retry_after_header_is_honoured() -> None:
    with ChatServer() as server:
        server.inject(Fault.rate_limited(retry_after=0.4))
        client = make_client(server, backoff_max=5.0)
        client.complete_sync(MSG)
    gap = server.requests[1].at - server.requests[0].at
    assert gap >= 0.35


def test_gives_up_after_max_retries_with_unavailable() -> None:
    with ChatServer() as server:
        server.inject(Fault.server_error(502), times=10)
        client = make_client(server, max_retries=3)
        with pytest.raises(LLMUnavailable, match="failed 4 times"):
            client.complete_sync(MSG)
    assert len(server.requests) == 4
    assert client.usage.failures == 1


def test_client_errors_are_not_retried() -> None:
    with ChatServer() as server:
        server.inject(Fault.server_error(400))
        client = make_client(server)
        with pytest.raises(LLMRequestError):
            client.complete_sync(MSG)
        server.inject(Fault.server_error(401))
        with pytest.raises(LLMConfigError):
            client.complete_sync(MSG)
    assert len(server.requests) == 2


def test_cache_hit_on_rerun_sends_nothing(tmp_path: Path) -> None:
    with ChatServer(responder=lambda b: "answer " + b["messages"][-1]["content"]) as server:
        first = make_client(server, tmp_path)
        a = first.complete_sync(MSG)
        assert not a.cached
        # a new client over the same folder = a re-run in a new process
        second = make_client(server, tmp_path)
        b = second.complete_sync(MSG)
        c = second.complete_sync([{"role": "user", "content": "other"}])
    assert b.cached and b.content == a.content
    assert not c.cached
    assert len(server.requests) == 2
    assert second.usage.cache_hits == 1 and second.usage.cost == 0


def test_cache_key_covers_params_and_model(tmp_path: Path) -> None:
    with ChatServer() as server:
        client = make_client(server, tmp_path)
        client.complete_sync(MSG, temperature=0.0)
        client.complete_sync(MSG, temperature=0.7)
        make_client(server, tmp_path, model="other-model").complete_sync(MSG, temperature=0.0)
        client.complete_sync(MSG, temperature=0.0)
    assert len(server.requests) == 3


def test_structured_output_request_and_validation_retry(tmp_path: Path) -> None:
    spec = JsonSchemaSpec("dialogue", strict_json_schema(DialogueAnswer))
    good = {"turns": [{"role": "patient", "text": "hi", "images": []}]}
    with ChatServer() as server:
        server.script("not json at all", {"turns": [{"role": "nurse", "text": "x", "images": []}]}, good)
        client = make_client(server, tmp_path)
        result = client.complete_sync(MSG, schema=spec, validate=DialogueAnswer.model_validate_json)
    assert result.value == DialogueAnswer.model_validate(good)
    assert result.attempts == 3
    body = server.requests[0].body
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    # the re-ask shows the model its invalid answer and why
    assert "invalid" in server.requests[1].messages[-1]["content"]
    assert client.usage.invalid_answers == 2


def test_invalid_after_retries_raises_and_is_not_cached(tmp_path: Path) -> None:
    def validate(text: str) -> str:
        raise InvalidAnswer("never good enough")

    with ChatServer(responder=lambda b: "bad") as server:
        client = make_client(server, tmp_path, max_invalid_retries=1)
        with pytest.raises(LLMInvalidOutput, match="never good enough"):
            client.complete_sync(MSG, validate=validate)
        with pytest.raises(LLMInvalidOutput):
            client.complete_sync(MSG, validate=validate)
    assert len(server.requests) == 4


def test_concurrency_bound_observed_at_server() -> None:
    async def run(client: LLMClient) -> None:
        await asyncio.gather(*(client.complete([{"role": "user", "content": str(i)}]) for i in range(12)))

    with ChatServer(latency=0.2) as server:
        client = make_client(server, concurrency=3)
        asyncio.run(run(client))
    assert server.peak_in_flight == 3
    assert len(server.requests) == 12


def test_rate_limit_spaces_request_starts() -> None:
    async def run(client: LLMClient) -> None:
        await asyncio.gather(*(client.complete([{"role": "user", "content": str(i)}]) for i in range(6)))

    with ChatServer() as server:
        client = make_client(server, concurrency=6, rpm=600)  # one start per 0.1 s
        asyncio.run(run(client))
    starts = sorted(r.at for r in server.requests)
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.08
    assert starts[-1] - starts[0] >= 0.45


def test_tokens_and_cost_accounting() -> None:
    with ChatServer() as server:
        server.script(Reply("x", prompt_tokens=1000, completion_tokens=500))
        server.script(Reply("y", prompt_tokens=2000, completion_tokens=0))
        client = make_client(server, prices={"test-model": Price(input_per_mtok=2.0, output_per_mtok=10.0)})
        r = client.complete_sync(MSG)
        client.complete_sync([{"role": "user", "content": "2"}])
    assert r.cost == pytest.approx((1000 * 2 + 500 * 10) / 1e6)
    assert client.usage.prompt_tokens == 3000 and client.usage.completion_tokens == 500
    assert client.usage.cost == pytest.approx((3000 * 2 + 500 * 10) / 1e6)
    summary = client.usage.as_dict()
    assert summary["requests"] == 2 and summary["prompt_tokens"] == 3000 and "_lock" not in summary


def test_api_key_from_env_is_sent_but_never_logged(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    secret = "sk-canary-" + "7f3a9c"
    monkeypatch.setenv("MEDISCOPE_LLM_API_KEY", secret)
    caplog.set_level(logging.DEBUG)
    with ChatServer() as server:
        server.inject(Fault.server_error(500))
        client = make_client(server)
        client.complete_sync(MSG)
        text = repr(client) + repr(client.config) + client.config.model_dump_json()
    assert server.requests[0].headers.get("authorization") == f"Bearer {secret}"
    assert secret not in caplog.text
    assert secret not in text


def test_privacy_gate_on_record_entry() -> None:
    rec = Record(id="r1", source=Source(dataset="t"), case_id="c1")
    with ChatServer() as server:
        client = make_client(server)
        with pytest.raises(PrivacyGateError):
            asyncio.run(client.complete_for_record(rec, MSG))
    assert server.requests == []


def test_sync_wrapper_works_inside_running_loop() -> None:
    with ChatServer(responder=lambda b: "inner") as server:
        client = make_client(server)

        async def caller() -> str:
            return client.complete_sync(MSG).content  # e.g. a sync reward fn inside an async trainer

        assert asyncio.run(caller()) == "inner"


def test_answer_json_schema_enforced_locally() -> None:
    with ChatServer(responder=lambda b: '{"a": 1}') as server:
        client = make_client(server)
        spec = JsonSchemaSpec("x", {"type": "object"})
        assert client.complete_sync(MSG, schema=spec).value == {"a": 1}
    assert json.loads(server.requests[0].text)["model"] == "test-model"


def test_azure_style_key_header_and_query(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "azure-key-1")
    monkeypatch.delenv("MEDISCOPE_LLM_API_KEY", raising=False)
    with ChatServer() as server:
        client = make_client(server, api_key_header="api-key", query={"api-version": "2024-10-21"})
        client.complete_sync(MSG)
    req = server.requests[0]
    assert req.headers["api-key"] == "azure-key-1"
    assert req.path.endswith("/chat/completions?api-version=2024-10-21")
