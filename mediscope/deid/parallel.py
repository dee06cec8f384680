"""Process-pool detection for large text volumes.

spaCy's NER and Presidio's per-text work are CPU-bound Python, so threads do not help; a pool of
processes, each holding its own `Deidentifier` (models loaded once per worker by the
initializer), scales with cores. Texts travel in chunks large enough for `nlp.pipe` batching
and to amortise pickling; results come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from mediscope.deid.types import PhiSpan

_WORKER = None


def _init(config: dict, langs: tuple[str, ...]) -> None:
    global _WORKER
    from mediscope.deid.engine import Deidentifier

    _WORKER = Deidentifier(config)
    _WORKER.warm_up(langs)


def _run(args: tuple[list[str], str]) -> list[list[PhiSpan]]:
    texts, lang = args
    return _WORKER.analyze_batch(texts, lang)


class ParallelAnalyzer:
    """A reusable pool: `with ParallelAnalyzer(workers=2) as pa: pa.analyze(texts, "en")`."""

    def __init__(self, config: dict | None = None, workers: int | None = None, chunk_size: int = 256,
                 langs: Sequence[str] = ("zh", "en")) -> None:
        self.workers = workers or max(1, (os.cpu_count() or 2))
        self.chunk_size = chunk_size
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init,
                                         initargs=(config or {}, tuple(langs)))

    def analyze(self, texts: Sequence[str], lang: str = "auto") -> list[list[PhiSpan]]:
        texts = list(texts)
        chunks = [(texts[i : i + self.chunk_size], lang) for i in range(0, len(texts), self.chunk_size)]
        out: list[list[PhiSpan]] = []
        for part in self._pool.map(_run, chunks):
            out.extend(part)
        return out

    def warm(self) -> None:
        """Start every worker and load its models (so timings exclude start-up)."""
        list(self._pool.map(_run, [(["warm up"], "en")] * self.workers))

    def close(self) -> None:
        self._pool.shutdown()

    def __enter__(self) -> ParallelAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
