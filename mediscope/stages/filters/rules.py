"""`QualityFilterStage` (alias `filter`): per-record quality rules, each with its own reason.

Order of checks (a record is rejected by the first it fails, so the funnel shows one reason per
removed record): kind, de-identification status, review status, turn count, role alternation,
total/turn length, garbage ratio, repetition, language, scores (e.g. an LLM judge's), images,
residual PHI (the most expensive, last).

The text measures are computed for the whole batch up front, column-wise: lengths and
garbage/Han character counts with Polars (its Rust regex engine handles Unicode classes such as
`\\p{Han}` far faster than a Python loop), character n-gram repetition with NumPy hashing and a
Polars group-by, normalization in one Polars pass, language ID with lingua in parallel.

Kept records get their measures in `quality.scores` (so the report and later filters can use
them); rejected ones get `quality.reject_reason`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from mediscope.record import Record, ReviewStatus, Score
from mediscope.stages.base import Stage, StageConfig, StageResult
from mediscope.stages.filters.funnel import Funnel
from mediscope.stages.filters.images import ImageProblem, open_image
from mediscope.stages.filters.language import LanguageIdentifier
from mediscope.stages.filters.phi import (
    BASELINE_KEY,
    DEFAULT_IGNORE,
    Analyzer,
    ResidualPhiChecker,
    default_analyzer,
)
from mediscope.stages.filters.reasons import FilterReason as R
from mediscope.stages.filters.repetition import GARBAGE_CHARS, duplicate_turn_ratio
from mediscope.stages.filters.text import dialogue_text, distinct_ratios, ngram_hashes, normalized_turns_batch

log = logging.getLogger(__name__)

DIALOGUE_KINDS = ("dialogue", "qa", "consultation", "vqa")
_SCORES = TypeAdapter(list[Score])


class _Sub(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PhiConfig(_Sub):
    enabled: bool = True
    min_score: float = Field(default=0.6, ge=0, le=1, description="Ignore analyzer hits below this.")
    entity_types: list[str] | None = Field(default=None, description="Only these types count (None: all).")
    ignore_patterns: list[str] = Field(default_factory=lambda: list(DEFAULT_IGNORE),
                                       description="Regexes for placeholders left by de-identification.")


class ImageCheckConfig(_Sub):
    enabled: bool = True
    min_side: int = Field(default=32, ge=1, description="Reject images narrower or shorter than this.")
    base_dir: str | None = Field(default=None, description="Resolve relative image paths against this.")


class ScoreConfig(_Sub):
    """Minimum values for scores already in `quality.scores` (e.g. an LLM judge's)."""

    min_values: dict[str, float] = Field(default_factory=dict, description="score name -> minimum.")
    missing: Literal["keep", "reject"] = "keep"


class QualityFilterConfig(StageConfig):
    kinds: list[str] | None = Field(default=None, description="Allowed record kinds (None: all).")
    require_deid_passed: bool = Field(default=True, description="Reject records whose deid.status != passed.")
    review_allowed: list[ReviewStatus] = Field(
        default_factory=lambda: [ReviewStatus.accepted, ReviewStatus.edited, ReviewStatus.pending],
        description="Review statuses that may pass; drop 'pending' to require expert review.",
    )
    min_turns: int = Field(default=2, ge=0)
    max_turns: int = Field(default=64, ge=1)
    min_chars: int = Field(default=10, ge=0, description="Minimum characters over all turns.")
    max_chars: int = Field(default=20000, ge=1)
    max_turn_chars: int = Field(default=8000, ge=1)
    alternation: bool = Field(default=True, description="Patient and doctor turns must alternate.")
    first_speaker: Literal["patient", "any"] = "patient"
    last_speaker: Literal["doctor", "any"] = "doctor"
    languages: list[str] | None = Field(default_factory=lambda: ["zh", "en"],
                                        description="Allowed detected languages (None: no check).")
    set_lang: bool = Field(default=True, description="Write the detected language into record.lang.")
    max_duplicate_turn_ratio: float = Field(default=0.3, ge=0, le=1)
    max_duplicate_ngram_ratio: float = Field(default=0.5, ge=0, le=1)
    ngram_n: int = Field(default=5, ge=1, description="Character n-gram size for repetition.")
    max_garbage_ratio: float = Field(default=0.05, ge=0, le=1)
    residual_phi: PhiConfig = Field(default_factory=PhiConfig)
    images: ImageCheckConfig = Field(default_factory=ImageCheckConfig)
    scores: ScoreConfig = Field(default_factory=ScoreConfig)


class QualityFilterStage(Stage[QualityFilterConfig]):
    """Rule-based quality gate; see the module docstring for the order of checks."""

    name: ClassVar[str] = "filter"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = QualityFilterConfig

    def __init__(self, config: QualityFilterConfig | dict[str, Any] | None = None, *,
                 analyzer: Analyzer | None = None) -> None:
        super().__init__(config)
        self._analyzer = analyzer
        self.funnel = Funnel(self.name)
        self._lang: LanguageIdentifier | None = None
        self._phi: ResidualPhiChecker | None = None

    def setup(self) -> None:
        cfg = self.config
        if cfg.languages:
            self._lang = LanguageIdentifier(tuple(cfg.languages))
        if cfg.residual_phi.enabled:
            analyzer = self._analyzer or default_analyzer()
            self._phi = ResidualPhiChecker(
                analyzer,
                min_score=cfg.residual_phi.min_score,
                entity_types=cfg.residual_phi.entity_types,
                ignore_patterns=cfg.residual_phi.ignore_patterns,
            )

    # -- columnar measures ------------------------------------------------------------------
    @staticmethod
    def measures(batch: list[Record]) -> pl.DataFrame:
        """Lengths, garbage and Han counts for a batch, one row per record (same order)."""
        df = pl.DataFrame(
            {
                "text": [dialogue_text(r, with_roles=False) for r in batch],
                "max_turn": [max((len(t.text) for t in r.turns), default=0) for r in batch],
            },
            schema={"text": pl.String, "max_turn": pl.Int64},
        )
        return df.with_columns(
            chars=pl.col("text").str.len_chars(),
            garbage=pl.col("text").str.count_matches(GARBAGE_CHARS),
            han=pl.col("text").str.count_matches(r"\p{Han}"),
            blank=pl.col("text").str.count_matches(r"\s"),
        ).with_columns(
            garbage_ratio=(pl.col("garbage") / pl.col("chars").clip(lower_bound=1)),
            han_ratio=(pl.col("han") / (pl.col("chars") - pl.col("blank")).clip(lower_bound=1)),
        )

    # -- the stage --------------------------------------------------------------------------
    def process(self, batch: list[Record]) -> StageResult:
        result = StageResult()
        if not batch:
            return result
        m = self.measures(batch)
        texts = m["text"].to_list()
        chars = m["chars"].to_list()
        max_turn = m["max_turn"].to_list()
        garbage = m["garbage_ratio"].to_list()
        han = m["han_ratio"].to_list()
        hashes, offsets = ngram_hashes(texts, self.config.ngram_n)
        dup_ngrams = (1.0 - distinct_ratios(hashes, offsets)).tolist()
        langs = self._lang.detect_many(texts, han) if self._lang is not None else None
        norm_turns = normalized_turns_batch(batch)
        reasons: list[str] = []
        measured: list[dict[str, float]] = []
        for i, rec in enumerate(batch):
            scores: dict[str, float] = {}
            lang = langs[i] if langs is not None else None
            problem = self._check(rec, chars[i], max_turn[i], garbage[i], dup_ngrams[i], lang, norm_turns[i], scores)
            if problem is None:
                result.kept.append(rec)
                measured.append(scores)
            else:
                reason, detail = problem
                rec.quality.reject_reason = reason
                result.reject(rec, reason, detail)
                reasons.append(reason)
        self._store_scores(result.kept, measured)
        self.funnel.add(len(result.kept), reasons)
        return result

    @staticmethod
    def _store_scores(kept: list[Record], measured: list[dict[str, float]]) -> None:
        """Write each kept record's measures into `quality.scores` (replacing same-named ones).

        All `Score` objects of the batch are validated in one pydantic-core call: building them
        one by one was a visible share of the stage's time at a million records.
        """
        flat = [{"name": k, "value": round(v, 4)} for scores in measured for k, v in scores.items()]
        built = _SCORES.validate_python(flat)
        pos = 0
        for rec, scores in zip(kept, measured, strict=True):
            mine = built[pos : pos + len(scores)]
            pos += len(scores)
            old = rec.quality.scores
            # In-place list update: the new scores are already validated.
            old[:] = [s for s in old if s.name not in scores] + mine if old else mine

    def _check(self, rec: Record, chars: int, max_turn: int, garbage: float, dup_ngrams: float,
               lang: tuple[str, float] | None, norm_turns: list[str],
               scores: dict[str, float]) -> tuple[str, str] | None:
        cfg = self.config
        if cfg.kinds is not None and rec.kind not in cfg.kinds:
            return R.KIND, f"record kind {rec.kind!r} not in {cfg.kinds}"
        if cfg.require_deid_passed and rec.deid.status.value != "passed":
            return R.DEID_NOT_PASSED, f"deid.status is {rec.deid.status.value!r}"
        if rec.review.status not in cfg.review_allowed:
            allowed = [s.value for s in cfg.review_allowed]
            return R.REVIEW_STATUS, f"review.status {rec.review.status.value!r} not in {allowed}"
        dialogue = rec.kind in DIALOGUE_KINDS
        if dialogue:
            n = len(rec.turns)
            if n < cfg.min_turns:
                return R.TOO_FEW_TURNS, f"{n} turns < {cfg.min_turns}"
            if n > cfg.max_turns:
                return R.TOO_MANY_TURNS, f"{n} turns > {cfg.max_turns}"
            if cfg.alternation:
                bad = self._alternation_problem(rec)
                if bad:
                    return R.ROLE_ALTERNATION, bad
        if chars < cfg.min_chars:
            return R.TOO_SHORT, f"{chars} characters < {cfg.min_chars}"
        if chars > cfg.max_chars:
            return R.TOO_LONG, f"{chars} characters > {cfg.max_chars}"
        if max_turn > cfg.max_turn_chars:
            return R.TURN_TOO_LONG, f"a turn has {max_turn} characters > {cfg.max_turn_chars}"
        scores["garbage_ratio"] = garbage
        if garbage > cfg.max_garbage_ratio:
            return R.GARBAGE, f"garbage character ratio {garbage:.3f} > {cfg.max_garbage_ratio}"
        dup_turns = duplicate_turn_ratio(rec, norm_turns)
        scores["duplicate_turn_ratio"] = dup_turns
        scores["duplicate_ngram_ratio"] = dup_ngrams
        if dup_turns > cfg.max_duplicate_turn_ratio:
            return R.REPETITION, f"duplicate turn ratio {dup_turns:.2f} > {cfg.max_duplicate_turn_ratio}"
        if dup_ngrams > cfg.max_duplicate_ngram_ratio:
            return R.REPETITION, (
                f"duplicate {cfg.ngram_n}-gram ratio {dup_ngrams:.2f} > {cfg.max_duplicate_ngram_ratio}"
            )
        if lang is not None:
            code, conf = lang
            scores["lang_confidence"] = conf
            if code not in (cfg.languages or []):
                return R.LANGUAGE, f"detected language {code!r} (confidence {conf:.2f}) not in {cfg.languages}"
            if cfg.set_lang and rec.lang != code:
                rec.lang = code
        problem = self._score_problem(rec)
        if problem:
            return problem
        if cfg.images.enabled and rec.images:
            problem = self._image_problem(rec)
            if problem:
                return problem
        if self._phi is not None:
            known = set(rec.meta.get(BASELINE_KEY) or ())
            lang_code = rec.lang if rec.lang in ("zh", "en") else "auto"
            hits = self._phi.find(rec.texts(), lang_code, known=known, case_id=rec.case_id)
            if hits:
                kinds = sorted({h.entity_type for h in hits})
                where = sorted({h.field for h in hits})
                return R.RESIDUAL_PHI, f"{len(hits)} PHI span(s) of type {kinds} in {where}"
        return None

    def _alternation_problem(self, rec: Record) -> str | None:
        cfg = self.config
        roles = [t.role for t in rec.turns]
        first_real = next((i for i, r in enumerate(roles) if r != "system"), None)
        if first_real is None:
            return "dialogue has only system turns"
        if "system" in roles[first_real:]:
            return f"system turn at index {roles.index('system', first_real)} after the dialogue started"
        body = roles[first_real:]
        for i in range(1, len(body)):
            if body[i] == body[i - 1]:
                return f"two {body[i]} turns in a row at index {first_real + i}"
        if cfg.first_speaker == "patient" and body[0] != "patient":
            return f"dialogue starts with {body[0]!r}, expected 'patient'"
        if cfg.last_speaker == "doctor" and body[-1] != "doctor":
            return f"dialogue ends with {body[-1]!r}, expected 'doctor'"
        return None

    def _score_problem(self, rec: Record) -> tuple[str, str] | None:
        mins = self.config.scores.min_values
        if not mins:
            return None
        have = {s.name: s.value for s in rec.quality.scores}
        for name, minimum in mins.items():
            if name not in have:
                if self.config.scores.missing == "reject":
                    return R.JUDGE_SCORE, f"score {name!r} missing"
                continue
            if have[name] < minimum:
                return R.JUDGE_SCORE, f"score {name!r} = {have[name]:g} < {minimum:g}"
        return None

    def _image_problem(self, rec: Record) -> tuple[str, str] | None:
        cfg = self.config.images
        base = Path(cfg.base_dir) if cfg.base_dir else None
        for img in rec.images:
            try:
                pil = open_image(img, base)
            except (OSError, ValueError, SyntaxError, ImageProblem) as exc:
                return R.IMAGE_UNDECODABLE, f"image {img.id!r} cannot be decoded: {exc}"
            w, h = pil.size
            if min(w, h) < cfg.min_side:
                return R.IMAGE_TOO_SMALL, f"image {img.id!r} is {w}x{h}, under {cfg.min_side}px"
        return None
