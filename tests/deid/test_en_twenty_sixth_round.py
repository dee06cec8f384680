"""Twenty-sixth round of English recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text (or keep their old span)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestRecordNumberReadAloud:
    """A record number dictated in digit words after its cue, in a text with no digit at all (the
    engine used to skip every record-number rule on such a text)."""

    @pytest.mark.parametrize(
        "text, number",
        [
            ("dictating on Ms Harriet Vole, medical record number three eight one oh five two, seen today for gout",
             "three eight one oh five two"),
            ("Patient Oswin Tarrant, MRN seven seven zero four one three eight, follow up in clinic",
             "seven seven zero four one three eight"),
            ("hospital number is two nine, four four, one six, for the discharge letter",
             "two nine, four four, one six"),
            ("the chart number double five eight one two three please", "double five eight one two three"),
        ],
    )
    def test_spoken_record_number_found(self, text: str, number: str) -> None:
        assert number in _found(text, "MEDICAL_RECORD_NUMBER"), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "she had one or two falls on record, three or four in total",
            "record number one of the audit: two three four patients declined",
            "the medical record notes two or three episodes of syncope",
            "one two three four five six seven, count along with the nurse",
        ],
    )
    def test_number_words_without_a_record_number(self, text: str) -> None:
        assert _found(text, "MEDICAL_RECORD_NUMBER") == [], _found(text)
