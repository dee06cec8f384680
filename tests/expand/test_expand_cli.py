"""`mediscope expand` on a records file, against the loopback server."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mediscope.cli import app
from mediscope.io.shards import iter_records, write_records
from mediscope.record import Deid, Record, Source, Turn
from mediscope.testing import ChatServer, expand_responder


def _rec(i: int, status: str) -> Record:
    return Record(
        id=f"r{i}",
        source=Source(dataset="t"),
        case_id=f"c{i}",
        lang="zh",
        turns=[
            Turn(role="patient", text=f"头痛{i}天了 PHI-CANARY-{i}" if status != "passed" else f"头痛{i}天了")
        ],
        deid=Deid(status=status),
    )


def test_expand_cli_writes_dialogues_and_rejects(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "in.jsonl"
    write_records([_rec(0, "passed"), _rec(1, "pending"), _rec(2, "passed"), _rec(3, "failed")], src)
    monkeypatch.setenv("MEDISCOPE_LLM_API_KEY", "sk-cli-secret-123")
    with ChatServer(responder=expand_responder()) as server:
        args = [
            "expand",
            str(src),
            str(tmp_path / "out.parquet"),
            "--base-url",
            server.base_url,
            "--model",
            "m",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--concurrency",
            "2",
            "--batch-size",
            "3",
        ]
        result = CliRunner().invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert len(server.requests) == 2
        assert "PHI-CANARY" not in "".join(r.text for r in server.requests)
        again = CliRunner().invoke(app, args, catch_exceptions=False)
        assert len(server.requests) == 2  # re-run answered from the cache
    out = list(iter_records(tmp_path / "out.parquet"))
    assert [r.id for r in out] == ["r0", "r2"] and all(len(r.turns) >= 4 for r in out)
    rejects = [json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert [(r["record_id"], r["reason"]) for r in rejects] == [
        ("r1", "not_deidentified"),
        ("r3", "not_deidentified"),
    ]
    assert "sk-cli-secret-123" not in result.output + again.output
    assert "2 expanded + 2 rejected" in " ".join(result.output.split())


def test_expand_cli_rejects_bad_output_suffix_and_options(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_records([_rec(0, "passed")], src)
    bad = CliRunner().invoke(app, ["expand", str(src), str(tmp_path / "out.csv")])
    assert bad.exit_code == 2 and ".jsonl or .parquet" in " ".join(bad.output.split())
    bad = CliRunner().invoke(
        app, ["expand", str(src), str(tmp_path / "o.jsonl"), "--structured-output", "xml"]
    )
    assert bad.exit_code == 2 and "invalid LLM options" in " ".join(bad.output.split())
