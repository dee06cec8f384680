"""Win/tie/loss rates with bootstrap 95% confidence intervals.

Per dimension, and `overall` (each item's majority over dimensions, `PairVerdict.overall`).
The bootstrap resamples *items* (benchmark prompts) with replacement, so the interval reflects
how much the rates would move on another draw of prompts of the same kind; rates and interval
bounds are fractions in [0, 1]. Deterministic for a given seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mediscope.judge.verdicts import PairVerdict
from mediscope.llm.schemas import DIMENSIONS

OUTCOMES = ("win", "tie", "loss")


def _encode(outcomes: Sequence[str]) -> np.ndarray:
    index = {o: i for i, o in enumerate(OUTCOMES)}
    try:
        return np.array([index[o] for o in outcomes], dtype=np.int8)
    except KeyError as exc:
        raise ValueError(f"unknown outcome {exc.args[0]!r}; expected one of {OUTCOMES}") from None


def rates_with_ci(
    outcomes: Sequence[str], *, n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> dict[str, Any]:
    """{n, win, tie, loss, ci: {win: [lo, hi], tie: [...], loss: [...]}} for one outcome list."""
    codes = _encode(outcomes)
    n = len(codes)
    if n == 0:
        return {"n": 0, **{o: None for o in OUTCOMES}, "ci": {o: [None, None] for o in OUTCOMES}}
    counts = np.stack([(codes == i) for i in range(3)], axis=1).astype(np.float64)  # n x 3
    point = counts.mean(axis=0)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(n_boot, n))
    boot = counts[idx].mean(axis=1)  # n_boot x 3
    alpha = (1 - level) / 2
    lo, hi = np.quantile(boot, [alpha, 1 - alpha], axis=0)
    return {
        "n": n,
        **{o: float(point[i]) for i, o in enumerate(OUTCOMES)},
        "ci": {o: [float(lo[i]), float(hi[i])] for i, o in enumerate(OUTCOMES)},
    }


def winrate_summary(
    verdicts: Sequence[PairVerdict],
    *,
    dimensions: Sequence[str] = DIMENSIONS,
    n_boot: int = 2000,
    seed: int = 0,
) -> dict[str, Any]:
    """Rates per dimension plus `overall`, for one candidate-vs-baseline comparison."""
    out: dict[str, Any] = {}
    for d in dimensions:
        out[d] = rates_with_ci([v.outcomes[d] for v in verdicts], n_boot=n_boot, seed=seed)
    out["overall"] = rates_with_ci([v.overall for v in verdicts], n_boot=n_boot, seed=seed)
    return out


def order_agreement(
    verdicts: Sequence[PairVerdict], dimensions: Sequence[str] = DIMENSIONS
) -> dict[str, float | None]:
    """Per dimension, the share of pairs whose two presentation orders agreed.

    A diagnostic of the judge, not of the models: low agreement means a position-sensitive judge
    whose decisions the swap turned into ties (the win rates then understate real differences).
    """
    out: dict[str, float | None] = {}
    for d in dimensions:
        flags = [v.agreed[d] for v in verdicts if d in v.agreed]
        out[d] = sum(flags) / len(flags) if flags else None
    return out


def winrate_report(
    by_baseline: dict[str, Sequence[PairVerdict]],
    *,
    dimensions: Sequence[str] = DIMENSIONS,
    n_boot: int = 2000,
    seed: int = 0,
) -> dict[str, Any]:
    """{baseline: summary} for a candidate judged against several baselines."""
    return {
        name: winrate_summary(vs, dimensions=dimensions, n_boot=n_boot, seed=seed)
        for name, vs in by_baseline.items()
    }
