"""Expansion throughput against a loopback chat-completions server with fixed latency per call.

    python bench/expand_throughput.py [--n 1000 --latency 1.0 --concurrency 64 --batch-size 1000]

Runs N records through `ExpandStage` (real `openai` client, real HTTP on 127.0.0.1 to a server
in a child process, each call held `--latency` seconds by the server) and reports:
- throughput as a fraction of the ideal `concurrency / latency` calls/s (goal >= 90%);
- the speed-up over a sequential loop (one call at a time). The sequential baseline runs on a
  small subset (`--seq-n`, default 10) in the same process and is extrapolated to N, because a
  1,000-call sequential run at 1 s each would take 17 minutes;
- a cached re-run of the same N records (no requests should reach the server).

Batches are a barrier: a stage processes one batch at a time, so `--batch-size` below the
concurrency limit caps the calls in flight, and each batch ends with a partly idle wave; use
batches of many times the concurrency (measured on 2 busy shared cores, load ~4-6, 1,000 calls,
1 s latency, concurrency 64: 91.9% of ideal with one batch, 88.5% with batches of 256; the
ceiling is 97.7% since 1,000 calls need 16 waves of 64).
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time

from mediscope.llm import LLMConfig
from mediscope.record import Deid, Record, Source, Turn
from mediscope.stages.expand.stage import ExpandStage
from mediscope.testing import ChatServerProcess, expand_responder


def records(n: int, offset: int = 0) -> list[Record]:
    return [
        Record(
            id=f"bench-{offset + i}",
            source=Source(dataset="bench"),
            case_id=f"case-{offset + i}",
            lang="zh",
            turns=[
                Turn(
                    role="patient",
                    text=f"医生您好，我咳嗽{i % 9 + 1}天了，晚上加重，有点低烧（病例{offset + i}）。",
                ),
                Turn(role="doctor", text="建议查血常规和胸片，多喝水，注意休息。"),
            ],
            deid=Deid(status="passed"),
        )
        for i in range(n)
    ]


def run(
    server: ChatServerProcess, recs: list[Record], *, concurrency: int, batch_size: int, cache_dir: str | None
) -> tuple[float, int, int]:
    llm = LLMConfig(
        base_url=server.base_url, model="bench", concurrency=concurrency, cache_dir=cache_dir, timeout=60
    )
    stage = ExpandStage({"llm": llm})
    stage.ensure_setup()
    kept = rejected = 0
    t0 = time.perf_counter()
    for start in range(0, len(recs), batch_size):
        result = stage(recs[start : start + batch_size])
        kept += len(result.kept)
        rejected += len(result.rejected)
    elapsed = time.perf_counter() - t0
    stage.teardown()
    return elapsed, kept, rejected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--latency", type=float, default=1.0)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--batch-size", type=int, default=1000, help="records per stage call (a barrier)")
    ap.add_argument("--seq-n", type=int, default=10, help="records for the sequential baseline")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)

    server_proc = ChatServerProcess(responder=expand_responder(), latency=args.latency)
    with server_proc as server, tempfile.TemporaryDirectory() as tmp:
        run(server, records(2, offset=2 * 10**6), concurrency=1, batch_size=1, cache_dir=None)  # warm-up
        seq_t, seq_kept, _ = run(
            server, records(args.seq_n, offset=10**6), concurrency=1, batch_size=1, cache_dir=None
        )
        seq_per_call = seq_t / args.seq_n
        server.reset()

        t, kept, rejected = run(
            server, records(args.n), concurrency=args.concurrency, batch_size=args.batch_size, cache_dir=tmp
        )
        stats = server.stats()
        calls, peak = stats["requests"], stats["peak_in_flight"]
        server.reset()
        t_cached, kept_cached, _ = run(
            server, records(args.n), concurrency=args.concurrency, batch_size=args.batch_size, cache_dir=tmp
        )
        cached_calls = server.stats()["requests"]

    ideal = args.concurrency / args.latency
    throughput = calls / t
    seq_extrapolated = seq_per_call * args.n
    print(
        f"records: {args.n}  latency: {args.latency:.2f}s  concurrency: {args.concurrency}  batch size: {args.batch_size}"
    )
    print(f"concurrent run: {t:.2f}s, {calls} calls, {kept} kept, {rejected} rejected, peak in flight {peak}")
    print(
        f"throughput: {throughput:.1f} calls/s = {100 * throughput / ideal:.1f}% of ideal {ideal:.1f} calls/s (goal >= 90%)"
    )
    print(
        f"sequential baseline: {args.seq_n} calls in {seq_t:.2f}s ({seq_per_call:.3f}s/call), "
        f"extrapolated to {args.n}: {seq_extrapolated:.0f}s"
    )
    print(f"speed-up over sequential: {seq_extrapolated / t:.1f}x")
    print(f"cached re-run: {t_cached:.2f}s, {cached_calls} calls reached the server, {kept_cached} kept")


if __name__ == "__main__":
    main()
