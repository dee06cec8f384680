from __future__ import annotations

import numpy as np

from mediscope.stages.filters.hashindex import U64MultiMap


def test_multimap_matches_a_dict_reference_through_growth_and_collisions():
    rng = np.random.default_rng(7)
    table = U64MultiMap(capacity=16)
    reference: dict[int, list[int]] = {}
    for b in range(40):
        # Alternate wide random keys and a narrow range (many repeated keys, long probe chains).
        keys = rng.integers(0, 300, size=200, dtype=np.uint64) if b % 2 else rng.integers(
            0, 2**64 - 1, size=200, dtype=np.uint64)
        values = np.arange(b * 200, (b + 1) * 200, dtype=np.uint32)
        table.insert(keys, values)
        for k, v in zip(keys.tolist(), values.tolist(), strict=True):
            reference.setdefault(k or 1, []).append(v)  # key 0 is stored as 1
    assert len(table) == 8000 and table.capacity >= 8000 / table.max_load
    queries = np.concatenate([rng.integers(0, 400, size=500, dtype=np.uint64),
                              np.array([0, 1, 2**64 - 1], dtype=np.uint64)])
    where, values = table.lookup(queries)
    got: dict[int, list[int]] = {}
    for q, v in zip(where.tolist(), values.tolist(), strict=True):
        got.setdefault(q, []).append(v)
    for i, q in enumerate(queries.tolist()):
        assert sorted(got.get(i, [])) == sorted(reference.get(q or 1, [])), q


def test_empty_lookup():
    where, values = U64MultiMap().lookup(np.array([5, 6], dtype=np.uint64))
    assert len(where) == len(values) == 0
