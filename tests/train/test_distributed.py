"""Multi-process training on CPU over gloo: DDP, and FSDP2 through ``train/accelerate/fsdp.yaml``.

Both runs train the same tiny Qwen2.5-VL with the same seed on the same rows, so the FSDP
adapter must equal the DDP one: sharding changes where the weights live, not what is learned.
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


def _sft_args(repo_root: Path, model: Path, data: Path, out: Path) -> list[str]:
    """`train sft` on the text recipe, cut to 2 steps of 2 rows per rank, no eval, no checkpoints."""
    args = ["-q", "train", "sft", "--recipe", str(repo_root / "train" / "sft_text.yaml")]
    for item in (
        f"model.path={model}",
        "model.dtype=float32",
        "model.attn_implementation=null",
        f"data.path={data}",
        f"output_dir={out}",
        "trainer.max_steps=2",
        "trainer.use_cpu=true",
        "trainer.bf16=false",
        "trainer.gradient_checkpointing=false",
        "trainer.eval_strategy=no",
        "trainer.save_strategy=no",
        "trainer.per_device_train_batch_size=2",
        "trainer.gradient_accumulation_steps=1",
        "trainer.packing=false",
        "trainer.warmup_steps=0",  # both steps move the weights
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
    ]
    cmd += ["-m", "mediscope.cli", *_sft_args(repo_root, tiny_model_dir, text_dataset, out)]
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


# accelerate 1.15 turns the config's FSDP on only for accelerator device types: with
# `--cpu` its launcher starts one plain process, and with `use_cpu` in the trainer each rank
# becomes MULTI_CPU (gloo) and silently trains as DDP. torch's FSDP2 itself runs on CPU over
# gloo, so this launcher flips that one switch the way AcceleratorState does on GPUs, then runs
# the real CLI. It also writes, per rank, what was sharded, for the test to check.
_FSDP_ON_CPU = textwrap.dedent(
    """
    import json, os, sys

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

    def _train_and_probe(self, *args, **kwargs):
        result = _train(self, *args, **kwargs)
        from torch.distributed.fsdp import FSDPModule
        from torch.distributed.tensor import DTensor

        model = self.model_wrapped
        params = dict(model.named_parameters())
        probe = {
            "rank": self.accelerator.process_index,
            "world": self.accelerator.num_processes,
            "distributed_type": str(self.accelerator.distributed_type),
            "fsdp_version": self.accelerator.state.fsdp_plugin.fsdp_version,
            "wrapped": sorted({type(m).__name__ for m in model.modules() if isinstance(m, FSDPModule)}),
            "dtensor_params": sum(isinstance(p, DTensor) for p in params.values()),
            "params": len(params),
            "shards": {
                name: [list(p.to_local().shape), list(p.shape)]
                for name, p in params.items()
                if "layers.0." in name and "language_model" in name and isinstance(p, DTensor)
            },
        }
        with open(os.environ["FSDP_PROBE"] + f".{probe['rank']}.json", "w") as fh:
            json.dump(probe, fh)
        return result

    Trainer.train = _train_and_probe

    from mediscope.cli import main

    sys.argv = ["mediscope", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.slow
def test_fsdp_config_trains_on_cpu(repo_root: Path, tiny_model_dir, text_dataset, ddp_run, tmp_path: Path):
    """`accelerate launch --config_file train/accelerate/fsdp.yaml` on 2 CPU ranks, 2 steps."""
    from peft import PeftModel

    from mediscope.train.config import ModelSettings
    from mediscope.train.modeling import load_model

    launcher = tmp_path / "fsdp_on_cpu.py"
    launcher.write_text(_FSDP_ON_CPU, encoding="utf-8")
    out = tmp_path / "fsdp"
    cmd = [
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--config_file",
        str(repo_root / "train" / "accelerate" / "fsdp.yaml"),
        "--num_processes",
        "2",
        "--mixed_precision",
        "no",
        "--main_process_port",
        str(_free_port()),
        str(launcher),
        *_sft_args(repo_root, tiny_model_dir, text_dataset, out),
    ]
    env = {**os.environ, "FSDP_PROBE": str(tmp_path / "probe")}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=repo_root, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]

    # FSDP2 really sharded the model, with the config's wrap classes, on both ranks
    probes = [json.loads((tmp_path / f"probe.{r}.json").read_text()) for r in (0, 1)]
    for probe in probes:
        assert probe["world"] == 2 and probe["distributed_type"] == "DistributedType.FSDP"
        assert probe["fsdp_version"] == 2
        assert {"FSDPQwen2_5_VLDecoderLayer", "FSDPQwen2_5_VLVisionBlock"} <= set(probe["wrapped"])
        assert probe["dtensor_params"] == probe["params"] > 0
        assert probe["shards"]  # each rank holds half of each decoder-layer tensor (dim 0 split)
        for local, full in probe["shards"].values():
            assert local[0] == math.ceil(full[0] / 2) and local[1:] == full[1:]

    summaries = _summaries(proc.stdout)
    assert len(summaries) == 1  # only rank 0 reports
    metrics = summaries[0]["metrics"]
    assert summaries[0]["global_step"] == 2 and metrics["epoch"] == pytest.approx(1.0)
    assert math.isfinite(metrics["train_loss"]) and metrics["train_loss"] > 0

    # the adapter is whole (gathered from the shards), trained, and the same as DDP's
    ddp_proc, ddp_out = ddp_run
    assert ddp_proc.returncode == 0, ddp_proc.stderr[-3000:]
    base = load_model(ModelSettings(path=str(tiny_model_dir), dtype="float32", attn_implementation=None))
    fsdp_w, ddp_w = _adapter(out), _adapter(ddp_out)
    assert set(fsdp_w) == set(ddp_w)
    assert len(fsdp_w) == 2 * 7 * base.config.text_config.num_hidden_layers  # (A, B) x 7 projections x layers
    for name, w in fsdp_w.items():
        assert w.shape == ddp_w[name].shape and bool(w.isfinite().all())
        assert (w - ddp_w[name]).abs().max().item() < 1e-6, name
        if "lora_B" in name:  # PEFT starts B at zero: non-zero means training moved it
            assert w.abs().max().item() > 0, name

    # and it loads onto the base model
    peft_model = PeftModel.from_pretrained(base, str(out / "adapter"))
    loaded = {k: v for k, v in peft_model.state_dict().items() if "lora_" in k}
    assert len(loaded) == len(fsdp_w)
    for name, w in fsdp_w.items():
        key = name.replace(".weight", ".default.weight")
        assert bool((loaded[key] == w).all()), name
