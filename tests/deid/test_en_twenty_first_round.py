"""Twenty-first round of English precision: clinical words the engine took for PHI. A history
abbreviation glued before an eponym ("Hx Hodgkin's"); an eponym before "muscular dystrophy"; a
unit's letter ("mmol/L.") and an order verb before a drug's brand name ("Continue Zantac"); a
specialty after a requesting doctor ("Geriatrics"); a clock time swallowing the first letter of a
lab on the next line ("07:15\\nHb"); Spanish function words read as a lower-case name ("con su");
an OCR'd form label ("Patlent Narne:"). And for recall: an age over 89 in a lifespan ("lived to
104") or in another language's years ("102 años"); a name with an accent marked as the patient ("Pádraig (pt)").
Every positive uses strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import Deidentifier

_D = Deidentifier()


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in _D.analyze_text(text, "en") if entity is None or s.entity_type == entity]


@pytest.mark.parametrize(
    "text, word",
    [
        ("PMH: Hx Hodgkin's 1991, appendicectomy 2003.", "Hodgkin"),
        ("Background: Dx Crohn's 2012, on azathioprine.", "Crohn"),
        ("Brother has Duchenne muscular dystrophy; CK 9,400 U/L.", "Duchenne"),
        ("K+ 3.9 mmol/L. Continue Nexium per Gastroenterology.", "Nexium"),
        ("Na 131 mmol/L. Restart Eliquis tomorrow.", "Eliquis"),
        ("Requesting: Dr Okafor, Geriatrics\nCopy to GP", "Geriatrics"),
        ("Paciente llega con su hermano, tos seca.", "con"),
        ("Patlent Narne: see attached\nWard 4B", "Patlent"),
    ],
)
def test_clinical_words_stay_text(text: str, word: str) -> None:
    assert not any(word in f for f in _found(text)), _found(text)


def test_a_clock_time_stops_before_the_next_lab_line() -> None:
    text = "Collected: 2025-11-30 06:40\nHb 98 g/L (L)  Plt 210"
    assert "2025-11-30 06:40" in _found(text, "DATE_TIME")
    assert not any("Hb" in f or "\n" in f for f in _found(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Hx Rosalind Tebbutt attended with her son.", "Rosalind Tebbutt"),
        ("Glucose 6.1 mmol/L. Marisela Quintero phoned back.", "Marisela Quintero"),
        ("Seen by Dr Duchenne in clinic today.", "Duchenne"),
        ("Start Ifeoma on the new inhaler.", "Ifeoma"),
        ("vino con su hija marisela quintero", "marisela quintero"),
    ],
)
def test_names_beside_the_trimmed_words_stay_found(text: str, name: str) -> None:
    assert name in _found(text, "PERSON")


@pytest.mark.parametrize("text", ["Collected 2025-11-30 06:40 h, reviewed 2025-11-30 08:00hrs"])
def test_a_clock_time_keeps_its_hour_mark(text: str) -> None:
    assert {"2025-11-30 06:40 h", "2025-11-30 08:00hrs"} <= set(_found(text, "DATE_TIME"))


@pytest.mark.parametrize(
    "text, age",
    [
        ("Family history: paternal grandfather lived to 103.", "103"),
        ("Her aunt lived to 96 years and never smoked.", "96"),
        ("Nota: paciente de 101 años, acompañada por su nieto.", "101"),
        ("Patiente de 94 ans, chute à domicile.", "94"),
    ],
)
def test_ages_over_89_in_a_lifespan_or_foreign_years(text: str, age: str) -> None:
    assert age in _found(text, "AGE")


@pytest.mark.parametrize(
    "text",
    ["She lived to 60.", "The stent lived to 95 % patency at a year.", "Sesión de 95 minutos, 3 veces por semana."],
)
def test_no_age_from_other_numbers(text: str) -> None:
    assert _found(text, "AGE") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("0300: Siobhán (pt) restless, pulling at lines.", "Siobhán"),
        ("Obs stable. Máire (pt) eating and drinking.", "Máire"),
    ],
)
def test_a_name_marked_as_the_patient(text: str, name: str) -> None:
    assert name in _found(text, "PERSON")


@pytest.mark.parametrize("text", ["Son (pt) unwell overnight.", "Mother (pt) declined the bloods."])
def test_no_name_from_a_role_marked_as_the_patient(text: str) -> None:
    assert _found(text, "PERSON") == []


@pytest.mark.slow
def test_eighteenth_blind_set_english_floor(deider):
    """heldout18's English texts, scored once blind, then the target of this round: recall 0.904,
    precision 0.952 before it; measured after it 0.917 recall, 0.978 precision, no clinical term lost."""
    from pathlib import Path

    from mediscope.deid.evaluation import evaluate, load_evalset

    items = [it for it in load_evalset([Path(__file__).parent / "data" / "heldout18.jsonl"]) if it.lang == "en"]
    report = evaluate(items, deider)
    assert report.recall >= 0.91, report.missed
    assert report.precision >= 0.97, report.false_positives
    assert report.preservation >= 0.99, report.clobbered


@pytest.mark.parametrize(
    "text, date",
    [("Ward round 22/04, Mrs Ilse Brandt: afebrile, eating.", "22/04"), ("Board round on 9/11: plan discharge.", "9/11")],
)
def test_a_day_and_month_after_a_ward_round(text: str, date: str) -> None:
    assert date in _found(text, "DATE_TIME")


@pytest.mark.parametrize("text", ["Ward round: BP 124/78, HR 80.", "Ward round 4/5 power left arm.", "MDT 13/14 nodes positive."])
def test_no_date_from_readings_on_a_ward_round(text: str) -> None:
    assert _found(text, "DATE_TIME") == []


def test_a_clinical_acronym_after_a_bed_number_is_no_name():
    """A ward spot list names the patient after "bed 7 -", but a diagnosis stands there too:
    "tia" is also a given name, and was taken for one."""
    from mediscope.deid import analyze_text

    text = "bed 7 - tia, for MRI\nrm 15 - ahmed, for review"
    found = [text[s.start : s.end] for s in analyze_text(text, "en")]
    assert found == ["ahmed"]
