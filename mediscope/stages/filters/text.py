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
    """splitmix64 finalizer, in place: spreads the polynomial hash so MinHash sees uniform values."""
    t = h >> np.uint64(30)
    h ^= t
    h *= np.uint64(0xBF58476D1CE4E5B9)
    np.right_shift(h, np.uint64(27), out=t)
    h ^= t
    h *= np.uint64(0x94D049BB133111EB)
    np.right_shift(h, np.uint64(31), out=t)
    h ^= t
    return h


def codepoints(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """All texts' code points concatenated (uint32) and each text's length, in two C-level passes."""
    lens = np.array(list(map(len, texts)), dtype=np.int64)
    cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    return cps, lens


_CLASS_TABLE: dict[tuple[str, ...], np.ndarray] = {}


def char_class_table(patterns: tuple[str, ...]) -> np.ndarray:
    """A uint8 table over all code points: bit k is set where `patterns[k]` matches the character.

    Each pattern must match exactly one character (a character class), so counting matches in
    a text equals summing the table over its code points. The table is computed once per process
    by Polars' own regex engine over every code point, so the counts equal
    `str.count_matches(pattern)` exactly (same Unicode tables), at a gather's cost per batch.
    """
    table = _CLASS_TABLE.get(patterns)
    if table is None:
        import polars as pl

        if len(patterns) > 8:
            raise ValueError("at most 8 patterns")
        cps = np.concatenate([np.arange(0, 0xD800), np.arange(0xE000, 0x110000)]).astype(np.uint32)
        chars = pl.Series([cps.tobytes().decode("utf-32-le")]).str.split("").explode()
        table = np.zeros(0x110000, dtype=np.uint8)
        bits = np.zeros(len(cps), dtype=np.uint8)
        for k, pat in enumerate(patterns):
            bits |= chars.str.contains(pat).to_numpy().astype(np.uint8) << np.uint8(k)
        table[cps] = bits
        _CLASS_TABLE[patterns] = table
    return table


def char_class_counts(cps: np.ndarray, lens: np.ndarray, patterns: tuple[str, ...]) -> list[np.ndarray]:
    """Per text and pattern, how many characters match (see `char_class_table`)."""
    table = char_class_table(patterns)
    bits = table[cps]
    doc = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
    return [np.bincount(doc[(bits & np.uint8(1 << k)) != 0], minlength=len(lens)) for k in range(len(patterns))]


def ngram_hashes(texts: list[str], n: int, cps: tuple[np.ndarray, np.ndarray] | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of every character n-gram of every text, computed for a whole batch at once.

    Returns `(hashes, offsets)`: the n-grams of text i are `hashes[offsets[i]:offsets[i+1]]`
    (a multiset; MinHash and distinct counts do not care). Texts shorter than `n` yield a single
    n-gram of the padded text, so no text has an empty set. This replaces a Python set of string
    slices per text (the cost that dominates a naive loop) with a few in-place NumPy passes over
    the concatenated code points (`cps` may pass `codepoints(texts)` when the caller has it); the
    layout is what `rensa`'s flat-buffer MinHash takes directly.
    """
    if n < 1:
        raise ValueError("n must be >= 1")
    if not texts:
        return np.zeros(0, np.uint64), np.zeros(1, np.uint64)
    cp, lens = cps if cps is not None else codepoints(texts)
    if (lens < n).any():  # rare: pad the short texts with NULs up to n
        cp, lens = codepoints([t if len(t) >= n else t.ljust(n, "\x00") for t in texts])
    cp = cp.astype(np.uint64)
    windows = len(cp) - n + 1
    h = cp[:windows].copy()
    with np.errstate(over="ignore"):
        for j in range(1, n):
            h *= _P
            h += cp[j : j + windows]
        starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
        counts = lens - n + 1
        offsets = np.concatenate(([0], np.cumsum(counts)))
        idx = np.repeat(starts - offsets[:-1], counts)
        idx += np.arange(offsets[-1], dtype=np.int64)
        return _mix64(h[idx]), offsets.astype(np.uint64)


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
