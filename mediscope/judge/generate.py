"""Produce a model's responses to benchmark items: an OpenAI-compatible endpoint or a local HF model.

Endpoint generation goes through `LLMClient`, so it is rate-limited, retried and cached (a
killed evaluation resumes for free). Local generation loads the checkpoint with transformers
(imported lazily: the curation install does not need torch) and decodes greedily, one item at a
time, so results do not depend on batch padding.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mediscope.judge.benchmarks import BenchmarkItem
from mediscope.llm.client import LLMClient, LLMError

log = logging.getLogger(__name__)


async def generate_with_client(
    client: LLMClient,
    items: Sequence[BenchmarkItem],
    *,
    system: str | None = None,
    temperature: float = 0.0,
    max_tokens: int | None = 1024,
    send_images: bool = True,
    on_done: Callable[[], None] | None = None,
) -> list[str | None]:
    """One response per item (None where the endpoint failed after retries; logged)."""
    import asyncio

    async def one(item: BenchmarkItem) -> str | None:
        try:
            result = await client.complete(
                item.api_messages(send_images=send_images, system=system),
                temperature=temperature,
                max_tokens=max_tokens,
            )
            return result.content.strip()
        except LLMError as exc:
            log.warning("no response for %s: %s", item.id, exc)
            return None
        finally:
            if on_done:
                on_done()

    return list(await asyncio.gather(*(one(i) for i in items)))


def _load_local(
    model_path: str | Path, device: str | None, adapter: str | Path | None = None
) -> tuple[Any, Any, bool]:
    """(model, processor-or-tokenizer, is_multimodal).

    `adapter` is a LoRA directory written by `mediscope train` (PEFT format); it is merged into
    the base weights so generation runs at the base model's speed.
    """
    import torch  # noqa: F401 - fail early with a clear error when torch is missing
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForImageTextToText, AutoTokenizer

    cfg = AutoConfig.from_pretrained(model_path)
    multimodal = hasattr(cfg, "vision_config")
    if multimodal:
        try:
            from mediscope.train.modeling import load_processor  # handles Qwen2.5-VL without torchvision
        except ImportError:  # the train extra is optional
            from transformers import AutoProcessor

            processor = AutoProcessor.from_pretrained(model_path)
        else:
            processor = load_processor(model_path)
        model = AutoModelForImageTextToText.from_pretrained(model_path)
    else:
        processor = AutoTokenizer.from_pretrained(model_path)
        model = AutoModelForCausalLM.from_pretrained(model_path)
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    if device:
        model = model.to(device)
    model.eval()
    return model, processor, multimodal


def _hf_messages(
    item: BenchmarkItem, system: str | None, multimodal: bool
) -> tuple[list[dict[str, Any]], list[Any]]:
    from io import BytesIO

    from PIL import Image as PILImage

    messages: list[dict[str, Any]] = []
    images: list[Any] = []
    if system:
        messages.append(
            {"role": "system", "content": [{"type": "text", "text": system}] if multimodal else system}
        )
    for m, t in zip(item.api_messages(send_images=False), item.turns, strict=True):
        if not multimodal:
            messages.append(m)
            continue
        parts: list[dict[str, Any]] = []
        for image_id in t.images:
            data, _ = item.image_bytes(image_id)
            images.append(PILImage.open(BytesIO(data)).convert("RGB"))
            parts.append({"type": "image"})
        parts.append({"type": "text", "text": t.text})
        messages.append({"role": m["role"], "content": parts})
    return messages, images


def generate_with_hf(
    model_path: str | Path,
    items: Sequence[BenchmarkItem],
    *,
    system: str | None = None,
    max_new_tokens: int = 512,
    device: str | None = None,
    send_images: bool = True,
    on_done: Callable[[], None] | None = None,
    skip_special_tokens: bool = True,
    adapter: str | Path | None = None,
) -> list[str]:
    """Greedy responses from a local checkpoint (causal LM or image-text-to-text model),
    optionally with a trained LoRA adapter merged in."""
    import torch

    model, proc, multimodal = _load_local(model_path, device, adapter)
    multimodal = multimodal and send_images
    tokenizer = getattr(proc, "tokenizer", proc)
    out: list[str] = []
    for item in items:
        messages, images = _hf_messages(item, system, multimodal)
        prompt = proc.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        if multimodal:
            inputs = proc(text=[prompt], images=images or None, return_tensors="pt")
        else:
            inputs = tokenizer([prompt], return_tensors="pt", add_special_tokens=False)
        inputs = inputs.to(model.device)
        with torch.inference_mode():
            generated = model.generate(
                **inputs, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id
            )
        new = generated[0, inputs["input_ids"].shape[1] :]
        out.append(tokenizer.decode(new, skip_special_tokens=skip_special_tokens).strip())
        if on_done:
            on_done()
    return out
