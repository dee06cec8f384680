"""Benchmark: push and pull throughput against a local Label Studio, by batch and page size.

Why: Label Studio is known to time out on big imports/exports, so push imports in batches and
pull pages through tasks; this shows what the batch/page size buys over the naive one-task-per-
request baseline, measured in the same process against the same server.

    python bench/review_push_pull.py --records 200

Prints tasks/s for each setting and the ratio against the baseline (batch 1 / page 10).
Needs the server from scripts/setup_label_studio.sh.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from mediscope.record import Record, Source, Turn
from mediscope.review.client import ReviewClient
from mediscope.review.merge import merge_annotations
from mediscope.review.pull import fetch_annotations, read_snapshot
from mediscope.review.push import push_records
from mediscope.review.server import LabelStudioServer
from mediscope.review.state import ReviewState


def make_records(n: int, prefix: str) -> list[Record]:
    return [
        Record(
            id=f"{prefix}-{i}",
            source=Source(dataset="bench", row=i),
            lang="zh",
            case_id=f"case-{i}",
            turns=[
                Turn(role="patient", text=f"医生您好，我咳嗽{i % 9 + 1}天了，晚上更厉害，有黄痰。"),
                Turn(role="doctor", text="有没有发烧？最近有没有接触感冒的人？"),
                Turn(role="patient", text="低烧37.8度，同事最近也咳嗽。"),
                Turn(role="doctor", text="考虑急性支气管炎，建议查血常规，多饮水，必要时复诊。"),
            ],
        )
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    with LabelStudioServer(data_dir=work / "ls") as server:
        client = ReviewClient(server.url, server.token)
        push_rates: dict[int, float] = {}
        states: dict[int, Path] = {}
        for batch in (1, 20, 100):
            recs = make_records(args.records, f"b{batch}")
            state = work / f"push-{batch}.json"
            t0 = time.perf_counter()
            summary = push_records(client, recs, kind="dialogue", state_path=state, project_title=f"bench-batch-{batch}", batch_size=batch)
            dt = time.perf_counter() - t0
            assert summary.created == len(recs)
            push_rates[batch] = len(recs) / dt
            states[batch] = state
            print(f"push  batch={batch:<4} {len(recs)} tasks in {dt:6.2f} s  {push_rates[batch]:8.1f} tasks/s  x{push_rates[batch] / push_rates[1]:.1f} vs batch 1")
        t0 = time.perf_counter()
        again = push_records(client, make_records(args.records, "b100"), kind="dialogue", state_path=states[100], project_title="bench-batch-100")
        print(f"re-push (no-op, {again.already_there} already there): {time.perf_counter() - t0:.2f} s")

        # Annotate every task of one project, then pull it with different page sizes.
        st = ReviewState.load(states[100])
        assert st is not None
        result = [{"from_name": "decision", "to_name": "dialogue", "type": "choices", "value": {"choices": ["accepted"]}}]
        for task_id in st.tasks.values():
            client.create_annotation(task_id, result)
        pull_rates: dict[int, float] = {}
        for page in (10, 100, 500):
            t0 = time.perf_counter()
            snap = fetch_annotations(client, states[100], page_size=page, restart=True)
            dt = time.perf_counter() - t0
            pull_rates[page] = args.records / dt
            print(f"pull  page={page:<4} {args.records} tasks in {dt:6.2f} s  {pull_rates[page]:8.1f} tasks/s  x{pull_rates[page] / pull_rates[10]:.1f} vs page 10")
        recs = make_records(args.records, "b100")
        t0 = time.perf_counter()
        merged = merge_annotations(recs, read_snapshot(snap), kind="dialogue", expected_tasks=st.tasks)
        dt = time.perf_counter() - t0
        print(f"merge {len(merged.kept)} records in {dt:.3f} s ({len(recs) / dt:.0f} records/s)")


if __name__ == "__main__":
    main()
