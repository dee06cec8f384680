"""The ninth round's English shapes, each with look-alikes that must stay text.

Irish names with their particles and accents, French compound given names, Korean names in
Hangul or romanised, Chinese names in Han script inside English text, capitals sign-offs with
an initial, lower-case "last, first", a relative's given name before a verb, lots and streets
without a number, the suburb after a street, letter-spaced record numbers, UK National
Insurance numbers, Canadian health cards, "pgr"; and the labels, roles, makers, drug brands and
eponym tests the NER model takes for people or places.
"""

from __future__ import annotations

import pytest


def _values(found, text: str, types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, "en") if not types or t in types}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Referral from Dr Orla Ní Mhurchú re chest pain.", "Orla Ní Mhurchú"),
        ("Seen with Seán Ó Briain, brother, who drove her in.", "Seán Ó Briain"),
        ("Handover: Eimear Mac Giolla Bhríde, RN to chase the bloods.", "Eimear Mac Giolla Bhríde"),
        ("Transfer note: Jean-Philippe Bouchard from Gaspé, NSTEMI.", "Jean-Philippe Bouchard"),
        ("Wife Marie-Claude phoned at 10:00 asking for an update.", "Marie-Claude"),
        ("Patient 최유진 (Choi Yu-jin) attended with her mother.", "최유진"),
        ("Interpreter booked for Kim Do-yeon, post-op day 2.", "Kim Do-yeon"),
        ("hi, writing for my grandpa 陈建国 who is 88, he has a cough", "陈建国"),
        ("REVIEWED BY: M. OKAFOR-BELL, MD", "M. OKAFOR-BELL"),
        ("Dictated by P. VAN DER BERG, DO on the ward.", "P. VAN DER BERG"),
        ("pt mccarthy, grainne dob 3/4/61 c/o dizziness", "mccarthy, grainne"),
        ("re: o'sullivan, ciaran - bloods normal", "o'sullivan, ciaran"),
        ("my dad frank he's 80 and his ankles are swollen", "frank"),
        ("my husband raj has had diarrhoea for two days", "raj"),
        ("Witnessed by Caoimhe Breathnach, RN at 14:00.", "Caoimhe Breathnach"),
    ],
)
def test_shape_names(found, text, name):
    assert name in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "Jackson-Pratt drain removed on day 3; Guillain-Barré syndrome excluded.",
        "Chemo per Marie-Curie protocol is not used here; Sturge-Weber syndrome noted.",
        "my dad has had a cough for a week and my husband is worried",
        "my dad just started metformin, is that ok",
        "Lab: 高血压 history per the Chinese referral letter, 金银花 tea daily.",
        "Signed: Attending Physician, on behalf of the team",
        "cough, fever and sore throat since monday",
        "H. PYLORI POSITIVE, E. COLI in urine",
    ],
)
def test_shape_name_look_alikes_stay_text(found, text):
    assert not _values(found, text, ("PERSON",)), text


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Community nurse visit at Lot 8, Waimanu Road, Suva. Dressing done.", "Lot 8, Waimanu Road", "LOCATION"),
        ("Ambulance crew found him on Lea Bridge Road, Leyton. GCS 14.", "Lea Bridge Road, Leyton", "LOCATION"),
        ("MRN: 0 0 7 1 3 3 9 2\nDOB on file", "0 0 7 1 3 3 9 2", "MEDICAL_RECORD_NUMBER"),
        ("Claim form: National Insurance No JT 48 21 93 B attached.", "JT 48 21 93 B", "ID_NUMBER"),
        ("NI number: QQ123456C for the sick note", "QQ123456C", "ID_NUMBER"),
        ("Health card TREM 4410 9921 checked at triage.", "TREM 4410 9921", "INSURANCE_ID"),
        ("OHIP 1234-567-890-AB on file.", "1234-567-890-AB", "INSURANCE_ID"),
        ("Please page Dr. Lin at pgr 3-4410 for results.", "3-4410", "PHONE_NUMBER"),
        ("Dear Dr Hale, thank you for seeing Mrs Tuilagi, aged 94.", "94", "AGE"),
        ("ask her on douyin, my douyin is lulu_mama88", "lulu_mama88", "SOCIAL_HANDLE"),
    ],
)
def test_places_and_identifiers(found, text, value, kind):
    assert (kind, value) in found(text, "en")


def test_suburb_after_a_street_without_a_number(found):
    text = "Home visit: Lot 19, Queens Road, Martintar. Dressing changed."
    assert ("LOCATION", "Martintar") in found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Temp 102F this morning, HR 110.", "102"),
        ("fever for 3 days, 103F at night, no rash", "103"),
        ("Vaccine Lot 123456789 expiry 2026-09 recorded.", "123456789"),
        ("Vaccine Lot 123456789 expiry 2026-09 recorded.", "2026-09"),
        ("Flu vaccine lot no. 4412 9981 003 given.", "4412 9981 003"),
        ("Emergency Department Road access closed.", "Emergency Department Road"),
    ],
)
def test_identifier_look_alikes_stay_text(found, text, value):
    assert value not in _values(found, text), text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ED NOTE  03/14/2025\nPt: OKONKWO, Chidinma", "ED NOTE"),
        ("Date: 12/05/2025 Tel: 0161 496 0734", "Date"),
        ("Tel note: daughter called re her father.", "Tel"),
        ("CLAIM FORM — Section B Insured: Hamid Rezaei", "Section B"),
        ("Aadhaar 4721 8830 1956 on file.", "Aadhaar"),
        ("Pt is a 58 y/o F with h/o Graves s/p RAI, on levothyroxine.", "Graves"),
        ("dry eyes, Schirmer 3 mm OU, punctal plugs discussed", "Schirmer"),
        ("Device clinic: Boston Scientific Accolade DR interrogated.", "Boston"),
        ("HIV on Biktarvy, CD4 612; Biktarvy 1 tab daily continued.", "Biktarvy"),
        ("Hashimoto thyroiditis on levothyroxine 50 mcg.", "Hashimoto"),
    ],
)
def test_labels_makers_and_eponyms_stay_text(found, text, word):
    assert not any(word in v for t, v in found(text, "en") if t in ("PERSON", "LOCATION")), found(text, "en")


def test_surnames_that_are_eponyms_stay_names_with_a_title(found):
    assert "Graves" in _values(found, "Letter to Dr. Graves about the referral.", ("PERSON",))


@pytest.mark.parametrize(
    ("text", "name"),
    [("Dr. Edwards reviewed the MRI.", "Edwards"), ("Mr Baxter was seen by the nurse.", "Baxter"),
     ("Referred to Prof. Stryker for review.", "Stryker")],
)
def test_surnames_that_are_device_makers_stay_names_with_a_title(found, text, name):
    assert name in _values(found, text, ("PERSON",))
    # and the maker stays text without a title
    assert not _values(found, f"{name} valve implanted without complication.", ("PERSON",))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Home visit: lives with her grandson in Chinle. Hypertension, amlodipine 10 mg.", "Chinle"),
        ("He grew up in Tuba City and works as a ranger.", "Tuba City"),
    ],
)
def test_small_town_of_residence(found, text, town):
    assert ("LOCATION", town) in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "She works in Cardiology on the day shift.",
        "He lives in Sheltered Housing and works in Marketing.",
        "Works in Oncology Day Unit on Tuesdays.",
        "Your flu jab at Oak Lane Surgery is due.",
    ],
)
def test_residence_look_alikes_stay_text(found, text):
    values = _values(found, text, ("LOCATION",))
    assert not values & {"Cardiology", "Wales", "Marketing", "Oncology", "Oak Lane"}, values
