"""Real LoRA SFT steps on a tiny Qwen2.5-VL on CPU: mask, adapter updates, stage resume."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TRAINER = {
    "max_steps": 2,
    "per_device_train_batch_size": 2,
    "gradient_accumulation_steps": 1,
    "learning_rate": 1e-3,
    "warmup_steps": 0,
    "logging_steps": 1,
    "save_strategy": "no",
    "gradient_checkpointing": False,
    "use_cpu": True,
    "report_to": "none",
    "dataloader_num_workers": 0,
}


def recipe(model_dir: Path, data_dir: Path, out: Path, data: dict | None = None, **extra):
    from mediscope.train.config import SFTRecipe

    return SFTRecipe(
        name="test",
        model={"path": str(model_dir), "dtype": "float32"},
        data={"path": str(data_dir), **(data or {})},
        output_dir=str(out),
        trainer=dict(TRAINER),
        **extra,
    )


def expected_assistant_positions(ids: list[int], tokenizer) -> set[int]:
    """Positions of assistant content, computed from the token ids alone.

    A turn is `<|im_start|>ROLE\\n ... <|im_end|>\\n`; for assistant turns the loss should cover
    everything after the header through `<|im_end|>` and its newline, and nothing else.
    """
    start = tokenizer.convert_tokens_to_ids("<|im_start|>")
    end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    positions: set[int] = set()
    i = 0
    while i < len(ids):
        if ids[i] != start:
            i += 1
            continue
        j = i + 1
        while not tokenizer.decode(ids[i + 1 : j + 1]).endswith("\n"):
            j += 1
        role = tokenizer.decode(ids[i + 1 : j + 1]).strip()
        e = ids.index(end, j + 1)
        if role == "assistant":
            positions.update(range(j + 1, e + 1))
            if e + 1 < len(ids) and tokenizer.decode([ids[e + 1]]) == "\n":
                positions.add(e + 1)
        i = e + 1
    return positions


@pytest.mark.parametrize("multimodal", [False, True])
def test_loss_mask_covers_exactly_assistant_tokens(tiny_model_dir, text_dataset, mm_dataset, tmp_path, multimodal):
    from mediscope.train.sft import build_sft_trainer

    data = mm_dataset if multimodal else text_dataset
    trainer = build_sft_trainer(recipe(tiny_model_dir, data, tmp_path / "out"))
    tok = trainer.processing_class.tokenizer
    rows = [trainer.train_dataset[i] for i in range(4)]
    batch = trainer.data_collator(rows)
    if multimodal:
        assert "pixel_values" in batch and batch["image_grid_thw"].shape[0] == 4
    image_pad = tok.convert_tokens_to_ids("<|image_pad|>")
    n_assistant_turns = 0
    for b in range(len(rows)):
        ids = batch["input_ids"][b][batch["attention_mask"][b].bool()].tolist()
        labels = batch["labels"][b][: len(ids)].tolist()
        got = {p for p, lab in enumerate(labels) if lab != -100}
        want = expected_assistant_positions(ids, tok)
        assert got == want
        assert all(labels[p] == ids[p] for p in got)
        assert image_pad not in {ids[p] for p in got}
        assert (batch["labels"][b][len(ids):] == -100).all()  # padding never scored
        n_assistant_turns += tok.decode(ids).count("<|im_start|>assistant")
    assert n_assistant_turns == (8 if multimodal else 4)  # multi-turn rows score both doctor turns


def test_lora_only_on_language_model_and_adapter_changes(tiny_model_dir, mm_dataset, tmp_path):
    from mediscope.train.modeling import adapter_state
    from mediscope.train.sft import build_sft_trainer

    trainer = build_sft_trainer(recipe(tiny_model_dir, mm_dataset, tmp_path / "out"))
    trainable = [n for n, p in trainer.model.named_parameters() if p.requires_grad]
    assert trainable and all("lora_" in n and "language_model" in n for n in trainable)
    assert not any("visual" in n for n in trainable)
    assert trainer.model.peft_config["default"].r == 64
    before = adapter_state(trainer.model)
    trainer.train()
    after = adapter_state(trainer.model)
    changed = [k for k in before if not (before[k] == after[k]).all()]
    assert any("lora_B" in k for k in changed)
    assert trainer.state.log_history[0]["loss"] > 0


def test_text_then_multimodal_resumes_adapter(tiny_model_dir, text_dataset, mm_dataset, tmp_path):
    from safetensors.torch import load_file

    from mediscope.train.modeling import adapter_state
    from mediscope.train.sft import build_sft_trainer, run_sft

    text = run_sft(recipe(tiny_model_dir, text_dataset, tmp_path / "text", data={"text_only": True}))
    assert text.global_step == 2
    saved = load_file(str(text.adapter_dir / "adapter_model.safetensors"))
    assert saved and any(v.abs().sum() > 0 for k, v in saved.items() if "lora_B" in k)

    trainer = build_sft_trainer(recipe(tiny_model_dir, mm_dataset, tmp_path / "mm", adapter=str(text.adapter_dir)))
    start = {k.replace(".default", ""): v for k, v in adapter_state(trainer.model).items()}
    assert set(start) == set(saved)
    for k, v in saved.items():
        assert (start[k] == v).all(), k  # the second stage starts exactly where the first ended
    assert all(p.requires_grad for n, p in trainer.model.named_parameters() if "lora_" in n)
    trainer.train()
    end = {k.replace(".default", ""): v for k, v in adapter_state(trainer.model).items()}
    assert any(not (end[k] == saved[k]).all() for k in saved)


def test_packed_rows_do_not_attend_across_sequences(tiny_model_dir, text_dataset, tmp_path):
    """With packing, each packed sequence's logits equal those of the sequence run alone."""
    import torch

    from mediscope.train.sft import build_sft_trainer

    trainer_kwargs = {"packing": True, "packing_strategy": "bfd", "max_length": 512}
    r = recipe(tiny_model_dir, text_dataset, tmp_path / "out", data={"text_only": True})
    r.trainer.update(trainer_kwargs)
    trainer = build_sft_trainer(r)
    rows = [trainer.train_dataset[i] for i in range(2)]
    batch = trainer.data_collator(rows)
    pos = batch["position_ids"]
    assert "attention_mask" not in batch and pos.shape[0] == 1
    starts = (pos[0] == 0).nonzero().flatten().tolist()
    assert len(starts) >= 2  # at least two sequences share the row
    model = trainer.model.eval()
    with torch.no_grad():
        packed = model(input_ids=batch["input_ids"], position_ids=pos).logits[0]
        bounds = starts + [pos.shape[-1]]
        for s, e in zip(bounds, bounds[1:], strict=False):
            alone = model(input_ids=batch["input_ids"][:, s:e]).logits[0]
            assert torch.allclose(packed[s:e], alone, atol=1e-5), (s, e)
    trainer.train()  # and the packed batches train, with real tokens counted
    assert trainer.state.global_step == 2
    assert trainer.state.log_history[-2]["num_tokens"] > 2 * 40
