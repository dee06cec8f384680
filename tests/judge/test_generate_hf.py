"""`eval generate --hf-model`: greedy generation from a local checkpoint (a tiny Qwen2.5-VL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mediscope.cli import app


@pytest.mark.slow
def test_generate_with_local_tiny_vl_model(tmp_path: Path, repo_root: Path) -> None:
    pytest.importorskip("transformers")
    from mediscope.judge.benchmarks import read_benchmark
    from mediscope.judge.generate import _hf_messages, generate_with_hf
    from mediscope.train.tiny import build_tiny_model

    model_dir = build_tiny_model(tmp_path / "tiny")
    items = read_benchmark("meddiagnose", repo_root / "examples/sample/consultations.csv", limit=2)
    messages, images = _hf_messages(items[0], None, multimodal=True)
    assert len(images) == 1 and messages[0]["content"][0] == {"type": "image"}  # the rash photo
    raw = generate_with_hf(model_dir, items, max_new_tokens=4, skip_special_tokens=False)
    assert len(raw) == 2 and all(isinstance(r, str) for r in raw)

    out = tmp_path / "tiny.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "generate",
            "-i",
            str(repo_root / "examples/sample/consultations.csv"),
            "-o",
            str(out),
            "--hf-model",
            str(model_dir),
            "--limit",
            "2",
            "--max-tokens",
            "4",
            "--name",
            "tiny",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["model"] for r in rows] == ["tiny", "tiny"] and all(r["response"] is not None for r in rows)
    assert [r["id"] for r in rows] == [i.id for i in items]
