"""Verdict types shared by the judge, the CRPO reward and the evaluation.

A `PairVerdict` is always from response A's side: "win" means A is better than B on that
dimension. It is symmetric by construction (`flipped()` gives B's side), which is what the
order-swapping in `PairwiseJudge` relies on.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mediscope.llm.schemas import DIMENSIONS

Outcome = Literal["win", "tie", "loss"]
_FLIP: dict[str, Outcome] = {"win": "loss", "loss": "win", "tie": "tie"}


class PairVerdict(BaseModel):
    """Per-dimension outcome of response A against response B, with short reasons."""

    model_config = ConfigDict(extra="forbid")

    outcomes: dict[str, Outcome] = Field(description="dimension -> win|tie|loss, from A's side.")
    reasons: dict[str, str] = Field(default_factory=dict, description="dimension -> short reason.")
    agreed: dict[str, bool] = Field(
        default_factory=dict, description="dimension -> whether both presentation orders agreed."
    )
    mode: str = Field(
        default="relative", description="'relative' (pairwise) or 'absolute' (from 1-10 scores)."
    )

    def __getitem__(self, dimension: str) -> Outcome:
        return self.outcomes[dimension]

    @property
    def overall(self) -> Outcome:
        """Majority over dimensions: more wins than losses is a win, equal counts a tie."""
        wins = sum(o == "win" for o in self.outcomes.values())
        losses = sum(o == "loss" for o in self.outcomes.values())
        return "win" if wins > losses else "loss" if losses > wins else "tie"

    def win_fraction(self) -> float:
        """Share of dimensions won (CRPO's per-pair reward)."""
        return sum(o == "win" for o in self.outcomes.values()) / max(1, len(self.outcomes))

    def flipped(self) -> PairVerdict:
        """The same verdict from B's side."""
        return PairVerdict(
            outcomes={d: _FLIP[o] for d, o in self.outcomes.items()},
            reasons=dict(self.reasons),
            agreed=dict(self.agreed),
            mode=self.mode,
        )

    @classmethod
    def all_tie(cls, reason: str, dimensions: tuple[str, ...] = DIMENSIONS) -> PairVerdict:
        return cls(
            outcomes={d: "tie" for d in dimensions},
            reasons={d: reason for d in dimensions},
            agreed={d: True for d in dimensions},
        )


def combine_orders(
    first: dict[str, str], second: dict[str, str], dimensions: tuple[str, ...]
) -> tuple[dict[str, Outcome], dict[str, bool]]:
    """Merge the A-first and B-first judgments (both already from A's side).

    Agreement keeps the outcome; disagreement is a tie. That cancels any position bias: a judge
    that always prefers the first slot says "win" in one order and "loss" in the other.
    """
    outcomes: dict[str, Outcome] = {}
    agreed: dict[str, bool] = {}
    for d in dimensions:
        same = first[d] == second[d]
        agreed[d] = same
        outcomes[d] = first[d] if same else "tie"  # type: ignore[assignment]
    return outcomes, agreed


def scores_to_verdict(
    a: dict[str, float], b: dict[str, float], *, margin: float = 0.0, dimensions: tuple[str, ...] = DIMENSIONS
) -> PairVerdict:
    """Turn two absolute score sets into a verdict: A wins a dimension by more than `margin`."""
    outcomes: dict[str, Outcome] = {}
    reasons: dict[str, str] = {}
    for d in dimensions:
        diff = float(a[d]) - float(b[d])
        outcomes[d] = "win" if diff > margin else "loss" if diff < -margin else "tie"
        reasons[d] = f"absolute scores {a[d]:g} vs {b[d]:g}"
    return PairVerdict(
        outcomes=outcomes, reasons=reasons, agreed={d: True for d in dimensions}, mode="absolute"
    )
