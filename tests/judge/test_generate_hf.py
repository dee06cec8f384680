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


@pytest.mark.slow
def test_generate_merges_a_trained_lora_adapter(tmp_path: Path) -> None:
    """`--adapter`: the LoRA is merged into the base weights before generation."""
    pytest.importorskip("peft")
    import torch
    from transformers import AutoModelForImageTextToText

    from mediscope.judge.generate import _load_local
    from mediscope.train.config import LoraSettings
    from mediscope.train.modeling import attach_adapter
    from mediscope.train.tiny import build_tiny_model

    model_dir = build_tiny_model(tmp_path / "tiny")
    peft_model = attach_adapter(AutoModelForImageTextToText.from_pretrained(model_dir), LoraSettings(r=4, alpha=8))
    with torch.no_grad():  # stand-in for training: make the adapter non-zero
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.fill_(0.05)
    peft_model.save_pretrained(tmp_path / "adapter")

    base, _, _ = _load_local(model_dir, None)
    merged, _, multimodal = _load_local(model_dir, None, tmp_path / "adapter")
    assert multimodal and not any("lora_" in k for k in merged.state_dict())
    changed = [k for k, v in merged.state_dict().items() if not torch.equal(v, base.state_dict()[k])]
    assert changed and all("language_model" in k and k.endswith("proj.weight") for k in changed)
