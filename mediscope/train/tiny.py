"""Build a tiny, randomly initialised Qwen2.5-VL checkpoint offline.

Tests and CPU smoke runs need the *real* Qwen2.5-VL code paths (processor, chat template, vision
tower, M-RoPE) without downloading 15 GB of weights. We train a byte-level BPE tokenizer on the
spot with Qwen's special tokens, wrap it in ``Qwen2TokenizerFast``, pair it with a
``Qwen2VLImageProcessor`` capped at 112x112 pixels and TRL's shipped ``qwen2_5_vl`` chat
template, and instantiate a ``Qwen2_5_VLConfig`` with hidden size 64, 2 layers and a depth-2
vision tower (~0.2 M parameters). Every tensor shape differs from the 7B model, every code path
is the same.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

# Qwen2.5's special tokens, in Qwen's order, so ids line up with the real vocabulary's layout.
SPECIAL_TOKENS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|object_ref_start|>",
    "<|object_ref_end|>",
    "<|box_start|>",
    "<|box_end|>",
    "<|quad_start|>",
    "<|quad_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|vision_pad|>",
    "<|image_pad|>",
    "<|video_pad|>",
]

# A small bilingual clinical corpus so merges cover the kind of text the tests feed.
_CORPUS = [
    "患者：医生您好，我最近总是头痛，晚上睡不好。",
    "医生：您好，头痛持续多久了？有没有发热、恶心或者视物模糊？",
    "患者：大概两周了，没有发热，偶尔恶心。",
    "医生：建议您先测量血压，必要时做头颅CT检查。请问您平时有高血压病史吗？",
    "患者：我咳嗽三天了，有黄痰，体温38度。",
    "医生：可能是急性支气管炎，建议查血常规和胸片，多喝水，注意休息。",
    "这张胸部X光片显示右下肺有片状阴影，考虑肺炎。",
    "Patient: I have had chest pain for two days, worse when I breathe in.",
    "Doctor: Do you have a fever or a cough? Have you travelled recently?",
    "Doctor: The CT scan shows a small nodule in the left lung; we should follow up in three months.",
    "Patient: What does this rash on my arm mean? It itches at night.",
    "Doctor: It looks like contact dermatitis. Avoid the irritant and use a mild steroid cream.",
    "You are a helpful assistant. You are a careful, proactive clinician.",
    "0123456789 mg ml kg mmHg ℃ %",
]


def chat_template() -> str:
    """TRL's shipped Qwen2.5-VL chat template (the one real checkpoints carry)."""
    return resources.files("trl").joinpath("chat_templates/qwen2_5_vl.jinja").read_text(encoding="utf-8")


def build_tokenizer(vocab_size: int = 512):
    """Train a byte-level BPE on the bilingual corpus and wrap it as Qwen2's tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import Qwen2TokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(_CORPUS * 4, trainer=trainer)
    fast = Qwen2TokenizerFast(
        tokenizer_object=tok,
        unk_token=None,
        bos_token=None,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=SPECIAL_TOKENS[1:],
    )
    fast.chat_template = chat_template()
    fast.model_max_length = 4096
    return fast


def build_processor(tokenizer=None):
    """A Qwen2.5-VL processor with small images (56x56 to 112x112 pixels -> 4 to 16 patches)."""
    from transformers import Qwen2VLImageProcessor

    from mediscope.train.modeling import image_only_processor

    tokenizer = tokenizer or build_tokenizer()
    image_processor = Qwen2VLImageProcessor(min_pixels=56 * 56, max_pixels=112 * 112)
    # Image-only on purpose: the stock processor's video half needs torchvision, and
    # `load_processor` rebuilds the stock processor from these files where torchvision exists.
    return image_only_processor(image_processor, tokenizer, chat_template())


def tiny_config(
    tokenizer,
    hidden: int = 64,
    layers: int = 2,
    vision_depth: int = 2,
    text_overrides: dict | None = None,
    vision_overrides: dict | None = None,
):
    """A Qwen2_5_VLConfig with every dimension shrunk; M-RoPE sections sum to head_dim / 2.

    ``text_overrides`` / ``vision_overrides`` replace entries before the config is built (the
    benchmark uses them for the 7B shape; derived fields such as ``layer_types`` follow).
    """
    from transformers import Qwen2_5_VLConfig

    heads = 4
    head_dim = hidden // heads
    half = head_dim // 2
    mrope = [half - 2 * (half // 3), half // 3, half // 3]
    ids = {t: tokenizer.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS}
    text = {
        "vocab_size": len(tokenizer),
        "hidden_size": hidden,
        "intermediate_size": hidden * 2,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "num_key_value_heads": 2,
        "max_position_embeddings": 4096,
        "max_window_layers": layers,
        "rope_parameters": {"rope_type": "default", "rope_theta": 1e6, "mrope_section": mrope},
        "bos_token_id": ids["<|endoftext|>"],
        "eos_token_id": ids["<|im_end|>"],
        "pad_token_id": ids["<|endoftext|>"],
        "tie_word_embeddings": True,
    }
    vision = {
        "depth": vision_depth,
        "hidden_size": 32,
        "intermediate_size": 64,
        "num_heads": 2,
        "out_hidden_size": hidden,
        "patch_size": 14,
        "spatial_merge_size": 2,
        "temporal_patch_size": 2,
        "window_size": 112,
        "fullatt_block_indexes": [vision_depth - 1],
    }
    text.update(text_overrides or {})
    vision.update(vision_overrides or {})
    return Qwen2_5_VLConfig(
        text_config=text,
        vision_config=vision,
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
        tie_word_embeddings=text["tie_word_embeddings"],
    )


def build_tiny_model(output_dir: str | Path, seed: int = 0, hidden: int = 64, layers: int = 2) -> Path:
    """Write a tiny Qwen2.5-VL checkpoint (model + processor) to ``output_dir`` and return it."""
    import torch
    from transformers import Qwen2_5_VLForConditionalGeneration

    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    processor = build_processor()
    cfg = tiny_config(processor.tokenizer, hidden=hidden, layers=layers)
    model = Qwen2_5_VLForConditionalGeneration(cfg)
    model.generation_config.pad_token_id = cfg.text_config.pad_token_id
    model.generation_config.eos_token_id = cfg.text_config.eos_token_id
    model.save_pretrained(out)
    processor.save_pretrained(out)
    _declare_stock_processor(out)
    n = sum(p.numel() for p in model.parameters())
    log.info("tiny Qwen2.5-VL (%d params) written to %s", n, out)
    return out


def _declare_stock_processor(folder: Path) -> None:
    """Name the stock processor class in the saved config, so a machine with torchvision loads
    the real ``Qwen2_5_VLProcessor`` (and ``load_processor`` falls back to image-only elsewhere)."""
    import json

    cfg_path = folder / "processor_config.json"
    if cfg_path.is_file():
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg["processor_class"] = "Qwen2_5_VLProcessor"
        cfg_path.write_text(json.dumps(cfg, indent=2), encoding="utf-8")
