"""Training reads exactly what `mediscope.publish` writes (the schema contract, end to end)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from mediscope.record import Deid, DeidStatus, Image, ProvenanceEntry, Record, Source, Turn

DIALOGUE = [
    ("patient", "医生您好，我胸口疼了两天，这是我的胸片。"),
    ("doctor", "您好，疼痛是持续的还是阵发的？有没有发热？"),
    ("patient", "阵发的，没有发热。"),
    ("doctor", "胸片未见明显异常，建议做心电图排除心脏问题。"),
]


def _png(seed: int) -> Image:
    from PIL import Image as PILImage

    pil = PILImage.new("RGB", (70, 70), (seed * 40 % 256, 120, 200))
    buf = io.BytesIO()
    pil.save(buf, format="PNG")
    data = buf.getvalue()
    return Image(id=f"img{seed}", data=data, sha256=hashlib.sha256(data).hexdigest(), width=70, height=70, format="PNG")


def records(n: int = 12) -> list[Record]:
    out = []
    for i in range(n):
        turns = [Turn(role=r, text=f"{t} #{i}") for r, t in DIALOGUE]  # type: ignore[arg-type]
        imgs = [_png(i)] if i % 2 == 0 else []
        if imgs:
            turns[0].images = [imgs[0].id]
        out.append(
            Record(
                id=f"r{i}", source=Source(dataset="contract"), case_id=f"case{i}", lang="zh",
                turns=turns, images=imgs, deid=Deid(status=DeidStatus("passed"), engine="test"),
                # images are published only after the image de-identification stage ran
                provenance=[ProvenanceEntry(stage="image_deid", version="1", config_hash="test")],
            )
        )
    return out


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    from mediscope.publish import publish_dataset

    out = tmp_path_factory.mktemp("contract") / "ds"
    publish_dataset(records(), out, ratios={"train": 0.7, "validation": 0.15, "test": 0.15})
    return out


@pytest.mark.slow
def test_sft_collates_published_rows(published, tiny_model_dir, tmp_path):
    from mediscope.train.config import SFTRecipe
    from mediscope.train.sft import build_sft_trainer

    recipe = SFTRecipe(
        name="contract", model={"path": str(tiny_model_dir), "dtype": "float32"},
        data={"path": str(published), "shuffle_seed": None}, output_dir=str(tmp_path / "o"),
        trainer={"use_cpu": True, "max_steps": 1, "report_to": "none", "save_strategy": "no"},
    )
    trainer = build_sft_trainer(recipe)
    rows = [trainer.train_dataset[i] for i in range(len(trainer.train_dataset))]
    with_image = [r for r in rows if r["images"]]
    assert with_image and len(with_image) < len(rows)
    batch = trainer.data_collator(with_image[:2] + [r for r in rows if not r["images"]][:2])
    tok = trainer.processing_class.tokenizer
    assert (batch["labels"] != -100).any()
    n_pad = (batch["input_ids"] == tok.convert_tokens_to_ids("<|image_pad|>")).sum().item()
    merge = trainer.processing_class.image_processor.merge_size ** 2
    assert batch["image_grid_thw"].shape[0] == 2  # mixed batch: images only where rows have them
    assert n_pad == batch["image_grid_thw"].prod(-1).sum().item() // merge


def test_counterparts_then_crpo_rows_from_published(published, tmp_path):
    from mediscope.testing import ChatServer
    from mediscope.train.config import CounterpartsSettings, DataSettings
    from mediscope.train.counterparts import add_counterparts
    from mediscope.train.data import crpo_dataset

    cfg = CounterpartsSettings(
        models=[{"name": f"cp{j}", "model": f"m{j}", "base_url": "x"} for j in range(5)], cache_dir=str(tmp_path / "c")
    )
    with ChatServer(responder=lambda body: f"{body['model']} answer") as server:
        for m in cfg.models:
            m.base_url = server.base_url
        counts = add_counterparts(published, tmp_path / "cp", cfg, splits=("train", "validation"), show_progress=False)
    ds = crpo_dataset(DataSettings(path=str(tmp_path / "cp")), k=5)
    assert len(ds) == counts["train"] > 0
    row = ds[0]
    assert [c["response"] for c in row["counterparts"]] == [f"m{j} answer" for j in range(5)]
    assert row["prompt"][-1]["role"] == "user" and row["prompt"][-1]["content"][0]["text"].startswith("阵发的")
    import datasets

    assert set(datasets.load_dataset(str(tmp_path / "cp"))) == {"train", "validation"}


@pytest.mark.slow
def test_crpo_step_on_mixed_image_and_text_prompts(published, tiny_model_dir, tmp_path):
    """Published rows with and without images train together in one GRPO batch."""
    from mediscope.testing import ChatServer
    from mediscope.train.config import CounterpartsSettings, CRPORecipe
    from mediscope.train.counterparts import add_counterparts
    from mediscope.train.crpo import build_crpo_trainer

    with ChatServer(responder=lambda body: f"{body['model']} answer") as server:
        cfg = CounterpartsSettings(
            models=[{"name": f"cp{j}", "model": f"m{j}", "base_url": server.base_url} for j in range(2)],
            cache_dir=str(tmp_path / "c"),
        )
        add_counterparts(published, tmp_path / "cp", cfg, splits=("train",), show_progress=False)

    class Judge:
        async def compare_many(self, items):
            return [{d: ("win" if len(a) % 2 else "loss") for d in ("proactiveness", "accuracy", "usefulness", "language")}
                    for _, a, _ in items]

    recipe = CRPORecipe(
        name="mixed", model={"path": str(tiny_model_dir), "dtype": "float32"},
        data={"path": str(tmp_path / "cp"), "shuffle_seed": None}, output_dir=str(tmp_path / "o"),
        reward={"k": 2},
        trainer={"max_steps": 1, "per_device_train_batch_size": 8, "num_generations": 2, "max_completion_length": 6,
                 "use_cpu": True, "report_to": "none", "save_strategy": "no", "logging_steps": 1},
    )
    trainer, _ = build_crpo_trainer(recipe, judge=Judge())
    n_images = [len(x) for x in trainer.train_dataset["images"]]
    assert 0 in n_images and 1 in n_images, (n_images, trainer.train_dataset["id"])
    trainer.train()
    assert trainer.state.global_step == 1
