"""Fixtures for the de-identification tests: one engine per session (spaCy load is slow)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def deider():
    from mediscope.deid import Deidentifier

    d = Deidentifier()
    d.warm_up()
    return d


@pytest.fixture(scope="session")
def found(deider):
    """found(text, lang) -> {(entity_type, matched text)} for compact assertions."""

    def _found(text: str, lang: str = "auto") -> set[tuple[str, str]]:
        return {(s.entity_type, text[s.start : s.end]) for s in deider.analyze_text(text, lang)}

    return _found


@pytest.fixture(scope="session")
def covered(deider):
    """covered(text, value, lang) -> True when every character of `value` is inside a PHI span."""

    def _covered(text: str, value: str, lang: str = "auto") -> bool:
        start = text.index(value)
        spans = deider.analyze_text(text, lang)
        return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value)))

    return _covered
