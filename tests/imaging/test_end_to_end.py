"""Real OCR (RapidOCR PP-OCR ONNX) + the real text de-identifier, end to end. Slow."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image as PILImage

from mediscope.deid.image.synthetic import make_report, render_lines
from mediscope.io.dicom import DicomReader
from mediscope.io.pdf import PdfReportReader
from mediscope.record import Image, Record, Report, Source
from mediscope.stages.deid.image import ImageDeidStage

from .helpers import scanned_pdf, write_dicom_with_text

pytestmark = pytest.mark.slow


def _norm(s: str) -> str:
    return re.sub(r"[\s\-:：]", "", s).lower()


def _readable(engine, png: bytes) -> str:
    return _norm("".join(line.text for line in engine.read(PILImage.open(io.BytesIO(png)))))


@pytest.fixture(scope="module")
def stage(rapid_engine, real_analyzer):
    return ImageDeidStage({}, engine=rapid_engine, analyzer=real_analyzer)


def test_rapidocr_reads_chinese_and_english_with_char_boxes(rapid_engine):
    im = render_lines(["姓名：张伟  性别：男", "Patient: John Smith"])
    lines = rapid_engine.read(im)
    texts = [_norm(line.text) for line in lines]
    assert any("张伟" in t for t in texts) and any("johnsmith" in t for t in texts)
    for line in lines:
        assert len(line.char_boxes) == len(line.text)
        boxed = [b for b in line.char_boxes if b is not None]
        assert all(line.box[0] - 2 <= b[0] and b[2] <= line.box[2] + 2 for b in boxed)


@pytest.mark.parametrize("seed,lang", [(7, "zh"), (8, "en")])
def test_stage_redacts_synthetic_reports(stage, rapid_engine, seed, lang):
    rep = make_report(seed, lang)
    buf = io.BytesIO()
    rep.image.save(buf, format="PNG")
    data = buf.getvalue()
    import hashlib

    rec = Record(
        id=f"syn{seed}",
        kind="image",
        source=Source(dataset="test"),
        case_id="c",
        lang=lang,
        images=[
            Image(
                id="i",
                data=data,
                sha256=hashlib.sha256(data).hexdigest(),
                width=rep.image.width,
                height=rep.image.height,
                name="r.png",
            )
        ],
        reports=[Report(kind="imaging", image="i")],
    )
    result = stage([rec])
    assert not result.rejected, [r.detail for r in result.rejected]
    out = result.kept[0]
    readable = _readable(rapid_engine, out.images[0].data)
    for phi in rep.phi:
        assert _norm(phi) not in readable, phi
        assert phi not in out.reports[0].text
    for safe in rep.safe:
        assert _norm(safe) in readable  # clinical text survives
    assert "<PERSON>" in out.reports[0].text
    assert {s.entity_type for s in out.deid.spans} >= {"PERSON", "PHONE_NUMBER", "DATE_TIME"}


def test_dicom_burned_in_text_redacted(stage, rapid_engine, tmp_path):
    pixels = render_lines(
        ["Patient: Robert Brown", "MRN: 55123456", "CHEST PA"],
        font_size=26,
        width=520,
        background=(0, 0, 0),
        ink=(255, 255, 255),
    )
    write_dicom_with_text(tmp_path / "a.dcm", pixels, patient_name="Brown^Robert", patient_id="55123456")
    rec = next(iter(DicomReader({"path": str(tmp_path)})))
    out = stage([rec]).kept[0]
    readable = _readable(rapid_engine, out.images[0].data)
    assert "robertbrown" not in readable and "55123456" not in readable
    assert "chest" in readable
    assert "Robert" not in out.model_copy(update={"images": []}).model_dump_json()


def test_scanned_pdf_page_redacted_and_text_filled(stage, tmp_path):
    page = render_lines(
        ["出院小结", "姓名：王芳  性别：女", "联系电话：13912345678", "诊断：2型糖尿病"], width=700
    )
    (tmp_path / "s.pdf").write_bytes(scanned_pdf(page, dpi=100))
    rec = next(iter(PdfReportReader({"path": str(tmp_path), "dpi": 100})))
    out = stage([rec]).kept[0]
    text = out.reports[0].text
    assert "王芳" not in text and "13912345678" not in text
    assert "<PERSON>" in text and "糖尿病" in text
