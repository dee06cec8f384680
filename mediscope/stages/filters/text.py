"""Text helpers shared by the filters and dedup: one normalization so both agree on "same text".

Normalization is NFKC (full-width ASCII and punctuation become half-width, common in Chinese
exports), lower-case, and whitespace/punctuation removal, so two dialogues that differ only in
spacing, punctuation width or case hash to the same key. Role markers are kept in the dialogue
text so that a question and its answer swapped do not look identical.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from mediscope.record import Record

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

ROLE_TAG = {"patient": "P", "doctor": "D", "system": "S"}


def normalize(text: str) -> str:
    """NFKC, lower-case, drop whitespace, punctuation and symbols (keeps letters/digits/Han)."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def dialogue_text(record: Record, *, with_roles: bool = True, include_reports: bool = True) -> str:
    """All text of a record as one string (turns in order, then report texts)."""
    parts = []
    for turn in record.turns:
        parts.append(f"{ROLE_TAG.get(turn.role, '?')}:{turn.text}" if with_roles else turn.text)
    if include_reports:
        parts.extend(r.text for r in record.reports if r.text)
    return "\n".join(parts)


_SEP = "\ue000"  # a private-use code point: NFKC keeps it and it is not in any real text
_NON_WORD_KEEP_SEP = re.compile(r"[^\w\ue000]+|_+", re.UNICODE)


def normalized_turns(record: Record) -> list[str]:
    """`normalize` of every turn text, computed in one NFKC + one regex pass over the record."""
    if not record.turns:
        return []
    joined = _SEP.join(t.text.replace(_SEP, "") for t in record.turns)
    return _NON_WORD_KEEP_SEP.sub("", unicodedata.normalize("NFKC", joined).lower()).split(_SEP)


def normalized_dialogue(record: Record, turns: list[str] | None = None) -> str:
    """Normalized text keyed by role, the input of exact and near-duplicate detection.

    `turns` may pass precomputed `normalized_turns`; `columns.normalized_dialogues` is the batch form.
    """
    if turns is None:
        turns = normalized_turns(record)
    return "|".join(f"{ROLE_TAG.get(t.role, '?')}{n}" for t, n in zip(record.turns, turns, strict=True)) + "".join(
        normalize(r.text) for r in record.reports if r.text
    )


def char_ngrams(text: str, n: int) -> set[str]:
    """Character n-gram shingles: word-free, so they suit Chinese (no segmentation needed)."""
    if len(text) <= n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def han_ratio(text: str) -> float:
    """Share of Han characters among non-space characters (a fast Chinese-language signal)."""
    chars = len(text) - text.count(" ") - text.count("\n")
    if chars <= 0:
        return 0.0
    return len(_HAN.findall(text)) / chars


_P = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime, as the rolling multiplier


def _mix64(h: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: spreads the polynomial hash so MinHash sees uniform values."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def ngram_hashes(texts: list[str], n: int) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of every character n-gram of every text, computed for a whole batch at once.

    Returns `(hashes, offsets)`: the n-grams of text i are `hashes[offsets[i]:offsets[i+1]]`
    (a multiset; MinHash and distinct counts do not care). Texts shorter than `n` yield a single
    n-gram of the padded text, so no text has an empty set. This replaces a Python set of string
    slices per text (the cost that dominates a naive loop) with a few NumPy passes over the
    concatenated code points; the layout is what `rensa`'s flat-buffer MinHash takes directly.
    """
    if n < 1:
        raise ValueError("n must be >= 1")
    padded = [t if len(t) >= n else t.ljust(n, "\x00") for t in texts]
    lens = np.fromiter((len(t) for t in padded), dtype=np.int64, count=len(padded))
    if not padded:
        return np.zeros(0, np.uint64), np.zeros(1, np.uint64)
    cps = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    windows = len(cps) - n + 1
    h = np.zeros(windows, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(n):
            h = h * _P + cps[j : j + windows]
        h = _mix64(h)
    starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
    counts = lens - n + 1
    offsets = np.concatenate(([0], np.cumsum(counts)))
    idx = np.arange(offsets[-1], dtype=np.int64) + np.repeat(starts - offsets[:-1], counts)
    return h[idx], offsets.astype(np.uint64)


def distinct_ratios(hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Per text: distinct n-grams / all n-grams (1.0 = no repetition), via a Polars group-by."""
    import polars as pl

    counts = np.diff(offsets.astype(np.int64))
    doc = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    uniq = (
        pl.DataFrame({"doc": doc, "h": hashes})
        .group_by("doc")
        .agg(pl.col("h").n_unique().alias("u"))
        .sort("doc")
    )
    out = np.ones(len(counts), dtype=np.float64)
    d = uniq["doc"].to_numpy()
    out[d] = uniq["u"].to_numpy() / np.maximum(counts[d], 1)
    return out
