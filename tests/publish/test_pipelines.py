from __future__ import annotations

import pytest

from mediscope.pipeline import Pipeline


@pytest.mark.parametrize("name", ["quickstart.yaml", "mediscope.yaml"])
def test_pipeline_files_validate_and_build(repo_root, name):
    pipe = Pipeline.from_yaml(repo_root / "pipelines" / name)
    stages = pipe.build_stages()  # every stage config validates (typos would raise)
    names = [s.name for s in stages]
    assert names[-2:] == ["filter", "dedup"] and "deid" in names and "phi_baseline" in names
    assert names.index("phi_baseline") > names.index("deid")
    assert pipe.publish is not None
    dedup = next(s for s in pipe.stages if s.stage == "dedup")
    assert dedup.config["seed_from"] == pipe.writer.path  # resume re-indexes this run's shards


def test_full_pipeline_orders_expand_review_and_filters(repo_root):
    names = [s.name for s in Pipeline.from_yaml(repo_root / "pipelines" / "mediscope.yaml").build_stages()]
    assert names.index("expand") < names.index("review_gate") < names.index("dedup")
