"""Data-parallel training over two processes (gloo on CPU; the same code path as DDP on GPUs)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("name", ["ddp", "deepspeed_zero3", "fsdp"])
def test_accelerate_configs_parse(repo_root: Path, name: str):
    from accelerate.commands.config.config_args import load_config_from_file

    cfg = load_config_from_file(str(repo_root / "train" / "accelerate" / f"{name}.yaml"))
    assert cfg.mixed_precision == "bf16" and cfg.num_processes >= 2
    if name == "fsdp":
        raw = yaml.safe_load((repo_root / "train" / "accelerate" / "fsdp.yaml").read_text())
        wrap = raw["fsdp_config"]["fsdp_transformer_layer_cls_to_wrap"].split(",")
        import transformers.models.qwen2_5_vl.modeling_qwen2_5_vl as qwen

        assert all(hasattr(qwen, cls) for cls in wrap)  # the wrapped layer classes exist
    if name == "deepspeed_zero3":
        assert cfg.deepspeed_config["zero_stage"] == 3


@pytest.mark.slow
def test_two_process_data_parallel_sft(repo_root: Path, tiny_model_dir, text_dataset, tmp_path: Path):
    out = tmp_path / "ddp"
    cmd = [
        sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port", str(_free_port()),
        "-m", "mediscope.cli", "-q", "train", "sft", "--recipe", str(repo_root / "train" / "sft_text.yaml"),
    ]
    for item in (
        f"model.path={tiny_model_dir}", "model.dtype=float32", "model.attn_implementation=null",
        f"data.path={text_dataset}", f"output_dir={out}", "trainer.max_steps=2", "trainer.use_cpu=true",
        "trainer.bf16=false", "trainer.gradient_checkpointing=false", "trainer.eval_strategy=no",
        "trainer.save_strategy=no", "trainer.per_device_train_batch_size=2", "trainer.gradient_accumulation_steps=1",
        "trainer.packing=false",
    ):
        cmd += ["--set", item]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=repo_root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summaries = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.startswith('{"')]
    assert len(summaries) == 1  # only rank 0 reports
    # 2 ranks x 2 rows x 2 steps = the whole 8-row train split: one epoch
    assert summaries[0]["metrics"]["epoch"] == pytest.approx(1.0)
    assert (out / "adapter" / "adapter_model.safetensors").is_file()
