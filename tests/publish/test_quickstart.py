from __future__ import annotations

import json

import datasets
import pytest

from mediscope.pipeline import Pipeline
from mediscope.report import build_report, load_run
from mediscope.runner import run_pipeline


@pytest.mark.slow
def test_quickstart_pipeline_runs_offline_and_publishes(repo_root, tmp_path):
    """pipelines/quickstart.yaml on the bundled sample: real de-id, OCR, filters, dedup, publish."""
    pipe = Pipeline.from_yaml(repo_root / "pipelines" / "quickstart.yaml")
    pipe.reader.path = str(repo_root / pipe.reader.path)
    pipe.writer.path = str(tmp_path / "run")
    assert pipe.publish is not None
    pipe.publish.path = str(tmp_path / "ds")
    for spec in pipe.stages:
        if spec.stage == "dedup":
            spec.config["seed_from"] = str(tmp_path / "run")
    manifest = run_pipeline(pipe)
    names = [s["name"] for s in manifest["stages"]]
    assert names == ["read:meddiagnose", "deid", "image_deid", "phi_baseline", "filter", "dedup"]
    assert manifest["output_records"] > 0

    loaded = datasets.load_dataset(str(tmp_path / "ds"))
    rows = [row for split in loaded.values() for row in split]
    assert len(rows) == manifest["output_records"]
    assert any(row["images"] for row in rows)
    for row in rows:
        assert "_phi_baseline" not in json.loads(row["meta"])
        assert "13912345678" not in json.dumps(row["messages"], ensure_ascii=False)  # a phone in the sample
    cases = [set(loaded[s]["case_id"]) for s in loaded]
    assert all(not (a & b) for i, a in enumerate(cases) for b in cases[i + 1 :])

    stats = load_run(tmp_path / "run")
    assert stats.kept == manifest["output_records"] and stats.phi
    assert build_report(tmp_path / "run").exists()
