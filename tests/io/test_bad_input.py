"""Each kind of bad input is quarantined with a clear reason, and in = out + rejected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediscope.io.base import InputError, decode_text, image_from_bytes
from mediscope.io.registry import make_reader
from mediscope.pipeline import Pipeline
from mediscope.record import Record
from mediscope.rejects import Rejection
from mediscope.runner import run_pipeline


def reasons(fmt: str, path: Path, **options: object) -> list[str]:
    return [i.reason for i in make_reader(fmt, str(path), **options) if isinstance(i, Rejection)]


def _png(width: int = 8, height: int = 8) -> bytes:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (width, height), (200, 10, 10)).save(buf, format="PNG")
    return buf.getvalue()


def test_broken_json_lines_cost_one_line_each(tmp_path: Path) -> None:
    good = {"_id": "1", "conversation": [{"role": "user", "content": "头痛"}, {"role": "assistant", "content": "多久了？"}]}
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([json.dumps(good), '{"_id": "2", "conversation": [', json.dumps(good | {"_id": "3"})]) + "\n", encoding="utf-8")
    items = list(make_reader("disc", str(path)))
    assert [type(i).__name__ for i in items] == ["Record", "Rejection", "Record"]
    rej = items[1]
    assert rej.reason == "broken_json" and "line 2" in rej.detail and rej.raw.startswith('{"_id": "2"')


def test_broken_json_array_is_one_file_rejection(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"instruction": "x", "output": "y"}, {', encoding="utf-8")
    assert reasons("huatuo26m", path) == ["broken_json"]


def test_missing_fields_named(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps([{"id": 1, "medical_case": "腹痛"}]), encoding="utf-8")
    rej = [i for i in make_reader("meddialog", str(path)) if isinstance(i, Rejection)]
    assert rej[0].reason == "missing_field" and "doctor_diagnosis" in rej[0].detail


def test_csv_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("department,title,question\n内科,t,q\n", encoding="utf-8")
    assert reasons("cmdd", path) == ["missing_field"]


def test_empty_dialogue_and_empty_turn(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    rows = [
        {"_id": "a", "conversation": []},
        {"_id": "b", "conversation": [{"role": "user", "content": "  "}, {"role": "assistant", "content": "您好"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    rej = [i for i in make_reader("disc", str(path)) if isinstance(i, Rejection)]
    assert [r.reason for r in rej] == ["empty_dialogue", "empty_dialogue"]
    assert "index [0]" in rej[1].detail


def test_wrong_encoding_line_in_jsonl_records(tmp_path: Path) -> None:
    rec = Record(id="r1", source={"dataset": "t"}, case_id="c", turns=[{"role": "patient", "text": "胸闷"}])
    bad = rec.model_dump_json().replace("r1", "r2").encode("utf-8").decode("utf-8").encode("gb18030")
    path = tmp_path / "r.jsonl"
    path.write_bytes(rec.model_dump_json().encode() + b"\n" + bad + b"\n")
    items = list(make_reader("jsonl", str(path)))
    assert isinstance(items[0], Record)
    assert isinstance(items[1], Rejection) and items[1].reason == "encoding"


def test_decode_text_is_strict() -> None:
    text = "患者主诉头痛"
    assert decode_text(text.encode("gb18030"))[0] == text
    assert decode_text(text.encode("utf-8"))[1] == "utf-8"
    with pytest.raises(InputError) as err:
        decode_text(text.encode("gb18030"), "utf-8")
    assert err.value.reason == "encoding"


def test_oversize_file_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"{}\n" * 400_000)  # ~1.2 MB
    rej = [i for i in make_reader("jsonl", str(path), max_file_mb=1) if isinstance(i, Rejection)]
    assert [r.reason for r in rej] == ["oversize"] and "1 MiB" in rej[0].detail


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "unreadable_image"),
        (b"\x89PNG\r\n\x1a\n" + b"garbage" * 10, "unreadable_image"),
        (None, "unreadable_image"),  # truncated real PNG, built below
    ],
)
def test_unreadable_images(data: bytes | None, reason: str) -> None:
    if data is None:
        data = _png(64, 64)[:-40]
    with pytest.raises(InputError) as err:
        image_from_bytes(data, name="x.png")
    assert err.value.reason == reason


def test_oversize_image() -> None:
    with pytest.raises(InputError) as err:
        image_from_bytes(_png(), max_mb=0.0000001, name="x.png")
    assert err.value.reason == "oversize"


def test_pipeline_accounts_for_every_item(tmp_path: Path) -> None:
    """A mixed bad file through `ingest`-style pipeline: every line is an output or a reject."""
    lines = [
        json.dumps({"_id": str(i), "conversation": [{"role": "user", "content": f"问题{i}"}, {"role": "assistant", "content": "答"}]})
        for i in range(20)
    ]
    lines[3] = "{not json"
    lines[7] = json.dumps({"_id": "7", "conversation": []})
    lines[11] = json.dumps({"_id": "11"})
    lines[15] = json.dumps({"_id": "15", "conversation": [{"role": "alien", "content": "x"}]})
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pipe = Pipeline.model_validate({
        "name": "t", "reader": {"format": "disc", "path": str(path)}, "stages": [{"stage": "validate"}],
        "writer": {"path": str(tmp_path / "run"), "format": "jsonl"}, "batch_size": 6,
    })
    manifest = run_pipeline(pipe)
    assert manifest["input_items"] == 20
    assert manifest["output_records"] == 16 and manifest["rejected"] == 4
    rejects = [json.loads(line) for f in sorted((tmp_path / "run/rejects").glob("*.jsonl")) for line in f.read_text().splitlines()]
    assert sorted(r["reason"] for r in rejects) == ["broken_json", "empty_dialogue", "invalid_record", "missing_field"]
    assert all(r["detail"] for r in rejects)


