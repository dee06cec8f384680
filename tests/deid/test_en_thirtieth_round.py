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
        # (the weekday said before the day goes with it)
        ("dad: since uh tuesday the seventeenth she's been off her legs", "tuesday the seventeenth"),
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


class TestChatLabels:
    @pytest.mark.parametrize("text, name", [
        ("[06:41] kez: is the ward round done yet?\n[06:43] tam: nearly, bed 4 left", "kez"),
        ("[Slack] tamsin: can someone cover clinic this afternoon?\n[Slack] noor: I can", "tamsin"),
        ("GlitterAndGravy: anyone had a hysteroscopy awake?\nMossyStoneWall: yes, it was fine", "GlitterAndGravy"),
        ("TeaLeaf42: which ward did you go to?\nOwlAtNoon: ward 7", "TeaLeaf42"),
        ("Q: how long does the rash last?\n  ↳ u/fernandbracken: mine went in a week", "u/fernandbracken"),
    ])
    def test_a_speaker_of_a_chat_export_or_thread_is_found(self, text, name):
        assert name in _found(text), _found(text)

    @pytest.mark.parametrize("text", [
        "[ward] plan: iv abx\n[ward] obs: stable\n[ward] note: ok",
        "MyChart: new message\nPubMed: 3 results",
        "HbA1c: 8.2\nSpO2: 95%",
    ])
    def test_labels_of_records_and_products_are_no_screen_names(self, text):
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)

    def test_a_record_exported_with_brackets_keeps_its_labels(self):
        text = "[ward] plan: iv abx\n[ward] obs: stable\n[ward] note: ok"
        assert _found(text, "PERSON") == [], _found(text)


class TestCantoneseNamesInCapitals:
    @pytest.mark.parametrize("text, name", [
        ("I am writing on behalf of my mother YEUNG SIU-KUEN (HKID C123456(7)).", "YEUNG SIU-KUEN"),
        ("Name: KWOK CHI KEUNG   Ward: 7B", "KWOK CHI KEUNG"),
        ("Booked under GOH SWEE LAN for the 9am slot.", "GOH SWEE LAN"),
    ])
    def test_a_romanised_name_in_capitals_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "NPO AFTER MIDNIGHT",
        "TO BE SEEN IN CLINIC",
        "CHAN MAN HO",  # every given syllable an English word: left to the other rules
    ])
    def test_capital_runs_of_words_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestFormsAndTimestamps:
    @pytest.mark.parametrize("text, date", [
        ("Your scan is booked on the 9th of June at 10:15 am.", "the 9th of June at 10:15 am"),
        ("Sent: Apr-11-2026 6:05 PM\nTo: Renal clinic", "Apr-11-2026 6:05 PM"),
    ])
    def test_a_worded_or_month_first_date_keeps_its_clock(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text, name", [
        ("NHS No:: 943 476 5919\nSurname:: OYELOWO\nFirst:: Damilola", "OYELOWO"),
        ("NHS No:: 943 476 5919\nSurname:: OYELOWO\nFirst:: Damilola", "Damilola"),
        ("Client: Zoltan Kertesz   Interpreter: Hungarian", "Zoltan Kertesz"),
    ])
    def test_a_name_after_a_form_field_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "Surname: unknown at this time",
        "Student: Unknown",
        "Client: n/a",
    ])
    def test_a_placeholder_in_a_name_field_stays(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestIdentifiersOnPaperwork:
    @pytest.mark.parametrize("text, value, entity", [
        ("Next of kin: son, HP 8123 4417", "8123 4417", "PHONE_NUMBER"),
        ("Plan member: self   Certificate #: 55017723", "55017723", "INSURANCE_ID"),
        ("Licence checked. Driver number: HOPKI802143JN7XY", "HOPKI802143JN7XY", "ID_NUMBER"),
        ("Paid via UPI: meera.k@okicici", "meera.k@okicici", "SOCIAL_HANDLE"),
        ("BG 6.1 mmol/L\nOperator: dlamini.p", "dlamini.p", "PERSON"),
    ])
    def test_an_identifier_after_its_label_is_found(self, text, value, entity):
        assert value in _found(text, entity), _found(text)

    @pytest.mark.parametrize("text", [
        "Operator: nurse",
        "HP filter changed, 5000 units given",
        "email me at jo@sbi.co.in",
    ])
    def test_look_alikes_stay(self, text):
        found = _found(text)
        assert not {"nurse", "5000", "jo@sbi"} & set(found), found


class TestSpokenAndBracketedSpeakers:
    @pytest.mark.parametrize("text, name", [
        ("Pt: it's Ji-woo Chung, that's C-H-U-N-G, born in 1990", "C-H-U-N-G"),  # (four letters and one vowel stay: C-O-P-D)
        ("Evangeline (physio): can you lift your arm?\nPt: a little", "Evangeline"),
        ("Tomasz (son): she fell twice this week", "Tomasz"),
    ])
    def test_a_spelled_surname_or_a_speaker_with_a_role_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "started on C-P-A-P last year",
        "the C-O-P-D clinic",
        "Plan (nurse): obs 4 hourly",
        "Mum (patient): ok",
    ])
    def test_abbreviations_and_headings_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)
