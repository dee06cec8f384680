"""Patterns and checks the Chinese recognizer families share: the digit separator, the CJK and
numeral classes, cue alternations, and the veto on clinical words and eponyms.

Addresses, identifiers, dates, names and places each use some of these; they live here, apart from
every family, so that no family module has to import another for them.

All patterns run on the normalised text (full-width digits already ASCII) and use `(?<!\\d)` /
`(?!\\d)` instead of `\\b`, which never matches between a CJK character and a digit.
Separators `[ -]{0,2}` between every digit group let OCR-spaced and hand-grouped numbers
(`138 1234 5678`, `1 3 8 1 2 3 4 5 6 7 8`) match the same rule as the plain form.
"""

from __future__ import annotations

import regex

from mediscope.deid import lexicon

S = r"[ \-.]{0,2}"  # separator allowed between digits (spaces, dashes, OCR gaps)
CJK = r"[\u4e00-\u9fff]"
CN_NUM = "零〇一二三四五六七八九十"


def _alt(words: tuple[str, ...] | list[str], spaced: bool = False) -> str:
    """Alternation of cue words, longest first; `spaced` also accepts OCR gaps (住 院 号) and the two
    spaces a printed form pads a two-character label with to line it up with four-character ones (姓  名)."""
    ordered = sorted(words, key=len, reverse=True)
    if not spaced:
        return "|".join(regex.escape(w) for w in ordered)
    return "|".join(r"(?:[ \u3000]{1,2}|\s)?".join(regex.escape(ch) for ch in w) for w in ordered)


_CLINICAL_BY_LEN: dict[int, frozenset[str]] = {}
for _p in lexicon.CLINICAL_PREFIXES_ZH:
    _CLINICAL_BY_LEN.setdefault(len(_p), set()).add(_p)  # type: ignore[attr-defined]
_CLINICAL_BY_LEN = {k: frozenset(v) for k, v in _CLINICAL_BY_LEN.items()}


_JIEBA_FREQ: dict[str, int] = {}  # filled by ChineseNameRecognizer.load (jieba's word counts)


def _is_clinical(candidate: str, following: str = "", tags: dict[str, str] | None = None) -> bool:
    """A clinical word (高热, 白细胞...) or an eponym (马凡 before 综合征).

    With jieba's `tags` (only where a person cue stands before the candidate), an everyday word
    that opens a three-character candidate whose last two characters are a known given name is no
    veto: 母亲殷红霞, 主刀夏天宇 (殷红, 夏天 open clinical phrases elsewhere: 殷红色, 夏天易中暑)."""
    if not (tags is not None and len(candidate) == 3 and candidate[:2] in lexicon.EVERYDAY_NAME_OPENERS_ZH
            and (tags.get(candidate[1:], "").startswith("nr") or tags.get(candidate[1:], "") == "nz"
                 and _JIEBA_FREQ.get(candidate[1:], 0) < 500)) and any(
            candidate[:n] in prefixes for n, prefixes in _CLINICAL_BY_LEN.items()):
        return True
    return following.startswith(lexicon.EPONYM_FOLLOWERS_ZH) or following.startswith(lexicon.DRUG_ENDINGS_ZH)


_FUNCTION_CHARS = frozenset("我你您他她它们是说的了在有和与就也都还又要会能把被让给这那个吗呢吧啊呀")
