"""Fixtures for training tests: a tiny Qwen2.5-VL built once, and a tiny published dataset."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

DIMENSIONS = ("proactiveness", "accuracy", "usefulness", "language")

_QA = [
    ("我最近总是头痛，晚上睡不好，怎么办？", "头痛持续多久了？建议先测量血压，注意休息，必要时做头颅CT。"),
    ("咳嗽三天了，有黄痰，体温38度。", "可能是急性支气管炎，建议查血常规和胸片，多喝水。"),
    ("I have had chest pain for two days.", "Do you have a fever or a cough? Please get an ECG today."),
    ("What does this rash on my arm mean?", "It looks like contact dermatitis; avoid the irritant and use a mild cream."),
]


def _png(seed: int, size=(84, 84)) -> bytes:
    from PIL import Image

    rnd = random.Random(seed)
    img = Image.new("RGB", size, (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    for _ in range(40):
        img.putpixel((rnd.randrange(size[0]), rnd.randrange(size[1])), (255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _text(t: str) -> dict:
    return {"type": "text", "text": t}


def _image() -> dict:
    return {"type": "image", "text": None}


def make_rows(n: int, multimodal: bool, k_counterparts: int = 0, seed: int = 0) -> list[dict]:
    """Rows in the published schema: multi-turn, images on the patient turn that showed them."""
    rows = []
    for i in range(n):
        q, a = _QA[i % len(_QA)]
        lang = "zh" if i % len(_QA) < 2 else "en"
        images: list[bytes] = []
        if multimodal:
            images = [_png(seed * 1000 + i)]
            messages = [
                {"role": "system", "content": [_text("You are a careful, proactive clinician.")]},
                {"role": "user", "content": [_image(), _text(q)]},
                {"role": "assistant", "content": [_text("请问症状持续多久了？")]},
                {"role": "user", "content": [_text("两周了。")]},
                {"role": "assistant", "content": [_text(a)]},
            ]
            kind = "dialogue"
        else:
            messages = [
                {"role": "user", "content": [_text(q)]},
                {"role": "assistant", "content": [_text(a)]},
            ]
            kind = "qa"
        row = {
            "id": f"r{seed}-{i}",
            "case_id": f"c{seed}-{i}",
            "lang": lang,
            "kind": kind,
            "source": "unit-test",
            "messages": messages,
            "images": [{"bytes": b, "path": None} for b in images],
            "n_turns": len(messages),
            "meta": json.dumps({"i": i}),
        }
        if k_counterparts:
            row["counterparts"] = [
                {"model": f"cp{j}", "response": f"counterpart {j} answer " + "x" * (3 * j)} for j in range(k_counterparts)
            ]
        rows.append(row)
    return rows


def features(with_counterparts: bool):
    from datasets import Features, Image, List, Value

    f = {
        "id": Value("string"),
        "case_id": Value("string"),
        "lang": Value("string"),
        "kind": Value("string"),
        "source": Value("string"),
        "messages": List(
            {"role": Value("string"), "content": List({"type": Value("string"), "text": Value("string")})}
        ),
        "images": List(Image()),
        "n_turns": Value("int32"),
        "meta": Value("string"),
    }
    if with_counterparts:
        f["counterparts"] = List({"model": Value("string"), "response": Value("string")})
    return Features(f)


def write_published(folder: Path, multimodal: bool, n: int = 8, k_counterparts: int = 0) -> Path:
    """A published dataset folder: data/<split>-00000-of-00001.parquet + a README card."""
    from datasets import Dataset

    from mediscope.train.data import write_split

    for split, count, seed in (("train", n, 0), ("validation", 2, 1), ("test", 2, 2)):
        rows = make_rows(count, multimodal, k_counterparts, seed=seed)
        ds = Dataset.from_list(rows, features=features(bool(k_counterparts)))
        write_split(ds, folder, split)
    (folder / "README.md").write_text("---\nlicense: cc-by-4.0\n---\n# tiny test corpus\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    from mediscope.train.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-qwen2_5_vl"))


@pytest.fixture(scope="session")
def text_dataset(tmp_path_factory) -> Path:
    return write_published(tmp_path_factory.mktemp("pub-text"), multimodal=False)


@pytest.fixture(scope="session")
def mm_dataset(tmp_path_factory) -> Path:
    return write_published(tmp_path_factory.mktemp("pub-mm"), multimodal=True)


@pytest.fixture(scope="session")
def crpo_dataset_dir(tmp_path_factory) -> Path:
    return write_published(tmp_path_factory.mktemp("pub-crpo"), multimodal=True, n=4, k_counterparts=5)
