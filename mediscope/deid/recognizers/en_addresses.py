"""English address and locality patterns and validators: streets, towns, postcodes, Indian localities.

The address rules sit inside `en_identifier_rules()`, interleaved with the id rules in the order span
conflicts are resolved by, so the list stays whole there; the shapes and checks those address rules
use are one family and live here.
"""

from __future__ import annotations

import re

import regex

from mediscope.deid import lexicon
from mediscope.deid.recognizers.en_lexicon import is_english
from mediscope.deid.recognizers.en_patterns import _POSSESSIVE_RE, CA_PROVINCES, US_STATES, _digit_and, _seen
from mediscope.deid.recognizers.en_places import city_gazetteer, country_names
from mediscope.deid.recognizers.en_vocab import _CARE_SETTINGS, _COMMON_WORDS, _NAME_PART_WORDS, _STATES

_IN_SEGMENT = (r"(?:\d{1,2}(?:st|nd|rd|th)\s+(?:Cross|Main|Block|Stage|Phase|Sector|Lane|Street|Road|Avenue|Floor)(?:\s+(?:Road|Street))?"
               r"|(?:Sector|Phase|Block|Road\s+No\.?|Street\s+No\.?)\s*\d{1,3}[A-Z]?"
               # a lettered block or building code, a Roman-numbered sector: "BF-118", "Block C", "Sector II"
               r"|[A-Z]{1,3}-\d{1,4}(?![\w\-])|(?:Block|Blk|Sector|Phase)\s[A-Z](?![\w\-])"
               r"|(?:\p{Lu}\p{Ll}+\s){0,2}Sector\s[IVX]{1,4}(?![\w\-])"
               # a locality with its numbered block or stage: "Jayanagar 4th Block", "JP Nagar 2nd Phase"
               r"|\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3}(?:\s\d{1,2}(?:st|nd|rd|th)\s(?:Block|Stage|Phase|Sector))?)")
_IN_EVIDENCE = regex.compile(
    r"\d(?:st|nd|rd|th)\s+(?:Cross|Main|Block|Stage|Phase|Sector)|\bSector\s+(?:\d|[IVX]{1,4}\b)|\b(?:Nagar|Layout|Colony|Vihar|Enclave|Bagh|Ganj|Puram|"
    r"Marg|Chowk|Halli|Palya|Peth|Wadi|Pally|Apartments?|Residency|Towers?|Society|Complex|Enclave|Road|Street|Lane|Main|Cross|"
    r"Way|Avenue|Close|Crescent|Drive|Estate|Phase|Layout|Extension)\b"
    r"|pally\b|nagar\b|puram\b|halli\b|wadi\b|pet\b|abad\b|ganj\b|pur\b")


def _locality_ok(value: str) -> bool:
    """"Lajpat Nagar", "HSR Layout"; not "The Bagh" nor "Pseudomonas Layout" (a stop or clinical word before it)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in value.split()[:-1]]
    return not any(w in STOP_WORDS or w in lexicon.CLINICAL_WORDS_EN or w in lexicon.CLINICAL_VOCAB_EN
                   or len(w) >= 8 and w.endswith(("monas", "coccus", "cocci", "bacter", "bacillus")) for w in words)


_GRADE_IN_ADDRESS = regex.compile(r"\b(?:Grade|Class|Type|Level|Gleason|Tumou?r|Stage\s+[IV0-4])\b")


def _in_house_ok(value: str) -> bool:
    """A house number and a locality: "H.No.", "Door No.", "Plot No." say so themselves; after a bare
    "No. 12", "#45" or "B-204" a road, cross, main or locality word must follow ("No. 3, Grade II" is no address)."""
    if regex.match(r"(?:H\.?\s?No|Door|House|Flat|Shop|Site|Plot)\b", value):
        return True
    if _GRADE_IN_ADDRESS.search(value):
        return False  # "No. 3, Grade II 2nd Stage": a tumour's grade and stage, not a locality's block
    return bool(_IN_EVIDENCE.search(value.split(",", 1)[1] if "," in value else ""))


_STREET_NOT_WORDS = frozenset({"mg", "mcg", "ml", "g", "kg", "tablet", "tablets", "tabs", "caps", "capsules", "puffs", "drops",
                               "units", "times", "days", "day", "weeks", "week", "hours", "hour", "years", "year", "months",
                               "minutes", "mins", "doses", "dose", "steps", "blocks", "miles", "km", "floors", "flights"})


_LOWER_STREET_WORD = re.compile(
    r"[a-z] (?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|court|ct|place|terrace|crescent|close|parkway|pkwy|"
    r"highway|hwy|circle|cir)\b")


def _LOWER_STREET_SEEN(text: str) -> bool:
    """A lower-case street word after a word; then a number or number word somewhere before it."""
    m = _LOWER_STREET_WORD.search(text)
    return m is not None


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred".split())


# A US address typed in lower case ends "... in dayton ohio 45402", "miami fl 33135": the state in
# full, or a two-letter code that is not also a word or a clinical abbreviation ("in", "me", "ga",
# "va", "sc" stay out), then a five-digit ZIP.
_LOWER_US_STATE = (
    r"(?:(?i:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|"
    r"illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|"
    r"missouri|montana|nebraska|nevada|new\s(?:hampshire|jersey|mexico|york)|(?:north|south)\s(?:carolina|dakota)|ohio|"
    r"oklahoma|oregon|pennsylvania|rhode\sisland|tennessee|texas|utah|vermont|virginia|washington|west\svirginia|"
    r"wisconsin|wyoming)|ak|az|ar|ca|fl|ia|il|ks|ky|mn|mt|nc|nh|nj|nm|nv|ny|oh|sd|tn|tx|vt|wi|wv|wy)"
)
_LOWER_CITY_NOT = frozenset(
    "in at to of on the from near and we i is are was live lives living apt apartment unit suite flat st street rd road "
    "ave avenue blvd dr drive ln lane ct court way hwy box route".split()
)


def _lower_city_ok(value: str) -> bool:
    """The town before a lower-case state: not a function word nor the street's own suffix."""
    words = value.split()
    return not any(w in _LOWER_CITY_NOT for w in words)


_CORNER_SUFFIX = r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Ln|Lane|Pkwy|Parkway|Hwy|Highway)"
_CORNER_SIDE = (rf"(?:[NSEW]\.?\s)?(?:\p{{Lu}}\p{{Ll}}+|\d{{1,3}}(?:st|nd|rd|th))(?:\s\p{{Lu}}\p{{Ll}}+)?\s{_CORNER_SUFFIX}")
_CORNER_SEEN = _seen(rf"\b{_CORNER_SUFFIX}\.? {{1,2}}(?:and|&|at|/) ")


def _lower_street_ok(value: str) -> bool:
    """"1200 south grand avenue", not "3 days on the road" nor "2 tablets by mouth way"."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w for w in value.split()[:-1] if not w[:1].isdigit() and w not in _NUMBER_WORDS]
    return bool(words) and not any(w in STOP_WORDS or w in _STREET_NOT_WORDS for w in words)


_STREET_NOT_NAMES = frozenset({"abbey", "downing", "wall", "main", "high", "baker", "harley", "fleet", "silk", "sesame"})


def _street_no_number_ok(value: str) -> bool:
    """"Hoe Street, Walthamstow" yes; "the Main Street" or a road traffic phrase ("Ring Road") only with a locality."""
    words = value.split(",")[0].split()
    if any(w.lower() in _CLINICAL_HEADS for w in words):
        return False
    return len(words) >= 2 and ("," in value or words[0].lower() not in _STREET_NOT_NAMES)


_IN_STATES = (r"(?:Andhra\s+Pradesh|Arunachal\s+Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal\s+Pradesh|"
              r"Jharkhand|Karnataka|Kerala|Madhya\s+Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Orissa|"
              r"Punjab|Rajasthan|Sikkim|Tamil\s+Nadu|Telangana|Tripura|Uttar\s+Pradesh|Uttarakhand|West\s+Bengal|Delhi|"
              r"Chandigarh|Puducherry|Pondicherry|Jammu(?:\s+(?:and|&)\s+Kashmir)?|Ladakh)")


# Old street suffixes of northern England and Scotland: "Kirkgate", "Briggate", "Kirk Wynd", "Bridge End".
_OLD_STREET = (r"(?:[A-Z][a-z]{2,}(?:gate|wynd)|(?:[A-Z][a-z'’]+\s){1,2}(?:End|Wynd|Brow|Fold|Garth|Croft|Yard|Gate|Side|Vale|"
               r"Lea|Loan|Brae))")
_OLD_STREET_SEEN = _digit_and(r"\d [A-Z][a-z]+(?:gate|wynd|\s(?:[A-Z][a-z'’]+\s)?(?:End|Wynd|Brow|Fold|Garth|Croft|Yard|Gate|Side|"
                              r"Vale|Lea|Loan|Brae))\b")


def _old_street_ok(value: str) -> bool:
    """No word of the street is a dose word or a clinical word ("2 Tablets Side")."""
    words = [w.lower() for w in value.split()[1:]]
    return not any(w in _STREET_NOT_WORDS or w in lexicon.CLINICAL_WORDS_EN for w in words)


def _locality_after_street_ok(value: str) -> bool:
    low = value.lower()
    return (low not in _COMMON_WORDS and low not in _STATES and low not in country_names() and low not in lexicon.CLINICAL_WORDS_EN
            and low not in _CLINICAL_HEADS)


def _division_ok(value: str) -> bool:
    """`lettered_division`: the place after the comma is no common, clinical or English word
    (a "Kebele" is an address whatever follows)."""
    place = value.rsplit(",", 1)[1].strip()
    return "Kebele" in value or (_locality_after_street_ok(place) and not any(is_english(w.lower()) for w in place.split()))


def _street_town_ok(value: str) -> bool:
    """`street_then_town`: the town is no word, and the street's first word no clinical one."""
    street, town = (part.strip() for part in value.rsplit(",", 1))
    first = street.split()[0].lower()
    return (_locality_after_street_ok(town) and not is_english(town.lower())
            and first not in lexicon.CLINICAL_WORDS_EN and first not in _CLINICAL_HEADS)


def _town_of_residence_ok(value: str) -> bool:
    first = value.split()[0].lower()
    return (_locality_after_street_ok(value) and not is_english(first) and first not in _MONTHS_AND_DAYS
            and first not in lexicon.CLINICAL_VOCAB_EN)


# One line of a British address before the post town: "Flat 2", "9 Heol y Coed", "Tŷ Newydd",
# "Bethesda Surgery" (a number and up to four words, Welsh and French articles allowed inside).
_UK_PARTICLES = ("y", "yr", "ap", "de", "la", "le", "du", "on", "upon", "the", "of")
_UK_LINE = (r"(?:(?:Flat|Unit|Apt|Apartment|Suite|Room|Plot)\s\d{1,4}[A-Za-z]?|(?:\d{1,4}[A-Za-z]?\s)?\p{Lu}[\p{L}'’\-]+"
            rf"(?:[ ](?:{'|'.join(_UK_PARTICLES)}|\p{{Lu}}[\p{{L}}'’\-]+)){{0,4}})")
# Not "Clinic" nor "Practice": "Riverside Clinic, 14 Harbour Rd" names a care setting, not where someone lives.
_PREMISES = (r"Surgery|Chemist|Pharmacy|Centre|Center|Shelter|Mission|Hostel|Lodge|Hall|Store|Market|Mall|"
             r"Plaza|Depot|Warehouse|Factory|Mill|Farm|School|College|Church|Mosque|Temple|Hotel|Motel|Inn|Home|House|"
             r"Library|Station|Garage|Workshop|Yard|Stores|Supermarket|Restaurant|Cafe|Café|Bar|Pub")


def _uk_address_ok(value: str) -> bool:
    """Not a run of clinical, department or ordinary words ("Reviewed, Stable, Discharged")."""
    words = [w.lower() for w in regex.findall(r"\p{L}[\p{L}'’\-]*", value)]
    content = [w for w in words if w not in _UK_PARTICLES]
    return bool(content) and not any(w in lexicon.CLINICAL_WORDS_EN or _DEPARTMENT_WORD.search(w) and w not in ("surgery",)
                                     for w in content) and not all(is_english(w) and city_gazetteer().tier(w) is None
                                                                    for w in content)


def _premises_ok(value: str) -> bool:
    """The premises' own name holds no clinical word ("Cardiology Clinic, 12 Main St" is still named
    for its street, and stays to the street rule)."""
    words = [w.lower() for w in value.split()[:-1]]
    return not any(w in lexicon.CLINICAL_WORDS_EN or w in lexicon.CLINICAL_VOCAB_EN or _DEPARTMENT_WORD.search(w)
                   for w in words)


# A sentence's first word is no part of the town after it: "From Gallup, NM", "In Moose Jaw, SK".
_NOT_TOWN_HEAD = r"(?!(?:From|In|At|To|Near|Of|And|The|Lives|Lived|Moved|Seen|Born|Works|Back|Home)\s)"
# A town and its state or province code ("Sunnyvale, CA", "Moose Jaw, SK"), for `city_state` and `city_state_prose`.
_TOWN_AND_CODE = (rf"(?P<phi>(?<![A-Za-z]){_NOT_TOWN_HEAD}[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}},\s*(?:{US_STATES}|{CA_PROVINCES}))"
                  r"(?![A-Za-z])")
# State and province codes that are no clinical abbreviation or English word ("NS" saline, "OR"
# theatre, "CA" cancer, "MS", "PE", "IN", "ME" are): after one, a town of English words is a town.
_PLAIN_CODES = frozenset("AK AZ AR FL IL IA KS KY MI MN MT NV NH NJ NM NY NC ND OH SD TN TX UT VT WV WI WY AB BC MB NB NL QC SK YT".split())
_FACILITY_WORDS = frozenset({"community", "health", "family", "practice", "centre", "center", "medical", "clinic", "hospital",
                             "care", "services", "service", "group", "associates", "partners", "pharmacy", "surgery"})


def _city_state_ok(value: str) -> bool:
    """The town before a state code is no form label ("(Last, First, MI)"), no facility's name
    ("Dartmouth Community Health, NS": the town alone is the other rules') and no clinical word:
    "Breast, CA" is a cancer, "Lasix, NS" a drug and normal saline."""
    words = [w.lower() for w in regex.split(r"[\s\-]+", value.rsplit(",", 1)[0]) if w]
    return not any(w in _NAME_PART_WORDS or w in _FACILITY_WORDS or w in lexicon.CLINICAL_WORDS_EN
                   or w in lexicon.CLINICAL_VOCAB_EN for w in words)


def _town_before_code_ok(value: str) -> bool:
    """"Gary, IN", "Moose Jaw, SK": before more prose, a city the gazetteer knows, or any town before
    a code that is no clinical abbreviation ("Pine Ridge, SD with …"); not "Ceftriaxone, NS flush"
    nor "Stable, OR theatre" (a drug before saline, a word before the operating room)."""
    town, code = value.rsplit(",", 1)
    if city_gazetteer().tier(town) is not None:
        return True
    single_word = " " not in town and "-" not in town and is_english(town.lower())
    return code.strip() in _PLAIN_CODES and not single_word  # "Seen, TX plan": a word, then treatment


def _unlisted_place_ok(value: str) -> bool:
    """No word of it is English or clinical: "Manukau", "Otahuhu", not "Cardiology" nor "Main"."""
    words = [w.lower() for w in regex.split(r"[\s\-]", value) if w]
    return all(not is_english(w) and w not in lexicon.CLINICAL_VOCAB_EN and w not in _MONTHS_AND_DAYS
               and not _DEPARTMENT_WORD.search(w) and w not in _CARE_SETTINGS for w in words)


def _home_town_ok(value: str) -> bool:
    """A Maori place name opens with "Te" ("Te Puke", "Te Awamutu") whatever the word after it."""
    if value.startswith("Te "):
        rest = value[3:].lower()
        return rest not in lexicon.CLINICAL_VOCAB_EN and not _DEPARTMENT_WORD.search(rest)
    return _unlisted_place_ok(value)


# Specialties and services a clinic label names ("Clinic: Rheumatology", "Site: Orthopaedics").
_DEPARTMENT_WORD = regex.compile(
    r"(?:olog(?:y|ie|ia)|iatrics?|iatry|ics|scopy|graphy|therapy|surgery|medicine|natal|partum|clinic|unit|ward|"
    r"theatre|theater|pharmacy|imaging|radiology|dialysis|infusion|outpatients?|inpatients?)$"
)


_MONTHS_AND_DAYS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                              "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                              "saturday", "sunday", "spring", "summer", "autumn", "winter"})


_CLINICAL_HEADS = frozenset({"emergency", "hospital", "clinic", "ward", "department", "surgery", "medical", "health", "care",
                             "silk", "yellow", "high", "low"})


# Words that make a school's name a kind of school, not one school: "Medical School", "Sunday School".
_SCHOOL_KIND_WORDS = frozenset({"medical", "nursing", "dental", "sunday", "summer", "night", "special", "public", "private",
                                "state", "local", "community", "primary", "secondary", "high", "middle", "elementary",
                                "boarding", "day", "graduate", "law", "business", "royal", "national",
                                "american", "british", "the", "his", "her", "their", "my", "our", "your", "a", "new"})


def _school_ok(value: str) -> bool:
    """A named school ("Roosevelt Middle School", "St Mary's Primary"), not a kind of school."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = regex.findall(r"[\p{L}'’\-]+", value)
    name = [_POSSESSIVE_RE.sub("", w.lower()) for w in words[:-1]]
    name = [w for w in name if w not in ("st", "saint", "middle", "high", "primary", "elementary", "junior", "secondary",
                                         "grammar", "infant", "infants", "school", "catholic", "national", "public")]
    return bool(name) and not any(w in _SCHOOL_KIND_WORDS or w in STOP_WORDS or w in lexicon.CLINICAL_VOCAB_EN
                                  or w in lexicon.CLINICAL_WORDS_EN or _DEPARTMENT_WORD.search(w) for w in name)


# Mounts hospitals are named after, wherever they stand ("Mount Sinai", "Mount Carmel"): no town.
_MOUNT_HOSPITALS = frozenset({"sinai", "carmel", "zion", "auburn", "alvernia", "nittany"})
