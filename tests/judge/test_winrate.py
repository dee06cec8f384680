"""Win-rate math and bootstrap intervals on scripted verdicts."""

from __future__ import annotations

import numpy as np
import pytest

from mediscope.judge import DIMENSIONS, PairVerdict, rates_with_ci, winrate_summary


def verdict(*outcomes: str) -> PairVerdict:
    return PairVerdict(outcomes=dict(zip(DIMENSIONS, outcomes, strict=False)))


def test_rates_are_fractions_of_items() -> None:
    r = rates_with_ci(["win"] * 6 + ["tie"] * 3 + ["loss"], n_boot=500)
    assert (r["n"], r["win"], r["tie"], r["loss"]) == (10, 0.6, 0.3, 0.1)
    for o in ("win", "tie", "loss"):
        lo, hi = r["ci"][o]
        assert 0 <= lo <= r[o] <= hi <= 1


def test_interval_matches_binomial_width_and_shrinks_with_n() -> None:
    rng = np.random.default_rng(1)
    small = list(rng.choice(["win", "loss"], size=100, p=[0.7, 0.3]))
    big = list(rng.choice(["win", "loss"], size=2500, p=[0.7, 0.3]))
    rs, rb = rates_with_ci(small, seed=2), rates_with_ci(big, seed=2)
    width_small = rs["ci"]["win"][1] - rs["ci"]["win"][0]
    width_big = rb["ci"]["win"][1] - rb["ci"]["win"][0]
    p = rs["win"]
    normal = 2 * 1.96 * (p * (1 - p) / 100) ** 0.5
    assert width_small == pytest.approx(normal, rel=0.2)
    assert width_big < width_small / 3


def test_bootstrap_is_deterministic_per_seed() -> None:
    data = ["win", "tie", "loss", "win", "win"] * 5
    assert rates_with_ci(data, seed=7) == rates_with_ci(data, seed=7)
    a, b = rates_with_ci(data, seed=7)["ci"], rates_with_ci(data, seed=8)["ci"]
    assert all(abs(x - y) <= 0.05 for o in a for x, y in zip(a[o], b[o], strict=True))  # stable across seeds


def test_summary_per_dimension_and_overall() -> None:
    vs = [
        verdict("win", "win", "loss", "tie"),
        verdict("loss", "tie", "loss", "tie"),
        verdict("win", "tie", "tie", "tie"),
    ]
    s = winrate_summary(vs, n_boot=200)
    assert s["proactiveness"]["win"] == pytest.approx(2 / 3)
    assert s["usefulness"]["loss"] == pytest.approx(2 / 3)
    assert s["language"]["tie"] == 1.0
    # overall is each item's majority: win (2 vs 1), loss (0 vs 2), win (1 vs 0)
    assert (s["overall"]["win"], s["overall"]["loss"]) == (pytest.approx(2 / 3), pytest.approx(1 / 3))


def test_empty_and_bad_outcomes() -> None:
    assert rates_with_ci([])["n"] == 0
    with pytest.raises(ValueError, match="unknown outcome"):
        rates_with_ci(["win", "draw"])
