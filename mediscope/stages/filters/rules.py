"""`QualityFilterStage` (alias `filter`): per-record quality rules, each with its own reason.

Order of checks (a record is rejected by the first it fails, so the funnel shows one reason per
removed record): kind, de-identification status, review status, turn count, role alternation,
total/turn length, garbage ratio, repetition, language, scores (e.g. an LLM judge's), images,
residual PHI (the most expensive, last).

Everything up to repetition is decided for the whole batch at once, column by column: the
turns are read out of the records once (`columns.TurnColumns`), Polars normalizes every turn
(NFKC, case, punctuation) and finds repeated turns, NumPy counts garbage/Han/blank characters
through a per-code-point class table, rolls character n-gram hashes for repetition and checks
role alternation over the flat role codes; each rule is then one boolean column and a record's
reason is the first column that is true. Language ID (lingua, one parallel call for the texts
that are not clearly Chinese) runs in the same pass for the records that pass the measure-based
rules. That pass (`measures.measure_part`) needs only the turn columns, so with `workers` >= 2
the batch is cut into contiguous parts, the first measured here and the others in worker
processes at the same time (`parallel.WorkerPool`, sizes rebalanced after every batch), and the
parts' results are joined in batch order. As soon as the rules have picked the records that
go on, the worker also starts the dedup stage's hashing of them (`prefetch`), overlapping this
stage's per-record tail. The rest is per record, in order, in this process:
kind, de-identification and review status, scores, images, residual PHI, and the writes into
the records. Decisions and reject details are the same as checking each record on its own
(`_alternation_problem` stays the reference for role order) and the same for any `workers`
(tests compare both).

Kept records get their measures in `quality.scores` (so the report and later filters can use
them; built in one pydantic-core call per batch, which measured faster than constructing them
unvalidated one by one); rejected ones get `quality.reject_reason`. All records kept from one
batch share one frozen provenance entry (`Stage.shared_provenance`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from mediscope.record import Record, ReviewStatus, Score
from mediscope.stages.base import Stage, StageConfig, StageResult
from mediscope.stages.filters import prefetch
from mediscope.stages.filters.columns import Key, TurnColumns, remember
from mediscope.stages.filters.funnel import Funnel
from mediscope.stages.filters.hot import assign, gc_paused
from mediscope.stages.filters.images import ImageProblem, open_image
from mediscope.stages.filters.language import LanguageIdentifier
from mediscope.stages.filters.measures import (
    CHAR_CLASSES,
    MeasureSpec,
    PartMeasures,
    bad_alternation,
    init_worker,
    measure_part,
    measure_part_in_worker,
    signature_part,
)
from mediscope.stages.filters.parallel import WorkerPool, effective_workers
from mediscope.stages.filters.phi import (
    BASELINE_KEY,
    DEFAULT_IGNORE,
    Analyzer,
    ResidualPhiChecker,
    default_analyzer,
)
from mediscope.stages.filters.reasons import FilterReason as R
from mediscope.stages.filters.text import char_class_table

log = logging.getLogger(__name__)

DIALOGUE_KINDS = ("dialogue", "qa", "consultation", "vqa")
_SCORES = TypeAdapter(list[Score])
# The vectorized rules, in the order they are checked (row i of the `fails` matrix in `process`).
_RULES = (R.KIND, R.DEID_NOT_PASSED, R.REVIEW_STATUS, R.TOO_FEW_TURNS, R.TOO_MANY_TURNS, R.ROLE_ALTERNATION,
          R.TOO_SHORT, R.TOO_LONG, R.TURN_TOO_LONG, R.GARBAGE, R.REPETITION, R.REPETITION)


def _value(status: Any) -> str:
    return getattr(status, "value", status)


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
    execution_fields: ClassVar[frozenset[str]] = frozenset({"workers", "parallel_min_records"})

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
    workers: int = Field(default=2, ge=1, description=(
        "Processes for the per-record measures and language ID (this one included), at most the "
        "cores available; 1: no worker processes. Decisions are the same for any value."))
    parallel_min_records: int = Field(default=512, ge=1, description=(
        "Smaller batches are measured in this process only (a worker round trip costs ~ms)."))


class QualityFilterStage(Stage[QualityFilterConfig]):
    """Rule-based quality gate; see the module docstring for the order of checks."""

    name: ClassVar[str] = "filter"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = QualityFilterConfig
    shared_provenance: ClassVar[bool] = True

    def __init__(self, config: QualityFilterConfig | dict[str, Any] | None = None, *,
                 analyzer: Analyzer | None = None) -> None:
        super().__init__(config)
        self._analyzer = analyzer
        self.funnel = Funnel(self.name)
        self._lang: LanguageIdentifier | None = None
        self._phi: ResidualPhiChecker | None = None
        self._pool: WorkerPool | None = None

    def setup(self) -> None:
        cfg = self.config
        if cfg.languages:
            self._lang = LanguageIdentifier(tuple(cfg.languages))
            self._lang._detector  # noqa: B018 - build lingua's detector now, not in the first batch
        char_class_table(CHAR_CLASSES)
        if cfg.residual_phi.enabled:
            analyzer = self._analyzer or default_analyzer()
            self._phi = ResidualPhiChecker(
                analyzer,
                min_score=cfg.residual_phi.min_score,
                entity_types=cfg.residual_phi.entity_types,
                ignore_patterns=cfg.residual_phi.ignore_patterns,
            )

    # -- columnar measures ------------------------------------------------------------------
    def _spec(self) -> MeasureSpec:
        cfg = self.config
        return MeasureSpec(
            min_turns=cfg.min_turns, max_turns=cfg.max_turns, alternation=cfg.alternation,
            first_speaker=cfg.first_speaker, last_speaker=cfg.last_speaker, min_chars=cfg.min_chars,
            max_chars=cfg.max_chars, max_turn_chars=cfg.max_turn_chars, max_garbage_ratio=cfg.max_garbage_ratio,
            max_duplicate_turn_ratio=cfg.max_duplicate_turn_ratio,
            max_duplicate_ngram_ratio=cfg.max_duplicate_ngram_ratio, ngram_n=cfg.ngram_n,
        )

    def _pool_for(self, n: int) -> WorkerPool | None:
        """The worker pool, started on the first batch of at least `parallel_min_records`; None
        (measure in this process) for smaller batches and while the workers are starting."""
        cfg = self.config
        workers = effective_workers(cfg.workers)
        if workers < 2 or n < cfg.parallel_min_records:
            return None
        if self._pool is None or self._pool.closed:
            langs = tuple(cfg.languages) if cfg.languages else None
            self._pool = WorkerPool(workers, name=f"stage {self.name!r}", initializer=init_worker,
                                    initargs=(langs,))
        return self._pool if self._pool.ready else None

    def measures(self, batch: list[Record], cols: TurnColumns | None = None) -> PartMeasures:
        """Every per-record measure the rules need, and the measure-based rules' outcomes.

        One Python walk over the records (`TurnColumns`), then `measures.measure_part` on
        contiguous parts of the batch: the first part here, the others in worker processes
        at the same time (`workers`). Also leaves the normalized dialogues for the dedup stage.
        """
        return self._measures(batch, cols or TurnColumns.of(batch))[0]

    def _measures(self, batch: list[Record], cols: TurnColumns
                  ) -> tuple[PartMeasures, list[Key], WorkerPool | None]:
        """`measures`, the records' content keys and the pool it used (None: this process only)."""
        dialogue = np.array([r.kind in DIALOGUE_KINDS for r in batch], dtype=bool)
        spec = self._spec()
        pool = self._pool_for(len(batch))
        keys: list[Key] = []
        if pool is None:
            m = measure_part(cols, dialogue, spec, self._lang)
            keys = cols.keys()
        else:
            weights = cols.counts
            cuts = pool.split(weights)
            bounds = list(zip(cuts, cuts[1:], strict=False))
            parts = [(cols.part(a, b), dialogue[a:b], spec) for a, b in bounds]

            def here(c: TurnColumns, d: np.ndarray, s: MeasureSpec) -> PartMeasures:
                # The content keys too, while the workers measure (they are needed in this process).
                keys.extend(cols.keys())
                return measure_part(c, d, s, self._lang)

            m = PartMeasures.concat(pool.run_parts(
                here, measure_part_in_worker, parts, weights=[float(weights[a:b].sum() + (b - a)) for a, b in bounds]))
        remember(keys, m.normalized)  # for the dedup stage next
        return m, keys, pool

    @staticmethod
    def _offer_dedup_hashes(pool: WorkerPool | None, m: PartMeasures, keys: list[Key], rows: list[int]) -> None:
        """Start the dedup stage's hashing of these records in the worker (`prefetch`)."""
        spec = prefetch.wanted()
        if pool is None or spec is None or not rows:
            return
        fetch = pool.submit(signature_part, [m.normalized[i] for i in rows], spec)
        prefetch.offer(spec, [keys[i] for i in rows], fetch)

    def _bad_alternation(self, cols: TurnColumns, codes: np.ndarray | None = None) -> np.ndarray:
        """Per record: would `_alternation_problem` find a problem? (vectorized over all turns)"""
        cfg = self.config
        codes = cols.role_codes() if codes is None else codes
        return bad_alternation(cols, codes, cfg.first_speaker, cfg.last_speaker)

    def teardown(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    # -- the stage --------------------------------------------------------------------------
    def process(self, batch: list[Record]) -> StageResult:
        with gc_paused():
            return self._process(batch)

    def _process(self, batch: list[Record]) -> StageResult:
        result = StageResult()
        if not batch:
            return result
        cfg = self.config
        n = len(batch)
        m, keys, pool = self._measures(batch, TurnColumns.of(batch))
        allowed = cfg.review_allowed
        # Row k of `fails` is rule `_RULES[k]`; a record is rejected by the first row that is true.
        fails = np.zeros((len(_RULES) + 1, n), dtype=bool)
        fails[-1] = True  # sentinel: passed every vectorized rule
        if cfg.kinds is not None:
            fails[0] = [r.kind not in cfg.kinds for r in batch]
        if cfg.require_deid_passed:
            fails[1] = [r.deid.status != "passed" for r in batch]
        fails[2] = [r.review.status not in allowed for r in batch]
        fails[3:-1] = m.fails
        first_fail = np.argmax(fails, axis=0).tolist()
        passed = len(_RULES)
        self._offer_dedup_hashes(pool, m, keys, [i for i, f in enumerate(first_fail) if f == passed])
        garbage = m.garbage_ratio.tolist()
        dup_turns = m.duplicate_turn_ratio.tolist()
        dup_ngrams = m.duplicate_ngram_ratio.tolist()
        langs = m.langs if self._lang is not None else {}
        reasons: list[str] = []
        measured: list[dict[str, float]] = []
        for i, rec in enumerate(batch):
            f = first_fail[i]
            if f == passed:
                scores = {"garbage_ratio": garbage[i], "duplicate_turn_ratio": dup_turns[i],
                          "duplicate_ngram_ratio": dup_ngrams[i]}
                problem = self._late_check(rec, langs.get(i), scores)
            else:
                problem = _RULES[f], self._detail(f, rec, m, i)
            if problem is None:
                result.kept.append(rec)
                measured.append(scores)
            else:
                reason, detail = problem
                assign(rec.quality, "reject_reason", reason)
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

    def _detail(self, rule: int, rec: Record, m: PartMeasures, i: int) -> str:
        """The human-readable detail of vectorized rule `rule` failing on record i."""
        cfg = self.config
        reason = _RULES[rule]
        if rule == 0:
            return f"record kind {rec.kind!r} not in {cfg.kinds}"
        if rule == 1:
            return f"deid.status is {_value(rec.deid.status)!r}"
        if rule == 2:
            return f"review.status {_value(rec.review.status)!r} not in {[s.value for s in cfg.review_allowed]}"
        if reason == R.TOO_FEW_TURNS:
            return f"{len(rec.turns)} turns < {cfg.min_turns}"
        if reason == R.TOO_MANY_TURNS:
            return f"{len(rec.turns)} turns > {cfg.max_turns}"
        if reason == R.ROLE_ALTERNATION:
            return self._alternation_problem(rec) or "roles do not alternate"
        chars = int(m.chars[i])
        if reason == R.TOO_SHORT:
            return f"{chars} characters < {cfg.min_chars}"
        if reason == R.TOO_LONG:
            return f"{chars} characters > {cfg.max_chars}"
        if reason == R.TURN_TOO_LONG:
            return f"a turn has {int(m.max_turn[i])} characters > {cfg.max_turn_chars}"
        if reason == R.GARBAGE:
            return f"garbage character ratio {m.garbage_ratio[i]:.3f} > {cfg.max_garbage_ratio}"
        if rule == 10:
            return f"duplicate turn ratio {m.duplicate_turn_ratio[i]:.2f} > {cfg.max_duplicate_turn_ratio}"
        return (f"duplicate {cfg.ngram_n}-gram ratio {m.duplicate_ngram_ratio[i]:.2f} > "
                f"{cfg.max_duplicate_ngram_ratio}")

    def _late_check(self, rec: Record, lang: tuple[str, float] | None,
                    scores: dict[str, float]) -> tuple[str, str] | None:
        """The rules after the vectorized ones, record by record: language, scores, images, PHI."""
        cfg = self.config
        if lang is not None:
            code, conf = lang
            scores["lang_confidence"] = conf
            if code not in (cfg.languages or []):
                return R.LANGUAGE, f"detected language {code!r} (confidence {conf:.2f}) not in {cfg.languages}"
            if cfg.set_lang and rec.lang != code:
                assign(rec, "lang", code)
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
