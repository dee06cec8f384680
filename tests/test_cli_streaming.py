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
from mediscope.record import Deid, DeidStatus, Record, Source, Turn

COMPLAINTS = [
    "我这三天一直头痛，还有点发烧，体温三十八度左右，晚上睡不好。",
    "最近两周胃口很差，吃完饭就胀气反酸，偶尔还会恶心想吐。",
    "孩子咳嗽一个星期了，晚上咳得厉害，有白色的痰，不发烧。",
    "右膝盖爬楼梯的时候疼，早上起来有点僵硬，活动一会儿就好些。",
    "皮肤上起了很多红色的小疙瘩，特别痒，抓破了还会流水。",
    "I have had a sore throat and a mild fever for two days, and swallowing hurts.",
    "My lower back has ached since I moved house last weekend, worse when I bend over.",
    "I keep waking up at night to urinate, four or five times, and I am always thirsty.",
]


def _dialogue(i: int) -> Record:
    complaint = COMPLAINTS[i % len(COMPLAINTS)]
    zh = i % len(COMPLAINTS) < 5
    reply = "您好，这种情况持续多久了？有没有其他不舒服？" if zh else "How long has this been going on, and anything else?"
    follow = "大概就是这些，没有别的不舒服，也没有吃过药。" if zh else "That is all, no other symptoms and no medicine so far."
    advice = "建议先到医院门诊做个检查，明确原因后再对症治疗。" if zh else "Please see your doctor for an examination before any treatment."
    return Record(id=f"r{i}", source=Source(dataset="test"), case_id=f"c{i}", lang="zh" if zh else "en",
                  turns=[Turn(role="patient", text=complaint), Turn(role="doctor", text=reply),
                         Turn(role="patient", text=follow), Turn(role="doctor", text=advice)],
                  deid=Deid(status=DeidStatus.passed, engine="test"))


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
