"""Word lists for the English name and place rules: given names and surnames of every Faker
locale, and the ordinary English words that must never count as either.

Why two name lists: the rules that read capitalised text ("Dr Okafor", "Name: John Smith")
work with the Latin-script locales only (see `en._name_lists`), and stay as tuned. Lower-case
chat text ("my dad harpreet singh") and ALL-CAPS headers ("PATIENT: NGUYEN THI LAN") carry no
capital letter to tell a name from a word, so the rules for them need every name a person
could carry, whatever the script it was listed in: Cyrillic, Greek, Georgian and Armenian
lists are transliterated to Latin letters (Faker ships the table), Japanese and Chinese come
from Faker's romanized lists. Abjads (Arabic, Hebrew, Persian) and Indic scripts are left out:
their letter-by-letter transliteration ("mHmd") is not how anyone spells the name in English;
Faker's en_IN, en_PK, en_NG, ar-adjacent Latin lists carry those names instead.

An ordinary English word ("will", "bath", "reading") must not be read as a name or a city.
The test is case-sensitive: Webster's 2nd (`english-words`, offline) lists proper nouns with a
capital, so a word it lists in lower case is an everyday word, and "Glasgow" or "Mehta" is not.
Without that package the fallback is spaCy's stop words and Faker's lorem list (fewer words,
so the rules that need it fall back to stricter cues).
"""

from __future__ import annotations

import functools
import importlib
import logging

import regex

log = logging.getLogger(__name__)

_LATIN = regex.compile(r"^[\p{Latin}'’\-]+$")
# Alphabets whose letter-by-letter transliteration is how names are spelled in English text.
_TRANSLITERATED = regex.compile(r"^[\p{Cyrillic}\p{Greek}\p{Georgian}\p{Armenian}'’\- ]+$")


def _values(provider, attr: str) -> list[str]:
    values = getattr(provider, attr, None)
    if isinstance(values, dict):
        values = list(values)
    if not isinstance(values, (list, tuple, set, frozenset)):
        return []  # some locales compute these as properties or weighted tuples of pairs
    return [v for v in values if isinstance(v, str)]


def _latin_forms(value: str) -> list[str]:
    """The name's Latin spelling(s), lower-cased; [] for scripts we do not transliterate."""
    from faker.decode import unidecode

    value = value.strip()
    if not value:
        return []
    if value.isascii():
        return [value.lower()] if _LATIN.match(value) else []
    if _LATIN.match(value):
        out = [value.lower()]
        plain = unidecode(value).lower()  # "Nguyễn" -> "nguyen"
        if _LATIN.match(plain) and plain != out[0]:
            out.append(plain)
        return out
    if _TRANSLITERATED.match(value):
        plain = unidecode(value).lower().replace("'", "")
        return [plain] if regex.match(r"^[a-z\-]{2,}$", plain) else []
    return []


@functools.lru_cache(maxsize=1)
def all_person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of every Faker locale with a person provider, lower-cased Latin.

    Multi-word list entries ("van der berg", "thi lan") are split, so each part is a token.
    """
    try:
        from faker.config import AVAILABLE_LOCALES
    except Exception:  # noqa: BLE001 - faker is a deid dependency
        return frozenset(), frozenset()
    first: set[str] = set()
    last: set[str] = set()
    for loc in sorted(AVAILABLE_LOCALES):
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except Exception:  # noqa: BLE001 - a locale without a person provider
            continue
        for attr in dir(provider):
            if attr.startswith("_") or "kana" in attr or "pairs" in attr:
                continue
            if "first_name" in attr or "middle_name" in attr or "romanized" in attr and "first" in attr:
                target = first
            elif "last_name" in attr or "romanized" in attr and "last" in attr:
                target = last
            else:
                continue
            for value in _values(provider, attr):
                for form in _latin_forms(value):
                    target.update(p for p in form.split() if len(p) >= 2)
    return frozenset(first), frozenset(last)


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case ordinary English words (see the module docstring for the test used)."""
    from faker.providers.lorem.en_US import Provider as Lorem
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower() for w in STOP_WORDS} | {w.lower() for w in Lorem.word_list}
    try:
        from english_words import get_english_words_set
    except ImportError:
        log.warning("english-words is not installed: ordinary-word checks use a short list only")
        return frozenset(words)
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    words |= {w for w in web2 if w.islower()}
    return frozenset(words)


_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
             ("ly", ""), ("er", ""), ("ers", ""), ("est", ""), ("'s", ""), ("’s", ""))


def is_english(word: str, words: frozenset[str] | None = None) -> bool:
    """`word` (lower case) or its stem is an ordinary English word ("keeps", "stung", "brought").

    The dictionary lists base forms, so a few regular endings are taken off before looking up;
    a doubled final consonant ("stopped") is undone too.
    """
    words = english_words() if words is None else words
    if word in words:
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if stem in words or len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words:
                return True
    return False


def has_dictionary() -> bool:
    """Whether the full word list is available (some rules are only safe with it)."""
    try:
        import english_words  # noqa: F401
    except ImportError:
        return False
    return True
