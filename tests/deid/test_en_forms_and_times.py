"""English and language-independent shapes of the sixth round: vehicle identification numbers,
Medicare MBIs, plan and claim numbers, times glued to dates, holiday and ordinal-word dates,
block and numbered-street addresses, towns before a ZIP, padded caps names, surname-and-initial
after a clinician label, Chinese-script handles; each with the look-alikes that must stay."""

from __future__ import annotations

import pytest

from mediscope.deid.recognizers.en_shared_rules import _vin_ok


def test_vin_check_digit():
    assert _vin_ok("1M8GDM9AXKP042788") and _vin_ok("1HGCM82633A004352")
    assert not _vin_ok("1M8GDM9A1KP042788")  # one check digit off
    assert not _vin_ok("ABCDEFGHJKLMNPRST")  # no digits at the end


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("Rear-ended on I-95, VIN 3FADP4BJ7EM102938 per trooper.", "3FADP4BJ7EM102938", "LICENSE_PLATE"),
        ("Tow report lists 1HGCM82633A004352 as the car.", "1HGCM82633A004352", "LICENSE_PLATE"),
        ("肇事车辆车架号：LFV2A21K5G3044871，伤者胸痛。", "LFV2A21K5G3044871", "LICENSE_PLATE"),
        ("Card shows Medicare 7RK3-CW2-HN55 and AARP.", "7RK3-CW2-HN55", "INSURANCE_ID"),
        ("MBI 9AE2XK4TJ37 on file.", "9AE2XK4TJ37", "INSURANCE_ID"),
        ("Member Ruiz, Ana; plan group 552019; copay $20.", "552019", "INSURANCE_ID"),
        ("Claim reference KLM-4410-8821 was paid.", "KLM-4410-8821", "INSURANCE_ID"),
        ("Refund issued; claim ref TXN-4471-0021 closed.", "TXN-4471-0021", "INSURANCE_ID"),
        ("OPD no: OPD/22/77310 - review fasting sugar.", "OPD/22/77310", "MEDICAL_RECORD_NUMBER"),
        ("Hospital Reg. No. KMC/4471/2022, ward 6.", "KMC/4471/2022", "MEDICAL_RECORD_NUMBER"),
    ],
)
def test_identifiers(found, text, value, etype):
    assert (etype, value) in found(text, "en" if etype != "LICENSE_PLATE" or "车" not in text else "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("RESULTED : 07/22/23 18:05\nNa 131", "07/22/23 18:05"),
        ("Arrived 2024-02-03 at 0415 by air.", "2024-02-03 at 0415"),
        ("Seized at 1130 on 9 May, lorazepam given.", "1130 on 9 May"),
        ("Paged at 06:50 on 12/12/2023 about potassium.", "06:50 on 12/12/2023"),
        ("Echo booked Wednesday 7/9 in the morning.", "Wednesday 7/9"),
        ("He fell over Easter 2020 and again at Diwali 2022.", "Easter 2020"),
        ("He fell over Easter 2020 and again at Diwali 2022.", "Diwali 2022"),
        ("the surgery is on the twenty-first of october i think", "twenty-first of october"),
        ("Ward round note 3/14 - afebrile.", "3/14"),
    ],
)
def test_dates_with_times_and_words(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hit by a car near the 600 block of W Roosevelt Rd last night.", "600 block of W Roosevelt Rd"),
        ("Lives at 1802 E 14th St, lives alone.", "1802 E 14th St"),
        ("Address 9 Mill Lane, Stowe 05672, no phone.", "Stowe"),
        ("Address 9 Mill Lane, Stowe 05672, no phone.", "05672"),
        ("Mailing address: 400 Pine Rd, Dalton GA 30720.", "Dalton"),
        ("Returned to Elm Lodge nursing home yesterday.", "Elm Lodge"),
    ],
)
def test_addresses(covered, text, value):
    assert covered(text, value, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PATIENT : ADEYEMI , OLUWASEUN  TUNDE\nHb 9.1", "ADEYEMI , OLUWASEUN  TUNDE"),
        ("Collected from NOVAK , PETRA at 09:00.", "NOVAK , PETRA"),
        ("REQ DR     FERREIRA M\nNa 140", "FERREIRA M"),
        ("Consultant: Mukherjee P", "Mukherjee P"),
        ("Name: Lakshmi Devi   W/o Subramanian R", "Subramanian R"),
        ("Seen pt K.L. on the ward round.", "K.L."),
        ("Yusuf, your blood results are back - please book a call.", "Yusuf"),
    ],
)
def test_form_names(covered, text, value):
    assert covered(text, value, "en")


def test_dictated_phone_number(found):
    text = "Voicemail 2 of 3: please call me back on six one seven, five five five, zero one nine two."
    assert ("PHONE_NUMBER", "six one seven, five five five, zero one nine two") in found(text, "en")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("在抖音@减肥的小胖2020看到说要断碳水，糖尿病能这样吗？", "@减肥的小胖2020"),
        ("我在小红书@协和皮肤科王大夫那里看过，说是湿疹。", "@协和皮肤科王大夫"),
        ("Found you on douyin @儿科李姐 - is the fever normal?", "@儿科李姐"),
    ],
)
def test_chinese_script_handles(found, text, value):
    assert ("SOCIAL_HANDLE", value) in found(text, "auto")


@pytest.mark.parametrize(
    "text",
    [
        "Lymphoma staged by the Lugano classification; Ottawa ankle rules negative.",
        "Miller Fisher syndrome: ophthalmoplegia, ataxia, areflexia.",
        "Email: not monitored. Voicemail (after hours): not monitored.",
        "Sickle cell disease (HbSS) on hydroxyurea; HbSC in the brother.",
        "Syphilis serology negative; Creatinine  1.92 mg/dL H",
        "Monospot negative, Paul-Bunnell test historical; ref range 3-5 (see ref A-12 in the lab manual).",
        "Passport checked. Nationality: Philippines. Country of birth: Brazil.",
        "ankle is swollen, is RICE enough or do we need an x-ray?",
        "To: ward nurse\nHi, the drip is beeping again.",
        "Lot 4471928, group 2 strep, age group 18-25 years, blood group O.",
        "Dose 12/03/2024 150 mg given; next 14/03/2024 150 mg.",
        "Version 10.2 scored 120 on 3/4 of the scale.",
        "Take one two three steps, then rest.",
        "ABC-1234-5678 lab control; 1A2B3C4D5E6F7G8H9 reagent lot.",
        "微博上看到有人说@了我，请问医生布洛芬能和对乙酰氨基酚一起吃吗？",
    ],
)
def test_look_alikes_stay(deider, text):
    spans = deider.analyze_text(text, "auto")
    assert spans == [] or all(s.entity_type == "DATE_TIME" and "/" in text[s.start : s.end] for s in spans), [
        (s.entity_type, text[s.start : s.end]) for s in spans]
