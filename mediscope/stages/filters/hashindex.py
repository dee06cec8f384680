"""A uint64 -> uint32 hash multimap in NumPy arrays, inserted and queried a batch at a time.

Why not a dict: the LSH index of a million-record run holds 16 band keys per record; as Python
ints in a dict that is ~1.5 GB, as two NumPy arrays at most ~0.5 GB. Why not a sorted array:
inserting a batch into a sorted array copies the whole array (seen: 0.6 s per batch at 12.8M
keys). Open addressing with linear probing gives O(batch) work per insert and lookup; every
probe step is one vectorized operation over the keys still probing, so there is no per-key
Python code. Key 0 marks an empty slot, so a real 0 is stored as 1 (a harmless extra collision).
"""

from __future__ import annotations

import numpy as np

_EMPTY = np.uint64(0)


def _mix(keys: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        h = keys ^ (keys >> np.uint64(33))
        h = h * np.uint64(0xFF51AFD7ED558CCD)
        return h ^ (h >> np.uint64(33))


class U64MultiMap:
    """Multimap: the same key may be inserted many times; `lookup` returns every value."""

    def __init__(self, capacity: int = 1 << 16, max_load: float = 0.6) -> None:
        cap = 1 << max(4, int(capacity - 1).bit_length())
        self._keys = np.zeros(cap, dtype=np.uint64)
        self._vals = np.zeros(cap, dtype=np.uint32)
        self._n = 0
        self.max_load = max_load

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return len(self._keys)

    @staticmethod
    def _fix(keys: np.ndarray) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.uint64)
        return np.where(keys == _EMPTY, np.uint64(1), keys)

    def insert(self, keys: np.ndarray, values: np.ndarray) -> None:
        keys = self._fix(keys)
        values = np.asarray(values, dtype=np.uint32)
        if (self._n + len(keys)) > self.max_load * self.capacity:
            self._grow(self._n + len(keys))
        self._place(keys, values)
        self._n += len(keys)

    def _place(self, keys: np.ndarray, values: np.ndarray) -> None:
        mask = np.int64(self.capacity - 1)
        pos = (_mix(keys) & np.uint64(mask)).astype(np.int64)
        pending = np.arange(len(keys))
        while len(pending):
            p = pos[pending]
            free = self._keys[p] == _EMPTY
            cand, slots = pending[free], p[free]
            # One winner per free slot without sorting: every candidate writes its number into
            # the free slot's (unused) value cell; the one whose number stayed there wins.
            tag = np.arange(len(cand), dtype=np.uint32)
            self._vals[slots] = tag
            won = self._vals[slots] == tag
            winners, slots_u = cand[won], slots[won]
            self._keys[slots_u] = keys[winners]
            self._vals[slots_u] = values[winners]
            placed = np.zeros(len(keys), dtype=bool)
            placed[winners] = True
            pending = pending[~placed[pending]]
            pos[pending] = (pos[pending] + 1) & mask

    def _grow(self, need: int) -> None:
        old_keys, old_vals = self._keys, self._vals
        cap = self.capacity
        while need > self.max_load * cap:
            cap *= 2
        self._keys = np.zeros(cap, dtype=np.uint64)
        self._vals = np.zeros(cap, dtype=np.uint32)
        used = old_keys != _EMPTY
        self._place(old_keys[used], old_vals[used])

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """All matches as parallel arrays (query position, value), grouped by probe step."""
        keys = self._fix(keys)
        mask = np.int64(self.capacity - 1)
        pos = (_mix(keys) & np.uint64(mask)).astype(np.int64)
        active = np.arange(len(keys))
        out_q: list[np.ndarray] = []
        out_v: list[np.ndarray] = []
        while len(active):
            p = pos[active]
            found = self._keys[p]
            hit = found == keys[active]
            if hit.any():
                out_q.append(active[hit])
                out_v.append(self._vals[p[hit]])
            active = active[found != _EMPTY]
            pos[active] = (pos[active] + 1) & mask
        if not out_q:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32)
        return np.concatenate(out_q), np.concatenate(out_v)
