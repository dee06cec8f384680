"""Load a Qwen2.5-VL checkpoint, its processor, and wrap it in the LoRA the recipes use.

Why an image-only processor: transformers' ``Qwen2_5_VLProcessor`` insists on a video
processor, and video processors need torchvision. On a CPU machine torchvision either is not
installed or does not import beside the CPU torch build. A medical dialogue corpus has images,
never videos, so when the stock processor cannot be built we fall back to the same class minus
its video slot: identical tokenisation, identical image features, identical chat template.
With torchvision present (every CUDA install) ``AutoProcessor`` is used unchanged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mediscope.train.config import LANGUAGE_MODEL_TARGETS as _TARGETS
from mediscope.train.config import LoraSettings, ModelSettings

log = logging.getLogger(__name__)

# LoRA only on the language model's projections: the vision tower has q/k/v/*_proj modules too,
# and the paper trains the LLM only.
LANGUAGE_MODEL_TARGETS = _TARGETS


def _image_only_processor_class():
    from transformers import Qwen2_5_VLProcessor
    from transformers.processing_utils import ProcessorMixin

    class ImageOnlyQwen2_5_VLProcessor(Qwen2_5_VLProcessor):
        """``Qwen2_5_VLProcessor`` without a video processor (no torchvision needed)."""

        def __init__(self, image_processor=None, tokenizer=None, chat_template=None, **kwargs):
            self.image_token = getattr(tokenizer, "image_token", None) or "<|image_pad|>"
            self.video_token = getattr(tokenizer, "video_token", None) or "<|video_pad|>"
            self.image_token_id = getattr(tokenizer, "image_token_id", None) or tokenizer.convert_tokens_to_ids(
                self.image_token
            )
            self.video_token_id = getattr(tokenizer, "video_token_id", None) or tokenizer.convert_tokens_to_ids(
                self.video_token
            )
            ProcessorMixin.__init__(self, image_processor, tokenizer, chat_template=chat_template)

    return ImageOnlyQwen2_5_VLProcessor


def image_only_processor(image_processor, tokenizer, chat_template: str | None = None):
    """Build the image-only Qwen2.5-VL processor from its two parts."""
    cls = _image_only_processor_class()
    return cls(image_processor=image_processor, tokenizer=tokenizer, chat_template=chat_template or tokenizer.chat_template)


def load_processor(path: str | Path, min_pixels: int | None = None, max_pixels: int | None = None):
    """The checkpoint's processor; the image-only variant when the stock one cannot be built."""
    from transformers import AutoProcessor, AutoTokenizer, Qwen2VLImageProcessor

    from mediscope.train.compat import patch_torchvision

    pixel_kwargs = {k: v for k, v in {"min_pixels": min_pixels, "max_pixels": max_pixels}.items() if v}
    patch_torchvision()
    try:
        processor = AutoProcessor.from_pretrained(str(path), **pixel_kwargs)
        if getattr(processor, "image_processor", None) is not None:
            return processor
    except (ImportError, AttributeError, TypeError, ValueError, OSError) as exc:
        log.info("stock processor unavailable (%s); using the image-only Qwen2.5-VL processor", exc)
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    image_processor = Qwen2VLImageProcessor.from_pretrained(str(path), **pixel_kwargs)
    if tokenizer.chat_template is None:
        from mediscope.train.tiny import chat_template

        tokenizer.chat_template = chat_template()
    return image_only_processor(image_processor, tokenizer)


def torch_dtype(name: str):
    import torch

    if name == "auto":
        return torch.bfloat16 if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else torch.float32
    return {"bfloat16": torch.bfloat16, "float16": torch.float16, "float32": torch.float32}[name]


def load_model(settings: ModelSettings):
    """The Qwen2.5-VL model for conditional generation, in the recipe's dtype and attention."""
    from transformers import AutoModelForImageTextToText

    kwargs: dict[str, Any] = {"dtype": torch_dtype(settings.dtype)}
    if settings.attn_implementation:
        kwargs["attn_implementation"] = settings.attn_implementation
    model = AutoModelForImageTextToText.from_pretrained(settings.path, **kwargs)
    if settings.freeze_vision:
        for name, param in model.named_parameters():
            if "visual" in name:
                param.requires_grad_(False)
    return model


def lora_config(settings: LoraSettings):
    """The PEFT LoRA config: rank 64 on the language model's attention and MLP projections."""
    from peft import LoraConfig

    return LoraConfig(
        r=settings.r,
        lora_alpha=settings.alpha,
        lora_dropout=settings.dropout,
        target_modules=settings.target_modules,
        bias="none",
        task_type="CAUSAL_LM",
    )


def attach_adapter(model, lora: LoraSettings, adapter: str | Path | None = None):
    """Wrap ``model`` in a new LoRA, or resume a previous stage's adapter (trainable)."""
    from peft import PeftModel, get_peft_model

    if adapter:
        log.info("resuming LoRA adapter from %s", adapter)
        return PeftModel.from_pretrained(model, str(adapter), is_trainable=True)
    return get_peft_model(model, lora_config(lora))


def adapter_state(model) -> dict[str, Any]:
    """A detached copy of the LoRA weights (to check that training moved them)."""
    return {k: v.detach().clone() for k, v in model.state_dict().items() if "lora_" in k}


def save_adapter(trainer, adapter_dir: str | Path) -> Path:
    """Save the trained LoRA through ``trainer`` on every launch type (one GPU, DDP, FSDP, ZeRO-3).

    Every rank must call this: under FSDP and ZeRO-3 the weights are gathered collectively and
    written by rank 0. Why not ``trainer.save_model`` alone: under FSDP, transformers writes the
    final model only when the plugin's state-dict type is ``FULL_STATE_DICT``; with the
    ``SHARDED_STATE_DICT`` that ``train/accelerate/fsdp.yaml`` keeps for resumable checkpoints it
    writes nothing and raises nothing (seen with transformers 5.24 and FSDP2). So the final save
    switches to a full state dict; with FSDP2 it gathers the whole model to rank 0's CPU memory
    once (about 15 GB for a 7B model in bf16) and PEFT keeps only the LoRA tensors. A missing
    ``adapter_config.json`` on rank 0 afterwards is an error, not a silent success.
    """
    adapter_dir = Path(adapter_dir)
    if getattr(trainer, "is_fsdp_enabled", False):
        trainer.accelerator.state.fsdp_plugin.set_state_dict_type("FULL_STATE_DICT")
    trainer.save_model(str(adapter_dir))
    trainer.accelerator.wait_for_everyone()
    if trainer.is_world_process_zero() and not (adapter_dir / "adapter_config.json").is_file():
        raise RuntimeError(f"the trainer did not write an adapter to {adapter_dir}")
    return adapter_dir
