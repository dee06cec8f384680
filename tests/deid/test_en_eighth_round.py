"""The eighth round's English shapes, each with look-alikes that must stay text.

Ages over 89 stated in chat about a relative, pagers and extensions, padded and month-year
dates, Australian unit/number and Indian addresses, pinyin districts, cities typed in lower
case, names of South Asian families typed in lower case, surnames with particles or an
apostrophe in form capitals; and the clinical words the NER model reads as people or places:
herbal remedies, device makers and their models, a brand beside its generic, eponym test pairs,
short form labels, a unit after a number.
"""

from __future__ import annotations

import pytest

from mediscope.deid.recognizers.en_addresses import _in_house_ok


def _values(found, text: str, lang: str = "en", types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, lang) if not types or t in types}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("grandpa walter is 93 and still drives to the shops", "93"),
        ("shes 91 now and very frail since the fall", "91"),
        ("At 97 she still walks to church every day.", "97"),
        ("my nan's 95 and has started wandering at night", "95"),
        ("mum is now 90, lives alone with carers twice a day", "90"),
        ("Dad turned ninety-four last week and is off his food.", "ninety-four"),
    ],
)
def test_ages_over_89_in_chat(found, text, age):
    assert ("AGE", age) in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "her sats is 95 on air and pulse is 96 and regular",
        "my dad's heart rate is 92 at rest",
        "she's 95% sure the swelling is better",
        "he is 90 kg and 180 cm tall",
        "At 92 bpm the rhythm was regular.",
    ],
)
def test_measurements_are_no_ages(found, text):
    assert not _values(found, text, types=("AGE",)), text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ortho reg on bleep 3391 overnight.", "3391"),
        ("Call the microbiology lab, ext. 40221, with the result.", "40221"),
        ("Renal fellow: pager #6-2210.", "6-2210"),
        ("Reach the unit on (555) 201-0102 or x4417 after six.", "4417"),
        ("If no answer, page the on-call surgeon at 88412.", "88412"),
    ],
)
def test_pagers_and_extensions(found, text, number):
    assert ("PHONE_NUMBER", number) in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Extension 30 degrees, flexion 95; ext rot limited.",
        "salbutamol x4 doses given; page 2 of 3.",
        "Surgeon paged at 0200 for chest pain.",
        "Bleep test 3 times a week for fitness.",
    ],
)
def test_pager_look_alikes_stay(found, text):
    assert not _values(found, text, types=("PHONE_NUMBER",)), text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB : 04 - 22 - 1950   Sex : M", "04 - 22 - 1950"),
        ("Specimen dated 1949 . 11 . 30 received late.", "1949 . 11 . 30"),
        ("Relapse in 11/2019 after stopping methotrexate.", "11/2019"),
        ("Diagnosed Mar '18 at a routine check.", "Mar '18"),
        ("Started insulin in September (2023) per her GP.", "September (2023)"),
        ("Symptoms began in the autumn of 2021.", "autumn of 2021"),
        ("She had bloods taken on the 3rd.", "the 3rd"),  # the article goes with the day (thirtieth round)
        ("Her MRI is booked for the 21st.", "the 21st"),
        ("Admitted 4-9 March 2024 with pneumonia.", "4-9 March 2024"),
    ],
)
def test_padded_month_year_and_day_dates(found, text, date):
    assert ("DATE_TIME", date) in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "ANA titre at dilution 1/2000 was negative.",
        "Moved to a room on the 3rd floor; succeeded on the 2nd attempt; admitted for the 2nd time.",
        "Firmware v2.2021 installed on the pump.",
        "Vaccine lot EK5730, Exp 12/2025; use by 03/2026.",
        "GOLD 2024 report; a 2020 flare of psoriasis.",
    ],
)
def test_date_look_alikes_stay(found, text):
    assert not _values(found, text, types=("DATE_TIME",)), text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Lives at 7/19 Harbour St, Mosman with her son.", "7/19 Harbour St"),
        ("Address: #45, 2nd Main, Indiranagar, Bengaluru.", "45, 2nd Main, Indiranagar"),
        ("Patient from Plot No. 7, Banjara Colony, Hyderabad.", "Plot No. 7, Banjara Colony"),
        ("Referred from Sector 21, Gurugram for dialysis.", "Sector 21"),
        ("Family lives in Yuzhong District, Chongqing.", "Yuzhong District, Chongqing"),
        ("we moved to fort worth last year and need a gp", "fort worth"),
        ("i live in sacramento, ca and work nights", "sacramento"),
        ("we are at Kothrud West, Pune since june", "Kothrud West"),
        ("yeah she stays with her daughter in mississauga now", "mississauga"),
        ("my name is ada i live at twelve oak street in town", "twelve oak street"),
    ],
)
def test_addresses_and_places(found, text, place):
    """The place is inside one LOCATION span (a rule may take the city after it along)."""
    assert any(t == "LOCATION" and place in v for t, v in found(text, "en")), found(text, "en")


def test_pinyin_district_in_chinese_text(found):
    assert ("LOCATION", "Xuhui District, Shanghai") in found("我家在Xuhui District, Shanghai，最近血压高", "zh")


def test_handle_after_a_chinese_platform(found):
    assert ("SOCIAL_HANDLE", "ks_mumu2020") in found("孩子发烧三天，我的快手号：ks_mumu2020，可以私信", "zh")


@pytest.mark.parametrize(
    "text",
    [
        "Sector 7 of the pharmacy fridge holds vaccines.",
        "Graded No. 3, Grade II on the scale.",
        "The district nurse visits daily; a letter from the district council.",
        "we live in hope that the pain settles; back in march it was worse",
        "i'm in pain and moved to the ward",
        "walked 3 days on the road; 2 tablets by mouth each day",
        "pain in situ; came from work; in vitro; lives in hope; in bed; she walked two blocks down the road",
    ],
)
def test_place_look_alikes_stay(found, text):
    assert not _values(found, text, types=("LOCATION",)), text


def test_indian_house_number_needs_a_locality():
    assert _in_house_ok("H.No. 8-2-293, Jubilee Hills") and _in_house_ok("No. 12, 4th Cross, Malleswaram")
    assert not _in_house_ok("No. 3, Grade II") and not _in_house_ok("#2, Smith")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my husband mahesh has chest pain since morning", "mahesh"),
        ("pt's wife kavitha called about the bill", "kavitha"),
        ("i asked dr verma about the rash", "verma"),
        ("seen by dr Iyengar last week", "Iyengar"),
        ("her doctor is doctor okonjo and nurse kelly", "okonjo"),
        ("voice msg this is maria from apartment 4b 1200 south grand avenue", "1200 south grand avenue"),
        ("Flat 2, 14 Albion Rd, Hove", "Flat 2, 14 Albion Rd"),
        ("Seen by Mr de Souza in clinic.", "de Souza"),
        ("PT: D'SOUZA , PRIYA   AGE: 40", "D'SOUZA , PRIYA"),
        ("Patient: O'REILLY,MAEVE   Ward 3", "O'REILLY,MAEVE"),
        ("Referral for Giulia Rossi-Fontana from the GP.", "Giulia Rossi-Fontana"),
    ],
)
def test_names(covered, text, name):
    assert covered(text, name, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Lipitor/atorvastatin 40 mg; Tegretol (carbamazepine) 200 mg; Keppra = levetiracetam.",
        "Medtronic Azure XT pacemaker and Abbott Navitor valve checked.",
        "Takes Dong quai, Huang qi and St John's wort; Ginkgo biloba stopped.",
        "Vaccine Lot : X99K2 ; Addr: see front sheet.",
        "Yergason and Speed tests positive on the left.",
        "Net balance -0.8 L. Rm air sats 96%.",
        "the doctor said to rest; nurse practitioner saw her; doctor will call",
        "Normal Saline given; Blood Culture sent; Hope Hospital; Faith Community Church.",
        "Your flu jab at Oak Lane Surgery is due.",
    ],
)
def test_products_labels_and_units_are_no_people(found, text):
    assert not _values(found, text, types=("PERSON", "LOCATION")), text


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Reviewed on Feb 3rd, '24 and again on 9 March '24.", "DATE_TIME", "Feb 3rd, '24"),
        ("Hosp no 0098812; Unit No: 4471882.", "MEDICAL_RECORD_NUMBER", "4471882"),
        ("Coverage: Aetna member W884123901, copay $30.", "INSURANCE_ID", "W884123901"),
        ("BCBS ID XKP448812377 on the card.", "INSURANCE_ID", "XKP448812377"),
        ("Payment failed: Visa ending in 4421.", "CREDIT_CARD", "4421"),
        ("Lives at 5 Ocean Pde, Coogee.", "LOCATION", "5 Ocean Pde"),
    ],
)
def test_short_years_unit_numbers_payers_and_card_endings(found, text, entity, value):
    assert (entity, value) in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "a member of staff; unit no. 4 is closed; a member 2 years",
        "ST segments ending in V4; the course ends in 2 weeks.",
    ],
)
def test_member_and_ending_look_alikes_stay(found, text):
    assert not found(text, "en"), text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("she was born on the fifth of march nineteen forty two", "fifth of march nineteen forty two"),
        ("his birthday is june the twenty-first, two thousand and three", "june the twenty-first, two thousand and three"),
        ("appt on 3/4 at 2pm with the nurse", "3/4 at 2pm"),  # the time with the day since the twenty-ninth round
        ("Next appointment: Tues 4th at 10:30.", "Tues 4th"),
        ("On insulin since 2019-03 after the admission.", "2019-03"),
    ],
)
def test_spoken_weekday_and_partial_dates(found, text, date):
    assert ("DATE_TIME", date) in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "in the second of three trials; the first of many; take 1/2 tablet on 1/2 days",
        "she is on 2/7 of antibiotics, day 3/7",
        "Plan: Metformin is a 500 mg tablet; Pneumonia is a 3 day history.",
    ],
)
def test_spoken_and_partial_date_look_alikes_stay(found, text):
    assert not found(text, "en"), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my mother in law shirley is 94", "shirley"),
        ("Nickname: Bubba. Mrs Adeyemi-Cole (known as Shola) attended.", "Shola"),
        ("HPI: Kwabena is a 67 y/o M with pneumonia.", "Kwabena"),
        ("Pt initials J.D., bed 4, for review.", "J.D."),
        ("Bereavement call to Precious Ndlovu this morning.", "Precious Ndlovu"),
        ("Hi Dr Hargreaves, my mum (Abena, 93) ran out of ramipril", "Abena"),
        ("MMR dose 1 given by RN K. Mahe today.", "K. Mahe"),
        ("Sister Mary Kane on shift tonight.", "Mary Kane"),
        ("Dear Mr and Mrs Abara, Chidera's MRI is booked.", "Chidera"),
        ("pt's wife (sunita) says he is confused", "sunita"),
    ],
)
def test_in_law_nickname_and_subject_names(found, text, name):
    assert ("PERSON", name) in found(text, "en")


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("我叫Emily，现在住在Vancouver，孩子发烧三天", "LOCATION", "Vancouver"),
        ("患者男，45岁，来自 Toronto，咳嗽两周", "LOCATION", "Toronto"),
        ("| 2024-03-01 | Okafor, Chidi | CAP |", "PERSON", "Okafor, Chidi"),
        ("Son's mobile 07700 900123 (evenings).", "PHONE_NUMBER", "07700 900123"),
    ],
)
def test_latin_cities_in_chinese_table_names_and_mobiles(found, text, entity, value):
    assert (entity, value) in found(text, "auto")


@pytest.mark.parametrize(
    "text",
    [
        "在Google上查了一下，说是在CT上看得清楚",
        "However, Mark the chart; Troponin, Serial x3 | Repeat, Urgent |",
        "Hb 12.1 | Plt 07700 | WCC 9.8",
    ],
)
def test_latin_city_table_and_mobile_look_alikes_stay(found, text):
    spans = found(text, "auto")
    assert not {v for t, v in spans if t == "PHONE_NUMBER" or "," in v or t == "LOCATION" and v in ("Google", "CT")}, spans


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Age/Sex: 94/F  Ward 7", "AGE", "94"),
        ("her 100th birthday is next week", "AGE", "100"),
        ("SIGNED: DR. A. OKONKWO", "PERSON", "A. OKONKWO"),
        ("ATTENDING: NAKAMURA HIROSHI MD", "PERSON", "NAKAMURA HIROSHI"),
    ],
)
def test_form_ages_birthdays_and_caps_signatures(found, text, entity, value):
    assert (entity, value) in found(text, "en")


def test_percentiles_and_caps_exam_names_stay(found):
    assert not found("Weight on the 95th percentile. CHEST X RAY PA AND LATERAL MD", "en")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Address: 1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0002", "1-2-3 Jingumae"),
        ("Address: 1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0002", "Shibuya-ku"),
        ("Home: Flat B, 12/F, Tower 2, Taikoo Shing", "Flat B, 12/F, Tower 2"),
        ("Moved from Col. Roma Norte last year.", "Col. Roma Norte"),
        ("Lives at Plot 5, Admiralty Way, Lekki.", "Plot 5, Admiralty Way"),
        ("Family home in Kampung Baru, 50300 Kuala Lumpur.", "Kampung Baru"),
    ],
)
def test_addresses_of_other_countries(found, text, place):
    assert any(t == "LOCATION" and place in v for t, v in found(text, "en")), found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Block 4, Grade II; Plot 3 of the graph; the 3/F lift is out.",
        "Urine culture: E. Coli Colony Count >100,000 CFU/mL; Mixed Colony Forming Units seen.",
        "Weight 70 Kg. Height 170 cm.",
        "Sputum: Pseudomonas Layout unclear; The Bagh sign absent.",
    ],
)
def test_block_plot_colony_and_unit_look_alikes_stay(found, text):
    assert not {v for t, v in found(text, "en") if t == "LOCATION"}, text


def test_age_after_a_name_in_brackets(found):
    assert ("AGE", "93") in found("my mum (Abena, 93) ran out of ramipril", "en")


def test_eponyms_owning_a_result_are_no_people(found):
    text = ("Wilson's results; Paget's scan; Meniere's meds; Raynaud's meds; Kawasaki's fever; Sjogren's eyes; "
            "Gilbert's bloods; Tourette's meds; Barrett's surgery; Parkinson's medication; Addison's bloods; Today's results")
    assert not {v for t, v in found(text, "en") if t == "PERSON"}
