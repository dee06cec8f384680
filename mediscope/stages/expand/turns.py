"""Target dialogue lengths, sampled per record from a configurable distribution.

The default approximates the paper's corpus statistics (40.9% of dialogues with 6-10 turns,
6% over 20). Sampling is seeded by the record id, so a re-run asks the same question (and hits
the response cache) while the corpus as a whole follows the distribution.
"""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict, Field, model_validator


class TurnBin(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min: int = Field(ge=2)
    max: int = Field(ge=2)
    weight: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> TurnBin:
        if self.max < self.min:
            raise ValueError(f"turn bin max {self.max} < min {self.min}")
        return self


DEFAULT_BINS = [
    TurnBin(min=4, max=5, weight=0.28),
    TurnBin(min=6, max=10, weight=0.41),
    TurnBin(min=11, max=20, weight=0.25),
    TurnBin(min=21, max=30, weight=0.06),
]


def sample_turns(bins: list[TurnBin], key: str, seed: int = 0) -> int:
    """Pick a bin by weight, then a length uniformly inside it; deterministic in (seed, key)."""
    if not bins:
        raise ValueError("turn distribution has no bins")
    rng = random.Random(f"{seed}:{key}")
    chosen = rng.choices(bins, weights=[b.weight for b in bins], k=1)[0]
    return rng.randint(chosen.min, chosen.max)
