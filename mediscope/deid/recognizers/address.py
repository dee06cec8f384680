"""International street addresses in Latin script, and the address block around them.

The US rule ("12 Main St") misses most of the world: street type words come first in Romance
languages ("Rua do Arenque 1634", "Calle de Alcalá 155"), are glued to the name in Nordic,
German, Dutch and Finnish ones ("Koskikatu 25", "Bundesstrasse 31", "Mellemvej 32") or follow as
a separate word in Hungarian ("Erzsébet tér 19"). Once one street line is found, what follows it
on the same line and on the next few short lines (unit, city, postcode, country) is part of the
same address, so the span is grown over them: an address leaks through its city and postcode
as much as through its street.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.types import LOCATION

# Street type words that come before the name (capitalised; "via" in running text is a preposition).
_PREFIX_TYPES = (
    "Rua|Rue|Via|Viale|Vicolo|Calle|Carrer|Camino|Avenida|Avda\\.?|Av\\.|Alameda|Travessa|Largo|Praça|Piazza|"
    "Piazzale|Corso|Strada|Paseo|Plaza|Ronda|Boulevard|Bd\\.?|Chemin|Allée|Impasse|Quai|Ul\\.|ul\\.|Ulica|ulica|"
    "Aleja|Al\\.|Calea|Bulevardul|Str\\.|Straße|Strasse|Odos|Leoforos|Avenue|Ave\\.?|Route|Rte\\.?"
)
# Particles allowed between a prefix type and the name ("Rua do Arenque", "Calle de la Paz").
_PARTICLES = "do|da|dos|das|de|del|della|delle|dei|di|du|des|la|le|les|los|las|el|van|von|der|den|d'|l'"
# Street type morphemes glued to the end of the name, or standing after it as a word.
_GLUED_TYPES = (
    "katu|tie|kuja|polku|kaari|raitti|gata|gatan|vägen|väg|gränd|vej|vænget|gade|stræde|veien|vegen|"
    "straße|strasse|weg|gasse|platz|allee|damm|ufer|laan|straat|gracht|plein|kade|singel|dreef|"
    "utca|körút|sokak|sokağı|caddesi|bulvarı|ulica|cesta|ulice|tänav|maantee|iela|gatvė"
)
# The same as separate words after the name ("Erzsébet tér 19", "Eleftheriou Venizelou str 159").
_WORD_TYPES = _GLUED_TYPES + "|tér|út|útja|sor|köz|str\\.?|street|road|lane|avenue|drive|close|court|parade|terrace"
_NUM = r"\d{1,5}[A-Za-z]?(?:\s?[\-/]\s?\d{1,4}[A-Za-z]?)?"
_WORD = r"[\p{Lu}][\p{L}'’\-]*\.?"
_UNIT = r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|Piso|Andar|Etage|Stock|lgh|#)\.?\s*#?\s*[\w\-º°ª]+"

_STREETS = [
    # "1428 Rue Saint-Denis", "Rua do Arenque 1634", "Calle de Alcalá 155, 3º B"
    regex.compile(
        rf"(?<![\w])(?:\d{{1,6}}[A-Za-z]?,?\s+)?(?:{_PREFIX_TYPES})\s+(?:(?:{_PARTICLES})\s+|{_WORD}\s+){{0,4}}?"
        rf"(?:{_WORD}|\d{{1,5}}[A-Za-z]?)(?:\s*,?\s+{_NUM})?(?![\w])"
    ),
    # "Koskikatu 25", "Brucker Bundesstrasse 31", "Erzsébet tér 19.", "hersnapvej 18" (not a year)
    regex.compile(
        rf"(?<![\w])(?:\d{{1,6}}[A-Za-z]?\s+)?(?:{_WORD}\s+){{0,2}}(?:\p{{L}}{{3,}}?(?i:{_GLUED_TYPES})|(?<=\p{{L}}\s)(?i:{_WORD_TYPES}))"
        rf"\s+(?!(?:19|20)\d\d\b){_NUM}\.?(?![\w])"
    ),
    # "74 Diakou Street", "18 McPherson Road": the English shape, here so that its block grows too.
    regex.compile(
        rf"(?<![\w])\d{{1,6}}[A-Za-z]?\s+(?:{_WORD}\s+){{1,4}}"
        r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.?|Drive|Lane|Ln\.?|Boulevard|Blvd\.?|Way|Court|Place|Terrace|"
        r"Parade|Crescent|Close|Square|Highway|Hwy\.?|Gardens|Grove|Mews|Walk|Rise|Row|Wynd|Gate)(?![\w])"
    ),
    # "20789 Allika 46": a building number, a name, a number (common in address blocks).
    regex.compile(rf"(?<![\w.,:/\-])\d{{1,6}}\s+{_WORD}(?:\s+{_WORD}){{0,2}}\s+\d{{1,5}}[A-Za-z]?\b(?=\s*(?:,|\n|$|{_UNIT}))"),
    # "PSC 0413, Box 8144", "Unit 4719 Box 7394" (military mail), "Postbox 21"
    regex.compile(r"(?<![\w])(?:PSC|Unit|CMR)\s+\d{3,5},?\s+Box\s+\d{3,5}(?:\s+[AF]PO\s+A[AEP]\s+\d{5})?", regex.IGNORECASE),
    regex.compile(r"(?<![\w])(?:P\.?\s*O\.?\s*Box|Postbox|Postfach|Apartado|Caixa Postal|Boîte Postale)\s+\d{1,6}(?![\w])"),
]

# What may follow a street on its line: units, then comma-separated places and postcodes.
_POSTCODE = r"(?:\d{3}\s?\d{2}|\d{4,6}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{2}-\d{3})"
_PLACE = rf"(?:{_POSTCODE}|[\p{{Lu}}][\p{{L}}'’\-\.]*|[A-Z]{{2,3}}|\((?:[\p{{Lu}}][\p{{L}}]*)\))"
_UNITS_TAIL = regex.compile(rf"(?:\s*,?\s*{_UNIT})*")
_PLACES_TAIL = regex.compile(rf"(?:[ \t]*,?[ \t]*{_PLACE}(?:[ \t]+{_PLACE}){{0,3}}){{0,4}}")
# A following line that is part of the block: a few place-like tokens, nothing else.
_BLOCK_LINE = regex.compile(
    rf"^[ \t]*,?[ \t]*(?:{_UNIT}|(?:{_PLACE}|nan)(?:[ \t]*,?[ \t]*(?:{_PLACE}|nan)){{0,4}})[ \t]*[,.?!]?[ \t]*$"
)
_BLOCK_HEAD = regex.compile(
    rf"^[ \t]*,?[ \t]*(?:{_PLACE})(?:[ \t]*,?[ \t]*{_PLACE}){{0,3}}(?=[,.?!;][ \t]+\S)"
)
_AFTER_CUE = regex.compile(
    r"(?i:\b(?:address(?:\s+on\s+file)?|lives\s+at|living\s+at|resides\s+at|residing\s+at|located\s+at|"
    r"moved\s+to|send\s+(?:it|them|the\s+\w+)\s+to)\s*(?:is|:)?\s*)$"
)
# A flat or unit written before the street ("Flat 3, 27 Kingsley Road", "Apartment 12B, 45 ..."):
# the UK order. The span grows back over it.
_LEADING_UNIT = regex.compile(rf"(?<![\w])(?:{_UNIT})\s*,?\s*$")
_SENTENCE_END = regex.compile(r"[.!?;]\s|[.!?;]$")


def _grow(text: str, start: int, end: int, max_lines: int = 4) -> int:
    """Extend an address end over its same-line tail and the short place lines below it."""
    end = _UNITS_TAIL.match(text, end).end()
    m = _PLACES_TAIL.match(text, end)
    if text[end - 1 : end] == "." and text[end : end + 1] in (" ", "\t"):
        return end - 1  # "1180 W Division St. Fall from wall": the street's dot ended the sentence, no town follows
    if m.end() > end:
        tail = text[end : m.end()]
        # Stop at a sentence end inside the tail ("... 71. Please ...").
        cut = _SENTENCE_END.search(tail)
        end = end + (cut.start() if cut else len(tail))
    for _ in range(max_lines):
        nl = text.find("\n", end)
        if nl < 0 or text[end:nl].strip(" \t,"):
            break
        nxt = text.find("\n", nl + 1)
        line_end = len(text) if nxt < 0 else nxt
        line = text[nl + 1 : line_end]
        if not line.strip():
            break
        if len(line.strip()) > 48 or not _BLOCK_LINE.match(line):
            # The block's last line may run on into a sentence: "Cyprus 36903? I am in ..."
            head = _BLOCK_HEAD.match(line)
            if head:
                end = nl + 1 + head.end()
            break
        end = nl + 1 + len(line.rstrip(" \t,"))
    while end > start and text[end - 1] in " \t,.\n":
        end -= 1
    return end


class AddressRecognizer(EntityRecognizer):
    """Street lines of many countries, grown over the unit/city/postcode/country that follow."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[LOCATION], name="AddressRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:  # patterns are compiled at import
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if not any(ch.isdigit() for ch in text):
            return []
        found: list[tuple[int, int, str]] = []
        for i, pattern in enumerate(_STREETS):
            for m in pattern.finditer(text):
                s, e = m.span()
                while e > s and text[e - 1] in " \t,":
                    e -= 1
                # The bare "number Name number" shape needs an address context to be trusted.
                if i == 3 and not (_AFTER_CUE.search(text[max(0, s - 40) : s]) or _line_is_block(text, s, e)):
                    continue
                lead = _LEADING_UNIT.search(text, max(0, s - 24), s)
                found.append((lead.start() if lead else s, _grow(text, s, e), f"street{i}"))
        return [
            RecognizerResult(LOCATION, s, e, 0.86, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{how}",
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            })
            for s, e, how in found if e > s
        ]


def _line_is_block(text: str, start: int, end: int) -> bool:
    """The match is alone on its line and the next line is place-like: an address block."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip() or (line_end >= 0 and text[end:line_end].strip(" \t,")):
        return False
    if line_end < 0:
        return False
    nxt = text.find("\n", line_end + 1)
    line = text[line_end + 1 : len(text) if nxt < 0 else nxt]
    return bool(line.strip()) and bool(_BLOCK_LINE.match(line))
