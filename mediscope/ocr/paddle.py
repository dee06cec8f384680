"""PaddleOCR backend for users who have the PP-OCR models on disk.

PaddleOCR 3.x downloads its models at run time, which an offline site cannot do; this backend
therefore insists on local model directories and fails with a clear message otherwise. The
result parser understands both the 3.x `predict()` dicts (`rec_texts`/`rec_scores`/`rec_polys`)
and the 2.x `ocr()` nested lists, so it can be tested without Paddle installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image as PILImage

from mediscope.ocr.base import OcrEngine, OcrLine, OcrUnavailable, quad_to_box, sort_lines, to_rgb_array


class PaddleOcrEngine(OcrEngine):
    name = "paddleocr"

    def __init__(
        self, det_model_dir: str | None = None, rec_model_dir: str | None = None, **options: Any
    ) -> None:
        for label, d in (("det_model_dir", det_model_dir), ("rec_model_dir", rec_model_dir)):
            if not d:
                raise OcrUnavailable(
                    f"PaddleOCR needs local models offline: set {label} (a PP-OCR inference model folder)"
                )
            if not Path(d).is_dir():
                raise OcrUnavailable(f"PaddleOCR {label} {d!r} is not a directory")
        try:
            import paddleocr
        except ImportError as exc:
            raise OcrUnavailable("paddleocr is not installed: pip install paddlepaddle paddleocr") from exc
        self._version = getattr(paddleocr, "__version__", "unknown")
        kwargs = {
            "text_detection_model_dir": det_model_dir,
            "text_recognition_model_dir": rec_model_dir,
            "use_doc_orientation_classify": False,
            "use_doc_unwarping": False,
            "use_textline_orientation": False,
        }
        kwargs.update(options)
        self._ocr = paddleocr.PaddleOCR(**kwargs)

    @property
    def version(self) -> str:
        return str(self._version)

    def read(self, image: PILImage.Image) -> list[OcrLine]:
        bgr = np.ascontiguousarray(to_rgb_array(image)[:, :, ::-1])
        predict = getattr(self._ocr, "predict", None)
        result = predict(bgr) if predict is not None else self._ocr.ocr(bgr)
        return parse_paddle_result(result)


def parse_paddle_result(result: Any) -> list[OcrLine]:
    """Convert PaddleOCR output (3.x list of result dicts, or 2.x nested lists) to OcrLines."""
    lines: list[OcrLine] = []
    for page in result or []:
        if page is None:
            continue
        if isinstance(page, Mapping) or hasattr(page, "keys"):
            texts = page["rec_texts"]
            scores = page.get("rec_scores", [1.0] * len(texts))
            polys = page.get("rec_polys")
            if polys is None:
                polys = page["dt_polys"]
            for text, score, poly in zip(texts, scores, polys, strict=False):
                if text and text.strip():
                    lines.append(OcrLine(text=text, box=quad_to_box(poly), score=float(score)))
        else:  # 2.x: [[quad, (text, score)], ...]
            for quad, (text, score) in page:
                if text and text.strip():
                    lines.append(OcrLine(text=text, box=quad_to_box(quad), score=float(score)))
    return sort_lines(lines)
