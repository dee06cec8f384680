"""`mediscope filter` and `mediscope anonymize` stream their output batch by batch.

What matters to a curator: many small batches give the same result as one big one (dedup
state carries across batches), in = out + rejected, and a failure midway leaves no half-written
output (a previous output of the same name stays as it was).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mediscope.io.shards import iter_records
from mediscope.record import Deid
from tests.helpers.dialogues import dialogue_record as _dialogue


@pytest.fixture(scope="module")
def app():
    from mediscope.cli import app as cli_app

    return cli_app


def _write(path, records) -> None:
    path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")


@pytest.mark.parametrize("ext", ["jsonl", "parquet"])
def test_filter_in_small_batches_equals_one_batch(app, tmp_path, ext):
    recs = [_dialogue(i) for i in range(24)]  # 8 distinct dialogues, each seen 3 times
    src = tmp_path / "in.jsonl"
    _write(src, recs)
    outs = {}
    for bs in (3, 1000):
        out = tmp_path / f"kept{bs}.{ext}"
        res = CliRunner().invoke(app, ["filter", str(src), str(out), "--batch-size", str(bs)])
        assert res.exit_code == 0, res.output
        rejects = [json.loads(line) for line in (tmp_path / f"kept{bs}.rejects.jsonl").read_text().splitlines()]
        kept = [r.id for r in iter_records(out)]
        assert len(kept) + len(rejects) == 24 and f"24 in = {len(kept)} kept" in res.output
        outs[bs] = (kept, sorted((r["record_id"], r["reason"]) for r in rejects))
    assert outs[3] == outs[1000]
    assert outs[3][0] == [f"r{i}" for i in range(8)]  # duplicates in later batches were caught
    assert {reason for _, reason in outs[3][1]} == {"exact_duplicate"}


def test_filter_broken_input_midway_fails_clearly_and_keeps_the_old_output(app, tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [_dialogue(i).to_json() for i in range(6)]
    src.write_text("\n".join(lines[:4] + ['{"id": "broken", "turns": [}'] + lines[4:]) + "\n", encoding="utf-8")
    out = tmp_path / "kept.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["filter", str(src), str(out), "--batch-size", "2"])
    assert res.exit_code != 0
    assert "could not read records" in res.output
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "kept.jsonl"]  # no temp files


@pytest.mark.slow
def test_anonymize_streams_batches_and_counts(app, tmp_path):
    recs = [_dialogue(i) for i in range(10)]
    recs[3].turns[0].text = "我是王建国，电话13912345678，" + recs[3].turns[0].text
    recs[3].deid = Deid()
    src = tmp_path / "in.jsonl"
    _write(src, recs)
    out = tmp_path / "anon.parquet"
    res = CliRunner().invoke(app, ["anonymize", str(src), "-o", str(out), "--batch-size", "3", "--recheck"])
    assert res.exit_code == 0, res.output
    back = list(iter_records(out))
    assert [r.id for r in back] == [r.id for r in recs]
    assert "王建国" not in back[3].turns[0].text and "13912345678" not in back[3].turns[0].text
    assert "10 in = 10 out + 0 rejected" in res.output
    assert not (tmp_path / "anon.rejects.jsonl").exists()
