"""The pure per-record work of the quality filter and dedup stages, one part of a batch at a time.

Everything here is a function of the records' turn columns and the config alone, with no record
objects and no state carried between batches, so `parallel.WorkerPool` can run it on a part of
a batch in another process and the stages get the same answer as running it on the whole
batch: each record's result depends only on that record.

- `measure_part`: the filter's measures (lengths, garbage/Han/blank ratios, repeated turns and
  n-grams, role alternation), the vectorized rules that use only them (turn count, alternation,
  length, garbage, repetition), language ID for the records that pass those rules, and the
  normalized dialogue texts that the dedup stage needs next.
- `signature_part`: the dedup stage's BLAKE2 digests, MinHash signatures and LSH band keys of
  normalized dialogue texts.

Worker processes hold their own lingua detector (`init_worker`), built once when they start.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from mediscope.stages.filters.columns import DOCTOR, PATIENT, ROLE_CODE, SYSTEM, TurnColumns, normalized_expr
from mediscope.stages.filters.repetition import GARBAGE_CHARS
from mediscope.stages.filters.text import (
    char_class_counts,
    char_class_table,
    codepoints,
    distinct_ratios,
    ngram_hashes,
)

if TYPE_CHECKING:
    from mediscope.stages.filters.language import LanguageIdentifier

CHAR_CLASSES = (GARBAGE_CHARS, r"\p{Han}", r"\s")  # counted per record: garbage, Han, blank
N_PART_RULES = 9  # rows of `PartMeasures.fails`: turn counts (2), alternation, lengths (3), garbage, repetition (2)


@dataclass(frozen=True)
class MeasureSpec:
    """The filter config values the per-part work needs (a picklable subset)."""

    min_turns: int
    max_turns: int
    alternation: bool
    first_speaker: str
    last_speaker: str
    min_chars: int
    max_chars: int
    max_turn_chars: int
    max_garbage_ratio: float
    max_duplicate_turn_ratio: float
    max_duplicate_ngram_ratio: float
    ngram_n: int


@dataclass
class PartMeasures:
    """Per-record measures of a part of a batch (arrays indexed by record within the part)."""

    chars: np.ndarray
    max_turn: np.ndarray
    garbage_ratio: np.ndarray
    han_ratio: np.ndarray
    duplicate_turn_ratio: np.ndarray
    duplicate_ngram_ratio: np.ndarray
    bad_alternation: np.ndarray
    fails: np.ndarray  # (N_PART_RULES, n) bool, in the filter's rule order
    normalized: list[str]  # `text.normalized_dialogue` of each record
    langs: dict[int, tuple[str, float]] = field(default_factory=dict)  # rows passing `fails`, when detecting

    @classmethod
    def concat(cls, parts: list[PartMeasures]) -> PartMeasures:
        if len(parts) == 1:
            return parts[0]
        langs: dict[int, tuple[str, float]] = {}
        base = 0
        for p in parts:
            langs.update({base + i: v for i, v in p.langs.items()})
            base += len(p.chars)

        def cat(name: str) -> np.ndarray:
            return np.concatenate([getattr(p, name) for p in parts])

        return cls(
            chars=cat("chars"), max_turn=cat("max_turn"), garbage_ratio=cat("garbage_ratio"),
            han_ratio=cat("han_ratio"), duplicate_turn_ratio=cat("duplicate_turn_ratio"),
            duplicate_ngram_ratio=cat("duplicate_ngram_ratio"), bad_alternation=cat("bad_alternation"),
            fails=np.concatenate([p.fails for p in parts], axis=1),
            normalized=list(chain.from_iterable(p.normalized for p in parts)), langs=langs,
        )


def bad_alternation(cols: TurnColumns, codes: np.ndarray, first_speaker: str, last_speaker: str) -> np.ndarray:
    """Per record: would `QualityFilterStage._alternation_problem` find a problem? (vectorized)"""
    n = len(cols)
    counts = cols.counts
    doc = cols.doc()
    real = codes != SYSTEM
    real_so_far = np.cumsum(real)  # non-system turns up to and including each turn
    before = np.concatenate(([0], real_so_far))[cols.offsets[:-1]]
    in_body = (real_so_far - before[doc]) > 0  # at or after the record's first non-system turn
    bad = np.bincount(doc, weights=real, minlength=n) == 0  # only system turns (or none)
    bad |= np.bincount(doc[~real & in_body], minlength=n) > 0  # a system turn after the start
    if len(codes) > 1:
        same = (codes[1:] == codes[:-1]) & (doc[1:] == doc[:-1]) & in_body[:-1]
        bad |= np.bincount(doc[1:][same], minlength=n) > 0
    if first_speaker == "patient":
        first = real & ((real_so_far - before[doc]) == 1)
        bad[doc[first & (codes != PATIENT)]] = True
    if last_speaker == "doctor":
        has = counts > 0
        last = cols.offsets[1:][has] - 1
        bad[np.flatnonzero(has)[codes[last] != DOCTOR]] = True
    return bad


def measure_part(cols: TurnColumns, dialogue: np.ndarray, spec: MeasureSpec,
                 lang: LanguageIdentifier | None) -> PartMeasures:
    """Measures and measure-based rule outcomes of some records; language of those passing.

    One Polars frame over the turns gives each turn's length and normalized text and the first
    occurrence of each (role, normalized text) in its dialogue; the dialogue texts' code points,
    in one NumPy array, give garbage/Han/blank counts through a per-code-point class table
    (`text.char_class_counts`, equal to Polars' regex counts) and the rolled n-gram hashes for
    repetition; NumPy reduces turns to records with the offsets. `dialogue[i]` says whether
    record i is of a dialogue kind (turn count and alternation rules apply only to those).
    """
    texts = cols.dialogue_texts()
    doc = cols.doc()
    n = len(texts)
    t = (
        pl.LazyFrame({"doc": doc, "role": cols.roles, "text": cols.texts},
                     schema={"doc": pl.Int64, "role": pl.String, "text": pl.String})
        .with_columns(norm=normalized_expr("text"))
        .select(
            chars=pl.col("text").str.len_chars(),
            norm=pl.col("norm"),
            # `duplicate_turn_ratio`: turns of one or no character repeat legitimately ("好").
            counted=pl.col("norm").str.len_chars() > 1,
            first=pl.struct("doc", "role", "norm").is_first_distinct(),
            code=pl.col("role").replace_strict(ROLE_CODE, default=3, return_dtype=pl.UInt8),
        )
        .collect()
    )
    cps = codepoints(texts)
    chars = cps[1]
    n_garbage, n_han, n_blank = char_class_counts(*cps, CHAR_CLASSES)
    garbage = n_garbage / np.maximum(chars, 1)
    han = n_han / np.maximum(chars - n_blank, 1)
    counts = cols.counts
    max_turn = np.zeros(n, dtype=np.int64)
    nonempty = counts > 0
    if nonempty.any():
        max_turn[nonempty] = np.maximum.reduceat(t["chars"].to_numpy().astype(np.int64), cols.offsets[:-1][nonempty])
    counted = t["counted"].to_numpy()
    dup = counted & ~t["first"].to_numpy()
    n_counted = np.bincount(doc[counted], minlength=n)
    dup_turns = np.bincount(doc[dup], minlength=n) / np.maximum(n_counted, 1)
    hashes, offsets = ngram_hashes(texts, spec.ngram_n, cps)
    dup_ngrams = 1.0 - distinct_ratios(hashes, offsets)
    alternation = bad_alternation(cols, t["code"].to_numpy(), spec.first_speaker, spec.last_speaker)

    fails = np.zeros((N_PART_RULES, n), dtype=bool)
    fails[0] = dialogue & (counts < spec.min_turns)
    fails[1] = dialogue & (counts > spec.max_turns)
    if spec.alternation:
        fails[2] = dialogue & alternation
    fails[3] = chars < spec.min_chars
    fails[4] = chars > spec.max_chars
    fails[5] = max_turn > spec.max_turn_chars
    fails[6] = garbage > spec.max_garbage_ratio
    fails[7] = dup_turns > spec.max_duplicate_turn_ratio
    fails[8] = dup_ngrams > spec.max_duplicate_ngram_ratio

    langs: dict[int, tuple[str, float]] = {}
    if lang is not None:
        todo = np.flatnonzero(~fails.any(axis=0)).tolist()
        if todo:
            found = lang.detect_many([texts[i] for i in todo], han[todo].tolist())
            langs = dict(zip(todo, found, strict=True))
    return PartMeasures(
        chars=chars, max_turn=max_turn, garbage_ratio=garbage, han_ratio=han, duplicate_turn_ratio=dup_turns,
        duplicate_ngram_ratio=dup_ngrams, bad_alternation=alternation, fails=fails,
        normalized=cols.normalized_dialogues(t["norm"].to_list()), langs=langs,
    )


# -- dedup ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SignatureSpec:
    """What the dedup stage's per-record work needs: n-gram size, MinHash and banding parameters."""

    ngram: int
    num_perm: int
    seed: int
    bands: int
    band_mult: np.ndarray  # uint64, one multiplier per row of a band
    band_salt: np.ndarray  # uint64, one salt per band
    near: bool = True


def minhash_signatures(token_hashes: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures (n x num_perm, uint32) of the n-gram sets of a batch, by `rensa`."""
    from rensa import RMinHash

    if len(offsets) <= 1:
        return np.zeros((0, num_perm), dtype=np.uint32)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(token_hashes, offsets, num_perm, seed)
    rows = matrix.to_rows()  # rensa's only export: lists of ints; `fromiter` reads them fastest
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.uint32, count=len(rows) * num_perm)
    return flat.reshape(len(rows), num_perm)


def band_keys(sigs: np.ndarray, bands: int, band_mult: np.ndarray, band_salt: np.ndarray) -> np.ndarray:
    """One 64-bit key per (record, band): a salted multiply-add hash of the band's rows."""
    rows = sigs.shape[1] // bands
    b = sigs.reshape(len(sigs), bands, rows).astype(np.uint64)
    with np.errstate(over="ignore"):
        return (b * band_mult).sum(axis=2, dtype=np.uint64) ^ band_salt


def signature_part(texts: list[str], spec: SignatureSpec) -> tuple[list[bytes], np.ndarray | None, np.ndarray | None]:
    """(128-bit BLAKE2 digests, MinHash signatures, band keys) of normalized dialogue texts.

    Signatures and keys are None when near-duplicate detection is off.
    """
    blake = hashlib.blake2b
    digests = [blake(t.encode("utf-8"), digest_size=16).digest() for t in texts]
    if not spec.near:
        return digests, None, None
    token_hashes, offsets = ngram_hashes(texts, spec.ngram)
    sigs = minhash_signatures(token_hashes, offsets, spec.num_perm, spec.seed)
    return digests, sigs, band_keys(sigs, spec.bands, spec.band_mult, spec.band_salt)


# -- worker side -------------------------------------------------------------------------------
_WORKER_LANG: LanguageIdentifier | None = None


def init_worker(languages: tuple[str, ...] | None) -> None:
    """Worker initializer: build lingua's detector once (its models load lazily otherwise)."""
    global _WORKER_LANG
    char_class_table(CHAR_CLASSES)
    if languages:
        from mediscope.stages.filters.language import LanguageIdentifier

        _WORKER_LANG = LanguageIdentifier(languages)
        _WORKER_LANG._detector  # noqa: B018 - build it now, not during the first batch


def measure_part_in_worker(cols: TurnColumns, dialogue: np.ndarray, spec: MeasureSpec) -> PartMeasures:
    return measure_part(cols, dialogue, spec, _WORKER_LANG)
