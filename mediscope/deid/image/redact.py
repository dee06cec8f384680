"""Burned-in text redaction: OCR per line, analyze per line, map offsets to boxes, fill, verify.

Why per line: Presidio's stock image redactor joins OCR *words* with spaces and analyzes the
whole page, so a Chinese name read as two glyphs becomes `张 伟` and is never found. Lines keep
the text the way the text de-identifier expects it; per-character boxes (from the OCR engine, or
a proportional split of the line box) turn the analyzer's character offsets back into pixels.

Why verify: redaction is only as good as the boxes. After filling, the image is OCR'd again; if
the analyzer still finds PHI, or any string that was redacted can still be read, the image goes
through another pass, and if PHI survives `max_passes` the caller must fail the record.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from PIL import Image as PILImage
from PIL import ImageDraw

from mediscope.deid.image.analyzer import LineAnalyzer
from mediscope.ocr.base import Box, OcrEngine, OcrLine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImageFinding:
    """A PHI span found in an image: where in the OCR text, and which pixels were filled."""

    line: int
    start: int  # offset in the line
    end: int
    text_start: int  # offset in the image's OCR text (lines joined by "\n")
    text_end: int
    entity_type: str
    score: float
    recognizer: str | None
    box: Box  # padded, clipped rectangle that was filled
    passno: int = 1


@dataclass
class RedactionOutcome:
    image: PILImage.Image
    lines: list[OcrLine]
    findings: list[ImageFinding]
    residual: list[str] = field(default_factory=list)  # entity types still readable after the last pass
    passes: int = 1

    @property
    def text(self) -> str:
        """The OCR text of the original image (contains PHI: never store it)."""
        return "\n".join(line.text for line in self.lines)

    def deidentified_text(self, tag: str = "<{entity_type}>") -> str:
        """OCR text with every first-pass finding replaced by a tag, e.g. `<PERSON>`."""
        out = []
        for i, line in enumerate(self.lines):
            text = line.text
            spans = sorted(
                (f for f in self.findings if f.line == i and f.passno == 1),
                key=lambda f: f.start,
                reverse=True,
            )
            for f in spans:
                text = text[: f.start] + tag.format(entity_type=f.entity_type) + text[f.end :]
            out.append(text)
        return "\n".join(out)

    @property
    def ok(self) -> bool:
        return not self.residual


def span_box(line: OcrLine, start: int, end: int) -> Box | None:
    """Union of the character boxes covering text[start:end] (None if no character has a box)."""
    boxes = [b for b in line.char_boxes[start:end] if b is not None]
    if not boxes:
        return None
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    # characters share the line's height: use the line's vertical extent so ascenders/descenders
    # outside a glyph's own box are covered too
    return min(x0s), min(min(y0s), line.box[1]), max(x1s), max(max(y1s), line.box[3])


def pad_box(box: Box, line_height: int, size: tuple[int, int], pad_px: int, pad_ratio: float) -> Box:
    """Grow a box by max(pad_px, pad_ratio * line height) and clip it to the image."""
    pad = max(pad_px, int(round(pad_ratio * line_height)))
    w, h = size
    x0, y0, x1, y1 = box
    return max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)


def _normalise(text: str) -> str:
    return re.sub(r"[\s\-_.:：/()（）]", "", text).lower()


class ImageRedactor:
    """Redacts PHI text burned into images with one OCR engine and one text analyzer."""

    def __init__(
        self,
        engine: OcrEngine,
        analyzer: LineAnalyzer,
        *,
        pad_px: int = 3,
        pad_ratio: float = 0.15,
        fill: tuple[int, int, int] = (0, 0, 0),
        verify: bool = True,
        max_passes: int = 2,
        min_residual_chars: int = 2,
        verifier: OcrEngine | None = None,
    ) -> None:
        self.engine = engine
        # an independent reader for verification (e.g. Tesseract behind PP-OCR) catches text the
        # redaction engine itself cannot read, and therefore could not have redacted
        self.verifier = verifier or engine
        self.analyzer = analyzer
        self.pad_px = pad_px
        self.pad_ratio = pad_ratio
        self.fill = fill
        self.verify = verify
        self.max_passes = max(1, max_passes)
        self.min_residual_chars = min_residual_chars

    def _checkable(self, secret: str) -> bool:
        """Whether a redacted string is distinctive enough to look for in the re-OCR'd text.

        Short digit runs (an age, a day) occur innocently elsewhere on a report; looking for them
        would fail clean images, so digit-only strings need 6+ characters (IDs, phones, dates).
        """
        if secret.isdigit():
            return len(secret) >= 6
        return len(secret) >= self.min_residual_chars

    def find(self, lines: list[OcrLine], size: tuple[int, int], passno: int = 1) -> list[ImageFinding]:
        findings: list[ImageFinding] = []
        offset = 0
        for i, line in enumerate(lines):
            for f in self.analyzer(line.text):
                box = span_box(line, f.start, f.end)
                if box is None:
                    continue
                box = pad_box(box, line.box[3] - line.box[1], size, self.pad_px, self.pad_ratio)
                findings.append(
                    ImageFinding(
                        line=i,
                        start=f.start,
                        end=f.end,
                        text_start=offset + f.start,
                        text_end=offset + f.end,
                        entity_type=f.entity_type,
                        score=f.score,
                        recognizer=f.recognizer,
                        box=box,
                        passno=passno,
                    )
                )
            offset += len(line.text) + 1
        return findings

    def fill_boxes(self, image: PILImage.Image, boxes: list[Box]) -> PILImage.Image:
        out = image.convert("RGB") if image.mode != "RGB" else image.copy()
        draw = ImageDraw.Draw(out)
        for x0, y0, x1, y1 in boxes:
            draw.rectangle([x0, y0, x1 - 1, y1 - 1], fill=self.fill)
        return out

    def redact(self, image: PILImage.Image) -> RedactionOutcome:
        """OCR, redact and (optionally) verify one image; see `RedactionOutcome.ok`."""
        lines = self.engine.read(image)
        findings = self.find(lines, image.size)
        redacted = self.fill_boxes(image, [f.box for f in findings]) if findings else image.copy()
        outcome = RedactionOutcome(image=redacted, lines=lines, findings=findings)
        if not self.verify or (not findings and self.verifier is self.engine):
            # nothing was filled, so the same engine re-reading would see the very same pixels
            # (OCR is deterministic) and the analyzer would find nothing again: skip that read
            return outcome
        secrets = {_normalise(lines[f.line].text[f.start : f.end]) for f in findings}
        secrets = {s for s in secrets if self._checkable(s)}
        for passno in range(2, self.max_passes + 2):
            again = self.verifier.read(outcome.image)
            new = self.find(again, image.size, passno=passno)
            readable = _normalise("".join(line.text for line in again))
            leaked = sorted(s for s in secrets if s in readable)
            if not new and not leaked:
                outcome.residual = []
                return outcome
            outcome.residual = sorted(
                {f.entity_type for f in new} | ({"REDACTED_TEXT_READABLE"} if leaked else set())
            )
            if passno > self.max_passes:
                break
            # another pass: fill what the analyzer found on the redacted image, and, for strings
            # that are still readable, the whole line they were read in
            boxes = [f.box for f in new]
            for line in again:
                if any(s in _normalise(line.text) for s in leaked):
                    boxes.append(
                        pad_box(line.box, line.box[3] - line.box[1], image.size, self.pad_px, self.pad_ratio)
                    )
            outcome.image = self.fill_boxes(outcome.image, boxes)
            outcome.findings.extend(new)
            outcome.passes = passno
            for f in new:
                s = _normalise(again[f.line].text[f.start : f.end])
                if self._checkable(s):
                    secrets.add(s)
        log.debug("PHI still readable after %d passes: %s", outcome.passes, outcome.residual)
        return outcome
