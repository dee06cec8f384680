"""OCR engines behind one interface (`OcrEngine.read(image) -> list[OcrLine]`).

`create_engine("rapidocr")` is the offline default; "paddleocr" needs local model directories;
"tesseract" needs the Debian tesseract packages. Backends are imported lazily so that the
interface costs nothing to import.
"""

from __future__ import annotations

from typing import Any

from mediscope.ocr.base import Box, OcrEngine, OcrLine, OcrUnavailable, quad_to_box, split_box

ENGINES = {
    "rapidocr": "mediscope.ocr.rapid:RapidOcrEngine",
    "paddleocr": "mediscope.ocr.paddle:PaddleOcrEngine",
    "tesseract": "mediscope.ocr.tesseract:TesseractEngine",
}


def create_engine(name: str = "rapidocr", **options: Any) -> OcrEngine:
    """Build an OCR engine by name; raises OcrUnavailable with install hints when it cannot run."""
    import importlib

    try:
        target = ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown OCR engine {name!r}; choose one of {sorted(ENGINES)}") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(**options)


__all__ = [
    "Box",
    "ENGINES",
    "OcrEngine",
    "OcrLine",
    "OcrUnavailable",
    "create_engine",
    "quad_to_box",
    "split_box",
]
