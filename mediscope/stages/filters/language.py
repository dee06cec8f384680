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
                 min_confidence: float = 0.5) -> None:
        unknown = [c for c in candidates if c not in _LINGUA_NAMES]
        if unknown:
            raise ValueError(f"unsupported language code(s) {unknown}; known: {sorted(_LINGUA_NAMES)}")
        self.candidates = tuple(candidates)
        self.han_threshold = han_threshold
        self.min_confidence = min_confidence

    @cached_property
    def _detector(self):  # type: ignore[no-untyped-def]
        from lingua import Language, LanguageDetectorBuilder

        # Detect among more languages than are allowed: with only zh and en to choose from,
        # French text would be called English with high confidence and pass the filter.
        codes = dict.fromkeys([*self.candidates, *_LINGUA_NAMES])
        langs = [getattr(Language, _LINGUA_NAMES[c]) for c in codes]
        return LanguageDetectorBuilder.from_languages(*langs).build()

    def detect(self, text: str) -> tuple[str, float]:
        """Return (code, confidence)."""
        if not text.strip():
            return "und", 0.0
        if "zh" in self.candidates and han_ratio(text) >= self.han_threshold:
            return "zh", 1.0
        values = self._detector.compute_language_confidence_values(text)
        if not values:
            return "und", 0.0
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        if top.value < self.min_confidence:
            return "und", top.value
        return code, top.value
