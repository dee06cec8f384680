"""Thirtieth round of English recall. Every positive uses strings found in no data file; the negatives
are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestADayOfThisMonth:
    @pytest.mark.parametrize("text, date", [
        ("Gran's cataract op is at the eye unit on the 23rd. fingers crossed", "the 23rd"),
        ("He has been off his food since the 11th, weight down 2 kg.", "the 11th"),
        ("I'll bring her for the blood test on 27th", "27th"),
        ("Rash started from 5th, worse at night.", "5th"),
    ])
    def test_an_ordinal_day_after_a_time_word_keeps_its_article(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "Clinic moved to the 4th floor on Monday.",
        "She is now on 3rd line treatment.",
        "Weight is on the 9th centile.",
        "By the 2nd dose the rash had faded.",
    ])
    def test_an_ordinal_that_counts_something_stays(self, text):
        assert _found(text, "DATE_TIME") == []

    @pytest.mark.parametrize("text, date", [
        ("rn: and the stitches came out on the uh fourteenth\npt: yes", "the uh fourteenth"),
        ("dad: since uh tuesday the seventeenth she's been off her legs", "the seventeenth"),
        ("her potassium result is the 29th.", "the 29th"),
        ("caller: yeah the fourth of this month i think", "the fourth"),
        ("Rent is due on the 7th of next month, so please pay the clinic bill then.", "the 7th"),
    ])
    def test_a_day_said_or_written_with_its_article(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "This is the 2nd time she has fallen.",
        "It's the 3rd floor, lift on the left.",
        "on the first day of treatment",
        "the first of these tablets",
        "we pay on the first of the month",
    ])
    def test_ordinals_that_are_no_day_stay(self, text):
        assert _found(text, "DATE_TIME") == []
