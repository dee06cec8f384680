"""Small patterns, pre-checks and value validators that several English rule families share.

Region and month alternations, cue gaps, the `_seen`/`_digit_and` pre-check builders, checksum and
OCR-swap validators: the identifier, address, date, shared and NER modules all draw on them, so they
live in one leaf module that imports none of those families (no import cycles).
"""

from __future__ import annotations

import regex

from mediscope.deid import lexicon
from mediscope.deid.normalize import OCR_DIGITS as _OCR_DIGITS

S = r"[ \-.]{0,2}"
US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    "OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR"
)
CA_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \-]\d[ABCEGHJ-NPRSTV-Z]\d"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_RE = regex.compile(rf"\b{MONTH}\b", regex.IGNORECASE)
CUE_GAP_EN = r"(?:\s*(?:number|num|no\.?|nr\.?|#|id|is|was|:|-|=)\s*){0,3}\s*"
# (a short capitals prefix set off by a space is the number's own: "Admission # ADM 2024 118 556"; its
# second group has three digits or more, so "MRN: CT 2024 11 pending" is a scan's month, no number; or it is one
# group of six digits or more: "My Aged Care ID: AC 41187320", "DVA Gold Card: NX 221846")
ID_VALUE = r"(?P<phi>(?=[A-Za-z0-9\-/]*\d|(?<![A-Za-z0-9])(?-i:[A-Z]{2,4})[ ](?:\d{3,}[ \-]\d{3}|\d{6,}(?![\d.,])))[A-Za-z0-9](?:[A-Za-z0-9\-/]|[ ](?=\d)){3,30})"

def _street_suffixes() -> str:
    try:
        from faker.providers.address.en_US import Provider

        words = set(Provider.street_suffixes)
    except Exception:  # pragma: no cover - faker is a deid dependency
        words = set()
    words |= {"St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Pl", "Ter", "Cir", "Pkwy", "Hwy", "Sq", "Trl",
              "Hts", "Xing", "Close", "Mews", "Walk", "Row", "Crescent",
              # Australian and New Zealand abbreviations: "5 Ocean Pde", "12 Banksia Cct", "3 Marine Esp"
              "Pde", "Parade", "Esp", "Esplanade", "Cct", "Circuit", "Tce", "Cres", "Cl", "Bvd", "Qy", "Quay", "Chase",
              "Promenade", "Gdns", "Grn",
              # "411 Grand Concourse" (the Bronx)
              "Concourse"}
    return "(?:" + "|".join(sorted((regex.escape(w) for w in words), key=len, reverse=True)) + ")"




# Small helpers' patterns, compiled once (the `regex` module's cache lookup is not free).
_DIGITS_RE = regex.compile(r"\d+")
_POSSESSIVE_RE = regex.compile(r"(?:'s|’s|')$")
_SPACE_DASH_RE = regex.compile(r"[\s\-]+")
_SPACE_SLASH_RE = regex.compile(r"[\s/]+")
_LEADING_TITLE_RE = regex.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|RN|RGN|NP|Nurse|Sister|Rev|Officer|Ofc|Ptl|Trooper|Tpr|Deputy|Sgt"
                               r"|Sergeant|Cpl|Corporal|Detective|Det|Constable|Captain|Capt)\.?\s+")
_CLAUSE_END_RE = regex.compile(r"\s*(?:[.,!;]|$)")
_LAST_WORD_RE = regex.compile(r"(\p{L}+)\W*$")
_NEXT_WORD_RE = regex.compile(r"\W{0,2}(\p{L}+)")


def _seen(pattern: str):
    """A cheap pre-test for a rule: the stdlib `re` finds its rare anchor far faster than the
    full `regex` pattern scans a text that lacks it."""
    import re

    search = re.compile(pattern).search
    return lambda text: search(text) is not None


_AU_STATE = _seen(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT),?\s+\d{4}")


def _seen_once(pattern: str):
    """`_seen` for a pre-test several rules share: the last text's answer is kept, so the rules
    that run one after another on the same text search it once."""
    test = _seen(pattern)
    last: list = [None, False]

    def check(text: str) -> bool:
        if text is not last[0]:
            last[0], last[1] = text, test(text)
        return last[1]

    return check


_HAS_DIGIT = _seen_once(r"\d")


def _digit_and(pattern: str):
    """`_seen` for a pattern that needs a digit: texts without one (most chat turns) skip the search."""
    test = _seen(pattern)
    return lambda text: _HAS_DIGIT(text) and test(text)


# One search for a weekday serves the four weekday date rules.
_WEEKDAY_SEEN = _seen_once(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)")
_AGE_OVER_89_SEEN = _seen_once(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")


def _ssn_ok(value: str) -> bool:
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) != 9:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def _grouped_phone_ok(value: str) -> bool:
    """8-12 digits in 3+ groups that do not read as a date ("2023 01 15") or a time."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if not 8 <= len(digits) <= 12:
        return False
    groups = _DIGITS_RE.findall(value)
    if len(groups) < 2 or len(groups) == 2 and len(digits) < 8:
        return False
    if "." in value and len(groups) == 4 and all(len(g) <= 3 for g in groups):
        return False  # an IPv4 address
    return not (len(groups[0]) == 4 and groups[0][:2] in ("19", "20") and len(groups) == 3)


def _iban_ok(value: str) -> bool:
    """ISO 13616 check: the country code and check digits moved to the end, mod 97 == 1."""
    v = "".join(ch for ch in value if ch.isalnum()).upper()
    if not 15 <= len(v) <= 34 or not v[:2].isalpha() or not v[2:4].isdigit():
        return False
    digits = "".join(str(int(ch, 36)) for ch in v[4:] + v[:4])
    return int(digits) % 97 == 1


_RECORD_LABEL_SEEN = _seen(r"(?i)\b(?:case|specimen|sample|acc|lab|chart|encounter|visit|req|order|ur|urn|hosp|episode|"
                           r"admission|wristband|file|folder|clinic|register)[^\n]{0,16}?\d")


def _record_value_ok(value: str) -> bool:
    """A record number after a short label: 4+ digits, and not a date or a time."""
    digits = sum(ch.isdigit() for ch in value)
    if digits < 4 or regex.fullmatch(r"(?:19|20)\d{2}[\-/]\d{1,2}[\-/]\d{1,2}|\d{1,2}[\-/]\d{1,2}[\-/]\d{2,4}", value):
        return False
    return True


_FACILITY_GENERIC = frozenset({"inpatient", "outpatient", "community", "day", "local", "our", "the", "your", "his", "her",
                               "their", "a", "an", "neuro", "neurological", "physical", "acute", "geriatric", "stroke",
                               "cardiac", "pulmonary", "orthopaedic", "orthopedic", "drug", "alcohol", "addiction",
                               "residential", "specialist", "nhs", "va", "state", "county", "private", "palliative",
                               "children's", "veterans", "home", "nursing", "respite", "intermediate", "short-term",
                               "long-term", "step-down", "transitional", "supported", "skilled", "assisted", "elderly",
                               "mental", "health", "pain", "spinal", "brain", "cancer", "pediatric", "paediatric"})


_RESIDENT_ROOM = regex.compile(r",?[ ](?:Rm|Room|Bldg|Building|Wing)\.?[ ]?[A-Z0-9]{1,4}(?:-[A-Z0-9]{1,3})?")
_ONE_WORD_RESIDENCES = ("Hospice", "Rehabilitation", "Nursing", "Manor", "Apartments", "Commons")


def _residence_ok(value: str) -> bool:
    """A named care home or rehabilitation centre, not a kind of one ("Cardiac Rehabilitation")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _RESIDENT_ROOM.sub("", value).split()  # "Cedar Ridge Nursing, Rm 122": the home's name before its room
    name = [w.lower().rstrip(".") for w in words[: -1 if words[-1] in _ONE_WORD_RESIDENCES else -2]]
    name = name or [w.lower() for w in words[:1]]
    return not any(w in _FACILITY_GENERIC or w in STOP_WORDS or w in lexicon.CLINICAL_VOCAB_EN
                   or w in lexicon.CLINICAL_WORDS_EN for w in name)


def _letter_spaced_date_ok(value: str) -> bool:
    """Only the letter-spaced form: plain dates are the other rules' job."""
    return value.count(" ") >= 4


# OCR reads 0 as O/o and 1 as I/l: "O4/I2/1947", "O3 477 29I8". Only a value with real digits in
# most places and at least one swapped letter is read this way (plain dates and phones are the
# other rules' job; "IO/lO" or a word are not dates).
def _ocr_swapped(value: str, min_digits: int) -> bool:
    swapped = sum(ord(ch) in _OCR_DIGITS for ch in value)  # the letters OCR reads for 0 and 1: O o I l
    digits = sum(ch.isdigit() for ch in value)
    return 1 <= swapped <= digits // 2 and digits >= min_digits


def _ocr_date_ok(value: str) -> bool:
    # "1O/O2/2O26 O6:15", "O4 / l2 / 2O22 O6:15": judge the date part, which may hold spaces itself
    value = value.rsplit(None, 1)[0] if ":" in value else value
    parts = [x.strip() for x in regex.split(r"[/.\-]", value)]
    # With a four-digit year of this century or the last the shape is unmistakable, so up to as
    # many letters as real digits may be swapped ("0l/0l/2O22", "O4/l2/l95O"); otherwise at most half.
    long_year = len(parts[-1]) == 4 and parts[-1].translate(_OCR_DIGITS)[:2] in ("19", "20")
    swapped = sum(ch in "OoIl" for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    if not (_ocr_swapped(value, 4) or long_year and 1 <= swapped <= digits and digits >= 3):
        return False
    nums = [int(x.translate(_OCR_DIGITS)) for x in parts]
    return _day_and_month(nums[0], nums[1])


def _ocr_year_first_ok(value: str) -> bool:
    """A year-first date with OCR letters for some digits ("2O26-O3-O9"): at least one letter, no more
    letters than real digits, and a real month and day once read back (a code like "2OIO-IO-OI" is no date)."""
    swapped = sum(ch in "OoIl" for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    if not 1 <= swapped <= digits:
        return False
    year, month, day = (int(x.translate(_OCR_DIGITS)) for x in regex.split(r"[/.\-]", value))
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _day_and_month(a: int, b: int) -> bool:
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def _day_month_ok(value: str) -> bool:
    a, b = (int(x) for x in value.split("/"))
    return _day_and_month(a, b)


def _ocr_ssn_ok(value: str) -> bool:
    return _ocr_swapped(value, 5) and _ssn_ok(value.translate(_OCR_DIGITS))


def _ocr_phone_ok(value: str) -> bool:
    return _ocr_swapped(value, 6) and 8 <= sum(ch.isdigit() or ch in "OoIl" for ch in value) <= 15


# OCR reads these letters as digits ("Ch3lsea", "Ch1copee"): each digit and the letters it may stand for.
OCR_LETTERS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "8": "b"}
