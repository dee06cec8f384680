"""The runner: shards, manifest, rejects, stage-error policy, and resume after a real kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from mediscope.io.shards import iter_records
from mediscope.pipeline import Pipeline
from mediscope.runner import RunError, run_pipeline


def make_input(path: Path, n: int, broken: set[int] = frozenset()) -> set[str]:
    """n DISC-style conversations; rows in `broken` are invalid JSON. Returns the good _ids."""
    lines, good = [], set()
    for i in range(n):
        if i in broken:
            lines.append(f'{{"_id": "{i}", "conversation": [')
            continue
        lines.append(json.dumps({"_id": f"c{i}", "conversation": [
            {"role": "user", "content": f"第{i}位患者：咳嗽{i}天"}, {"role": "assistant", "content": "有发热吗？"}]},
            ensure_ascii=False))
        good.add(f"c{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return good


def pipeline_dict(inp: Path, out: Path, stages: list[dict], batch_size: int = 10, fmt: str = "jsonl") -> dict:
    return {"name": "t", "reader": {"format": "disc", "path": str(inp)}, "stages": stages,
            "writer": {"path": str(out), "format": fmt}, "batch_size": batch_size}


def rejects_of(run: Path) -> list[dict]:
    return [json.loads(line) for f in sorted((run / "rejects").glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_run_writes_shards_manifest_and_rejects(tmp_path: Path, fmt: str) -> None:
    good = make_input(tmp_path / "in.jsonl", 35, broken={4})
    spec = pipeline_dict(tmp_path / "in.jsonl", tmp_path / "run", [
        {"stage": "validate"}, {"stage": "tests.helpers.stages:DropOddStage"}], batch_size=10, fmt=fmt)
    manifest = run_pipeline(Pipeline.model_validate(spec))
    shards = sorted((tmp_path / "run/data").glob(f"part-*.{fmt}"))
    assert len(shards) == 4 == manifest["shards"]
    out = list(iter_records(tmp_path / "run"))
    assert {r.source.original_id for r in out} == {g for g in good if int(g[1:]) % 2 == 0}
    assert all([p.stage for p in r.provenance] == ["validate", "drop_odd"] for r in out)
    stages = {s["name"]: s for s in manifest["stages"]}
    assert stages["read:disc"] == stages["read:disc"] | {"in": 35, "out": 34, "rejected": 1}
    assert stages["drop_odd"]["reasons"] == {"odd_row": 17}
    assert manifest["input_items"] == manifest["output_records"] + manifest["rejected"] == 35
    rej = rejects_of(tmp_path / "run")
    assert len(rej) == 18 and {r["stage"] for r in rej} == {"read:disc", "drop_odd"}
    assert all(r["record"] for r in rej if r["stage"] == "drop_odd")
    assert len(stages["drop_odd"]["config_hash"]) == 16


def test_stage_error_policy(tmp_path: Path) -> None:
    make_input(tmp_path / "in.jsonl", 12)
    spec = pipeline_dict(tmp_path / "in.jsonl", tmp_path / "run", [{"stage": "tests.helpers.stages:ExplodeStage"}])
    with pytest.raises(ValueError, match="boom"):
        run_pipeline(Pipeline.model_validate(spec))
    spec["on_stage_error"] = "reject"
    manifest = run_pipeline(Pipeline.model_validate(spec), resume=False)
    assert manifest["output_records"] == 0 and manifest["rejected"] == 12
    assert {r["reason"] for r in rejects_of(tmp_path / "run")} == {"stage_error"}


def test_stage_that_loses_records_is_caught(tmp_path: Path) -> None:
    make_input(tmp_path / "in.jsonl", 5)
    spec = pipeline_dict(tmp_path / "in.jsonl", tmp_path / "run", [{"stage": "tests.helpers.stages:LosesRecordsStage"}])
    with pytest.raises(RuntimeError, match="in = out \\+ rejected"):
        run_pipeline(Pipeline.model_validate(spec))


def test_resume_refuses_a_different_pipeline(tmp_path: Path) -> None:
    make_input(tmp_path / "in.jsonl", 5)
    spec = pipeline_dict(tmp_path / "in.jsonl", tmp_path / "run", [])
    run_pipeline(Pipeline.model_validate(spec))
    spec["batch_size"] = 2
    with pytest.raises(RunError, match="different pipeline"):
        run_pipeline(Pipeline.model_validate(spec))
    assert run_pipeline(Pipeline.model_validate(spec), resume=False)["shards"] == 3


def test_unknown_stage_and_bad_config_fail_before_reading(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from mediscope.stages.registry import StageNotFound

    spec = pipeline_dict(tmp_path / "nope.jsonl", tmp_path / "run", [{"stage": "no_such_stage"}])
    with pytest.raises(StageNotFound, match="unknown stage"):
        run_pipeline(Pipeline.model_validate(spec))
    spec["stages"] = [{"stage": "validate", "config": {"min_turn": 1}}]
    with pytest.raises(ValidationError, match="min_turn"):
        run_pipeline(Pipeline.model_validate(spec))


@pytest.mark.slow
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path, repo_root: Path) -> None:
    good = make_input(tmp_path / "in.jsonl", 300, broken={13, 150, 299})
    spec = pipeline_dict(tmp_path / "in.jsonl", tmp_path / "run", [
        {"stage": "validate"}, {"stage": "tests.helpers.stages:SleepStage", "config": {"seconds": 0.15}}], batch_size=10)
    yaml_path = tmp_path / "p.yaml"
    yaml_path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(repo_root))
    cmd = [sys.executable, "-m", "mediscope.cli", "run", str(yaml_path), "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=repo_root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    progress = tmp_path / "run/_progress.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if progress.exists() and len(progress.read_text().splitlines()) >= 5:
            break
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(progress.read_text().splitlines())
    assert proc.returncode == -signal.SIGKILL and 5 <= done_before < 30
    assert not (tmp_path / "run/manifest.json").exists()
    # A half-written shard from the killed process must not survive into the result.
    (tmp_path / "run/data" / f"part-{done_before:05d}.jsonl").write_text('{"torn": ', encoding="utf-8")

    rerun = subprocess.run(cmd, cwd=repo_root, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    out_ids = [r.source.original_id for r in iter_records(tmp_path / "run")]
    assert len(out_ids) == len(set(out_ids)) == len(good)
    assert set(out_ids) == good
    manifest = json.loads((tmp_path / "run/manifest.json").read_text())
    assert manifest["input_items"] == 300 and manifest["rejected"] == 3 and manifest["shards"] == 30
    assert len(progress.read_text().splitlines()) == 30
    assert sorted(r["source"]["row"] for r in rejects_of(tmp_path / "run")) == [13, 150, 299]


def test_yaml_overrides_reach_list_items(tmp_path: Path) -> None:
    make_input(tmp_path / "in.jsonl", 3)
    spec = pipeline_dict(tmp_path / "in.jsonl", tmp_path / "run", [{"stage": "validate", "config": {}}])
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    pipe = Pipeline.from_yaml(tmp_path / "p.yaml", {"stages.0.config.min_turns": 3, "batch_size": 2})
    assert pipe.stages[0].config == {"min_turns": 3} and pipe.batch_size == 2
    manifest = run_pipeline(pipe)
    assert manifest["rejected"] == 3  # every conversation has 2 turns < 3
    with pytest.raises(KeyError, match="not an index"):
        Pipeline.from_yaml(tmp_path / "p.yaml", {"stages.5.config.min_turns": 3})
