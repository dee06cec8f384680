"""Twenty-eighth round of English recall: speech. Transcribed calls and visits write dates, ages, ZIP
codes, house numbers and names in words and in lower case. Every positive uses strings found in no
data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.evaluation import evaluate, load_evalset

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestSpokenDates:
    @pytest.mark.parametrize("text, date", [
        ("patient: it was april oh nine nineteen twenty eight i think", "april oh nine nineteen twenty eight"),
        ("you're booked for october twenty first at nine thirty a m", "october twenty first at nine thirty a m"),
        ("caller: the sixth of august forty one", "sixth of august forty one"),
        ("he was discharged on the uh nineteenth and came back", "nineteenth"),
        ("nurse: and her birthday\ncaller: two nine thirty three", "two nine thirty three"),
        ("my date of birth is june the fourth nineteen fifty", "june the fourth nineteen fifty"),
    ])
    def test_a_date_said_aloud_is_found(self, text, date):
        assert any(date in f for f in _found(text, "DATE_TIME")), _found(text)

    @pytest.mark.parametrize("text", [
        "take two tablets on the second day and one on the third day",
        "it's the second time this month she fell",
        "march two laps around the ward twice a day",
        "she may four times a week skip the dose",
    ])
    def test_counts_and_ordinals_of_things_stay(self, text):
        assert _found(text, "DATE_TIME") == []


class TestSpokenAgesZipsAndStreets:
    @pytest.mark.parametrize("text, age", [
        ("so you're ninety-seven now and living alone", "ninety-seven"),
        ("dad turned a hundred and two in may", "a hundred and two"),
        ("she's ninety three no wait ninety-two", "ninety-two"),
        ("mother is ninety one years old", "ninety one"),
    ])
    def test_an_age_over_89_in_words(self, text, age):
        assert any(age in f for f in _found(text, "AGE")), _found(text)

    @pytest.mark.parametrize("text", [
        "his pulse is ninety-two and regular",
        "she's ninety pounds soaking wet",
        "sugar was ninety-eight this morning",
    ])
    def test_a_reading_in_words_is_no_age(self, text):
        assert _found(text, "AGE") == []

    def test_a_zip_said_digit_by_digit_after_the_question(self):
        text = "clinician: and the zip\npatient: nine seven four oh one"
        assert "nine seven four oh one" in _found(text, "ZIP_CODE")

    @pytest.mark.parametrize("text, place", [
        ("it's uh forty two oh eight maple street apartment six c", "forty two oh eight maple street apartment six c"),
        ("we're at three eleven juniper lane", "three eleven juniper lane"),
        ("it's nine forty Ridgeview Road apartment four B", "nine forty Ridgeview Road apartment four B"),
    ])
    def test_a_house_number_said_aloud_before_a_street(self, text, place):
        assert any(place in f for f in _found(text, "LOCATION")), _found(text)

    def test_a_number_before_a_verb_is_no_street(self):
        assert _found("i'm eighty-four and i still drive to church", "LOCATION") == []
        assert _found("I'm eighty-four and I still Drive to church", "LOCATION") == []


class TestSpokenNames:
    @pytest.mark.parametrize("text, name", [
        ("caller: hi this is rosalind quigley calling about my refill", "rosalind quigley"),
        ("doctor: good morning mister abernethy how are you", "abernethy"),
        ("patient: my wife hope drives me to dialysis", "hope"),
        ("voicemail: hey it's uh bernadette can you call me back", "bernadette"),
        ("caller: that's spelled d u b r o v n i k", "d u b r o v n i k"),
        ("patient: last name is pemberton P-E-M-B-E-R-T-O-N", "P-E-M-B-E-R-T-O-N"),
    ])
    def test_a_name_after_a_cue_in_lower_case(self, text, name):
        assert any(name in f for f in _found(text, "PERSON")), _found(text)

    @pytest.mark.parametrize("text", [
        "nurse said the wound looks clean",
        "this is fine thanks for checking",
        "my husband says i'm fine",
        "hi im calling about my refill",
        "we ran a C-O-P-D screen",
        "it's okay the swelling is down",
    ])
    def test_cue_words_without_a_name_stay(self, text):
        assert _found(text, "PERSON") == []

    @pytest.mark.parametrize("text, town", [
        ("adaeze: ill drive up from wenatchee thursday night", "wenatchee"),
        ("he was seen in the er at kalispell regional", "kalispell"),
    ])
    def test_a_town_in_lower_case_after_a_place_word(self, text, town):
        assert town in _found(text, "LOCATION"), _found(text)

    def test_ordinary_words_after_a_place_word_stay(self):
        assert _found("we went in to see the doctor at home after lunch", "LOCATION") == []


def test_dev_en18_speech_floor():
    """dev_en18 (90 transcribed calls, visits and chats, written without the engine): first score
    recall 0.660, precision 0.929; with spelled names labelled throughout (its own commit) the
    session-start engine 0.654 / 0.932, this round 0.818 / 0.935, preservation 0.989 -> 0.983 (the
    verb in "i hope" is marked where Hope is a name in the same call)."""
    report = evaluate(load_evalset([DATA / "dev_en18.jsonl"]), None)
    assert report.recall >= 0.80, report.missed
    assert report.precision >= 0.90, report.false_positives
    assert report.preservation >= 0.98, report.clobbered
