"""Text de-identification for Chinese and English clinical text (Presidio + spaCy + jieba).

Public API (imports are lazy so `import mediscope.deid` stays cheap):

- `deidentify_text(text, lang="auto") -> DeidResult` (`.text`, `.spans` with original offsets)
- `analyze_text(text, lang="auto") -> list[PhiSpan]` and `analyze_batch(texts, lang)` (detection)
- `Deidentifier(DeidConfig(...))` with `deidentify_record(record)`, one surrogate map per case.

The engine lives here rather than under `stages/` because the image redactor and the residual-PHI
filter use it as well, and stages never import each other.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# Presidio's e-mail/URL recognizers use tldextract, which would fetch the public-suffix list over
# the network at first use; an empty URL list makes it use the snapshot shipped in the wheel.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from mediscope.deid.types import DeidResult, PhiSpan  # noqa: E402

if TYPE_CHECKING:
    from mediscope.deid.engine import DeidConfig, Deidentifier, DeidError

__all__ = [
    "DeidConfig",
    "DeidError",
    "DeidResult",
    "Deidentifier",
    "PhiSpan",
    "analyze_batch",
    "analyze_text",
    "default_deidentifier",
    "deidentify_text",
]

_DEFAULT: Any = None


def default_deidentifier() -> Deidentifier:
    """A process-wide `Deidentifier` with the default config (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        from mediscope.deid.engine import Deidentifier

        _DEFAULT = Deidentifier()
    return _DEFAULT


def deidentify_text(text: str, lang: str = "auto") -> DeidResult:
    """De-identify one text with the default operators (surrogates, date shift)."""
    return default_deidentifier().deidentify_text(text, lang)


def analyze_text(text: str, lang: str = "auto") -> list[PhiSpan]:
    """Find PHI spans (original offsets) without replacing anything."""
    return default_deidentifier().analyze_text(text, lang)


def analyze_batch(texts: list[str], lang: str = "auto") -> list[list[PhiSpan]]:
    """Batched detection: one spaCy `nlp.pipe` pass per language."""
    return default_deidentifier().analyze_batch(texts, lang)


def __getattr__(name: str) -> Any:
    if name in ("DeidConfig", "Deidentifier", "DeidError"):
        from mediscope.deid import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'mediscope.deid' has no attribute {name!r}")
