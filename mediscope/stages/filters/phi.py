"""Residual PHI: run the de-identifier's analyzer again on the final text.

Expansion (LLM rewriting) and expert edits happen *after* de-identification and can reintroduce
identifiers (an LLM inventing "张医生, 电话 138..."), so the last gate re-analyzes every text.

Surrogates: de-identification replaces names, phones, ids with realistic fakes, which the
analyzer rightly finds again. So "residual" is defined as *new since de-identification*: the
`PhiBaselineStage` (run right after `deid`) stores salted hashes of every analyzer hit in the
freshly de-identified record under `meta["_phi_baseline"]`; the filter later ignores hits whose
text hashes into that set (the same surrogate carried into an LLM-expanded dialogue), and rejects
anything else (an LLM inventing "电话 13812345678", an expert pasting a real name). Without a
baseline every hit counts. Placeholders such as `<PERSON>` or `[姓名]` are always ignored
(`ignore_patterns`). Hashes, not strings, are stored: salted by case, they cannot be joined
across cases. The analyzer is injectable so the check can be tested without Presidio.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field

from mediscope.record import Record
from mediscope.stages.base import Stage, StageConfig, StageResult

Analyzer = Callable[[str, str], Iterable[Any]]

BASELINE_KEY = "_phi_baseline"

DEFAULT_IGNORE = (r"^<[A-Z_]+>$", r"^\[[^\]]{1,12}\]$", r"^＜[^＞]{1,12}＞$", r"^【[^】]{1,12}】$")


@dataclass(frozen=True)
class PhiHit:
    field: str
    start: int
    end: int
    entity_type: str
    score: float


def _get(span: Any, key: str) -> Any:
    return span[key] if isinstance(span, dict) else getattr(span, key)


def default_analyzer() -> Analyzer:
    """The project's analyzer (`mediscope.deid.analyze_text`), imported only when needed."""
    try:
        from mediscope.deid import analyze_text
    except ImportError as exc:  # pragma: no cover - depends on the deid extra
        raise RuntimeError(
            "the residual-PHI filter needs mediscope.deid (pip install 'mediscope[deid]'); "
            "disable it with residual_phi: {enabled: false}"
        ) from exc
    return analyze_text


class ResidualPhiChecker:
    """Finds PHI spans above `min_score` in (field, text) pairs, ignoring placeholders."""

    def __init__(self, analyzer: Analyzer, *, min_score: float = 0.5,
                 entity_types: Sequence[str] | None = None,
                 ignore_patterns: Sequence[str] = DEFAULT_IGNORE) -> None:
        self.analyzer = analyzer
        self.min_score = min_score
        self.entity_types = set(entity_types) if entity_types else None
        self._ignore = [re.compile(p) for p in ignore_patterns]

    def _scan(self, texts: Iterable[tuple[str, str]], lang: str, known: set[str] | None,
              case_id: str) -> list[tuple[PhiHit, str]]:
        out: list[tuple[PhiHit, str]] = []
        for field, text in texts:
            if not text:
                continue
            for span in self.analyzer(text, lang):
                etype = str(_get(span, "entity_type"))
                score = float(_get(span, "score"))
                start, end = int(_get(span, "start")), int(_get(span, "end"))
                if score < self.min_score:
                    continue
                if self.entity_types is not None and etype not in self.entity_types:
                    continue
                found = text[start:end]
                if any(p.search(found) for p in self._ignore):
                    continue
                if known and hit_hash(case_id, found) in known:
                    continue
                out.append((PhiHit(field, start, end, etype, score), found))
        return out

    def find(self, texts: Iterable[tuple[str, str]], lang: str, *, known: set[str] | None = None,
             case_id: str = "") -> list[PhiHit]:
        """Hits above the score bar, minus placeholders and minus `known` (baseline) hashes."""
        return [hit for hit, _ in self._scan(texts, lang, known, case_id)]

    def hit_texts(self, texts: Iterable[tuple[str, str]], lang: str) -> list[str]:
        """The strings of all counted hits (hashed into a baseline; never stored as such)."""
        return [found for _, found in self._scan(texts, lang, None, "")]


def hit_hash(case_id: str, text: str) -> str:
    """Case-salted hash of a normalized hit string."""
    norm = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()
    return hashlib.sha256(f"{case_id}\x1f{norm}".encode()).hexdigest()[:16]


class PhiBaselineConfig(StageConfig):
    min_score: float = Field(default=0.0, ge=0, le=1, description="Record hits from this score up.")
    entity_types: list[str] | None = None


class PhiBaselineStage(Stage[PhiBaselineConfig]):
    """Right after `deid`: remember (as salted hashes) what the analyzer still finds, i.e. the
    surrogates, so the residual-PHI filter only flags identifiers that appeared later.

    Use it by import path: `stage: mediscope.stages.filters.phi:PhiBaselineStage`.
    Records that did not pass de-identification are passed through untouched (the filter's
    `require_deid_passed` rejects them later, with that reason).
    """

    name: ClassVar[str] = "phi_baseline"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = PhiBaselineConfig

    def __init__(self, config: PhiBaselineConfig | dict[str, Any] | None = None, *,
                 analyzer: Analyzer | None = None) -> None:
        super().__init__(config)
        self._analyzer = analyzer
        self._checker: ResidualPhiChecker | None = None

    def setup(self) -> None:
        self._checker = ResidualPhiChecker(
            self._analyzer or default_analyzer(), min_score=self.config.min_score,
            entity_types=self.config.entity_types, ignore_patterns=(),
        )

    def process(self, batch: list[Record]) -> StageResult:
        assert self._checker is not None
        for rec in batch:
            if rec.deid.status.value != "passed":
                continue
            lang = rec.lang if rec.lang in ("zh", "en") else "auto"
            found = self._checker.hit_texts(rec.texts(), lang)
            rec.meta[BASELINE_KEY] = sorted({hit_hash(rec.case_id, t) for t in found})
        return StageResult(kept=list(batch))
