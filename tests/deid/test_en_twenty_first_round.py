"""Twenty-first round of English precision: clinical words the engine took for PHI. A history
abbreviation glued before an eponym ("Hx Hodgkin's"); an eponym before "muscular dystrophy"; a
unit's letter ("mmol/L.") and an order verb before a drug's brand name ("Continue Zantac"); a
specialty after a requesting doctor ("Geriatrics"); a clock time swallowing the first letter of a
lab on the next line ("07:15\\nHb"); Spanish function words read as a lower-case name ("con su");
an OCR'd form label ("Patlent Narne:").
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
