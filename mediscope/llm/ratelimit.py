"""A requests-per-minute limiter for asyncio: starts are spaced at least 60/rpm seconds apart.

Even spacing (rather than a bursty token bucket) is what provider limits reward: a burst of
`concurrency` requests at start-up is exactly what triggers 429s on a fresh key.
"""

from __future__ import annotations

import asyncio
import time


class RateLimiter:
    def __init__(self, rpm: float | None) -> None:
        self.interval = 0.0 if not rpm else 60.0 / rpm
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for this caller's start slot."""
        if self.interval <= 0:
            return
        async with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self.interval
        delay = slot - now
        if delay > 0:
            await asyncio.sleep(delay)
