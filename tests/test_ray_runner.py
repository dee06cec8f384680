"""`RayRunner`: the same pipeline on Ray Data gives the local runner's shards, decisions and counts.

A real local Ray (2 CPUs) is started once for the module. The pipeline reads JSONL records with
a broken line (a reader rejection), runs a test stage that rejects odd rows, the quality filter
and dedup, in batches of 4, with exact duplicates that sit in OTHER batches than their first
copy: only a dedup that sees every batch in one actor, in order, finds them all.
"""

from __future__ import annotations

import json

import pytest

from mediscope.io.shards import iter_records
from mediscope.pipeline import Pipeline
from mediscope.runner import Runner
from tests.helpers.dialogues import dialogue_record

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ray_local():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


def _pipeline(src, out) -> Pipeline:
    return Pipeline.model_validate({
        "name": "ray-check",
        "reader": {"format": "jsonl", "path": str(src)},
        "stages": [
            {"stage": "tests.helpers.stages:DropOddStage", "config": {"reason": "odd_row"}},
            {"stage": "filter", "config": {"min_turns": 2, "languages": ["zh", "en"],
                                           "review_allowed": ["pending", "accepted", "edited"],
                                           "residual_phi": {"enabled": False}}},
            {"stage": "dedup", "config": {"threshold": 0.8, "ngram": 5}},
        ],
        "writer": {"path": str(out), "format": "parquet"},
        "batch_size": 4,
    })


def _shards(run) -> list[tuple[list[str], list[tuple]]]:
    out = []
    for part in sorted((run / "rejects").glob("part-*.jsonl")):
        kept = [r.id for r in iter_records(run / "data" / part.name.replace(".jsonl", ".parquet"))]
        rejects = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines()]
        out.append((kept, [(r["record_id"], r["stage"], r["reason"]) for r in rejects]))
    return out


def test_ray_run_equals_local_run(tmp_path, ray_local):
    from mediscope.ray_runner import RayRunner

    # even rows survive DropOdd; texts repeat with period 7, so rows 14.. repeat rows 0.. in later batches
    lines = [dialogue_record(i, i % 7).model_dump_json() for i in range(30)]
    lines.insert(9, '{"id": "broken", "turns": [')
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = Runner(_pipeline(src, tmp_path / "local"), resume=False, progress=False).run()
    on_ray = RayRunner(_pipeline(src, tmp_path / "ray"), workers=2, progress=False).run()

    assert _shards(tmp_path / "ray") == _shards(tmp_path / "local")
    strip = [{k: v for k, v in st.items() if k != "seconds"} for st in local["stages"]]
    assert [{k: v for k, v in st.items() if k != "seconds"} for st in on_ray["stages"]] == strip
    assert (on_ray["input_items"], on_ray["output_records"], on_ray["rejected"]) == (31, 7, 24)
    reasons = {st["name"]: st["reasons"] for st in on_ray["stages"]}
    assert reasons["dedup"] == {"exact_duplicate": 8} and reasons["drop_odd"] == {"odd_row": 15}
    assert sum(reasons["read:jsonl"].values()) == 1
    assert on_ray["executor"] == "ray" and all(st["seconds"] >= 0 for st in on_ray["stages"])


def test_stateless_stages_share_an_actor_pool_and_dedup_runs_alone(tmp_path):
    from mediscope.ray_runner import segments

    pipe = _pipeline(tmp_path / "x.jsonl", tmp_path / "out")
    segs = segments(pipe, ["drop_odd", "filter", "dedup"])
    assert [([label for _, label, _ in s.stages], s.stateful) for s in segs] == [
        (["drop_odd", "filter"], False), (["dedup"], True)]


def test_a_failing_stage_rejects_its_batch_or_fails_the_run(tmp_path, ray_local):
    from mediscope.ray_runner import RayRunner

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(dialogue_record(i, i % 7).model_dump_json() for i in range(6)) + "\n", encoding="utf-8")
    spec = _pipeline(src, tmp_path / "out").model_dump()
    spec["stages"] = [{"stage": "tests.helpers.stages:ExplodeStage", "config": {}}]
    spec["on_stage_error"] = "reject"
    manifest = RayRunner(Pipeline.model_validate(spec), workers=1, progress=False).run()
    assert manifest["rejected"] == 6 and manifest["stages"][-1]["reasons"] == {"stage_error": 6}
    spec["on_stage_error"] = "fail"
    with pytest.raises(Exception, match="boom"):
        RayRunner(Pipeline.model_validate(spec), workers=1, progress=False).run()


def test_cli_run_with_the_ray_executor(tmp_path, ray_local):
    import yaml
    from typer.testing import CliRunner

    from mediscope.cli import app

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(dialogue_record(i, i % 7).model_dump_json() for i in range(10)) + "\n", encoding="utf-8")
    spec = _pipeline(src, tmp_path / "run").model_dump(mode="json", exclude_none=True)
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    res = CliRunner().invoke(app, ["run", str(tmp_path / "p.yaml"), "--executor", "ray", "--no-progress"])
    assert res.exit_code == 0, res.output
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["executor"] == "ray" and manifest["input_items"] == 10
    assert manifest["output_records"] + manifest["rejected"] == 10 and "10 in =" in res.output
    bad = CliRunner().invoke(app, ["run", str(tmp_path / "p.yaml"), "--executor", "spark"])
    assert bad.exit_code != 0 and "local or ray" in bad.output
