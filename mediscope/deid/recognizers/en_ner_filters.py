"""The cues, stop-lists and word tests `EnglishNerRecognizer` filters spaCy's entities with.

Title and name cues, eponym and analyte checks, state names and the name lists: plain data and
small predicates that use nothing from the recognizer, kept apart so `en_ner` holds the class
and the helpers that work on its results.
"""

from __future__ import annotations

import functools

import regex

from mediscope.deid import lexicon
from mediscope.deid.recognizers.en_lexicon import EXTRA_GIVEN_NAMES, EXTRA_SURNAMES, english_words, is_english
from mediscope.deid.recognizers.en_patterns import (
    _LAST_WORD_RE,
    _NEXT_WORD_RE,
    _POSSESSIVE_RE,
    _SPACE_DASH_RE,
    _SPACE_SLASH_RE,
)
from mediscope.deid.recognizers.en_vocab import _COMMON_WORDS, _STATES
from mediscope.deid.types import PhiSpan

_EN_TITLE = regex.compile(
    # (a priest: "Chaplain Fr. Dominic"; "Fr" only with its dot and no number before it, since
    # "14 Fr Foley" is a catheter's French size)
    # (and the ranks of officers who attend a scene: "Ofc. Sandoval", "Trooper Delgado", "Sgt Okafor")
    r"\b(?:[Dd]r|[Mm]r|[Mm]rs|Ms|Miss|Mx|Prof|Doctor|Nurse|Sister|Rev|Sr|Jr|RN|(?<!\d)(?<!\d[ ])Fr(?=\.)"
    r"|Officer|Ofc|Ptl|Trooper|Tpr|Deputy|Sgt|Sergeant|Cpl|Corporal|Detective|Det|Constable|Captain|Capt)\.?\s+"
    # "Dr T Fifita", "Mr J. K. Smith": initials before the surname
    r"(?P<name>(?:\p{Lu}\.?\s+(?=\p{Lu}))?(?:\p{Lu}\.\s*(?=\p{Lu}))?(?:(?:de|da|van|von|di|du|del|della|le|la|al|el)\s+(?=\p{Lu})|(?:al|el|abu|bin|ibn|ul|ud)-(?=\p{Lu}))?\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}\.)?"
    # surname particles in lower case: "Mr Van der Merwe", "Dr de la Cruz" (the name's own capital starts it)
    r"(?:(?:\s+(?:van|von|der|den|de|del|della|da|di|du|la|le|ten|ter|bin|binti|al|el|dos|das))+\s+\p{Lu}[\p{L}'\-]+|(?:\s+\p{Lu}[\p{L}'\-]+)?))"
)
_EN_NAME_CUE = regex.compile(
    r"\b(?:[Nn]ame|[Pp]atient name|[Ss]igned(?: by)?|[Ss]ignature|[Ss]een by|[Aa]ttending(?: physician)?|[Rr]eferred by|"
    r"[Rr]eferring physician|[Ee]mergency contact|[Nn]ext of kin|[Gg]uardian|[Cc]ontact person|[Dd]ictated by|[Ss]urgeon|"
    r"[Pp]hysician|[Cc]linician|[Pp]rovider|[Mm]y name is|[Mm]y name's|[Nn]ame is|[Ll]ast name is|[Ii] am|I'm|[Tt]his is|husband|wife|son|daughter|mother|father|"
    r"brother|sister|partner|(?i:spouse|husband|wife|son|daughter|partner)|[Bb]aby\s+(?:boy|girl)|driver|nurse|named|called|for|with|by|[Pp]atient|[Pp]t\.?|mom|mum|dad|[Uu]ncle|[Aa]unt|fianc[eé]e?|"
    r"grandson|granddaughter|grandmother|grandfather|niece|nephew|cousin|[Aa]unty|[Aa]untie|grandma|grandpa|granny|hubby|"
    r"neighbou?r|boyfriend|girlfriend|bf|gf|[Nn]ickname|[Kk]nown as|goes by|[Aa]\.?k\.?a\.?|prefers to be called|[Pp]referred name|"
    r"PCP|[Pp]rimary care (?:physician|provider|doctor)|[Ff]amily doctor"
    # the people a claim's or a call's form names: "Caller: Amber Whitcombe", "Claimant: …", "Insured: …"
    r"|[Cc]aller|[Cc]laimant|[Ii]nsured|[Bb]eneficiary|[Pp]olicyholder|[Ww]itness|[Aa]djuster|[Ii]nvestigator|[Ii]nformant)"
    # a nickname in quotes after its cue: 'goes by "Zee"'
    r"\s*(?:[:\-(]|,(?=\s*\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+,)|(?<=(?:goes by|[Kk]nown as|[Nn]ickname|prefers to be called|[Aa]\.?k\.?a\.?))\s*[\"“'‘])?\s*"
    # accented letters too ("Restrepo Gómez"), and a fourth word for a double surname
    # ("Juan Pablo Restrepo Gómez"), which must be no English word (checked where it is used)
    # ("Marguerite LeBlanc", "Rose McAllister": a particle glued on before a capital)
    r"(?P<name>(?:[A-Z][\p{Ll}'\-]*\p{Ll}|[A-Z](?=['’]))(?:['’\-]\p{Lu}\p{Ll}+)*(?:\s+[A-Z]\.)?"
    r"(?:\s+\p{Lu}[\p{Ll}'\-]*\p{Ll}(?:(?<=\b(?:Mc|Mac|Le|La|De|Di|Du|Da|Van|Von|Fitz))\p{Lu}\p{Ll}+)?(?:['’\-]\p{Lu}\p{Ll}+)*){0,3})"
)
_GREETINGS = frozenset({"kia", "talofa", "malo", "bula", "sawubona", "molo", "dumela", "salaam", "namaste", "aloha",
                        "hi", "hello", "hey", "dear", "thanks", "morning", "evening", "afternoon", "greetings", "regards",
                        "cheers", "hiya", "yo", "ok", "okay", "yes", "no", "please", "sorry"})
_LOOSE_CUES = {"i am", "i'm", "this is", "for", "with", "by", "patient", "pt", "pt.", "named", "called",
               # (a claim's or a call's field may hold "Self", "None", "Unknown": one word after them is no name)
               "caller", "claimant", "insured", "beneficiary", "policyholder", "witness", "adjuster", "investigator", "informant"}
_NOT_NAME_SINGLE = {"sorry", "fine", "good", "okay", "ok", "here", "back", "sure", "glad", "happy", "worried",
                    "concerned", "pregnant", "allergic", "diabetic", "done", "ready", "tired", "sick", "better",
                    "confused", "scared", "afraid", "new", "not", "still", "also", "just", "so", "very"}
_NOT_NAME_WORDS = {"disease", "syndrome", "department", "hospital", "clinic", "center", "centre", "unit", "test", "surgery",
                   "practice", "pharmacy",
                   "scan", "virus", "lymphoma", "palsy", "insurance", "health", "medical", "care", "services"}
_SENTENCE_NAME = regex.compile(
    r"(?:^|(?<=[.!?;]\s{1,3}))(?P<name>[A-Z][a-z'\-]+\s+[A-Z][a-z'\-]+)(?=,?\s+(?:reports|presents|complains|states|"
    r"says|said|denies|was|is|has|had|called|came|returned|visited|underwent|took|takes|reported|presented|"
    r"complained|arrived|died|developed|noted|needs|will|would|should|lives|lived|spent|works|worked|moved|"
    r"wrote|told|asked|wants|wanted|went|can|could|did|does|met|left|feels|felt|thinks|knows|lost|paid)\b)"
)
_NON_LATIN = regex.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_WORD_SPAN = regex.compile(r"[\p{L}][\p{L}'’\-]*")
# Languages and peoples: "Zulu-speaking", "a Samoan interpreter" name no one.
_LANGUAGE_WORDS = frozenset({
    "zulu", "xhosa", "isizulu", "isixhosa", "sotho", "sesotho", "tswana", "setswana", "afrikaans", "swahili", "kiswahili",
    "maori", "māori", "te reo", "samoan", "tongan", "fijian", "niuean", "tokelauan", "hawaiian", "navajo", "lakota", "cherokee",
    "ojibwe", "cree", "inuktitut", "amharic", "tigrinya", "somali", "oromo", "yoruba", "igbo", "hausa", "twi", "tagalog",
    "ilocano", "cebuano", "punjabi", "urdu", "hindi", "gujarati", "tamil", "telugu", "bengali", "marathi", "malayalam",
    "kannada", "cantonese", "mandarin", "hokkien", "vietnamese", "khmer", "lao", "hmong", "farsi", "dari", "pashto", "arabic",
    "kurdish", "turkish", "hebrew", "russian", "ukrainian", "polish", "romanian", "portuguese", "spanish", "creole",
})
# Acronyms of diagnoses that some locale also lists as a given name ("CAP", "MS").
_CLINICAL_ACRONYMS = frozenset({"cap", "hap", "vap", "uti", "dvt", "copd", "chf", "cva", "tia", "aki", "ckd", "ards", "mi",
                                "pe", "ami", "gerd", "htn", "dka", "hhs", "sob", "loc", "ams", "ra", "sle", "ms", "als",
                                "pad", "cad", "af", "afib", "bph", "ibd", "ibs", "osa", "ptsd", "adhd", "ocd", "hiv", "tb"})
# Blood tubes and specimen containers on lab forms.
_SPECIMEN_WORDS = frozenset({"li-hep", "lihep", "na-hep", "k-edta", "k2-edta", "k3-edta", "k2edta", "na-cit", "na-citrate",
                             "sst", "pst", "acd", "edta", "fl-ox", "naf"})
# Payers named before a member number: an organisation, neither a person nor a place.
_PAYER_WORDS = frozenset({"aetna", "cigna", "humana", "kaiser", "anthem", "bcbs", "uhc", "unitedhealthcare", "medicaid",
                          "medicare", "tricare", "molina", "centene", "ambetter", "wellcare", "highmark", "bupa", "medibank",
                          "axa", "allianz", "daman", "adnic", "nib", "hcf", "caresource", "amerigroup", "optum", "oscar health",
                          "blue cross", "blue shield", "southern cross", "discovery health", "star health", "niva bupa"})
_MEMBER_NUMBER_AFTER = regex.compile(r"\s*(?:(?i:member|policy|card|id|no\.?|number|#)\s*){0,2}[:#]?\s*[A-Z]{0,4}[\-\s]?\d[\d\-]{5,}")
# A saint's name with a possessive, alone: how hospitals are called ("St. Mary's", "St John's").
_SAINT_PLACE = regex.compile(r"^(?:St|Saint)\.?\s+\p{Lu}\p{Ll}+['’]s$")
_TITLE_OR_DEGREE = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sr", "rn", "np", "md", "do", "pa", "pa-c", "dnp",
                              "phd", "mbbs", "frcp", "rgn", "en", "pharmd", "aprn", "crna", "lpn", "sister", "nurse", "doctor",
                              # clergy and service ranks alone ("Brother Fr. Seamus": spaCy takes "Fr" apart)
                              "fr", "br", "rev", "revd", "matron", "sgt", "cpl", "capt", "lt", "col", "maj"})
_COLUMN_GAP = regex.compile(r"\n|[ \t]{3,}|\t")
_SPACED_DASH = regex.compile(r"\s[\-–—]\s")
_TITLE_GAP = regex.compile(r"\s*\n|[ \t]{2,}|\t")
_SAINT_BEFORE = regex.compile(r"\b(?:St|Saint)\.?\s+$")
_TITLES_EN = {"Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Doctor", "Nurse", "Sister", "Rev", "The", "Patient", "Officer",
              "Ofc", "Ptl", "Trooper", "Tpr", "Deputy", "Sgt", "Sergeant", "Cpl", "Corporal", "Detective", "Det", "Constable",
              "Captain", "Capt"}
# Where a sentence or a line opens: the text's start, or just after ". ", "! ", "? " or a line break.
_SENTENCE_OPEN = regex.compile(r"(?:^|[.!?]\s{1,2}|\n\s*)$")
_DRUG_SUFFIX = regex.compile(
    r"(?:mab|nib|pril|sartan|olol|statin|azole|cillin|mycin|floxacin|cycline|dipine|tidine|prazole|"
    r"parin|oxetine|aline|azepam|zolam|tropin|formin|gliptin|gliflozin|vir|navir|lukast|terol|sone|olone|"
    r"afil|triptan|setron|dronate|caine|amide|thiazide)$",
    regex.IGNORECASE,
)
_DURATION = regex.compile(
    r"^(?:\d+|a|an|one|two|three|few|several)\s*(?:-|\s)?(?:day|week|month|year|hour|minute|decade)s?\b|"
    r"\b(?:ago|daily|weekly|monthly|yearly|today|tonight|yesterday|tomorrow|annual)\b",
    regex.IGNORECASE,
)


# Eponyms that are (almost) never a person in clinical text, with or without "disease" after.
_STRICT_EPONYMS = {"parkinson", "hodgkin", "alzheimer", "crohn", "cushing", "hashimoto", "tourette", "asperger",
                   "kawasaki", "huntington", "raynaud", "sjogren", "sjögren", "guillain", "barre", "guillain-barre",
                   "guillain-barré", "epstein-barr", "kaposi", "wernicke", "korsakoff", "marfan", "meniere",
                   "lou gehrig", "gehrig", "klinefelter", "hirschsprung", "behcet", "behçet", "takayasu", "apgar",
                   "glasgow", "valsalva", "heimlich", "trendelenburg", "babinski", "brugada", "fallot", "wilms",
                   "burkitt", "lyme", "bell's", "down", "miller fisher", "miller-fisher",
                   # eponyms that are hardly ever anyone's name
                   "gitelman", "bartter", "ehlers-danlos", "danlos", "cheyne-stokes", "kussmaul", "bankart", "hill-sachs",
                   "chvostek", "brudzinski", "fanconi", "dupuytren", "peyronie", "creutzfeldt", "creutzfeldt-jakob"}


_RELATION_WORDS = frozenset({"son", "daughter", "husband", "wife", "spouse", "partner", "mother", "father", "mum", "mom",
                             "parent", "parents", "guardian", "guardians", "grandad", "granddad", "grandma", "grandpa",
                             "granny", "grandmother", "grandfather", "nana", "nanna",
                             "dad", "brother", "sister", "niece", "nephew", "grandson", "granddaughter", "aunt", "uncle",
                             "cousin", "friend", "carer", "caregiver", "driver", "physio", "physiotherapist", "nurse",
                             "twitter", "instagram", "facebook", "tiktok", "snapchat", "wechat", "whatsapp", "telegram"})
_LEADING_RELATION_RE = regex.compile(
    r"^(?:(?:Son|Daughter|Brother|Sister|Mother|Father)-in-law|Son|Daughter|Husband|Wife|Spouse|Partner|Mother|Father|"
    r"Mum|Mom|Dad|Brother|Niece|Nephew|Grandson|Granddaughter|Aunt|Uncle|Cousin|Friend|Carer|Caregiver|"
    r"Boyfriend|Girlfriend|Fianc[eé]e?|Step(?:son|daughter|mother|father|mum|mom|dad)|Grandmother|Grandfather|"
    r"Neighbou?r|Flatmate|Roommate|Housemate|"
    r"Baby(?:\s+(?:boy|girl))?|Patient|Pt\.?)\s+"
)
_RELATION_BEFORE_RE = regex.compile(
    r"\b(?i:son|daughter|husband|wife|spouse|partner|mother|father|mum|mom|dad|brother|sister|niece|nephew|grandson|"
    r"granddaughter|aunt|uncle|cousin|friend|carer|caregiver)(?:-in-law)?s?\s+$"
)
_DEVICE_EPONYMS = frozenset({"foley", "holter", "hickman", "picc", "swan-ganz", "ryles", "ryle's", "guedel", "venturi",
                             "sengstaken", "jackson-pratt", "penrose", "tenckhoff", "mirena", "doppler", "bair"})
_RELATION_HEADS = frozenset({"son", "daughter", "brother", "sister", "mother", "father", "husband", "wife", "spouse", "partner",
                             "mum", "mom", "dad", "niece", "nephew", "grandson", "granddaughter", "aunt", "uncle", "cousin",
                             "friend", "carer", "caregiver", "baby", "patient", "pt", "boyfriend", "girlfriend", "fiance",
                             "fiancé", "fiancee", "fiancée", "stepson", "stepdaughter", "stepmother", "stepfather",
                             "stepmum", "stepmom", "stepdad", "grandmother", "grandfather", "neighbour", "neighbor",
                             "flatmate", "roommate", "housemate"})
_TRAILING_LABEL_RE = regex.compile(r"(?:\s*[/|\-–—:]?\s*(?:Age|DOB|D\.O\.B\.?|MRN|Sex|Gender|Ward|Bed|Room|NHS|ID|First|Last|State|STATE|ZIP|City|CITY)\b\.?:?|\s*[\-–—/|:]|\s)+$")
_LABEL_TAILS = frozenset({"age", "dob", "d.o.b", "mrn", "sex", "gender", "ward", "bed", "room", "nhs", "id", "first", "last",
                          "state", "zip", "city"})


def _has_label_tail(etext: str) -> bool:
    """Cheap pre-test for `_TRAILING_LABEL_RE`: ends in a separator or a form label word."""
    return etext[-1:] in " -–—/|:" or etext.rsplit(None, 1)[-1].rstrip(".:").lower() in _LABEL_TAILS


_EPONYM_TAILS = frozenset({"scale", "score", "criteria", "classification", "protein", "catheter", "monitor", "syndrome",
                           "disease", "test", "sign", "reflex"})
_DEVICE_AFTER = regex.compile(
    r"^(?:'s|’s|')?\s(?:catheters?|monitor(?:ing)?|protein|tubes?|drains?|stockings?|splint|mask|valve|shunt|"
    r"procedure|operation|repair|fracture|stain|technique|position|manoeuvre|maneuver|score|scale|criteria|"
    r"classification|syndrome|disease|sign|test|rules?|(?:ankle|knee|foot|head|c-spine)\s+rules|staging|serology|variant|"
    r"cells?|bodies|reversal|card|stage\s+[IV]+[AB]?)\b"
)


_STATE_WORDS = frozenset(w for name in _STATES for w in name.split())


def _in_state_name(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is (part of) a state or province name written out."""
    word = text[start:end].lower()
    if word not in _STATE_WORDS:
        return False
    left = _LAST_WORD_RE.search(text, max(0, start - 20), start)
    right = _NEXT_WORD_RE.match(text, end)
    for cand in (word, f"{left.group(1).lower()} {word}" if left else "", f"{word} {right.group(1).lower()}" if right else ""):
        if cand in _STATES:
            return True
    return False


def _is_eponym(text: str, following: str) -> bool:
    """True for disease eponyms and drug names the NER mistakes for people.

    "Dr. Graves" is a person, "Graves' disease" is not: most eponyms are also real surnames, so
    they are dropped only when a disease word follows, except a short list that is never a name.
    """
    low = text.lower().strip()
    bare = _POSSESSIVE_RE.sub("", low)
    if bare in _STRICT_EPONYMS or low in lexicon.CLINICAL_WORDS_EN:
        return True
    parts = [_POSSESSIVE_RE.sub("", p) for p in _SPACE_DASH_RE.split(low) if p]
    if parts and all(p in _STRICT_EPONYMS for p in parts):
        return True
    joined = [_POSSESSIVE_RE.sub("", p) for p in regex.split(r"\s+(?:\+|&|/|and|or|with)\s+", low)]
    if len(joined) > 1 and all(p in _STRICT_EPONYMS for p in joined):
        return True  # "Sjögren + Raynaud's": two eponyms joined
    if bare in _DEVICE_EPONYMS or parts and parts[-1] in _EPONYM_TAILS:
        return True  # "Glasgow Coma Scale", "Wells score" tagged whole
    if _DEVICE_AFTER.match(following):
        return True  # "Foley catheter", "Holter monitor", "Bence Jones protein"
    nxt = following.lower()
    if nxt.startswith(("'", "’")) and not nxt.startswith(("'s", "’s")):
        nxt = nxt[1:]
    nxt = nxt.lstrip()
    if nxt.startswith(lexicon.EPONYM_FOLLOWERS_EN) or low.endswith(("'s", "’s", "'")) and nxt.startswith(
        lexicon.EPONYM_FOLLOWERS_EN[:-2]
    ):
        return parts[-1] in lexicon.EPONYMS_EN if parts else False
    return bool(_DRUG_SUFFIX.search(low)) and " " not in low


_SECOND_EPONYM_AFTER = regex.compile(
    r"[\s\-]+\p{Lu}[\p{L}'’]+(?:'s|’s)?\s+(?i:syndrome|disease|sign|reflex|phenomenon|variant|criteria|classification|score|scale)\b")
_LOWER_WORD = regex.compile(r"(?<![\w'’])\p{Ll}{2,}(?![\w'’])")


def _caps_word_in_prose(word: str, text: str, start: int, end: int) -> bool:
    """An ordinary English word in capitals inside a lower-case sentence is emphasis or an
    acronym ("RICE", "STAT"), not a surname; on an all-caps form line it may be one."""
    if not word.isupper() or not is_english(word.lower(), english_words()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(_LOWER_WORD.findall(line)) >= 4


_NATIONALITY_BEFORE = regex.compile(
    r"\b(?i:nationality|citizenship|citizen\s+of|country\s+of\s+(?:birth|origin|citizenship)|passport\s+country)\s*[:\-]?\s*$")
_LAB_CASE = regex.compile(r"^\p{Lu}\p{Ll}\p{Lu}")  # "HbSC", "HbA", "IgG"-like analyte names
_ANALYTE_AFTER = regex.compile(
    r"^(?:[ \t]+[<>]?\d[\d.,]*\s*(?:mg|mmol|µmol|umol|g/|ng|pg|iu|u/|mu|meq|mEq|%|x10|cells|copies|mL|/)|"
    r"\s+(?:serology|titres?|titers?|antibod(?:y|ies)|antigen|screen|panel|levels?|PCR|IgG|IgM)\b|"
    r"\s+(?:positive|negative|pos|neg|reactive|non-reactive|equivocal|detected|not\s+detected)\b)", regex.IGNORECASE)


def _label_or_analyte(word: str, text: str, end: int) -> bool:
    """One word that is a form label ("Email:", "Voicemail:") or a test with its result or a
    lab word after it ("Creatinine  2.41 mg/dL", "Syphilis serology"): no person and no place."""
    if " " in word:
        return False
    after = text[end : end + 24]
    label = _LABEL_COLON.match(after)
    if label and (is_english(word.lower(), english_words()) or word.lower() in _FORM_LABELS):
        return True
    return _ANALYTE_AFTER.match(after) is not None


_LABEL_COLON = regex.compile(r"\s?(?:\([^()\n]{1,30}\))?\s?:")
_FORM_LABELS = frozenset({"email", "e-mail", "voicemail", "fax", "tel", "phone", "mobile", "cell", "address", "note", "notes",
                          "diagnosis", "plan", "impression", "history", "allergies", "medications", "subject", "re", "cc"})


def _latin_person_locales() -> list[str]:
    """Every Faker locale whose person provider lists Latin-script names.

    Held-out text carries names from anywhere (Szabina, Oluwaseun, Wisława); the more lists, the
    fewer names only the small NER model has to find. Cyrillic/CJK/Arabic lists are skipped: a
    name in those scripts never matches the Latin-only name shapes below.
    """
    import importlib

    try:
        from faker.config import AVAILABLE_LOCALES
    except Exception:  # noqa: BLE001 - faker is a deid dependency
        return []
    out = []
    for loc in sorted(AVAILABLE_LOCALES):
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except Exception:  # noqa: BLE001 - a locale without a person provider
            continue
        names = getattr(provider, "last_names", ())
        sample = list(names)[:20] if isinstance(names, (list, tuple, dict)) else []
        if sample and sum(1 for v in sample if isinstance(v, str) and _LATIN_WORD.match(v)) >= len(sample) // 2:
            out.append(loc)
    return out


_LATIN_WORD = regex.compile(r"^[\p{Latin}'’\- ]+$")


@functools.lru_cache(maxsize=1)
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """First and last names from Faker's person providers (Latin-script locales), lower-cased.

    The small NER model misses many names it has not seen (Szabina Gelencsér, Johannes
    Varvio); a name list catches "First Last" shapes it does not know.
    """
    import importlib

    first: set[str] = set()
    last: set[str] = set()
    for loc in _latin_person_locales():
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        attrs = [(a, first if "first_names" in a else last) for a in dir(provider)
                 if a.endswith("names") or "_names_" in a
                 if "first_names" in a or "last_names" in a]
        for attr, target in attrs:
            values = getattr(provider, attr, None)
            if not isinstance(values, (list, tuple, dict, set, frozenset)):
                continue  # some locales compute these lists as properties
            target.update(v.lower() for v in values if isinstance(v, str) and v[:1].isalpha() and _LATIN_WORD.match(v))
    first |= EXTRA_GIVEN_NAMES
    last |= EXTRA_SURNAMES
    common = _COMMON_WORDS
    return frozenset(first - common), frozenset(last - common)


_FULL_NAME = regex.compile(
    r"(?<![\w'])(?P<name>(?P<first>\p{Lu}[\p{Ll}'\-]+(?:-\p{Lu}\p{Ll}+)?)(?:[ ]{1,2}\p{Lu}\.?)?[ ]{1,2}(?P<last>\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'\-]*\p{Ll}(?:-\p{Lu}[\p{Ll}'\-]+)?))(?![\w\-])"
)


def _clinical_phrase(text: str) -> bool:
    words = [w.strip(".,;:'’()").lower() for w in _SPACE_SLASH_RE.split(text) if w.strip()]
    return any(w in lexicon.CLINICAL_VOCAB_EN or w.rstrip("s") in lexicon.CLINICAL_VOCAB_EN for w in words) or any(
        w.split("-")[0] in lexicon.CLINICAL_VOCAB_EN for w in words if "-" in w
    )


_SINGLE_NAME = regex.compile(r"(?<![\w'\-])(?P<name>\p{Lu}\p{Ll}{2,})(?![\w\-])")


# A facility named after a person or a place keeps the name: "Kenyatta National Hospital", "Chris Hani
# Baragwanath Academic Hospital", "Tan Tock Seng Hospital", "Hospital Raja Permaisuri Bainun", "Klinik
# Kesihatan Jinjang". The name there locates no patient (the place inside a name is the address rules' job).
_FACILITY_WORD = (r"(?:Hospital|Hospitals|Clinic|Polyclinic|Infirmary|Hospice|University|College|Institute|Medical\s+Cent(?:re|er)"
                  r"|Health\s+Cent(?:re|er)|Funeral\s+Home|Nursing\s+Home|Teaching\s+Hospital|Academic\s+Hospital|Klinik|Kesihatan)")
# (a field's label is no facility: "Name: John Smith Hospital No: 1234")
_NOT_LABEL = r"(?![ ]?(?i:number|no\b|no\.|num\b|#|id\b|record))"
_FACILITY_AFTER_RE = regex.compile(rf"(?:[ ]\p{{Lu}}[\p{{L}}'’\-]*){{0,3}}[ ]{_FACILITY_WORD}\b{_NOT_LABEL}")
_FACILITY_BEFORE_RE = regex.compile(r"\b(?:Hospital|Klinik|Rumah\s+Sakit|Hospital\s+Raja|Hospital\s+Sultan(?:ah)?)(?:[ ]\p{Lu}[\p{L}'’\-]*){0,2}[ ]$")
_FACILITY_INSIDE_RE = regex.compile(rf"\b{_FACILITY_WORD}\b{_NOT_LABEL}")


def names_a_facility(text: str, start: int, end: int) -> bool:
    """The Latin-script "person" at text[start:end] is (part of) a hospital's, clinic's or college's name."""
    span = text[start:end]
    if not any("A" <= ch <= "Z" for ch in span):
        return False
    return (_FACILITY_INSIDE_RE.search(span) is not None or _FACILITY_AFTER_RE.match(text, end) is not None
            or _FACILITY_BEFORE_RE.search(text, max(0, start - 40), start) is not None)


def places_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The towns of the city gazetteer inside text[start:end] ("Wagga Wagga" in "Wagga Wagga Base Hospital"):
    a facility named after its town still names the town."""
    from mediscope.deid.recognizers.en_places import city_gazetteer

    gaz = city_gazetteer()
    out = []
    words = [(m.start(), m.end()) for m in regex.finditer(r"\p{Lu}[\p{L}'’\-]*", text[start:end])]
    i = 0
    while i < len(words):
        for n in (3, 2, 1):  # the longest run of capitalised words the gazetteer knows
            if i + n <= len(words):
                a, b = words[i][0], words[i + n - 1][1]
                word = text[start + a : start + b]
                if gaz.tier(word) is not None and word.lower() not in _name_lists()[0]:  # not Queen Elizabeth's
                    out.append((start + a, start + b))
                    i += n
                    break
        else:
            i += 1
    return out


def without_facility_names(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with each person that names a facility dropped, the towns of the gazetteer inside it kept
    as places (a hospital named after its town still names the town)."""
    out: list[PhiSpan] = []
    for s in spans:
        if s.entity_type != "PERSON" or not names_a_facility(text, s.start, s.end):
            out.append(s)
        else:
            out += [PhiSpan(a, b, "LOCATION", s.score, s.recognizer) for a, b in places_in(text, s.start, s.end)]
    return out
