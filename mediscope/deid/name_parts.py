"""The parts of a detected person name that identify the person on their own.

Clinical notes and chats name someone in full once and by a part afterwards: "Maria Gonzalez ...
Maria says", "Dr. J. R. Okafor ... Okafor reviewed", "患者王秀英 ... 秀英说她". The later mention has
no title or cue left for a recognizer to find, yet it is the same identifier. Once the full name is
detected in a case, its parts can be replaced wherever they appear in that case.

A part is only worth propagating when it is unlikely to be an ordinary word: a Chinese given name
that is a common word (建国, 和平, 长江, 文明) or an English part that is a stop word, a clinical word
or an eponym (Will, Grace at a sentence start; a patient called Parkinson) stays as it is.
"""

from __future__ import annotations

import functools
import re

from mediscope.deid import lexicon

# jieba dictionary frequency above which a two-character string is an everyday word first
# (建华 342 and 国庆 131 are below it and are names often enough; 建国 3083, 平安 1438, 东方 3993 are not).
_ZH_WORD_FREQ = 500

# A Chinese given name followed by one of these is the start of a place, holiday or institution
# word (国庆节, 建华路, 立新村), not the person.
_ZH_WORD_CONTINUATIONS = frozenset("节路街道巷区镇乡村县市省站桥园楼门厂店馆院校湾湖山河里")

_TITLES_EN = frozenset(
    "dr doctor mr mrs ms miss mx prof professor sir madam nurse rn md do np pa jr sr ii iii iv".split()
)
LATIN_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)?")


@functools.lru_cache(maxsize=1)
def _zh_freq() -> dict[str, int]:
    import jieba

    jieba.initialize()
    return jieba.dt.FREQ


@functools.lru_cache(maxsize=1)
def ordinary_en_words() -> frozenset[str]:
    """Lower-case English words that are not names first: stop words, prose and clinical words.

    The engine uses them to skip NER on sentences whose only capitalised word is one of them.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from mediscope.deid.recognizers.en_vocab import _PROSE_WORDS

    return frozenset({w.lower() for w in STOP_WORDS} | _PROSE_WORDS | {w.lower() for w in lexicon.CLINICAL_WORDS_EN}
                     | {w.lower() for w in lexicon.CLINICAL_VOCAB_EN})


@functools.lru_cache(maxsize=1)
def _en_ordinary() -> frozenset[str]:
    """Ordinary words plus eponyms: a name part that is either never travels alone."""
    return ordinary_en_words() | {w.lower() for w in lexicon.EPONYMS_EN}


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def zh_given_name(name: str) -> str | None:
    """The two-character given name of a Han name with a known surname, if it is not a common word."""
    name = name.strip()
    if not name or not all(_is_cjk(ch) for ch in name):
        return None
    if len(name) == 4 and name[:2] in lexicon.SURNAMES_2:
        given = name[2:]
    elif len(name) == 3 and (name[0] in lexicon.SURNAMES_1 or name[0] in lexicon.RARE_SURNAMES_EXTRA):
        given = name[1:]
    else:
        return None
    if _zh_freq().get(given, 0) > _ZH_WORD_FREQ:
        return None
    return given


def en_name_parts(name: str) -> set[str]:
    """Surname and given names of a multi-word Latin-script name ("LAST, First", initials, hyphens).

    An ALL-CAPS part is also returned capitalised (GONZALEZ -> Gonzalez) because the same person is
    written both ways in one record; a lower-case part (a name typed in a chat) only as it is.
    """
    tokens = LATIN_TOKEN.findall(name)
    if len(tokens) < 2:
        return set()
    out: set[str] = set()
    for p in tokens:
        if len(p) < 3:
            continue
        low = p.lower()
        if low in _TITLES_EN or low in _en_ordinary():
            continue
        if p.isupper():
            out.update({p, p.capitalize()})
        elif p[:1].isupper():
            out.add(p)
        elif p.islower() and len(p) >= 4:
            out.add(p)
    return out


def name_parts(name: str) -> set[str]:
    """Every part of `name` that can be replaced on its own elsewhere in the same case."""
    if any(_is_cjk(ch) for ch in name):
        given = zh_given_name(name)
        return {given} if given else set()
    return en_name_parts(name)


def _case_safe(token: str) -> bool:
    """Whether a Latin name token is no ordinary word in any case (Okafor, Haruto, Neill; not
    Mark, Rose, Grace), so that its lower-case or capitalised form is the same person too."""
    from mediscope.deid.recognizers.en_lexicon import is_english

    low = token.lower()
    return len(low) >= 3 and low not in _TITLES_EN and low not in _en_ordinary() and not is_english(low)


def case_variants(value: str) -> set[str]:
    """Other spellings of a detected Latin-script name or part that name the same person.

    A chat writes the name in lower case that a form wrote capitalised, a form header in capitals
    ("Amara Okafor" ... "amara says" ... "OKAFOR family"). The other forms are only added when a
    token of the name is no English word; "Mark" never brings in "mark".
    """
    tokens = LATIN_TOKEN.findall(value)
    if not tokens or any(_is_cjk(ch) for ch in value) or not any(_case_safe(t) for t in tokens):
        return set()
    if len(tokens) == 1 and not _case_safe(tokens[0]):
        return set()
    title = LATIN_TOKEN.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), value)
    return {value.lower(), title, value.upper()} - {value}


def zh_part_stands_alone(text: str, start: int, end: int) -> bool:
    """Whether a Chinese given name found at text[start:end] is the person and not a longer word."""
    return end >= len(text) or text[end] not in _ZH_WORD_CONTINUATIONS
