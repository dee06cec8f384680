"""Progress and inter-annotator agreement of a review project.

Agreement is computed per control (the `decision` of proofreading/PHI/image review, or each of
the four judge dimensions of the pairwise config) over the tasks that several experts annotated:
observed agreement, Fleiss' kappa, and, for every pair of experts who share tasks, Cohen's kappa.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mediscope.review.agreement import cohen_kappa, fleiss_kappa, majority, observed_agreement
from mediscope.review.configs import normalize_choice
from mediscope.review.merge import SEVERITY, choices

DIMENSIONS = ("proactiveness", "accuracy", "usefulness", "language")


@dataclass
class ControlAgreement:
    control: str
    items: int  # tasks with at least two ratings of this control
    observed: float
    fleiss: float
    cohen_pairs: dict[str, tuple[int, float]] = field(default_factory=dict)  # "a|b" -> (shared, kappa)


@dataclass
class ReviewStatusReport:
    tasks: int = 0
    annotated: int = 0
    multi_annotated: int = 0
    annotations: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    annotators: Counter[str] = field(default_factory=Counter)
    agreement: list[ControlAgreement] = field(default_factory=list)

    @property
    def progress(self) -> float:
        return self.annotated / self.tasks if self.tasks else math.nan


def controls_for(kind: str) -> tuple[str, ...]:
    return DIMENSIONS if kind == "pairwise" else ("decision",)


def ratings(items: Iterable[dict[str, Any]], control: str, kind: str = "dialogue") -> list[dict[str, str]]:
    """Per task: reviewer -> label of `control` (a reviewer's latest annotation counts)."""
    out = []
    for item in items:
        per: dict[str, str] = {}
        for n, ann in enumerate(sorted(item.get("annotations") or [], key=lambda a: str(a.get("updated_at") or ""))):
            picked = choices(ann.get("result") or [], control)
            if picked:
                per[str(ann.get("reviewer") or f"annotation-{ann.get('id', n)}")] = normalize_choice(kind, control, picked[0])
        out.append(per)
    return out


def control_agreement(items: list[dict[str, Any]], control: str, kind: str = "dialogue") -> ControlAgreement:
    per_task = ratings(items, control, kind)
    multi = [list(r.values()) for r in per_task if len(r) >= 2]
    result = ControlAgreement(control=control, items=len(multi), observed=observed_agreement(multi), fleiss=fleiss_kappa(multi))
    reviewers = sorted({rev for r in per_task for rev in r})
    for a, b in itertools.combinations(reviewers, 2):
        shared = [(r[a], r[b]) for r in per_task if a in r and b in r]
        if shared:
            result.cohen_pairs[f"{a}|{b}"] = (len(shared), cohen_kappa([x for x, _ in shared], [y for _, y in shared]))
    return result


def summarize(items: list[dict[str, Any]], kind: str) -> ReviewStatusReport:
    report = ReviewStatusReport(tasks=len(items))
    for item in items:
        anns = item.get("annotations") or []
        report.annotations += len(anns)
        report.annotated += bool(anns)
        report.multi_annotated += len(anns) >= 2
        for ann in anns:
            report.annotators[str(ann.get("reviewer"))] += 1
        if kind != "pairwise":
            labels = [normalize_choice(kind, "decision", c[0]) for a in anns if (c := choices(a.get("result") or [], "decision"))]
            report.decisions[str(majority(labels, SEVERITY)) if labels else "pending"] += 1
    report.agreement = [control_agreement(items, c, kind) for c in controls_for(kind)]
    return report
