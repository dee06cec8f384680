"""The signer's column that ends each row of an English chart: a MAR, a weighing record, a log.

A medication administration record's exceptions, a baby clinic's weighing record or a treatment log
ends each row with whoever gave, weighed or did it, under a header such as Init., Initials, Sign,
By or HV/NN: "… refused again      KB", "… thriving      DW", "… CD register p.41      MT/JS",
"… offer feeding support      Nikki". No cue stands next to the initials; the header says what
they are. So the column counts only under a header whose last cell is a signer's label, over rows
set with gaps of two spaces or more (or a table's bars), and only initials (two or three capitals,
or two joined by a slash) or a given name that the given-name lists know. The Chinese sheets'
signer column is `zh_tables.signer_column_spans`.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.recognizers.base import lines_with_offsets
from mediscope.deid.recognizers.en_names import _english_given_names
from mediscope.deid.recognizers.rotas_and_logs import _NOT_INITIALS
from mediscope.deid.types import PERSON

_SIGNER_LABELS = frozenset({"init", "init.", "inits", "initials", "initial", "sign", "sign.", "signed", "signature", "sig", "sig.",
                            "by", "staff", "nurse", "rn", "hv/nn", "hv", "given by", "checked by", "done by", "seen by",
                            "staff init.", "staff initials", "nurse init.", "nurse initials", "carer"})
_GATE = regex.compile(r"(?im)(?:" + "|".join(regex.escape(w) for w in sorted(_SIGNER_LABELS, key=len, reverse=True)) + r")[ \t|]*$")
# A row's last cell after a gap of two spaces or a table's bar.
_LAST_CELL = regex.compile(r"(?:[ \t]{2,}|[ \t]*\|[ \t]*)(?P<v>[A-Za-z][A-Za-z'/.]{1,14})[ \t|]*$")
_INITIALS = regex.compile(r"[A-Z]{2,3}(?:/[A-Z]{2,3})?")
_SEPARATORS = frozenset("-—–─━=_|+ \t")
# A chart's codes that end a row whose signer's cell is empty: routes, frequencies, statuses (PRN, NBM, TTO …).
_CHART_CODES = frozenset({"PRN", "NBM", "DNA", "TTO", "STAT", "BD", "BID", "TDS", "TID", "QDS", "QID", "OD", "ON", "NPO",
                          "NG", "SC", "SL", "IM", "IV", "PO", "PR", "TOP", "INH", "NEB", "MDI", "OM", "NOCTE", "MANE",
                          "HOLD", "HELD", "NA", "NR", "NK", "NKDA", "DNR", "OK", "AM", "PM"})


def _cells(line: str) -> list[str]:
    if "|" in line:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [c for c in regex.split(r"[ \t]{2,}|\t", line.strip()) if c]


def _header_ok(cells: list[str]) -> bool:
    return len(cells) >= 3 and cells[-1].lower() in _SIGNER_LABELS and all(
        len(c) <= 30 and regex.search(r"[0-9]", c) is None for c in cells)


def signer_column_spans(text: str) -> list[tuple[int, int]]:
    """Initials and given names ending the rows under a signer's header (see the module's docstring)."""
    out: list[tuple[int, int]] = []
    active, rows = False, 0
    given = _english_given_names()
    for start, line in lines_with_offsets(text):
        cells = _cells(line)
        if _header_ok(cells):
            active, rows = True, 0
            continue
        if not active:
            continue
        if not line.strip() or set(line) <= _SEPARATORS:
            active = active and not rows  # a blank line or a rule under the rows ends the table
            continue
        if len(cells) < 3:
            active = False  # a note under the table (Codes: …, Reviewed: …)
            continue
        rows += 1
        m = _LAST_CELL.search(line)
        if m is None:
            continue
        value, s = m.group("v"), start + m.start("v")
        if _INITIALS.fullmatch(value):
            k = 0
            for part in value.split("/"):
                if part not in _NOT_INITIALS and part not in _CHART_CODES:
                    out.append((s + k, s + k + len(part)))
                k += len(part) + 1
        elif value.istitle() and value.isalpha() and value.lower() in given:
            out.append((s, s + len(value)))
    return out


class EnglishSignerColumnRecognizer(EntityRecognizer):
    """Initials and given names in the signer's column of an English chart (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[PERSON], name="EnglishSignerColumnRecognizer", supported_language="en")

    def load(self) -> None:  # a layout rule: nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if _GATE.search(text) is None:
            return []
        return [RecognizerResult(PERSON, s, e, 0.75, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                for s, e in signer_column_spans(text)]
