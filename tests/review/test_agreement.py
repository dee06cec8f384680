"""Agreement math against published worked examples (computed by hand, not by a library)."""

from __future__ import annotations

import math

import pytest

from mediscope.review.agreement import (
    cohen_kappa,
    fleiss_kappa,
    majority,
    observed_agreement,
    percent_agreement,
)


def _two_raters(yy: int, yn: int, ny: int, nn: int) -> tuple[list[str], list[str]]:
    a = ["yes"] * (yy + yn) + ["no"] * (ny + nn)
    b = ["yes"] * yy + ["no"] * yn + ["yes"] * ny + ["no"] * nn
    return a, b


def test_cohen_kappa_textbook_example() -> None:
    # 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> p_o .7, p_e .5, kappa .4
    a, b = _two_raters(20, 5, 10, 15)
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_cohen_kappa_second_example() -> None:
    # 100 items 45/15/25/15: p_o .6, p_e .6*.7 + .4*.3 = .54 -> kappa .06/.46
    a, b = _two_raters(45, 15, 25, 15)
    assert cohen_kappa(a, b) == pytest.approx(0.06 / 0.46)


def test_cohen_kappa_three_categories_and_symmetry() -> None:
    a = ["win", "win", "tie", "loss", "loss", "win"]
    b = ["win", "tie", "tie", "loss", "win", "win"]
    # p_o = 4/6; A: win 3, tie 1, loss 2; B: win 3, tie 2, loss 1 -> p_e = (9 + 2 + 2) / 36
    pe = 13 / 36
    expected = (4 / 6 - pe) / (1 - pe)
    assert cohen_kappa(a, b) == pytest.approx(expected)
    assert cohen_kappa(b, a) == pytest.approx(expected)


def test_cohen_kappa_perfect_and_undefined() -> None:
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == pytest.approx(1.0)
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]))  # one label only: chance agreement is 1
    assert math.isnan(cohen_kappa([], []))
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa(["a"], ["a", "b"])


FLEISS_TABLE = [  # Fleiss (1971) style worked example: 10 subjects, 14 raters, 5 categories
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def _labels(row: list[int]) -> list[int]:
    return [cat for cat, n in enumerate(row) for _ in range(n)]


def test_fleiss_kappa_worked_example() -> None:
    items = [_labels(r) for r in FLEISS_TABLE]
    assert observed_agreement(items) == pytest.approx(0.378, abs=5e-4)
    assert fleiss_kappa(items) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_equals_scotts_pi_for_two_raters() -> None:
    # With two raters per item Fleiss' kappa is Scott's pi: p_e from the pooled label frequencies.
    a, b = _two_raters(20, 5, 10, 15)
    pooled_yes = (25 + 30) / 100
    pe = pooled_yes**2 + (1 - pooled_yes) ** 2
    assert fleiss_kappa(list(zip(a, b, strict=True))) == pytest.approx((0.7 - pe) / (1 - pe))


def test_fleiss_skips_single_ratings_and_handles_varying_counts() -> None:
    items = [["a", "a", "a"], ["a", "b"], ["b"], ["b", "b"]]
    # P_i: 1, 0, (skipped), 1 -> P-bar 2/3; pooled: a 4, b 3 of 7 -> p_e (16 + 9) / 49
    pe = 25 / 49
    assert fleiss_kappa(items) == pytest.approx((2 / 3 - pe) / (1 - pe))
    assert math.isnan(fleiss_kappa([["a"], ["b"]]))


def test_majority_breaks_ties_towards_caution() -> None:
    severity = ("accepted", "edited", "needs_fix", "rejected")
    assert majority(["accepted", "accepted", "rejected"], severity) == "accepted"
    assert majority(["accepted", "rejected"], severity) == "rejected"
    assert majority(["needs_fix", "accepted", "edited", "needs_fix", "accepted"], severity) == "needs_fix"
    assert majority(["x", "y"]) == "x"
    with pytest.raises(ValueError):
        majority([])
