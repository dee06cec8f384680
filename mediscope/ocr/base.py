"""The OCR engine interface shared by every backend.

Redaction needs more than text: it needs to know *where* each character sits, so that a PHI span
found by the text de-identifier (character offsets in a line) can be mapped back to pixels. Every
backend therefore returns `OcrLine`s whose `char_boxes` are aligned with `text` index by index
(None where the engine gave no box, e.g. for spaces it inserted). Backends that only know line or
word boxes approximate character boxes by splitting their box proportionally; that is coarser but
still covers the span once boxes are padded.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from PIL import Image as PILImage

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (x1/y1 exclusive), image pixel coordinates


class OcrUnavailable(RuntimeError):
    """The backend's package or models are missing; the message says how to install them."""


@dataclass
class OcrLine:
    """One recognised text line."""

    text: str
    box: Box
    score: float
    char_boxes: list[Box | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.char_boxes:
            self.char_boxes = split_box(self.box, self.text)
        if len(self.char_boxes) != len(self.text):
            raise ValueError(f"char_boxes ({len(self.char_boxes)}) must align with text ({len(self.text)})")


def quad_to_box(points: object) -> Box:
    """Axis-aligned bounding box of a polygon given as [[x, y], ...] (any numeric type)."""
    arr = np.asarray(points, dtype=float).reshape(-1, 2)
    x0, y0 = np.floor(arr.min(axis=0))
    x1, y1 = np.ceil(arr.max(axis=0))
    return int(x0), int(y0), int(x1), int(y1)


def char_weight(ch: str) -> float:
    """Relative advance width used when splitting a box: CJK/full-width glyphs are ~2x Latin."""
    if ch.isspace():
        return 0.5
    o = ord(ch)
    if 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F:
        return 2.0
    return 1.0


def split_box(box: Box, text: str) -> list[Box | None]:
    """Approximate per-character boxes by splitting a line/word box by glyph width estimates."""
    if not text:
        return []
    x0, y0, x1, y1 = box
    weights = [char_weight(c) for c in text]
    total = sum(weights)
    out: list[Box | None] = []
    acc = 0.0
    for w in weights:
        a = x0 + (x1 - x0) * acc / total
        acc += w
        b = x0 + (x1 - x0) * acc / total
        out.append((int(np.floor(a)), y0, int(np.ceil(b)), y1))
    return out


def to_rgb_array(image: PILImage.Image) -> np.ndarray:
    """RGB uint8 array (H, W, 3) from any 8-bit Pillow image."""
    if image.mode != "RGB":
        image = image.convert("RGB")
    return np.asarray(image)


class OcrEngine(ABC):
    """A text-line OCR engine. Construct once (model loading is slow), call `read` many times."""

    name: ClassVar[str] = "ocr"

    @abstractmethod
    def read(self, image: PILImage.Image) -> list[OcrLine]:
        """Recognise text lines in an 8-bit image, top-to-bottom."""

    @property
    def version(self) -> str:
        return "unknown"

    def describe(self) -> str:
        return f"{self.name}-{self.version}"


def sort_lines(lines: list[OcrLine]) -> list[OcrLine]:
    """Reading order: rows top to bottom (lines overlapping a row's vertical centre join it), then x."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        centre = (line.box[1] + line.box[3]) / 2
        if rows:
            first = rows[-1][0]
            if first.box[1] <= centre <= first.box[3]:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.box[0])]
