"""Language choice for `lang="auto"`: zh, en or mixed.

The character mix decides the clear cases for free (most texts are plainly Chinese or plainly
Latin); lingua, restricted to Chinese and English so it stays fast, only settles the rest. "mixed"
makes the engine run both analyzers and keep the union: a Chinese turn quoting an English report
must not lose the English NER.
"""

from __future__ import annotations

from functools import lru_cache

from mediscope.deid.normalize import cjk_ratio


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.CHINESE, Language.ENGLISH).build()


def detect_lang(text: str) -> str:
    """Return 'zh', 'en' or 'mixed' ('en' for text without letters: patterns still apply)."""
    ratio = cjk_ratio(text)
    if ratio >= 0.6:
        return "zh"
    if ratio == 0.0:
        return "en"
    if ratio < 0.05:
        # A stray CJK character in English text (a name, a unit) is better served by "mixed".
        return "mixed"
    from lingua import Language

    conf = {c.language: c.value for c in _detector().compute_language_confidence_values(text)}
    zh, en = conf.get(Language.CHINESE, 0.0), conf.get(Language.ENGLISH, 0.0)
    if min(zh, en) > 0.2:
        return "mixed"
    return "zh" if zh >= en else "mixed"
