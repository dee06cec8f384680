"""The record model and its published JSON Schema stay in agreement."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from mediscope.record import Image, Record, record_json_schema


def sample() -> Record:
    return Record(
        id="r1", source={"dataset": "t", "row": 0}, case_id="case-1", lang="zh",
        turns=[{"role": "patient", "text": "皮疹", "images": ["img1"]}, {"role": "doctor", "text": "多久了？"}],
        images=[{"id": "img1", "data": b"\x89PNG\r\n", "sha256": "ab" * 32, "width": 4, "height": 3}],
        reports=[{"kind": "lab", "text": "WBC 11.2"}],
        deid={"status": "passed", "spans": [{"field": "turns[0].text", "start": 0, "end": 2, "entity_type": "PERSON", "score": 0.9}]},
    )


def test_committed_schema_matches_model(repo_root: Path) -> None:
    committed = json.loads((repo_root / "schemas/record.schema.json").read_text(encoding="utf-8"))
    assert committed == record_json_schema(), "regenerate with `mediscope schema -o schemas/record.schema.json`"


def test_record_json_validates_against_schema() -> None:
    doc = json.loads(sample().model_dump_json())
    jsonschema.Draft202012Validator(record_json_schema()).validate(doc)
    doc["turns"][0]["role"] = "nurse"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(record_json_schema()).validate(doc)


def test_json_round_trip_keeps_image_bytes() -> None:
    rec = sample()
    again = Record.from_json(rec.to_json())
    assert again == rec and again.images[0].data == b"\x89PNG\r\n"


def test_dangling_image_reference_is_an_error() -> None:
    with pytest.raises(ValidationError, match="unknown image id"):
        Record(id="x", source={"dataset": "t"}, case_id="c", turns=[{"role": "patient", "text": "a", "images": ["nope"]}])


def test_image_needs_path_or_bytes_and_unknown_keys_fail() -> None:
    with pytest.raises(ValidationError, match="path or data"):
        Image(id="i", sha256="0", width=1, height=1)
    with pytest.raises(ValidationError, match="Extra inputs"):
        Record(id="x", source={"dataset": "t"}, case_id="c", tunrs=[])


def test_texts_lists_every_free_text_field() -> None:
    assert [f for f, _ in sample().texts()] == ["turns[0].text", "turns[1].text", "reports[0].text"]
