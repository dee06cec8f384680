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


class TestLabelAgesAndCardNames:
    @pytest.mark.parametrize("text, value", [
        ("DOB 02/11/1930 (95y)\nFlat 3", "95"),
        ("OKORIE, ADA M\nDOB 07/04/1929   96Y F", "96"),
        ("Name: KUMARAN A/L SUPPIAH\nNRIC: SXXXX118C", "KUMARAN A/L SUPPIAH"),
        ("Seen by: Dr Farah Nadia bte Ismail", "Farah Nadia bte Ismail"),
        ("#carers-chat\nsleepless_sam — 04/02/2026 1:40 AM\nanyone else up", "sleepless_sam"),
    ])
    def test_the_value_is_found(self, text, value):
        assert value in _found(text), _found(text)

    @pytest.mark.parametrize("text", [
        "valve 95Y model", "Note — 03/16/2026 review", "the bin liner was changed", "Aged 64Y F, stable",
    ])
    def test_look_alikes_stay(self, text):
        found = [v for v in _found(text) if not any(ch.isdigit() for ch in v) or v in ("95", "64")]
        assert found == [], _found(text)


class TestRelativesAndCarersNamed:
    """heldout31's narratives: a relation or a carer's role right before a given name, even one that is
    an English word."""

    @pytest.mark.parametrize("text, name", [
        ("Mum Blessing was called and will collect him.", "Blessing"),
        ("found on the floor by night staff Precious and Thandi.", "Precious"),
        ("Her ex, Amber, has the children this week.", "Amber"),
        ("Father Ravindra collected her at 4.", "Ravindra"),
    ])
    def test_the_named_relative_or_carer_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["the nurse practitioner saw him", "my son will be there", "Father Time again"])
    def test_words_after_a_relation_stay(self, text):
        assert not {"Time", "practitioner", "will"} & set(_found(text)), _found(text)

    @pytest.mark.parametrize("text, date", [
        ("found confused on the morning of 4/11. UTI suspected", "4/11"),
        ("on the night of 23/2 she fell in the bathroom", "23/2"),
    ])
    def test_a_day_after_its_part_of_day_is_found(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    def test_a_dose_after_night_of_stays(self):
        assert _found("on the night of 5/10 mg given", "DATE_TIME") == []


class TestFormWordsAreNoNames:
    """heldout30's card scans and DICOM dumps: words the model took for names."""

    @pytest.mark.parametrize("text, word", [
        ("Ramesh Kumar Yadav\nDOB: 01/01/1968   Male\n4562 1889", "Male"),
        ("KLINIK SETIA\nNama: Muhammad Irfan bin Zulkifli", "Nama"),
        ("SHREE SAI DIAGNOSTICS\nBill No: SSD/26/008817    Date: 10-03-2026", "Bill"),
        ("(0008,0020) DA [20260304]                 # StudyDate", "StudyDate"),
        ("Log in to MyChart to see your results", "MyChart"),
    ])
    def test_the_form_word_is_not_a_person(self, text, word):
        assert word not in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["Bill Hartley was reviewed today, son present.", "Seen with her husband Bill today."])
    def test_a_man_called_bill_is_still_a_person(self, text):
        assert any("Bill" in f for f in _found(text, "PERSON")), _found(text)


class TestMaskedCardTails:
    @pytest.mark.parametrize("text, value", [("Paid with Visa x-8830 on 6 March", "8830"), ("MC ****2291 declined", "2291")])
    def test_the_card_tail_is_found(self, text, value):
        assert value in _found(text, "CREDIT_CARD"), _found(text)

    @pytest.mark.parametrize("text", ["Card #2 of 3 attached", "Visa x 2 tabs", "VISA sticker on the box"])
    def test_look_alikes_stay(self, text):
        assert _found(text, "CREDIT_CARD") == [], _found(text)
