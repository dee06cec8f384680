"""Tags that open each row of a casualty list, a triage sheet or a lab's batch, in both languages.

A mass-casualty triage sheet, a disaster's evacuation list or a dental lab's intake table gives each
person a tag and starts the row with it (SC-0211   杨德友   男   60余, EA-0031   P1   Kwame Mensah,
0047719    RED    19 F). The tag is what links the person to the rest of the incident's records,
so it is an identifier as much as a case number, but it stands under no label: only the layout
says what it is. So a code counts when two rows or more open with codes of the same shape (the
same letters before the number: SC-0211, SC-0212; or, for bare numbers, three rows whose numbers
differ by less than a thousand: a run of tags handed out from one pad).

What a single row opens with stays, and so do short codes (seven characters or more are a tag: EA-0031,
CQ-R-001; a ward's bed or a shelf's bin, B-101, A-1234, is shorter) and the codes of coding systems and
standards (ICD-10 …), whose prefixes `dashed_codes` lists.
"""

from __future__ import annotations

from collections import defaultdict

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.recognizers.dashed_codes import _NOT_PERSONAL_PREFIXES
from mediscope.deid.types import ID_NUMBER

# A row's opening code, after a table's border and an optional row number (01    CQ-R-001), before a gap of two
# spaces, a tab or a table's bar.
_ROW_CODE = regex.compile(
    r"(?m)^[ \t│|┃]*(?:\d{1,3}[.)]?[ \t]{2,})?"
    r"(?P<code>(?P<prefix>[A-Z]{1,4}(?:-[A-Z]{1,2})?)-?(?P<num>\d{3,6})|(?P<digits>\d{6,9}))"
    r"(?=[ \t]{2,}|\t|[ \t]*[│|┃])")
_DATE_DIGITS = regex.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def row_tag_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the codes that open two rows or more with one shape (see the module's docstring)."""
    by_prefix: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    bare: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for m in _ROW_CODE.finditer(text):
        s, e = m.span("code")
        if m.group("digits"):
            if _DATE_DIGITS.fullmatch(m.group("digits")):
                continue  # 20240301: a log's date, the date rules'
            bare[len(m.group("digits"))].append((s, e, int(m.group("digits"))))
        elif e - s >= 7 and not m.group("prefix").startswith(_NOT_PERSONAL_PREFIXES):
            by_prefix[(m.group("prefix"), len(m.group("num")))].append((s, e, m.group("code")))
    out: list[tuple[int, int]] = []
    for rows in by_prefix.values():
        if len({code for _, _, code in rows}) >= 2:
            out += [(s, e) for s, e, _ in rows]
    for rows in bare.values():
        numbers = {n for _, _, n in rows}
        if len(numbers) >= 3 and max(numbers) - min(numbers) < 1000:
            out += [(s, e) for s, e, _ in rows]
    return sorted(out)


class RowTagRecognizer(EntityRecognizer):
    """Tags opening the rows of a casualty list or a batch table (see the module's docstring)."""

    def __init__(self, supported_language: str) -> None:
        super().__init__(supported_entities=[ID_NUMBER], name="RowTagRecognizer", supported_language=supported_language)

    def load(self) -> None:  # a layout rule: nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        return [RecognizerResult(ID_NUMBER, s, e, 0.75, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                for s, e in row_tag_spans(text)]
