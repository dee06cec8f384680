"""Thirty-first round of English recall: a year-first date OCR read with O for 0 and l or I for 1.
Every positive uses strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestOcrYearFirstDates:
    @pytest.mark.parametrize("text, date", [
        ("was reviewed by me on 2O26-O4-l7 and may return to work", "2O26-O4-l7"),
        ("Collected: 2026-O5-O2   Received: lab", "2026-O5-O2"),
        ("DOS 2O25/11/3O", "2O25/11/3O"),
        ("Printed l998.O7.21", "l998.O7.21"),
    ])
    def test_a_swapped_year_first_date_is_found(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "code 2OIO-IO-OI on the kit",
        "lot 2O26-13-O9 expired",
        "batch 2O26-O4-4O",
        "ratio 2O-O4-l7",
    ])
    def test_codes_that_read_back_as_no_date_stay(self, text):
        assert _found(text, "DATE_TIME") == [], _found(text)
