"""PHI review tasks on de-identified text: the replacements are pre-drawn where they now stand."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.record import DeidStatus, Record, ReviewStatus, Source, Turn
from mediscope.review.merge import merge_annotations
from mediscope.review.tasks import build_tasks

from .helpers import phi_result


@pytest.fixture(scope="module")
def deidentified() -> Record:
    """A record that went through the real de-identifier (spans carry out_start/out_end)."""
    from mediscope.deid import Deidentifier

    rec = Record(
        id="deid-1", source=Source(dataset="test"), lang="zh", case_id="c-deid",
        turns=[
            Turn(role="patient", text="医生您好，我叫张伟，电话13812345678，住在北京市朝阳区建国路88号。"),
            Turn(role="doctor", text="张伟您好，请问头痛多久了？"),
            Turn(role="patient", text="大概三天了。"),
        ],
    )
    return Deidentifier({"operators": {"DATE_TIME": "shift", "PHONE_NUMBER": "placeholder"}}).deidentify_record(rec)


def _drawn(task: dict) -> list[tuple[int, int, str, str]]:
    return [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0], r["value"]["text"])
            for r in task["predictions"][0]["result"]]


def test_spans_are_drawn_on_their_replacements(deidentified: Record) -> None:
    assert deidentified.deid.status == DeidStatus.passed
    tasks = dict(build_tasks(deidentified, "phi"))
    for field_name, text in deidentified.texts():
        task = tasks[f"{deidentified.id}|{field_name}"]
        spans = [s for s in deidentified.deid.spans if s.field == field_name]
        drawn = _drawn(task)
        assert task["data"]["text"] == text
        assert task["data"]["spans_drawn"] is False and task["data"]["drawn_on"] == "deidentified"
        assert len(drawn) == len(spans)
        for (start, end, label, shown), span in zip(drawn, spans, strict=True):
            assert (start, end) == (span.out_start, span.out_end)
            assert shown == text[start:end] and label in (span.entity_type, "OTHER_PHI")
        assert task["data"]["replacements"] == [[s, e, lab] for s, e, lab, _ in drawn]
    first = _drawn(tasks[f"{deidentified.id}|turns[0].text"])
    assert ("PHONE_NUMBER", "<PHONE_NUMBER>") in {(lab, shown) for _, _, lab, shown in first}
    assert "张伟" not in deidentified.turns[0].text  # the drawn name is the surrogate, not the original
    assert {lab for _, _, lab, _ in first} >= {"PERSON", "PHONE_NUMBER", "LOCATION"}
    assert _drawn(tasks[f"{deidentified.id}|turns[2].text"]) == []


def test_no_offsets_no_drawing(deidentified: Record) -> None:
    """Records de-identified before out_start/out_end existed: nothing is drawn (not misplaced)."""
    rec = deidentified.model_copy(deep=True)
    rec.deid.spans = [s.model_copy(update={"out_start": None, "out_end": None}) for s in rec.deid.spans]
    for _, task in build_tasks(rec, "phi"):
        assert task["predictions"][0]["result"] == [] and task["data"]["replacements"] == []


def test_redacted_spans_are_not_drawn(deidentified: Record) -> None:
    """A redacted span left nothing in the text; an empty region cannot be drawn."""
    rec = deidentified.model_copy(deep=True)
    first = next(s for s in rec.deid.spans if s.field == "turns[0].text")
    first.operator, first.out_end = "redact", first.out_start
    drawn = _drawn(dict(build_tasks(rec, "phi"))[f"{rec.id}|turns[0].text"])
    assert (first.out_start, first.out_start) not in {(s, e) for s, e, _, _ in drawn}
    assert len(drawn) == sum(1 for s in rec.deid.spans if s.field == "turns[0].text") - 1


def test_new_marks_outside_the_replacements_still_fail_deid(deidentified: Record) -> None:
    rec = deidentified.model_copy(deep=True)
    key = f"{rec.id}|turns[2].text"
    task = dict(build_tasks(rec, "phi"))[key]
    text = rec.turns[2].text
    item = {"task_id": 1, "key": key, "record_id": rec.id, "data": task["data"],
            "annotations": [{"id": 0, "reviewer": "e@x", "result": phi_result("accepted", [(0, 2, "OTHER_PHI")], text),
                             "updated_at": "1"}]}
    (out,) = merge_annotations([rec], [item], kind="phi").kept
    assert out.deid.status == DeidStatus.failed and out.review.status == ReviewStatus.needs_fix


def test_accepting_the_drawn_replacements_is_not_phi_left(deidentified: Record) -> None:
    rec = deidentified.model_copy(deep=True)
    key = f"{rec.id}|turns[0].text"
    task = dict(build_tasks(rec, "phi"))[key]
    kept = [(s, e, lab) for s, e, lab, _ in _drawn(task)]
    item = {"task_id": 1, "key": key, "record_id": rec.id, "data": task["data"],
            "annotations": [{"id": 0, "reviewer": "e@x", "result": phi_result("accepted", kept, rec.turns[0].text),
                             "updated_at": "1"}]}
    (out,) = merge_annotations([rec], [item], kind="phi").kept
    assert out.deid.status == DeidStatus.passed


@pytest.mark.slow
def test_server_shows_the_replacements_pre_drawn(client, deidentified: Record, tmp_path: Path) -> None:  # noqa: ANN001
    """Through a real Label Studio: the imported task carries the replacement regions."""
    from mediscope.review.push import push_records
    from mediscope.review.state import ReviewState

    state = tmp_path / "phi.json"
    push_records(client, [deidentified], kind="phi", state_path=state, project_title="phi-offsets")
    st = ReviewState.load(state)
    assert st is not None
    items, _ = client.task_page(st.project_id, 1, 100)
    by_field = {t["data"]["field"]: t for t in items}
    text = deidentified.turns[0].text
    server = by_field["turns[0].text"]
    regions = [(r["value"]["start"], r["value"]["end"]) for r in server["predictions"][0]["result"]]
    expected = [(s.out_start, s.out_end) for s in deidentified.deid.spans if s.field == "turns[0].text"]
    assert regions == expected and all(text[s:e] for s, e in regions)
    assert server["data"]["replacements"] == [list(r) for r in (
        (s, e, lab) for s, e, lab, _ in _drawn(dict(build_tasks(deidentified, "phi"))[f"{deidentified.id}|turns[0].text"]))]
