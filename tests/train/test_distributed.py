"""Multi-process training on CPU: DDP (gloo), and the FSDP2 and DeepSpeed ZeRO-3 accelerate configs.

All runs train the same tiny Qwen2.5-VL with the same seed on the same rows, so the FSDP and
ZeRO-3 adapters must equal the DDP one: sharding changes where the weights live, not what is
learned. The launch commands are the ones in train/README.md plus CPU overrides (two
processes, no mixed precision, ``trainer.use_cpu`` or ``trainer.ddp_backend=gloo``).
"""

from __future__ import annotations

import json
import math
import os
import socket
import subprocess
import sys
import textwrap
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


def _sft_args(repo_root: Path, model: Path, data: Path, out: Path, *cpu: str) -> list[str]:
    """`train sft` on the text recipe, cut to 2 steps of 2 rows per rank, no eval, no checkpoints."""
    args = ["-q", "train", "sft", "--recipe", str(repo_root / "train" / "sft_text.yaml")]
    for item in (
        f"model.path={model}",
        "model.dtype=float32",
        "model.attn_implementation=null",
        f"data.path={data}",
        f"output_dir={out}",
        "trainer.max_steps=2",
        "trainer.bf16=false",
        "trainer.gradient_checkpointing=false",
        "trainer.eval_strategy=no",
        "trainer.save_strategy=no",
        "trainer.per_device_train_batch_size=2",
        "trainer.gradient_accumulation_steps=1",
        "trainer.packing=false",
        "trainer.warmup_steps=0",  # both steps move the weights
        *cpu,
    ):
        args += ["--set", item]
    return args


def _summaries(stdout: str) -> list[dict]:
    return [json.loads(ln) for ln in stdout.splitlines() if ln.startswith('{"')]


def _adapter(out: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(out / "adapter" / "adapter_model.safetensors")


@pytest.fixture(scope="module")
def ddp_run(repo_root: Path, tiny_model_dir, text_dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("ddp")
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc_per_node",
        "2",
        "--master_port",
        str(_free_port()),
        "-m",
        "mediscope.cli",
        *_sft_args(repo_root, tiny_model_dir, text_dataset, out, "trainer.use_cpu=true"),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=repo_root), out


@pytest.mark.slow
def test_two_process_data_parallel_sft(ddp_run):
    proc, out = ddp_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    summaries = _summaries(proc.stdout)
    assert len(summaries) == 1  # only rank 0 reports
    # 2 ranks x 2 rows x 2 steps = the whole 8-row train split: one epoch
    assert summaries[0]["metrics"]["epoch"] == pytest.approx(1.0)
    assert (out / "adapter" / "adapter_model.safetensors").is_file()


# Runs the real CLI under `accelerate launch`, and after training writes, per rank, what the
# trainer sharded, for the tests to check. One patch, for FSDP only: accelerate 1.15 turns the
# config's FSDP on only for accelerator device types. With `--cpu` its launcher starts one plain
# process; with `trainer.use_cpu` each rank becomes MULTI_CPU (gloo) and silently trains as DDP.
# torch's FSDP2 itself runs on CPU over gloo, so the patch does for MULTI_CPU what
# AcceleratorState does for GPUs: set the FSDP type and plugin. DeepSpeed needs no patch.
_LAUNCHER = textwrap.dedent(
    """
    import json, math, os, sys

    from accelerate.state import AcceleratorState, PartialState
    from accelerate.utils import DistributedType

    _init = AcceleratorState.__init__

    def _init_fsdp_on_cpu(self, *args, fsdp_plugin=None, **kwargs):
        _init(self, *args, fsdp_plugin=fsdp_plugin, **kwargs)
        if fsdp_plugin is not None and self.distributed_type == DistributedType.MULTI_CPU:
            self.distributed_type = DistributedType.FSDP
            self.fsdp_plugin = fsdp_plugin
            PartialState._shared_state["distributed_type"] = DistributedType.FSDP

    AcceleratorState.__init__ = _init_fsdp_on_cpu

    from transformers import Trainer

    _train = Trainer.train

    def _probe(trainer):
        model, acc = trainer.model_wrapped, trainer.accelerator
        params = dict(model.named_parameters())
        layer0 = [n for n in params if "language_model" in n and "layers.0." in n]
        probe = {"rank": acc.process_index, "world": acc.num_processes, "type": str(acc.distributed_type),
                 "params": len(params)}
        if trainer.is_fsdp_enabled:
            from torch.distributed.fsdp import FSDPModule
            from torch.distributed.tensor import DTensor

            probe["fsdp_version"] = acc.state.fsdp_plugin.fsdp_version
            probe["wrapped"] = sorted({type(m).__name__ for m in model.modules() if isinstance(m, FSDPModule)})
            probe["sharded"] = sum(isinstance(p, DTensor) for p in params.values())
            probe["shards"] = {n: [params[n].to_local().numel(), params[n].numel()] for n in layer0}
        if trainer.is_deepspeed_enabled:
            probe["zero_stage"] = model.zero_optimization_stage()
            probe["sharded"] = sum(hasattr(p, "ds_tensor") for p in params.values())
            probe["shards"] = {n: [params[n].ds_tensor.numel(), params[n].ds_numel] for n in layer0}
        with open(os.environ["TRAIN_PROBE"] + f".{probe['rank']}.json", "w") as fh:
            json.dump(probe, fh)

    def _train_and_probe(self, *args, **kwargs):
        result = _train(self, *args, **kwargs)
        _probe(self)
        return result

    Trainer.train = _train_and_probe

    from mediscope.cli import main

    sys.argv = ["mediscope", *sys.argv[1:]]
    main()
    """
)


def _launch(
    repo_root: Path, config: str, tmp_path: Path, train_args: list[str]
) -> tuple[list[dict], list[dict]]:
    """`accelerate launch --config_file train/accelerate/<config>.yaml` on 2 CPU processes."""
    launcher = tmp_path / "launch_with_probe.py"
    launcher.write_text(_LAUNCHER, encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--config_file",
        str(repo_root / "train" / "accelerate" / f"{config}.yaml"),
        "--num_processes",
        "2",
        "--mixed_precision",
        "no",
        "--main_process_port",
        str(_free_port()),
        str(launcher),
        *train_args,
    ]
    env = {**os.environ, "TRAIN_PROBE": str(tmp_path / "probe")}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=repo_root, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    probes = [json.loads((tmp_path / f"probe.{rank}.json").read_text()) for rank in (0, 1)]
    for rank, probe in enumerate(probes):
        assert probe["rank"] == rank and probe["world"] == 2
        assert probe["sharded"] == probe["params"] > 0  # every parameter is sharded
        assert probe["shards"]  # and each rank holds half of each first-layer tensor
        assert all(local == math.ceil(full / 2) for local, full in probe["shards"].values()), probe["shards"]
    return probes, _summaries(proc.stdout)


def _check_run(summaries: list[dict], out: Path, ddp_run, model_dir: Path, tolerance: float) -> None:
    """One report, a finite loss, and an adapter that is whole, trained, DDP's, and loadable.

    ``tolerance`` is relative to each tensor's largest DDP value.
    """
    from peft import PeftModel

    from mediscope.train.config import ModelSettings
    from mediscope.train.modeling import load_model

    assert len(summaries) == 1  # only rank 0 reports
    metrics = summaries[0]["metrics"]
    assert summaries[0]["global_step"] == 2 and metrics["epoch"] == pytest.approx(1.0)
    assert math.isfinite(metrics["train_loss"]) and metrics["train_loss"] > 0

    ddp_proc, ddp_out = ddp_run
    assert ddp_proc.returncode == 0, ddp_proc.stderr[-3000:]
    base = load_model(ModelSettings(path=str(model_dir), dtype="float32", attn_implementation=None))
    weights, ddp_weights = _adapter(out), _adapter(ddp_out)
    assert set(weights) == set(ddp_weights)
    assert (
        len(weights) == 2 * 7 * base.config.text_config.num_hidden_layers
    )  # (A, B) x 7 projections x layers
    for name, w in weights.items():
        assert w.shape == ddp_weights[name].shape and bool(w.isfinite().all())  # gathered, not a shard
        assert (w - ddp_weights[name]).abs().max().item() <= tolerance * ddp_weights[
            name
        ].abs().max().item(), name
        if "lora_B" in name:  # PEFT starts B at zero: non-zero means training moved it
            assert w.abs().max().item() > 0, name

    loaded = {
        k: v
        for k, v in PeftModel.from_pretrained(base, str(out / "adapter")).state_dict().items()
        if "lora_" in k
    }
    assert len(loaded) == len(weights)
    for name, w in weights.items():
        assert bool((loaded[name.replace(".weight", ".default.weight")] == w).all()), name


@pytest.mark.slow
def test_fsdp_config_trains_on_cpu(repo_root: Path, tiny_model_dir, text_dataset, ddp_run, tmp_path: Path):
    """train/accelerate/fsdp.yaml (FSDP2, per-layer wrapping, sharded state dict) on 2 CPU ranks."""
    out = tmp_path / "fsdp"
    args = _sft_args(repo_root, tiny_model_dir, text_dataset, out, "trainer.use_cpu=true")
    probes, summaries = _launch(repo_root, "fsdp", tmp_path, args)
    for probe in probes:
        assert probe["type"] == "DistributedType.FSDP" and probe["fsdp_version"] == 2
        assert {"FSDPQwen2_5_VLDecoderLayer", "FSDPQwen2_5_VLVisionBlock"} <= set(probe["wrapped"])
    _check_run(summaries, out, ddp_run, tiny_model_dir, tolerance=1e-4)  # seen: <= 8e-6


@pytest.mark.slow
def test_deepspeed_zero3_config_trains_on_cpu(
    repo_root: Path, tiny_model_dir, text_dataset, ddp_run, tmp_path: Path
):
    """train/accelerate/deepspeed_zero3.yaml on 2 CPU ranks (DeepSpeed's CPU accelerator over gloo).

    Not `use_cpu` here: accelerate enables DeepSpeed only when the CPU flag is off, and
    DeepSpeed then picks its CPU accelerator itself; gloo must be named as the backend, or
    accelerate sees no backend and gives each rank a world of one.
    """
    pytest.importorskip("deepspeed")
    out = tmp_path / "zero3"
    args = _sft_args(repo_root, tiny_model_dir, text_dataset, out, "trainer.ddp_backend=gloo")
    probes, summaries = _launch(repo_root, "deepspeed_zero3", tmp_path, args)
    for probe in probes:
        assert probe["type"] == "DistributedType.DEEPSPEED" and probe["zero_stage"] == 3
    # ZeRO-3 reduces gradients in another order than DDP's all-reduce; Adam's first steps divide
    # by the gradients' own size, which turns that rounding into up to ~0.3% of LoRA B (seen)
    _check_run(summaries, out, ddp_run, tiny_model_dir, tolerance=2e-2)
