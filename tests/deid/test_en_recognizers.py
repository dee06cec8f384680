"""English recognizers: NER names filtered for eponyms, HIPAA identifiers, dates, ages."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("MRN: 00123456, admitted", "00123456", "MEDICAL_RECORD_NUMBER"),
        ("medical record number A1234567.", "A1234567", "MEDICAL_RECORD_NUMBER"),
        ("SSN 123-45-6789 on file", "123-45-6789", "US_SSN"),
        ("Member ID XYZ123456789 (Aetna)", "XYZ123456789", "INSURANCE_ID"),
        ("account number 9876543210.", "9876543210", "ACCOUNT_NUMBER"),
        ("Pacemaker serial number PM12345678 checked", "PM12345678", "DEVICE_ID"),
        ("license plate 7ABC123 in the lot", "7ABC123", "LICENSE_PLATE"),
        ("email jane.doe@gmail.com today", "jane.doe@gmail.com", "EMAIL_ADDRESS"),
        ("portal https://mychart.example.org/login now", "https://mychart.example.org/login", "URL"),
        ("from IP 192.168.10.24 at", "192.168.10.24", "IP_ADDRESS"),
        ("Springfield, IL 62704.", "62704", "ZIP_CODE"),
    ],
)
def test_english_identifiers(found, text, value, etype):
    assert (etype, value) in found(text, "en")


@pytest.mark.parametrize("phone", ["5 5 5 - 1 2 3 - 4 5 6 7", "(217) 555-0199", "217-555-0199", "217.555.0199", "+1 217 555 0199", "+44 20 7946 0958"])
def test_english_phones(covered, phone):
    assert covered(f"Call me at {phone} tomorrow.", phone, "en")


@pytest.mark.parametrize("date", ["March 3, 2023", "03/14/1950", "2023-03-05", "12 Jan 2024", "Mar 5th", "11/30/22"])
def test_english_dates(found, date):
    assert ("DATE_TIME", date) in found(f"Seen on {date}.", "en")


def test_names_and_titles(found):
    res = found("Dr. Alice Wong saw John Smith; Mrs. Graves called.", "en")
    assert ("PERSON", "Alice Wong") in res and ("PERSON", "John Smith") in res and ("PERSON", "Graves") in res


@pytest.mark.parametrize(
    "text",
    [
        "Parkinson's disease with Hodgkin lymphoma and Graves' disease.",
        "Started metformin 500 mg and lisinopril 10 mg; HR 72, BP 120/80.",
        "CT and MRI were ordered in cardiology for Crohn's disease.",
        "Symptoms for 3 days, two weeks ago, he is 65 years old.",
        "Bell's palsy and Down syndrome were ruled out.",
        "He was diagnosed with Kawasaki disease.",
        "Left Lung, Spinal Cord, Pleural Effusion, X-Ray",
        "Brain Edema, Brain Non-enhancing Tumor",
    ],
)
def test_clinical_content_is_kept(found, text):
    assert found(text, "en") == set(), text


def test_names_the_small_model_misses(found):
    assert ("PERSON", "Rubija") in found("My name is Rubija", "en")
    assert ("PERSON", "Derek") in found("They had 3: Anna, Derek and Andrew.", "en")
    assert ("PERSON", "Johannes Varvio") in found("It was written by Johannes Varvio in the end.", "en")


def test_self_introductions(found):
    assert ("PERSON", "Priya") in found("Call me back tomorrow, I'm Priya.", "en")
    assert not [v for t, v in found("I'm Sorry, I'm worried.", "en") if t == "PERSON"]


def test_age_over_89(found):
    assert ("AGE", "92") in found("He is 92 years old.", "en")
    assert ("AGE", "95") in found("A 95-year-old woman", "en")
    assert not [v for t, v in found("A 45-year-old woman", "en") if t == "AGE"]


def test_street_address(covered):
    text = "Lives at 5739 Jackson Springs Apt. 484, Springfield."
    assert covered(text, "5739 Jackson Springs Apt. 484", "en")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Lives at 12 Rua das Flores 88, Porto with her son.", "Rua das Flores 88"),
        ("Address: Lindenstraße 4, 10969 Berlin", "Lindenstraße 4, 10969 Berlin"),
        ("Send it to Aleksanterinkatu 15 B please", "Aleksanterinkatu 15 B"),
        ("Her flat is at Via Roma 21, Torino.", "Via Roma 21, Torino"),
        ("Mail goes to PO Box 4411 now.", "PO Box 4411"),
    ],
)
def test_international_street_addresses(covered, text, value):
    assert covered(text, value, "en")


def test_address_block_lines_are_part_of_the_address(covered):
    text = "Invoice to:\n  77 Vestergade 12\n  Odense C\n  5000\n\nThanks."
    assert covered(text, "77 Vestergade 12\n  Odense C\n  5000", "en")


@pytest.mark.parametrize(
    "text, value",
    [
        ("please follow up with margaret hughes next week", "margaret hughes"),
        ("mr kowalski called about his results", "kowalski"),
        ("The founders were Schneider and Alvarez, both nurses.", "Schneider"),
        ("Can someone call me on 6183 2290 tomorrow?", "6183 2290"),
        ("Numero: 04.93.21.77.65 le matin", "04.93.21.77.65"),
    ],
)
def test_lower_case_names_surnames_and_national_phones(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    "text",
    [
        "During 1971 she had rheumatic fever.",
        "BP 120/80, HR 72, on aspirin 100 mg daily.",
        "A 2020 flare of psoriasis; she was seen Sunday.",
        "Labs 2023 01 15: sodium 138, potassium 4.1.",
        "the patient will follow up in clinic with normal labs",
    ],
)
def test_new_address_and_name_rules_leave_clinical_text_alone(found, text):
    assert found(text, "en") == set(), text


def test_first_initial_last_is_a_name_without_lists(covered, found):
    assert covered("Referral written for Zorigt B. Enkhbaatar yesterday.", "Zorigt B. Enkhbaatar", "en")
    assert found("Vitamin D Deficiency and Hepatitis B Virus were ruled out.", "en") == set()


@pytest.mark.parametrize(
    "text, value",
    [
        ("ZIP: 3520", "3520"),
        ("Postcode: SW1A 1AA", "SW1A 1AA"),
        ("Ship to 18 Harbour View Road\n Suite 4\n Hobart\n Australia 7000? thanks", "18 Harbour View Road\n Suite 4\n Hobart\n Australia 7000"),
        ("Address 45 Kungsgatan 12\nUPPSALA\n, nan\n 75320", "45 Kungsgatan 12\nUPPSALA\n, nan\n 75320"),
    ],
)
def test_international_postcodes_and_address_block_lines(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her nephew joaquin brought the inhaler.", "joaquin"),  # lower-case listed name after a relation word
        ("My wife ana-lucia noticed the rash first.", "ana-lucia"),  # hyphenated given name
        ("Please phone Wojciech Zielinski before the scan.", "Wojciech Zielinski"),  # verb + First Last
        ("Home: 4 Mill Lane, Norwich NR2 4QB.", "NR2 4QB"),  # UK postcode with no cue
        ("Via Roma 9, 50123 Firenze.", "50123"),  # continental postcode before the city
        ("Via Roma 9, 50123 Firenze.", "Firenze"),
    ],
)
def test_lower_case_relations_full_names_and_european_postcodes(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Her son was given 5000 Units of heparin.",
        "His daughter has asthma and eczema.",
        "The patient, stable overnight, went home.",
    ],
)
def test_relation_and_postcode_rules_leave_clinical_text_alone(found, text):
    assert not any(t in ("PERSON", "ZIP_CODE", "LOCATION") for t, _ in found(text, "en")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Correspondence to Flat 12, 8 Willow Grove, Leeds LS6 3AB.", "Flat 12, 8 Willow Grove, Leeds LS6 3AB"),
        ("Unit 4, 22 Harbour Walk, Cardiff CF10 4PA: review in May.", "Unit 4, 22 Harbour Walk, Cardiff CF10 4PA"),
    ],
)
def test_uk_unit_before_street_joins_the_address(covered, text, value):
    assert covered(text, value, "en")


def test_zip_code_after_is(found):
    assert ("ZIP_CODE", "35350") in found("my zip code is 35350", "en")
    assert not any(t == "ZIP_CODE" for t, _ in found("the code is 35350 for the ward door", "en"))


def test_sentence_subject_verbs_and_title_case_clinical_phrases(found, covered):
    assert covered("Kaisu Lindqvist lives at home with her son.", "Kaisu Lindqvist", "en")
    for text in ("Chest Pain was worse at night.", "Blood Sugar can drop after exercise.",
                 "Physical Therapy went well.", "Type Two could be managed with diet."):
        assert not any(t == "PERSON" for t, _ in found(text, "en")), text
