"""Language identification with lingua (its models ship in the wheel, so it runs offline).

Why not trust `record.lang`? Readers set it from the source's declared language, and LLM
expansion sometimes answers a Chinese case in English; the filter checks what the text is.
Text that is mostly Han characters is labelled `zh` without calling lingua: that is both faster
and more robust for short Chinese turns, where n-gram models confuse zh with ja.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from mediscope.stages.filters.text import han_ratio

_LINGUA_NAMES = {
    "zh": "CHINESE",
    "en": "ENGLISH",
    "ja": "JAPANESE",
    "ko": "KOREAN",
    "fr": "FRENCH",
    "de": "GERMAN",
    "es": "SPANISH",
    "ru": "RUSSIAN",
    "ar": "ARABIC",
    "pt": "PORTUGUESE",
    "it": "ITALIAN",
    "vi": "VIETNAMESE",
}


class LanguageIdentifier:
    """Detects a text's ISO 639-1 code among `candidates`; 'und' when unsure."""

    def __init__(self, candidates: Sequence[str] = ("zh", "en"), *, han_threshold: float = 0.3,
                 min_confidence: float = 0.5, max_chars: int = 200) -> None:
        unknown = [c for c in candidates if c not in _LINGUA_NAMES]
        if unknown:
            raise ValueError(f"unsupported language code(s) {unknown}; known: {sorted(_LINGUA_NAMES)}")
        self.candidates = tuple(candidates)
        self.han_threshold = han_threshold
        self.min_confidence = min_confidence
        self.max_chars = max_chars

    @cached_property
    def _detector(self):  # type: ignore[no-untyped-def]
        from lingua import Language, LanguageDetectorBuilder

        # Detect among more languages than are allowed: with only zh and en to choose from,
        # French text would be called English with high confidence and pass the filter.
        codes = dict.fromkeys([*self.candidates, *_LINGUA_NAMES])
        langs = [getattr(Language, _LINGUA_NAMES[c]) for c in codes]
        return LanguageDetectorBuilder.from_languages(*langs).build()

    def _pick(self, values) -> tuple[str, float]:  # type: ignore[no-untyped-def]
        if not values:
            return "und", 0.0
        top = values[0]
        if top.value < self.min_confidence:
            return "und", top.value
        return top.language.iso_code_639_1.name.lower(), top.value

    def detect(self, text: str) -> tuple[str, float]:
        """Return (code, confidence)."""
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str], han_ratios: Sequence[float] | None = None) -> list[tuple[str, float]]:
        """Detect a batch: Han-dominated texts short-circuit, the rest go to lingua.

        Only the first `max_chars` characters are looked at: a few sentences settle the language
        and lingua's cost grows with length.
        """
        out: list[tuple[str, float]] = [("und", 0.0)] * len(texts)
        todo: list[int] = []
        for i, text in enumerate(texts):
            if not text.strip():
                continue
            ratio = han_ratios[i] if han_ratios is not None else han_ratio(text)
            if "zh" in self.candidates and ratio >= self.han_threshold:
                out[i] = ("zh", 1.0)
            else:
                todo.append(i)
        if todo:
            # One call for the batch: lingua scores the texts on all cores in Rust (same values
            # as one text at a time, so splitting a batch over processes changes nothing).
            results = self._detector.compute_language_confidence_values_in_parallel(
                [texts[i][: self.max_chars] for i in todo])
            for i, values in zip(todo, results, strict=True):
                out[i] = self._pick(values)
        return out
