"""Fixtures for image/DICOM/PDF de-identification tests.

`toy_analyzer` is a deterministic regex analyzer used where a test is about box mapping or stage
plumbing rather than PHI recall; end-to-end tests use the real text de-identifier. One RapidOCR
engine is shared per session because loading it takes seconds.
"""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image as PILImage

from mediscope.ocr.base import OcrEngine, OcrLine, split_box

TOY_PATTERNS = [
    (r"(?<=姓名：)[\u4e00-\u9fff]{2,3}?(?=\s|性|$)", "PERSON"),
    (r"(?<=Patient: )[A-Z][a-z]+ [A-Z][a-z]+", "PERSON"),
    (r"(?<!\d)1[3-9]\d{9}(?!\d)", "PHONE_NUMBER"),
    (r"(?<!\d)\d{3}-\d{4}-\d{4}(?!\d)", "PHONE_NUMBER"),
    (r"(?<!\d)\d{8}(?!\d)", "MEDICAL_RECORD_NUMBER"),
    (r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", "DATE_TIME"),
]


def toy_analyzer(text: str, lang: str) -> list[dict]:
    out = []
    for pattern, entity in TOY_PATTERNS:
        for m in re.finditer(pattern, text):
            out.append(
                {"start": m.start(), "end": m.end(), "entity_type": entity, "score": 0.9, "recognizer": "toy"}
            )
    return out


class ScriptedEngine(OcrEngine):
    """A fake OCR engine that "reads" a fixed layout, dropping characters whose box was filled.

    It makes verification testable without OCR: a character counts as read while the pixel at
    its box centre still differs from the fill colour.
    """

    name = "scripted"

    def __init__(
        self, layout: list[tuple[str, tuple[int, int, int, int]]], fill=(0, 0, 0), blind: bool = False
    ) -> None:
        self.layout = layout
        self.fill = fill
        self.blind = blind  # True: ignores redaction (always reads everything)
        self.calls = 0

    def read(self, image):
        self.calls += 1
        rgb = image.convert("RGB")
        lines = []
        for text, box in self.layout:
            kept, boxes = "", []
            for ch, cb in zip(text, split_box(box, text), strict=True):
                cx, cy = (cb[0] + cb[2]) // 2, (cb[1] + cb[3]) // 2
                if self.blind or rgb.getpixel((cx, cy)) != tuple(self.fill):
                    kept += ch
                    boxes.append(cb)
            if kept.strip():
                lines.append(OcrLine(text=kept, box=box, score=0.99, char_boxes=boxes))
        return lines


@pytest.fixture
def scripted_layout() -> list[tuple[str, tuple[int, int, int, int]]]:
    return [
        ("姓名：张伟 性别：男", (10, 10, 410, 50)),
        ("电话：13812345678", (10, 60, 330, 100)),
        ("所见：右肺结节", (10, 110, 290, 150)),
    ]


@pytest.fixture
def white_png() -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGB", (500, 200), "white").save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture(scope="session")
def rapid_engine():
    from mediscope.ocr import create_engine

    return create_engine("rapidocr", threads=2)


@pytest.fixture(scope="session")
def real_analyzer():
    """The project's text de-identifier; tests needing it fail loudly if it is missing."""
    try:
        from mediscope.deid import analyze_text
    except ImportError as exc:
        pytest.fail(f"mediscope.deid.analyze_text is not available: {exc}")
    return analyze_text
