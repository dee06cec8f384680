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
    "text",
    [
        "Heart rate was 104, settling with fluids.",
        "Sodium is 105.",
        "Weight now 102, down from 110.",
    ],
)
def test_plain_values_after_is_are_no_ocr_age(text: str) -> None:
    """The stated-age rule reads only numbers an OCR letter spoils; a plain 100-109 is a measurement."""
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
        "Serial CK 1200 then 800 over two days.",
        "Serial ECG 1400 unchanged from admission.",
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


@pytest.mark.parametrize(
    "text, handle",
    [
        ("ward chat\nsue_rn: bed 4 family asking about visiting\nmarek.b: tell them after two\nsue_rn: ok will do that now", "sue_rn"),
        ("ward chat\nsue_rn: bed 4 family asking about visiting\nmarek.b: tell them after two\nsue_rn: ok will do that now", "marek.b"),
        ("tam7z: is the dressing due today or not\n@ward_clerk: yes at two\ntam7z: thanks will tell her later", "tam7z"),
        ("@charge_rn: who has room 9 tonight?\naroha.t: me, will check on her soon", "aroha.t"),
    ],
)
def test_chat_screen_names_opening_lines(text: str, handle: str) -> None:
    assert handle in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vitals:\nbp: 120/80\nhr2: 88\nspo2: 97%\nspo2: 95% on ra",
        "Labs:\nhba1c: 7.2 today\nldl2: 3.1\nhba1c: 6.9 last year",
        "Notes:\nfollow_up: see in clinic with bloods\nplan_b: stop if rash develops again\nfollow_up: call the family tomorrow",
    ],
)
def test_field_names_are_no_screen_names(text: str) -> None:
    assert not _found(text, "PERSON")


@pytest.mark.parametrize(
    "text, phone",
    [
        ("Daughter asks to be rung at 5 0 3 - 2 7 1 - 4 4 O 8 after six.", "5 0 3 - 2 7 1 - 4 4 O 8"),
        ("Left a message at 504 - 733 - 1296 for the son.", "504 - 733 - 1296"),
        ("Son's number 504 - 733 - 1296 goes to voicemail.", "504 - 733 - 1296"),
        ("pls call me 7l3 55O 2940 after work", "7l3 55O 2940"),
        ("Ph0ne: 8O4 2l7 6631", "8O4 2l7 6631"),
        ("Cell 3l2.88O.4417 (mother)", "3l2.88O.4417"),
    ],
)
def test_spaced_and_ocr_phone_numbers(text: str, phone: str) -> None:
    assert phone in _found(text, "PHONE_NUMBER")


@pytest.mark.parametrize(
    "text",
    [
        "BP 120 - 130 - 140 over three readings",
        "Platelets 2l0 3O0 4000 trend over three days",
        "Lymph 2l0 3O0 4000 cells noted on the scanned film report",
        "Doses 250 - 500 - 1000 mg escalated weekly",
    ],
)
def test_phone_look_alikes(text: str) -> None:
    assert not _found(text, "PHONE_NUMBER")


@pytest.mark.parametrize(
    "text, value, entity",
    [
        ("Mailing addr: 7O9 Cedar Ave, Holyoke, MA O1O4O", "7O9 Cedar Ave", "LOCATION"),
        ("Mailing addr: 7O9 Cedar Ave, Holyoke, MA O1O4O", "O1O4O", "ZIP_CODE"),
        ("Return to 52 Pine St, Kingman AZ 864O1 by mail", "864O1", "ZIP_CODE"),
        ("Domicile: 22 rue des Lilas, app. 7, Laval QC H7N 2K4", "22 rue des Lilas, app. 7", "LOCATION"),
        ("F A X : ( 4 1 5 ) 8 8 2 - 3 O 1 7", "( 4 1 5 ) 8 8 2 - 3 O 1 7", "PHONE_NUMBER"),
        ("Ward list: Mr Kalnins in Bed 7, 96 years, post fall.", "96", "AGE"),
        ("Ward chat: Te Aho (101!!) wants her daughter called", "101", "AGE"),
        ('She said "I\'m ninety-six and nobody tells me what to eat."', "ninety-six", "AGE"),
    ],
)
def test_ocr_addresses_spaced_phones_and_ages(text: str, value: str, entity: str) -> None:
    assert value in _found(text, entity)


@pytest.mark.parametrize(
    "text, entity",
    [
        ("Pain in MA 1OO00 units given", "ZIP_CODE"),
        ("Stage IV, GR l0000 CD 1OO00", "ZIP_CODE"),
        ("Grade l Main St crossing", "LOCATION"),
        ("I'm ninety minutes away from the clinic", "AGE"),
        ("SpO2 dropped (92%!) on the walk test", "AGE"),
    ],
)
def test_ocr_address_and_age_look_alikes(text: str, entity: str) -> None:
    assert not _found(text, entity)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Eligibility check\nMember ID QRT 551208 774\nGroup 0042", "QRT 551208 774"),
        ("Pharmacy moved to 2710 N Broadway, Helena MT.", "2710 N Broadway"),
        ("Client lives at Lot 48, Ali Curung NT 0872 with her aunt.", "Lot 48"),
    ],
)
def test_member_id_blocks_broadway_and_lots(text: str, value: str) -> None:
    assert any(value in f for f in _found(text))


@pytest.mark.parametrize(
    "text, word",
    [
        ("We saw the show on Broadway 3 times last year.", "Broadway"),
        ("Member ID: 12 weeks since renewal", "12 weeks"),
        ("Overflow parking at Lot 3, Main Campus, after 5pm.", "Lot 3, Main"),
    ],
)
def test_member_id_broadway_and_lot_look_alikes(text: str, word: str) -> None:
    assert not any(word in f for f in _found(text))


@pytest.mark.parametrize(
    "text, value",
    [
        ("sis is flying in from spokane tomorrow morning", "spokane"),
        ("we're parked on hwy 2 in kalispell. can someone ring back", "kalispell"),
        ("rm 8 - okonkwo, chest pain, trop pending\nrm 9 - stable, for discharge", "okonkwo"),
        ("bed 12: nakamura (91) confused overnight", "nakamura"),
    ],
)
def test_lower_case_towns_and_ward_spot_names(text: str, value: str) -> None:
    assert value in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "took 2 in march, then 3 in june",
        "came in from casualty at 3 with chest pain",
        "bed 4 - stable, obs fine\nbed 5 - pneumonia, on abx\nrm 6 - warfarin, INR 3",
    ],
)
def test_lower_case_town_and_ward_look_alikes(text: str) -> None:
    assert not _found(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Note: car in bay 2. Visitor Oleksandr says he is the patient's nephew.", "Oleksandr"),
        ("Courier Bartholomew says the parcel was left at reception.", "Bartholomew"),
    ],
)
def test_role_word_before_a_sentence_subject_stays_out(text: str, name: str) -> None:
    found = _found(text, "PERSON")
    assert name in found and not any(f.startswith(("Visitor", "Courier")) for f in found)


@pytest.mark.parametrize(
    "text, town",
    [
        ("Mailing: 9 Oak Hill Rd, W0rcester, MA", "W0rcester"),
        ("lives in Spr1ngfield, IL with her son", "Spr1ngfield"),
    ],
)
def test_town_with_an_ocr_digit_before_its_state(text: str, town: str) -> None:
    assert town in _found(text, "LOCATION")


def test_drug_with_an_ocr_digit_before_a_state_code_stays() -> None:
    assert not _found("Given Vit4min, MA clinic to follow up", "LOCATION")


@pytest.mark.slow
def test_fourteenth_english_development_set(deider):
    """Written blind before this round's rules (90 texts, 365 PHI after its names were labelled one span
    each like the older sets; OCR digits in names, ages, phones and addresses, chat screen names,
    "Last, First" lists, ward hand-overs): 0.865 with the rules before this round, 0.962 after.
    Precision 0.991 -> 0.985 in the thirty-second round: a person's name before a hospital word is the
    facility's now (Kenyatta National Hospital), and "Sanford Bemidji Medical Center" was one such span;
    without it the town gazetteer's Sanford stands alone, twice, and Bemidji (no town it lists) is missed."""
    from pathlib import Path

    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate(load_evalset([Path(__file__).parent / "data" / "dev_en14.jsonl"]), deider)
    assert report.recall >= 0.96, report.missed
    assert report.precision >= 0.98, report.false_positives
    assert report.preservation >= 0.99, report.clobbered
