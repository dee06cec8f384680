"""Leakage-free train/validation/test assignment by case (patient) key.

Each case goes to a split by a salted hash of its `case_id`, so (1) all records of a patient
land in one split, and (2) a case keeps its split when the corpus grows and is re-published,
so a model evaluated on version 2's test set never trained on those patients in version 1.

Tiny corpora: hashing 10 cases with 5% ratios would usually give an empty test set. When a
split with a non-zero ratio ends up empty and there are enough cases, assignment falls back to
ranking cases by their hash and giving each such split at least one case (still deterministic,
still one split per case, but not stable under growth; the summary reports `method`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

SPLITS = ("train", "validation", "test")


def _unit(case_id: str, salt: str) -> float:
    h = hashlib.sha256(f"{salt}\x00{case_id}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def check_ratios(ratios: Mapping[str, float]) -> dict[str, float]:
    unknown = set(ratios) - set(SPLITS)
    if unknown:
        raise ValueError(f"unknown split name(s) {sorted(unknown)}; use {SPLITS}")
    if any(v < 0 for v in ratios.values()):
        raise ValueError("split ratios must be >= 0")
    total = sum(ratios.values())
    if total <= 0 or ratios.get("train", 0) <= 0:
        raise ValueError("split ratios need a positive train share")
    return {s: ratios.get(s, 0.0) / total for s in SPLITS}


def assign_splits(case_ids: Iterable[str], ratios: Mapping[str, float], *, salt: str = "mediscope",
                  min_cases_per_split: int = 1) -> tuple[dict[str, str], str]:
    """Map each distinct case_id to a split; returns (mapping, method: 'hash' or 'rank')."""
    r = check_ratios(ratios)
    cases = sorted(set(case_ids))
    units = {c: _unit(c, salt) for c in cases}
    edges = []
    acc = 0.0
    for s in SPLITS:
        acc += r[s]
        edges.append((acc, s))
    mapping = {c: next((s for edge, s in edges if u < edge), "train") for c, u in units.items()}
    wanted = [s for s in SPLITS if r[s] > 0 and s != "train"]
    counts = {s: sum(1 for v in mapping.values() if v == s) for s in SPLITS}
    short = [s for s in wanted if counts[s] < min_cases_per_split]
    needed = (len(wanted) * min_cases_per_split) + 1
    if not short or len(cases) < needed:
        if len(cases) < needed and short:
            # Too few cases to give every split one: keep everything in train rather than
            # publishing an evaluation split with the only patients the model could learn from.
            return {c: "train" for c in cases}, "all-train"
        return mapping, "hash"
    ranked = sorted(cases, key=lambda c: units[c])
    mapping = {}
    pos = 0
    for s in reversed(SPLITS):  # test, validation, then train takes the rest
        if s == "train":
            break
        n = max(min_cases_per_split, round(r[s] * len(cases))) if r[s] > 0 else 0
        for c in ranked[pos : pos + n]:
            mapping[c] = s
        pos += n
    for c in ranked[pos:]:
        mapping[c] = "train"
    return mapping, "rank"
