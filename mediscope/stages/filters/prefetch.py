"""Dedup hashing started by the filter in its worker process, for the records it is keeping.

The runner calls the filter and then the dedup stage on the same batch, one after the other.
Once the filter knows which records passed its measure-based rules, the dedup stage's per-record
work for them (BLAKE2 digests, MinHash signatures, band keys: `measures.signature_part`) is
already decidable, so the filter hands it to its worker process and goes on with its own
per-record tail (language, scores, provenance) while the worker hashes. The dedup stage then
takes the results instead of hashing itself.

It is an offer, never a dependency: the dedup stage registers what it needs (its
`SignatureSpec`, compared by identity), and uses an offer only if it was made for that spec and
covers every record of its batch by content key (the same key `columns.normalized_dialogues`
checks, so a record edited between the stages is never served stale hashes); otherwise it
hashes the batch itself. One offer is held at a time (the latest batch's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mediscope.stages.filters.columns import Key
from mediscope.stages.filters.measures import SignatureSpec

Hashes = tuple[list[bytes], "np.ndarray | None", "np.ndarray | None"]


@dataclass
class _Offer:
    spec: SignatureSpec
    rows: dict[Key, int]
    fetch: Callable[[], Hashes]


_WANTED: SignatureSpec | None = None
_OFFER: _Offer | None = None


def register(spec: SignatureSpec) -> None:
    """Called by the dedup stage: hashes of this spec are welcome."""
    global _WANTED
    _WANTED = spec


def unregister(spec: SignatureSpec) -> None:
    global _WANTED, _OFFER
    if _WANTED is spec:
        _WANTED = None
        _OFFER = None


def wanted() -> SignatureSpec | None:
    return _WANTED


def offer(spec: SignatureSpec, keys: list[Key], fetch: Callable[[], Hashes]) -> None:
    """Called by the filter: `fetch()` returns the hashes of the records with these content keys."""
    global _OFFER
    _OFFER = _Offer(spec, {k: i for i, k in enumerate(keys)}, fetch)


def take(spec: SignatureSpec, keys: list[Key]) -> Hashes | None:
    """The hashes of the records with these keys, in this order, if an offer covers them all."""
    global _OFFER
    got, _OFFER = _OFFER, None
    if got is None or got.spec is not spec or not keys:
        return None
    rows = [got.rows.get(k) for k in keys]
    if any(r is None for r in rows):
        return None
    digests, sigs, band_keys = got.fetch()
    if len(rows) == len(digests) and rows == list(range(len(rows))):
        return digests, sigs, band_keys
    idx = np.array(rows, dtype=np.int64)
    return ([digests[i] for i in rows],  # type: ignore[index]
            None if sigs is None else sigs[idx], None if band_keys is None else band_keys[idx])
