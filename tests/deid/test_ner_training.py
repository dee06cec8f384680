"""Training the PHI tagger: what may not be trained on, what is recorded, what a failure leaves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mediscope.deid.ner_training import read_texts, train_tagger


def _set(path: Path, n: int = 30) -> Path:
    names = ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨敏"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            name = names[i % len(names)]
            text = f"家属{name}说患者咳嗽{i}天。"
            f.write(json.dumps({"id": f"x{i}", "lang": "zh", "text": text,
                                "phi": [{"start": 2, "end": 2 + len(name), "type": "PERSON"}]}, ensure_ascii=False) + "\n")
    return path


class TestExclusion:
    def test_a_renamed_copy_of_a_blind_set_is_refused_by_its_content(self, tmp_path):
        blind = _set(tmp_path / "heldout77.jsonl")
        copy = tmp_path / "extra_training.jsonl"
        shutil.copy(blind, copy)
        with pytest.raises(ValueError, match="extra_training.jsonl"):
            train_tagger("zh", [copy], tmp_path / "m", exclude=[str(blind)], max_steps=5)

    def test_a_versioned_name_of_a_blind_set_is_refused(self, tmp_path):
        data = _set(tmp_path / "heldout77.v2.jsonl")
        with pytest.raises(ValueError, match=r"heldout77\.v2\.jsonl"):
            train_tagger("zh", [data], tmp_path / "m", exclude=["heldout77"], max_steps=5)

    def test_a_blind_set_given_as_silver_text_is_refused(self, tmp_path):
        data = _set(tmp_path / "train.jsonl")
        blind = _set(tmp_path / "heldout77.jsonl")
        with pytest.raises(ValueError, match="heldout77.jsonl"):
            train_tagger("zh", [data], tmp_path / "m", exclude=["heldout77"], silver_files=[blind], max_steps=5)

    def test_other_sets_pass_the_guard(self, tmp_path):
        data = _set(tmp_path / "heldout7.jsonl")  # heldout7 is not heldout77
        with pytest.raises(ValueError, match="not a folder"):  # stops at the next check, not the guard
            (tmp_path / "m").write_text("x")
            train_tagger("zh", [data], tmp_path / "m", exclude=["heldout77"], max_steps=5)


def test_a_failed_run_leaves_the_existing_model_in_place(tmp_path):
    data = _set(tmp_path / "train.jsonl")
    out = tmp_path / "ner-zh"
    out.mkdir()
    (out / "meta.json").write_text("{}")
    bad_config = tmp_path / "broken.cfg"
    bad_config.write_text("[nlp]\nlang = \n")
    with pytest.raises(ValueError, match="spaCy could not train with"):
        train_tagger("zh", [data], out, config=bad_config, max_steps=5)
    assert (out / "meta.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.cfg", "ner-zh", "train.jsonl"]


@pytest.mark.slow
def test_training_json_records_silver_files_seed_and_config_and_holds_back_only_labelled_texts(tmp_path):
    data = _set(tmp_path / "train.jsonl")
    silver = tmp_path / "real.txt"
    silver.write_text("今天头痛好些了。\n我想了解一下复查的时间。\n家属张伟说患者咳嗽0天。\n", encoding="utf-8")
    out = tmp_path / "m"
    report = train_tagger("zh", [data], out, silver_files=[silver], max_steps=10, patience=10, seed=3)
    saved = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert saved["silver_files"] == {"real.txt": report.silver_files["real.txt"]} and len(saved["silver_files"]["real.txt"]) == 64
    assert saved["silver_texts"] == 2  # the third silver line is a labelled text already
    assert saved["seed"] == 3 and saved["config"] == "ner-zh.cfg"
    assert saved["texts_labelled"] == 30 and saved["texts_dev"] == 3  # 10 % of the labelled texts only
    assert saved["texts_train"] == 27 + 2


def test_read_texts_says_which_line_is_wrong(tmp_path):
    bad = tmp_path / "real.jsonl"
    bad.write_text('{"text": "fine"}\n{"body": "no text field"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"real.jsonl, line 2: expected a JSON object with a 'text' field"):
        read_texts(bad)
    bad.write_text('{"text": 5}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: 'text' is not a string"):
        read_texts(bad)
