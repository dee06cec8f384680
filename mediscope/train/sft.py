"""Supervised fine-tuning with TRL's SFTTrainer and a rank-64 LoRA on the language model.

Two stages share this runner: the text stage (Huatuo26M-style QA, ``data.text_only: true``)
and the multimodal stage, which resumes the text stage's adapter (``adapter:``) so the second
stage continues the same LoRA rather than stacking a new one. Loss is on assistant tokens only
(``assistant_only_loss``: TRL swaps in its training variant of the Qwen2.5-VL template, whose
``{% generation %}`` markers give the assistant mask), and images sit on the turns that showed
them because the published placeholders already do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediscope.train.config import SFTRecipe

log = logging.getLogger(__name__)


@dataclass
class TrainOutcome:
    """What a run leaves behind: where the adapter is and the trainer's last metrics."""

    output_dir: Path
    adapter_dir: Path
    metrics: dict[str, Any]
    global_step: int
    is_main_process: bool = True


def build_sft_trainer(recipe: SFTRecipe, *, model=None, processor=None):
    """The configured ``SFTTrainer`` (exposed so tests and the benchmark can inspect it)."""
    from transformers import set_seed
    from trl import SFTConfig, SFTTrainer

    from mediscope.train.data import sft_dataset
    from mediscope.train.modeling import attach_adapter, load_model, load_processor

    processor = processor or load_processor(
        recipe.model.path, min_pixels=recipe.model.min_pixels, max_pixels=recipe.model.max_pixels
    )
    train = sft_dataset(recipe.data)
    evaluation = sft_dataset(recipe.data, split=recipe.data.eval_split) if recipe.data.eval_split else None
    kwargs = recipe.sft_kwargs()
    if evaluation is None:
        kwargs.setdefault("eval_strategy", "no")
    args = SFTConfig(**kwargs)
    # The trainer seeds only in its own __init__, after the LoRA exists: seed first, so the
    # LoRA's random init is the same on every rank and in every run with the same seed.
    set_seed(args.seed)
    model = model or load_model(recipe.model)
    model = attach_adapter(model, recipe.lora, recipe.adapter)
    log.info("SFT %s: %d rows, LoRA r=%d, output %s", recipe.name, len(train), recipe.lora.r, recipe.output_dir)
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=train,
        eval_dataset=evaluation,
        processing_class=processor,
    )
    if getattr(trainer, "padding_free", False):
        _make_packing_safe(trainer)
    return trainer


def _packed_positions_hook(module, args, kwargs):
    """Give packed rows the 4-row position ids Qwen2.5-VL needs to keep sequences apart.

    TRL's padding-free collator concatenates sequences into one row and restarts a 2-D
    ``position_ids`` at each boundary. Qwen2.5-VL reads a 2-D ``position_ids`` as plain M-RoPE
    positions and attends across the boundaries (seen: a packed sequence's logits differed by
    0.75 from the same sequence alone). Passed as ``[text; temporal; height; width]`` (4 rows,
    identical for text), the model builds the block-diagonal packed mask from the text row, and
    packed logits match unpacked ones to 1e-7. Packing is text-only (TRL refuses it for image
    datasets), so the three M-RoPE rows equal the text positions. Done as a forward pre-hook
    rather than in the collator, because TRL's token accounting reads the 2-D shape.
    """
    pos = kwargs.get("position_ids")
    if pos is not None and pos.ndim == 2 and kwargs.get("attention_mask") is None:
        kwargs["position_ids"] = pos.unsqueeze(0).expand(4, *pos.shape)
        kwargs["use_cache"] = False  # a KV cache disables the packed-sequence mask
    return args, kwargs


def _make_packing_safe(trainer) -> None:
    model = trainer.model.get_base_model() if hasattr(trainer.model, "get_base_model") else trainer.model
    model.register_forward_pre_hook(_packed_positions_hook, with_kwargs=True)
    for cfg in (model.config, getattr(model.config, "text_config", None)):
        if cfg is not None:
            cfg.use_cache = False


def run_sft(recipe: SFTRecipe) -> TrainOutcome:
    """Train, then save the adapter and processor under ``<output_dir>/adapter``."""
    from mediscope.train.modeling import save_adapter

    trainer = build_sft_trainer(recipe)
    result = trainer.train(resume_from_checkpoint=_last_checkpoint(recipe.output_dir))
    adapter_dir = save_adapter(trainer, Path(recipe.output_dir) / "adapter")  # every rank; rank 0 writes
    metrics = dict(result.metrics)
    trainer.save_metrics("train", metrics)
    log.info("SFT %s done: %d steps, adapter at %s", recipe.name, result.global_step, adapter_dir)
    return TrainOutcome(
        Path(recipe.output_dir), adapter_dir, metrics, result.global_step, trainer.is_world_process_zero()
    )


def _last_checkpoint(output_dir: str) -> str | None:
    """Resume an interrupted run from its newest ``checkpoint-*`` (None on a fresh run)."""
    from transformers.trainer_utils import get_last_checkpoint

    p = Path(output_dir)
    return get_last_checkpoint(str(p)) if p.is_dir() else None
