"""Residual PHI: run the de-identifier's analyzer again on the final text.

Expansion (LLM rewriting) and expert edits happen *after* de-identification and can reintroduce
identifiers (an LLM inventing "张医生, 电话 138..."), so the last gate re-analyzes every text.

Surrogates: if de-identification replaced names with realistic fakes, the analyzer will find
those fakes again. Placeholders such as `<PERSON>` or `[姓名]` are ignored via `ignore_patterns`;
for surrogate-based pipelines restrict `entity_types` to the kinds that are never surrogated, or
raise `min_score`. The analyzer is injectable so the check can be tested without Presidio.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Analyzer = Callable[[str, str], Iterable[Any]]

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

    def find(self, texts: Iterable[tuple[str, str]], lang: str) -> list[PhiHit]:
        hits: list[PhiHit] = []
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
                hits.append(PhiHit(field, start, end, etype, score))
        return hits
