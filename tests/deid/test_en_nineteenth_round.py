"""The nineteenth round's English shapes, each with look-alikes that must stay PHI.

Classes heldout16 showed at first sight: a sentence's first word that is an ordinary clinical
word ("Melanoma, ...", "Ventricular tachycardia") read as a place; drug brands read as people
(in brackets after the generic's dose, or before how the drug is given); a device maker's first
word glued to the device ("ICD Boston Scientific"); a device's brand before "patch"/"monitor";
brands written as a title and a surname ("Dr Pepper", "Mrs. Dash") beside their product words;
an insurer that is also a town, before its member number.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mediscope.deid.recognizers.en_ner import EnglishNerRecognizer, _city_results
from mediscope.deid.recognizers.en_places import WORDLIKE


@pytest.fixture(scope="module")
def ner():
    rec = EnglishNerRecognizer()
    rec.load()
    return rec


def _tagged(ner, text: str, word: str, label: str) -> set[str]:
    """What the recognizer keeps when the NER model tags `word` with `label` (the model's own
    choice varies with the sentence; the filters after it must not)."""
    s = text.index(word)
    doc = SimpleNamespace(ents=[SimpleNamespace(label_=label, start_char=s, end_char=s + len(word))])
    return {text[r.start : r.end] for r in ner.analyze(text, [], SimpleNamespace(tokens=doc))}


def _values(found, text: str, types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, "en") if not types or t in types}


# ---- clinical words and products that are no PHI ------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Callback arranged for Friday. Carcinoma, margins clear at 4 mm.", "Carcinoma"),
        ("Holter reviewed on site. Ventricular ectopy 8% burden, no pauses.", "Ventricular"),
        ("Echo done.\nPericardial effusion small, no tamponade.", "Pericardial"),
    ],
)
def test_sentence_opening_clinical_word_is_no_place(ner, text, word):
    assert word not in _tagged(ner, text, word, "GPE")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Flew in from Nairobi. Lagos next month for the wedding.", "Lagos"),
        ("Grew up abroad. Kenya remains home for her parents.", "Kenya"),
    ],
)
def test_sentence_opening_place_stays(ner, text, word):
    assert word in _tagged(ner, text, word, "GPE")


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Sleep: eszopiclone 2 mg (Lunesta) nightly as needed.", "Lunesta", "PERSON"),
        ("Emphysema with AATD; Zemaira weekly infusions continue.", "Zemaira", "PERSON"),
        ("Crohn disease, maintained on Entyvio infusions every 8 weeks.", "Entyvio", "GPE"),
        ("Benzodiazepine plan: taper Klonopin by 0.25 mg a fortnight.", "Klonopin", "PERSON"),
        ("Arrhythmia workup: Kardia KX patch applied for 7 days.", "Kardia KX", "PERSON"),
        ("Pacer check: CRT-D Boston Scientific AUTOGEN, battery 7 years.", "CRT-D Boston", "PERSON"),
        ("Stage: Melanoma, Clark level IV, Breslow 2 mm.", "Clark", "PERSON"),
    ],
)
def test_drug_and_device_brands_are_no_phi(ner, text, word, label):
    assert word not in _tagged(ner, text, word, label)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Spoke with Marisol Ortega, who gives the injections at home.", "Marisol Ortega"),
        ("Please ask Dr Tamsin Webb to taper the dose.", "Tamsin Webb"),
        ("Taper plan agreed with Gareth.", "Gareth"),
    ],
)
def test_people_near_drug_words_stay(ner, text, word):
    assert word in _tagged(ner, text, word, "PERSON")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Avoid energy drinks and sodas like Dr Pepper after noon.", "Pepper"),
        ("Low-salt seasoning such as Mrs Dash is allowed.", "Dash"),
    ],
)
def test_title_brands_are_no_person(found, text, word):
    assert not any(word in v for v in _values(found, text, ("PERSON",)))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Cover: Daman 3-1187-55022-04 (enhanced).", False),
        ("Insurer Daman member no. 3118755022 on file.", False),
        ("Moved to Daman in 2019 with her son.", True),
    ],
)
def test_insurer_before_member_number_is_no_town(ner, text, kept):
    s = text.index("Daman")
    hit = SimpleNamespace(start=s, end=s + 5, tier=WORDLIKE)
    assert bool(_city_results(ner, text, [hit])) is kept


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Seen by Dr Pepper in the cardiology clinic today.", "Pepper", ("PERSON",)),
        ("Follow-up with Dr. Dash regarding the biopsy.", "Dash", ("PERSON",)),
        ("Moved to Daman last spring with her son.", "Daman", ("LOCATION",)),
    ],
)
def test_look_alikes_stay_phi(found, text, value, types):
    assert value in _values(found, text, types)


# ---- identifiers and dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Router log: pump gateway MAC a4:5E:60:C2:19:0b, firmware 2.1.", "a4:5E:60:C2:19:0b", ("DEVICE_ID",)),
        ("Paired hub, MAC 00-1B-44-11-3A-B7 registered.", "00-1B-44-11-3A-B7", ("DEVICE_ID",)),
        ("Pacemaker follow-up; home transmitter MBX 5527-1183 replaced.", "MBX 5527-1183", ("DEVICE_ID",)),
        ("Varsity clinic: student no. 30917725, second year.", "30917725", ("ID_NUMBER",)),
        ("GP: Halloran, 5O8-2l4-7731, fax pending.", "5O8-2l4-7731", ("PHONE_NUMBER",)),
        ("Specimen received: O3/l1/2O25 l4:O5\nGlucose 5.2", "O3/l1/2O25 l4:O5", ("DATE_TIME",)),
        # a spaced OCR'd date before its clock is judged on the whole date, not its first group
        ("Drawn O7 / 2l / 2O24 O9:3O by phlebotomy.", "O7 / 2l / 2O24 O9:3O", ("DATE_TIME",)),
        # a faxed record number after unspaced leader dots, or opening with a letter
        ("Chart number ...... 3 1 7 7 0 4 2 9\nWard 6", "3 1 7 7 0 4 2 9", ("MEDICAL_RECORD_NUMBER",)),
        ("MRN . . . . K 4 4 0 9 1 2\nWard 6", "K 4 4 0 9 1 2", ("MEDICAL_RECORD_NUMBER",)),
    ],
)
def test_identifier_and_date_shapes(found, text, value, types):
    assert value in _values(found, text, types)


@pytest.mark.parametrize(
    "text",
    [
        "Telemetry clock 12:30:45:10:20:30 synced.",  # colon-joined numbers without hex letters
        "Transmitter works, replaced battery 2019-2020 season.",  # a year range, not a serial
        "Batch 4l-O22-l9 on the label.",  # swapped letters, but no phone's 3-3-4 shape
        "Student nurse shadowed the 3rd-year resident.",
    ],
)
def test_identifier_look_alikes_stay_text(found, text):
    assert not _values(found, text, ("DEVICE_ID", "PHONE_NUMBER", "ID_NUMBER"))


# ---- names and places -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        # (a chat's login opening a turn is typed as the handle it is; either type is replaced)
        ("#ward7-board\nkeri_m: bed 4 obs stable\ntomas.r: ok, family visiting at 6", "keri_m", ("PERSON", "SOCIAL_HANDLE")),
        ("#ward7-board\nkeri_m: bed 4 obs stable\ntomas.r: ok, family visiting at 6", "tomas.r", ("PERSON", "SOCIAL_HANDLE")),
        ("Aunty Losa: the dialysis got moved again\nmele.f: which unit?\nAunty Losa: the one by the mall",
         "Losa", ("PERSON",)),
        ('Wheeze clinic: Kaya Osei-Lindqvist, goes by "Zee", spacer reviewed.', "Zee", ("PERSON",)),
        ("Discharge letter copied to PCP: Halvard, fax on file.", "Halvard", ("PERSON",)),
        ("Mailing: Box 218, Gleichen, AB T0J 1N0. Asthma.", "Box 218, Gleichen", ("LOCATION",)),
    ],
)
def test_transcript_handles_nicknames_and_boxes(found, text, value, types):
    assert any(value in v for v in _values(found, text, types))


@pytest.mark.parametrize(
    "text",
    [
        "bp: 120/80\nhr: 88\nplan: review in a week",
        "resp: clear\nabdo: soft\nneuro: intact",
        "dx: pneumonia\nrx_plan: amoxicillin\nmeds: none",
        'He goes by "the boss" at work.',
        "PCP: none on file.",
    ],
)
def test_labels_and_quotes_stay_text(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Intake: Pearl Little Elk, lives with her daughter near the river.", "Pearl Little Elk", ("PERSON",)),
        ("Post-op: s/p laparoscopic cholecystectomy 11/14. Wound clean.", "11/14", ("DATE_TIME",)),
        ("Address: P.O. Box 518, Thika, code 01000. Hypertension.", "01000", ("ZIP_CODE",)),
    ],
)
def test_native_given_word_names_operation_dates_and_box_codes(found, text, value, types):
    assert value in _values(found, text, types)


@pytest.mark.parametrize(
    "text",
    [
        "Power 4/5 after laminectomy, grip 5/5 bilaterally.",  # grades, not dates
        "Lumbar laminectomy 3/4 levels planned.",  # a count of levels
        "Box 12 of gloves, code 4471 for the supply room.",  # no P.O. Box, no town
    ],
)
def test_grades_and_supply_codes_stay_text(found, text):
    assert not _values(found, text, ("DATE_TIME", "ZIP_CODE"))


def test_indian_locality_with_its_block_or_stage(found):
    text = "Referral: Savitri Hegde, 78-year-old female from No. 31, 4th Cross, Vijayanagar 2nd Stage, Mysuru 570017."
    assert "No. 31, 4th Cross, Vijayanagar 2nd Stage, Mysuru" in _values(found, text, ("LOCATION",))


def test_grade_after_house_number_stays_text(found):
    assert not _values(found, "Tumour No. 3, Grade II 2nd Stage review.", ("LOCATION",))


def test_audit_log_user(found):
    text = "ACCESS 2026-03-11T08:02:55Z user=tbrennan7 ws=WS-0412 viewed results"
    assert "tbrennan7" in _values(found, text)
    assert not _values(found, "ACCESS 2026-03-11T08:02:55Z user=admin job=7 purge", ("ID_NUMBER",))
