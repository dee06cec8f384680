"""A real OpenAI-compatible chat-completions server on 127.0.0.1, for tests and benchmarks.

The paid LLM API is the one part of the pipeline tests may not call, so tests drive the *real*
`openai` client against this loopback server instead of mocking the client: retries, time-outs,
rate limits, structured outputs and the privacy gate are then exercised over real HTTP.

What it gives a test:
- answers from a `responder(body) -> str | dict | list | Reply | Fault` callable, or from a queue
  filled with `script(...)` (the queue wins while it has items);
- injected faults (`Fault.rate_limited()`, `Fault.server_error()`, `Fault.slow(s)`,
  `Fault.malformed()`, `Fault.disconnect()`), served before normal answers via `inject(...)`;
- a fixed `latency` per call (the benchmark uses 1 s);
- a log of every request (`requests`: parsed body, raw bytes, headers, arrival time) and the peak
  number of requests in flight (`peak_in_flight`), so tests can assert that no PHI was sent, that
  a cached re-run sent nothing, and that concurrency and rate limits held.

It uses only the standard library (a threading HTTP/1.1 server with keep-alive), so any test in
any area can import it without extra dependencies.

Example::

    with ChatServer(responder=lambda body: {"answer": 42}, latency=0.05) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="test")
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        assert len(server.requests) == 1
"""

from __future__ import annotations

import collections
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Reply:
    """A full answer: content plus optional usage numbers and finish reason."""

    content: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str = "stop"


@dataclass
class Fault:
    """A failure to serve instead of an answer.

    kind: "status" (HTTP error `status` with an OpenAI-style error body), "slow" (sleep `delay`
    seconds, then answer normally — longer than the client time-out means a time-out),
    "malformed" (HTTP 200 whose body is not a chat completion), "disconnect" (close the socket
    without answering).
    """

    kind: str
    status: int = 500
    delay: float = 0.0
    body: str = "{this is not json"
    retry_after: float | None = None

    @classmethod
    def rate_limited(cls, retry_after: float | None = None) -> Fault:
        return cls(kind="status", status=429, retry_after=retry_after)

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        return cls(kind="status", status=status)

    @classmethod
    def slow(cls, delay: float) -> Fault:
        return cls(kind="slow", delay=delay)

    @classmethod
    def malformed(cls, body: str = "{this is not json") -> Fault:
        return cls(kind="malformed", body=body)

    @classmethod
    def disconnect(cls) -> Fault:
        return cls(kind="disconnect")


Answer = str | dict | list | Reply | Fault
Responder = Callable[[dict[str, Any]], Answer]


@dataclass
class RecordedRequest:
    """One request as the server saw it."""

    path: str
    body: dict[str, Any] | None
    raw: bytes
    headers: dict[str, str]  # names lower-cased
    at: float

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.body or {}).get("messages") or [])

    @property
    def text(self) -> str:
        """The raw body decoded as UTF-8 (for 'no canary string was sent' assertions)."""
        return self.raw.decode("utf-8", errors="replace")


def last_user_content(body: dict[str, Any]) -> str:
    """Text of the last user message of a chat-completions body (string or content parts)."""
    for msg in reversed(body.get("messages") or []):
        if msg.get("role") == "user":
            content = msg.get("content")
            if isinstance(content, list):
                return "".join(p.get("text", "") for p in content if isinstance(p, dict))
            return str(content or "")
    return ""


def _default_responder(body: dict[str, Any]) -> Answer:
    return "ok"


class _Server(ThreadingHTTPServer):
    # The listen backlog is fixed at bind time; the stdlib default (5) resets connections when
    # a client opens dozens at once, which is exactly what a concurrency test does.
    request_queue_size = 1024
    daemon_threads = True


@dataclass
class _Stats:
    in_flight: int = 0
    peak_in_flight: int = 0
    served: int = 0


class ChatServer:
    """A threaded chat-completions server bound to 127.0.0.1 on a free port.

    Use as a context manager (or call `start()`/`stop()`). `base_url` ends in `/v1`, as the
    `openai` client expects. Thread-safe: handlers run on their own threads.
    """

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        latency: float = 0.0,
        model: str = "loopback-model",
        port: int = 0,
    ) -> None:
        self.responder: Responder = responder or _default_responder
        self.latency = latency
        self.model = model
        self._port = port
        self._lock = threading.Lock()
        self._faults: collections.deque[Fault] = collections.deque()
        self._script: collections.deque[Answer] = collections.deque()
        self._stats = _Stats()
        self.requests: list[RecordedRequest] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting -------------------------------------------------------------------------
    def inject(self, fault: Fault, times: int = 1) -> None:
        """Serve `fault` to the next `times` requests (before any scripted/normal answer)."""
        with self._lock:
            self._faults.extend([fault] * times)

    def script(self, *answers: Answer) -> None:
        """Queue answers served in order; when the queue is empty the responder answers."""
        with self._lock:
            self._script.extend(answers)

    def reset(self) -> None:
        """Forget recorded requests, queued answers/faults and statistics."""
        with self._lock:
            self.requests.clear()
            self._faults.clear()
            self._script.clear()
            self._stats = _Stats()

    @property
    def peak_in_flight(self) -> int:
        return self._stats.peak_in_flight

    @property
    def served(self) -> int:
        return self._stats.served

    @property
    def bodies(self) -> list[dict[str, Any]]:
        return [r.body for r in self.requests if r.body is not None]

    # -- life cycle ------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("server not started")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> ChatServer:
        handler = _make_handler(self)
        httpd = _Server(("127.0.0.1", self._port), handler)
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name="chat-server", daemon=True)
        self._thread.start()
        log.debug("chat server listening on %s", self.base_url)
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ChatServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- serving ---------------------------------------------------------------------------
    def _next_answer(self, body: dict[str, Any]) -> Answer:
        with self._lock:
            if self._faults:
                return self._faults.popleft()
            if self._script:
                return self._script.popleft()
        return self.responder(body)

    def _completion(self, body: dict[str, Any], answer: Answer) -> dict[str, Any]:
        if isinstance(answer, Reply):
            reply = answer
        elif isinstance(answer, str):
            reply = Reply(content=answer)
        else:
            reply = Reply(content=json.dumps(answer, ensure_ascii=False))
        prompt_chars = len(json.dumps(body.get("messages", []), ensure_ascii=False))
        prompt_tokens = reply.prompt_tokens if reply.prompt_tokens is not None else max(1, prompt_chars // 4)
        completion_tokens = (
            reply.completion_tokens
            if reply.completion_tokens is not None
            else max(1, len(reply.content) // 4)
        )
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model") or self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content},
                    "finish_reason": reply.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def _make_handler(server: ChatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; without TCP_NODELAY, Nagle plus the client's
        # delayed ACK add ~40 ms to every call, which would dominate latency benchmarks.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            log.debug("chat server: " + format, *args)

        def _send_json(self, status: int, obj: Any, extra_headers: dict[str, str] | None = None) -> None:
            data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
            self._send_raw(status, data, "application/json", extra_headers)

        def _send_raw(
            self, status: int, data: bytes, ctype: str, extra_headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for k, v in (extra_headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - stdlib naming
            if self.path.split("?", 1)[0].rstrip("/").endswith("/models"):
                self._send_json(200, {"object": "list", "data": [{"id": server.model, "object": "model"}]})
            else:
                self._send_json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

        def do_POST(self) -> None:  # noqa: N802 - stdlib naming
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw.decode("utf-8")) if raw else {}
            except (UnicodeDecodeError, json.JSONDecodeError):
                body = None
            with server._lock:
                server.requests.append(
                    RecordedRequest(
                        path=self.path,
                        body=body,
                        raw=raw,
                        headers={k.lower(): v for k, v in self.headers.items()},
                        at=time.monotonic(),
                    )
                )
                server._stats.in_flight += 1
                server._stats.peak_in_flight = max(server._stats.peak_in_flight, server._stats.in_flight)
            try:
                self._serve(body)
            finally:
                with server._lock:
                    server._stats.in_flight -= 1
                    server._stats.served += 1

        def _serve(self, body: dict[str, Any] | None) -> None:
            if not self.path.split("?", 1)[0].rstrip("/").endswith("/chat/completions"):
                self._send_json(
                    404, {"error": {"message": f"no route {self.path}", "type": "invalid_request_error"}}
                )
                return
            if body is None:
                self._send_json(
                    400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}}
                )
                return
            if server.latency > 0:
                time.sleep(server.latency)
            try:
                answer = server._next_answer(body)
            except Exception as exc:  # a broken responder is a test bug: answer 500 and say why
                log.exception("chat server responder failed")
                self._send_json(
                    500, {"error": {"message": f"responder failed: {exc}", "type": "server_error"}}
                )
                return
            if isinstance(answer, Fault):
                if answer.kind == "status":
                    headers = {}
                    if answer.retry_after is not None:
                        headers["Retry-After"] = str(answer.retry_after)
                    kind = "rate_limit_exceeded" if answer.status == 429 else "server_error"
                    self._send_json(
                        answer.status,
                        {"error": {"message": f"injected {answer.status}", "type": kind, "code": kind}},
                        headers,
                    )
                    return
                if answer.kind == "malformed":
                    self._send_raw(200, answer.body.encode("utf-8"), "application/json")
                    return
                if answer.kind == "disconnect":
                    self.close_connection = True
                    try:
                        self.connection.shutdown(2)
                    except OSError:
                        pass
                    return
                if answer.kind == "slow":
                    time.sleep(answer.delay)
                    answer = server.responder(body)
                else:
                    raise ValueError(f"unknown fault kind {answer.kind!r}")
            self._send_json(200, server._completion(body, answer))

    return Handler
