"""`ChatServer` in a child process, for benchmarks.

In-process, the server's handler threads share the GIL with the client under test, so a
throughput benchmark would measure their contention rather than the client. A real endpoint
is another machine; a forked child process is the closest loopback stand-in. Linux/macOS only
(it forks, so responders may be closures). Tests should keep using the in-process `ChatServer`,
whose recorded requests they can inspect directly.
"""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

from mediscope.testing.chat_server import ChatServer, Responder


def _serve(conn: Any, responder: Responder | None, latency: float) -> None:
    with ChatServer(responder=responder, latency=latency) as server:
        conn.send(server.base_url)
        while True:
            cmd = conn.recv()
            if cmd == "stats":
                conn.send({"requests": len(server.requests), "peak_in_flight": server.peak_in_flight})
            elif cmd == "reset":
                server.reset()
                conn.send(True)
            elif cmd == "stop":
                conn.send(True)
                return


class ChatServerProcess:
    """Context manager: `base_url`, `stats()` -> {requests, peak_in_flight}, `reset()`."""

    def __init__(self, responder: Responder | None = None, *, latency: float = 0.0) -> None:
        self._ctx = mp.get_context("fork")
        self._parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(child, responder, latency), daemon=True)
        self.base_url = ""

    def __enter__(self) -> ChatServerProcess:
        self._proc.start()
        if not self._parent.poll(30):
            self._proc.kill()
            raise RuntimeError("chat server process did not start")
        self.base_url = self._parent.recv()
        return self

    def _ask(self, cmd: str) -> Any:
        self._parent.send(cmd)
        return self._parent.recv()

    def stats(self) -> dict[str, int]:
        return self._ask("stats")

    def reset(self) -> None:
        self._ask("reset")

    def __exit__(self, *exc: object) -> None:
        try:
            self._ask("stop")
        finally:
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.kill()
