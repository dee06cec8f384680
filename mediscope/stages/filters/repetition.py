"""Repetition and garbage measures (after Gopher/FineWeb-style heuristics, adapted to dialogue).

- `duplicate_turn_ratio`: share of turns whose normalized text already appeared in the same
  dialogue, the signature of an LLM stuck in a loop ("请问还有什么症状？" x 5).
- `duplicate_ngram_ratio`: 1 - distinct/total character n-grams over the dialogue: high when a
  phrase repeats inside turns. Character n-grams need no word segmentation, so they work for
  Chinese and English alike.
- garbage ratio (computed column-wise with Polars in `rules.py`): share of characters that are
  neither letters, digits, Han, punctuation nor whitespace (mojibake, control chars, U+FFFD).
"""

from __future__ import annotations

from mediscope.record import Record
from mediscope.stages.filters.text import normalized_turns

# Rust-regex (Polars) class for characters we consider "clean"; everything else is garbage.
CLEAN_CHARS = r"[\p{L}\p{N}\p{P}\p{Zs}\s\p{Sm}\p{Sc}\p{So}\p{Sk}]"
GARBAGE_CHARS = r"[^\p{L}\p{N}\p{P}\p{Zs}\s\p{Sm}\p{Sc}\p{So}\p{Sk}]|\x{FFFD}"


def duplicate_turn_ratio(record: Record, normalized: list[str] | None = None) -> float:
    seen: set[str] = set()
    dup = 0
    counted = 0
    if normalized is None:
        normalized = normalized_turns(record)
    for turn, norm in zip(record.turns, normalized, strict=True):
        if len(norm) <= 1:  # empty or 1-char turns ("好") repeat legitimately
            continue
        key = f"{turn.role}:{norm}"
        counted += 1
        if key in seen:
            dup += 1
        seen.add(key)
    return dup / counted if counted else 0.0


def duplicate_ngram_ratio(text: str, n: int = 5) -> float:
    total = len(text) - n + 1
    if total <= 1:
        return 0.0
    distinct = len({text[i : i + n] for i in range(total)})
    return 1.0 - distinct / total
