"""Twenty-fifth round of English recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text (or keep their old span)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestSingaporeBlockAddress:
    """A Singapore housing block: "Blk", the street with its number, the "#floor-unit"; one span."""

    @pytest.mark.parametrize(
        "text, address",
        [
            ("Lives alone at Blk 219 Serangoon Ave 4, #06-118, daughter visits daily.", "Blk 219 Serangoon Ave 4, #06-118"),
            ("Home: Blk 14 Hougang Lorong 3 #02-07", "Blk 14 Hougang Lorong 3 #02-07"),
            ("Address Blk 507B Yishun Ring Rd #10-1442, lift upgraded", "Blk 507B Yishun Ring Rd #10-1442"),
            ("residing at Blk 61 Marine Parade Central #09-33 with her son", "Blk 61 Marine Parade Central #09-33"),
            ("Block 88 Woodlands Crescent #04-210", "Block 88 Woodlands Crescent #04-210"),
        ],
    )
    def test_block_address_found(self, text: str, address: str) -> None:
        assert address in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Block 2 Ward 5 has two beds free",
            "AV Block 2 on the ECG, Mobitz Type II suspected",
            "Block 3 of the trial enrolled 40 patients",
            "Nerve block 2 Lignocaine 1% given",
        ],
    )
    def test_block_look_alikes_stay_text(self, text: str) -> None:
        assert _found(text, "LOCATION") == [], _found(text)


class TestRecordNumberTableColumn:
    """A table whose header names a record-number column: the cell under it in every row is the
    record number, in bar tables and in tables aligned by spaces."""

    def test_bar_table(self) -> None:
        text = ("| Patient | MRN | Ward |\n|---|---|---|\n| Tobias Wren | 71190352 | 4B |\n"
                "| Ines Carvalho | 71190388 | 6A |")
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert "71190352" in found and "71190388" in found, found

    def test_space_aligned_table(self) -> None:
        text = ("Patient           URN        Admitted\nQuill, Harold     U4417208   03/02/2024\n"
                "Marsh, Edie       U4417291   03/02/2024\nOkoro, Ben        4417305    04/02/2024")
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert {"U4417208", "U4417291", "4417305"} <= set(found), found

    @pytest.mark.parametrize(
        "text",
        [
            "| Test | Result | Units |\n|---|---|---|\n| Sodium | 13500 | mmol/L |",
            "MRN  12345678 verified\n55555 units of heparin given",
            "| MRN | Dose |\n|---|---|\n| pending | 25000 IU |",
            "Name          MRN         DOB\nsee attached  (pending)    12/03/1950",
        ],
    )
    def test_no_record_number_column_value(self, text: str) -> None:
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert all(v in ("12345678",) for v in found), found


class TestMarkedSpeakerOnceInChat:
    """A size word or a mark beside a given name opens one line of a chat whose other speakers open
    two or more: the whole label is a speaker's, an app's "[date, time]" stamp before it or not."""

    @pytest.mark.parametrize(
        "text, label",
        [
            ("[5/2/24, 7:01 AM] Nora: dad's INR is 4.1\n[5/2/24, 7:03 AM] Big Sam: skip tonight's warfarin?\n"
             "[5/2/24, 7:04 AM] Nora: clinic said yes", "Big Sam"),
            ("Imogen: he's back from theatre\nLittle Joe: is he awake\nImogen: drowsy but ok", "Little Joe"),
            ("Petra: bloods at 9\nWendell R: I'll drive her\nPetra: thanks", "Wendell R"),
        ],
    )
    def test_label_found(self, text: str, label: str) -> None:
        assert label in _found(text), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Plan A: rest and fluids\nBig Dose: 40 mg once\nPlan A: review in a week",
            "Dx: gout\nBig Toe: swollen and red\nDx: gout flare",
            "Imogen: he's back from theatre\nBig Bed: ordered for him\nImogen: thanks",
        ],
    )
    def test_look_alike_labels_stay_text(self, text: str) -> None:
        found = _found(text, "PERSON")
        assert not any(w in v for v in found for w in ("Dose", "Toe", "Bed")), found


class TestDocumentTitleAfterPatient:
    """"Patient" before a document's title is no cue for a name: "Patient Information Sheet"."""

    @pytest.mark.parametrize(
        "text",
        [
            "Patient Information Leaflet\nRead before taking this medicine.",
            "Patient Registration Form\nName: ____",
            "Patient Discharge Summary\nDiagnosis: CAP",
            "Patient Consent Form signed and scanned.",
        ],
    )
    def test_title_not_a_name(self, text: str) -> None:
        assert _found(text, "PERSON") == [], _found(text)

    def test_name_after_patient_kept(self) -> None:
        assert "Orla Finnegan" in _found("Patient Orla Finnegan reviewed in clinic.")


class TestPriestTitle:
    """"Fr." before a name is a priest's title; "Fr" after a number is a catheter's French size."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Chaplain Fr. Casimir anointed the patient.", "Casimir"),
            ("Family asked for Fr. Okonkwo to visit tonight.", "Okonkwo"),
        ],
    )
    def test_name_found(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Inserted 16 Fr. Foley catheter, clear urine.",
            "Changed to 12 Fr. Coude after failed attempt.",
        ],
    )
    def test_catheter_size_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == [], _found(text)


class TestNumbersWrittenApart:
    """Phone, social security and accession numbers with spacing a plain shape misses."""

    @pytest.mark.parametrize(
        "text, value, entity",
        [
            ("Please fax to (646) 555 – 0142 before noon.", "(646) 555 – 0142", "PHONE_NUMBER"),
            ("Cell (303) 555 - 7781, leave a message", "(303) 555 - 7781", "PHONE_NUMBER"),
            ("SSN: 6 1 4  2 2  7 0 3 5 on file", "6 1 4  2 2  7 0 3 5", "US_SSN"),
            ("ACC#: LB 4471 2290  Collected 09:10", "LB 4471 2290", "MEDICAL_RECORD_NUMBER"),
        ],
    )
    def test_value_found(self, text: str, value: str, entity: str) -> None:
        assert value in _found(text, entity), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Titrate (250) 500 - 1000 mg as tolerated",
            "Scores 1 2 3  4 4  1 9 0 8 across the nine items",
            "Per ACC/AHA 2022 guideline, start statin.",
        ],
    )
    def test_look_alikes_stay(self, text: str) -> None:
        found = [v for v in _found(text) if any(ch.isdigit() for ch in v)]
        assert found == [] or all("2022" == v for v in found), found


class TestDayOfMonthWithThe:
    """"on the 16th": the day of this month, with a result or a verb after it (and, since the thirtieth
    round, with its article)."""

    @pytest.mark.parametrize(
        "text, date",
        [
            ("Echo on the 11th unremarkable, repeat in a year.", "the 11th"),
            ("Swab taken on the 2nd but lost in transit.", "the 2nd"),
            ("Her MRI on the 23rd showed no change.", "the 23rd"),
        ],
    )
    def test_day_found(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Weight on the 16th percentile for age.",
            "Pain worst on the 2nd day after surgery.",
            "Attempted for the 3rd time without success.",
            "Lives on the 4th floor, no lift.",
        ],
    )
    def test_ordinal_not_a_date(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == [], _found(text)


class TestCapitalisedAuntUncle:
    """A capitalised aunt or uncle before a given name: the name is the person's, the kin word not."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Lift home arranged with Uncle Teodor after discharge.", "Teodor"),
            ("Aunt Philippa holds the spare key.", "Philippa"),
            ("Lives with Auntie Marisol and two cousins.", "Marisol"),
        ],
    )
    def test_name_found(self, text: str, name: str) -> None:
        found = _found(text, "PERSON")
        assert name in found, found
        assert not any("Uncle" in v or "Aunt" in v for v in found), found


class TestLoneGivenNameSubject:
    """A listed given name alone opening a sentence, doing what a patient does: a person."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Mildred declined lunch, ate toast later.", "Mildred"),
            ("Obs stable. Euphemia refused the hoist.", "Euphemia"),
            ("Night report\nHarriet vomited twice after midnight.", "Harriet"),
        ],
    )
    def test_name_found(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Allegra was given for the itch.",
            "Metformin refused by pharmacy, needs prior auth.",
            "Patient refused breakfast.",
            "Nursing staff reported no concerns.",
        ],
    )
    def test_not_a_name(self, text: str) -> None:
        assert _found(text, "PERSON") == [], _found(text)


class TestLogsCasesAndShortHandles:
    """An access log's user and record, a pathology case number after its heading, and a platform's
    handle made of short letter groups joined by an underscore."""

    @pytest.mark.parametrize(
        "text, value, entity",
        [
            ("Audit trail: user mfarouk2 accessed record 61009284 at 03:12.", "mfarouk2", "SOCIAL_HANDLE"),
            ("Audit trail: user mfarouk2 accessed record 61009284 at 03:12.", "61009284", "MEDICAL_RECORD_NUMBER"),
            ("user t.oyelaran viewed chart 7730021 without a care relationship", "t.oyelaran", "SOCIAL_HANDLE"),
            ("HISTOPATHOLOGY SP23-44120\nMacroscopy: ellipse of skin", "SP23-44120", "MEDICAL_RECORD_NUMBER"),
            ("Cytology case: CY24-0913, FNA thyroid", "CY24-0913", "MEDICAL_RECORD_NUMBER"),
            ("Family reachable on WeChat lq_hz2001 after 8pm.", "lq_hz2001", "SOCIAL_HANDLE"),
        ],
    )
    def test_value_found(self, text: str, value: str, entity: str) -> None:
        assert value in _found(text, entity), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Biopsy T12-L1 level, no malignancy.",
            "Specimen S1-S2 junction sampled.",
            "Nurse accessed record 2 times during the shift.",
            "The user logged out at 14:00.",
            "Asked about WeChat at 10am.",
        ],
    )
    def test_look_alikes_stay(self, text: str) -> None:
        found = [v for v in _found(text) if not any(ch == ":" for ch in v)]
        assert found == [], found


class TestCycleLogDates:
    """Two or more lines opening with a treatment cycle's label and a month and day: a dated log."""

    def test_log_dates_found(self) -> None:
        text = "Oncology log\nC1 2/6 FOLFOX started\nC2 2/20 dose reduced 20%\nC3 3/6 held, platelets 61"
        found = _found(text, "DATE_TIME")
        assert {"2/6", "2/20", "3/6"} <= set(found), found

    @pytest.mark.parametrize(
        "text",
        [
            "Power:\nC5 5/5\nC6 4/5\nC7 5/5",
            "C6 3/5 left deltoid\nC7 4/5 triceps",
            "C1 2/6 FOLFOX started",
        ],
    )
    def test_not_a_log(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == [], _found(text)


class TestTitreBeforeDateIsNoTime:
    """A titre's ratio before a full date is no clock time: only the date is a date."""

    @pytest.mark.parametrize(
        "text, date",
        [
            ("ANA 1:40 12/03/2024 positive, speckled", "12/03/2024"),
            ("ANCA titre 1:80 05/06/2023 negative", "05/06/2023"),
            ("dsDNA titer of 1:20 14/02/2024", "14/02/2024"),
        ],
    )
    def test_ratio_stays_out(self, text: str, date: str) -> None:
        found = _found(text, "DATE_TIME")
        assert found == [date], found

    def test_clock_time_still_joined(self) -> None:
        assert "09:44 22/02/2024" in _found("Message received 09:44 22/02/2024 from ward")


class TestDateCommaQuantity:
    """After a date and a comma, a four-digit number is a time only with a time's unit; a quantity stays."""

    @pytest.mark.parametrize(
        "text, date",
        [
            ("Diet plan from 01/02/2024, 1800 kcal daily", "01/02/2024"),
            ("Fluid chart 03/04/2024, 1250 in / 900 out", "03/04/2024"),
            ("Walk test 12/05/2024, 3200 steps", "12/05/2024"),
        ],
    )
    def test_quantity_stays_out(self, text: str, date: str) -> None:
        found = _found(text, "DATE_TIME")
        assert found == [date], found

    @pytest.mark.parametrize(
        "text, stamp",
        [
            ("[14/03/2024, 09:12] Ana: on my way", "14/03/2024, 09:12"),
            ("Reviewed 01/02/2024, 1800 hrs", "01/02/2024, 1800 hrs"),
        ],
    )
    def test_time_after_comma_kept(self, text: str, stamp: str) -> None:
        assert stamp in _found(text, "DATE_TIME"), _found(text)


class TestUrineIsNoUnitRecordLabel:
    """"UR" before a volume is urine output; a unit record number is grouped, long or labelled."""

    @pytest.mark.parametrize(
        "text",
        [
            "Output UR 1500 ml over 24h",
            "UR 450 mL since midnight",
            "Fluid balance: IV 2000, UR 1200",
        ],
    )
    def test_volume_not_a_record_number(self, text: str) -> None:
        assert _found(text, "MEDICAL_RECORD_NUMBER") == [], _found(text)

    @pytest.mark.parametrize(
        "text, value",
        [
            ("UR 552 907, admitted via ED", "552 907"),
            ("URN: 4471 902", "4471 902"),
            ("UR# 3309182", "3309182"),
        ],
    )
    def test_record_number_found(self, text: str, value: str) -> None:
        assert value in _found(text, "MEDICAL_RECORD_NUMBER"), _found(text)


class TestClinicianSyllablesNotEponym:
    """After a clinician's label, "Last, Given-Given" is a romanised name, not an eponym pair."""

    @pytest.mark.parametrize(
        "text",
        [
            "Dr: Guillain, Barre-Like syndrome suspected",
            "Ref Dr: Guillain, Barre-Type illness",
            "Consultant: Kim, Non-Smoker",
        ],
    )
    def test_eponym_or_word_not_a_name(self, text: str) -> None:
        found = _found(text, "PERSON")
        assert not any(w in v for v in found for w in ("Barre", "Smoker", "Guillain")), found

    def test_romanised_name_kept(self) -> None:
        assert "Hsu, Wen-Yi" in _found("Attending: Hsu, Wen-Yi, Arcadia office")


class TestFindingBeforeGivenNameNotSurname:
    """"Pt: Alert, Priya, 93 yo F": a finding before the comma is no surname, even with demographics after."""

    @pytest.mark.parametrize(
        "text",
        [
            "Pt: Alert, Priya, 93 yo F",
            "Pt: Drowsy, Priya, 93 yo F",
            "Patient: Frail, Anneliese, 91 yo F",
            "Pt: Calm, Oluwaseun, 95 yo M",
            "Patient: Well, Priya, DOB 02/02/1930",
        ],
    )
    def test_finding_not_in_name(self, text: str) -> None:
        found = _found(text, "PERSON")
        assert not any("," in v for v in found), found

    def test_real_surname_kept(self) -> None:
        assert "Begay, Lorraine" in _found("Pt: Begay, Lorraine, 93 yo F")


class TestAideBeforeWord:
    """"aide" before a name is a carer's; "Aide Memoire" is a document."""

    @pytest.mark.parametrize("text", ["Aide Memoire attached to the notes", "See the Aide Memoire for dosing"])
    def test_document_not_a_name(self, text: str) -> None:
        assert _found(text, "PERSON") == [], _found(text)

    def test_aide_name_kept(self) -> None:
        assert "Rosalind" in _found("aide Rosalind helped with the shower")


class TestIdLabelCapitalsLookAlikes:
    """The capitals-prefix record value: a label word must stand before it (not "MRN pending")."""

    @pytest.mark.parametrize(
        "text",
        [
            "MRN: CT 2024 11 pending",
            "MRN PENDING 2024",
            "DLCO 78% predicted, CO 4.1",
        ],
    )
    def test_no_record_number(self, text: str) -> None:
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert all(not v.startswith(("CT 2024", "PENDING", "CO")) for v in found), found


class TestUnnumberedStreetAbbreviated:
    """A street with no number after "on"/"at", its suffix abbreviated ("Elm St"), before no capital."""

    @pytest.mark.parametrize(
        "text, street",
        [
            ("Collect from the Walgreens on Birchwood Ave after five.", "Birchwood Ave"),
            ("Found wandering on Larkspur Rd in the rain.", "Larkspur Rd"),
        ],
    )
    def test_street_found(self, text: str, street: str) -> None:
        assert street in _found(text), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Transferred to St Anne ward overnight.",
            "Patient is on St John's wort at home.",
        ],
    )
    def test_saint_not_a_street(self, text: str) -> None:
        found = _found(text, "LOCATION")
        assert not any(v.endswith("St") for v in found), found


class TestRoomAbbreviationNoPlace:
    """"Rm 412" is a ward room, not a place the model names: no span on the abbreviation."""

    @pytest.mark.parametrize(
        "text",
        [
            "Moved to Rm 407 after the fall, bed alarm on.",
            "Ortho | Rm 219 | NBM from midnight",
            "Transferred to Rm 12B overnight.",
        ],
    )
    def test_room_not_a_place(self, text: str) -> None:
        assert _found(text, "LOCATION") == [], _found(text)


class TestCountryNotAPlaceSpan:
    """A country closing an address before its postcode is left in (Safe Harbor; no labelled set marks
    one), and a country is never a person's surname or a sentence's subject name."""

    @pytest.mark.parametrize(
        "text, country",
        [
            ("Blk 77 Bedok South Ave 3, #05-12, Singapore 460077. Fever 3 days.", "Singapore"),
            ("Address: 14 Kirkegata, 4610 Kristiansand, Norway 4610", "Norway"),
        ],
    )
    def test_country_after_address_not_marked(self, text: str, country: str) -> None:
        found = _found(text)
        assert country not in found, found

    @pytest.mark.parametrize(
        "text, country",
        [
            ("She is originally from Poland, lives with her son.", "Poland"),
            ("South Africa was where she trained as a nurse.", "Africa"),
        ],
    )
    def test_country_not_a_person(self, text: str, country: str) -> None:
        found = _found(text, "PERSON")
        assert country not in found, found


@pytest.mark.slow
def test_twentieth_blind_set_english(deider):
    """The twentieth blind set's English texts, opened after its one blind scoring: recall 0.924,
    precision 0.975, preservation 0.987 with the rules before this round; 0.971, 0.981, 0.987 after."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout20.jsonl"]) if i.lang == "en"], deider)
    assert report.recall >= 0.97, report.missed
    assert report.precision >= 0.98, report.false_positives
    assert report.preservation >= 0.98, report.clobbered


@pytest.mark.slow
def test_twenty_first_blind_set_english(deider):
    """The twenty-first blind set's English texts, opened after its one blind scoring: recall 0.913,
    precision 0.991, preservation 0.984 with the rules before this round; 0.965, 0.996, 0.989 after."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout21.jsonl"]) if i.lang == "en"], deider)
    assert report.recall >= 0.96, report.missed
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 0.98, report.clobbered
