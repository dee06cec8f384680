"""Length-preserving text normalisation for detection.

Chinese exports mix full-width digits and letters (`１３８１２３４５６７８`, `ＱＱ`) with ASCII. The
recognizers are written for ASCII, so detection runs on a copy where every full-width form is
mapped to its half-width twin. The mapping is one character to one character, which keeps every
offset valid for the original text: spans found on the normalised copy apply unchanged.
"""

from __future__ import annotations

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
# Dash-like characters OCR and IMEs produce inside numbers.
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63):
    _FULLWIDTH[_cp] = 0x2D
_TABLE = str.maketrans(_FULLWIDTH)


_last: tuple[str, str] = ("", "")


def normalize(text: str) -> str:
    """Map full-width ASCII forms, ideographic spaces and dash variants to ASCII, same length.

    Detection normalises the same text once per recognizer, back to back, so the last result
    is remembered (an identity check, not a hash); ASCII text is returned as it is.
    """
    global _last
    if text.isascii():
        return text
    last = _last
    if last[0] is text:
        return last[1]
    out = text.translate(_TABLE)
    _last = (text, out)
    return out


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among letters; a cheap first cut before language detection."""
    cjk = letters = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            cjk += 1
            letters += 1
        elif ch.isalpha():
            letters += 1
    return cjk / letters if letters else 0.0
