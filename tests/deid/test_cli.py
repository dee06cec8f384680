"""`mediscope anonymize` and `mediscope deid-eval` through the real CLI app."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mediscope.record import Record, Report, Source, Turn

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app():
    from mediscope.cli import app as cli_app

    return cli_app


def _write(path, records):
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")


def test_anonymize_jsonl_roundtrip(app, tmp_path):
    src = tmp_path / "in.jsonl"
    _write(src, [
        Record(id="a", source=Source(dataset="t"), case_id="c1",
               turns=[Turn(role="patient", text="我是张伟，手机138 1234 5678，2023年3月5日开始头痛。"),
                      Turn(role="doctor", text="张伟您好，建议查头颅CT。")]),
        Record(id="b", source=Source(dataset="t"), case_id="c2",
               turns=[Turn(role="patient", text="Hi, I'm John Smith, MRN 12345678.")],
               reports=[Report(kind="lab", text="Patient: John Smith. HbA1c 7.2%.")]),
    ])
    out = tmp_path / "out" / "anon.parquet"
    res = CliRunner().invoke(app, ["anonymize", str(src), "-o", str(out), "--lang", "auto"])
    assert res.exit_code == 0, res.output
    from mediscope.io.shards import iter_records

    recs = list(iter_records(out))
    assert [r.id for r in recs] == ["a", "b"]
    dumped = "".join(r.model_dump_json() for r in recs)
    for phi in ("张伟", "1234 5678", "John Smith", "12345678"):
        assert phi not in dumped
    assert "HbA1c 7.2%" in recs[1].reports[0].text and all(r.deid.status.value == "passed" for r in recs)
    assert "PERSON" in res.output and "2 in = 2 out + 0 rejected" in res.output


def test_anonymize_operator_option_and_errors(app, tmp_path):
    src = tmp_path / "in.jsonl"
    _write(src, [Record(id="a", source=Source(dataset="t"), case_id="c1", lang="en",
                        turns=[Turn(role="patient", text="I'm John Smith.")])])
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(app, ["anonymize", str(src), "-o", str(out), "--operator", "PERSON=placeholder"])
    assert res.exit_code == 0, res.output
    assert "<PERSON>" in json.loads(out.read_text().splitlines()[0])["turns"][0]["text"]
    res = CliRunner().invoke(app, ["anonymize", str(src), "-o", str(out), "--operator", "PERSON"])
    assert res.exit_code != 0 and "TYPE=OPERATOR" in res.output
    res = CliRunner().invoke(app, ["anonymize", str(src), "-o", str(tmp_path / "o.csv")])
    assert res.exit_code != 0 and ".jsonl or .parquet" in res.output
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n")
    res = CliRunner().invoke(app, ["anonymize", str(broken), "-o", str(out)])
    assert res.exit_code != 0 and "could not read records" in res.output


def test_deid_eval_prints_table_and_enforces_threshold(app, tmp_path):
    res = CliRunner().invoke(app, ["deid-eval"])
    assert res.exit_code == 0, res.output
    assert "PHI recall" in res.output and "PERSON" in res.output and "clinical preservation" in res.output
    small = tmp_path / "hard.jsonl"
    small.write_text(json.dumps({"text": "the code word is zzyzx today", "lang": "en",
                                 "phi": [{"start": 17, "end": 22, "type": "PERSON"}]}) + "\n")
    res = CliRunner().invoke(app, ["deid-eval", "--set", str(small), "--min-recall", "0.99"])
    assert res.exit_code == 1 and "below threshold" in res.output


def test_anonymize_with_worker_processes(app, tmp_path):
    src = tmp_path / "in.jsonl"
    recs = [Record(id=f"r{i}", source=Source(dataset="t"), case_id=f"c{i}", lang="zh",
                   turns=[Turn(role="patient", text=f"我是张伟，电话1381234{i:04d}")]) for i in range(6)]
    _write(src, recs)
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(app, ["anonymize", str(src), "-o", str(out), "--workers", "2", "--batch-size", "2"])
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [f"r{i}" for i in range(6)]
    assert "张伟" not in out.read_text(encoding="utf-8")
