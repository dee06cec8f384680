"""Recipes validate, and published datasets load and shape correctly for each trainer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediscope.train.config import CRPORecipe, DataSettings, SFTRecipe, load_recipe, parse_overrides
from mediscope.train.data import (
    DatasetError,
    crpo_dataset,
    load_published,
    plain_context,
    sft_dataset,
    split_last_assistant,
    strip_images,
)


@pytest.mark.parametrize("name", ["sft_text.yaml", "sft_multimodal.yaml", "crpo.yaml"])
def test_shipped_recipes_validate(repo_root: Path, name: str):
    recipe = load_recipe(repo_root / "train" / name)
    assert recipe.lora.r == 64
    assert recipe.lora.target_modules == r".*language_model.*\.(q|k|v|o|gate|up|down)_proj"
    if isinstance(recipe, SFTRecipe):
        assert recipe.sft_kwargs()["assistant_only_loss"] is True
    else:
        assert recipe.reward.k == 5 and len(recipe.counterparts.models) == 5
        kw = recipe.grpo_kwargs()
        assert kw["per_device_train_batch_size"] % kw["num_generations"] == 0


def test_multimodal_recipe_resumes_text_adapter(repo_root: Path):
    text = load_recipe(repo_root / "train" / "sft_text.yaml")
    mm = load_recipe(repo_root / "train" / "sft_multimodal.yaml")
    assert mm.adapter == f"{text.output_dir}/adapter"
    assert text.data.text_only and not mm.data.text_only


def test_overrides_and_typos(tmp_path: Path, repo_root: Path):
    over = parse_overrides(["trainer.max_steps=3", "model.path=/m", "reward.mode=grpo-absolute"])
    r = load_recipe(repo_root / "train" / "crpo.yaml", over)
    assert r.trainer["max_steps"] == 3 and r.model.path == "/m" and r.reward.mode == "grpo-absolute"
    with pytest.raises(ValueError):
        parse_overrides(["trainer.max_steps"])
    bad = tmp_path / "bad.yaml"
    bad.write_text("stage: sft\nname: x\nmodel: {path: m, dtpye: bfloat16}\ndata: {path: d}\noutput_dir: o\n")
    with pytest.raises(ValueError, match="dtpye"):
        load_recipe(bad)
    bad.write_text("stage: dpo\nname: x\n")
    with pytest.raises(ValueError, match="unknown stage"):
        load_recipe(bad)
    with pytest.raises(FileNotFoundError):
        load_recipe(tmp_path / "missing.yaml")


def test_crpo_recipe_rejects_fewer_models_than_k():
    with pytest.raises(ValueError, match="k=5"):
        CRPORecipe(
            name="x", model={"path": "m"}, data={"path": "d"}, output_dir="o",
            counterparts={"models": [{"name": "a", "model": "a"}]},
        )
    with pytest.raises(ValueError):
        CRPORecipe(name="x", model={"path": "m"}, data={"path": "d"}, output_dir="o", reward={"dimensions": ["tone"]})


def test_load_published_and_errors(mm_dataset: Path, tmp_path: Path):
    ds = load_published(mm_dataset, "train")
    assert len(ds) == 8 and {"messages", "images", "case_id"} <= set(ds.column_names)
    assert ds[0]["images"][0].size == (84, 84)  # decoded PIL image
    assert len(load_published(mm_dataset, "validation")) == 2
    with pytest.raises(DatasetError):
        load_published(mm_dataset, "nope")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DatasetError, match="no Parquet"):
        load_published(empty)
    # a dataset missing the published columns
    from datasets import Dataset

    (tmp_path / "wrong" / "data").mkdir(parents=True)
    Dataset.from_list([{"text": "hi"}]).to_parquet(str(tmp_path / "wrong" / "data" / "train-0.parquet"))
    with pytest.raises(DatasetError, match="missing published columns"):
        load_published(tmp_path / "wrong")


def test_text_stage_drops_images_and_placeholders(mm_dataset: Path):
    ds = sft_dataset(DataSettings(path=str(mm_dataset), text_only=True))
    assert ds.column_names == ["messages"]
    for row in ds:
        assert all(c["type"] == "text" for m in row["messages"] for c in m["content"])
    mm = sft_dataset(DataSettings(path=str(mm_dataset)))
    assert set(mm.column_names) == {"messages", "images"}


def test_kind_filter_and_cap(text_dataset: Path):
    assert len(sft_dataset(DataSettings(path=str(text_dataset), max_samples=3))) == 3
    with pytest.raises(DatasetError, match="no rows"):
        sft_dataset(DataSettings(path=str(text_dataset), kinds=["dialogue"]))


def test_crpo_rows_prompt_ends_on_patient_turn(crpo_dataset_dir: Path, mm_dataset: Path):
    ds = crpo_dataset(DataSettings(path=str(crpo_dataset_dir)), k=5)
    row = ds[0]
    assert row["prompt"][-1]["role"] == "user"
    assert [m["role"] for m in row["prompt"]] == ["system", "user", "assistant", "user"]
    assert len(row["images"]) == 1 and len(row["counterparts"]) == 5
    ctx = json.loads(row["context"])
    assert ctx[1]["content"].startswith("[image]") and all(isinstance(m["content"], str) for m in ctx)
    short = crpo_dataset(DataSettings(path=str(crpo_dataset_dir)), k=5, max_prompt_turns=1)
    assert [m["role"] for m in short[0]["prompt"]] == ["system", "user"]
    with pytest.raises(DatasetError, match="counterparts"):
        crpo_dataset(DataSettings(path=str(mm_dataset)), k=5)


def test_message_helpers():
    msgs = [
        {"role": "user", "content": [{"type": "image", "text": None}, {"type": "text", "text": "看看"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "好的"}]},
        {"role": "user", "content": [{"type": "text", "text": "谢谢"}]},
    ]
    prompt, last = split_last_assistant(msgs)
    assert len(prompt) == 1 and last["content"][0]["text"] == "好的"
    assert strip_images(msgs)[0]["content"] == [{"type": "text", "text": "看看"}]
    assert plain_context(msgs)[0] == {"role": "user", "content": "[image]\n看看"}


def test_yaml_no_stays_a_strategy_word(tmp_path: Path):
    assert parse_overrides(["trainer.save_strategy=no", "trainer.bf16=false"]) == {
        "trainer.save_strategy": "no",
        "trainer.bf16": False,
    }
    r = tmp_path / "r.yaml"
    r.write_text("stage: sft\nname: x\nmodel: {path: m}\ndata: {path: d}\noutput_dir: o\ntrainer: {save_strategy: no}\n")
    assert load_recipe(r).sft_kwargs()["save_strategy"] == "no"
