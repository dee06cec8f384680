"""Twenty-ninth round of English recall: ward lists and handovers (a patient named after a bed or a
room number, "LAST, F." in a table), the day and the time an appointment is booked for, a clock time
before a day and month, a Singapore flat's postcode. Every positive uses strings found in no data
file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestNamesAfterABed:
    @pytest.mark.parametrize("text, name", [
        ("Rm 31 Okonjo, Ifeoma  isolation, VRE", "Okonjo, Ifeoma"),
        ("| Rm | Pt | Dx |\n| 512 | Pellegrino, D. | CAP | on O2 2L", "Pellegrino, D."),
        ("| 514 | Nakashima-Boyd, K. | hip # | for theatre", "Nakashima-Boyd, K."),
        ("Bed 9 Quintero, Marisol: NPO from midnight", "Quintero, Marisol"),
        ("bed 14 harold keeps pulling his cannula", "harold"),
    ])
    def test_the_patient_after_a_bed_or_room_is_a_name(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "Rm 4 Pain, Severe at rest",
        "Bed 3 Stable, A. fib controlled",
        "Room 2 Fall, R. hip pain",
        "Bed 5 empty: cleaned and ready",
        "bed 11 will be free after lunch",
        "Bed 6 Frank: haematuria overnight",
    ])
    def test_words_after_a_bed_stay(self, text):
        assert _found(text, "PERSON") == []


class TestDaysWithTheirTime:
    @pytest.mark.parametrize("text, date", [
        ("Interpreter booked for 4/22 at 13:30.", "4/22 at 13:30"),
        ("Your appointment is on Tuesday April 7 at 2:45pm with Dr Osei.", "Tuesday April 7 at 2:45pm"),
        ("Reminder: Fri Sep 12 at 8am, fasting bloods.", "Fri Sep 12 at 8am"),
        ("HANDOVER\nT: 21:05 28/04  M: collapse at home", "21:05 28/04"),
    ])
    def test_a_day_and_its_time_are_one_date(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "Pain 6/10 at 08:00, settled with paracetamol",
        "ANA 1:40 12/03 pending",
        "she scored 3 at 10:00 on the MMSE",
        "BP 128/76 at 09:15",
    ])
    def test_scores_titres_and_readings_stay(self, text):
        assert _found(text, "DATE_TIME") == []


class TestNamesOnFormsAndClaims:
    @pytest.mark.parametrize("text, name", [
        ("Name: LAM, Hoi Ching Natalie   Nationality: Canadian", "LAM, Hoi Ching Natalie"),
        ("Member: GLORIA T HENNESSEY   Group 00412", "GLORIA T HENNESSEY"),
        ("PATIENT: ROLAND P KOWALCZYK", "ROLAND P KOWALCZYK"),
    ])
    def test_a_name_in_capitals_on_a_form(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["NOTE, Grace period ends Friday", "PLAN: CONTINUE A FIB MEDS", "Member: YES"])
    def test_labels_and_capitals_that_name_no_one(self, text):
        assert not any("NOTE" in f or "CONTINUE" in f or "YES" in f for f in _found(text, "PERSON")), _found(text)


class TestCuedDaysWithoutAYear:
    @pytest.mark.parametrize("text, date", [
        ("Her husband died 09/14 of a stroke.", "09/14"),
        ("LMP 11/03, UPT negative", "11/03"),
        ("Recheck 5/28 with repeat INR.", "5/28"),
    ])
    def test_a_cued_month_and_day(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", ["Recheck in 3/12", "died 3/7 ago", "seen 3/7 post-op"])
    def test_durations_in_shorthand_stay(self, text):
        assert _found(text, "DATE_TIME") == []


class TestRunAndHospitalNumbers:
    @pytest.mark.parametrize("text, number", [
        ("EMS PATIENT CARE REPORT  Run # 27-004512  Unit M7", "27-004512"),
        ("CAD log\nINC 2611-0457  22:14 dispatched", "2611-0457"),
        ("HKID Z 683201(4)  HN HN27003918(5)", "HN27003918(5)"),
    ])
    def test_a_cued_run_or_hospital_number(self, text, number):
        assert number in _found(text, "ID_NUMBER") + _found(text, "MEDICAL_RECORD_NUMBER"), _found(text)

    @pytest.mark.parametrize("text", ["Run 2 laps daily, INC 3 units", "Run #2 of chemo today"])
    def test_counts_after_the_words_stay(self, text):
        assert _found(text, "ID_NUMBER") == []


class TestSingaporeFlats:
    @pytest.mark.parametrize("text, place", [
        ("Addr: Blk 118 Bukit Batok Ave 4 #09-332 S(650118)\nBP 132/80", "Blk 118 Bukit Batok Ave 4 #09-332 S(650118)"),
        ("Lives at Blk 7 Jalan Bukit Merah, #02-45, S150007 with son.", "Blk 7 Jalan Bukit Merah, #02-45, S150007"),
    ])
    def test_the_postcode_after_the_unit_joins_the_address(self, text, place):
        assert place in _found(text, "LOCATION"), _found(text)
