"""A killed expansion resumes: answers cached before the kill are not requested again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediscope.io.shards import iter_records, write_records
from mediscope.record import Deid, Record, Source, Turn
from mediscope.testing import ChatServer, expand_responder


@pytest.mark.slow
def test_killed_run_resumes_from_cache(tmp_path: Path) -> None:
    n = 12
    src = tmp_path / "in.jsonl"
    write_records(
        [
            Record(
                id=f"k{i}",
                source=Source(dataset="t"),
                case_id=f"c{i}",
                lang="zh",
                turns=[Turn(role="patient", text=f"腹痛{i}小时")],
                deid=Deid(status="passed"),
            )
            for i in range(n)
        ],
        src,
    )
    cache = tmp_path / "cache"
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "MEDISCOPE_LLM_API_KEY": "k"}
    with ChatServer(responder=expand_responder(), latency=0.3) as server:
        args = [
            sys.executable,
            "-m",
            "mediscope.cli",
            "expand",
            str(src),
            str(out),
            "--base-url",
            server.base_url,
            "--model",
            "m",
            "--cache-dir",
            str(cache),
            "--concurrency",
            "2",
        ]
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while server.served < 5 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert server.served >= 5, "the run never got going"
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert not out.exists()
        with sqlite3.connect(cache / "responses.sqlite") as db:
            cached = db.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
        assert 0 < cached < n
        before = len(server.requests)
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert len(server.requests) - before == n - cached
    assert len(list(iter_records(out))) == n
