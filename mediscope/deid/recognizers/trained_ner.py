"""PHI found by a statistical tagger trained on our own labelled texts, beside the rules.

Why it exists: the rule recognizers reach 0.99 on the texts their authors studied but only about
0.90 on texts nobody had seen, and each round of rules gains about one point there. Their misses
keep changing shape (a nickname as a chat label, a town in a clinic's name, a name that is also a
word), which is what a tagger that reads the context learns and a cue list does not. Run beside
the rules, with the union of both kept, it lifted first-sight recall on two unseen sets from
0.900/0.904 to 0.966/0.949 (see `mediscope.deid.ner_training` for how it is built and on what).

The tagger is a spaCy pipeline (tok2vec + ner) per language, trained locally from the labelled
sets with `mediscope deid-train-ner` (no download: Chinese reads characters, English a blank
tokenizer). It tags six coarse labels, mapped back to PHI types here; its spans score below the
rules' so that where both find something the rules' type wins (`resolve_overlaps`).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import types as T

log = logging.getLogger(__name__)

# Shipped models, one folder per language (`ner-zh`, `ner-en`), built by `mediscope deid-train-ner`.
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

# PHI type -> the tagger's label. Few labels, so that rare types (a licence plate, a device id)
# still have enough examples between them; the exact type is recovered by shape (`phi_type`).
COARSE_LABELS: dict[str, str] = {
    T.PERSON: "PERSON",
    T.LOCATION: "LOC",
    T.ZIP_CODE: "LOC",
    T.DATE_TIME: "DATE",
    T.AGE: "AGE",
    T.EMAIL_ADDRESS: "CONTACT",
    T.URL: "CONTACT",
    T.IP_ADDRESS: "CONTACT",
    T.SOCIAL_HANDLE: "CONTACT",
}
ID_LABEL = "ID"  # every numeric identifier: phone, record, insurance, card, id, plate, device numbers

# Below the rules' scores (0.6-1.0), at the engine's default threshold: a rule's type wins an overlap.
# A `score_threshold` above 0.5 therefore drops every tagger span (the tagger is then off in effect).
SCORE = 0.5

_DIGIT = re.compile(r"[0-9０-９]")
_EMAIL = re.compile(r"\S@\S+\.\w")
_URL = re.compile(r"(?i)https?://|www\.|[a-z0-9-]\.(?:com|org|net|cn|hk|tw|sg|uk|au|io|me)\b")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # a word, with an inner apostrophe (O'Neill)
# Telephone shapes among the tagger's IDs: a mainland mobile, a number with a country code, or a
# North American (area) 555-0100 form; every other ID stays ID_NUMBER.
_PHONE = re.compile(r"(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|\+\d{1,3}[\s-]?\(?\d[\d\s()-]{6,16}\d"
                    r"|\(\d{3}\)\s?\d{3}[\s.-]\d{4}")


def coarse_label(entity_type: str) -> str:
    """The tagger's label for a PHI type (training side)."""
    return COARSE_LABELS.get(entity_type, ID_LABEL)


def phi_type(label: str, value: str) -> str | None:
    """The PHI type for a tagged span, or None to drop it.

    A CONTACT is an e-mail, a URL or else a handle by its shape; an ID needs a digit (the engine
    asks for numeric identifiers only in texts that have one, so a digit-free "ID" would differ
    between the batched and the plain Presidio path). Spans with no letter or digit, and a lone
    Latin letter or digit, are dropped: the tagger's stray one-character guesses, never PHI on
    their own (a lone Chinese surname is kept: 王 for 王医生 is how names are labelled).
    """
    core = value.strip()
    if not any(ch.isalnum() for ch in core) or (len(core) < 2 and not _HAN.match(core)):
        return None
    if label == "CONTACT":
        if _EMAIL.search(core):
            return T.EMAIL_ADDRESS
        return T.URL if _URL.search(core) else T.SOCIAL_HANDLE
    if label == ID_LABEL:
        if not _DIGIT.search(core):
            return None
        return T.PHONE_NUMBER if _PHONE.fullmatch(core) else T.ID_NUMBER
    return {"PERSON": T.PERSON, "LOC": T.LOCATION, "DATE": T.DATE_TIME, "AGE": T.AGE}.get(label)


def _ordinary_lower_words(value: str) -> bool:
    """Every word lower case and in the English dictionary ("thinks", "the milk"): the English
    tagger learnt lower-case names from chats and now and then takes a plain word for one. The
    rules still find lower-case names where a cue shows them (a speaker's label, "tell jake")."""
    from mediscope.deid.recognizers.en_lexicon import is_english

    words = _WORD.findall(value)
    return bool(words) and all(w.islower() and is_english(w) for w in words)


# Kin words a chat or a note uses in place of a name ("Mummy said", "Son: ok"): the tagger learnt
# nicknames and takes these for them; the labelled sets never mark them (a relative's name is).
KIN_WORDS_EN = frozenset({
    "mom", "mum", "mam", "mama", "mamma", "mummy", "mommy", "momma", "dad", "daddy", "papa", "son", "daughter",
    "amma", "appa", "nana", "nanna", "nan", "granny", "grandma", "grandpa", "gran", "grandad", "granddad",
    "auntie", "aunty", "uncle", "mater", "pater", "hubby",
})


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


def default_model_dir(lang: str) -> Path:
    return MODELS_DIR / f"ner-{lang}"


class TrainedNerRecognizer(EntityRecognizer):
    """Spans from the trained tagger of one language.

    `prepare(texts)` tags a whole batch with `nlp.pipe` (the engine's batched path calls it);
    `analyze` reads those results, or tags the one text itself when called alone (plain Presidio).
    """

    ENTITIES = [T.PERSON, T.LOCATION, T.DATE_TIME, T.AGE, T.EMAIL_ADDRESS, T.URL, T.SOCIAL_HANDLE, T.ID_NUMBER,
                T.PHONE_NUMBER]

    def __init__(self, supported_language: str, model_dir: str | Path | None = None, batch_size: int = 64) -> None:
        self.model_dir = Path(model_dir) if model_dir else default_model_dir(supported_language)
        self.batch_size = batch_size
        super().__init__(supported_entities=list(self.ENTITIES), name="TrainedNerRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Load the pipeline once (Presidio calls `load` from the constructor, the engine again)."""
        import spacy

        if getattr(self, "_nlp", None) is not None:
            return
        if not (self.model_dir / "meta.json").is_file():
            raise FileNotFoundError(
                f"trained PHI tagger for {self.supported_language!r} not found at {self.model_dir}; build one with "
                "`mediscope deid-train-ner`, point `trained_ner_models` at it, or set `trained_ner: false`"
            )
        self._nlp = spacy.load(self.model_dir)
        self._cache: dict[str, list[tuple[int, int, str]]] = {}

    @staticmethod
    def _tag(doc) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def prepare(self, texts: list[str]) -> None:
        """Tag every text of a batch in one `nlp.pipe` pass; `analyze` reads them until `forget()`."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for text, doc in zip(todo, self._nlp.pipe(todo, batch_size=self.batch_size), strict=True):
            self._cache[text] = self._tag(doc)

    def forget(self) -> None:
        self._cache = {}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = self._cache.get(text)
        if found is None:
            found = self._tag(self._nlp(text))
        out: list[RecognizerResult] = []
        for start, end, label in found:
            etype = phi_type(label, text[start:end])
            if etype is None or etype not in entities:
                continue
            if self.supported_language == "en" and _ordinary_lower_words(text[start:end]):
                continue
            if self.supported_language == "en" and etype in (T.PERSON, T.SOCIAL_HANDLE) \
                    and _ordinary_words(text[start:end]):
                continue
            if (etype == T.DATE_TIME and _weekdays_only(text[start:end])) or _measure(etype, text[start:end]):
                continue
            out.append(RecognizerResult(etype, start, end, SCORE,
                                        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name}))
        return out
