"""English said aloud: dates, ages, ZIP codes, house numbers and spelled-out names in transcripts.

Why a family of its own: telehealth visits, nurse lines and voicemails reach us as speech-to-text,
lower case and without digits ("march oh four nineteen thirty one", "she's ninety-six", "zip is
nine eight two two five", "that's K-O-W-A-L-S-K-I"). The digit-based rules never see these, and
the written-date rules need a written month and an ordinal. Every rule here is anchored on what
makes the words PHI in speech: a month name, a birth-date or ZIP question, an age verb, a street
word, a spelling cue; a number word alone is never enough.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.recognizers.en_lexicon import KIN_WORDS_EN, is_english
from mediscope.deid.recognizers.en_ner_filters import _DRUG_SUFFIX
from mediscope.deid.types import AGE, DATE_TIME, LOCATION, PERSON, ZIP_CODE

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORD_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORD = (rf"(?:(?:twenty|thirty)[\s\-]{_ORD_UNIT}|twentieth|thirtieth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
        rf"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|{_ORD_UNIT})")
_CARD = rf"(?:{_TENS}(?:[\s\-]{_UNIT})?|{_TEEN}|(?:oh[\s\-])?{_UNIT})"  # 1..99, "oh four"
_DAY = rf"(?:{_ORD}|(?:oh[\s\-]{_UNIT})|(?:twenty|thirty)(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?|{_TEEN}|{_UNIT})"
_YEAR = (rf"(?:nineteen[\s\-](?:oh[\s\-]{_UNIT}|{_TEEN}|{_TENS}(?:[\s\-]{_UNIT})?)|two\s+thousand(?:\s+and)?"
         rf"(?:\s+(?:{_TEEN}|{_UNIT}|{_TENS}(?:[\s\-]{_UNIT})?))?|twenty[\s\-](?:oh[\s\-]{_UNIT}|{_TEEN}|{_TENS}(?:[\s\-]{_UNIT})?)"
         rf"|{_TENS}(?:[\s\-]{_UNIT})?)")
_CLOCK = rf"(?:{_TEEN}|{_UNIT})(?:[\s\-](?:oh[\s\-]{_UNIT}|{_TENS}(?:[\s\-]{_UNIT})?|{_TEEN}|o'?clock))?(?:\s+[ap]\.?\s?m\b\.?)?"
_MONTH_WORD = r"(?:january|february|march|april|june|july|august|september|october|november|december)"
_FILL = r"(?:(?:uh|um|er|erm|uhm|like),?\s+)*"
_DIGIT_WORD = r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine)"
_NUMBER_WORDS = rf"(?:{_DIGIT_WORD}|{_TEEN}|{_TENS}|hundred|thousand|{_ORD}|{_MONTH_WORD}|may|of|and|the)"
_SPEAKER_TURN = r"(?:[^\n]{0,25}\n[^\n:]{1,25}:\s*)?"  # the answer on the next speaker's line
_STREET = r"(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|way|boulevard|blvd|court|ct|place|pl|terrace|circle|parkway|highway)"
# One to three words naming the street (lower case or capitalised: "eight eighty Brookside Drive"), none of
# them a pronoun or a little word ("four and I still drive")
_STREET_NAME = (r"(?:(?!(?:and|or|i|we|you|he|she|they|it|to|the|a|still|then|just|will|can|would|could|should|must|"
                r"did|do|not|never|always|also|so|but)\b)(?-i:[A-Z]?[a-z]+)\s+){1,3}")
_AGE_VALUE = rf"(?:ninety(?:[\s\-]{_UNIT})?|(?:a|one)\s+hundred(?:\s+and)?(?:\s+(?:{_UNIT}|{_TEEN}))?)"
_NOT_A_READING = r"(?!\s*(?:days?|weeks?|months?|hours?|mg|milligrams?|mcg|percent|%|pounds?|lbs?|kilos?|kg|degrees?|beats|bpm|over|minutes?|seconds?|units?|ml|cc|mm|times))"

_SPOKEN_SEEN = contains_any("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                            "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                            "first", "second", "third", "fifth", "ninth", "twelfth", "tieth", " oh ", "zero")


def _spelled_ok(value: str) -> bool:
    """Letters spelled one by one make a name; an abbreviation has one vowel or none ("C-O-P-D"). Five
    letters and more with one vowel are a name too: Korean and Chinese surnames have one (H-W-A-N-G)."""
    letters = regex.sub(r"[^A-Za-z]", "", value)
    vowels = len(regex.findall(r"[aeiouyAEIOUY]", letters))
    return len(letters) >= 4 and vowels >= 2 or len(letters) >= 5 and vowels >= 1


def en_spoken_rules() -> list[Rule]:
    return [
        # "march oh four nineteen thirty one", "november eighteenth at ten fifteen a m", "december thirty first eighty four";
        # a day in plain numbers needs its year ("march four nineteen fifty", not "march two laps")
        Rule("spoken_month_day", DATE_TIME,
             rf"(?P<phi>\b{_MONTH_WORD}\s+(?:the\s+)?(?:(?:{_ORD}|oh[\s\-]{_UNIT})(?:,?\s+(?:of\s+)?{_YEAR})?|{_DAY},?\s+{_YEAR})"
             rf"(?:\s+at\s+{_CLOCK})?)(?![\w\-])",
             0.8, needs=_SPOKEN_SEEN),
        # "the fourth of february thirty two" (the written rule takes a four-word year only)
        Rule("spoken_ordinal_of_month", DATE_TIME,
             rf"\b(?:the\s+)?(?P<phi>{_ORD}\s+of\s+(?:{_MONTH_WORD}|may)(?:,?\s+{_YEAR})?)(?![\w\-])", 0.85,
             needs=_SPOKEN_SEEN),
        # A day of the month said after a time word or a weekday: "on the ninth", "since the uh twenty second",
        # "thursday the eleventh". The span keeps its "the", as most labelled sets mark it.
        Rule("spoken_cued_day", DATE_TIME,
             r"\b(?i:on|since|from|until|till|by|before|after|starting|through|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
             rf"\s+{_FILL}(?P<phi>(?:the\s+{_FILL})?{_ORD})"  # written ordinals ("on the 16th") are en_dates' rules
             r"(?!\s*(?:time|times|dose|doses|floor|one|ones|round|visit|week|weeks|day|days|month|attempt|try|page|line|"
             rf"stage|trimester|degree|grade|opinion|place|shift|half|quarter|cycle|injection|shot|pill|tablet|percentile|centile|"
             rf"of\s+(?:the|my|his|her|them|{_MONTH_WORD}|may)\b))"
             r"(?![\w\-])", 0.7, needs=_SPOKEN_SEEN),
        # "the second of this month", "the 3rd of next month": a day the month after it places
        Rule("spoken_day_of_this_month", DATE_TIME,
             rf"\b(?P<phi>(?:the\s+)?(?:{_ORD}|(?:[12]?\d|3[01])(?:st|nd|rd|th)))(?=\s+of\s+(?i:this|next|last)\s+month\b)",
             0.75, needs=contains_any(" of this month", " of next month", " of last month")),
        # A birth date answered in number words: "date of birth ... one twelve twenty nine", "birthday is four nineteen forty one"
        Rule("spoken_birth_date", DATE_TIME,
             rf"\b(?:date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|d\s?o\s?b)(?:\s+is|\s+was|\s*:)?\s*{_SPEAKER_TURN}"
             rf"(?:(?:it's|its|it\s+is|that's|uh|um|er|yeah|yes|so|oh)\s*,?\s+)*"
             rf"(?:the\s+)?(?P<phi>(?!(?:the|of|and)\b){_NUMBER_WORDS}(?:[\s\-]+{_NUMBER_WORDS}){{1,8}})(?![\w\-])", 0.8,
             needs=_SPOKEN_SEEN),
        # "she's ninety-six", "he turned a hundred and one", "you're ninety-five now", "ninety two years old"
        Rule("spoken_age", AGE,
             rf"\b(?:(?:he|she|i|you|they|mom|mum|dad|who)(?:'s|'re|'m|\s+is|\s+are|\s+am|\s+was|\s+turns|\s+turned)|"
             rf"turned|turns|turning|aged?|wait|no)\s+{_FILL}(?:just\s+|now\s+|about\s+)?(?P<phi>{_AGE_VALUE})\b{_NOT_A_READING}",
             0.75, needs=contains_any("ninety", "hundred")),
        Rule("spoken_age_years", AGE, rf"\b(?P<phi>{_AGE_VALUE})[\s\-]+(?:years?[\s\-]old|year[\s\-]old|yrs?\b|yo\b)", 0.85,
             needs=contains_any("ninety", "hundred")),
        # "the zip ... nine eight two two five"
        Rule("spoken_zip", ZIP_CODE,
             rf"\b(?:zip|zip\s+code|postcode|postal\s+code)(?:\s+is|\s*:)?\s*{_SPEAKER_TURN}(?:(?:it's|its|uh|um|yeah|yes)\s*,?\s+)*"
             rf"(?P<phi>{_DIGIT_WORD}(?:[\s,\-]+{_DIGIT_WORD}){{4}})(?![\w\-])", 0.85, needs=contains_any("zip", "post")),
        # "twelve oh five elm street apartment three b"
        Rule("spoken_street_address", LOCATION,
             rf"(?P<phi>\b(?:{_CARD}|hundred|thousand)(?:[\s\-]+(?:{_CARD}|hundred|thousand|and))*\s+{_STREET_NAME}{_STREET}"
             rf"(?:\s+(?:apartment|apt|unit|suite|number)\s+(?:{_CARD}|[a-z0-9]{{1,4}})(?:\s+[a-z]\b)?)?)(?![\w\-])", 0.75,
             needs=_SPOKEN_SEEN),
        # "that's K-O-W-A-L-S-K-I", "D-U-C-H-A-M-P"
        Rule("spelled_name_hyphens", PERSON, r"(?<![\w\-])(?P<phi>[A-Za-z](?:-[A-Za-z]){3,})(?![\w\-])", 0.7,
             validator=_spelled_ok, needs=contains_any("-")),
        # "spelled o apostrophe s u l l i v a n"
        Rule("spelled_name_spaced", PERSON,
             r"\b(?:spelled|spelt|spell(?:ing)?|that's|thats|it's)\s+(?:it\s+)?(?P<phi>[a-z](?:\s+(?:apostrophe|dash|hyphen))?"
             r"(?:\s+[a-z](?:\s+(?:apostrophe|dash|hyphen))?){3,})(?![\w\-])", 0.7, validator=_spelled_ok,
             needs=contains_any("spel", "that", "it's")),
    ]


# ---- names said after a cue, in lower-case transcripts -------------------------------------------

_KIN = r"(?:wife|husband|son|daughter|mom|mother|dad|father|brother|sister|friend|ex|neighbou?r|partner|boyfriend|girlfriend|grandson|granddaughter|grandma|grandpa|aunt|uncle|cousin|niece|nephew|caregiver|carer)"
# Cues that say a name follows whatever the word is ("this is dale", "my wife rose"), and cues that
# say so only when the word is a listed given name and no English word ("it's gloria", not "it's fine").
_STRONG_CUE = (rf"this\s+is|is\s+this|my\s+name\s+is|(?:her|his|the\s+patient's|patient's)\s+name\s+is|name's|calling\s+for|"
               rf"(?:message|call|reminder)\s+is\s+for|returning\s+a\s+call\s+for|visit\s+with|caller|my\s+{_KIN}|"
               rf"(?:his|her|your)\s+{_KIN}")
_WEAK_CUE = r"it's|its|it\s+is|hi|hey|hello|thanks\s*-|thank\s+you"
_TITLE_CUE = r"mister|missus|mrs|mr|ms|miss|doctor|dr\.?|nurse"
_CUED_NAME_RE = regex.compile(
    rf"(?<![\w'])(?P<cue>{_STRONG_CUE}|{_WEAK_CUE}|{_TITLE_CUE})\s+(?:(?:uh|um|er)\s+)*"
    rf"(?P<w1>[a-z][a-z'’\-]*[a-z])(?:\s+(?:(?:uh|um|er)\s+)*(?P<w2>[a-z][a-z'’\-]*[a-z]))?(?![\w'’\-])")
_CUE_KIND = {"strong": regex.compile(rf"(?:{_STRONG_CUE})$"), "title": regex.compile(rf"(?:{_TITLE_CUE})$")}


# "i'm", "he's", "im": contractions typed or transcribed without the apostrophe are no names; nor are
# the verbs a caller's or a relative's word is followed by ("caller said", "my wife says").
_CONTRACTION = regex.compile(r"['’](?:s|m|re|ll|ve|d|t)$|n['’]?t$")
_NOT_NAMES = frozenset({"im", "ive", "id", "ill", "hes", "shes", "youre", "theyre", "thats", "whats", "said", "says",
                        "told", "states", "stated", "reports", "reported", "asked", "called", "calls", "wants", "wanted",
                        "thinks", "thought", "feels", "felt", "got", "gets", "went", "goes", "came", "comes"})


_DISEASE_ENDING = regex.compile(r"(?:itis|osis|oma|emia)$")


def _clinical(word: str) -> bool:
    """A drug (the NER filters' endings: amoxicillin), a disease or a clinical word: no name."""
    from mediscope.deid.lexicon import CLINICAL_VOCAB_EN, CLINICAL_WORDS_EN

    return (word in CLINICAL_WORDS_EN or word in CLINICAL_VOCAB_EN or _DRUG_SUFFIX.search(word) is not None
            or _DISEASE_ENDING.search(word) is not None)


class SpokenNameRecognizer(EntityRecognizer):
    """Lower-case names right after a cue in transcripts: "this is dale hutchins", "mister brennan",
    "my wife rose", "it's uh gloria featherstone". Upper- and mixed-case text is left to the other
    name rules (a capital there is a better signal than any cue)."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[PERSON], name="EnSpokenNameRecognizer", supported_language=supported_language)

    def load(self) -> None:
        pass

    @staticmethod
    def _plain_word(word: str) -> bool:
        from spacy.lang.en.stop_words import STOP_WORDS

        if "-" in word:  # "follow-up", "x-ray": every part an ordinary word
            return all(SpokenNameRecognizer._plain_word(part) for part in word.split("-") if part)
        return word in STOP_WORDS or word in KIN_WORDS_EN or is_english(word)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and PERSON not in entities:
            return []
        from spacy.lang.en.stop_words import STOP_WORDS

        from mediscope.deid.recognizers.en_lexicon import all_person_names

        first, last = all_person_names()
        out: list[RecognizerResult] = []
        for m in _CUED_NAME_RE.finditer(text, overlapped=True):  # "hey it's uh bernadette": the second cue
            cue = " ".join(m.group("cue").lower().split())
            w1, w2 = m.group("w1"), m.group("w2")
            if w1 in STOP_WORDS or _CONTRACTION.search(w1) or w1 in _NOT_NAMES or w1 in KIN_WORDS_EN:
                continue
            if _CUE_KIND["title"].match(cue):
                ok = not self._plain_word(w1)  # "doctor fairweather", not "nurse said"
            elif _CUE_KIND["strong"].match(cue):
                # a listed given name, or an unlisted word that is no drug or clinical word ("this is amoxicillin")
                ok = w1 in first or (not self._plain_word(w1) and len(w1) > 2 and not _clinical(w1))
            else:
                ok = w1 in first and not self._plain_word(w1)
            if not ok:
                continue
            end = m.end("w1")
            if w2 and not _CUE_KIND["title"].match(cue) and w2 not in STOP_WORDS and w2 not in _NOT_NAMES and (
                    not _CONTRACTION.search(w2)) and (
                    not self._plain_word(w2) or (w2 in last and w2 not in first)):
                end = m.end("w2")
            out.append(RecognizerResult(PERSON, m.start("w1"), end, 0.65, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name}))
        return out

    def can_match(self, text: str) -> bool:
        """Lower-case speech only: a text with no lower-case run after a cue has nothing for it."""
        return not text.isupper() and any(c in text for c in ("this", "is ", "it", "my ", "mister", "doctor", "dr",
                                                              "hi", "hey", "thank", "caller", "visit", "for ", "mr", "ms",
                                                              "miss", "nurse", "name", "his ", "her ", "your "))


# ---- towns said in lower case ---------------------------------------------------------------------

_PLACE_CUE_RE = regex.compile(
    r"(?<![\w'])(?:in|from|to|near|at|around|outside|of)\s+(?P<run>(?-i:[a-z]+)(?:[ ](?-i:[a-z]+)){0,2})(?![\w'’\-])")


class SpokenPlaceRecognizer(EntityRecognizer):
    """Towns in lower-case transcripts and chats after a place word ("drive up from olympia", "the er at
    kalispell regional"): the gazetteer's towns that are no ordinary word (its PLAIN tier), looked up
    in title case. Written text keeps its capitals and is left to the gazetteer recognizer."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[LOCATION], name="EnSpokenPlaceRecognizer", supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and LOCATION not in entities:
            return []
        from mediscope.deid.recognizers.en_places import PLAIN, city_gazetteer

        gazetteer = city_gazetteer()
        out: list[RecognizerResult] = []
        for m in _PLACE_CUE_RE.finditer(text, overlapped=True):  # "in the er at kalispell": the second cue
            words = list(regex.finditer(r"[a-z]+", m.group("run")))
            for n in range(len(words), 0, -1):
                s, e = m.start("run") + words[0].start(), m.start("run") + words[n - 1].end()
                if gazetteer.tier(text[s:e].title()) == PLAIN:
                    out.append(RecognizerResult(LOCATION, s, e, 0.6, recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name}))
                    break
        return out
