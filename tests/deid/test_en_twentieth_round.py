"""Twentieth round of English recall: title-case "Last, First" after a numbered list item or a
registration/summary label and before ", 84 yo" or ", NHI …"; given names with one OCR digit
("Jo5eph"); ages over 89 with OCR's l for 1 ("Age 9l", "is 9l now"); device serials printed in
blocks ("serial KTR 550913 B"); Russian given names in the -y romanisation ("Dmitry").
Every positive uses strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import Deidentifier

_D = Deidentifier()


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in _D.analyze_text(text, "en") if entity is None or s.entity_type == entity]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Clinic list — Wednesday\n1. Dufresne, Wilfried, Flat 9 Quay Row — BP check\n2. Lemaire, Odile — INR", "Dufresne, Wilfried"),
        ("Referral summary: Tautahi, Rawiri, NHI QKB4410, 8 Harbour Tce.", "Tautahi, Rawiri"),
        ("Pt: Kowalewski, Renata, 84 yo F, DOB 02/11/1941", "Kowalewski, Renata"),
        ("Registration: Pellegrini, Seo-yeon  MRN KL5521907", "Pellegrini, Seo-yeon"),
        ("Name (Last, First): Abernethy, Min-jun\nDOB 03/04/1977", "Abernethy, Min-jun"),
    ],
)
def test_title_last_first_on_lists_and_labels(text: str, name: str) -> None:
    assert name in _found(text, "PERSON")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Summary: Crohn, Behcet, DVT 2019 on warfarin.", "Crohn"),
        ("1. Addison, Cushing, 2 admissions this year", "Cushing"),
        ("Summary: Warfarin, Heparin, 5000 units given", "Warfarin"),
        ("Meds:\n1. Metoprolol, Lisinopril, Atorvastatin\n2. Aspirin, 81 mg", "Metoprolol"),
        ("Plan:\n1. Cardiology, Echo 2 weeks\n2. Nephrology, renal consult", "Cardiology"),
    ],
)
def test_title_last_first_look_alikes(text: str, word: str) -> None:
    assert not any(word in f for f in _found(text, "PERSON"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("[scan] Pt name: Jo5eph Abernathy  Ward 4", "Jo5eph Abernathy"),
        ("Hello, this is Mar1a Quintanilla calling about my mother.", "Mar1a Quintanilla"),
        ("Message left for R0bert re: results.", "R0bert"),
    ],
)
def test_given_name_with_an_ocr_digit(text: str, name: str) -> None:
    assert name in _found(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Given Ad3nosine 6 mg then Vit4min D restarted.",
        "Heparin 5000 units, B12 level low, Co2 retention, Ca125 raised.",
        "Login: mar1a.k on workstation 4",
    ],
)
def test_ocr_digit_look_alikes(text: str) -> None:
    assert not _found(text, "PERSON")


@pytest.mark.parametrize(
    "text, age",
    [
        ("NAME: OYELOWO, Funke    Age: 9l y/o", "9l"),
        ("Chart scan\nAge 1Ol\nSex F", "1Ol"),
        ("my great-aunt Edna is 9l now and lives alone", "9l"),
        ("Grandad turned 9l, still gardening.", "9l"),
    ],
)
def test_ocr_ages_over_89(text: str, age: str) -> None:
    assert age in _found(text, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "SpO2 is 9l% on room air",
        "Potassium was 9l mmol? recheck",
        "Form 9l submitted to the board.",
    ],
)
def test_ocr_age_look_alikes(text: str) -> None:
    assert not _found(text, "AGE")


@pytest.mark.parametrize(
    "text, serial",
    [
        ("Interrogation: ICD serial KTR 550913 B, RV lead stable.", "KTR 550913 B"),
        ("Pump S/N: MDT 4471902 checked by biomed.", "MDT 4471902"),
    ],
)
def test_serial_in_blocks(text: str, serial: str) -> None:
    assert serial in _found(text, "DEVICE_ID")


@pytest.mark.parametrize(
    "text",
    [
        "Device built to serial ISO 13485 standard.",
        "Serial ECG 12 leads repeated at 1400.",
    ],
)
def test_serial_block_look_alikes(text: str) -> None:
    assert not _found(text, "DEVICE_ID")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Phoned son about Yevgeny, who missed his dialysis.", "Yevgeny"),
        ("Wife of Arkady came in with his CPAP mask.", "Arkady"),
    ],
)
def test_russian_given_names_in_y_spelling(text: str, name: str) -> None:
    assert name in _found(text, "PERSON")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Serologies for Colorado tick fever and Rocky Mountain spotted fever sent.", "Rocky"),
        ("Bed 9 - pt with orbital cellulitis on IV flucloxacillin and metronidazole.", "flucloxacillin"),
        ("Patient transferred to Bay 4 of the day unit for the infusion.", "Bay"),
        ("Rx: AMOXICILLIN 500 MG TAKE 1 TAB THREE TIMES DAILY", "TAB"),
        ("Tx plan — continue current regimen, review in clinic.", "Tx"),
        ("Addr. on file unchanged since last visit", "Addr"),
        ("SCANNED FORM\nPt nane: OKONJO, Adaeze\nWard 6", "nane"),
    ],
)
def test_clinical_words_and_form_shorthand_stay_text(text: str, word: str) -> None:
    assert not any(word in f for f in _found(text))
