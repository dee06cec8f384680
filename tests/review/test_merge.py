"""Merging annotations into records, offline: snapshot lines as `pull` writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mediscope.record import DeidStatus, Record, ReviewStatus
from mediscope.review.merge import merge_annotations
from mediscope.review.tasks import ImageServing, build_tasks
from mediscope.stages.review.gate import ReviewGateStage

from .helpers import box_result, dialogue_result, phi_result


def _item(task_id: int, task: dict[str, Any], *anns: tuple[str, list[dict[str, Any]], str]) -> dict[str, Any]:
    data = task["data"]
    return {
        "task_id": task_id,
        "key": data["key"],
        "record_id": data["record_id"],
        "data": data,
        "annotations": [
            {"id": n, "reviewer": who, "result": result, "updated_at": when} for n, (who, result, when) in enumerate(anns)
        ],
    }


def _shown(record: Record) -> list[str]:
    return [t.text for t in record.turns]


def test_dialogue_edit_accept_reject_pending(dialogue_records: list[Record]) -> None:
    recs = [r.model_copy(deep=True) for r in dialogue_records[:4]]
    tasks = {r.id: build_tasks(r, "dialogue")[0][1] for r in recs}
    fixed = "考虑急性支气管炎，建议查血常规和胸片。"
    snapshot = [
        _item(1, tasks[recs[0].id], ("a@x", dialogue_result("accepted", {3: fixed}, turns=_shown(recs[0])), "2026-01-01")),
        _item(2, tasks[recs[1].id], ("a@x", dialogue_result("accepted", turns=_shown(recs[1])), "2026-01-01")),
        _item(3, tasks[recs[2].id], ("a@x", dialogue_result("rejected", reasons=("medical_error", "unnatural")), "2026-01-01")),
        _item(4, tasks[recs[3].id]),  # pushed, not annotated yet
    ]
    original = recs[0].turns[3].text
    result = merge_annotations(recs, snapshot, kind="dialogue", expected_tasks={r.id: i + 1 for i, r in enumerate(recs)})
    assert len(result.kept) + len(result.rejected) == 4
    kept = {r.id: r for r in result.kept}
    edited = kept[recs[0].id]
    assert edited.turns[3].text == fixed
    assert edited.review.status == ReviewStatus.edited
    assert [(e.field, e.original, e.new, e.reviewer) for e in edited.review.edits] == [("turns[3].text", original, fixed, "a@x")]
    assert edited.provenance[-1].stage == "review" and "turns[3].text" in (edited.provenance[-1].note or "")
    assert edited.review.task_id == 1
    assert kept[recs[1].id].review.status == ReviewStatus.accepted and not kept[recs[1].id].review.edits
    assert kept[recs[3].id].review.status == ReviewStatus.pending
    (rej,) = result.rejected
    assert rej.reason == "review_rejected" and rej.record is not None and rej.record.id == recs[2].id
    assert rej.record.review.reasons == ["medical_error", "unnatural"]
    assert "medical_error" in rej.detail


def test_majority_of_annotators_and_latest_edit_wins(dialogue_records: list[Record]) -> None:
    rec = dialogue_records[0].model_copy(deep=True)
    task = build_tasks(rec, "dialogue")[0][1]
    shown = _shown(rec)
    item = _item(
        7, task,
        ("a@x", dialogue_result("accepted", {1: "early edit"}, turns=shown), "2026-01-01T00:00:00"),
        ("b@x", dialogue_result("accepted", {1: "later edit"}, turns=shown), "2026-01-02T00:00:00"),
        ("c@x", dialogue_result("needs_fix", reasons=("wrong_role",)), "2026-01-03T00:00:00"),
    )
    (out,) = merge_annotations([rec], [item], kind="dialogue").kept
    assert out.review.status == ReviewStatus.edited
    assert out.turns[1].text == "later edit"
    assert out.review.reviewers == ["a@x", "b@x", "c@x"]
    # A 1-1 split goes to the more cautious decision.
    rec2 = dialogue_records[1].model_copy(deep=True)
    item2 = _item(8, build_tasks(rec2, "dialogue")[0][1], ("a@x", dialogue_result("accepted"), "1"), ("b@x", dialogue_result("rejected"), "2"))
    res = merge_annotations([rec2], [item2], kind="dialogue")
    assert [r.reason for r in res.rejected] == ["review_rejected"]


def test_unknown_record_and_deleted_task_lose_nothing(dialogue_records: list[Record]) -> None:
    recs = [r.model_copy(deep=True) for r in dialogue_records[:2]]
    stranger = dialogue_records[5]
    snapshot = [_item(9, build_tasks(stranger, "dialogue")[0][1], ("a@x", dialogue_result("accepted"), "1"))]
    expected = {recs[0].id: 1, recs[1].id: 2}  # both pushed, both tasks deleted since
    res = merge_annotations(recs, snapshot, kind="dialogue", expected_tasks=expected)
    assert len(res.kept) == 2 and all(r.review.status == ReviewStatus.pending for r in res.kept)
    assert all("review_task_missing" in r.quality.flags for r in res.kept)
    (orphan,) = res.rejected
    assert orphan.reason == "review_unknown_record" and orphan.record is None
    assert json.loads(orphan.raw or "{}")["record_id"] == stranger.id
    assert res.counts["unknown_record"] == 1


def test_phi_span_corrections_update_deid(phi_record: Record) -> None:
    rec = phi_record.model_copy(deep=True)
    tasks = dict(build_tasks(rec, "phi"))
    key0 = f"{rec.id}|turns[0].text"
    drawn = [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in tasks[key0]["predictions"][0]["result"]]
    assert drawn == [(11, 21, "PERSON"), (36, 47, "LOCATION")]
    text = rec.turns[0].text
    phone = (text.index("555"), text.index("555") + 8)
    # Expert: keeps the name, drops the false-positive location, adds the missed phone number.
    expert = [(11, 21, "PERSON"), (phone[0], phone[1], "PHONE_NUMBER")]
    snapshot = [
        _item(1, tasks[key0], ("e@x", phi_result("edited", expert, text), "1")),
        _item(2, tasks[f"{rec.id}|turns[1].text"], ("e@x", phi_result("accepted", [], rec.turns[1].text), "1")),
    ]
    (out,) = merge_annotations([rec], snapshot, kind="phi", expected_tasks={k: 1 for k in tasks}).kept
    spans = sorted((s.start, s.end, s.entity_type, s.recognizer) for s in out.deid.spans)
    assert spans == [(11, 21, "PERSON", "SpacyRecognizer"), (phone[0], phone[1], "PHONE_NUMBER", "expert_review")]
    assert out.review.status == ReviewStatus.edited
    assert out.review.edits[0].field == "deid.spans[turns[0].text]"
    assert "John" not in out.review.edits[0].original + out.review.edits[0].new  # offsets only, never PHI text


def test_phi_left_in_deidentified_text_fails_deid(phi_record: Record) -> None:
    rec = phi_record.model_copy(deep=True)
    rec.deid.status = DeidStatus.passed  # text already replaced, and no out_start/out_end: nothing drawn
    tasks = dict(build_tasks(rec, "phi"))
    key0 = f"{rec.id}|turns[0].text"
    assert tasks[key0]["predictions"][0]["result"] == []
    snapshot = [_item(1, tasks[key0], ("e@x", phi_result("accepted", [(54, 62, "PHONE_NUMBER")], rec.turns[0].text), "1"))]
    (out,) = merge_annotations([rec], snapshot, kind="phi").kept
    assert out.deid.status == DeidStatus.failed
    assert out.review.status == ReviewStatus.needs_fix
    assert "phi_left" in out.review.reasons


def test_image_boxes_round_trip_and_additions(image_record: Record, tmp_path: Path) -> None:
    rec = image_record.model_copy(deep=True)
    serving = ImageServing(tmp_path)
    ((key, task),) = build_tasks(rec, "image", serving=serving)
    assert (tmp_path / "mediscope-review" / f"{rec.images[0].sha256}.png").read_bytes() == rec.images[0].data
    assert task["data"]["image"].startswith("/data/local-files/?d=mediscope-review/")
    # Unchanged boxes (percent round trip) -> accepted, nothing edited.
    same = _item(1, task, ("e@x", box_result("accepted", [[10, 10, 60, 30]], 200, 100), "1"))
    (out,) = merge_annotations([rec.model_copy(deep=True)], [same], kind="image").kept
    assert out.review.status == ReviewStatus.accepted and not out.review.edits
    # A new box: PHI still visible -> de-id failed, needs fix.
    more = _item(1, task, ("e@x", box_result("accepted", [[10, 10, 60, 30], [100, 50, 180, 90]], 200, 100), "1"))
    (out,) = merge_annotations([rec.model_copy(deep=True)], [more], kind="image").kept
    assert out.review.status == ReviewStatus.needs_fix
    assert out.deid.status == DeidStatus.failed
    assert [s.box for s in out.deid.spans] == [[10, 10, 60, 30], [100, 50, 180, 90]]


def test_gate_stage_keeps_only_approved(dialogue_records: list[Record], tmp_path: Path) -> None:
    recs = [r.model_copy(deep=True) for r in dialogue_records[:4]]
    tasks = {r.id: build_tasks(r, "dialogue")[0][1] for r in recs}
    snap = tmp_path / "proj.annotations.jsonl"
    lines = [
        _item(1, tasks[recs[0].id], ("a@x", dialogue_result("accepted", {0: "改过的第一句"}, turns=_shown(recs[0])), "1")),
        _item(2, tasks[recs[1].id], ("a@x", dialogue_result("needs_fix", reasons=("unnatural",)), "1")),
        _item(3, tasks[recs[2].id], ("a@x", dialogue_result("rejected", reasons=("phi_left",)), "1")),
    ]
    snap.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    stage = ReviewGateStage({"annotations": str(snap)})
    res = stage(recs)
    assert [r.id for r in res.kept] == [recs[0].id]
    assert res.kept[0].turns[0].text == "改过的第一句"
    reasons = sorted(r.reason for r in res.rejected)
    assert reasons == ["review_needs_fix", "review_pending", "review_rejected"]
    # Without a snapshot, the gate reads statuses already merged by `review pull`.
    plain = ReviewGateStage({"allow": ["accepted", "edited", "pending"]})
    res2 = plain([r.model_copy(deep=True) for r in dialogue_records[4:6]])
    assert len(res2.kept) == 2 and not res2.rejected


def test_shown_choice_values_are_read_like_aliases(dialogue_records: list[Record]) -> None:
    """An annotation that stored the shown value ("needs fix") instead of the alias still merges."""
    rec = dialogue_records[0].model_copy(deep=True)
    task = build_tasks(rec, "dialogue")[0][1]
    result = [
        {"from_name": "decision", "to_name": "dialogue", "type": "choices", "value": {"choices": ["needs fix"]}},
        {"from_name": "reasons", "to_name": "dialogue", "type": "choices", "value": {"choices": ["PHI left", "wrong role"]}},
    ]
    (out,) = merge_annotations([rec], [_item(1, task, ("a@x", result, "1"))], kind="dialogue").kept
    assert out.review.status == ReviewStatus.needs_fix
    assert out.review.reasons == ["phi_left", "wrong_role"]


def test_gate_in_a_pipeline_run(dialogue_records: list[Record], tmp_path: Path) -> None:
    """The gate as pipelines use it: YAML alias, runner, rejects file, in = out + rejected."""
    import yaml

    from mediscope.io.shards import iter_records, write_records
    from mediscope.runner import run_pipeline

    recs = [r.model_copy(deep=True) for r in dialogue_records]
    src = tmp_path / "in.jsonl"
    write_records(recs, src)
    tasks = {r.id: build_tasks(r, "dialogue")[0][1] for r in recs}
    snap = tmp_path / "proj.annotations.jsonl"
    lines = [_item(i, tasks[r.id], ("a@x", dialogue_result("accepted"), "1")) for i, r in enumerate(recs[:3])]
    lines.append(_item(9, tasks[recs[3].id], ("a@x", dialogue_result("rejected", reasons=("medical_error",)), "1")))
    snap.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    pipeline = tmp_path / "review.yaml"
    pipeline.write_text(yaml.safe_dump({
        "name": "review-gate",
        "reader": {"format": "jsonl", "path": str(src)},
        "stages": [{"stage": "review_gate", "config": {"annotations": str(snap)}}],
        "writer": {"path": str(tmp_path / "run"), "format": "jsonl"},
        "batch_size": 3,
    }))
    manifest = run_pipeline(pipeline)
    kept = list(iter_records(tmp_path / "run"))
    assert sorted(r.id for r in kept) == sorted(r.id for r in recs[:3])
    assert all(r.review.status == ReviewStatus.accepted for r in kept)
    stage = next(st for st in manifest["stages"] if st["name"] == "review_gate")  # after the reader's entry
    assert (stage["in"], stage["out"], stage["rejected"]) == (len(recs), 3, len(recs) - 3)
    assert stage["reasons"] == {"review_pending": len(recs) - 4, "review_rejected": 1}


def test_several_review_kinds_combine(phi_record: Record) -> None:
    """Proofreading edits, then a PHI review: the record's status reflects both kinds."""
    rec = phi_record.model_copy(deep=True)
    dlg = _item(1, build_tasks(rec, "dialogue")[0][1], ("a@x", dialogue_result("accepted", {1: "How long have you had it?"}, turns=_shown(rec)), "1"))
    (rec,) = merge_annotations([rec], [dlg], kind="dialogue").kept
    assert rec.review.status == ReviewStatus.edited
    tasks = dict(build_tasks(rec, "phi"))
    text = rec.turns[0].text
    phi_ok = [_item(2, t, ("b@x", phi_result("accepted", [(11, 21, "PERSON"), (36, 47, "LOCATION")] if k.endswith("[0].text") else [], text), "1"))
              for k, t in tasks.items()]
    (both,) = merge_annotations([rec.model_copy(deep=True)], phi_ok, kind="phi").kept
    assert both.review.status == ReviewStatus.edited  # accepted PHI review does not hide the edit
    assert both.meta["review_by_kind"] == {"dialogue": {"status": "edited", "reasons": []}, "phi": {"status": "accepted", "reasons": []}}
    phi_bad = [_item(2, t, ("b@x", phi_result("rejected", [], text), "1")) for t in tasks.values()]
    res = merge_annotations([rec.model_copy(deep=True)], phi_bad, kind="phi")
    assert [r.reason for r in res.rejected] == ["review_rejected"]
