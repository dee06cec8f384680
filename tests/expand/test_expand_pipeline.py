"""ExpandStage inside a pipeline run (YAML-shaped config, runner, writer, rejects)."""

from __future__ import annotations

import json
from pathlib import Path

from mediscope.io.shards import iter_records, write_records
from mediscope.pipeline import Pipeline
from mediscope.record import Deid, Record, Source, Turn
from mediscope.runner import run_pipeline
from mediscope.testing import ChatServer, Fault, expand_responder


def _records() -> list[Record]:
    out = []
    for i in range(6):
        status = "pending" if i == 4 else "passed"
        out.append(
            Record(
                id=f"p{i}",
                source=Source(dataset="t"),
                case_id=f"c{i}",
                lang="en" if i % 2 else "zh",
                turns=[
                    Turn(role="patient", text="I have had a cough for a week." if i % 2 else f"咳嗽一周了{i}")
                ],
                deid=Deid(status=status),
            )
        )
    return out


def _pipeline(tmp_path: Path, base_url: str, src: Path) -> Pipeline:
    return Pipeline.model_validate(
        {
            "name": "expand-test",
            "reader": {"format": "jsonl", "path": str(src)},
            "stages": [
                {
                    "stage": "expand",
                    "config": {
                        "llm": {
                            "base_url": base_url,
                            "model": "m",
                            "cache_dir": str(tmp_path / "cache"),
                            "max_retries": 1,
                            "backoff_base": 0.01,
                        },
                        "turns": [{"min": 6, "max": 10, "weight": 1.0}],
                    },
                }
            ],
            "writer": {"path": str(tmp_path / "run"), "format": "jsonl"},
            "batch_size": 4,
        }
    )


def test_pipeline_run_then_rerun_from_cache(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_records(_records(), src)
    normal = expand_responder()
    failing = {"left": 2}  # record p2 fails twice: its first attempt and its one retry

    def responder(body: dict):
        if "咳嗽一周了2" in json.dumps(body, ensure_ascii=False) and failing["left"] > 0:
            failing["left"] -= 1
            return Fault.server_error(503)
        return normal(body)

    with ChatServer(responder=responder) as server:
        manifest = run_pipeline(_pipeline(tmp_path, server.base_url, src))
        first_calls = len(server.requests)
        stage = manifest["stages"][-1]
        assert manifest["input_items"] == 6
        assert stage["reasons"] == {"not_deidentified": 1, "llm_unavailable": 1}
        # the re-run resends only what did not finish; everything else comes from the cache
        manifest2 = run_pipeline(_pipeline(tmp_path, server.base_url, src), resume=False)
    assert len(server.requests) - first_calls == 1
    assert manifest2["stages"][-1]["reasons"] == {"not_deidentified": 1}
    out = list(iter_records(tmp_path / "run"))
    assert len(out) == 5
    for rec in out:
        assert 6 <= len(rec.turns) <= 12 and rec.kind == "dialogue"
        assert (
            rec.provenance[-1].stage == "expand"
            and "prompt=expand_consultation.v1@" in rec.provenance[-1].note
        )
    rejects = [
        json.loads(line)
        for f in sorted((tmp_path / "run" / "rejects").glob("*.jsonl"))
        for line in f.read_text().splitlines()
    ]
    assert [(r["record_id"], r["reason"]) for r in rejects] == [("p4", "not_deidentified")]
