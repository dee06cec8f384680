"""Length-preserving text normalisation for detection.

Chinese exports mix full-width digits and letters (`１３８１２３４５６７８`, `ＱＱ`) with ASCII. The
recognizers are written for ASCII, so detection runs on a copy where every full-width form is
mapped to its half-width twin. The mapping is one character to one character, which keeps every
offset valid for the original text: spans found on the normalised copy apply unchanged.
"""

from __future__ import annotations

import regex

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
# Dash-like characters OCR and IMEs produce inside numbers.
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63):
    _FULLWIDTH[_cp] = 0x2D

# OCR reads 0 and 1 as these letters (2O26, l36). Both languages' identifier and date rules read
# them back inside digit tokens with this one table; like the map above it is one character to one
# character, so offsets stay valid.
OCR_DIGITS = str.maketrans("OolI", "0011")


def _traditional_to_simplified() -> dict[int, int]:
    """One-to-one traditional -> simplified character map from OpenCC's TSCharacters table.

    Taiwan and Hong Kong records arrive in traditional characters (陳志明, 醫師, 家屬); the
    surname lists, cue words, jieba's dictionary and the address patterns are simplified. Only
    single-character targets are kept (the first candidate), so the text keeps its length and
    every offset. Optional: without opencc-python-reimplemented traditional text is analysed as is.
    """
    try:
        import opencc
    except ImportError:
        return {}
    from pathlib import Path

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    if not path.exists():
        return {}
    table: dict[int, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or len(parts[0]) != 1:
            continue
        target = parts[1].split(" ")[0]
        if len(target) == 1 and target != parts[0]:
            table[ord(parts[0])] = ord(target)
    return table


_T2S = _traditional_to_simplified()
_TABLE = str.maketrans({**_T2S, **_FULLWIDTH})


_last: tuple[str, str] = ("", "")


def normalize(text: str) -> str:
    """Map full-width ASCII forms, ideographic spaces and dash variants to ASCII, and traditional
    characters to simplified ones, one character for one.

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


# Digits in the sense of `str.isdigit()` (ASCII, full-width, other scripts' digits, superscripts,
# circled numbers) as one `regex` property class, scanned in C: 15x faster than a Python loop and
# than an explicit class of those 788 characters in `re`. The `regex` module may know digits of
# a newer Unicode version than `str` does; a superset is what a pre-filter needs.
DIGIT_RE = regex.compile(r"[\p{Numeric_Type=Decimal}\p{Numeric_Type=Digit}]")


def has_digit(text: str) -> bool:
    """Whether `text` may hold a digit: True whenever a character passes `str.isdigit()`."""
    return DIGIT_RE.search(text) is not None


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
