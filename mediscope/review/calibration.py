"""Judge calibration: expert pairwise choices in Label Studio vs. the LLM judge's verdicts.

The PulseMind paper reports that relative (pairwise) judging agrees with experts far more than
absolute 1-10 scoring (86.1% vs 51.5%). To measure both on our data, the same pairs go to
experts (the pairwise config) and to the judge in either mode; this module compares them per
dimension with percent agreement and Cohen's kappa. Outcomes are always from response A's point
of view: "win" (A better), "tie", "loss" (B better).

File formats (JSON Lines, UTF-8, one object per line):

pairs (input of `calibrate push`; also what the judge is run on)::

    {"pair_id": "p1", "context": [{"role": "user", "content": "..."}],
     "a": "response A", "b": "response B", "model_a": "optional", "model_b": "optional", "meta": {}}

judge verdicts (input of `calibrate report`), either mode per line::

    {"pair_id": "p1", "mode": "relative",
     "verdict": {"proactiveness": "win", "accuracy": "tie", "usefulness": "loss", "language": "win"}}
    {"pair_id": "p1", "mode": "absolute",
     "scores_a": {"proactiveness": 7, ...}, "scores_b": {"proactiveness": 5, ...}}

  A relative value may also be "A"/"B"/"tie" or an object with "winner" ("A"/"B"/"tie") or
  "outcome" ("win"/"tie"/"loss"); an absolute score may be a number or an object with "score".
  Absolute scores become a preference by their difference: |a - b| <= tie_margin is a tie.

expert choices (output of `calibrate pull`)::

    {"pair_id": "p1", "reviewer": "expert@example.com",
     "choices": {"proactiveness": "win", "accuracy": "tie", ...}}
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mediscope.io.jsonlines import iter_json_objects
from mediscope.review.agreement import cohen_kappa, majority, percent_agreement
from mediscope.review.configs import normalize_choice
from mediscope.review.merge import choices

DIMENSIONS = ("proactiveness", "accuracy", "usefulness", "language")
OUTCOMES = ("win", "tie", "loss")
_FROM_CHOICE = {"A": "win", "tie": "tie", "B": "loss"}


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str
    content: str


class Pair(BaseModel):
    """Two responses to one dialogue context."""

    model_config = ConfigDict(extra="forbid")
    pair_id: str
    context: list[Message] = Field(min_length=1)
    a: str
    b: str
    model_a: str | None = None
    model_b: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class CalibrationInputError(ValueError):
    """A pairs/verdicts file line is malformed; the message names file and line."""


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    return iter_json_objects(path, CalibrationInputError)


def read_pairs(path: Path) -> list[Pair]:
    pairs: list[Pair] = []
    seen: set[str] = set()
    for n, obj in _jsonl(path):
        try:
            pair = Pair.model_validate(obj)
        except ValidationError as exc:
            raise CalibrationInputError(f"{path}:{n}: not a pair ({exc.errors()[0]['msg']} at {exc.errors()[0]['loc']})") from exc
        if pair.pair_id in seen:
            raise CalibrationInputError(f"{path}:{n}: duplicate pair_id {pair.pair_id!r}")
        seen.add(pair.pair_id)
        pairs.append(pair)
    return pairs


_AUTHORS = {"user": "Patient / 患者", "assistant": "Doctor / 医生", "system": "System"}


def pair_task(pair: Pair) -> tuple[str, dict[str, Any]]:
    data = {
        "key": pair.pair_id,
        "record_id": pair.pair_id,
        "pair_id": pair.pair_id,
        "context": [{"author": _AUTHORS.get(m.role, m.role), "text": m.content} for m in pair.context],
        "a": pair.a,
        "b": pair.b,
    }
    return pair.pair_id, {"data": data}


# -- expert side ---------------------------------------------------------------------------------
@dataclass
class ExpertChoice:
    pair_id: str
    reviewer: str
    choices: dict[str, str]

    def to_json(self) -> str:
        return json.dumps({"pair_id": self.pair_id, "reviewer": self.reviewer, "choices": self.choices}, ensure_ascii=False)


def expert_choices(snapshot: Iterable[dict[str, Any]]) -> list[ExpertChoice]:
    """One entry per (pair, reviewer) with every dimension the reviewer answered."""
    out = []
    for item in snapshot:
        pair_id = str(item.get("record_id") or item["data"].get("pair_id"))
        latest: dict[str, dict[str, Any]] = {}
        for ann in sorted(item.get("annotations") or [], key=lambda a: str(a.get("updated_at") or "")):
            latest[str(ann.get("reviewer") or ann.get("id"))] = ann
        for reviewer, ann in latest.items():
            picked = {}
            for dim in DIMENSIONS:
                c = choices(ann.get("result") or [], dim)
                value = normalize_choice("pairwise", dim, c[0]) if c else None
                if value in _FROM_CHOICE:
                    picked[dim] = _FROM_CHOICE[value]
            if picked:
                out.append(ExpertChoice(pair_id=pair_id, reviewer=reviewer, choices=picked))
    return out


def read_expert_choices(path: Path) -> list[ExpertChoice]:
    out = []
    for n, obj in _jsonl(path):
        try:
            out.append(ExpertChoice(pair_id=str(obj["pair_id"]), reviewer=str(obj.get("reviewer", "")), choices=dict(obj["choices"])))
        except (KeyError, TypeError) as exc:
            raise CalibrationInputError(f"{path}:{n}: not an expert choice ({exc})") from exc
    return out


def expert_consensus(entries: Iterable[ExpertChoice]) -> dict[str, dict[str, str]]:
    """pair -> dimension -> majority outcome of its reviewers (a split vote counts as a tie)."""
    votes: dict[str, dict[str, list[str]]] = {}
    for e in entries:
        for dim, outcome in e.choices.items():
            votes.setdefault(e.pair_id, {}).setdefault(dim, []).append(outcome)
    out: dict[str, dict[str, str]] = {}
    for pair_id, dims in votes.items():
        out[pair_id] = {}
        for dim, labels in dims.items():
            counts = Counter(labels)
            top = counts.most_common()
            split = len(top) > 1 and top[0][1] == top[1][1]
            out[pair_id][dim] = "tie" if split else str(majority(labels))
    return out


# -- judge side ------------------------------------------------------------------------------------
def _relative(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("outcome", value.get("winner"))
    text = str(value).strip()
    mapped = {"win": "win", "tie": "tie", "loss": "loss", "A": "win", "B": "loss", "a": "win", "b": "loss"}.get(text)
    if mapped is None:
        raise ValueError(f"unknown pairwise outcome {value!r} (use win/tie/loss or A/B/tie)")
    return mapped


def _score(value: Any) -> float:
    if isinstance(value, dict):
        value = value.get("score")
    score = float(value)
    if math.isnan(score):
        raise ValueError("score is NaN")
    return score


def absolute_to_outcome(score_a: float, score_b: float, tie_margin: float = 0.0) -> str:
    diff = score_a - score_b
    if abs(diff) <= tie_margin:
        return "tie"
    return "win" if diff > 0 else "loss"


def read_verdicts(path: Path, tie_margin: float = 0.0) -> tuple[dict[str, dict[str, str]], Counter[str]]:
    """pair -> dimension -> outcome, and how many lines of each mode were read."""
    out: dict[str, dict[str, str]] = {}
    modes: Counter[str] = Counter()
    for n, obj in _jsonl(path):
        pair_id = obj.get("pair_id")
        if pair_id is None:
            raise CalibrationInputError(f"{path}:{n}: missing pair_id")
        mode = obj.get("mode") or ("absolute" if "scores_a" in obj else "relative")
        try:
            if mode == "relative":
                verdict = obj["verdict"]
                outcome = {d: _relative(verdict[d]) for d in DIMENSIONS if d in verdict}
            elif mode == "absolute":
                sa, sb = obj["scores_a"], obj["scores_b"]
                outcome = {d: absolute_to_outcome(_score(sa[d]), _score(sb[d]), tie_margin) for d in DIMENSIONS if d in sa and d in sb}
            else:
                raise ValueError(f"unknown mode {mode!r} (relative or absolute)")
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationInputError(f"{path}:{n}: bad {mode} verdict ({exc})") from exc
        if str(pair_id) in out:
            raise CalibrationInputError(f"{path}:{n}: second verdict for pair {pair_id!r}")
        out[str(pair_id)] = outcome
        modes[mode] += 1
    return out, modes


# -- comparison ---------------------------------------------------------------------------------------
@dataclass
class DimensionAgreement:
    dimension: str
    n: int
    agreement: float
    kappa: float
    confusion: dict[str, int] = field(default_factory=dict)  # "expert>judge" -> count


@dataclass
class CalibrationReport:
    dimensions: list[DimensionAgreement]
    overall: DimensionAgreement
    pairs_expert: int
    pairs_judge: int
    pairs_both: int

    def to_dict(self) -> dict[str, Any]:
        def one(d: DimensionAgreement) -> dict[str, Any]:
            return {"dimension": d.dimension, "n": d.n, "agreement": d.agreement, "kappa": d.kappa, "confusion": d.confusion}

        return {
            "pairs_expert": self.pairs_expert,
            "pairs_judge": self.pairs_judge,
            "pairs_both": self.pairs_both,
            "dimensions": [one(d) for d in self.dimensions],
            "overall": one(self.overall),
        }


def _agreement(name: str, expert: list[str], judge: list[str]) -> DimensionAgreement:
    confusion = Counter(f"{e}>{j}" for e, j in zip(expert, judge, strict=True))
    return DimensionAgreement(name, len(expert), percent_agreement(expert, judge), cohen_kappa(expert, judge), dict(sorted(confusion.items())))


def compare(expert: dict[str, dict[str, str]], judge: dict[str, dict[str, str]]) -> CalibrationReport:
    """Per-dimension agreement and Cohen's kappa between expert consensus and judge outcomes."""
    both = sorted(set(expert) & set(judge))
    dims = []
    all_e: list[str] = []
    all_j: list[str] = []
    for dim in DIMENSIONS:
        e = [expert[p][dim] for p in both if dim in expert[p] and dim in judge[p]]
        j = [judge[p][dim] for p in both if dim in expert[p] and dim in judge[p]]
        dims.append(_agreement(dim, e, j))
        all_e += e
        all_j += j
    return CalibrationReport(dims, _agreement("all", all_e, all_j), len(expert), len(judge), len(both))
