"""Tesseract backend (optional) and the pipeline runner driving DICOM -> image_deid."""

from __future__ import annotations

import re

import pytest

from mediscope.deid.image.synthetic import render_lines
from mediscope.ocr import OcrUnavailable, create_engine
from mediscope.ocr.tesseract import _line_from_words


def test_tesseract_words_joined_without_spaces_between_cjk():
    line = _line_from_words(
        [
            ("姓", (0, 0, 20, 30), 90.0),
            ("名", (22, 0, 42, 30), 90.0),
            ("：张伟", (44, 0, 100, 30), 80.0),
            ("MRN", (120, 0, 160, 30), 95.0),
            ("123", (170, 0, 200, 30), 95.0),
        ]
    )
    assert line.text == "姓名：张伟 MRN 123"
    assert len(line.char_boxes) == len(line.text)
    assert line.char_boxes[5] is None and line.char_boxes[9] is None  # the two inserted spaces
    assert line.box == (0, 0, 200, 30)


@pytest.fixture(scope="module")
def tesseract():
    try:
        return create_engine("tesseract")
    except OcrUnavailable as exc:  # optional backend: Debian tesseract-ocr + pytesseract
        pytest.skip(f"tesseract not installed: {exc}")


def test_tesseract_reads_mixed_lines(tesseract):
    lines = tesseract.read(render_lines(["Patient: John Smith", "诊断：糖尿病"], font_size=32))
    text = re.sub(r"\s", "", "".join(line.text for line in lines))
    assert "JohnSmith" in text
    assert "糖尿病" in text


@pytest.mark.slow
def test_pipeline_runs_dicom_through_image_deid(tmp_path, shared_data):
    import shutil

    from mediscope.io.shards import iter_records
    from mediscope.runner import run_pipeline

    from .helpers import write_dicom_with_text

    src = tmp_path / "dicom"
    src.mkdir()
    shutil.copy(shared_data / "pydicom_testfiles" / "CT_small.dcm", src / "ct.dcm")
    shutil.copy(shared_data / "pydicom_testfiles" / "rtplan.dcm", src / "plan.dcm")
    pixels = render_lines(
        ["Patient: Mary Jones", "ID 20240517 OK"],
        font_size=26,
        width=480,
        background=(0, 0, 0),
        ink=(255, 255, 255),
    )
    write_dicom_with_text(src / "burned.dcm", pixels, patient_name="Jones^Mary", patient_id="X77")
    (tmp_path / "p.yaml").write_text(
        "name: dicom-deid\n"
        f"reader: {{format: dicom, path: {src}, options: {{case_salt: s}}}}\n"
        "stages:\n  - {stage: image_deid, config: {engine_options: {threads: 2}}}\n"
        f"writer: {{path: {tmp_path / 'run'}, format: jsonl}}\n"
        "batch_size: 4\n",
        encoding="utf-8",
    )
    manifest = run_pipeline(tmp_path / "p.yaml")
    records = {r.source.original_id: r for r in iter_records(tmp_path / "run")}
    assert set(records) == {"ct.dcm", "burned.dcm"}
    assert manifest["output_records"] == 2 and manifest["rejected"] == 1
    burned = records["burned.dcm"]
    assert {s.entity_type for s in burned.deid.spans} & {"PERSON"}
    assert "Mary" not in burned.reports[0].text and "Jones" not in burned.model_dump_json()
