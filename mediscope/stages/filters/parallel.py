"""Use more than one core for the pure per-record computations of the filter and dedup stages.

The runner hands a stage one batch at a time and waits for its answer, so the only parallelism
available inside the stage contract is within a batch. Both stages split their work in two
kinds: pure per-record computations (turn normalization, character-class counts, n-gram
repetition, language ID, MinHash signatures and band keys) that give the same answer for a
record whatever else is in its batch, and order-dependent decisions (which record of a
duplicate group came first, the run-wide index, the writes into the records). The pure part is
cut into contiguous parts of the batch at record boundaries; part 0 runs in the stage's own
process while the others run in workers, and the results are put back together in batch order.
The order-dependent part stays in one process, so every decision is exactly what one process
would decide (tests compare the two paths record by record). Workers are processes for the
filter (its measures are largely Python string work that holds the GIL: two threads measured
barely faster than one) and threads for dedup's hashing (rensa, NumPy and hashlib release the GIL, and threads need no
copies). `submit` runs a single job asynchronously: the filter uses it to start dedup's hashing
(`prefetch`) while it finishes its own per-record work.

What crosses the process boundary is plain data: lists of strings and NumPy arrays, never
pydantic records (pickling records would cost more than the work saved). Workers are started
with `spawn` (forking a process that already runs Polars' and lingua's thread pools is unsafe)
on the first batch big enough to be worth it, so building a stage to validate a pipeline, or
running a test on a handful of records, never starts one.

Part sizes are rebalanced after every batch from both sides' timings (the calling process also
pays for sending and receiving, and the machine may be busy with other work); `workers` is
capped at the cores available. Scripts that run the stages with workers need the usual
`if __name__ == "__main__":` guard, since spawned processes import the main module.

Failure behaviour: an exception raised in a worker is re-raised in the stage unchanged; a
worker that dies (killed, out of memory, a crash in native code) breaks the pool, which
`concurrent.futures` reports at once, and the stage raises `WorkerError` saying so and shuts
the pool down (the next batch starts a fresh one). A worker that stops answering raises
`WorkerError` after `timeout_s`. `workers: 1` in a stage's config runs everything in-process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def effective_workers(configured: int) -> int:
    """`workers` from a config, capped at the cores available (more would only compete)."""
    return max(1, min(configured, available_cores()))


class WorkerError(RuntimeError):
    """A worker process died or stopped answering: the batch it held cannot be finished."""


def _run_job(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, int, float, float]:
    """Run `fn(*args)` in the worker; report its pid, its CPU seconds so far and the job's wall time."""
    t0 = time.perf_counter()
    out = fn(*args)
    return out, os.getpid(), time.process_time(), time.perf_counter() - t0


def _noop() -> None:
    """The warm-up job: done once a worker has started and run its initializer."""


def _shutdown(executor: Executor) -> None:
    executor.shutdown(wait=True, cancel_futures=True)


class WorkerPool:
    """`workers - 1` worker processes plus the calling process, used through `run_parts`."""

    def __init__(self, workers: int, *, name: str, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = (), timeout_s: float = 600.0, threads: bool = False) -> None:
        if workers < 2:
            raise ValueError("a WorkerPool needs workers >= 2 (the caller counts as one)")
        self.workers = workers
        self.name = name
        self.timeout_s = timeout_s
        self.threads = threads
        self._cpu: dict[int, float] = {}
        # Share of a batch's weight computed here (part 0); the rest is split evenly among the
        # workers. Adjusted after every batch so that both sides finish together: the caller
        # also pays for sending and receiving, and the machine may be busy with other work.
        self.main_share = 1.0 / workers
        self._executor: Executor
        if threads:
            # For work that releases the GIL (rensa, NumPy, hashlib on long inputs): no transfer
            # cost, no start-up, and its CPU time is already this process's.
            self._executor = ThreadPoolExecutor(max_workers=workers - 1, thread_name_prefix=name,
                                                initializer=initializer, initargs=initargs)
        else:
            self._executor = ProcessPoolExecutor(
                max_workers=workers - 1, mp_context=multiprocessing.get_context("spawn"),
                initializer=initializer, initargs=initargs,
            )
        # Shut the workers down when the pool is dropped without `close()` (e.g. a stage that
        # raised before its teardown): no process outlives its owner.
        self._finalizer = weakref.finalize(self, _shutdown, self._executor)
        # Starting a worker process takes a second or two (imports, lingua's models); callers
        # keep working in-process until `ready` instead of waiting for it.
        self._warm = self._executor.submit(_noop)
        self.jobs = 0  # parts computed by the workers so far
        log.debug("%s: started %d worker process(es)", name, workers - 1)

    @property
    def ready(self) -> bool:
        """True once the workers have started (or failed to: `run_parts` then raises)."""
        return self._warm.done()

    def wait_ready(self, timeout_s: float | None = None) -> None:
        """Block until `ready` (for tests and benchmarks that must use the workers)."""
        try:
            self._warm.result(timeout=timeout_s)
        except BrokenProcessPool:
            pass  # reported by the next `run_parts`

    @property
    def worker_cpu_s(self) -> float:
        """CPU seconds the worker processes reported so far (start-up included, not the pickling of
        their last result; 0 for threads, whose CPU time is this process's own)."""
        return sum(self._cpu.values())

    def split(self, weights: np.ndarray) -> list[int]:
        """Record boundaries of the parts of a batch (part 0 is `main_share` of the weight)."""
        w = np.asarray(weights, dtype=np.float64) + 1.0  # +1: empty records still cost
        cum = np.cumsum(w)
        if not len(cum):
            return [0] * (self.workers + 1)
        total = cum[-1]
        first = self.main_share * total
        targets = first + (total - first) * np.arange(self.workers - 1) / (self.workers - 1)
        cuts = np.searchsorted(cum, targets, side="left") + 1
        return [0, *np.minimum(cuts, len(w)).tolist(), len(w)]

    def run_parts(self, main: Callable[..., Any], worker: Callable[..., Any],
                  parts: Sequence[tuple[Any, ...]], weights: Sequence[float] | None = None) -> list[Any]:
        """`[main(*parts[0]), worker(*parts[1]), ...]`, parts 1.. computed in the workers meanwhile.

        `main` and `worker` compute the same thing; they differ only in where state that cannot
        be pickled (a loaded model) comes from. `worker` must be a module-level function.
        `weights` (the parts' total weights, as `split` measured them) lets the pool rebalance.
        """
        t0 = time.perf_counter()
        futures: list[Future[Any]] = [self._executor.submit(_run_job, worker, tuple(p)) for p in parts[1:]]
        try:
            results = [main(*parts[0])]
            t_main = time.perf_counter() - t0
            t_workers = 0.0
            for fut in futures:
                out, elapsed = self._wait(fut)
                t_workers = max(t_workers, elapsed)
                results.append(out)
            t_all = time.perf_counter() - t0
            if weights is not None:
                # If the caller waited, the workers' real cost (transfers included) is t_all.
                self._rebalance(weights, t_main, t_all if t_all > 1.02 * t_main else t_workers)
            return results
        finally:
            for fut in futures:
                fut.cancel()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        """Start `fn(*args)` in a worker; returns a function that waits for its result."""
        fut = self._executor.submit(_run_job, fn, args)
        return lambda: self._wait(fut)[0]

    def _wait(self, fut: Future[Any]) -> tuple[Any, float]:
        """A job's result and its wall time in the worker; worker failures become `WorkerError`."""
        try:
            out, pid, cpu, elapsed = fut.result(timeout=self.timeout_s)
            if not self.threads:
                self._cpu[pid] = cpu
            self.jobs += 1
            return out, elapsed
        except BrokenProcessPool as exc:
            self.close()
            raise WorkerError(
                f"{self.name}: a worker process died while computing a batch ({exc}); "
                "see the log above for its cause (a script that starts the stages at import time needs an "
                "`if __name__ == \"__main__\":` guard, as for any spawned process), or set `workers: 1` "
                "to run in one process"
            ) from exc
        except FutureTimeout as exc:
            self.close(wait=False)
            raise WorkerError(
                f"{self.name}: no answer from a worker process in {self.timeout_s:.0f} s; "
                "set `workers: 1` to run in one process"
            ) from exc

    def _rebalance(self, weights: Sequence[float], t_main: float, t_workers: float) -> None:
        w_main, w_rest = float(weights[0]), float(sum(weights[1:]))
        if w_main <= 0 or w_rest <= 0 or t_main <= 0 or t_workers <= 0:
            return
        speed_main = w_main / t_main
        speed_rest = w_rest / t_workers
        target = speed_main / (speed_main + speed_rest)
        share = 0.7 * self.main_share + 0.3 * target
        self.main_share = min(0.9, max(0.1, share))

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers (idempotent)."""
        if self._finalizer.alive:
            self._finalizer.detach()
            self._executor.shutdown(wait=wait, cancel_futures=True)

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive
