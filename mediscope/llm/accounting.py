"""Token and cost accounting across all calls of a client (cache hits cost nothing)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, fields


@dataclass
class Usage:
    requests: int = 0  # HTTP requests sent (including retried ones)
    calls: int = 0  # logical calls answered (network or cache)
    cache_hits: int = 0
    retries: int = 0
    invalid_answers: int = 0
    failures: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **deltas: float) -> None:
        with self._lock:
            for name, value in deltas.items():
                setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict[str, float]:
        with self._lock:
            d = {f.name: getattr(self, f.name) for f in fields(self) if not f.name.startswith("_")}
        d["cost"] = round(d["cost"], 6)
        return d
