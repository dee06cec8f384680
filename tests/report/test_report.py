from __future__ import annotations

import json
import random

import datasets
from typer.testing import CliRunner

from mediscope.record import ReviewStatus, Span
from mediscope.report import build_report, load_run
from mediscope.runner import run_pipeline

from ..filters.conftest import ZH_DIALOGUE, make_record


def _distinct_turns(i: int):
    """Four turns of text unique to `i` (random Han characters), so near-dup never fires."""
    rnd = random.Random(i)
    pool = "头痛发热咳嗽胸闷腹泻恶心呕吐乏力失眠皮疹关节肿胀视力模糊耳鸣心悸气短尿频口渴体重下降"
    text = lambda: "".join(rnd.choice(pool) for _ in range(30))  # noqa: E731
    return [("patient", text()), ("doctor", text()), ("patient", text()), ("doctor", text())]


def _records():
    recs = []
    for i in range(12):
        turns = _distinct_turns(i) if i % 2 else [(r, f"{t} Case {i}.") for r, t in _distinct_en(i)]
        rec = make_record(turns, rid=f"r{i:02d}", case_id=f"c{i // 2}")
        rec.deid.spans = [Span(field="turns[0].text", start=0, end=2, entity_type="PERSON", score=0.9)]
        if i % 4 == 0:
            rec.deid.spans.append(Span(field="turns[2].text", start=3, end=14, entity_type="PHONE_NUMBER", score=0.8))
        rec.review.status = ReviewStatus.accepted if i % 3 else ReviewStatus.edited
        recs.append(rec)
    dup = make_record(ZH_DIALOGUE, rid="dup-of-r01")
    dup.turns = [t.model_copy(update={"text": t.text + " "}) for t in recs[1].turns]  # same after normalization
    recs.append(dup)
    recs.append(make_record(ZH_DIALOGUE[:1], rid="short"))
    bad_review = make_record(ZH_DIALOGUE, rid="expert-rejected")
    bad_review.review.status = ReviewStatus.rejected
    recs.append(bad_review)
    return recs


def _distinct_en(i: int):
    rnd = random.Random(100 + i)
    words = ("pain fever cough nausea rash dizzy swelling fatigue chest throat stomach knee back head "
             "vision hearing sleep appetite weight thirst").split()
    text = lambda: " ".join(rnd.choice(words) for _ in range(14)).capitalize() + "."  # noqa: E731
    return [("patient", text()), ("doctor", text()), ("patient", text()), ("doctor", text())]


def _run(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(r.to_json() for r in _records()) + "\n{broken json\n", encoding="utf-8")
    pipeline = {
        "name": "report-test",
        "reader": {"format": "jsonl", "path": str(src)},
        "stages": [
            {"stage": "filter", "config": {"residual_phi": {"enabled": False}}},
            {"stage": "dedup", "config": {"seed_from": str(tmp_path / "run")}},
        ],
        "writer": {"path": str(tmp_path / "run"), "format": "parquet"},
        "batch_size": 5,
        "publish": {"path": str(tmp_path / "ds"), "options": {"ratios": {"train": 0.8, "validation": 0.1, "test": 0.1}}},
    }
    from mediscope.pipeline import Pipeline

    return run_pipeline(Pipeline.model_validate(pipeline)), tmp_path / "run"


def test_pipeline_filter_dedup_publish_and_report(tmp_path):
    manifest, run = _run(tmp_path)
    stats = load_run(run)
    assert stats.kept == manifest["output_records"] == 12
    assert stats.rejected == manifest["rejected"] == 4
    assert stats.reasons == {
        ("read:jsonl", "broken_json"): 1,
        ("filter", "too_few_turns"): 1,
        ("filter", "review_status"): 1,
        ("dedup", "exact_duplicate"): 1,
    }
    assert stats.turns == {4: 12}
    assert stats.phi_kept == {"PERSON": 12, "PHONE_NUMBER": 3}
    assert stats.review == {"accepted": 8, "edited": 4}
    assert stats.review_rejected == {"pending": 2, "rejected": 1}

    # The pipeline's publish section wrote a loadable dataset with the kept records only.
    loaded = datasets.load_dataset(str(tmp_path / "ds"))
    assert sum(len(s) for s in loaded.values()) == 12

    html_path = build_report(run, tmp_path / "rep")
    page = html_path.read_text(encoding="utf-8")
    for png in ("turns.png", "funnel.png", "reasons.png", "phi.png", "review.png"):
        data = (tmp_path / "rep" / png).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 2000
        assert f"src='{png}'" in page
    assert "exact_duplicate" in page and "PHONE_NUMBER" in page and "report-test" in page


def test_report_cli_prints_tables_and_writes_html(tmp_path):
    from mediscope.cli import app

    _, run = _run(tmp_path)
    result = CliRunner().invoke(app, ["report", str(run), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "report.html").exists()
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nope")])
    assert missing.exit_code != 0


def test_report_without_manifest_uses_rejects(tmp_path):
    _, run = _run(tmp_path)
    (run / "manifest.json").unlink()
    stats = load_run(run)
    by_stage = {s["name"]: s["rejected"] for s in stats.stages}
    assert by_stage == {"read:jsonl": 1, "filter": 2, "dedup": 1}
    assert stats.input_items == 16


def test_publish_cli(tmp_path):
    from mediscope.cli import app

    _, run = _run(tmp_path)
    out = tmp_path / "cli-ds"
    result = CliRunner().invoke(app, ["publish", str(run), str(out), "--split", "0.8,0.1,0.1", "--license", "cc-by-4.0"])
    assert result.exit_code == 0, result.output
    assert "license: cc-by-4.0" in (out / "README.md").read_text()
    again = CliRunner().invoke(app, ["publish", str(run), str(out)])
    assert again.exit_code != 0 and "overwrite" in again.output
    bad = CliRunner().invoke(app, ["publish", str(run), str(tmp_path / "x"), "--split", "0,0.5,0.5"])
    assert bad.exit_code != 0
    json.loads((run / "manifest.json").read_text())
