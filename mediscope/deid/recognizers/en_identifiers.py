"""English identifier and address rules: record, insurance, account and device numbers, phones,
ages over 89, street addresses, localities, postcodes and towns.

`en_identifier_rules()` interleaves ids and addresses in one ordered list (span conflicts are
resolved by that order), so the list stays whole here with the id validators; the address and
locality shapes and checks it uses live in `en_addresses`.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import lexicon
from mediscope.deid.recognizers.base import Rule, contains_any, has_digit
from mediscope.deid.recognizers.en_addresses import (
    _CORNER_SEEN,
    _CORNER_SIDE,
    _IN_SEGMENT,
    _IN_STATES,
    _LOWER_STREET_SEEN,
    _LOWER_US_STATE,
    _MOUNT_HOSPITALS,
    _OLD_STREET,
    _OLD_STREET_SEEN,
    _PREMISES,
    _TOWN_AND_CODE,
    _UK_LINE,
    _city_state_ok,
    _division_ok,
    _home_town_ok,
    _in_house_ok,
    _locality_after_street_ok,
    _locality_ok,
    _lower_city_ok,
    _lower_street_ok,
    _old_street_ok,
    _premises_ok,
    _school_ok,
    _street_no_number_ok,
    _street_town_ok,
    _town_before_code_ok,
    _town_of_residence_ok,
    _uk_address_ok,
    _unlisted_place_ok,
)
from mediscope.deid.recognizers.en_lexicon import english_words, is_english
from mediscope.deid.recognizers.en_patterns import (
    _AGE_OVER_89_SEEN,
    _AU_STATE,
    _CA_POSTCODE,
    _RECORD_LABEL_SEEN,
    CA_PROVINCES,
    CUE_GAP_EN,
    ID_VALUE,
    OCR_LETTERS,
    US_STATES,
    _digit_and,
    _ocr_phone_ok,
    _ocr_swapped,
    _record_value_ok,
    _residence_ok,
    _seen,
    _street_suffixes,
)
from mediscope.deid.recognizers.en_shared_rules import _MBI, SYSTEM_ACCOUNTS, _gazetteer_city, plate_rules
from mediscope.deid.recognizers.en_vocab import _COMMON_WORDS
from mediscope.deid.types import (
    ACCOUNT_NUMBER,
    AGE,
    CREDIT_CARD,
    DEVICE_ID,
    ID_NUMBER,
    INSURANCE_ID,
    LICENSE_PLATE,
    LOCATION,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PHONE_NUMBER,
    SOCIAL_HANDLE,
    ZIP_CODE,
)

# What opens a transcript's line before a bracketed role and is no one's name ("Plan (nurse):", "Mum (patient):").
_NOT_ROLE_SPEAKERS = frozenset({"plan", "note", "notes", "mum", "mom", "dad", "patient", "nurse", "doctor", "comment", "reply",
                                "update", "review", "summary", "handover", "advice", "question", "answer", "message", "call"})


def _speaker_with_role_ok(value: str) -> bool:
    """The speaker is no everyday word (a role, a heading): "Grace (daughter):" and "Marguerite
    (physio):" are people, "Plan (nurse):" is a heading."""
    first = value.split()[0].split("-")[0].lower()
    return first not in _NOT_ROLE_SPEAKERS and first not in _COMMON_WORDS

def _caps_cantonese_name_ok(value: str) -> bool:
    """A listed Hong Kong, Taiwan or Singapore surname, romanised syllables after it (the Chinese
    rule's test), and at least one of them no English word: "TO BE SEEN" or "CHAN MAN HO" read as
    English first."""
    from mediscope.deid.recognizers.zh_names import _CAPS_NAME_SURNAMES_NOT_PINYIN, _caps_three_word_name_ok

    surname, *given = regex.split(r"[ \-]+", value)
    words = english_words()
    return (surname.lower() in _CAPS_NAME_SURNAMES_NOT_PINYIN and _caps_three_word_name_ok(value, surname)
            and any(not is_english(g.lower(), words) for g in given))

def _no_bare_year(value: str) -> bool:
    return regex.fullmatch(r"(?:19|20)\d\d(?:[\-/](?:19|20)?\d\d)?", value) is None  # "2020", "2024-2025"


def _register_value_ok(value: str) -> bool:
    """A person's number, not a year nor a regulation's (Ontario Reg. 256/24), nor a force and the
    year one served in it ("Service: USAF 2008"), nor a round-the-clock service ("service 24/7")."""
    # (nor a date after "DOD" or "Booking", nor a frequency or hours of a service: 12/03/2024, 3x/week, 24hrs)
    return _no_bare_year(value) and regex.fullmatch(
        r"\d{1,4}/\d{1,2}|[A-Z]{2,4}[ ](?:19|20)\d\d(?:[\-/](?:19|20)?\d\d)?|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
        r"|\d{1,3}x(?:/\w+)?|\d{1,3}(?:hrs?|h|hours?)", value) is None


# Coding systems whose codes look like policy numbers ("ICD-10", "CPT-99214"); standards' codes too for serials.
_CODING_SYSTEMS = ("ICD", "CPT", "DSM", "HCPCS", "SNOMED", "LOINC", "ISO", "NDC")
_CODE_PREFIXES = (*_CODING_SYSTEMS, "HL7", "COVID", "SARS", "IEC", "IEEE")




def _ocr_town_ok(value: str) -> bool:
    """A town with one OCR digit among its letters that reads back as a gazetteer town ("Ch1copee")."""
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    if len(digits) != 1:
        return False
    i = digits[0]
    return any(_gazetteer_city(value[:i] + ch + value[i + 1 :]) for ch in OCR_LETTERS.get(value[i], ""))


def _uk_postcode_ocr_ok(value: str) -> bool:
    """A British postcode with l, I or O where a digit stands (the outward code's first digit or the
    inward code's digit), and a real digit elsewhere: "BS8 lQU", "WV1 4AA" is the plain rule's."""
    out, inward = value.split()
    m = regex.match(r"[A-Z]{1,2}([0-9OIl])", out)
    slots = (m.group(1) if m else "") + inward[0]
    return any(ch in "OIl" for ch in slots) and any(ch.isdigit() for ch in value)


def _garbled_street_ok(value: str) -> bool:
    """A house number with a real digit, and a sign of the scanner: OCR letters in the number or a
    word split in two ("Brunsw ick")."""
    number, rest = value.split(" ", 1)
    return (any(ch.isdigit() for ch in number)
            and (any(ch in "OIlS" for ch in number) or regex.search(r"\p{L}[ ]\p{Ll}{1,5}[ ]", rest) is not None))


def _not_code(value: str) -> bool:
    """A serial, not a coding system's or standard's code ("ICD-10-CM", "IEC-60601")."""
    return not value.upper().startswith(_CODE_PREFIXES)


# Payers written right before their spaced member number (`payer_spaced_id` and its gate).
_SPACED_ID_PAYERS = ("BCBS|UHC|Aetna|Cigna|Humana|Kaiser|Anthem|Molina|Tricare|Medibank|Bupa|Ambetter|Oscar|"
                     "Wellcare|Centene|Highmark|Medicaid")


def _ocr_digits_ok(value: str) -> bool:
    """A number read with OCR's l and O among its digits: some swapped letters, five or more real digits."""
    tail = value.split(" ", 1)[1]
    return any(ch in "Ol" for ch in tail) and sum(ch.isdigit() for ch in tail) >= 5


def _policy_ok(value: str) -> bool:
    """A policy number, not a coding system's code ("ICD-10", "CPT-99214", "DSM-5")."""
    return (not value.upper().startswith(_CODING_SYSTEMS)
            and sum(ch.isdigit() for ch in value) >= 4)


# Who a spelled-out age in brackets belongs to ("my dad (ninety-one)"), and what such a number after
# a vital sign or a quantity is instead ("Pulse (ninety-two)", "tablets (ninety)").
_KIN_BEFORE_AGE = (r"(?i:dad|daddy|mum|mom|mummy|mother|father|nan|nana|nanna|nanny|gran|granny|grandma|grandpa|grandad|"
                   r"granddad|grandmother|grandfather|aunt|auntie|aunty|uncle|husband|wife|partner|pt|patient|resident|"
                   r"he|she|him|her|neighbour|neighbor|friend)")
_MEASURE_BEFORE_AGE = (r"(?i:pulse|weight|wt|height|ht|rate|hr|bp|rr|temp|temperature|sats?|spo2|glucose|bm|sugar|"
                       r"tablets?|tabs?|capsules?|caps|supply|dispense|dose|doses|qty|quantity|count|total|score|volume|"
                       r"minutes|mins|hours|days|weeks|months|seconds|systolic|diastolic|mg|ml|units)")
_OLD_AGE_WORDS = (r"(?i:ninety(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?|"
                  r"(?:one|a)\s+hundred(?:(?:\s+and)?[\s\-](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                  r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)")


def _login_ok(value: str) -> bool:
    """A login ("jmcgreevy", "asmith2") is no English word nor a role ("admin", "system")."""
    low = value.lower().rstrip("0123456789")
    return (len(low) >= 4 and not is_english(low, english_words()) and low not in _COMMON_WORDS
            and low not in ("admin", "system", "sysadmin", "root", "user", "guest", "nurse", "doctor", "clerk"))


# What a device's name starts with: "iphone-mark", "galaxy-tab", "desktop-4kq2".
_DEVICE_PREFIXES = ("iphone", "ipad", "android", "desktop", "laptop", "galaxy", "pixel", "macbook", "surface", "samsung")


def _meeting_sender_ok(value: str) -> bool:
    """A meeting sender with a digit, an underscore or a dot ("rkhan07", "j_ortiz") or a device's
    name ("iphone-mark"); not a hyphenated word ("x-ray", "follow-up", "front-desk")."""
    if any(ch.isdigit() for ch in value) or "_" in value or "." in value:
        return True
    return value.split("-", 1)[0] in _DEVICE_PREFIXES


def _forum_handle_ok(value: str) -> bool:
    """A forum user: a screen name with a dot, an underscore or digits among its letters ("mike_t88",
    "kyle.b.77"), or a run of lower-case letters that is no word ("drsamirk"); not a file or a domain."""
    if regex.search(r"\.(?i:com|net|org|html?|pdf|jpe?g|png|docx?|txt|co|uk|au)$", value):
        return False
    if "." in value or "_" in value:
        return sum(ch.isalpha() for ch in value) >= 3 and not regex.fullmatch(r"[\d.]+", value)
    if any(ch.isdigit() for ch in value):  # "smith2020", not "ward7", "bed12"
        return _login_ok(regex.match(r"[A-Za-z]+", value).group())
    return value.islower() and len(value) >= 5 and value not in _CARE_ROLES and _login_ok(value)


# Care roles a note writes in lower case at a line's start ("physio asked to review"): no forum user.
_CARE_ROLES = frozenset({"physio", "physios", "physiotherapist", "dietitian", "dietician", "pharmacist", "pharmacy",
                         "nurse", "nurses", "doctor", "doctors", "family", "patient", "carer", "carers", "daughter",
                         "son", "wife", "husband", "registrar", "consultant", "surgeon", "social", "resident", "chaplain"})


# One digit said aloud (as calls and dictations give numbers), or a doubled or tripled one.
_ONE_DIGIT_WORD = r"(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_WORD = rf"(?:{_ONE_DIGIT_WORD}|(?i:double|triple)\s+{_ONE_DIGIT_WORD})"
# A state's code and a ZIP: the street rules' address, which types the ZIP on its own.
_STATE_AND_ZIP = regex.compile(r",[ ][A-Z]{2}[ ]+[\dOo]")
def _place_parts_ok(value: str) -> bool:
    """Places only: no house, plot or postal number (an address with one is the street rules', which type
    its ZIP apart), no village label (Vill., the Indian village rule's), nothing that says "no address"."""
    first = value.split(",")[0].strip()
    return (first.lower() not in _NOT_AN_ADDRESS and not _STATE_AND_ZIP.search(value)
            and not regex.search(r"\d(?!(?:st|nd|rd|th)\b)", regex.sub(r"\b\d{1,2}(?:st|nd|rd|th)\b", "", value))
            and not regex.match(r"(?i)(?:vill|village|po|p\.o|house|plot|stand|villa|rd)\b", first))


# What an address field holds when it holds no address.
_NOT_AN_ADDRESS = frozenset({"unknown", "nfa", "n/a", "na", "none", "see above", "as above", "same", "homeless", "no fixed abode",
                             "not given", "declined", "withheld", "tbc", "pending"})


def en_identifier_rules() -> list[Rule]:
    def cue(words: str) -> str:
        return rf"(?:{words})"

    # one pre-test for the two halves of "..., Phoenix 85019" (the town and the ZIP)
    town_zip_seen = _seen(r",\s{1,2}[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)?\s+\d{5}")

    mrn = cue(r"MRN|MR#|MR\s?no\.?|medical record(?:\s+(?:number|no\.?|#))?|chart(?:\s+(?:number|no\.?|#))|"
              r"hospital\s+(?:number|no\.?|id)|patient\s+(?:id|number|no\.?|#)|encounter(?:\s+(?:id|number|no\.?|#))|"
              r"visit\s+(?:id|number|no\.?|#)|accession(?:\s+(?:number|no\.?|#))|specimen\s+(?:id|number)|"
              r"case\s+(?:number|no\.?|#)|admission\s+(?:number|no\.?|#)|record\s+(?:number|no\.?|#)|"
              r"(?-i:IP|OP|IPD|OPD|UHID|CR)\s*(?:no\.?|number|#)|UHID|(?-i:Unit|UNIT)\s+(?:no\.?|number|#)|"
              # an Australian unit record number, its digits in groups: "UR 334 918"
              # (digits in groups, six or more, or after a label; not a urine volume: "UR 1500 ml", "UR 1200")
              r"(?-i:UR|URN)(?=[ ]?(?:(?:no\.?|number|#|:)[ ]?\d{3}|\d{3,4}[ ]\d{3}(?!\d)|\d{6}))"
              r"(?![ ]?(?:no\.?|number|#|:)?[ ]?\d+(?:\.\d+)?[ ]?(?i:ml|l|mls|mmol|cc)\b)|"
              # a laboratory's accession number with its hash: "ACC#: QD 8812 0045"
              r"(?-i:ACC|Acc)[ ]?#")
    ins = cue(r"insurance(?:\s+(?:id|number|no\.?|#|policy))|member\s+(?:id|number|no\.?|#)|"
              r"policy(?:\s+(?:number|no\.?|#|id))|beneficiary(?:\s+(?:number|id|no\.?|#))|"
              r"health\s+plan(?:\s+(?:beneficiary\s+)?(?:id|number|no\.?|#))|medicaid(?:\s+(?:id|number|no\.?|#))|"
              r"medicare(?:\s+(?:id|number|no\.?|#|MBI))|MBI|subscriber\s+(?:id|number)|group\s+(?:number|no\.?|#)|"
              r"claim\s+(?:number|no\.?|#|id|ref(?:erence)?\.?|file)|member|(?-i:policy|Policy)(?=\s+\d[\d/\-]{5,})|"
              # a group plan's member certificate: "Certificate #: 88102475", "Certificate no. 4471 2098"
              r"certificate\s*(?:number|no\.?|#|id)|"
              # Ireland's medical card: "GMS No: 1234567A", "Medical card GL 77120 3"
              r"(?-i:GMS)(?:\s+(?:number|no\.?|#))?|medical\s+card(?:\s+(?:number|no\.?|#))?|"
              # national health schemes of Ghana, Kenya, Nigeria, Zambia, the Philippines: "NHIS: 07218845", "NHIF 8823104"
              r"(?-i:NHIS|NHIF|NHIMA|NHIA|PhilHealth|SHA)(?:\s+(?:number|no\.?|#|id))?|membership(?:\s+(?:number|no\.?|#))?|"
              # a veterans' card: "DVA card VX 401 992 A", "VA file number 12345678"
              r"(?-i:DVA|DVA\s+(?:card|file))|(?-i:VA)\s+file|veterans?\s+(?:card|file)|"
              # a payer's name before the member id: "BCBS ID XYZ123456789", "Aetna W123456789"
              r"(?-i:BCBS|Blue\s+Cross(?:\s+Blue\s+Shield)?|Aetna|Cigna|Humana|UnitedHealthcare|UHC|Kaiser|Anthem|Medicaid|"
              r"Tricare|TRICARE|Molina|Centene|Bupa|BUPA|AXA|Allianz|Medibank|HCF|NIB)(?:\s+(?:member|subscriber))?(?:\s+(?:id|number|no\.?|#))?")
    acct = cue(r"account(?:\s+(?:number|no\.?|#))?|acct\.?|billing\s+(?:number|account)|bank\s+account|"
               r"routing\s+(?:number|no\.?)|IBAN")
    dev = cue(r"device(?:\s+(?:id|serial|number|no\.?|#))|serial(?:\s+(?:number|no\.?|#))?|S/N|SN|IMEI|UDI|"
              r"pacemaker(?:\s+serial)?|implant\s+(?:id|serial)|transmitter(?:\s+(?:id|serial|number|no\.?|#))?|"
              r"(?:sensor|pump|receiver|reader|hub)\s+(?:id|serial)|model\s+(?:number|no\.?)|"
              r"(?:infant|baby|security|hugs|tracking)\s+tag(?:\s+(?:id|number|no\.?|#))?|workstation|terminal(?:\s+id)?")
    plate = cue(r"license\s+plate|licence\s+plate|plate(?:\s+(?:number|no\.?|#))|vehicle\s+(?:registration|plate)|"
                r"(?:car|van|taxi|cab|truck|vehicle|bus)\s+plate|"
                r"registration\s+(?:number|no\.?|plate)|tag\s+number")
    lic = cue(r"driver'?s?\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|DL#?|licen[cs]e\s+(?:number|no\.?|#)|"
              r"passport(?:\s+(?:number|no\.?|#))?|DEA(?:\s+(?:number|no\.?|#))?|NPI|NHS\s+(?:number|no\.?|#)|"
              # a commercial driver's licence and an optometrist's register: "CDL T426-…", "GOC 01-38825"
              r"(?-i:CDL|GOC)(?:\s+(?:no\.?|number|#))?|"
              r"health\s+card(?:\s+(?:number|no\.?|#))?|national\s+insurance(?:\s+(?:number|no\.?))?|(?-i:NHI|CHI|PHN|NINO)|"
              # national ids of other countries: "PPSN 1234567TW", "PAN ABCDE1234F", "Emirates ID 784-…", "NRIC S1234567D"
              r"(?-i:PPSN|PPS|NRIC|CURP|CPF|NIE|PESEL|TFN|IHI|CNIC)|aadhaa?r|emirates\s+id|iqama|"
              r"national\s+id(?:entity)?(?:\s+(?:card|number|no\.?))?|mykad|civil\s+id|"
              # a clinician's own register number on a request form: "Provider No: 4471823B"
              r"(?:provider|prescriber)\s+(?:number|no\.?|#)|"
              # a clinician's register: "GMC 7012345", "AHPRA no MED0001234567"
              r"(?-i:GMC|NMC|HCPC|AHPRA|IMC)(?:\s+(?:reg(?:istration)?|no\.?|number|#))?")
    work_ids = (r"(?:(?i:emp(?:loyee)?(?:\s*(?:id|no\.?|number|#))?|staff\s?(?:no\.?|number|num|#|id)|agent\s?(?:id|no\.?|#)"
                r"|badge\s?(?:no\.?|#)|clock\s+(?:no\.?|number|#)|token\s+no\.?|bill\s+no\.?"
                r"|cert(?:ificate)?\.?\s+no\.?|incident\s+(?:numbers?|no\.?|ref\.?|#)|intake\s+(?:no\.?|number|#)|tenant\s*#"
                r"|prison\s+no\.?|(?:crn/)?offender(?:\s+no\.?)?|inmate(?:\s+(?:no\.?|#))?|prisoner|booking|detainee|payroll"
                r"|(?:battle\s)?roster|nysid|pmkeys|edipi|dod(?:\s+id)?|service|a-number|alien\s+registration|icvp|client\s+(?:no\.?|number|#|ref\.?)|court\s+ref\.?"
                r"|(?:central\s+)?registry\s*#|cent(?:re|er)\s+code|call\s+log|safeguarding\s+log|(?:case\s+)?file|vcat\s+reference"
                r"|reg(?:istration)?\.?(?:\s+no\.?)?|lic(?:ense|ence)?\.?|cert\.)"
                # an ambulance's patient care report and New Zealand's accident insurer's provider: "PCR #: TCE25-031188",
                # "ACC provider R4482"
                r"|(?-i:PCR)\s*#|(?-i:ACC)\s+provider"
                r"|(?-i:TDCJ|DOC|OKDOC|CDCR|BOP|CID|CRN|MHO|CPSO|CPSBC|CPSA|MCNZ|OCP|ACP|GPhC|GDC|KMC|TNMC|LICSW|LCSW|NAATI|CAP)"
                r"(?:\s*(?:no\.?|#|PIN|reg\.?))?)")
    shaped = r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|[A-Za-z]{3,}\d+[A-Za-z0-9]*"
    handle = rf"{shaped}|[a-z]{{5,}}"
    # a note's section label, after which "physio asked", "sarah asked" is the note's text, not a forum's user
    section = (r"(?i:plan|update|updates|impression|assessment|a/p|hpi|history|hx|summary|notes?|progress|subjective|"
               r"objective|comments?|remarks?|issues?|problems?|actions?|outcome|results?|findings|recommendations?|advice|"
               r"discussion|dx|diagnosis|course|events?|overnight|today|ward\s+round|wr|review|mdt|handover|situation|"
               r"background|request|reason|social|sh|family|fh|collateral|nursing|medical|obs|s|o|a|p)")
    return [
        # A forum's or a chat app's user, named by what they did: "posted by mike_t88 · 03-Mar",
        # "sunnyday_88 wrote on Mar 6:", "Forum: bendy_beth posted", "drsamirk replied to jess_92:".
        Rule("handle_forum", SOCIAL_HANDLE,
             rf"(?:(?<=\b(?:(?i:posted|written|shared|asked|answered|replied|comment(?:ed)?|reposted)\s+(?i:by)|(?i:replied|reply)\s+(?i:to)|"
             rf"(?i:reply|replies|response|comment|post)\s+(?i:from))\s+)"
             rf"(?P<phi>{shaped})|(?:(?<=(?:^|\n)[ \t]*)(?P<phi>{handle})|(?<=:[ ][ \t]*)(?:(?P<phi>{shaped})|(?<!\b{section}\s?:[ ][ \t]*)(?P<phi>[a-z]{{5,}})))"
             r"(?=\s+(?i:wrote|posted|replied|commented|reposted|shared|asked)\b))"
             r"(?![\w@]|\.[A-Za-z0-9])",
             0.75, validator=_forum_handle_ok, needs=contains_any("wrote", "post", "replied", "reply", "comment", "shared",
                                                                 "asked", "answered", "written", "response"), flags=0),
        # A meeting chat's sender shown by a device or user name: "09:06 From iphone-mark to Everyone:".
        Rule("meeting_sender_handle", SOCIAL_HANDLE,
             r"(?<=\bFrom[ ])(?P<phi>[a-z][a-z0-9]*(?:[\-_.][a-z0-9]+)+|[a-z]+\d+[a-z0-9]*)(?=[ ]to[ ](?:Everyone|Me)\b)",
             0.75, validator=_meeting_sender_ok, needs=contains_any(" to Everyone", " to Me"), flags=0),
        Rule("mrn_cued", MEDICAL_RECORD_NUMBER, rf"\b{mrn}{CUE_GAP_EN}{ID_VALUE}", 0.95, needs=has_digit),
        # An access log's line: the user's login before what it did, the record's number after
        # "accessed record": "user jsmith4 accessed record 88120034".
        Rule("audit_user", SOCIAL_HANDLE,
             r"\b(?i:user|userid|user\s+id|login)[ \t]+(?P<phi>[a-z][a-z0-9._\-]{1,20}\d[a-z0-9._\-]*|[a-z]+[._][a-z0-9._]+)"
             r"(?=[ \t]+(?i:accessed|viewed|opened|printed|modified|edited|exported|downloaded|logged|signed)\b)",
             0.8, needs=contains_any("accessed", "viewed", "opened", "printed", "modified", "edited", "exported",
                                     "downloaded", "logged", "signed"), flags=0),
        Rule("audit_record", MEDICAL_RECORD_NUMBER,
             r"\b(?i:accessed|viewed|opened|printed|modified|edited|exported|downloaded)[ \t]+(?i:the[ \t]+)?"
             r"(?i:record|chart|file|encounter)[ \t]*#?[ \t]*(?P<phi>[A-Z]{0,3}\d{6,12})(?![\w\-])",
             0.85, needs=_digit_and(r"(?i)(?:record|chart|file|encounter) ?#? ?[A-Z]{0,3}\d{6}"), flags=0),
        # A pathology case number, the lab's letters, the year's two digits and a serial, after the
        # report's heading on its line: "SURGICAL PATHOLOGY S24-08812", "Cytology case: CY23-1140".
        Rule("pathology_case", MEDICAL_RECORD_NUMBER,
             r"\b(?i:pathology|cytology|histology|histopathology|biopsy|specimen|case)\b(?:[ \t]+(?i:report|case|no\.?|number|#))?"
             r"[ \t]*[:#]?[ \t]*(?P<phi>[A-Z]{1,3}\d{2}-\d{3,6})(?![\w\-])",
             0.85, needs=_digit_and(r"[A-Z]\d\d-\d{3}"), flags=0),
        # A faxed form's dotted leader and letter-spaced digits: "MRN . . . . . . 0 0 8 8 1 2 4 7".
        Rule("mrn_dotted_spaced", MEDICAL_RECORD_NUMBER,
             r"\b(?:MRN|MR\s?No|(?i:hosp(?:ital|\.)?\s+(?:number|no)|chart\s+(?:number|no)|medical\s+record(?:\s+(?:number|no))?))\.?"
             r"(?:\s*\.){2,}\s*(?P<phi>[A-Z0-9](?:[ ][A-Z0-9]){4,15})(?![ ]?[\w])", 0.85,
             needs=_digit_and(r"\.\s*[A-Z0-9] [A-Z0-9] [A-Z0-9]"), flags=0),  # dots, then spaced characters
        # (a bare year after a payer is its guideline or formulary: "Kaiser 2020 guideline")
        # A British driving licence number: five letters of the surname (9s pad a short one), the birth
        # date's six digits, two initials, a check digit and two letters (MORGA706152GP9AB).
        Rule("uk_driving_licence", ID_NUMBER, r"(?<![A-Z0-9])(?P<phi>[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2})(?![A-Z0-9])", 0.85,
             needs=_digit_and(r"[A-Z9]{5}\d{6}[A-Z9]{2}\d"), flags=0),
        Rule("insurance_cued", INSURANCE_ID, rf"\b{ins}{CUE_GAP_EN}{ID_VALUE}", 0.95, validator=_no_bare_year, needs=has_digit),
        # A payer's letters before the spaced number: "Member ID: UHC 9120 4478 03", "Subscriber #: BCBS 4471 20981".
        Rule("member_id_payer_prefix", INSURANCE_ID,
             r"\b(?i:member|subscriber|policy|insurance|insured)\s*(?i:id|#|no\.?|number)?\s*[:#]\s*"
             r"(?P<phi>[A-Z]{2,5}[ ]\d{3,}(?:[ ]\d{2,}){1,3})(?![\w\-])", 0.95,
             needs=_digit_and(r"[:#] ?[A-Z]{2,5} \d"), flags=0),
        # A payer's name glued to its spaced member number, with no label: "Coverage BCBS 4410 9327 06",
        # "secondary HUMANA 2201 7719 40". The payer goes in the span (it is part of the id as written);
        # eight or more digits in two or more groups, so "Kaiser 2020 guideline" stays.
        Rule("payer_spaced_id", INSURANCE_ID,
             rf"(?<![\w\-])(?P<phi>(?i:{_SPACED_ID_PAYERS})[ ]"
             r"(?:(?=(?:\d[ ]?){8})\d{3,5}(?:[ ]\d{2,5}){1,3}"
             # or letter-and-digit blocks with hyphens: "BCBS 9H27-XK14-0563"
             r"|(?=(?:[A-Z\-]*\d){6})[A-Z0-9]{3,5}(?:-[A-Z0-9]{3,5}){2,3}))(?![\w\-])", 0.96,  # over insurance_cued's bare number
             needs=_digit_and(rf"(?i)(?:{_SPACED_ID_PAYERS}) [A-Z0-9]{{3}}"), flags=0),
        # An OCR'd form's member number, with l for 1 and O for 0 in the digits (and often in the label):
        # "lnsurance # : YHP 4O9l 22l7", "Member ID: AB 55O2 l9". Five or more real digits.
        Rule("insurance_ocr", INSURANCE_ID,
             r"\b(?i:[il]nsurance|member|policy|subscriber)\s*(?i:id|#|no\.?|number)?\s*[:#]\s*"
             r"(?P<phi>[A-Z]{2,5}[ ][\dOl]{3,5}(?:[ ][\dOl]{2,5}){1,3})(?![\w\-])", 0.85,
             validator=_ocr_digits_ok, needs=_digit_and(r"(?i)(?:nsurance|member|policy|subscriber)[^\n]{0,14}[:#] ?[A-Z]{2}"), flags=0),
        # "policy HMO-5521-88410": a bare "policy" before a lettered, hyphenated number.
        # "Policy: NW-4471-22918", "Insurance JP-4410-88217": the same after a colon, or after the word insurance.
        Rule("policy_bare", INSURANCE_ID,
             r"\b(?i:policy|insurance|insurer|coverage)\s*[:#]?\s*(?P<phi>[A-Z]{2,6}(?:-[A-Z]{2,4})?-\d[\dA-Z]*(?:-[\dA-Z]+){0,3})(?![\w\-])", 0.8,
             validator=_policy_ok, needs=_digit_and(r"(?i)(?:policy|insur\w*|coverage):? ?[A-Z]{2}"), flags=0),
        # A short reference after "Ref": "Ref AB7731.", "Ref: HX2290", "Ref # KT-40112" (two or three
        # capitals and four or more digits, so "ref range", "Ref NG136" guidance codes stay).
        Rule("ref_short_id", MEDICAL_RECORD_NUMBER,
             r"\b(?:Ref|REF|ref)(?:erence|\.)?(?:\s*(?:no\.?|#|:))?\s{1,2}(?P<phi>[A-Z]{2,3}-?\d{4,10})(?![\w\-/]|\.\d)", 0.75,
             needs=_digit_and(r"(?i)ref\S{0,8}\s{1,3}[A-Z]{2,3}-?\d{4}"), flags=0),
        # "hospital number is RBH 7723091": a hospital's letters, a space, then the number.
        Rule("hospital_number", MEDICAL_RECORD_NUMBER,
             r"\b(?i:hospital|hosp\.?|unit|chart|case|record)\s+(?i:number|no\.?|#)\s*(?:(?i:is)\s+|[:#]\s*)?"
             r"(?P<phi>[A-Z]{2,4}[ ]?\d{5,10}|[A-Z]{1,4}\d{1,2}[ ]\d{4,8})(?!\w)", 0.85, needs=_digit_and(r"(?i)(?:number|no\.?|#)"), flags=0),
        # Nigerian, Indian and Ghanaian hospital and registration numbers: the institution's letters,
        # a year or a letter, then the serial ("LUTH/22/0918", "ESUT/26/3318", "MDCN/R/44721",
        # "KBTH/OPD/2291", "KNH/OP/2024/11822"). The shape says so with or without a label.
        Rule("institution_serial", MEDICAL_RECORD_NUMBER,
             r"(?<![\w/\-])(?P<phi>[A-Z]{2,6}(?:/(?:\d{2}|\d{4}|[A-Z]{1,4})){1,2}/\d{3,7}(?:/\d{1,4})?)(?![\w/\-]|\.\d)", 0.8,
             needs=_digit_and(r"[A-Z]{2}/[A-Z0-9]{1,4}/\d"), flags=0),
        # DICOM and HL7 object identifiers: "1.2.840.113619.2.55.3.2831", "2.25.3318…": an ISO OID root
        # and four or more further arcs (a study, series or image of one patient).
        Rule("dicom_uid", ID_NUMBER,
             r"(?<![\d.])(?P<phi>(?:1\.2\.840|1\.2\.826|1\.3\.6\.1|1\.2\.276|1\.2\.392|2\.16\.840|2\.25)(?:\.\d{1,39}){3,})(?![\d.]|\.\d)",
             0.85, needs=_digit_and(r"\b(?:1\.2\.(?:840|826|276|392)|1\.3\.6\.1|2\.16\.840|2\.25)\.\d"), flags=0),
        # A Kerala corporation house number and the locality after it: "TC 12/884, Pattom, Thiruvananthapuram".
        Rule("tc_house", LOCATION,
             r"(?P<phi>\bT\.?C\.?\s?\d{1,3}/\d{1,5}[A-Z]?(?:\(\d{1,4}\))?(?:,\s\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}\p{Ll}{2,})?){1,2})",
             0.8, needs=_digit_and(r"\bT\.?C\.? ?\d{1,3}/\d"), flags=0),
        # A room or flat given before the street address: "Room 1412, 45 W 45th St", "Suite 300, 12 Main St".
        Rule("unit_before_street", LOCATION,
             # (and a lettered block: "Block C, 44 Jodhpur Park")
             rf"(?P<phi>\b(?:(?:Room|Rm|Flat|Unit|Suite|Ste|Apt|Apartment)\.?\s?#?\d{{1,5}}[A-Z]?|Block\s[A-Z]))(?=,\s{{1,2}}\d{{1,5}}[A-Za-z]?\s(?:[NSEW]\.?\s)?"
             rf"(?:\p{{Lu}}[\p{{L}}'’\-]*\s|\d{{1,3}}(?:st|nd|rd|th)\s){{1,3}}{_street_suffixes()}\b)",
             0.75, needs=_digit_and(r"(?:\d|Block [A-Z]), \d{1,5}"), flags=0),
        # A pharmacy's prescription number: "Rx #: 6612098", "RX# 6620418", "Script no. 448201",
        # "Prescription number 77120934". "Rx:" alone opens a drug list and stays.
        Rule("rx_number", ID_NUMBER,
             r"\b(?i:rx|script|prescription|erx)\s*(?:#|(?i:no\.?|number|num))\s*[:.]?\s*(?P<phi>[A-Z]{0,3}-?\d{5,12})(?![\w\-/]|\.\d)", 0.85,
             needs=_digit_and(r"(?i)(?:rx|script|prescription)\s*(?:#|no|num)"), flags=0),
        # A pharmacy's number with no sign after Rx, as a profile lists the active ones: "Rx 3308812  sertraline",
        # "Walmart #0341 Rx 4402178, filled". Six digits or more, no unit after (Rx 100 mg is a dose).
        Rule("rx_bare_number", ID_NUMBER,
             r"\b(?:Rx|RX)[ ](?P<phi>\d{6,10})(?![\d.,/]\d|\s*(?i:mg|mcg|ml|units?|tabs?|caps?|g)\b)", 0.8,
             needs=_digit_and(r"R[xX] \d{6}"), flags=0),
        # The numbers a workplace, a prison, a court, a social service or a clinician's college gives one person,
        # under the label the form uses: "Employee # BDA-0217", "Clock no: AF-1129", "Token No.: SDC-0772",
        # "prison no. A7721DP", "TDCJ# 02387716", "MSD client no. MSD 412 774 009", "CPSO #91274", "MCNZ 38811",
        # "LICSW #117294", "reg. 44917", "AZ license PSY-4417". A bare year after the label stays ("file 2024").
        Rule("work_justice_register_id", ID_NUMBER,
             rf"\b{work_ids}(?![A-Za-z]){CUE_GAP_EN}{ID_VALUE}", 0.8, validator=_register_value_ok,
             needs=contains_any("employee", "emp", "clock", "token", "bill", "cert", "incident", "intake", "tenant", "prison",
                                "offender", "inmate", "client", "court", "registry", "centre", "center", "log", "file", "vcat",
                                "tdcj", "doc", "cdcr", "bop", "cid", "crn", "mho", "cpso", "cpsbc", "cpsa", "mcnz", "ocp", "acp",
                                "gphc", "kmc", "tnmc", "licsw", "lcsw", "naati", "cap", "reg", "lic", "staff", "agent", "badge",
                                "booking", "detainee", "payroll", "roster", "nysid", "pmkeys", "edipi", "dod", "service",
                                "a-number", "alien", "icvp", "pcr", "acc", "gdc"), flags=0),
        Rule("account_cued", ACCOUNT_NUMBER, rf"\b{acct}{CUE_GAP_EN}{ID_VALUE}", 0.9, needs=has_digit),
        Rule("device_cued", DEVICE_ID, rf"\b{dev}{CUE_GAP_EN}{ID_VALUE}", 0.9, needs=has_digit),
        # A serial printed in blocks: letters, a run of digits, a check letter ("serial PJN 881204 S",
        # "S/N: MDT 4471902").
        # A bare "serial" is also the adjective of repeated tests ("Serial CK 1200", "Serial ECG 1400"):
        # after it the serial needs six digits or more, which a lab value or a clock time never has.
        Rule("device_serial_blocks", DEVICE_ID,
             r"\b(?:(?i:serial(?:\s+(?:number|no\.?|#)|(?=\s*[:#]))|S/N|SN)\s*[:#]?\s*|(?i:serial)\s+(?=[A-Z]{2,4}[ ]\d{6}))"
             r"(?P<phi>[A-Z]{2,4}[ ]\d{4,10}(?:[ ][A-Z](?![\w'’]))?)(?![\w\-])", 0.85,
             validator=_not_code, needs=_digit_and(r"(?i)serial|S/?N\b"), flags=0),
        # A network card's address ("CPAP modem MAC 3C:71:BF:4A:9E:02"): six pairs of hex digits joined by : or -.
        Rule("mac_address", DEVICE_ID,
             r"(?<![0-9A-Fa-f:\-])(?P<phi>[0-9A-Fa-f]{2}(?P<sep>[:\-])[0-9A-Fa-f]{2}(?:(?P=sep)[0-9A-Fa-f]{2}){4})(?![0-9A-Fa-f:\-])",
             0.9, validator=lambda v: any(ch in "ABCDEFabcdef" for ch in v),  # a clock's 12:30:45 has none
             needs=_seen(r"[0-9A-Fa-f]{2}[:\-][0-9A-Fa-f]{2}[:\-][0-9A-Fa-f]{2}[:\-]"), flags=0),
        # A home monitor's communicator or transmitter, then its serial in two digit blocks:
        # "communicator LCM 8841-0932", "transmitter 5521-8830".
        Rule("communicator_serial", DEVICE_ID,
             r"\b(?i:communicator|transmitter|modem|base\s+station|bedside\s+monitor|home\s+monitor|hub)\s*[:#]?\s+"
             r"(?P<phi>(?:[A-Z]{2,4}[ \-]?)?\d{3,6}-\d{3,6})(?![\w\-])", 0.8,
             needs=_digit_and(r"(?i)(?:communicator|transmitter|modem|station|monitor|hub)\W"), flags=0),
        # The account of an audit log's key=value line: "user=mquintero4 src=172.19.88.241", "login=jdoe.rn".
        Rule("log_user", ID_NUMBER,
             r"(?<![\w.])(?i:user|username|user_name|login|uid|userid|user_id|account)=(?P<phi>[A-Za-z][A-Za-z0-9._\-]{2,30})(?![\w@])",
             0.8, validator=lambda v: v.lower() not in SYSTEM_ACCOUNTS,
             needs=_seen(r"(?i)(?:user|login|uid|account)(?:_?(?:name|id))?="), flags=0),
        # The same account after a label with a colon or a space, as audit trails and portals print it:
        # "USER: rpatel3 (Patel, Ravi)", "username billie.osei70". A login holds a digit, a dot, _ or -.
        Rule("labelled_username", SOCIAL_HANDLE,
             r"(?<![\w.])(?i:username|user[ ]name|user[ ]?id|login(?:[ ]id)?|user)[ \t]*:?[ \t]+(?P<phi>[a-z][a-z0-9._\-]{2,30})(?![\w@])",
             0.75, validator=lambda v: v not in SYSTEM_ACCOUNTS and any(ch.isdigit() or ch in "._-" for ch in v.strip("._-")),
             needs=_seen(r"(?i)(?:user|login)"), flags=0),
        # A student's number: "student no. 21458903", "Student ID: S2291045".
        Rule("student_number", ID_NUMBER,
             r"\b(?i:student)\s*(?i:no\.?|number|num|id|#)\s*[:#.]?\s*(?P<phi>[A-Z]{0,2}\d{6,10})(?![\w\-])", 0.85,
             needs=_digit_and(r"(?i)student\s*(?:no|num|id|#)"), flags=0),
        # A worn device named, then its serial in letter-and-digit blocks: "insulin pen NP-88K4",
        # "CGM sensor G7-Q4X9-2LT", "CGM LX3-4H8P". The hyphen and a letter-digit mix mark a serial,
        # so "Dexcom G7", "pump 2-3 times" and "pen 10 units" stay.
        Rule("worn_device_serial", DEVICE_ID,
             r"\b(?i:CGM|pen|sensor|pump|transmitter|glucometer|meter|monitor|reader|hub|nebuli[sz]er|inhaler|device|"
             r"hearing\s+aid|implant|stimulator|concentrator)(?:\s+(?i:sensor|serial|unit|device))?\s*[:#]?\s+"
             r"(?P<phi>(?=(?:[A-Z\-]*\d){3})(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]{1,5}(?:-[A-Z0-9]{2,6}){0,2}-[A-Z0-9]{2,10})(?![\w\-])", 0.8,
             validator=_not_code, needs=_digit_and(r"[A-Z][A-Z0-9]{0,4}-[A-Z0-9]{2}"), flags=0),
        Rule("plate_cued", LICENSE_PLATE,
             rf"\b(?i:{plate}){CUE_GAP_EN}(?P<phi>(?=[A-Z0-9\- •·]*\d)[A-Z0-9]{{1,8}}(?:[ \-•·][A-Z0-9]{{1,7}}){{0,2}})(?![A-Za-z0-9])",
             0.9, flags=0),
        # A house number, a direction and a street's name with no street word, then the flat: "2250 West Fulton,
        # apartment 3R" (the flat says it is a home's address)
        Rule("street_with_flat", LOCATION,
             r"(?<![\w/.\-])(?P<phi>\d{1,6}[ ](?:North|South|East|West|[NSEW]\.?)[ ]"
             r"(?!(?:Ward|Wing|Block|Tower|Building|Floor|Unit|Campus|Side)\b)\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+)?,?[ ]"
             r"(?i:apartment|apt\.?|unit|suite|flat)[ ]?#?[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,3})?)(?![\w\-])", 0.8,
             needs=contains_any("apartment", "apt", "unit", "suite", "flat"), flags=0),
        # A plate with its state after it in brackets, as a crash report lists the vehicles: "Unit 1: DKR 4412 (MI)".
        Rule("plate_with_state", LICENSE_PLATE,
             r"(?<![\w\-])(?P<phi>(?=[A-Z0-9 \-]*\d)(?=[A-Z0-9 \-]*[A-Z])[A-Z0-9]{2,4}[ \-][A-Z0-9]{3,4})[ ]\((?:" + US_STATES + r")\)",
             0.8, needs=has_digit, flags=0),
        Rule("license_cued", ID_NUMBER, rf"\b{lic}{CUE_GAP_EN}{ID_VALUE}", 0.9, needs=has_digit),
        # A police reference, letters and all: "Police ref CAD 4471", "police incident no. 2024/118832".
        Rule("police_ref", ID_NUMBER,
             r"\b(?i:police)\s+(?i:ref(?:erence)?|incident|case|report|log)\.?\s*(?:(?i:no\.?|number|#)\s*)?:?\s*"
             # (not a date: "Police report 12/03/2024 filed" is the report's date)
             r"(?!(?:[0-3]?\d)[/\-](?:[0-3]?\d)[/\-](?:\d{4}|\d{2})(?![\w/]))"
             r"(?P<phi>(?:[A-Z]{1,4}[ \-/]?)?\d[\d\-/]{2,15}\d)(?![\w/])",
             0.85, needs=contains_any("police"), flags=0),
        # An ambulance run or a dispatch incident number: "Run # 26-031877", "INC 2603-0091", "PCR #: 88120".
        # (a digit run with a dash or five digits and more: not "Run 2 laps", "INC 3")
        Rule("ems_run_number", ID_NUMBER,
             r"\b(?:(?:[Rr]un|RUN|[Ii]ncident|INCIDENT|PCR|CAD|[Dd]ispatch)\s*(?:#|[Nn]o\.?|[Nn]umber)|INC|CAD)\s*[:#]?\s*"
             r"(?P<phi>\d{2,6}-\d{3,8}|\d{5,12})(?![\w\-/])", 0.85, needs=has_digit, flags=0),
        # A Hong Kong identity card with its check digit in brackets, cued or not: "HKID Y654321(7)", "A123456(A)".
        # (not a lab's letters spaced off a value: "HB 123456(7)", "Hb 123456(7)")
        Rule("hkid", ID_NUMBER, r"(?<![\w/\-])(?:(?<=(?i:hkid|identity\s+card|id\s+card|id)[.:#]?[ ]{1,3})|(?!(?i:hb|na|cr|ca|mg|fe|pt|k)[ ]\d))(?P<phi>[A-Z]{1,2}[ ]?\d{6}[ ]?\([0-9A]\))", 0.9,
             needs=contains_any("("), flags=0),
        # A group or plan number with the payer's letters before it: "Group #: GRP 551902".
        # Its letters spaced off the digits: "Group #: GRP 551902", "DVA card VX 401 992 A".
        Rule("lettered_spaced_id", INSURANCE_ID,
             # and a member id in letter and digit blocks: "Member ID XHA 884217 903"
             r"\b(?:(?i:group|plan|member)\s*(?i:number|no\.?|#|id)|DVA(?:\s+(?i:card|file))?(?:\s+(?i:number|no\.?|#))?)\s*[:#]?\s*"
             r"(?P<phi>[A-Z]{1,5}[ \-]?\d[\d ]{2,14}\d(?:\s[A-Z](?![\w]))?)(?![\w\-])", 0.85,
             needs=_digit_and(r"(?i)(?:group|plan|member)\s*(?:number|no|#|id)|DVA"), flags=0),
        # The login that opened a chart in an audit trail: "opened by jmcgreevy", "accessed by user asmith2".
        Rule("audit_login", PERSON,
             r"\b(?i:opened|accessed|viewed|modified|edited|printed|amended|signed|exported|logged\s+in)\s+(?i:by)\s+"
             r"(?:(?i:user)\s+)?(?P<phi>[a-z][a-z0-9._]{3,19})(?![\w@.])", 0.75, validator=_login_ok,
             needs=contains_any(" by "), flags=0),
        # A transcript's speaker with a role or a relation in brackets: "Marguerite (physio):", "Tomasz (son):".
        Rule("speaker_with_role", PERSON,
             r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?(?P<phi>\p{Lu}\p{Ll}{1,14}(?:[ \-]\p{Lu}\p{Ll}{1,14})?)[ ]?\("
             r"(?i:physio|physiotherapist|nurse|rn|np|dr|doctor|gp|ot|slt|pharmacist|interpreter|carer|caregiver|mum|mom|dad|son|"
             r"daughter|wife|husband|sis|sister|bro|brother|partner|grandma|grandpa|nan|aunt|auntie|uncle|cousin|friend|patient|pt)"
             r"\):", 0.75, validator=_speaker_with_role_ok,
             needs=contains_any("):"), flags=0),
        # A point-of-care device's or a system's operator by login: "Operator: nkosi.t", "User ID: jmcgreevy2".
        Rule("operator_login", PERSON,
             r"\b(?i:operator|operator\s+id|user\s*id|username|entered\s+by|performed\s+by|checked\s+by)\s*[:#]\s*"
             r"(?P<phi>[a-z][a-z0-9]{1,15}(?:[._][a-z0-9]{1,12}){0,2})(?![\w@.])", 0.75,
             validator=lambda v: ("." in v or "_" in v or any(ch.isdigit() for ch in v)) or _login_ok(v),
             needs=contains_any("operator", "user", "entered by", "performed by", "checked by"), flags=0),
        # A named school or the town after a named school or practice: "Roosevelt Middle School",
        # "Whitfield Elementary", "St Mary's Primary, Castlebar" (a child's school places them).
        Rule("school_named", LOCATION,
             r"(?<![\w'’\-])(?P<phi>(?:(?:St|Saint)\.?\s+)?(?:\p{Lu}[\p{L}'’\-]+\s+){1,3}"
             r"(?:(?:Elementary|Primary|Middle|High|Junior|Secondary|Grammar|Infants?|Catholic)(?:\s+School)?|Academy(?!\s+of)|"
             r"Kindergarten|Preschool|Montessori))(?![\w\-])",
             0.86, validator=_school_ok,  # above the NER's PERSON ("Whitfield Elementary")
             needs=contains_any("elementary", "primary", "middle", "high", "junior", "secondary", "grammar", "infant",
                                "catholic", "academy", "kindergarten", "preschool", "montessori"), flags=0),
        Rule("town_after_school_or_practice", LOCATION,
             r"(?<=\b(?:School|Primary|Elementary|Academy|Surgery|Practice|Medical\s+(?:Centre|Center)|Health\s+(?:Centre|Center)),\s{1,3})"
             r"(?P<phi>\p{Lu}\p{Ll}{2,}(?:[\s\-]\p{Lu}\p{Ll}{2,})?)(?![\w\-])",
             0.65, validator=_unlisted_place_ok,
             needs=contains_any("school", "primary", "elementary", "academy", "surgery", "practice", "centre", "center"),
             flags=0),
        # A military base where a veteran served or lives: "Fort Campbell", "Camp Lejeune",
        # "Joint Base Lewis-McChord", "Lackland Air Force Base", "RAF Lakenheath".
        Rule("military_base", LOCATION,
             r"(?<![\w\-])(?P<phi>(?:Fort|Ft\.|Camp|Joint\s+Base|Naval\s+(?:Air\s+)?Station|Marine\s+Corps\s+(?:Base|Air\s+Station)|RAF)"
             r"\s+\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?|\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?\s+(?:Air\s+Force\s+Base|AFB))"
             r"(?![\w\-])",
             0.75, validator=lambda v: v.split()[-1].lower() not in lexicon.CLINICAL_VOCAB_EN and v.split()[-1] not in ("Nursing", "Hospital"),
             needs=contains_any("fort", "ft.", "camp", "base", "station", "raf", "afb"), flags=0),
        # A named building before a room or flat number: "he's at Maple Court room 12".
        Rule("building_before_room", LOCATION,
             r"(?<![\w'’\-])(?P<phi>(?:\p{Lu}\p{Ll}+\s){1,2}(?:Court|House|Lodge|Manor|Gardens|Towers?|Heights|Villas?|Mansions|Grange))"
             r"(?=,?\s+(?i:room|rm|flat|unit|apt|apartment)\.?\s*#?\s*\d)",
             0.7, validator=_residence_ok, needs=_digit_and(r"(?i)(?:room|rm|flat|unit|apt)\.? ?#? ?\d"), flags=0),
        # A capitals name a scan broke over two lines after a title: "Re: MRS. AGNIESZKA\nPIOTROWSKA".
        Rule("title_caps_name_over_lines", PERSON,
             r"(?<=\b(?:MRS|MR|MS|MISS|DR|Mrs|Mr|Ms|Dr)\.?[ ])(?P<phi>\p{Lu}{2,}[ \t]?\n[ \t]?\p{Lu}{2,}(?:-\p{Lu}{2,})?)(?![\w:])",
             0.8, validator=lambda v: not any(is_english(w.lower(), english_words()) or w.lower() in lexicon.CLINICAL_WORDS_EN
                                             for w in v.split()[-1:]),
             needs=contains_any("\n"), flags=0),
        # A town or suburb named after its mount: "Mount Maunganui", "Mt Eden"; the name no English word.
        Rule("mount_town", LOCATION, r"(?<![\w\-])(?P<phi>(?:Mount|Mt\.?)\s\p{Lu}\p{Ll}{3,})(?![\w\-'’])", 0.7,
             validator=lambda v: v.split()[-1].lower() not in _MOUNT_HOSPITALS and _unlisted_place_ok(v.split()[-1]),
             needs=contains_any("mount", "mt"), flags=0),
        # A city after a claim form's CITY box: "CITY Bessemer  STATE AL".
        Rule("form_city_box", LOCATION,
             r"(?<=\b(?:CITY|City)\s*:?\s{1,3})(?P<phi>\p{Lu}[\p{Ll}'’\-]+(?:\s\p{Lu}[\p{Ll}'’\-]+)?|\p{Lu}{3,}(?:\s\p{Lu}{3,})?)"
             r"(?=\s{2,}|\s*$|\s+(?:STATE|State|ST\b|ZIP)|\s*[,;\n])",
             0.7, validator=lambda v: v.split()[0].lower() not in ("of", "state", "zip", "code", "hospital", "council"),
             needs=contains_any("city"), flags=0),
        # A North American number with OCR's O/l/I for 0/1 and no label: "PCP: Reinholt, 6l7-38O-2297".
        # The dashed 3-3-4 shape with at least seven real digits marks it; the area code and the
        # exchange open on a real 2-9 (never 0 or 1, so never O, I or l).
        Rule("phone_ocr_nanp", PHONE_NUMBER,
             # spaces apart only after a call word: "call me 9l5 33O 2871", "Ph0ne: 2l2 4O7 8835" (a whole
             # word: not the "ph" of "Lymph 2l0 3O0 4000" nor the "tel" of "hotel")
             r"(?<![\w\-])(?P<phi>[2-9][0-9OIl]{2}(?P<sep>[\-.]|(?<=\b(?i:call|ph[o0]ne|ph|tel|cell|mobile|mob|number|text|"
             r"contact|fax)\b[^\n\w]{0,3}(?:(?i:me|at|on)[ ])?[2-9][0-9OIl]{2})[ ])[2-9][0-9OIl]{2}(?P=sep)[0-9OIl]{4})(?![\w\-])",
             0.75, validator=lambda v: _ocr_swapped(v, 7) and sum(ch in "OIl" for ch in v) <= 3,
             needs=_seen(r"[OIl0-9]{3}[\-. ][OIl0-9]{3}[\-. ][OIl0-9]{4}"), flags=0),
        # The same 3-3-4 number typed with spaced dashes or letter-spaced by a fax: "337 - 896 - 4102",
        # "6 1 7 - 3 8 0 - 2 2 O 7".
        Rule("phone_spaced_nanp", PHONE_NUMBER,
             r"(?<![\w\-])(?P<phi>[2-9]\d{2}[ ]-[ ][2-9]\d{2}[ ]-[ ]\d{4}"
             r"|(?:[2-9](?:[ ][0-9OIl]){2}[ ]-|\([ ]?[2-9](?:[ ][0-9OIl]){2}[ ]?\))[ ][2-9](?:[ ][0-9OIl]){2}[ ]-[ ][0-9OIl](?:[ ][0-9OIl]){3})(?![\w\-])(?![ ][\-0-9OIl](?![\w]))"
             # "250 - 500 - 1000 mg": a dose ladder (a whole unit word: "… 1296 goes to voicemail" is a phone)
             r"(?!\s*(?:(?i:mg|mcg|micrograms?|ml|units?|iu|g|kg|mmol)\b|%))",
             0.75, validator=lambda v: sum(ch.isdigit() for ch in v) >= 8,
             needs=_seen(r"\d[ ]-[ ][0-9OIl]"), flags=0),
        # The same number, its area code in brackets, a spaced dash before the last four digits (an en
        # dash typed by a word processor reads as one): "(212) 555 – 0188", "(415) 555 - 2210".
        Rule("phone_bracket_spaced_dash", PHONE_NUMBER,
             r"(?<![\w\-])(?P<phi>\([2-9]\d{2}\)[ ]?[2-9]\d{2}[ ]-[ ]\d{4})(?![\w\-])"
             r"(?!\s*(?:(?i:mg|mcg|ml|units?|iu|g|kg|mmol)\b|%))", 0.8,
             needs=_seen(r"\) ?\d{3} - \d{4}"), flags=0),
        # OCR digit swaps after a phone label: "Ph: O3 477 29I8", and S for 5 among them: "TEL: O19O2 3l4 S67".
        Rule("phone_ocr_swapped", PHONE_NUMBER,
             r"\b(?i:ph|tel|phone|mob|mobile|cell|fax)\.?\s*(?i:no\.?|number)?\s*[:#]?\s*"
             r"(?P<phi>\+?[0-9OIl(][0-9OIlS() \-]{6,18}[0-9OIl])(?![\w])",
             0.8, validator=lambda v: _ocr_phone_ok(v) and v.count("S") <= 2, needs=has_digit, flags=0),
        # Labels that are also clinical abbreviations (PAN, SIN, DNI, BSN) count only before their
        # own number's shape: "PAN ABCDE1234F", "SIN 046 454 286", "DNI 12345678Z" (not "DNR/DNI").
        Rule("national_id_shaped", ID_NUMBER,
             r"\b(?:PAN(?:\s+(?:no\.?|number|card))?\s*[:#]?\s*(?P<phi>[A-Z]{5}\d{4}[A-Z])"
             r"|SIN\s*[:#]?\s*(?P<phi>\d{3}[ \-]?\d{3}[ \-]?\d{3})|DNI\s*[:#]?\s*(?P<phi>\d{8}-?[A-Z])"
             r"|BSN\s*[:#]?\s*(?P<phi>\d{9}))(?![\w\-])",
             0.85, needs=_seen(r"\b(?:PAN|SIN|DNI|BSN)\b"), flags=0),
        # Short record labels of lab and ward forms: "Case: S24-2231", "Specimen No. LB-23-009918",
        # "Acc:MB-24-104417", "UR number U3384921". The label alone is common English ("case",
        # "lab"), so the value must look like a record number: capitals and digits, 4+ digits.
        Rule("record_label", MEDICAL_RECORD_NUMBER,
             r"\b(?i:case|specimen|sample|acc(?:ession)?|lab|chart|encounter|visit|requisition|req|order|UR|URN|"
             r"hospital|hosp|episode|admission|wristband(?:\s+scan)?|"
             # "File no 44/2291", "Folder No. 7713/25", "Clinic no 550912": with their "no" only ("card
             # number" is left to the payment and ID rules)
             r"(?:file|folder|clinic|register)(?=\s*(?i:no\.?|number|num|#)))"
             r"(?:\s*(?i:no\.?|number|num|#|id))?\s*[:#.]?\s*"
             r"(?P<phi>(?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{3,24}[A-Z0-9])(?![\w\-/])",
             0.85, validator=_record_value_ok, needs=_RECORD_LABEL_SEEN, flags=0),
        *plate_rules(),
        # Police and EMS give a block, not a house: "2200 block of Mission St".
        Rule("street_block", LOCATION,
             rf"(?<![\w])(?P<phi>\d{{2,6}}\s+block\s+of\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][A-Za-z'\-]*|\d{{1,3}}(?:st|nd|rd|th))\.?\s+){{1,3}}"
             rf"{_street_suffixes()}\.?)(?![A-Za-z])",
             0.85, needs=_seen(r"\bblock\s+of\s"), flags=0),
        # "..., Montpelier 05602-2219", "..., Phoenix 85019": a town and a ZIP after a comma, no state.
        Rule("city_before_zip", LOCATION,
             r"(?<=,\s{1,2})(?P<phi>\p{Lu}\p{Ll}{2,}(?:[ \-]\p{Lu}\p{Ll}+)?)(?=\s+\d{5}(?:-\d{4})?(?![\d\-/]|\.\d))",
             0.7, needs=town_zip_seen, flags=0),
        Rule("zip_after_city", ZIP_CODE,
             r"(?<=,\s{1,2}\p{Lu}\p{Ll}{2,}(?:[ \-]\p{Lu}\p{Ll}+)?\s+)(?P<phi>\d{5}(?:-\d{4})?)(?![\d\-/]|\.\d)",
             0.75, needs=town_zip_seen, flags=0),
        # "Savannah GA 31405": a town before a state code and a ZIP, no comma.
        Rule("city_state_zip", LOCATION,
             rf"(?<![A-Za-z])(?P<phi>[A-Z][a-z]{{2,}}(?:[ \-][A-Z][a-z]+)?)(?=\s+(?:{US_STATES})\s+\d{{5}}(?![\d]))",
             0.7, needs=_digit_and(r"[a-z] [A-Z]{2}\s+\d{5}"), flags=0),
        # The town of an address line named again later in the same text, on its own or naming a
        # clinic: "1420 Elm Drive, Bemidji, MN 56601 … Bemidji Medical Center". No word-like town
        # ("Mobile, AL 36602 … Mobile: 555-0101").
        Rule("town_again", LOCATION,
             rf"(?<![A-Za-z])(?P<town>[A-Z][a-z]{{3,}}(?:[ ][A-Z][a-z]{{3,}})?),?[ ](?:{US_STATES})[ ]{{1,2}}\d{{5}}(?![\d])"
             r"[\s\S]{1,2000}?(?<![\w'’\-])(?P<phi>(?P=town))(?![\w'’\-])",
             0.7, validator=lambda v: not any(is_english(w.lower()) for w in v.split()),
             needs=_digit_and(r"[a-z],?[ ][A-Z]{2}[ ]{1,2}\d{5}"), flags=0),
        # Care homes named in lower case: "Rosewood Court care home", "Willow Bank nursing home".
        Rule("residence_lower", LOCATION,
             r"(?<![\w'’\-])(?P<phi>(?:\p{Lu}[\p{L}'’\-]+\s+){0,2}\p{Lu}[\p{L}'’\-]+)(?=\s+(?:care|nursing|rest|retirement|residential)\s+home\b)",
             0.75, validator=lambda v: _residence_ok(v + " Care Home"), needs=contains_any("care home", "nursing home", "rest home",
                                                                                              "retirement home", "residential home"), flags=0),
        # Dictated phone numbers: "three one two, four four one, eight nine zero six".
        Rule("phone_words", PHONE_NUMBER,
             rf"(?<![\w\-])(?P<phi>(?:{_DIGIT_WORD}[\s,\-]{{1,3}}){{6,14}}{_ONE_DIGIT_WORD})(?![\w\-])",
             0.8, needs=_seen(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|zero|oh)[\s,\-]{1,3}(?:one|two|three|four|five|six|seven|eight|nine|zero|oh)\b")),
        # A record number read out after its cue: "medical record number four four seven two nine one",
        # "MRN is six six two, one nine four" (a dictation has no digit; four to twelve digit words).
        Rule("mrn_words", MEDICAL_RECORD_NUMBER,
             r"\b(?i:mrn|m\.r\.n\.?|(?:medical|hospital|health)\s+record(?:\s+(?:number|no\.?|#))?|record\s+number|"
             r"hospital\s+number|chart\s+number|unit\s+number|patient\s+(?:id|number))(?:\s+(?i:is|of))?[\s:#,]{1,3}"
             rf"(?P<phi>(?:{_DIGIT_WORD}[\s,\-]{{1,3}}){{3,11}}{_ONE_DIGIT_WORD})(?![\w\-])",
             0.85, needs=_seen(r"(?i)\b(?:mrn|m\.r\.n|record|hospital\s+number|chart\s+number|unit\s+number|patient\s+(?:id|number))\b"), flags=0),
        # A number read out on a call with its dashes said ("five two nine dash six one dash three oh eight eight")
        # or a letter spelled first ("W as in whiskey eight eight two four oh oh nine one five"): an SSN, a
        # member id. Seven digit words or more, so a dose or a count read out ("two dash three") stays.
        Rule("spoken_id_words", ID_NUMBER,
             rf"(?<![\w\-])(?P<phi>(?:[A-Za-z][ ]as[ ]in[ ][A-Za-z]+[\s,]+)?(?:{_DIGIT_WORD}(?:[\s,]{{1,3}}|[ ](?i:dash|hyphen)[ ])){{6,14}}"
             rf"{_DIGIT_WORD})(?![\w\-])", 0.8,
             validator=lambda v: " as in " in v or " dash " in v.lower() or " hyphen " in v.lower(),
             needs=_seen(r"(?i)\b(?:dash|hyphen|as in)\b"), flags=0),
        # "Medicare 3HW8JN1YK47", "MBI: 5TQ2KD7NM61": the undashed MBI shape a few words after its cue.
        Rule("mbi_cued", INSURANCE_ID, rf"\b(?i:medicare|MBI|beneficiary)\b[^\n.;]{{0,24}}?(?<![A-Za-z0-9\-])(?P<phi>{_MBI})(?![A-Za-z0-9\-])",
             0.9, needs=_seen(r"(?i)medicare|MBI|beneficiary"), flags=0),
        # "group 117904", "plan group 448812": a bare "group" number, only in text about a plan or member.
        Rule("insurance_group", INSURANCE_ID, r"\b(?i:(?:plan\s+)?group)(?:\s*(?i:no\.?|number|#|id))?\s*[:#]?\s*(?P<phi>[A-Z]{0,3}\d{4,12}|[A-Z]{2,3}[ ]\d{4,12})(?![\w\-/]|\.\d)",
             0.8, needs=_seen(r"(?i)\b(?:member|insur|plan|policy|subscriber|medicaid|medicare|payer|payor|auth|claim)"), flags=0),
        # "claim … ref RX-2291-0047": a bare reference number, only in text about a claim or bill.
        Rule("billing_ref", INSURANCE_ID,
             r"\b(?i:ref(?:erence)?)\.?(?:\s*(?i:no\.?|number|#))?\s*[:#]?\s*"
             r"(?P<phi>(?=[A-Z0-9\-/]*\d)(?=[A-Z0-9\-/]*[A-Z])[A-Z][A-Z0-9]{0,5}[\-/]\d[A-Z0-9\-/]{2,20}[A-Z0-9])(?![\w\-/])",
             0.75, validator=_record_value_ok,
             needs=_seen(r"(?i)\b(?:claim|billing|bill|invoice|payment|refund|reimburse|insur|payer|payor)"), flags=0),
        # "Reg No: RH/0917/2023": a hospital registration number, unless a vehicle is meant.
        Rule("reg_no", MEDICAL_RECORD_NUMBER,
             r"(?<!\b(?i:car|vehicle|vehicle's|car's|van|motor)\s{1,3})\b(?i:reg(?:istration)?)\.?\s*(?i:no\.?|number|#)\s*[:#.]?\s*"
             r"(?P<phi>(?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{3,24}[A-Z0-9])(?![\w\-/])",
             0.8, validator=_record_value_ok, needs=_seen(r"(?i)\breg"), flags=0),
        # An Indian village address: "Vill. Rampur Khas, Dist. Barabanki", "Village Kheri, Tehsil Sadar, District Unnao".
        Rule("village_district", LOCATION,
             r"\b(?:(?:Vill|VILL)\.?|Village(?=\s[^\n,]{2,30},?\s+(?:P\.?\s?O\.?|Post|Teh(?:sil)?\.?|Taluka?|Dist(?:rict)?\.?|Distt\.?)\s))"
             r"\s+(?P<phi>\p{Lu}[\p{L}'’\-]+(?:[ ]\p{Lu}[\p{L}'’\-]+){0,2}"
             r"(?:,?\s+(?:P\.?\s?O\.?|Post|Teh(?:sil)?\.?|Taluka?|Block|Mandal|Dist(?:rict)?\.?|Distt\.?)\s+\p{Lu}[\p{L}'’\-]+(?:[ ]\p{Lu}[\p{L}'’\-]+){0,2}){0,4})",
             0.85, needs=_seen(r"\b(?:Vill|VILL)"), flags=0),
        # A bare "ID" label in capitals ("Member Tyrell Jackson, ID W8829-441-07").
        Rule("id_label", ID_NUMBER, rf"(?<!\b(?i:assay|test|method|reagent|kit|instrument|analy[sz]er|calibrator|control|QC)\s{{1,2}})\bID\b\s*(?:[:#=]\s*)?{ID_VALUE}", 0.75, needs=_seen(r"\bID\b"), flags=0),
        # Portuguese postcodes "1100-053", before or after the town.
        Rule("pt_postcode", ZIP_CODE, r"(?<![\d\-/.])(?P<phi>\d{4}-\d{3})(?=\s+\p{Lu}\p{Ll}+|\s*,)(?![\d\-])", 0.75,
             needs=_digit_and(r"\d{4}-\d{3}"), flags=0),
        Rule("zip_cued", ZIP_CODE,
             r"\b(?:zip(?:\s*code)?|postal\s+code|postcode|post\s+code|PLZ|CEP)[\s:#]*(?:(?:is|was|=)\s+)?"
             r"(?P<phi>\d{5}(?:-\d{4})?|\d{3,4}(?:[ \-]\d{2,3})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\dA-Za-z])",
             0.95, needs=has_digit),
        # UK postcodes in full (outward + inward code, "G12 8QQ", "SW1A 1AA"): the inward part's
        # digit-letter-letter shape makes them specific enough to stand without a cue.
        # A British postcode OCR read with l, I or O for a digit: "Bristo1 BS8 lQU", "LS6 2OT"; and the town
        # before a postcode with an OCR digit among its letters: "Wo1verhampton WV1 4AA".
        Rule("uk_postcode_ocr", ZIP_CODE,
             r"(?<![A-Za-z0-9])(?P<phi>[A-Z]{1,2}[0-9OIl][A-Z0-9]?\s[0-9OIl][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])", 0.75,
             validator=_uk_postcode_ocr_ok,
             needs=_seen(r"[A-Z]{1,2}[0-9OIl][A-Z0-9]? [0-9OIl][A-Z]{2}\b"), flags=0),
        Rule("town_ocr_before_postcode", LOCATION,
             r"(?<![\w\-])(?P<phi>\p{Lu}\p{Ll}*(?:[013458]\p{Ll}+|\p{Ll}{2}[013458])(?:[ ]\p{Lu}\p{Ll}+)?)(?=,?[ ](?:[A-Z]{1,2}[0-9OIl][A-Z0-9]?|[A-Z]{2,3})[ ][0-9OIl])",
             0.75, validator=_ocr_town_ok, needs=_seen(r"[a-z][013458](?:[a-z]|,?[ ][A-Z])"), flags=0),
        # An Australian postcode after its state, OCR read with O or l: "Fitzroy VIC 3O65".
        Rule("au_postcode_ocr", ZIP_CODE,
             r"(?<=\b(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT),?[ ])(?P<phi>[0-9O][0-9OIl]{3})(?![\w\-])", 0.75,
             validator=lambda v: 1 <= sum(ch in "OIl" for ch in v) <= 2,
             needs=_seen(r"\b(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT),? [0-9O][0-9OIl]{3}\b"), flags=0),
        Rule("uk_postcode", ZIP_CODE,
             r"(?<![A-Za-z0-9])(?P<phi>(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]{1,2}\d)\s\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
             0.75, needs=has_digit, flags=0),
        # The lines of a British address before its postcode: "Tŷ Newydd, Llanberis, Gwynedd LL55 4UB",
        # "Flat 2, 9 Heol y Coed, Cardiff CF14 6HR", "Bethesda Surgery, Aberystwyth SY23 1PX". Up to
        # three comma-separated groups of capitalised words (a house number or a flat first) and the
        # post town. It starts after a field, a comma or a place word, never on a title, so "Dr Rhys
        # Llewellyn, Bethesda Surgery, …" keeps the doctor a person.
        Rule("uk_address_lines", LOCATION,
             rf"(?<=(?:^|[\n:;(,]|\b(?i:of|at|to|from|in|address|lives|living|resides?|near))\s{{0,2}})"
             rf"(?!(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev|Sister|Nurse|Re|To|From|Cc|GP|Copy)\b)"
             rf"(?P<phi>(?:{_UK_LINE},\s{{1,2}}){{0,3}}\p{{Lu}}[\p{{L}}'’\-]+(?:[ \-](?:on|upon|under|le|by|\p{{Lu}}[\p{{L}}'’\-]+)){{0,3}})"
             r"(?=,?\s{1,2}(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]{1,2}\d)\s\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9]))",
             0.86, validator=_uk_address_ok, needs=_digit_and(r"[A-Z]\d[A-Z\d]? \d[A-Z]{2}\b"), flags=0),
        # A business or shelter named right before its street address: "Wellness Chemist, 12 Jorissen St",
        # "Hope Mission shelter, 400 E Tyler St", "Bankstown Distribution Centre, 84 Marion St". The
        # street is the other rules'; this names the premises, which identify the place as well.
        Rule("premises_before_street", LOCATION,
             rf"(?P<phi>(?:\p{{Lu}}[\p{{L}}'’\-]+[ ]){{1,3}}(?i:{_PREMISES}))(?=,\s{{1,2}}\d{{1,5}}[A-Za-z]?\s(?:[NSEW]\.?\s)?\p{{Lu}}[\p{{L}}'’\-]+"
             rf"(?:\s\p{{Lu}}[\p{{L}}'’\-]+){{0,2}}\s{_street_suffixes()}\b)",
             0.86, validator=_premises_ok, needs=_digit_and(r", \d{1,5}[A-Za-z]? "), flags=0),
        # A clinic or hospital named after its township: "Clinic Khayelitsha;", "CHC Gugulethu." -
        # a word no dictionary holds, closing the clause (so "Clinic Tuesday", "Clinic Rheumatology" stay).
        Rule("clinic_township", LOCATION,
             r"\b(?:Clinic|Hospital|CHC|PHC|Day\s+Hospital|Health\s+Centre|Health\s+Center|Satellite)\s+"
             r"(?P<phi>\p{Lu}\p{Ll}{3,}(?:[ \-]\p{Lu}\p{Ll}{3,})?)(?=\s*(?:[;,.)]|$|\n))",
             0.7, validator=_unlisted_place_ok, needs=contains_any("clinic", "hospital", "chc", "phc", "centre", "center", "satellite"),
             flags=0),
        # Continental "28009 Madrid", "10122 Torino" after a comma: postcode first, then the city.
        Rule("zip_before_city", ZIP_CODE,
             r"(?<=,\s{0,2})(?P<phi>\d{4,5})(?=\s+\p{Lu}\p{Ll}{2,}(?:[ \-]\p{Lu}\p{Ll}+)?\s*(?:[,.;)]|$))",
             0.8, needs=has_digit, flags=0),
        Rule("city_after_zip", LOCATION,
             r"(?<=,\s{0,2}\d{4,5}(?:-\d{3,4})?\s+)(?P<phi>\p{Lu}\p{Ll}{2,}(?:[ \-]\p{Lu}\p{Ll}+)?)(?=\s*(?:[,.;)]|$))",
             0.75, needs=has_digit, flags=0),
        # A ZIP after a town named as where someone is, with no state: "we r in Phoenix 85009",
        # "he lives in Browning 59417."
        Rule("zip_after_town", ZIP_CODE,
             r"(?<=\b(?i:in|from|near|lives?\s+in|living\s+in|moved\s+to)\s+\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}\p{Ll}{2,})?,?\s)"
             r"(?P<phi>\d{5}(?:-\d{4})?)(?=\s*(?:[,.;)!?\n]|$))",
             0.75, needs=_digit_and(r"[a-z],? \d{5}"), flags=0),
        # Where a person is from, in apposition after name and age: "Mrs Nkosi, 94, from Umlazi,".
        Rule("from_after_age", LOCATION,
             r"(?<=\p{L},\s(?:aged\s)?\d{1,3}(?:\s?(?:y/?o|yrs?|years?(?:\sold)?|[MF]))?,\s(?:from|of)\s)"
             r"(?P<phi>\p{Lu}\p{Ll}{2,}(?:[\s\-]\p{Lu}\p{Ll}{2,})?)(?![\w\-])",
             0.75, validator=_town_of_residence_ok, needs=_digit_and(r"\d, (?:from|of) [A-Z]"), flags=0),
        # A clinic or site given by its place alone on a form or SMS: "Clinic: Manukau."
        Rule("site_place", LOCATION,
             r"(?<=\b(?:Clinic|Location|Site|Venue|Branch|Centre|Center|Practice)\s?:\s{0,2})"
             r"(?P<phi>\p{Lu}\p{Ll}{3,}(?:[\s\-]\p{Lu}\p{Ll}{2,})?)(?=\s*(?:[.,;\n]|$))",
             0.7, validator=_unlisted_place_ok, needs=_seen(r"(?:Clinic|Location|Site|Venue|Branch|Centre|Center|Practice) ?:"),
             flags=0),
        Rule("zip_after_state", ZIP_CODE, r"(?<=\b[A-Z]{2},?\s{1,3}(?:\d{1,2}[a-z]\s{1,2})?)(?P<phi>\d{5}(?:-\d{4})?)(?!\d)", 0.85,
             needs=has_digit, flags=0),
        # A town OCR read with a digit among its letters, before its state: "22 Birch Hollow Rd, Ch1copee, MA".
        Rule("town_ocr_before_state", LOCATION,
             rf"(?<![\w\-])(?P<phi>\p{{Lu}}\p{{Ll}}*[013458]\p{{Ll}}+(?:[ ]\p{{Lu}}\p{{Ll}}+)?)(?=,?[ ](?:{US_STATES})\b)", 0.75,
             validator=_ocr_town_ok, needs=_seen(r"[A-Za-z][013458][a-z]"), flags=0),
        # The same on an OCR'd form, with O for 0 or l for 1: "Tuba City AZ 86O45", "Chicopee, MA O1O2O".
        Rule("zip_ocr_after_state", ZIP_CODE,
             rf"(?<=\p{{Ll}},?\s(?:{US_STATES}),?\s{{1,3}})(?P<phi>[0-9O][0-9OIl]{{4}})(?![\w\-])(?!\s*(?i:units?|mg|ml|iu)\b)", 0.75,
             validator=lambda v: 1 <= sum(ch in "OIl" for ch in v) <= 3 and sum(ch.isdigit() for ch in v) >= 2,
             needs=_seen(r"\b[A-Z]{2},?\s{1,3}[0-9OIl]{5}\b"), flags=0),
        Rule("street_address", LOCATION,
             # "14/88 Beach Rd", "Unit 5/12 Wattle Grove": Australian unit/number before the street
             # (not a clock's minutes: "09:03 From Dr. Osei")
             rf"(?<![\w/])(?<!\d:)(?P<phi>(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?\s*\d{{1,4}}[A-Za-z]?,?\s+)?(?:(?:Unit|Lot|Shop|Villa|Apt)\.?\s*)?(?:\d{{1,4}}[A-Za-z]?/|\d{{2,4}}-(?=\d{{2,4}}[A-Za-z]?\s))?\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:\p{{Lu}}[\p{{L}}0-9'\-]*|\d{{1,3}}(?:st|nd|rd|th))\.?\s+){{1,4}}"
             # (not a word after a street's own abbreviation and its dot: "Division St. Fall from wall")
             rf"(?<!\b(?:St|Rd|Ave|Dr|Blvd|Ln|Ct)\.\s){_street_suffixes()}\.?"
             rf"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|#)\.?\s*#?\s*[A-Za-z0-9\-]+"
             # the unit in chat is often lower case ("Wilshire Blvd unit 1207"): then only with a digit
             rf"|,?\s+(?:apt|apartment|suite|ste|unit|flat)\.?\s*#?\s*(?=[A-Za-z\-]*\d)[A-Za-z0-9\-]+)?)(?![A-Za-z])",
             0.85, needs=has_digit, flags=0),
        # A house number OCR read with O for 0 or l for 1: "3O4 Main St", "l2 Elm Rd".
        Rule("street_ocr_number", LOCATION,
             rf"(?<![\w/])(?P<phi>[1-9lI][0-9OIl]{{0,4}}\s+(?:[NSEW]\.?\s+)?(?:\p{{Lu}}\p{{Ll}}+\s+){{1,3}}{_street_suffixes()}\.?)(?![A-Za-z])",
             0.8, validator=lambda v: any(ch in "OIl" for ch in v.split()[0]) and any(ch.isdigit() for ch in v.split()[0]),
             needs=_seen(r"(?<![\w/])[1-9lI][0-9OIl]{0,4}\s+[A-Z]"), flags=0),
        # An address line a scanner garbled, after an address cue: the house number with OCR letters
        # ("S7 Quecn's Rd", "l2 King St") or the street's name split by a stray space ("88 Brunsw ick St").
        Rule("street_ocr_split", LOCATION,
             r"(?<=\b(?i:addr(?:ess)?\.?|resides\s+at|residing\s+at|lives\s+at|living\s+at|home)\s*:?\s{0,2})"
             rf"(?P<phi>[0-9lIOS][0-9OIlS]{{0,4}}[ ]\p{{Lu}}[\p{{Ll}}'’]*(?:[ ]\p{{Ll}}{{1,5}})?(?:[ ]\p{{Lu}}[\p{{Ll}}'’]*(?:[ ]\p{{Ll}}{{1,5}})?)?[ ]"
             rf"{_street_suffixes()}\.?)(?![A-Za-z])",
             0.75, validator=_garbled_street_ok, needs=contains_any("addr", "resid", "lives", "living", "home"), flags=0),
        # A numbered house, croft or plot before its street or township, after an address cue:
        # "Address House 7, Ring Road East", "lives at Croft 7, Achmore", "Home: Plot 12, Kira Road".
        Rule("numbered_dwelling", LOCATION,
             # (any field's colon will do: "Postal: Croft 9, ..."; a croft is an address with no cue at all)
             r"(?:(?<=\b(?:[Aa]ddress|[Aa]ddr\.?|[Hh]ome|[Aa]t|[Tt]o|[Ll]ives|[Rr]esides|[Ff]rom)\s*:?\s{1,2}|:\s{1,2})|(?=Croft\s))"
             # (a lot only before its town, state and postcode: not "Parking at Lot 3, Main Campus")
             r"(?P<phi>(?:House|Croft|Plot|Compound|Lot(?=\s\d{1,4}[A-Za-z]?,\s{1,2}(?:\p{Lu}\p{Ll}+\s){1,3}[A-Z]{2,3}\s\d{4,5}\b))"
             r"\s+(?:No\.?\s*)?\d{1,4}[A-Za-z]?"
             # the township and up to two places after it: "Croft 9, Leurbost, Lochs"
             r"(?:,\s{1,2}(?:\p{Lu}\p{Ll}+\s){0,3}\p{Lu}\p{Ll}+(?:\s(?:East|West|North|South|Central))?){1,3})"
             # then the field's end, or a state and postcode: "lives at Lot 212, Yuendumu NT 0872"
             r"(?=\s*(?:[,.;\n]|$)|\s[A-Z]{2,3}\s\d{4,5}\b)",
             0.8, needs=contains_any("house", "croft", "plot", "compound", "lot"), flags=0),
        # A numbered Broadway, which takes no street suffix: "1180 W Broadway", "2710 Broadway".
        # Not Broadway the theatre district, with a lower-case noun after it: "saw 2 Broadway shows".
        Rule("broadway", LOCATION, r"(?<![\w/])(?P<phi>\d{1,5}\s+(?:[NSEW]\.?\s+)?Broadway)(?![\w])"
             r"(?![ ](?!(?:in|at|on|near|by|and|or|off|apt|apartment|unit|suite|ste|fl|floor|is|was|from|to|for|with|nr)\b)\p{Ll})", 0.8,
             needs=contains_any("broadway"), flags=0),
        # Townships and divisions named by a letter or number before the place: "Section B, Umlazi",
        # "C 1284 Site B, Khayelitsha", "Kebele 07, Bole", "Zone 4, Tema". The place after the comma
        # must be no common or clinical word ("Section B, Part 2", "Phase 3, Randomised" stay).
        Rule("lettered_division", LOCATION,
             # (not after a numbered stand, "Stand 1234, Zone 5, Soweto": the stand rules hold that)
             r"(?<![\w\-])(?<!\d,[ ])(?P<phi>(?:[A-Z][ ]?\d{1,5}[ ])?(?:Section|Site|Kebele|Zone|Extension|Ext\.)[ ](?:[A-Z]{1,2}|\d{1,3})"
             r",[ ]{1,2}\p{Lu}\p{Ll}{2,}(?:[ ]\p{Lu}\p{Ll}{2,})?)(?![\w\-])", 0.8,
             validator=_division_ok,
             needs=_seen(r"(?:Section|Site|Kebele|Zone|Extension|Ext\.) (?:[A-Z]{1,2}|\d{1,3}),"), flags=0),
        # A street with no number right after an address label: "Address: Ballinrobe Road, Castlebar".
        Rule("cued_unnumbered_street", LOCATION,
             r"(?<=\b(?:[Aa]ddress|ADDRESS|[Aa]ddr\.?|Home)\s*:\s{0,2})"
             r"(?P<phi>(?:\p{Lu}\p{Ll}+\s){1,3}(?:Road|Street|Lane|Avenue|Drive|Crescent|Terrace|Close))(?=\s*,)",
             0.8, needs=contains_any("address", "addr", "home"), flags=0),
        # An unnumbered street and the town after it, with no label: "Knock Road, Claremorris",
        # "Ballinrobe Road, Castlebar" (a numbered one, "1716 Main St, Stockton", is the street rules'
        # with the town beside it). The town must be no English, clinical or common word, so
        # "Harley Street, London" keeps its town to the city rules and "Main Street, Then" stays.
        Rule("street_then_town", LOCATION,
             # the whole run of capitals from its start, unless a cue word opens it ("Lot 7, Ratu Mara Road")
             r"(?<![\w\-])(?<!\d[ ])(?<!\d,[ ])(?:(?<=\b(?:Lives|Living|Lived|Resides|Moved|Address|Home|At|To|From|In|On|Near|"
             r"Off|The|And|Of)[ ])|(?<!\p{Lu}\p{Ll}{0,20}[ ]))"
             r"(?P<phi>(?:(?!(?:Lives|Living|Lived|Resides|Moved|Address|Home|At|To|From|In|On|Near|Off|The|And|Of)\s)"
             r"\p{Lu}\p{Ll}+\s){1,2}(?:Road|Street|Lane|Avenue|Drive|Crescent|Terrace|Close|Rd|St)\.?,"
             r"\s{1,2}\p{Lu}\p{Ll}{3,})(?=\s*(?:[,.;\n]|$))", 0.75,
             validator=_street_town_ok, needs=_seen(r"[a-z] (?:Road|Street|Lane|Avenue|Drive|Crescent|Terrace|Close|Rd|St)\.?, [A-Z]"),
             flags=0),
        # A Scottish or English island: "Isle of Lewis", "Isle of Skye" (the Isle of Man is a country).
        Rule("isle_of", LOCATION, r"(?<![\w\-])(?P<phi>Isle\s+of\s+(?!Man\b)\p{Lu}\p{Ll}+)(?![\w\-])", 0.8,
             needs=contains_any("isle"), flags=0),
        # Northern English and Scottish streets with an old suffix: "9 Kirkgate", "14 Micklegate",
        # "88 Bridge End", "3 Kirk Wynd", "12 Sheep Fold" (the town after the comma is the
        # locality rules' job).
        Rule("street_old_suffix", LOCATION,
             rf"(?<![\w/.,])(?P<phi>(?:(?:Flat|Apt|Unit)\s*\d{{1,4}}[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?\s+{_OLD_STREET})(?=\s*(?:[,.]|\n|$))",
             0.8, validator=_old_street_ok, needs=_OLD_STREET_SEEN, flags=0),
        # ... and the town after it: "9 Kirkgate, Otley", "88 Bridge End, Hebden Bridge".
        Rule("locality_after_old_street", LOCATION,
             rf"(?<=(?<![\w/.,])\d{{1,4}}[A-Za-z]?\s+{_OLD_STREET},\s{{1,2}})(?P<phi>\p{{Lu}}\p{{Ll}}{{2,}}(?:[ \-]\p{{Lu}}\p{{Ll}}+)?)(?![\w'’\-])"
             r"(?!\s+(?:Road|Street|Lane|Avenue|Drive|Hospital|Clinic|Centre|Center|Ward|Unit|Surgery|Practice))",
             0.86, validator=_locality_after_street_ok, needs=_OLD_STREET_SEEN, flags=0),
        # English towns joined by a lower-case particle: "Ross-on-Wye", "Stratford-upon-Avon",
        # "Newcastle-under-Lyme", "Weston-super-Mare", "Chapel-en-le-Frith", "Barrow-in-Furness".
        Rule("hyphen_town", LOCATION,
             r"(?<![\w\-])(?P<phi>\p{Lu}\p{Ll}+(?:['’]s)?(?:-(?:on|upon|under|in|le|la|by|en|super|sub|cum|next|the|de|sur)){1,2}-\p{Lu}\p{Ll}+)(?![\w\-])",
             0.9, needs=_seen(r"[a-z]-(?:on|upon|under|in|le|la|by|en|super|sub|cum|next|the|de|sur)-[A-Za-z]"), flags=0),
        # An Indian PIN code after its state: "Panchkula, Haryana 134113", "Kochi, Kerala - 682 016".
        Rule("in_pin_after_state", ZIP_CODE,
             rf"(?<=\b{_IN_STATES}\s{{0,2}}[,\-–]?\s{{0,2}})(?P<phi>[1-8]\d{{5}}|[1-8]\d{{2}}[ ]\d{{3}})(?![\d\-])",
             0.8, needs=_digit_and(rf"{_IN_STATES}\s{{0,2}}[,\-–]?\s{{0,2}}[1-8]\d\d ?\d\d\d"), flags=0),
        # Voice transcripts and chat: "1200 south grand avenue", "apartment 4b".
        Rule("street_lower", LOCATION,
             r"(?<![\w/.])(?P<phi>(?:(?:apartment|apt\.?|flat|unit)\s*#?\d{1,4}[a-z]?,?\s+)?(?:\d{1,6}[a-z]?|(?:(?:one|two|three|four|five|six|seven|"
             r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
             r"sixty|seventy|eighty|ninety|hundred)[\s\-]?){1,4})\s+(?:(?:n|s|e|w|north|south|east|west)\.?\s+)?"
             r"(?:[a-z][a-z'\-]+\s+){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|court|ct|place|terrace|"
             r"crescent|close|parkway|pkwy|highway|hwy|circle|cir))(?![\w])",
             0.75, validator=_lower_street_ok, needs=_LOWER_STREET_SEEN,
             flags=0),
        Rule("city_state_zip_lower", LOCATION,
             rf"(?<![\w'’\-])(?P<phi>[a-z]{{3,}}(?:\s[a-z]{{3,}})?)(?=,?\s{{1,2}}{_LOWER_US_STATE},?\s{{1,2}}\d{{5}}(?:-\d{{4}})?(?![\w\-/]|\.\d))",
             0.7, validator=_lower_city_ok, needs=_digit_and(r"[a-z],? {1,2}[A-Za-z]{2,}[a-z ]*,? {1,2}\d{5}"), flags=0),
        Rule("zip_after_state_lower", ZIP_CODE,
             rf"(?<=[a-z]{{3}},?\s{{1,2}}{_LOWER_US_STATE},?\s{{1,2}})(?P<phi>\d{{5}}(?:-\d{{4}})?)(?![\w\-/]|\.\d)",
             0.8, needs=_digit_and(r"[a-z],? {1,2}[A-Za-z]{2,}[a-z ]*,? {1,2}\d{5}"), flags=0),
        # The town and state after a lower-case street, with no ZIP: "14 maple ct edison nj", "22 oak st
        # dayton ohio". The street word right before vouches for the place words after it (with a ZIP
        # after them, `city_state_zip_lower` has the town).
        Rule("town_state_after_lower_street", LOCATION,
             rf"(?<=\d{{1,5}}\s(?:\p{{Ll}}+\s){{1,3}}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
             rf"place|pl|terrace|way|circle|cir)\.?,?\s)(?P<phi>\p{{Ll}}{{3,}}(?:\s\p{{Ll}}{{3,}})?,?\s{_LOWER_US_STATE})(?![\w])(?!,?\s*\d{{5}})",
             0.7, validator=_lower_city_ok, needs=_LOWER_STREET_SEEN, flags=0),
        Rule("apartment_lower", LOCATION, r"\b(?P<phi>(?:apartment|apt\.?)\s*#?\d{1,4}[a-z]?)(?![\w])", 0.7,
             needs=contains_any("apartment", "apt"), flags=0),
        # "Sunnyvale, CA", "Lame Deer, MT.", "Dartmouth, NS": the town and its state or province code
        # are one place, so the code goes with it (a redacted town beside its state still narrows it).
        Rule("city_state", LOCATION,
             rf"{_TOWN_AND_CODE}"
             rf"(?=\s*(?:\d{{5}}|{_CA_POSTCODE}|[,.;)]|$))",
             0.75, validator=_city_state_ok, flags=0),
        # The same before more prose: "injured at Gary, IN plant", "lives in Moose Jaw, SK with her son".
        # Lower-case words may follow a code here, so the town must be a known city or no English
        # word ("Stable, OR theatre", "Pain, ME" stay text).
        Rule("city_state_prose", LOCATION,
             rf"{_TOWN_AND_CODE}"
             rf"(?=\s+\p{{Ll}})",
             0.86, validator=lambda v: _city_state_ok(v) and _town_before_code_ok(v), needs=_seen(r"[a-z], ?[A-Z][A-Z] [a-z]"), flags=0),
        # Canadian rural addresses: "RR 1, Site 5, Box 12, Didsbury AB T0M 0W0", "R.R. #2, Comp 14,
        # Bonnyville, AB", "Site 3 Box 7 RR 2 Olds AB": route, site, box or compartment in any order,
        # then the town and its province (the postcode is the ZIP rule's).
        Rule("rural_route_ca", LOCATION,
             rf"(?P<phi>\b(?:(?:RR|R\.R\.|Rural\s+Route|Site|Box|Comp|C\.?\s?Site|SS|Stn)\s*#?\s*\d{{1,4}},?\s{{1,2}}){{2,4}}"
             rf"(?:\p{{Lu}}\p{{Ll}}+(?:[ \-]\p{{Lu}}\p{{Ll}}+){{0,2}},?\s{{1,2}}(?:{CA_PROVINCES}|{US_STATES})(?![A-Za-z]))?)",
             0.85, needs=_seen(r"\b(?:RR|R\.R\.|Rural Route|Site|Box)\s*#?\s*\d"), flags=0),
        # A postcode written after a post-office box and its town: "P.O. Box 2217, Ruaka, code 00618".
        Rule("code_after_po_box", ZIP_CODE,
             r"(?<=\b(?i:P\.?\s?O\.?\s?Box)\s+\d{1,6},\s{1,2}\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?,?\s{1,2}(?i:postal\s+)?(?i:code|postcode)\s*[:#]?\s*)"
             r"(?P<phi>\d{4,6})(?![\w\-])",
             0.8, needs=_digit_and(r"(?i)\bbox\s+\d.{0,60}code"), flags=0),  # as far as the pattern reaches
        # A lone box number before the town and its province and postcode: "Box 41, Standoff, AB T0L 1Y0".
        Rule("box_town_ca", LOCATION,
             rf"(?P<phi>\bBox\s*#?\s*\d{{1,5}},\s{{1,2}}\p{{Lu}}\p{{Ll}}+(?:[ \-]\p{{Lu}}\p{{Ll}}+){{0,2}})"
             rf"(?=,?\s{{1,2}}(?:{CA_PROVINCES})\s{{1,2}}[A-Z][0-9OIl][A-Z]\s?[0-9OIl][A-Z][0-9OIl]\b)",
             0.85, needs=_seen(r"\bBox\s*#?\s*\d{1,5}, "), flags=0),
        Rule("from_city", LOCATION,
             r"\b(?:transferred|moved|came|referred|relocated|travell?ed|flew|drove|lives?|living|resides?|residing|born)\s+(?:from|in|to)\s+(?!(?:St|Saint)\.?\s+\p{Lu}\p{Ll}+['’]s\b)"
             # not a room or bed of the ward: "moved to Room 3", "transferred to Bay 4"
             r"(?!(?:Room|Bed|Bay|Ward|Cubicle|Pod|Theatre|Theater|Floor|Level|Suite|Unit|Area|Zone|Station|Wing|Block)\s*\d)(?P<phi>\p{Lu}\p{Ll}+(?:[\s\-]\p{Lu}\p{Ll}+)?)",
             0.6, flags=0),
        # Chat: "im in Chinle", "we're staying in Kaitaia now": a town no list holds, after a
        # first-person place phrase; it must be no English or clinical word ("I'm in Pain").
        Rule("chat_in_town", LOCATION,
             r"\b(?i:i'?m|im|i\s+am|we'?re|we\s+r|we\s+are|she'?s|he'?s|they'?re|staying|living|live|lives)\s+"
             r"(?:(?i:now|still|currently|back)\s+)?(?i:in|at|near)\s+(?P<phi>\p{Lu}\p{Ll}{2,}(?:[\s\-]\p{Lu}\p{Ll}{2,})?)(?![\w\-])",
             0.65, validator=_unlisted_place_ok, needs=contains_any(" in ", " at ", " near "), flags=0),
        # Where a patient goes home to: "Discharged home to Te Puke", "went back to Kaikohe".
        Rule("home_to_town", LOCATION,
             r"\b(?i:discharged(?:\s+home)?\s+to|home\s+to|return(?:ed|s|ing)?\s+(?:home\s+)?to|went\s+back\s+to|moved\s+back\s+to|"
             r"back\s+home\s+(?:to|in))\s+(?P<phi>(?:Te\s)?\p{Lu}\p{Ll}{2,}(?:[\s\-]\p{Lu}\p{Ll}{2,})?)(?![\w\-])",
             0.65, validator=_home_town_ok,
             needs=contains_any("home", "back", "return", "discharged"), flags=0),
        # A retrieval or transfer from a town: "Tx to Middlemore Hospital from Pukekohe". The
        # town must be no English or clinical word ("arrived from Recovery").
        Rule("from_town_transfer", LOCATION,
             r"\b(?i:transferred|transfer|tx|retrieved|retrieval|flown|arrived|brought\s+in)"
             r"(?:\s+to\s+(?:\p{Lu}\p{Ll}+\s+){1,3}(?:Hospital|Clinic|Centre|Center|ED|ICU))?\s+from\s+"
             r"(?P<phi>\p{Lu}\p{Ll}+(?:[\s\-]\p{Lu}\p{Ll}+)?)(?![\w\-])",
             0.6, validator=_unlisted_place_ok, flags=0),
        # "Cook County", "Orange County", "Prince George's County": a county is below state level.
        Rule("county", LOCATION,
             r"(?<![\w'’\-])(?P<phi>(?:\p{Lu}[\p{L}'’\-]+\s+){1,3}(?:County|Parish|Borough))(?![\w\-])", 0.75,
             needs=contains_any("county", "parish", "borough"), flags=0),
        # Australian "Fitzroy VIC 3065", "Toowoomba QLD 4350": suburb, state, four-digit postcode.
        Rule("au_suburb", LOCATION,
             r"(?<![\w'’\-])(?P<phi>\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+){0,2})(?=,?\s+(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}(?!\d))",
             0.8, needs=_AU_STATE, flags=0),
        Rule("au_postcode", ZIP_CODE, r"(?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s{1,2})(?P<phi>\d{4})(?![\d\-/])", 0.8,
             needs=_AU_STATE, flags=0),
        # Canadian postcodes ("L6V 1N9"): letter-digit-letter digit-letter-digit, as specific as the UK shape.
        Rule("ca_postcode", ZIP_CODE,
             rf"(?<![A-Za-z0-9])(?P<phi>{_CA_POSTCODE})(?![A-Za-z0-9])", 0.75,
             needs=_digit_and(r"[A-Z]\d[A-Z][ \-]\d"), flags=0),
        # Irish Eircodes ("D02 X285", "P24 X2K8"): routing key, then four letters and digits.
        Rule("eircode", ZIP_CODE,
             r"(?<![A-Za-z0-9])(?P<phi>(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s(?=[0-9A-Z]*[A-Z])(?=[0-9A-Z]*\d)[0-9AC-FHKNPRTV-Y]{4})(?![A-Za-z0-9])",
             0.75, needs=_digit_and(r"[A-Z]\d[0-9W]\s[0-9A-Z]{4}"), flags=0),
        # Irish counties ("Co. Cork") and the town before them.
        Rule("irish_county", LOCATION, r"(?P<phi>(?:\p{Lu}\p{Ll}+,\s+)?Co\.\s\p{Lu}\p{Ll}+)", 0.75, needs=contains_any("Co."), flags=0),
        # French street lines in any case: "5 bis rue Victor Hugo", "12, avenue de la République".
        Rule("fr_street", LOCATION,
             r"(?<![\w])(?P<phi>\d{1,4}\s?(?:bis|ter|quater)?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|quai|cours|route)"
             r"\s+(?:(?:de|du|des|la|le|l'|d')\s*)*\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+){0,3}"
             # and the flat after it: "1187 rue Saint-Denis, app. 4", "…, appt 12", "…, bureau 300"
             r"(?:,\s(?i:app|appt|apt|bureau|suite|unité)\.?\s?\d{1,4}[A-Za-z]?(?!\w))?)",
             0.8, needs=_seen(r"(?i)\b(?:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|quai|cours|route)"), flags=0),
        # Spanish and Portuguese floor and door after a building number: "Calle Mayor 5, 3º izq".
        Rule("floor_door", LOCATION, r"(?<=\d,?\s{1,2})(?P<phi>\d{1,2}\s?[º°ª]\s?(?:izq(?:da)?|dcha|der(?:echa)?|esq|dto|[A-H])?\.?)(?!\w)",
             0.75, needs=contains_any("º", "°", "ª"), flags=0),
        # Street lines in capitals, as letters and forms print them: "7 WESTBOURNE ROAD".
        Rule("street_caps", LOCATION,
             r"(?<![\w])(?P<phi>\d{1,5}[A-Z]?[ ]+(?:[A-Z][A-Z'\-]+[ ]+){1,3}(?:STREET|ST|ROAD|RD|AVENUE|AVE|LANE|LN|DRIVE|DR|CLOSE|"
             r"COURT|CT|CRESCENT|CRES|PLACE|PL|TERRACE|GARDENS|GROVE|WAY|BOULEVARD|BLVD|HIGHWAY|HWY|SQUARE|SQ|PARADE|ROW|WALK|"
             r"MEWS|RISE|HILL|PARK|VIEW|GREEN)\.?)(?![\w])",
             0.8, needs=_digit_and(r"\d[A-Z]?\s+[A-Z]{2}"), flags=0),
        # "Mrs Çağla Yıldız (97)": an age in brackets right after a name.
        # A Hong Kong, Taiwan or Singapore name in capitals as an identity card prints it, with no field
        # before it: "my father TSANG KAM-HUNG (HKID …)", "Name: CHEUNG WING SZE". A listed romanised
        # surname (not pinyin's: MA, HE, AN are English too) and two given syllables, one of them no
        # English word (so the district WONG TAI SIN, both of whose given syllables are words, stays).
        Rule("caps_cantonese_name", PERSON,
             r"(?<![\p{L}\d'’\-])(?P<phi>[A-Z]{2,6}[ ]{1,2}[A-Z]{2,5}(?:[ ]{1,2}|-)[A-Z]{2,5})(?![\p{L}\d'’\-])",
             0.7, validator=_caps_cantonese_name_ok, needs=_seen(r"[A-Z]{2,6} {1,2}[A-Z]{2,5}[ \-][A-Z]{2}"), flags=0),
        Rule("age_in_brackets", AGE, r"(?<=\p{L}\s?\()(?P<phi>9\d|1[01]\d)(?=[!?]{0,3}\))", 0.7, needs=_digit_and(r"\((?:9\d|1[01]\d)[!?]{0,3}\)"), flags=0),
        Rule("age_after_name", AGE, r"(?<=[a-z],\s)(?P<phi>9\d|1[01]\d)(?=\s*[,)])", 0.6, needs=has_digit, flags=0),
        # "Ishbel Macrae, 99 years, lives alone": the same with the unit (the number is the age).
        Rule("age_years_after_name", AGE,
             r"(?<=(?:\p{Lu}\p{Ll}+|\b(?i:room|bed|bay|rm)\s\d{1,3}[A-Z]?),\s)(?P<phi>9\d|1[01]\d)(?=\s?(?:years|yrs|y)(?:\s+of\s+age)?\s*[,;)])", 0.7,
             needs=_digit_and(r"\d\s?(?:years|yrs|y)\s*[,;)]"), flags=0),
        # "Mrs Bronwyn McAllister (NHS No. 943 476 5919), 92, of 14 Thornfield Close": the age in
        # apposition after a name and its bracketed number, then a clause about the person.
        Rule("age_after_bracket", AGE,
             r"(?<=\p{L}\s?\([^()\n]{1,40}\),\s)(?P<phi>9\d|1[01]\d)(?=,\s*(?:of|from|who|with|lives|living|resident|widow|widower|"
             r"retired|a|an|has|is|was|presents|presenting|admitted|seen)\b)",
             0.7, needs=_digit_and(r"\),\s(?:9\d|1[01]\d),"), flags=0),
        # Ages over 89 spelled out: "ninety-two", "a ninety seven year old", "aged one hundred and
        # two". Only as an age (in apposition after a name, after "aged", before "year(s) old"),
        # so "ninety minutes" and a "ninety-day supply" stay text.
        Rule("age_words", AGE,
             rf"(?:(?<=\p{{Ll}},\s)|(?<=\p{{Ll}}\),\s)|(?<=\b(?i:aged|age|is|turned|turns|turning)\s))(?P<phi>{_OLD_AGE_WORDS})(?=\s*[,;)]|\s+(?i:years?|yrs?|y/?o)\b|[\s\-]+(?i:year)[\s\-]+old)",
             0.75, needs=contains_any("ninety", "hundred")),
        # Spelled out alone in brackets after a person: "my dad (ninety-one in june!)", "Pt Ho (one hundred and one)";
        # a kin word or a capitalised name before it, not a vital sign or a quantity ("Pulse (ninety-two)",
        # "tablets (ninety)"), and no unit after it ("Weight (one hundred and ten) lbs").
        Rule("age_words_in_brackets", AGE,
             rf"(?<=(?:\b{_KIN_BEFORE_AGE}|\b\p{{Lu}}\p{{Ll}}+)\s?\()(?<!\b{_MEASURE_BEFORE_AGE}\s?\()"
             rf"(?P<phi>{_OLD_AGE_WORDS})(?=(?:\s+(?i:in|on|next|last|this)\s+\p{{L}}+)?[!?.]{{0,3}}\))"
             r"(?![^)\n]{0,20}\)\s*(?i:lbs?|pounds?|kg|g|mg|mcg|ml|bpm|mmhg|tablets?|tabs?|capsules?|caps|doses?|units?|"
             r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?|repeats?|cm|mm|beats?|breaths?|%)\b)",
             0.75, needs=contains_any("ninety", "hundred")),
        Rule("age_nineties", AGE,
             r"(?<=\b(?i:in\s+(?:his|her|their|my|our)|aged?\s+in\s+(?:his|her|their))\s+)"
             r"(?P<phi>(?i:(?:early|mid|late)[\s\-])?(?i:nineties|90s|hundreds))(?![\w])",
             0.75, needs=contains_any("nineties", "90s", "hundreds")),
        # (not a crash report's or a dispatch's numbered unit: "Unit 1: DKR 4412 (MI)")
        Rule("unit", LOCATION, r"(?<![\w])(?P<phi>(?:Apt|Apartment|Suite|Ste|Unit)\.?\s*#?\s*\d+[A-Za-z]?)\b(?![ \t]*:)", 0.7,
             needs=has_digit, flags=0),
        # Where patients live when it is not a street address: "Ashgrove Care Home",
        # "Maple Ridge Rehabilitation", "St Anne's Hospice", "Oak Hollow Apartments", "Brightwater Manor";
        # not "Cardiac Rehabilitation".
        Rule("residence", LOCATION,
             r"(?<![\w'’\-])(?P<phi>(?:\p{Lu}[\p{L}'’\-]+\.?[ ]){1,3}(?:(?:Care|Nursing|Rest|Retirement|Residential)[ ]"
             r"(?:Home|Centre|Center|Facility|Village)|Rehabilitation(?:[ ](?:Centre|Center|Hospital|Unit|Facility))?|"
             r"Rehab[ ](?:Centre|Center|Facility)|Hospice|Assisted[ ]Living|Senior[ ]Living|Group[ ]Home|Nursing|Manor|Apartments|Commons)"
             # and the resident's room in it: "Cedar Ridge Nursing, Rm 122", "Maple Grove Rehabilitation, Rm 214-A"
             r"(?:,?[ ](?:Rm|Room|Bldg|Building|Wing)\.?[ ]?[A-Z0-9]{1,4}(?:-[A-Z0-9]{1,3})?)*)(?![\w\-])",
             0.86, validator=_residence_ok,  # above the NER's PERSON, which often claims "Rowan House"
             needs=contains_any("home", "rehab", "hospice", "living", "centre", "center", "facility", "village", "nursing", "manor",
                                "apartments", "commons"), flags=0),
        # "Flat 12, Harrow Court", "Apt 3B, The Larches House": a flat in a named building.
        Rule("flat_building", LOCATION,
             r"(?P<phi>\b(?:Flat|Apartment|Apt|Unit|Suite)\.?\s*\d+[A-Za-z]?,?\s+(?:\p{Lu}[\p{L}'’\-]+\s+){1,3}"
             r"(?:Court|House|Mansions|Towers?|Lodge|Heights|Building|Apartments|Gardens|Hall|Point|Plaza|Residences|Villas|Block)"
             # and the street the building stands on, when it follows: "Apt 12, Riverside Court, Dock Road"
             r"(?:,\s{1,2}(?:\p{Lu}\p{Ll}+\s){1,2}(?:Road|Street|Lane|Avenue|Drive|Close|Crescent|Way|Terrace|Grove|Rd|St|Ave)\b\.?)?)"
             r"(?![\w\-])",
             0.9, needs=has_digit, flags=0),
        Rule("po_box", LOCATION, r"(?P<phi>P\.?\s*O\.?\s*Box\s+\d+)", 0.9, needs=has_digit),
        # A labelled address of places with no house number, as rural, Irish, Kenyan or Welsh homes are written:
        # "Address: Clonmore, Ballincollig, Co. Cork", "Residence: Kondele, Kisumu", "Family home: Gortnamona,
        # Ennis, Co. Clare". Comma-separated parts, each opened by a capital or a digit, up to the field's end.
        Rule("address_cued_parts", LOCATION,
             r"(?<![\w])(?i:address|addr|residence|home\s+address|family\s+home|village|lives\s+at|resides\s+at)[ \t]*[:\-–][ \t]*"
             # (a house number opens the street rules' addresses, which type the ZIP apart; an ordinal street may open this one)
             r"(?P<phi>(?:\p{Lu}|\d{1,2}(?:st|nd|rd|th)[ ])[\p{L}\d'’.\-]*(?:[ ][\p{Lu}\d][\p{L}\d'’.\-]*){0,3}"
             r"(?:,[ ][\p{Lu}\d][\p{L}\d'’.\-]*(?:[ ][\p{L}\d'’.\-]+){0,3}){1,4}?)"
             r"(?=[ \t]{2,}|[ \t]*$|[.;](?:\s|$)|,[ ](?:Eircode|Postcode|Tel|Phone|Mob|Ph))",
             0.75, validator=_place_parts_ok,
             needs=_seen(r"(?i)(?:address|addr|residence|home|village|lives at|resides at)[ \t]*[:\-–]"), flags=regex.M),
        # The last four digits a receipt prints of the card that paid, masked: "Paid with Visa x-4417",
        # "MC ****1188" (the worded "card ending 0231" is `card_ending`'s).
        Rule("card_last_four_masked", CREDIT_CARD,
             r"\b(?:Visa|VISA|Mastercard|MasterCard|MC|Amex|AMEX|Discover|(?i:card))[ ]?(?:[xX]-?|\*{2,}[ ]?|#[ ]?)"
             r"(?P<phi>\d{4})(?![\w\-])", 0.8,
             needs=_digit_and(r"(?i)(?:visa|mastercard|mc|amex|discover|card)[ ]?(?:x|\*\*|#)"), flags=0),
        # A label's age with its unit letter, before the sex or in brackets after the birth date:
        # "DOB 12/04/1928   97Y F", "DOB 03/11/1931 (94y)".
        Rule("age_over_89_label", AGE,
             r"(?<![\w.])(?P<phi>(?:9\d|1[01]\d))(?=[yY](?:\)|[ \t]+[MF]\b|[ \t]*/[ \t]*[MF]\b))", 0.85, needs=has_digit,
             flags=0),
        Rule("age_over_89", AGE,
             # A short unit ("95 y/o", "90yo") goes with the number: a writer who labels "95 y/o" is then
             # covered, and one who labels "95" alone still holds half the span. Longer units stay out.
             # (not a vital sign's value before an unknown age: "BP 96 y.o. unknown")
             r"(?<![\d.])(?<!\b(?i:bp|hr|rr|pulse|sats?|spo2|o2|temp|wt|weight|bm|glucose)[:=]?\s?)"
             r"(?P<phi>(?:9\d|1[01]\d)(?:\s?(?:y/o|yo)\b|(?=[\s\-]*(?:years?[\s\-]*(?:old|young)|y/?o\b|yo\b|y\.o\.|yrs?\b|year-old|-year|years? of age))))",
             0.9, needs=has_digit),
        # A table cell of age: "| 99 y |", "| 93 yrs |", "| 101y |". A one-letter unit goes with the
        # number (as "95 y/o" does in `age_over_89`); a longer one stays out.
        Rule("age_over_89_cell", AGE,
             r"(?<=\|\s{0,3})(?P<phi>(?:9\d|1[01]\d)(?:\s?y(?=\s{0,3}\|)|(?=\s?(?:yrs?|years?)\s{0,3}\|)))", 0.8,
             needs=_digit_and(r"\|\s*(?:9\d|1[01]\d)\s?y")),
        Rule("age_over_89_stated", AGE,
             r"\b(?i:(?:he|she|they|who|i|mum|mom|dad|father|mother|patient|pt|grandmother|grandfather|grandma|grandpa|"
             r"granny|gran|grandad|granddad|gramps|nan|nana|nanna|husband|wife|aunt|uncle|auntie)(?:'s|\s+is|\s+was|\s+turned|\s+turns|\s+will\s+be|\s+just\s+turned)(?:\s+(?:like|about|around|almost|nearly))?)\s+"
             r"(?P<phi>9\d|1[01]\d)(?![\d.,/:]\d|\s*(?:%|mg|kg|lbs?|cm|mm|ml|bpm|beats|degrees|°|/|percent|kg|pounds|minutes|mins|hours|times|units|ng|mmhg))(?!\d)",
             0.8, needs=_AGE_OVER_89_SEEN, flags=0),
        # Case-note shorthand "93F", "101 M", "92yo": a sex letter after an age, never after a temperature.
        Rule("age_over_89_sex", AGE,
             r"(?<![\d.°])(?<!\b(?i:temp|temperature|fever|pyrexia|t|tmax|febrile|of|to)[\s:=]{0,3})"
             # "fever 3 days, 102F": a Fahrenheit reading a few words after the fever
             r"(?<!\b(?i:temp|temperature|fever|febrile|pyrexia|pyrexial)\b[^.\n;]{0,30})"
             # "HR 92 M…", "SpO2 94 F…": a vital sign's reading, not an age
             r"(?<!\b(?i:hr|pulse|pr|rr|resp|bp|map|sats?|spo2|sao2|o2|wt|weight|ht|height|bpm)[\s:=]{0,3})"
             r"(?P<phi>9\d|1[01]\d)\s?(?:F|M|yo|y/o|yrs)(?![\w°/])",
             0.7, needs=_digit_and(r"(?<!\d)(?:9\d|1[01]\d)\s?[FMy]"), flags=0),
        Rule("age_over_89_cued", AGE, r"\b(?:aged?|age:)\s*(?:of\s+)?(?P<phi>9\d|1[01]\d)(?!\d|\.\d)", 0.9, needs=has_digit),
        # the age at an event, as a claim or a death record asks it: "Beneficiary age at incident: 92", "Age at death: 94"
        Rule("age_at_event", AGE,
             r"\b(?i:age)[ ](?i:at)[ ](?:(?i:the[ ])?(?i:incident|death|injury|accident|onset|diagnosis|admission|claim|loss|time of \w+))[ \t]*[:\-]?[ \t]*"
             r"(?P<phi>9\d|1[01]\d)(?!\d|\.\d)", 0.85, needs=_digit_and(r"(?i)age at")),
        # An OCR'd form's age with O for 0 or l for 1: "AGE 9O", "Age: 1O1", "Age 9l" (a digit, then O, l or digits only).
        Rule("age_over_89_ocr", AGE, r"\b(?i:age)\s*[:#]?\s*(?P<phi>9[Ol0-9]|1[Ol0][Ol0-9]|1[01][Ol])(?![\w.])", 0.8,
             needs=_digit_and(r"(?i)age\W{0,3}(?:9[Ol]|1[Ol0][Ol0-9]|1[01][Ol])"), flags=0),
        # The same misreading in a stated age: "grandpa is 9l now", "she turned 9l". Only a number an
        # OCR letter spoils, and only with the closing word an age takes.
        Rule("age_over_89_ocr_stated", AGE,
             r"\b(?i:is|was|turned|turns|aged?|now)\s+(?P<phi>9[Ol]|1[Ol0][Ol0-9]|1[01][Ol])"
             r"(?=\s+(?i:now|y/?o|yo|yrs?|years?)\b|\s*[,;!)]|\.(?:\s|$))",
             # (an OCR letter must be in it: "was 104," or "is 105." is a heart rate or a sodium)
             0.75, validator=lambda v: any(ch in "Ol" for ch in v),
             needs=_digit_and(r"\s(?:9[Ol]|1[Ol0][Ol0-9]|1[01][Ol])\b"), flags=0),
        # Chat about a relative: "my grandad tomasz is 92", "grandma lupe's 97", "shes 93", "hes 90 now".
        Rule("age_over_89_kin", AGE,
             r"\b(?i:(?:grand(?:ad|dad|pa|ma|mother|father|son|daughter)|granny|gran|nan|nana|nanna|mum|mom|mother|dad|father|"
             r"husband|wife|aunt|auntie|aunty|uncle|patient|pt|resident|client|neighbou?r)"
             r"(?:\s+(?!(?:pulse|heart|rate|sats?|saturations?|oxygen|o2|spo2|weight|temp|temperature|bp|sugar|glucose|level|"
             r"score|reading|number|hr|rr|blood|pressure|hb|iq|bmi|is|was)\b)\p{L}[\p{L}'’\-]*){0,3}?"
             r"(?:'s|’s|\s+is|\s+was|\s+turned|\s+turns|\s+just\s+turned|\s+will\s+be|\s+is\s+now|\s+now))\s+"
             r"(?P<phi>9\d|1[01]\d)(?![\d.,/:]\d|\s*(?:%|mg|kg|lbs?|cm|mm|ml|bpm|beats|degrees|°|/|percent|pounds|minutes|mins|hours|"
             r"times|units|ng|mmhg))(?!\d)",
             0.8, needs=_AGE_OVER_89_SEEN),
        # Any relative named by a word of the writer's own language: "my biji is 97 and …", "our abuela
        # turned 95", "my bapu is 91 now"; never a reading ("my sats is 94", "my sugar was 98").
        Rule("age_over_89_my_kin", AGE,
             r"\b(?i:my|our)\s+(?!(?i:pulse|heart|rate|sats?|saturations?|oxygen|o2|spo2|weight|temp|temperature|bp|sugar|"
             r"glucose|level|levels|score|reading|number|hr|rr|blood|pressure|hb|iq|bmi|result|count|grade|mark|house|"
             r"room|flat|bed|bus|code|pin|ox|percentage|hba1c|fev1|ldl|hdl|cholesterol|creatinine|egfr|ferritin|"
             r"potassium|sodium|bill|fee|phone|extension|ext|unit|ward|order|ticket|test|exam)\b)\p{Ll}{2,12}"
             r"(?:\s+(?:is|was|turned|turns|will\s+be|just\s+turned)|['’]s)\s+(?:(?i:now|only|just|nearly|almost|already)\s+)?"
             r"(?P<phi>9\d|1[01]\d)(?=\s*(?:[,.!;)]|$|\s+(?i:and|now|but|so|years?|yrs?|yo|this|next|last|in|on|with|&)\b))",
             0.8, needs=_AGE_OVER_89_SEEN, flags=0),
        Rule("age_over_89_pronoun", AGE,
             r"\b(?i:shes|hes|she\s+is|he\s+is|she's|he's|she’s|he’s|who's|who\s+is|i'm|im|i\s+am)\s+(?:(?i:now|only|just|nearly|almost|already)\s+)?"
             r"(?P<phi>9\d|1[01]\d)(?=\s*(?:[,.!;)]|$|\s+(?i:and|now|but|so|years?|yrs?|yo|this|next|last|in|on|with|&|not)\b))",
             0.8, needs=_AGE_OVER_89_SEEN, flags=0),
        # An age worked out from a birth date: "born 11 Jan 1933, so 91", "DOB 1930 - i.e. 94".
        Rule("age_over_89_so", AGE,
             r"(?<=\b(?i:born|dob|d\.o\.b\.?)\b[^\n]{1,30}?\b(?:1[89]|20)\d\d\b[^\n\d]{0,6}?\b(?i:so|i\.e\.?|ie|making\s+(?:him|her|them))\s)"
             r"(?P<phi>9\d|1[01]\d)(?![\d.,/:]\d)(?=\s*(?:[,.;!)]|$|\s+(?i:years?|yrs?|y/?o|now|today)\b))",
             0.8, needs=_AGE_OVER_89_SEEN, flags=0),
        # A lifespan ("grandmother lived to 104", "died aged 97" is `age_over_89_cued`), and an age in
        # another language's years ("102 años", "95 anos", "91 ans", "93 anni"): the number alone.
        Rule("age_over_89_lifespan", AGE,
             r"\b(?i:lived\s+(?:to|until|till)(?:\s+(?:the\s+age\s+of|age|be))?|died\s+at|passed\s+away\s+at)\s+"
             r"(?P<phi>9\d|1[01]\d)(?=\s*(?:[,.;!)]|$|\s+(?i:years?|yrs?|and|in|after|before|with)\b))",
             0.8, needs=_AGE_OVER_89_SEEN, flags=0),
        Rule("age_over_89_foreign_years", AGE,
             r"(?<![\d.,])(?P<phi>9\d|1[01]\d)\s+(?:años|anos|ans|anni|Jahre|jaar)(?![\w])",
             0.8, needs=_AGE_OVER_89_SEEN, flags=0),
        # "at 96 she still drives", "Mum, 94, lives alone"
        Rule("age_over_89_at", AGE,
             r"\b(?i:at|aged?)\s+(?P<phi>9\d|1[01]\d)(?=,?\s+(?i:she|he|they|mum|mom|dad|my|his|her|the\s+patient)\b)",
             0.75, needs=_AGE_OVER_89_SEEN, flags=0),
        Rule("age_over_89_birthday", AGE, r"(?<![\d.])(?P<phi>9\d|1[01]\d)(?i:st|nd|rd|th)\s+(?i:birthday|bday|b-day)\b", 0.85,
             needs=contains_any("birthday", "bday", "b-day")),
        # "Age/Sex: 94/F", "A/S 91 M": an age before the sex on a form line.
        Rule("age_over_89_sex_label", AGE,
             r"\b(?i:age\s*/\s*(?:sex|gender)|a/s)\s*[:#\-]?\s*(?P<phi>9\d|1[01]\d)\s*(?:y(?:rs?)?)?\s*/?\s*(?i:m|f|male|female)\b",
             0.85, needs=_seen(r"(?i)age ?/ ?(?:sex|gender)|\bA/S\b")),
        Rule("age_over_89_words_stated", AGE,
             # not a reading ("pulse is ninety-two", "sugar was ninety-eight", "she's ninety pounds")
             r"(?<!(?i:pulse|rate|pressure|sugar|glucose|sats?|oxygen|temp|temperature|weight|score|level|count|reading|bp|hr)\s)"
             r"\b(?i:is|was|turned|turns|aged?|she's|he's|shes|hes|i'm|i’m|im|i\s+am)\s+(?P<phi>(?i:ninety|one\s+hundred)(?:[\s\-](?i:one|two|three|four|five|six|seven|eight|nine))?)(?![\w\-])"
             r"(?!\s+(?i:days?|minutes?|mins?|seconds?|hours?|hrs?|percent|per\s+cent|mg|ml|units?|times|pounds?|lbs?|kilos?|kg|"
             r"degrees?|beats|bpm|over|points?)\b)",
             0.8, needs=contains_any("ninety", "hundred")),
        # Pagers, bleeps and extensions: "pager 4-1187", "bleep 5502", "ext. 2231", "x3372", "pager x5521".
        Rule("card_ending", CREDIT_CARD,
             r"\b(?i:card|visa|mastercard|master\s+card|amex|debit|credit)(?:\s+(?i:card|number|no\.?))?\s+(?i:ending|ends)(?:\s+(?i:in|with))?\s*[:#]?\s*(?P<phi>\d{4})(?!\d)",
             0.8, needs=contains_any("ending", "ends")),
        Rule("account_ending", ACCOUNT_NUMBER,
             r"\b(?i:account|acct)\.?(?:\s+(?i:number|no\.?))?\s+(?i:ending|ends)(?:\s+(?i:in|with))?\s*[:#]?\s*(?P<phi>\d{4})(?!\d)",
             0.8, needs=contains_any("ending", "ends")),
        Rule("pager_ext", PHONE_NUMBER,
             r"\b(?i:pager|pgr|bleep|bleeper|beeper|vocera|ext|extn|extension|tie[\s\-]?line)\.?(?:\s*(?i:no\.?|number|#))?\s*[:#.]?\s*"
             r"(?P<phi>(?:[xX]\.?)?(?:\d{1,2}-\d{3,5}|\d{3,6}))(?![\d\-/.,]\d|\s*(?:%|°|(?i:mg|ml|mcg|units?|kg|g|times|doses?|days?|weeks?|mins?|"
             r"minutes|hours?|hrs?|degrees?|deg|mmhg)\b))(?!\d)",
             0.8, needs=contains_any("pager", "pgr", "bleep", "beeper", "vocera", "ext", "tie")),
        Rule("ext_x", PHONE_NUMBER, r"(?<=\b(?i:on|or|at|call|ring|phone|tel|dial|\d)[\s,]{0,2})x\.?(?P<phi>\d{3,5})(?![\d\w])", 0.8,
             needs=_digit_and(r"x\.?\d{3}")),
        Rule("page_at", PHONE_NUMBER,
             r"\b(?i:page|paged|paging|bleep|bleeped)\b[^\n.;]{0,40}?\b(?i:at|on)\s+#?(?P<phi>\d{5,6}|\d{1,2}-\d{3,5})(?![\d\-/:]|\.\d)",
             0.75, needs=contains_any("pag", "bleep")),
        # Letter-spaced record numbers from OCR or fax: "MRN: 0 0 8 8 1 2 7 7", "M R N :  1 2 0 9 ...".
        Rule("mrn_spaced", MEDICAL_RECORD_NUMBER,
             r"\b(?:MRN|M[ ]R[ ]N|MR[ ]?#|UR|URN|Hosp(?:ital)?[ ]No\.?)[ ]*[:#]?[ ]*(?P<phi>\d(?:[ ]{1,2}\d){5,11})(?![ ]?\d)",
             0.9, needs=_digit_and(r"\d \d \d"), flags=0),
        # UK National Insurance numbers: "JT 48 21 93 B" spaced is the printed shape; "QQ123456C" after its label.
        Rule("uk_nino_spaced", ID_NUMBER,
             r"(?<![\w])(?P<phi>[A-CEGHJ-PR-TW-Z]{2}[ ]\d{2}[ ]\d{2}[ ]\d{2}[ ][A-D])(?![\w])", 0.85,
             needs=_digit_and(r"[A-Z]{2} \d\d \d\d \d\d [A-D]"), flags=0),
        Rule("uk_nino_cued", ID_NUMBER,
             r"\b(?i:national\s+insurance|NI|NINO)(?:\s+(?i:no\.?|number|#))?\s*[:#]?\s*"
             r"(?P<phi>[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D])(?![\w])", 0.9,
             needs=contains_any("national insurance", "ni", "nino"), flags=0),
        # Canadian health cards: Quebec RAMQ "TREJ 5512 0719" (four letters, eight digits), Ontario
        # "1234-567-890-AB" (ten digits and a version code), after a health-card label.
        Rule("ca_health_card", INSURANCE_ID,
             r"\b(?i:health\s+(?:insurance\s+)?card|health\s+card\s+number|RAMQ|OHIP|HCN|carte\s+(?:soleil|santé|d'assurance\s+maladie)|"
             r"care\s*card|PHN)(?:\s+(?i:no\.?|number|#|num))?\s*[:#]?\s*"
             r"(?P<phi>[A-Z]{4}[ ]?\d{4}[ ]?\d{4}(?:[ ]?[A-Z]{1,2})?|\d{4}[ \-]?\d{3}[ \-]?\d{3}(?:[ \-]?[A-Z]{2})?|\d{9,10})(?![\w])",
             0.9, needs=contains_any("health", "ramq", "ohip", "hcn", "carte", "care", "phn"), flags=0),
        # Pacific, Australian and Indian lots: "Lot 12, Nakasi Road", "Unit 4, Lot 19, Queens Road".
        Rule("lot_street", LOCATION,
             rf"(?P<phi>(?:(?:Unit|Flat|Apt|House)\.?\s*\d{{1,4}}[A-Za-z]?,\s+)?\b(?:Lot|Allotment|Plot)\s+\d{{1,5}}[A-Za-z]?,\s+"
             rf"(?:[A-Z][A-Za-z'\-]*\s+){{1,4}}{_street_suffixes()}\.?)(?![A-Za-z])",
             0.85, needs=contains_any("lot ", "allotment", "plot "), flags=0),
        # A corner where police, EMS or a crash report place someone: "found on 5th Ave and E 112th St",
        # "Collision at Figueroa St & W Adams Blvd". Both sides carry a street suffix.
        Rule("street_corner", LOCATION,
             rf"(?<![\w'’\-])(?P<phi>{_CORNER_SIDE}\.?\s{{1,2}}(?:and|&|at|/)\s{{1,2}}{_CORNER_SIDE})\.?(?![\w'’\-])",
             0.8, needs=_CORNER_SEEN, flags=0),
        # A street with no number after "on", "at", "lives on": "found on Hoe Street, Walthamstow".
        Rule("street_no_number", LOCATION,
             r"(?<=\b(?:on|at|in|off|along|near|lives\s+on|address:?)\s)(?P<phi>(?:\p{Lu}\p{Ll}+\s){1,3}"
             # (an abbreviated suffix only before no capital, where "St" would be a saint's: "the CVS on Elm St in Dayton")
             r"(?:Street|Road|Lane|Avenue|Drive|Crescent|Close|Grove|Terrace|Gardens|Boulevard|Parade|(?:St|Rd|Ave|Blvd|Ln)\.?(?![\w'’\-]|[ ]\p{Lu}))"
             r"(?:,\s\p{Lu}\p{Ll}{3,}(?![\w'’\-]))?)(?![\w'’\-])"
             # "Oak Lane Surgery", "Park Road Clinic": a practice named after its street is no address
             r"(?!\s+(?:Surgery|Clinic|Practice|Medical|Health|Hospital|Centre|Center|Pharmacy|School|Primary|Care|Nursing|"
             r"Dental|Family|Group|Partnership|Hospice|Day))",
             0.8, validator=_street_no_number_ok,
             needs=contains_any("street", "road", "lane", "avenue", "drive", "crescent", "close", "grove", "terrace",
                                "gardens", "boulevard", "parade", " st", " rd", " ave", " blvd", " ln"), flags=0),
        # The suburb or village written after a street: "Queens Road, Martintar", "12 Hill St, Ponsonby".
        Rule("locality_after_street", LOCATION,
             r"(?<=\b(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Crescent|Cres|Close|Way|Place|Pl|Terrace|Tce|Grove|"
             # "KwaMashu", "KwaThema": a township's camel-cased name
             r"Parade|Boulevard|Blvd|Highway|Hwy)\.?(?:\s(?:East|West|North|South))?,\s{1,2})(?P<phi>\p{Lu}\p{Ll}{2,}(?:\p{Lu}\p{Ll}{2,})?(?:[ \-]\p{Lu}\p{Ll}+)?)(?![\w'’\-])"
             r"(?!\s+(?:Road|Street|Lane|Avenue|Drive|Hospital|Clinic|Centre|Center|Ward|Unit))",
             0.75, validator=_locality_after_street_ok,
             needs=contains_any("street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "drive", "dr", "crescent", "cres",
                                "close", "way", "place", "pl", "terrace", "tce", "grove", "parade", "boulevard", "blvd",
                                "highway", "hwy"), flags=0),
        # A small town the gazetteer lacks, where the person lives or works: "lives with her grandson in Chinle".
        Rule("town_of_residence", LOCATION,
             r"\b(?i:lives?|living|lived|resides?|residing|moved|grew\s+up|works?|working|based|stays?|staying|settled)\b"
             r"[^.\n;!?]{0,40}?\bin\s(?P<phi>\p{Lu}\p{Ll}{2,}(?:\s(?:City|Town|Falls|Springs|Bay|Beach|Heights|Creek|Valley|"
             r"Point|Harbour|Harbor|Lake|Park|Hills?|Junction|Crossing|Wells|Rapids|Ridge))?)(?![\w'’\-])"
             r"(?!\s+(?:Hospital|Clinic|Centre|Center|Ward|Unit|Medical|Health|Care|Home|House|Court|Lodge|Manor|Street|Road|"
             r"County|District|Province|State))",
             0.7, validator=_town_of_residence_ok,
             needs=contains_any("live", "living", "resid", "moved", "grew up", "work", "based", "stay", "settled"), flags=0),
        # A relative by kin word (and name) and the town they are in: "aunt Jackie in Selkirk", "daughter Nóirín in
        # Salthill", "cousin Tanika in Coolgardie" (a family's collateral history places each relative).
        Rule("kin_in_town", LOCATION,
             r"\b(?i:aunt|auntie|aunty|uncle|cousin|daughter|son|mother|mum|mom|father|dad|grandma|grandmother|grandpa|grandfather|"
             r"nan|nana|sister|brother|niece|nephew|relatives?|parents?|in-laws|stepmother|stepfather)"
             r"(?:\s\p{Lu}[\p{L}'’\-]+){0,2}(?:\s\([^()\n]{1,20}\))?\s(?:in|at)\s"
             r"(?!(?:Christmas|Easter|Thanksgiving|Diwali|Eid|Hanukkah|Ramadan|Halloween|Passover|Lent|Advent|Hogmanay)\b)(?P<phi>\p{Lu}\p{Ll}{2,}(?:\s(?:City|Town|Falls|Springs|Bay|"
             r"Beach|Heights|Creek|Valley|Point|Harbour|Harbor|Lake|Park|Hills?|Junction|Crossing|Wells|Rapids|Ridge))?)(?![\w'’\-])"
             r"(?!\s+(?:Hospital|Clinic|Centre|Center|Ward|Unit|Medical|Health|Care|Home|House|Court|Lodge|Manor|Street|Road|"
             r"County|District|Province|State))",
             0.7, validator=_town_of_residence_ok,
             needs=contains_any("aunt", "uncle", "cousin", "daughter", "son ", "mother", "mum", "mom", "father", "dad", "grand",
                                "nan", "sister", "brother", "niece", "nephew", "relative", "parent", "in-laws", "step"), flags=0),
        # Rural delivery: "Rural Route 2", "RR 3 Box 118", "HC 64 Box 12".
        Rule("rural_route", LOCATION,
             r"(?P<phi>\b(?:Rural\s+Route|R\.R\.|RR|RFD|HC|Star\s+Route)\s*#?\s*\d{1,3}(?:,?\s*Box\s+\d{1,5})"
             r"|\bRural\s+Route\s*#?\s*\d{1,3}(?:,?\s*Box\s+\d{1,5})?)",
             0.85, needs=contains_any("rural route", "rr", "hc", "rfd", "r.r."), flags=0),
        # New Zealand rural delivery ("RD 3, Whangarei") and South African stands and erven
        # ("Stand 1234, Zone 5", "Erf 567").
        Rule("nz_rd_za_stand", LOCATION,
             r"(?P<phi>\bRD\s?\d{1,2}(?=,\s*\p{Lu}\p{Ll})|\b(?:Stand|Erf)\s+(?:No\.?\s*)?\d{1,6}"
             r"(?:,\s*(?:Zone|Extension|Ext\.?|Phase|Block|Section)\s+\d{1,3}[A-Z]?(?![\w\-])|(?=,\s*\p{Lu}\p{Ll}{3,}(?!\s+(?i:sit|walk|rest|repeat)\b))))",
             0.8, needs=_seen(r"\bRD ?\d|\b(?:Stand|Erf) \d"), flags=0),
        # A strong house-number word alone, before a landmark: "Door No. 4-56, near Hanuman Temple".
        Rule("in_house_no", LOCATION,
             r"(?P<phi>\b(?:H\.?\s?No|Door\s+No|House\s+No|Plot\s+No|Flat\s+No)\.?\s*[:#]?\s*\d{1,4}[A-Z]?(?:[\-/]\d{1,4}[A-Z]?)*)(?![\w])",
             0.85, needs=_seen(r"(?i)\b(?:H\.? ?No|Door No|House No|Plot No|Flat No)"), flags=0),
        # Indian addresses: "No. 12, 4th Cross, Malleswaram", "H.No. 4-56/2, Kukatpally",
        # "Flat 302, Sai Krupa Apartments, 5th Main, Jayanagar", "B-204, Lajpat Nagar".
        Rule("in_house", LOCATION,
             rf"(?P<phi>(?:\b(?:No|H\.?\s?No|Door\s+No|Plot(?:\s+No)?|House\s+No|Flat(?:\s+No)?|Shop\s+No|Site\s+No|Block|Blk)\.?\s*|#\s?|\b[A-Z]-)"
             rf"\d{{1,4}}[A-Z]?(?:[\-/]\d{{1,4}}[A-Z]?)*,\s+{_IN_SEGMENT}(?:,\s+{_IN_SEGMENT}){{0,3}})",
             0.9, validator=_in_house_ok, needs=_digit_and(r"\d[A-Z]?, [A-Z0-9]"), flags=0),
        # Gulf addresses by numbers: "Villa 23, Street 14, Al Barsha 1", "Flat 12B, Block C, Al Nahda 2".
        Rule("gulf_address", LOCATION,
             r"(?P<phi>\b(?:Villa|Flat|Apt|Apartment|Office|Shop|Building|Bldg|House)\s+\d{1,4}[A-Z]?,\s+"
             r"(?:(?:Street|St|Road|Rd|Block|Blk)\s+(?:\d{1,3}[A-Z]?|[A-Z])\b)(?:,\s+(?:(?:Al|Ras|Umm|Bur|Abu)\s)?\p{Lu}\p{Ll}+(?:\s\d{1,2}\b)?)?)",
             0.85, needs=_seen(r"(?:Street|St|Road|Rd|Block|Blk) (?:\d|[A-Z]\b)"), flags=0),
        # A bare house number before a numbered cross or main road: "12, 3rd Cross, Indiranagar".
        Rule("in_house_bare", LOCATION,
             rf"(?<![\w,./\-])(?P<phi>(?:(?:Flat|Plot|House|Door|Site|No)\.?\s*(?:No\.?\s*)?|#\s?)?\d{{1,4}}[A-Z]?(?:/\d{{1,4}}[A-Z]?)?,\s+\d{{1,2}}(?:st|nd|rd|th)\s+(?:Cross|Main)(?:\s+(?:Road|Street))?"
             rf"(?:,\s+{_IN_SEGMENT}){{0,2}})",
             0.85, needs=_digit_and(r"\d(?:st|nd|rd|th) (?:Cross|Main)"), flags=0),
        # Neighbourhood words of other countries: "Col. Roma Norte", "Brgy. San Isidro", "Kampung Baru",
        # "Taman Desa", "Jalan Ampang", "Shibuya-ku"; and Hong Kong floors "Flat B, 12/F, Tower 2".
        Rule("intl_locality", LOCATION,
             # (a house number before a numbered lane: "6 Lorong 4 Toa Payoh", "12 Jalan 5 Taman Desa")
             r"(?<![\w'’\-])(?P<phi>(?:(?<![\d.,/]\s?)\d{1,4}[A-Z]?\s+(?=(?:Lorong|Jalan|Jln\.?|Soi)\s+\d))?"
             r"(?:Col\.|Colonia|Fracc\.|Fraccionamiento|Barrio|Brgy\.?|Barangay|Kampung|Taman|Jalan|Jln\.?|"
             r"Lorong|Soi|Moo|Phường|Quận|Xã|Bairro|Vila|Jardim)\s+(?:\d{1,3}[A-Z]?(?:/\d{1,3})?\s+)?\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]+|\d{1,3}))"
             r"{0,3}|\p{Lu}\p{Ll}+-(?:ku|shi|cho|machi|gun))(?![\w\-])",
             0.88, needs=contains_any("col.", "colonia", "fracc", "barrio", "brgy", "barangay", "kampung", "taman", "jalan", "jln",
                                "lorong", "soi ", "moo ", "phường", "quận", "xã", "bairro", "vila ", "jardim", "-ku", "-shi", "-cho",
                                "-machi", "-gun"), flags=0),
        # A Singapore public-housing block: the block number, the street with its own number, then
        # the floor and unit after "#": "Blk 45 Jurong West St 42, #12-301", "Blk 7 Toa Payoh
        # Lorong 8 #03-12". "Blk" and the "#floor-unit" both mark it; either street words or the
        # unit must close it, so "Blk 3 Ward" or "block 2 of the study" stay text.
        Rule("sg_hdb_block", LOCATION,
             r"(?P<phi>\b(?:Blk|BLK|Block)\.?\s+\d{1,4}[A-Z]?\s+\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]*|\d{1,3}[A-Z]?)){0,4}?"
             r"(?:(?:\s+(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Cres|Crescent|Lorong|Central|Close|Walk|Link|Way|View|Ring\s+Rd)\b"
             r"(?:\s+\d{1,3}[A-Z]?\b)?)(?:,?\s*#\d{1,3}-\d{1,5}[A-Z]?)?|,?\s*#\d{1,3}-\d{1,5}[A-Z]?)"
             # its postcode after the unit: "S(310021)", "S310021", "Singapore 310021"
             r"(?:,?\s*(?:Singapore\s*)?(?:S\s?\(\d{6}\)|S\d{6}|\d{6}))?)(?![\w\-])",
             0.88, needs=_seen(r"\b(?:Blk|BLK|Block)\.? ?\d"), flags=0),
        # A Singapore postcode after the city's name: "Singapore 310006".
        Rule("sg_postcode", ZIP_CODE, r"(?<=\bSingapore,?\s{1,2})(?P<phi>\d{6})(?![\d\-])", 0.85,
             needs=contains_any("singapore"), flags=0),
        Rule("hk_floor", LOCATION,
             r"(?P<phi>\b(?:Flat|Rm|Room|Unit)\s+[A-Z0-9]{1,4},?\s*\d{1,2}/F(?:,?\s*(?:Tower|Block|Blk)\s+[A-Z0-9]{1,3})?"
             r"|\b\d{1,2}/F,?\s*(?:Tower|Block|Blk)\s+[A-Z0-9]{1,3})(?![\w])",
             0.88, needs=_digit_and(r"\d/F\b"), flags=0),
        # Japanese block numbers before the district: "1-2-3 Jingumae".
        Rule("jp_block", LOCATION,
             r"(?<![\w\-/])(?P<phi>\d{1,4}(?:-\d{1,4}){1,3}\s+\p{Lu}\p{Ll}{3,})(?=,\s*\p{Lu}\p{Ll}+-(?:ku|shi|cho|machi|gun)\b)",
             0.85, needs=_seen(r"[a-z]-(?:ku|shi|cho|machi|gun)\b"), flags=0),
        Rule("in_locality", LOCATION,
             r"(?<![\w'’\-])(?P<phi>(?:\p{Lu}[\p{L}'’\-]+\s+){1,2}(?:Nagar|Layout|Colony|Vihar|Enclave|Bagh|Ganj|Puram|Marg|Chowk|"
             r"Halli|Palya|Peth|Wadi|Pally|Gunta)|\p{Lu}{2,4}\s+Layout|Sector[ ]\d{1,3}[A-Z]?(?=,?\s+\p{Lu}\p{Ll}{2,}))(?![\w\-])"
             # "Colony Count", "Colony Forming Units": microbiology, not a neighbourhood
             r"(?!\s+(?i:counts?|forming|stimulating|units?|cfu|morphology|growth|types?)\b)",
             0.88, validator=_locality_ok, needs=contains_any("nagar", "layout", "colony", "vihar", "enclave", "bagh", "ganj", "puram", "marg", "chowk", "halli",
                                "palya", "peth", "wadi", "pally", "gunta", "sector "),
             flags=0),
        Rule("age_over_89_words", AGE,
             rf"(?P<phi>{_OLD_AGE_WORDS})(?=[\s\-]*years?(?![\s\-]*(?:ago|later|earlier|before|after))|\s*-?(?:yo|y/o)\b)",
             0.85, needs=contains_any("ninety", "hundred")),
    ]


# A table whose header names a record-number column: "| Name | DOB | MRN |" or a header line of
# columns set apart by runs of spaces ("Name          MRN         DOB"). Each row's cell under that
# header is the record number, though nothing in the row says so.
_TABLE_MRN_SEEN = _seen(r"(?:^|\n|\||  |\t)[ \t]*(?:MRN|MR#|URN|Hosp(?:ital)? No\.?|Chart No\.?|Patient ID)[ \t]*(?:\||  |\t|\n|$)")
_TABLE_MRN_HEAD = regex.compile(r"(?:MRN|MR#|URN|Hosp(?:ital)?\s+No\.?|Chart\s+No\.?|Patient\s+ID)")
_TABLE_CELL_SPLIT = regex.compile(r"[ \t]{2,}|\t")
_TABLE_RULE_LINE = regex.compile(r"^[\s|:\-+=]*$")
_TABLE_ID = regex.compile(r"(?=(?:[A-Z\-]*\d){5})[A-Z]{0,3}-?\d[\dA-Z\-]{3,18}")
_TABLE_DATE_LIKE = regex.compile(r"\d{1,4}[\-/.]\d{1,2}[\-/.]\d{1,4}")


def _table_mrn_cells(text: str) -> list[tuple[int, int]]:
    """Offsets of the cells under a record-number column header, row by row until the table ends."""
    out: list[tuple[int, int]] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        head = lines[i]
        piped = head.count("|") >= 2
        cells = [c.strip() for c in head.split("|")] if piped else [c for c in _TABLE_CELL_SPLIT.split(head.strip())]
        col = next((k for k, c in enumerate(cells) if _TABLE_MRN_HEAD.fullmatch(c)), None)
        # (a header names its columns: no cell of it holds a digit, "MRN  12345678" is a value's line)
        if col is None or len([c for c in cells if c]) < 2 or any(ch.isdigit() for ch in head):
            i += 1
            continue
        if not piped:
            m = regex.search(rf"(?<![^ \t]){regex.escape(cells[col])}(?![^ \t\n])", head)
            if m is None:
                i += 1
                continue
            at = m.start()
        j = i + 1
        while j < len(lines) and lines[j].strip():
            row = lines[j]
            if _TABLE_RULE_LINE.match(row):
                j += 1
                continue
            if piped:
                if row.count("|") < 2:
                    break
                start = offsets[j]
                parts = row.split("|")
                if col < len(parts):
                    cell_start = start + sum(len(p) + 1 for p in parts[:col])
                    raw = parts[col]
                    value = raw.strip()
                    if value and _TABLE_ID.fullmatch(value) and not _TABLE_DATE_LIKE.fullmatch(value):
                        s = cell_start + raw.index(value)
                        out.append((s, s + len(value)))
            else:
                for tok in regex.finditer(r"\S+", row):
                    if abs(tok.start() - at) <= 2:
                        value = tok.group()
                        if _TABLE_ID.fullmatch(value) and not _TABLE_DATE_LIKE.fullmatch(value):
                            out.append((offsets[j] + tok.start(), offsets[j] + tok.end()))
                        break
            j += 1
        i = j
    return out


class TableRecordNumberRecognizer(EntityRecognizer):
    """Record numbers in the column of a table whose header names it (MRN, URN, Hosp No...)."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[MEDICAL_RECORD_NUMBER], name="TableRecordNumberRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def can_match(self, text: str) -> bool:
        return _TABLE_MRN_SEEN(text)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if not _TABLE_MRN_SEEN(text):
            return []
        return [RecognizerResult(MEDICAL_RECORD_NUMBER, s, e, 0.85, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                for s, e in _table_mrn_cells(text)]
