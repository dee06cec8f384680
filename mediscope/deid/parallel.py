"""Process-pool detection for large text volumes.

spaCy's NER and the regex recognizers are CPU-bound Python, so threads do not help; a pool of
processes, each holding a `Deidentifier`, scales with cores. What makes the pool pay off:

- Start-up once, not per call: workers live as long as the `ParallelAnalyzer`. Where the
  platform forks, workers inherit an already warmed `Deidentifier` from the parent (models and
  jieba's dictionary are shared copy-on-write, nothing is pickled or loaded again); elsewhere
  each worker builds its own in the pool initializer. `warm()` returns only when every worker
  has answered, so timings exclude start-up.
- Warm workers, not just started ones: a forked worker's first texts are slow, because every
  page of the inherited models and dictionaries it touches is copied on first write (reference
  counts), and lazily built caches start empty. Measured on 8,000 real texts with 2 workers:
  the first pass cost 41% more CPU per text than one process, a second pass 9% more. So each
  worker's initializer runs the shipped evaluation texts (`warm_texts` per language) through
  its engine before taking work: that cost moves into the pool's start-up.
- Even work: a call is cut into about four chunks per worker (not fixed-size chunks, which
  leave one worker idle at the end of a batch), each big enough for `nlp.pipe` batching.
- Little traffic: texts go out and compact span tuples come back; the engine never travels.
- CPU accounted for: each chunk reports the worker's CPU time, summed in `worker_cpu`, so a
  benchmark on a shared machine can report CPU per text next to wall time.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from mediscope.deid.types import PhiSpan

_WORKER = None  # the worker's Deidentifier (inherited through fork or built by `_init`)
_INHERIT = None  # a parent's warmed Deidentifier, visible to forked children only


def _init(config: dict, langs: tuple[str, ...], warm_texts: int = 0) -> None:
    global _WORKER
    if _INHERIT is not None:
        _WORKER = _INHERIT
    else:
        from mediscope.deid.engine import Deidentifier

        _WORKER = Deidentifier(config)
        _WORKER.warm_up(langs)
    if warm_texts > 0:
        _warm_worker(langs, warm_texts)
    gc.freeze()  # the loaded models are permanent: keep the collector from rescanning them


def _warm_worker(langs: tuple[str, ...], per_lang: int) -> None:
    """Run up to `per_lang` shipped evaluation texts per language through this worker's engine."""
    from mediscope.deid.evaluation import load_evalset

    items = load_evalset()
    for lang in langs:
        texts = [it.text for it in items if it.lang == lang][:per_lang]
        if texts:
            _WORKER.analyze_batch(texts, lang)


_Packed = tuple[int, int, str, float, str]


def _run(args: tuple[list[str], str]) -> tuple[list[list[_Packed]], float]:
    texts, lang = args
    cpu = time.process_time()
    found = _WORKER.analyze_batch(texts, lang)
    packed = [[(s.start, s.end, s.entity_type, s.score, s.recognizer) for s in spans] for spans in found]
    return packed, time.process_time() - cpu


def _ping(_: int) -> int:
    time.sleep(0.05)  # long enough that one worker cannot answer every ping
    return os.getpid()


class ParallelAnalyzer:
    """A reusable pool: `with ParallelAnalyzer(workers=2) as pa: pa.analyze(texts, "en")`.

    Pass `deidentifier=` (already warmed) to let forked workers inherit it instead of loading
    their own models; its config is used then, and `config` is ignored. `warm_texts` (per
    language, 0 to skip) is how many shipped evaluation texts each worker analyses at start-up.
    """

    def __init__(self, config: dict | None = None, workers: int | None = None, chunk_size: int = 256,
                 langs: Sequence[str] = ("zh", "en"), deidentifier=None, min_chunk: int = 16,
                 warm_texts: int = 200) -> None:
        global _INHERIT
        self.workers = workers or max(1, (os.cpu_count() or 2))
        self.chunk_size = max(1, chunk_size)
        self.min_chunk = max(1, min(min_chunk, self.chunk_size))
        self.worker_cpu = 0.0  # CPU seconds spent in workers on `analyze` calls
        fork = "fork" in mp.get_all_start_methods()
        context = None
        if deidentifier is not None:
            config = deidentifier.config.model_dump()  # workers that cannot inherit build the same engine
            if fork:
                deidentifier.warm_up(langs)
                gc.collect()
                _INHERIT = deidentifier
                context = mp.get_context("fork")
        try:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_init,
                                             initargs=(config or {}, tuple(langs), max(0, warm_texts)))
            if context is not None:
                self.warm()  # fork now, while `_INHERIT` still points at the parent's engine
        finally:
            _INHERIT = None

    def _chunks(self, texts: list[str]) -> list[list[str]]:
        size = -(-len(texts) // (self.workers * 4)) if texts else 1
        size = max(self.min_chunk, min(self.chunk_size, size))
        return [texts[i : i + size] for i in range(0, len(texts), size)]

    def analyze(self, texts: Sequence[str], lang: str = "auto") -> list[list[PhiSpan]]:
        """Spans per text, in input order, exactly as `Deidentifier.analyze_batch` gives them."""
        texts = list(texts)
        out: list[list[PhiSpan]] = []
        for packed, cpu in self._pool.map(_run, [(chunk, lang) for chunk in self._chunks(texts)]):
            self.worker_cpu += cpu
            out.extend([PhiSpan(*s) for s in spans] for spans in packed)
        return out

    def warm(self) -> None:
        """Return once every worker is started and has its models loaded."""
        seen: set[int] = set()
        for _ in range(50):
            seen.update(self._pool.map(_ping, range(self.workers * 2)))
            if len(seen) >= self.workers:
                return

    def pids(self) -> list[int]:
        """Process ids of the workers (for outside CPU accounting, e.g. /proc)."""
        return sorted((getattr(self._pool, "_processes", None) or {}).keys())

    def close(self) -> None:
        self._pool.shutdown()

    def __enter__(self) -> ParallelAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
