"""Twenty-third round of English recall: a month/day stamped with the clock time straight after it
("10/3 08:12:" of a chat log, "flowsheet 8/14 0200", "Sat 6/8 21:14") is one timestamp, and a drug's
approval number after 国药准字 / 批准文号 is the product's, no identifier. Every positive uses strings
found in no data file; the negatives are look-alikes that must stay text (or keep their old span)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestMonthDayWithClock:
    @pytest.mark.parametrize(
        "text, stamp",
        [
            ("Kezia 4/9 07:41: she ate half the toast\nOmar 4/9 07:55: good sign", "4/9 07:41"),
            ("Neuro obs 11/22 0300: GCS 14, pupils equal and reactive", "11/22 0300"),
            ("[Portal message — Wed 2/7 19:06]\nPt: rash is spreading", "Wed 2/7 19:06"),
            ("Fluid chart 27/5 2200: intake 1.2 L, output 800 mL", "27/5 2200"),
            ("Event log 6/30 14:05 hrs: rapid response called", "6/30 14:05 hrs"),
        ],
    )
    def test_stamp_is_one_date(self, text: str, stamp: str) -> None:
        assert stamp in _found(text, "DATE_TIME")

    @pytest.mark.parametrize(
        "text",
        [
            "Pain 6/10 08:00 before the dose, 2/10 after",
            "Power 4/5 1200 mL given overnight",
            "Take 1/2 tab 08:00 and 1/2 tab 20:00",
            "GCS 13/15 0400 improving",
            "BP 128/84 07:30, HR 88",
        ],
    )
    def test_score_or_ratio_stays(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == []

    def test_appointment_at_takes_its_time_with_the_day(self) -> None:
        # The older labelled sets mark an appointment's day without its "at" time, the two newest
        # blind sets (heldout26/27) with it; since the twenty-ninth round the span holds both (a
        # time with the day is the safer redaction; the older sets count the wider span as a miss
        # of precision, not of recall).
        assert "Fri 9/12 at 3:15pm" in _found("Clinic booked Fri 9/12 at 3:15pm with the nurse", "DATE_TIME")


class TestDrugApprovalNumber:
    @pytest.mark.parametrize(
        "text",
        [
            "阿托伐他汀钙片 国药准字H20183371，每晚一片",
            "批准文号：国药准字Z51021654 口服",
            "批准文号：S20130027，冷藏保存",
        ],
    )
    def test_approval_number_stays(self, text: str) -> None:
        assert [v for v in _found(text, lang="zh") if any(c.isdigit() for c in v)] == []

    @pytest.mark.parametrize(
        "text, ident",
        [
            ("患者证件号 K37201946 已核对", "K37201946"),
            ("Member ID HX4072188 on file", "HX4072188"),
        ],
    )
    def test_other_codes_still_go(self, text: str, ident: str) -> None:
        lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
        assert ident in _found(text, lang=lang)


class TestCareRoleBeforeName:
    @pytest.mark.parametrize(
        "text, name, role",
        [
            ("Prescriber T. Okonjo, NP | DEA AB1234563", "T. Okonjo", "Prescriber"),
            ("Pharmacist R. Lindqvist double-checked the heparin.", "R. Lindqvist", "Pharmacist"),
            ("Physio D. Marchetti reviewed gait on the ward.", "D. Marchetti", "Physio"),
        ],
    )
    def test_role_is_no_part_of_the_name(self, text: str, name: str, role: str) -> None:
        found = _found(text, "PERSON")
        assert name in found
        assert not any(role in v for v in found)

    def test_initialled_given_name_still_whole(self) -> None:
        assert "Yelena P. Hartigan" in _found("Yelena P. Hartigan attended with her son.", "PERSON")


class TestTendonEponym:
    @pytest.mark.parametrize(
        "text",
        [
            "Runner with left Achilles tendinopathy, eccentric loading for 12 weeks.",
            "Suspected Achilles tendon rupture after a sprint, Simmonds test positive.",
        ],
    )
    def test_tendon_eponym_stays(self, text: str) -> None:
        assert "Achilles" not in " ".join(_found(text))


class TestTitledRareWordSurname:
    @pytest.mark.parametrize(
        "text, name",
        [
            ("Re: Mr. Castellano — please repeat the potassium before the dose.", "Castellano"),
            ("Please call Mrs Ahmadi's daughter about the discharge.", "Ahmadi"),
        ],
    )
    def test_titled_surname_goes(self, text: str, name: str) -> None:
        assert any(v.removesuffix("'s") == name for v in _found(text, "PERSON"))

    @pytest.mark.parametrize(
        "text",
        [
            "Mr Right is not a diagnosis, he joked.",
            "Seasoning (e.g., Mrs. Dash) is fine for low sodium.",
        ],
    )
    def test_everyday_word_or_brand_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == []


@pytest.mark.slow
def test_nineteenth_blind_set_english(deider):
    """The nineteenth blind set's English texts, opened after its one blind scoring: recall 0.908,
    precision 0.980 with the rules before this round; 0.945 / 0.990 / preservation 1.000 after (the
    misses left: chat speakers' screen names, a bracketed surname, 'LAST, First-Hyphen', a spaced
    admission number, a Singapore estate; the false positives: '90 y/o' where the labels take the
    number alone, a hospital named with its city)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout19.jsonl"]) if i.lang == "en"], deider)
    assert report.recall >= 0.94, report.missed
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 1.0, report.clobbered


# --- Fix round: look-alikes the last rules took. Each rule keeps the case it was made for. ---


class TestSpelledOldAgeInBracketsNeedsAPerson:
    @pytest.mark.parametrize(
        "text",
        [
            "Pulse (ninety-two) and regular.",
            "Dispense tablets (ninety) with 2 repeats.",
            "Weight (one hundred and ten) lbs today.",
            "Heart rate (ninety-six) at rest.",
            "Supply (one hundred) capsules.",
        ],
    )
    def test_vital_or_quantity_stays(self, text: str) -> None:
        assert _found(text, "AGE") == [], _found(text)

    @pytest.mark.parametrize(
        "text, age",
        [
            ("my dad (ninety-one in june!) still drives", "ninety-one"),
            ("Resident Mrs Adeyemi (ninety-seven) settled overnight.", "ninety-seven"),
            ("her grandmother (one hundred and three) lives with them", "one hundred and three"),
        ],
    )
    def test_person_age_goes(self, text: str, age: str) -> None:
        assert age in _found(text, "AGE"), _found(text)


class TestPainScoreBeforeClock:
    @pytest.mark.parametrize(
        "text",
        ["Pain score was 6/10 08:00", "Pain at rest 7/10 0600", "Pain on movement now 8/10 14:30", "NRS today 5/10 2200"],
    )
    def test_score_out_of_ten_stays(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == [], _found(text)

    @pytest.mark.parametrize("text, stamp", [("Seen 6/10 08:00 by the GP", "6/10 08:00"),
                                             ("Obs 7/10 0600: afebrile", "7/10 0600"),
                                             ("Pain free since 6/10 08:00, off oxycodone", "6/10 08:00"),
                                             ("Pain settled, reviewed on 6/10 08:00", "6/10 08:00")])
    def test_stamp_still_goes(self, text: str, stamp: str) -> None:
        assert stamp in _found(text, "DATE_TIME"), _found(text)


class TestEponymPairAfterNameLabel:
    @pytest.mark.parametrize(
        "text, name",
        [("Patient: Turner, Addison\nDOB 01/01/1950", "Turner, Addison"),
         ("Name: Wilson, Addison\nWard 4", "Wilson, Addison")],
    )
    def test_name_goes(self, text: str, name: str) -> None:
        found = _found(text, "PERSON")
        assert name in found, _found(text)

    def test_syndrome_list_stays(self) -> None:
        assert _found("Ddx:\n1. Turner, Addison\n2. Cushing", "PERSON") == []


class TestForumHandleAfterSectionLabel:
    @pytest.mark.parametrize(
        "text",
        ["Plan: physio asked to review mobility", "Update: sarah asked about discharge",
         "Impression: nurse asked for a review", "Plan: family asked about respite"],
    )
    def test_label_then_word_stays(self, text: str) -> None:
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)

    @pytest.mark.parametrize("text, handle", [("Forum: bendy_beth posted at 9pm", "bendy_beth"),
                                              ("posted by mike_t88 · 03-Mar", "mike_t88"),
                                              ("gardenlover wrote:\nmy mum had the same", "gardenlover"),
                                              ("Plan: jess_92 asked again about the rash", "jess_92")])
    def test_handle_goes(self, text: str, handle: str) -> None:
        assert handle in _found(text, "SOCIAL_HANDLE"), _found(text)


class TestPoliceReportDate:
    def test_date_is_a_date(self) -> None:
        text = "Police report 12/03/2024 filed by daughter."
        assert _found(text, "ID_NUMBER") == [], _found(text)
        assert "12/03/2024" in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text, ref", [("Police ref CAD 4471 given", "CAD 4471"),
                                           ("police incident no. 2024/118832 logged", "2024/118832")])
    def test_reference_goes(self, text: str, ref: str) -> None:
        assert ref in _found(text, "ID_NUMBER"), _found(text)


class TestTitleBeforeEverydayWord:
    @pytest.mark.parametrize("text", ["Mrs Clean came in", "Ms Fit came in", "Mr Muscle came in", "Mr Happy came in",
                                      "Mr Right came in", "Ms Marigold came in"])
    def test_everyday_word_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == [], _found(text)

    @pytest.mark.parametrize("text, name", [("Mrs Castellano came in", "Castellano"), ("Mr Okafor came in", "Okafor"),
                                            ("Mrs Dash came in with her son", "Dash"), ("Mr Strong came in", "Strong")])
    def test_surname_goes(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON"), _found(text)
