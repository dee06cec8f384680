"""Merge pulled annotations into records: pure functions, no server.

One record may own several tasks (PHI review: one per text field; image review: one per image).
For each task the annotators' decisions are combined by majority, ties going to the more cautious
decision; the corrections of the latest annotation among the majority are applied. A record's
outcome is the most severe of its tasks' outcomes, and `pending` while any task is unannotated.

What happens to each record (nothing is dropped; in = kept + rejected):
- accepted / edited / needs_fix / pending: kept with `review` filled in; edits replace the text
  and keep the original in `review.edits` (plus a provenance note), PHI corrections update
  `deid.spans` / `deid.status`;
- rejected: goes to the rejects with reason `review_rejected` and the taxonomy reasons;
- a task deleted in Label Studio: the record is kept `pending` with quality flag
  `review_task_missing` (push it again);
- an annotation whose task names a record that is not in the input becomes a reject of its own
  (`review_unknown_record`, the raw annotation kept) so it is never silently lost.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mediscope.record import DeidStatus, Edit, ProvenanceEntry, Record, ReviewStatus, Span
from mediscope.rejects import Rejection
from mediscope.review.agreement import majority
from mediscope.review.configs import normalize_choice

log = logging.getLogger(__name__)

STAGE = "review"
VERSION = "1"
SEVERITY = ("accepted", "edited", "needs_fix", "rejected")  # least to most severe
EXPERT = "expert_review"
BOX_TOLERANCE_PX = 2
META_KEY = "review_by_kind"  # record.meta[META_KEY][kind] = {"status", "reasons"}


# -- reading Label Studio results ------------------------------------------------------------
def choices(result: list[dict[str, Any]], name: str) -> list[str]:
    for item in result:
        if item.get("from_name") == name and item.get("type") == "choices":
            return [str(c) for c in item.get("value", {}).get("choices", [])]
    return []


def textarea(result: list[dict[str, Any]], name: str) -> str | None:
    for item in result:
        if item.get("from_name") == name and item.get("type") == "textarea":
            texts = item.get("value", {}).get("text", [])
            return "\n".join(str(t) for t in texts)
    return None


def label_spans(result: list[dict[str, Any]], name: str = "phi") -> list[tuple[int, int, str]]:
    out = []
    for item in result:
        if item.get("from_name") == name and item.get("type") == "labels":
            v = item.get("value", {})
            labels = v.get("labels") or ["OTHER_PHI"]
            out.append((int(v["start"]), int(v["end"]), str(labels[0])))
    return sorted(out)


def boxes(result: list[dict[str, Any]], width: int, height: int, name: str = "redaction") -> list[tuple[list[int], str]]:
    """Rectangles in pixels ([x0, y0, x1, y1]) from Label Studio's percentages."""
    out = []
    for item in result:
        if item.get("from_name") == name and item.get("type") == "rectanglelabels":
            v = item.get("value", {})
            x0 = round(v["x"] * width / 100.0)
            y0 = round(v["y"] * height / 100.0)
            x1 = round((v["x"] + v["width"]) * width / 100.0)
            y1 = round((v["y"] + v["height"]) * height / 100.0)
            labels = v.get("rectanglelabels") or ["PHI"]
            out.append(([x0, y0, x1, y1], str(labels[0])))
    return out


# -- per-task outcomes -----------------------------------------------------------------------
@dataclass
class TaskOutcome:
    """What the annotators of one task decided, ready to be applied to its record."""

    task_id: int
    decision: str | None  # None: not annotated yet
    reviewers: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    winner: dict[str, Any] | None = None  # the annotation whose corrections are applied
    n_annotations: int = 0


def _decide(item: dict[str, Any], decision_of: Any, kind: str = "dialogue") -> TaskOutcome:
    anns = item.get("annotations") or []
    outcome = TaskOutcome(task_id=int(item["task_id"]), decision=None, n_annotations=len(anns))
    decided = []
    for ann in anns:
        decision = decision_of(ann)
        if decision is None:
            log.warning("task %s annotation %s has no decision; ignored", item["task_id"], ann.get("id"))
            continue
        decided.append((decision, ann))
    if not decided:
        return outcome
    outcome.decision = str(majority([d for d, _ in decided], SEVERITY))
    winners = [a for d, a in decided if d == outcome.decision]
    outcome.winner = max(winners, key=lambda a: str(a.get("updated_at") or ""))
    outcome.reviewers = sorted({str(a.get("reviewer")) for _, a in decided if a.get("reviewer")})
    for ann in winners:
        for reason in choices(ann["result"], "reasons"):
            reason = normalize_choice(kind, "reasons", reason)
            if reason not in outcome.reasons:
                outcome.reasons.append(reason)
    for _, ann in decided:
        comment = textarea(ann["result"], "comment")
        if comment and comment.strip():
            outcome.comments.append(comment.strip())
    return outcome


def _first_choice(name: str, kind: str) -> Any:
    def get(ann: dict[str, Any]) -> str | None:
        picked = choices(ann.get("result") or [], name)
        return normalize_choice(kind, name, picked[0]) if picked else None

    return get


def dialogue_edits(record: Record, item: dict[str, Any], winner: dict[str, Any]) -> list[tuple[int, str]]:
    """(turn index, new text) for every correction box the expert changed."""
    shown = item["data"].get("turns") or []
    out = []
    for i, turn in enumerate(shown):
        new = textarea(winner.get("result") or [], f"fix_{i}")
        if new is None or new.strip() == str(turn.get("text", "")).strip():
            continue
        if i >= len(record.turns):
            log.warning("record %s: edit of turn %d, which no longer exists; ignored", record.id, i)
            continue
        out.append((i, new.strip()))
    return out


# -- applying to records ----------------------------------------------------------------------
@dataclass
class MergeResult:
    kept: list[Record] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def _apply_dialogue(record: Record, item: dict[str, Any], outcome: TaskOutcome) -> str:
    decision = outcome.decision or "pending"
    if outcome.winner is None or decision == "rejected":
        return decision
    reviewer = outcome.winner.get("reviewer")
    edits = dialogue_edits(record, item, outcome.winner)
    for i, new in edits:
        original = record.turns[i].text
        if original == new:
            continue
        record.turns[i].text = new
        record.review.edits.append(Edit(field=f"turns[{i}].text", original=original, new=new, reviewer=reviewer))
    if decision == "accepted" and edits:
        decision = "edited"
    return decision


def _span_key(span: Span) -> tuple[int, int, str]:
    return (span.start, span.end, span.entity_type)


def _apply_phi(record: Record, item: dict[str, Any], outcome: TaskOutcome) -> str:
    decision = outcome.decision or "pending"
    if outcome.winner is None:
        return decision
    field_name = item["data"]["field"]
    reviewer = outcome.winner.get("reviewer")
    expert = label_spans(outcome.winner.get("result") or [])
    old = [s for s in record.deid.spans if s.field == field_name]
    if item["data"].get("spans_drawn", True):
        # Offsets refer to the shown text: the expert's span set replaces the detector's.
        kept_old = {(s.start, s.end): s for s in old}
        new_spans = []
        for start, end, label in expert:
            prev = kept_old.get((start, end))
            if prev is not None and (label == prev.entity_type or label == "OTHER_PHI"):
                new_spans.append(prev)
            elif prev is not None:
                new_spans.append(prev.model_copy(update={"entity_type": label, "recognizer": EXPERT}))
            else:
                new_spans.append(Span(field=field_name, start=start, end=end, entity_type=label, score=1.0, recognizer=EXPERT))
        if sorted(map(_span_key, new_spans)) != sorted(map(_span_key, old)):
            record.deid.spans = [s for s in record.deid.spans if s.field != field_name] + new_spans
            record.review.edits.append(
                Edit(
                    field=f"deid.spans[{field_name}]",
                    original=json.dumps(sorted(map(_span_key, old))),
                    new=json.dumps(sorted(map(_span_key, new_spans))),
                    reviewer=reviewer,
                )
            )
            if decision == "accepted":
                decision = "edited"
    else:
        # The text was already de-identified and the replacements were pre-drawn for context
        # (`data.replacements`): keeping those is agreement; any other mark is PHI left in.
        drawn = {(int(r[0]), int(r[1])) for r in item["data"].get("replacements") or []}
        expert = [x for x in expert if (x[0], x[1]) not in drawn]
    if not item["data"].get("spans_drawn", True) and expert:
        record.deid.spans.extend(
            Span(field=field_name, start=s, end=e, entity_type=lab, score=1.0, recognizer=EXPERT, operator=None)
            for s, e, lab in expert
        )
        record.deid.status = DeidStatus.failed
        record.deid.detail = f"expert review found PHI left in {field_name} (expert offsets refer to the de-identified text)"
        if "phi_left" not in outcome.reasons:
            outcome.reasons.append("phi_left")
        if decision in ("accepted", "edited"):
            decision = "needs_fix"
    return decision


def _apply_image(record: Record, item: dict[str, Any], outcome: TaskOutcome) -> str:
    decision = outcome.decision or "pending"
    if outcome.winner is None:
        return decision
    data = item["data"]
    field_name = data["field"]
    reviewer = outcome.winner.get("reviewer")
    drawn = boxes(outcome.winner.get("result") or [], int(data["width"]), int(data["height"]))
    old = [s for s in record.deid.spans if s.field == field_name and s.box]

    def same(a: list[int], b: list[int]) -> bool:
        return all(abs(x - y) <= BOX_TOLERANCE_PX for x, y in zip(a, b, strict=True))

    unmatched_old = list(old)
    added = []
    for box, label in drawn:
        match = next((s for s in unmatched_old if same(s.box or [], box)), None)
        if match is not None:
            unmatched_old.remove(match)
        else:
            added.append(Span(field=field_name, start=0, end=0, entity_type=label, score=1.0, recognizer=EXPERT, box=box))
    if added or unmatched_old:
        record.deid.spans = [s for s in record.deid.spans if s not in unmatched_old] + added
        record.review.edits.append(
            Edit(
                field=f"deid.spans[{field_name}]",
                original=json.dumps([s.box for s in old]),
                new=json.dumps([s.box for s in record.deid.spans if s.field == field_name and s.box]),
                reviewer=reviewer,
            )
        )
        if decision == "accepted":
            decision = "edited"
    if added:
        # Boxes drawn by the expert are not redacted yet: the image must go through redaction again.
        record.deid.status = DeidStatus.failed
        record.deid.detail = f"expert review found PHI visible in {field_name}"
        if "phi_left" not in outcome.reasons:
            outcome.reasons.append("phi_left")
        if decision in ("accepted", "edited"):
            decision = "needs_fix"
    return decision


def combine(decisions: list[str]) -> str:
    """One status from several: the most severe, but `pending` while anything is unreviewed,
    unless something is already known to be wrong (needs_fix/rejected)."""
    if "pending" in decisions:
        worst = [d for d in decisions if d in ("rejected", "needs_fix")]
        return max(worst, key=SEVERITY.index) if worst else "pending"
    return max(decisions, key=SEVERITY.index)


APPLIERS = {"dialogue": _apply_dialogue, "phi": _apply_phi, "image": _apply_image}


def _config_hash(kind: str, project: str) -> str:
    return hashlib.sha256(json.dumps([STAGE, VERSION, kind, project]).encode()).hexdigest()[:16]


def merge_annotations(
    records: Iterable[Record],
    snapshot: Iterable[dict[str, Any]],
    *,
    kind: str,
    expected_tasks: dict[str, int] | None = None,
    project: str = "",
) -> MergeResult:
    """Apply a pulled snapshot to `records` (see the module docstring)."""
    if kind not in APPLIERS:
        raise ValueError(f"cannot merge {kind!r} annotations into records; use dialogue, phi or image")
    apply = APPLIERS[kind]
    by_record: dict[str, list[dict[str, Any]]] = {}
    for item in snapshot:
        by_record.setdefault(str(item.get("record_id")), []).append(item)
    expected_by_record: dict[str, set[str]] = {}
    for key in expected_tasks or {}:
        expected_by_record.setdefault(key.split("|", 1)[0], set()).add(key)

    result = MergeResult()
    seen: set[str] = set()
    decision_of = _first_choice("decision", kind)
    for record in records:
        seen.add(record.id)
        items = sorted(by_record.get(record.id, []), key=lambda it: str(it.get("key")))
        missing = expected_by_record.get(record.id, set()) - {str(it.get("key")) for it in items}
        edits_before = len(record.review.edits)
        decisions: list[str] = []
        reviewers: set[str] = set()
        reasons: list[str] = []
        comments: list[str] = []
        for item in items:
            outcome = _decide(item, decision_of, kind)
            decisions.append(apply(record, item, outcome))
            reviewers.update(outcome.reviewers)
            reasons += [r for r in outcome.reasons if r not in reasons]
            comments += outcome.comments
        if missing:
            log.warning("record %s: %d task(s) missing in Label Studio (deleted?): %s", record.id, len(missing), sorted(missing))
            if "review_task_missing" not in record.quality.flags:
                record.quality.flags.append("review_task_missing")
            decisions.append("pending")
        if not items and not missing:
            result.counts["not_pushed"] += 1
            result.kept.append(record)
            continue
        kind_status = combine(decisions)
        # A record can go through several review kinds (proofreading, then PHI review): each
        # kind's latest outcome is kept in meta, and the record's status is their combination,
        # so a later kind never hides an earlier rejection and a re-pull can change its own kind.
        per_kind = dict(record.meta.get(META_KEY) or {})
        per_kind[kind] = {"status": kind_status, "reasons": reasons}
        record.meta[META_KEY] = per_kind
        status = combine([v["status"] for v in per_kind.values()])
        all_reasons = [r for v in per_kind.values() for r in v["reasons"]]
        review = record.review
        review.status = ReviewStatus(status)
        review.reviewers = sorted(set(review.reviewers) | reviewers)
        review.reasons = list(dict.fromkeys(all_reasons))
        review.task_id = int(items[0]["task_id"]) if items else review.task_id
        review.comment = " | ".join(comments) or review.comment
        note_edits = [e.field for e in review.edits[edits_before:]]
        record.provenance.append(
            ProvenanceEntry(
                stage=STAGE,
                version=VERSION,
                config_hash=_config_hash(kind, project),
                note=f"{kind} review: {status}"
                + (f"; edited {', '.join(note_edits)} (originals kept in review.edits)" if note_edits else ""),
            )
        )
        result.counts[status] += 1
        if status == "rejected":
            why = ", ".join(review.reasons) or "no reason given"
            result.rejected.append(
                Rejection(reason="review_rejected", detail=f"rejected by {', '.join(sorted(reviewers)) or 'expert'}: {why}", stage=STAGE, record=record)
            )
        else:
            result.kept.append(record)

    for record_id, items in by_record.items():
        if record_id in seen:
            continue
        for item in items:
            if not item.get("annotations"):
                result.counts["unknown_unannotated"] += 1
                continue
            result.counts["unknown_record"] += 1
            result.rejected.append(
                Rejection(
                    reason="review_unknown_record",
                    detail=f"task {item['task_id']} (key {item.get('key')!r}) is annotated but its record {record_id!r} is not in the input",
                    stage=STAGE,
                    raw=json.dumps(item, ensure_ascii=False),
                    source={"task_id": item["task_id"], "record_id": record_id},
                )
            )
    return result
