"""Adapter between OCR lines and the text de-identifier.

The text de-identifier (`mediscope.deid.analyze_text(text, lang) -> list[PhiSpan]`) is the single
source of truth for what PHI looks like; images reuse it line by line. The adapter is injectable
(any callable `(text, lang) -> spans`) so box mapping can be tested with a deterministic
analyzer, and any object with `start/end/entity_type/score/recognizer` (or such a dict) counts as
a span, so Presidio `RecognizerResult`s work too.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Analyzer = Callable[[str, str], Sequence[Any]]

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Finding:
    """A PHI span inside one text line."""

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str | None = None


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def to_finding(span: Any) -> Finding:
    recognizer = _get(span, "recognizer")
    if recognizer is None:
        meta = _get(span, "recognition_metadata") or {}
        recognizer = meta.get("recognizer_name") if isinstance(meta, dict) else None
    return Finding(
        start=int(_get(span, "start")),
        end=int(_get(span, "end")),
        entity_type=str(_get(span, "entity_type")),
        score=float(_get(span, "score", 1.0)),
        recognizer=recognizer,
    )


def line_languages(text: str, default: str = "auto") -> list[str]:
    """Which analyzers to run on a line: its script decides, mixed lines get both.

    OCR'd report images mix scripts freely (`Patient: 张伟`, `MRN 0012345` under a Chinese
    header), so the record's language is a poor guide for a single line.
    """
    if default not in ("auto", "mixed", "und", ""):
        langs = [default]
    else:
        langs = []
    has_cjk = bool(_CJK.search(text))
    has_latin = bool(_LATIN_WORD.search(text))
    if has_cjk and "zh" not in langs:
        langs.append("zh")
    if (has_latin or not has_cjk) and "en" not in langs:
        langs.append("en")
    return langs


def resolve_analyzer(spec: str | Analyzer = "mediscope") -> Analyzer:
    """'mediscope' -> `mediscope.deid.analyze_text`; 'pkg.module:func' -> that callable."""
    if callable(spec):
        return spec
    target = "mediscope.deid:analyze_text" if spec == "mediscope" else spec
    module, _, attr = target.partition(":")
    if not attr:
        raise ValueError(f"analyzer must be 'mediscope' or 'package.module:function', got {spec!r}")
    fn = getattr(importlib.import_module(module), attr)
    if not callable(fn):
        raise TypeError(f"{target} is not callable")
    return fn


class LineAnalyzer:
    """Runs a text analyzer over OCR lines, choosing languages per line and merging overlaps."""

    def __init__(
        self, analyzer: str | Analyzer = "mediscope", lang: str = "auto", min_score: float = 0.0
    ) -> None:
        self.analyze = resolve_analyzer(analyzer)
        self.lang = lang
        self.min_score = min_score

    def __call__(self, text: str) -> list[Finding]:
        found: list[Finding] = []
        for lang in line_languages(text, self.lang):
            for span in self.analyze(text, lang) or ():
                f = to_finding(span)
                if f.end > f.start and f.score >= self.min_score:
                    found.append(f)
        return merge_findings(found, len(text))


def merge_findings(found: list[Finding], length: int) -> list[Finding]:
    """Union overlapping spans (keeping the highest-scoring label), clipped to the text."""
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        start, end = max(0, f.start), min(length, f.end)
        if end <= start:
            continue
        if out and start <= out[-1].end:
            prev = out[-1]
            best = prev if prev.score >= f.score else f
            out[-1] = Finding(
                prev.start, max(prev.end, end), best.entity_type, max(prev.score, f.score), best.recognizer
            )
        else:
            out.append(Finding(start, end, f.entity_type, f.score, f.recognizer))
    return out
