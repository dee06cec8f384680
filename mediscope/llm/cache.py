"""A persistent, content-addressed cache of LLM answers (SQLite).

The key is a hash of everything that determines the answer: model, messages, sampling params
and the response schema. A re-run of a pipeline therefore costs nothing, and a killed run
resumes where it stopped: finished calls are answered from disk. Only answers that passed
validation are stored, so a bad answer is never replayed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def cache_key(payload: dict[str, Any]) -> str:
    """sha256 over canonical JSON (sorted keys, no whitespace, UTF-8)."""
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class CachedAnswer:
    content: str
    model: str
    prompt_tokens: int
    completion_tokens: int


class ResponseCache:
    """SQLite file `<dir>/responses.sqlite`; safe to share between threads and processes (WAL)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / "responses.sqlite"
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30.0)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
            "content TEXT NOT NULL, prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, "
            "created REAL NOT NULL)"
        )
        self._conn.commit()

    def get(self, key: str) -> CachedAnswer | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT content, model, prompt_tokens, completion_tokens FROM responses WHERE key = ?", (key,)
            ).fetchone()
        return CachedAnswer(*row) if row else None

    def put(self, key: str, answer: CachedAnswer) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    answer.model,
                    answer.content,
                    answer.prompt_tokens,
                    answer.completion_tokens,
                    time.time(),
                ),
            )
            self._conn.commit()

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
