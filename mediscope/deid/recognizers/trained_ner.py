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
rules' so that where both find something the rules' type wins (`resolve_overlaps`). What of its
output stands, and where it gives way to the rules, is `trained_ner_filters`.
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
RECOGNIZER_NAME = "TrainedNerRecognizer"

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
    if label == "DATE" and _no_date_evidence(core) and len(_DIGIT.findall(core)) >= 7:
        label = ID_LABEL  # "2337 6690" tagged as a date: a number that long is an identifier
    if label == ID_LABEL and re.fullmatch(_MONTH_DAY, core):
        return T.DATE_TIME  # "MRI 7/2" tagged as an identifier: a month and a day
    if label == "LOC" and re.fullmatch(r"\d{5}(?:-\d{4})?|\d{6}", core):
        return T.ZIP_CODE  # "CVS 02139": a place of digits only is a ZIP or a postcode
    if label == ID_LABEL:
        if len(_DIGIT.findall(core)) < 4:
            return None  # "B12", "ICU 6", "Rescue 3": every labelled identifier has four digits or more
        return T.PHONE_NUMBER if _PHONE.fullmatch(core) else T.ID_NUMBER
    return {"PERSON": T.PERSON, "LOC": T.LOCATION, "DATE": T.DATE_TIME, "AGE": T.AGE}.get(label)


# A date the tagger proposes needs something of a calendar date in it: a month (a word, 月, or the
# middle of three numbers), a day written as one (日/号), or a compact yyyymmdd. Without one it is a
# score, a ratio, a range, a time, a count or a year alone ("6/10", "2/52", "24-28", "1800", "the
# 3rd", "Pain 6/10 08:00", "10年前", "2015年"), which no labelled set marks alone; the rules find
# cued short dates ("on the 16th").
# A month and a day ("MRI 7/2", "Tue 11/12"), not a score out of ten ("6/10") nor weeks ("2/52")
_MONTH_DAY = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?<!/10)"
_DATE_EVIDENCE = re.compile(
    r"(?i)[月日号號]|(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![a-z])"
    r"|[0-9oOlI]{1,4}\s*[-/.]\s*[0-9oOlI]{1,2}\s*[-/.]\s*[0-9oOlI]{2,4}|(?<!\d)(?:19|20)\d{6}(?!\d)|(?<!\d)\d{6}(?!\d)"
    r"|(?<![\d/])\d{2} \d{2} \d{2,4}(?![\d/])|" + r"(?<![\d/.])" + _MONTH_DAY + r"(?![\d/.])")


def _no_date_evidence(value: str) -> bool:
    return _DATE_EVIDENCE.search(value) is None

def default_model_dir(lang: str) -> Path:
    return MODELS_DIR / f"ner-{lang}"


class TrainedNerRecognizer(EntityRecognizer):
    """Spans from the trained tagger of one language.

    `prepare(texts)` tags a whole batch with `nlp.pipe` (the engine's batched path calls it);
    `analyze` reads those results, or tags the one text itself when called alone (plain Presidio).
    """

    ENTITIES = [T.PERSON, T.LOCATION, T.ZIP_CODE, T.DATE_TIME, T.AGE, T.EMAIL_ADDRESS, T.URL, T.SOCIAL_HANDLE,
                T.ID_NUMBER, T.PHONE_NUMBER]

    def __init__(self, supported_language: str, model_dir: str | Path | None = None, batch_size: int = 64) -> None:
        self.model_dir = Path(model_dir) if model_dir else default_model_dir(supported_language)
        self.batch_size = batch_size
        super().__init__(supported_entities=list(self.ENTITIES), name=RECOGNIZER_NAME,
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
        from mediscope.deid.recognizers.trained_ner_filters import keep_span

        found = self._cache.get(text)
        if found is None:
            found = self._tag(self._nlp(text))
        out: list[RecognizerResult] = []
        for start, end, label in found:
            etype = phi_type(label, text[start:end])
            if etype is None or etype not in entities:
                continue
            kept = keep_span(self.supported_language, etype, text, start, end)
            if kept is None:
                continue
            out.append(RecognizerResult(etype, kept[0], kept[1], SCORE,
                                        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name}))
        return out
