"""RapidOCR backend: the offline default.

The `rapidocr` wheel ships the PaddleOCR PP-OCR det/cls/rec models converted to ONNX, so it runs
with no download. Asked for single-character boxes, it returns one box per recognised glyph,
which is exactly what offset-to-pixel mapping needs; we fall back to proportional splitting when
the counts do not line up (rare: merged glyphs).
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PIL import Image as PILImage

from mediscope.ocr.base import (
    Box,
    OcrEngine,
    OcrLine,
    OcrUnavailable,
    quad_to_box,
    sort_lines,
    split_box,
    to_rgb_array,
)

log = logging.getLogger(__name__)


class RapidOcrEngine(OcrEngine):
    """PP-OCR (ONNX) through `rapidocr`.

    `threads` bounds onnxruntime's intra-op threads (-1 = all cores); `min_score` drops lines the
    recogniser is unsure of (they are still covered by verification, which uses the same engine).
    """

    name = "rapidocr"

    def __init__(
        self, threads: int = -1, min_score: float = 0.5, params: dict[str, Any] | None = None
    ) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise OcrUnavailable("rapidocr is not installed: pip install 'mediscope[ocr]'") from exc
        cfg: dict[str, Any] = {
            "Global.log_level": "warning",
            "Global.text_score": min_score,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1 if threads > 0 else -1,
        }
        cfg.update(params or {})
        self._engine = RapidOCR(params=cfg)

    @property
    def version(self) -> str:
        try:
            from rapidocr._version import __version__  # type: ignore[attr-defined]

            return str(__version__)
        except Exception:  # pragma: no cover
            return "unknown"

    def read(self, image: PILImage.Image) -> list[OcrLine]:
        rgb = to_rgb_array(image)
        bgr = np.ascontiguousarray(rgb[:, :, ::-1])
        out = self._engine(bgr, return_word_box=True, return_single_char_box=True)
        boxes = getattr(out, "boxes", None)
        txts = getattr(out, "txts", None)
        if boxes is None or txts is None:
            return []
        scores = getattr(out, "scores", None) or [1.0] * len(txts)
        words = getattr(out, "word_results", None) or [None] * len(txts)
        lines = []
        for quad, text, score, word in zip(boxes, txts, scores, words, strict=False):
            box = quad_to_box(quad)
            lines.append(
                OcrLine(text=text, box=box, score=float(score), char_boxes=align_char_boxes(text, box, word))
            )
        return sort_lines(lines)


def align_char_boxes(text: str, box: Box, words: Any) -> list[Box | None]:
    """Align RapidOCR's per-glyph results with the line text; spaces get None.

    `words` is a sequence of (glyph, score, quad). If the non-space characters do not match the
    glyphs one to one, fall back to splitting the line box.
    """
    glyphs = [w for w in (words or ()) if w and w[0] and w[2] is not None]
    chars = [c for c in text if not c.isspace()]
    if not glyphs or len(glyphs) != len(chars) or any(len(g[0]) != 1 for g in glyphs):
        return split_box(box, text)
    it = iter(glyphs)
    out: list[Box | None] = []
    for c in text:
        out.append(None if c.isspace() else quad_to_box(next(it)[2]))
    return out
