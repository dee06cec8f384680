"""One async client for any OpenAI-compatible chat-completions endpoint.

It adds what a corpus pipeline needs on top of `openai.AsyncOpenAI`: bounded concurrency, an
even requests-per-minute limit, retries with exponential back-off (honouring Retry-After) on
429/5xx/time-outs/connection drops/malformed bodies, structured outputs with local validation
and re-asking, a persistent content-addressed cache, and token/cost accounting. The `openai`
client's own retries are switched off so every retry is counted and logged here.

Errors a caller must distinguish:
- `LLMUnavailable`: the endpoint kept failing after all retries (the work is not lost: re-run);
- `LLMInvalidOutput`: the model kept answering something that fails validation;
- `LLMRequestError`: the endpoint refused this request (400/413/422): a problem with this input;
- `LLMConfigError`: authentication or model errors (401/403/404): nothing will work, stop.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mediscope.llm.accounting import Usage
from mediscope.llm.cache import CachedAnswer, ResponseCache, cache_key
from mediscope.llm.config import LLMConfig
from mediscope.llm.privacy import messages_have_images, require_deidentified
from mediscope.llm.ratelimit import RateLimiter
from mediscope.record import Record

log = logging.getLogger(__name__)

T = TypeVar("T")
_CONNECTIONS_PER_POOL = 16
Messages = list[dict[str, Any]]


class LLMError(Exception):
    """Base of the client's errors; `reason` is the machine-readable rejection code."""

    reason = "llm_error"


class LLMUnavailable(LLMError):
    reason = "llm_unavailable"


class LLMInvalidOutput(LLMError):
    reason = "llm_invalid_output"


class LLMRequestError(LLMError):
    reason = "llm_request_failed"


class LLMConfigError(LLMError):
    reason = "llm_config_error"


class InvalidAnswer(ValueError):
    """Raised by a validator: the message is fed back to the model when re-asking."""


@dataclass
class JsonSchemaSpec:
    """A named JSON Schema for structured outputs."""

    name: str
    schema: dict[str, Any]
    strict: bool = True


@dataclass
class Completion(Generic[T]):
    content: str
    value: T | None
    model: str
    cached: bool
    prompt_tokens: int
    completion_tokens: int
    cost: float
    attempts: int


def _retry_after(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    value = headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _parse_completion(body: Any, default_model: str) -> tuple[str, str, int, int]:
    """(content, model, prompt tokens, completion tokens) of a chat-completion body.

    Raises KeyError/IndexError/TypeError/ValueError on a body that is not a completion; the
    caller treats those like any other malformed answer from a flaky server (retry).
    """
    choice = body["choices"][0]
    message = choice["message"]
    if message is None:
        raise ValueError("completion has no message")
    content = message.get("content") or ""
    if not isinstance(content, str):
        raise TypeError("message content is not a string")
    usage = body.get("usage") or {}
    return (
        content,
        body.get("model") or default_model,
        int(usage.get("prompt_tokens") or 0),
        int(usage.get("completion_tokens") or 0),
    )


class _LoopState:
    """Objects bound to one event loop (HTTP pools, semaphore, limiter).

    Requests are spread round-robin over several `AsyncOpenAI` clients of at most
    `_CONNECTIONS_PER_POOL` connections each: httpx's pool scans every connection it holds on
    each request, so one pool of 64+ keep-alive connections spends more CPU on bookkeeping than
    on the requests (measured: a third of client CPU at concurrency 64).
    """

    def __init__(self, config: LLMConfig) -> None:
        import openai

        self.loop = asyncio.get_running_loop()
        key = config.api_key().get_secret_value()
        headers = dict(config.headers)
        if config.api_key_header:
            headers[config.api_key_header] = key
        n_pools = max(1, -(-config.concurrency // _CONNECTIONS_PER_POOL))
        self.pools = [
            openai.AsyncOpenAI(
                base_url=config.base_url,
                api_key=key,
                timeout=config.timeout,
                max_retries=0,
                default_headers=headers or None,
                default_query=dict(config.query) or None,
            )
            for _ in range(n_pools)
        ]
        self._next = 0
        self.semaphore = asyncio.Semaphore(config.concurrency)
        self.limiter = RateLimiter(config.rpm)

    def pool(self):  # -> openai.AsyncOpenAI
        self._next = (self._next + 1) % len(self.pools)
        return self.pools[self._next]

    async def close(self) -> None:
        for client in self.pools:
            await client.close()


class LLMClient:
    """Async chat client; create one per endpoint and share it across tasks."""

    def __init__(self, config: LLMConfig | None = None, *, cache: ResponseCache | None | bool = True) -> None:
        self.config = config or LLMConfig()
        if cache is True:
            cache = ResponseCache(self.config.cache_dir) if self.config.cache_dir else None
        self.cache: ResponseCache | None = cache if isinstance(cache, ResponseCache) else None
        self.usage = Usage()
        self._state: _LoopState | None = None

    def __repr__(self) -> str:
        return f"LLMClient({self.config.safe_summary()})"

    @property
    def model(self) -> str:
        return self.config.model

    def _loop_state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        if self._state is None or self._state.loop is not loop:
            self._state = _LoopState(self.config)
        return self._state

    async def aclose(self) -> None:
        if self._state is not None and self._state.loop is asyncio.get_running_loop():
            await self._state.close()
        self._state = None

    # -- request building ---------------------------------------------------------------------
    def _response_format(self, schema: JsonSchemaSpec | None) -> dict[str, Any] | None:
        if schema is None or self.config.structured_output == "none":
            return None
        if self.config.structured_output == "json_object":
            return {"type": "json_object"}
        return {
            "type": "json_schema",
            "json_schema": {"name": schema.name, "schema": schema.schema, "strict": schema.strict},
        }

    # -- public API -----------------------------------------------------------------------------
    async def complete(
        self,
        messages: Messages,
        *,
        schema: JsonSchemaSpec | None = None,
        validate: Callable[[str], T] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
        use_cache: bool = True,
        max_invalid_retries: int | None = None,
    ) -> Completion[T]:
        """Send `messages`, validate the answer, re-ask on invalid answers, cache the valid one.

        `validate(content)` returns the parsed value or raises (`InvalidAnswer`, `ValueError`,
        pydantic's `ValidationError`); its message is shown to the model when re-asking.
        With a `schema` and no `validate`, the content must at least parse as JSON.
        """
        if validate is None and schema is not None:
            validate = json.loads  # type: ignore[assignment]
        params: dict[str, Any] = {}
        if temperature is not None:
            params["temperature"] = temperature
        if max_tokens is not None:
            params["max_tokens"] = max_tokens
        if seed is not None:
            params["seed"] = seed
        response_format = self._response_format(schema)
        key = cache_key(
            {"model": self.model, "messages": messages, "params": params, "response_format": response_format}
        )
        cache = self.cache if use_cache else None
        hit = cache.get(key) if cache is not None else None
        if hit is not None:
            try:
                value = validate(hit.content) if validate else None
            except Exception:  # a validator got stricter since the answer was cached: ask again
                log.debug("cached answer %s no longer validates; asking again", key[:12])
            else:
                self.usage.add(calls=1, cache_hits=1)
                return Completion(
                    hit.content, value, hit.model, True, hit.prompt_tokens, hit.completion_tokens, 0.0, 0
                )

        retries = self.config.max_invalid_retries if max_invalid_retries is None else max_invalid_retries
        convo = list(messages)
        total_prompt = total_completion = 0
        total_cost = 0.0
        last_error = ""
        for attempt in range(1, retries + 2):
            content, model, pt, ct = await self._send(convo, params, response_format)
            cost = self._cost(model, pt, ct)
            total_prompt, total_completion, total_cost = (
                total_prompt + pt,
                total_completion + ct,
                total_cost + cost,
            )
            try:
                value = validate(content) if validate else None
            except Exception as exc:  # noqa: BLE001 - any validator failure means "invalid answer"
                last_error = f"{type(exc).__name__}: {exc}"[:1000]
                self.usage.add(invalid_answers=1)
                log.debug("invalid answer (attempt %d): %s", attempt, last_error)
                convo = list(messages) + [
                    {"role": "assistant", "content": content},
                    {
                        "role": "user",
                        "content": "Your previous answer was invalid: "
                        f"{last_error}\nAnswer again, following every instruction and the schema exactly.",
                    },
                ]
                continue
            if cache is not None:
                cache.put(key, CachedAnswer(content, model, total_prompt, total_completion))
            self.usage.add(calls=1)
            return Completion(
                content, value, model, False, total_prompt, total_completion, total_cost, attempt
            )
        self.usage.add(calls=1, failures=1)
        raise LLMInvalidOutput(f"answer still invalid after {retries + 1} attempts: {last_error}")

    async def complete_for_record(self, record: Record, messages: Messages, **kwargs: Any) -> Completion[Any]:
        """`complete` behind the privacy gate: refuses records that have not passed de-id
        (and, when the messages carry images, records whose images were not de-identified)."""
        require_deidentified(record, with_images=messages_have_images(messages))
        return await self.complete(messages, **kwargs)

    def complete_sync(self, messages: Messages, **kwargs: Any) -> Completion[Any]:
        """Synchronous `complete` (runs on the shared background loop)."""
        from mediscope.llm.sync import run_sync

        return run_sync(self.complete(messages, **kwargs))

    # -- transport ------------------------------------------------------------------------------
    def _cost(self, model: str, prompt_tokens: int, completion_tokens: int) -> float:
        price = self.config.prices.get(model) or self.config.price()
        return (prompt_tokens * price.input_per_mtok + completion_tokens * price.output_per_mtok) / 1e6

    async def _send(
        self, messages: Messages, params: dict[str, Any], response_format: dict[str, Any] | None
    ) -> tuple[str, str, int, int]:
        """One logical request with transport retries; returns (content, model, tokens in, out)."""
        import httpx
        import openai

        state = self._loop_state()
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages, **params}
        if response_format is not None:
            kwargs["response_format"] = response_format
        attempts = self.config.max_retries + 1
        for attempt in range(1, attempts + 1):
            wait: float | None = None
            try:
                async with state.semaphore:
                    await state.limiter.acquire()
                    self.usage.add(requests=1)
                    # The raw POST skips the SDK's per-call TypedDict transform and response
                    # model construction (~40% of client CPU at high concurrency); status
                    # codes, time-outs and connection errors still raise the SDK's exceptions.
                    resp = await state.pool().post("/chat/completions", cast_to=httpx.Response, body=kwargs)
                content, model, pt, ct = _parse_completion(resp.json(), self.model)
                self.usage.add(prompt_tokens=pt, completion_tokens=ct, cost=self._cost(model, pt, ct))
                return content, model, pt, ct
            except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as exc:
                raise LLMConfigError(
                    f"{type(exc).__name__} from {self.config.base_url}: {exc.message}"
                ) from exc
            except openai.RateLimitError as exc:
                error: Exception = exc
                wait = _retry_after(exc)
            except openai.APIStatusError as exc:
                if exc.status_code < 500 and exc.status_code not in (408, 409):
                    raise LLMRequestError(f"HTTP {exc.status_code}: {exc.message}") from exc
                error = exc
            except (openai.APITimeoutError, openai.APIConnectionError) as exc:
                error = exc
            except (
                json.JSONDecodeError,
                openai.APIResponseValidationError,
                ValueError,
                TypeError,
                KeyError,
                IndexError,
            ) as exc:
                error = exc  # malformed body from a flaky proxy/server
            if attempt == attempts:
                self.usage.add(failures=1)
                raise LLMUnavailable(
                    f"{self.config.base_url} failed {attempts} times; last error {type(error).__name__}: {error}"
                ) from error
            delay = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempt - 1))
            delay = delay * (0.5 + random.random() / 2)
            if wait is not None:
                delay = min(self.config.backoff_max, max(delay, wait))
            self.usage.add(retries=1)
            log.info(
                "LLM request failed (%s); retry %d/%d in %.2fs",
                type(error).__name__,
                attempt,
                attempts - 1,
                delay,
            )
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")
