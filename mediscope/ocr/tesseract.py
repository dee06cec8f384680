"""Tesseract backend (optional): fast on CPU, weaker on Chinese than PP-OCR.

Needs the Debian packages `tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim` and
`pytesseract`. Tesseract reports words; Chinese comes out one glyph per "word", so words are
joined without a space when both sides are CJK (otherwise `张 伟` would hide a name from the
text analyzer, the very failure of Presidio's stock image redactor).
"""

from __future__ import annotations

from PIL import Image as PILImage

from mediscope.ocr.base import Box, OcrEngine, OcrLine, OcrUnavailable, char_weight, sort_lines, split_box


def _is_cjk(ch: str) -> bool:
    return char_weight(ch) == 2.0


class TesseractEngine(OcrEngine):
    name = "tesseract"

    def __init__(self, lang: str = "chi_sim+eng", psm: int = 3, min_conf: float = 30.0) -> None:
        try:
            import pytesseract
        except ImportError as exc:
            raise OcrUnavailable("pytesseract is not installed: pip install pytesseract") from exc
        try:
            self._version = str(pytesseract.get_tesseract_version())
            langs = set(pytesseract.get_languages(config=""))
        except Exception as exc:  # TesseractNotFoundError and friends
            raise OcrUnavailable(
                "the tesseract binary was not found: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim"
            ) from exc
        missing = [code for code in lang.split("+") if code not in langs]
        if missing:
            raise OcrUnavailable(f"tesseract language data missing: {missing}; installed: {sorted(langs)}")
        self._pt = pytesseract
        self.lang = lang
        self.psm = psm
        self.min_conf = min_conf

    @property
    def version(self) -> str:
        return self._version

    def read(self, image: PILImage.Image) -> list[OcrLine]:
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        data = self._pt.image_to_data(
            image, lang=self.lang, config=f"--psm {self.psm}", output_type=self._pt.Output.DICT
        )
        groups: dict[tuple[int, int, int], list[tuple[str, Box, float]]] = {}
        for i, word in enumerate(data["text"]):
            word = (word or "").strip()
            conf = float(data["conf"][i])
            if not word or conf < self.min_conf:
                continue
            x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            groups.setdefault(key, []).append((word, (x, y, x + w, y + h), conf))
        return sort_lines([_line_from_words(words) for words in groups.values()])


def _line_from_words(words: list[tuple[str, Box, float]]) -> OcrLine:
    text = ""
    char_boxes: list[Box | None] = []
    for i, (word, box, _) in enumerate(words):
        if i and not (_is_cjk(text[-1]) and _is_cjk(word[0])):
            text += " "
            char_boxes.append(None)
        text += word
        char_boxes.extend(split_box(box, word))
    xs0, ys0, xs1, ys1 = zip(*(b for _, b, _ in words), strict=True)
    score = sum(c for _, _, c in words) / len(words) / 100.0
    return OcrLine(
        text=text, box=(min(xs0), min(ys0), max(xs1), max(ys1)), score=score, char_boxes=char_boxes
    )
