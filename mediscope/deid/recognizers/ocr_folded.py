"""Identifiers, dates and phones that OCR wrote with letters for digits, both languages.

Scanners and photo OCR read 0 as O or o, 1 as l or I and 5 as S: `l86 O2l7 S5O9`, `2O26-O3-O9`,
`NRIC: S4Sl2O87J`, `身分證:B22O4l7765`. Rather than give every number rule an OCR twin, this
recognizer reads such tokens back as digits in a copy of the text of the same length (one
character for one, so offsets hold), runs the language's identifier, date and phone rules over the
copy and keeps only the spans that hold a letter it read back: the others the plain rules report.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from mediscope.deid.normalize import has_digit
from mediscope.deid.recognizers.base import RegexRecognizer, Rule
from mediscope.deid.types import AGE, DATE_TIME

# The letters OCR writes for digits, and the digit each stands for.
OCR_FOLD = str.maketrans("OolIS", "00115")
# A token: a run of digits and those letters (an ID card's run may end in X), optionally after an
# id's letter prefix (S, HN, MR: S4Sl2O87J, MR2603l5OO21) that a digit follows, and before a check
# letter other than I, O, S (the J of an NRIC) or a bracketed check digit (Y4O3217(5)); nothing else
# glued to it. The prefix is kept and the run read back, unless the prefix is itself OCR letters
# in a number spaced into groups (l86 O2l7 S5O9), where it is read back too.
_TOKEN_RE = regex.compile(
    r"(?<![A-Za-z0-9])(?P<pre>[A-Z]{1,3}(?=[0-9OolIS]*\d))?(?P<run>[0-9OolIS]{17}[Xx]|[0-9OolIS]+)"
    r"(?:[A-HJ-NP-RT-Z]|[（(][0-9A-Z][）)])?(?![A-Za-z0-9])")
_SEP = " -/.:："
# What follows a pronoun, not a digit: "32 I'd like", "4 2 I went".
_WORD_AFTER_RE = regex.compile(r"['’]|[ ][a-z]")
# Somewhere a digit touches one of the letters, or stands one space from it in a spaced number
# (4 1 9 S): the only texts worth folding.
_SEEN_RE = regex.compile(r"\d[ ]?[OolIS]|[OolIS][ ]?\d")


_SHAPE_ONLY = frozenset({"phone_us", "phone_grouped", "zip_after_state", "date_numeric"})


def ocr_fold(text: str) -> str | None:
    """`text` with OCR's letters for digits read back as digits (same length), or None if none.

    A run with a real digit is read back whole (l36, 2O26O3O5, 4S62); an all-letter run (OO, ll)
    only when it is two letters at most and one separator from runs that are mostly digits
    (2O26-O3-OO), so that words (COVID, IgG, ml, lol, SOS) stay, and so do codes whose letter
    tokens are as many as their digit tokens (2026-IO-OO).
    """
    if not _SEEN_RE.search(text):
        return None
    runs: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span("run")
        pre = m.group("pre")
        joined = bool(runs) and runs[-1][1] + 1 == m.start() and text[m.start() - 1] in _SEP
        if pre and (not pre.strip("OI") or not pre.strip("OIS") and joined and runs[-1][1] - runs[-1][0] >= 2):
            # "O7O6": no id begins with O or I; "S5O9" after "l86 O2l7": a digit of that number (but
            # "S1 S2" are heart sounds: a one-character run before is no number's group)
            s = m.start()
        runs.append((s, e))
    if not runs:
        return None
    digital = [any(ch.isdigit() for ch in text[s:e]) for s, e in runs]
    group = [0] * len(runs)
    for i in range(1, len(runs)):
        joined = runs[i - 1][1] + 1 == runs[i][0] and text[runs[i][0] - 1] in _SEP
        group[i] = group[i - 1] if joined else group[i - 1] + 1
    balance: dict[int, int] = {}
    for i, g in enumerate(group):
        balance[g] = balance.get(g, 0) + (1 if digital[i] else -1)
    chars = list(text)
    changed = False
    for i, (s, e) in enumerate(runs):
        token = text[s:e]
        if token.isdigit():
            continue
        if not digital[i] and (len(token) > 2 or balance[group[i]] <= 0 or _WORD_AFTER_RE.match(text, e)):
            continue
        chars[s:e] = token.translate(OCR_FOLD)
        changed = True
    return "".join(chars) if changed else None


class OcrFoldedRecognizer(EntityRecognizer):
    """Runs identifier, date and phone rules over the text with OCR's letters read as digits, and
    keeps only the spans that hold such a letter (the others the plain rules already report)."""

    def __init__(self, name: str, rules: list[Rule], supported_language: str = "zh") -> None:
        # Rules that take a bare shape with no label (a NANP number, a ZIP after a state, a
        # two-digit-year date) already reach into lab values on clean text; on a folded copy they
        # would take "Platelets 2l0 3O0 4000" too. OCR'd values keep the labelled rules.
        rules = [r for r in rules if r.name not in _SHAPE_ONLY]
        self.inner = RegexRecognizer(name + "Inner", rules, supported_language)
        super().__init__(supported_entities=self.inner.supported_entities, name=name,
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def can_match(self, text: str) -> bool:
        return has_digit(text) and _SEEN_RE.search(text) is not None

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        folded = ocr_fold(text)
        if folded is None:
            return []
        out = []
        for r in self.inner.analyze(folded, entities, nlp_artifacts):
            if not any(a != b for a, b in zip(text[r.start:r.end], folded[r.start:r.end], strict=True)):
                continue
            if r.entity_type in (DATE_TIME, AGE) and _glued(text, r.start, r.end):
                continue  # 编号AB9O岁: a code's tail, not an age
            name = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, self.inner.name)
            out.append(RecognizerResult(r.entity_type, r.start, r.end, r.score, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: name.replace(self.inner.name, self.name, 1),
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out


def _glued(text: str, s: int, e: int) -> bool:
    """An ASCII letter or digit right against either end of the span."""
    return (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or (
        e < len(text) and text[e].isascii() and text[e].isalnum())
