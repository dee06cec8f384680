"""Agreement statistics: percent agreement, Cohen's kappa, Fleiss' kappa, majority vote.

Written out (a few lines each) instead of pulling in scikit-learn or statsmodels for three
formulas; the tests check them against published worked examples.

- Cohen's kappa (two raters, same items): k = (p_o - p_e) / (1 - p_e), p_e from each rater's own
  label frequencies.
- Fleiss' kappa (any number of raters per item, Fleiss 1971 with the usual extension to varying
  rater counts): P_i = (sum_j n_ij^2 - n_i) / (n_i (n_i - 1)), p_j = sum_i n_ij / sum_i n_i,
  k = (mean P_i - sum_j p_j^2) / (1 - sum_j p_j^2). Items with fewer than two ratings carry no
  agreement information and are skipped.
Kappa is undefined (NaN) when chance agreement is 1, i.e. every rating uses one single label.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    if len(a) != len(b):
        raise ValueError(f"rating lists differ in length: {len(a)} vs {len(b)}")
    if not a:
        return math.nan
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa of two raters over the same items (NaN if undefined)."""
    po = percent_agreement(a, b)
    if math.isnan(po):
        return math.nan
    n = len(a)
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if pe >= 1.0:
        return math.nan
    return (po - pe) / (1.0 - pe)


def fleiss_kappa(items: Iterable[Sequence[Hashable]]) -> float:
    """Fleiss' kappa; each item is the list of labels its raters gave (NaN if undefined)."""
    per_item = [Counter(labels) for labels in items if len(labels) >= 2]
    if not per_item:
        return math.nan
    total = sum(sum(c.values()) for c in per_item)
    category_totals: Counter[Hashable] = Counter()
    p_items = []
    for counts in per_item:
        n_i = sum(counts.values())
        category_totals.update(counts)
        p_items.append((sum(v * v for v in counts.values()) - n_i) / (n_i * (n_i - 1)))
    p_bar = sum(p_items) / len(p_items)
    p_e = sum((v / total) ** 2 for v in category_totals.values())
    if p_e >= 1.0:
        return math.nan
    return (p_bar - p_e) / (1.0 - p_e)


def observed_agreement(items: Iterable[Sequence[Hashable]]) -> float:
    """Mean pairwise agreement within items (Fleiss' P-bar): the share of rater pairs that agree."""
    values = []
    for labels in items:
        n = len(labels)
        if n < 2:
            continue
        counts = Counter(labels)
        values.append((sum(v * v for v in counts.values()) - n) / (n * (n - 1)))
    return sum(values) / len(values) if values else math.nan


def majority(labels: Sequence[Hashable], severity: Sequence[Hashable] = ()) -> Hashable:
    """Most frequent label; ties go to the label latest in `severity` (the more cautious one).

    Unknown labels rank below every label in `severity`; among themselves, first seen wins.
    """
    if not labels:
        raise ValueError("majority of no labels")
    counts = Counter(labels)
    best = max(counts.values())
    tied = [lab for lab in dict.fromkeys(labels) if counts[lab] == best]
    rank = {lab: i for i, lab in enumerate(severity)}
    return max(tied, key=lambda lab: (rank.get(lab, -1), -tied.index(lab)))
