"""Push -> experts annotate through the API -> pull/merge, against a real Label Studio server."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from mediscope.cli import app
from mediscope.io.shards import iter_records, write_records
from mediscope.record import DeidStatus, Record, ReviewStatus
from mediscope.review.push import push_records
from mediscope.review.state import ReviewState

from .helpers import box_result, dialogue_result, pairwise_result, phi_result

pytestmark = pytest.mark.slow
runner = CliRunner()


def _cli(server, *args: str) -> str:  # noqa: ANN001
    res = runner.invoke(app, [*args], env={"LABEL_STUDIO_URL": server.url, "LABEL_STUDIO_API_KEY": server.token})
    assert res.exit_code == 0, res.output
    return res.output


def test_dialogue_round_trip_with_two_experts(ls_server, client, dialogue_records: list[Record], tmp_path: Path) -> None:  # noqa: ANN001
    src = tmp_path / "records.jsonl"
    write_records(dialogue_records, src)
    state = tmp_path / "state" / "dlg.json"
    out = _cli(ls_server, "review", "push", str(src), "--kind", "dialogue", "--project", "dlg", "--state", str(state), "--batch-size", "3")
    assert "7 tasks created" in out
    # Re-push is idempotent.
    again = push_records(client, iter_records(src), kind="dialogue", state_path=state, project_title="dlg")
    assert (again.created, again.already_there, again.total_tasks) == (0, 7, 7)
    st = ReviewState.load(state)
    assert st is not None and len(client.task_record_ids(st.project_id, key="key")) == 7

    # Pre-annotations: every correction box holds the current turn text.
    items, _ = client.task_page(st.project_id, 1, 100)
    first = next(t for t in items if t["data"]["record_id"] == dialogue_records[0].id)
    assert [r["value"]["text"][0] for r in first["predictions"][0]["result"]] == [t.text for t in dialogue_records[0].turns]

    second = client.create_user("second@example.com")
    r0, r1, r2, r3 = dialogue_records[:4]
    fixed = "考虑急性支气管炎，建议查血常规，多喝水。"
    shown = [t.text for t in r0.turns]
    client.create_annotation(st.tasks[r0.id], dialogue_result("accepted", {3: fixed}, turns=shown, comment="补充医嘱"))
    client.create_annotation(st.tasks[r1.id], dialogue_result("accepted"))
    client.create_annotation(st.tasks[r1.id], dialogue_result("accepted"), completed_by=second)
    client.create_annotation(st.tasks[r2.id], dialogue_result("rejected", reasons=("medical_error",)))
    client.create_annotation(st.tasks[r3.id], dialogue_result("needs_fix", reasons=("unnatural",)))
    client.create_annotation(st.tasks[r3.id], dialogue_result("accepted"), completed_by=second)

    outdir = tmp_path / "pulled"
    msg = _cli(ls_server, "review", "pull", str(src), "-o", str(outdir), "--project", "dlg", "--state", str(state), "--format", "jsonl", "--page-size", "3")
    assert "6 kept, 1 rejected" in msg
    merged = {r.id: r for r in iter_records(outdir)}
    assert merged[r0.id].turns[3].text == fixed
    assert merged[r0.id].review.status == ReviewStatus.edited
    assert merged[r0.id].review.edits[0].original == r0.turns[3].text
    assert merged[r0.id].review.reviewers == ["expert@example.com"]
    assert merged[r0.id].review.comment == "补充医嘱"
    assert merged[r1.id].review.status == ReviewStatus.accepted
    assert merged[r1.id].review.reviewers == ["expert@example.com", "second@example.com"]
    assert merged[r3.id].review.status == ReviewStatus.needs_fix  # 1-1 split: the cautious side
    assert {merged[r.id].review.status for r in dialogue_records[4:]} == {ReviewStatus.pending}
    rejects = [json.loads(line) for line in (outdir / "rejects" / "part-00000.jsonl").read_text().splitlines()]
    assert [(r["reason"], r["record_id"]) for r in rejects] == [("review_rejected", r2.id)]
    assert len(merged) + len(rejects) == len(dialogue_records)

    # Status: progress and agreement on the two doubly-annotated tasks (one agree, one disagree).
    status = json.loads(_cli(ls_server, "review", "status", "--project", "dlg", "--state", str(state), "--json"))
    assert (status["tasks"], status["annotated"], status["multi_annotated"]) == (7, 4, 2)
    (dec,) = status["agreement"]
    assert dec["items"] == 2 and dec["observed"] == pytest.approx(0.5)
    # labels accepted x3, needs_fix x1 -> p_e = (3/4)^2 + (1/4)^2 = .625; kappa (.5 - .625) / .375
    assert dec["fleiss_kappa"] == pytest.approx((0.5 - 0.625) / 0.375)
    assert dec["cohen_kappa"]["expert@example.com|second@example.com"]["shared"] == 2


def test_phi_and_image_review_round_trip(ls_server, client, phi_record: Record, image_record: Record, tmp_path: Path) -> None:  # noqa: ANN001
    phi_state = tmp_path / "phi.json"
    summary = push_records(client, [phi_record], kind="phi", state_path=phi_state, project_title="phi")
    assert summary.created == 2  # one task per text field
    st = ReviewState.load(phi_state)
    key0 = f"{phi_record.id}|turns[0].text"
    text = phi_record.turns[0].text
    start = text.index("555")
    client.create_annotation(st.tasks[key0], phi_result("edited", [(11, 21, "PERSON"), (start, start + 8, "PHONE_NUMBER")], text))
    client.create_annotation(st.tasks[f"{phi_record.id}|turns[1].text"], phi_result("accepted", [], phi_record.turns[1].text))

    img_state = tmp_path / "img.json"
    docroot = ls_server.document_root
    push_records(client, [image_record], kind="image", state_path=img_state, project_title="img", document_root=docroot)
    ist = ReviewState.load(img_state)
    ((img_key, img_task),) = ist.tasks.items()
    # The server serves the image from local-files storage.
    items, _ = client.task_page(ist.project_id, 1, 10)
    url = items[0]["data"]["image"]
    resp = httpx.get(ls_server.url + url, headers={"Authorization": f"Token {ls_server.token}"})
    assert resp.status_code == 200 and resp.content == image_record.images[0].data
    box = items[0]["predictions"][0]["result"][0]["value"]
    assert (box["x"], box["y"], box["width"], box["height"]) == pytest.approx((5.0, 10.0, 25.0, 20.0))
    client.create_annotation(img_task, box_result("accepted", [[10, 10, 60, 30], [120, 60, 190, 95]], 200, 100))

    src_phi = tmp_path / "phi.jsonl"
    write_records([phi_record], src_phi)
    _cli(ls_server, "review", "pull", str(src_phi), "-o", str(tmp_path / "phi-out"), "--kind", "phi", "--project", "phi", "--state", str(phi_state))
    (out,) = list(iter_records(tmp_path / "phi-out"))
    assert out.review.status == ReviewStatus.edited
    assert sorted((s.start, s.entity_type) for s in out.deid.spans) == [(11, "PERSON"), (start, "PHONE_NUMBER")]

    src_img = tmp_path / "img.jsonl"
    write_records([image_record], src_img)
    _cli(ls_server, "review", "pull", str(src_img), "-o", str(tmp_path / "img-out"), "--kind", "image", "--project", "img", "--state", str(img_state))
    (out,) = list(iter_records(tmp_path / "img-out"))
    assert out.review.status == ReviewStatus.needs_fix and out.deid.status == DeidStatus.failed
    assert [s.box for s in out.deid.spans] == [[10, 10, 60, 30], [120, 60, 190, 95]]


def test_calibration_round_trip(ls_server, client, tmp_path: Path) -> None:  # noqa: ANN001
    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"pair_id": f"p{i}", "context": [{"role": "user", "content": f"我头疼{i}天了，怎么办？"}],
         "a": "请问疼痛部位在哪里？有没有发烧？", "b": "多喝热水。", "model_a": "ours", "model_b": "baseline"}
        for i in range(4)
    ]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    state = tmp_path / "cal.json"
    assert "4 pairs created" in _cli(ls_server, "review", "calibrate", "push", str(pairs), "--state", str(state))
    assert "0 pairs created" in _cli(ls_server, "review", "calibrate", "push", str(pairs), "--state", str(state))
    st = ReviewState.load(state)
    second = client.create_user("second@example.com")
    expert = {  # pair -> accuracy choice of expert 1 (all other dimensions "A")
        "p0": "A", "p1": "A", "p2": "tie", "p3": "B",
    }
    for pid, acc in expert.items():
        client.create_annotation(st.tasks[pid], pairwise_result(proactiveness="A", accuracy=acc, usefulness="A", language="tie"))
    client.create_annotation(st.tasks["p0"], pairwise_result(proactiveness="A", accuracy="A", usefulness="A", language="tie"), completed_by=second)

    status = json.loads(_cli(ls_server, "review", "status", "--kind", "pairwise", "--state", str(state), "--json"))
    assert (status["tasks"], status["annotated"], status["multi_annotated"]) == (4, 4, 1)
    assert [a["control"] for a in status["agreement"]] == ["proactiveness", "accuracy", "usefulness", "language"]
    assert all(a["items"] == 1 and a["observed"] == 1.0 for a in status["agreement"])

    choices = tmp_path / "experts.jsonl"
    assert "5 expert choices on 4 pairs" in _cli(ls_server, "review", "calibrate", "pull", "-o", str(choices), "--state", str(state))
    lines = [json.loads(x) for x in choices.read_text().splitlines()]
    assert {x["pair_id"]: x["choices"]["accuracy"] for x in lines if x["reviewer"] == "expert@example.com"} == {
        "p0": "win", "p1": "win", "p2": "tie", "p3": "loss"
    }
    rel = tmp_path / "relative.jsonl"
    rel.write_text("".join(json.dumps({"pair_id": p, "mode": "relative", "verdict": {
        "proactiveness": "win", "accuracy": a, "usefulness": "win", "language": "tie"}}) + "\n"
        for p, a in {"p0": "win", "p1": "win", "p2": "tie", "p3": "loss"}.items()))
    ab = tmp_path / "absolute.jsonl"
    ab.write_text("".join(json.dumps({"pair_id": p, "mode": "absolute",
        "scores_a": {"proactiveness": 8, "accuracy": sa, "usefulness": 7, "language": 8},
        "scores_b": {"proactiveness": 8, "accuracy": 7, "usefulness": 7, "language": 8}}) + "\n"
        for p, sa in {"p0": 7, "p1": 8, "p2": 9, "p3": 7}.items()))
    report = tmp_path / "report.json"
    _cli(ls_server, "review", "calibrate", "report", str(choices), str(rel), str(ab), "-o", str(report))
    data = json.loads(report.read_text())
    rel_acc = next(d for d in data[str(rel)]["dimensions"] if d["dimension"] == "accuracy")
    assert rel_acc["n"] == 4 and rel_acc["agreement"] == 1.0 and rel_acc["kappa"] == pytest.approx(1.0)
    abs_acc = next(d for d in data[str(ab)]["dimensions"] if d["dimension"] == "accuracy")
    # absolute -> tie, win, win, tie vs expert win, win, tie, loss: 1 of 4 agree.
    # expert win .5 tie .25 loss .25; judge win .5 tie .5 -> p_e .25 + .125 = .375
    assert abs_acc["agreement"] == pytest.approx(0.25)
    assert abs_acc["kappa"] == pytest.approx((0.25 - 0.375) / 0.625)
    assert data[str(ab)]["modes"] == {"absolute": 4}


def test_bundled_sample_through_the_reader(ls_server, client, repo_root: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """Records as the MedDiagnose reader produces them (images by path) go through both reviews."""
    from mediscope.io.registry import make_reader

    records = [r for r in make_reader("meddiagnose", str(repo_root / "examples" / "sample" / "consultations.csv")) if isinstance(r, Record)]
    assert records and any(r.images for r in records)
    src = tmp_path / "sample.parquet"
    write_records(records, src)
    state = tmp_path / "sample.json"
    out = _cli(ls_server, "review", "push", str(src), "--project", "sample-dialogue", "--state", str(state))
    assert f"{len(records)} tasks created" in out
    img_state = tmp_path / "sample-img.json"
    out = _cli(ls_server, "review", "push", str(src), "--kind", "image", "--project", "sample-images", "--state", str(img_state),
               "--document-root", str(ls_server.document_root))
    n_images = sum(len(r.images) for r in records)
    assert f"{n_images} tasks created" in out
    ist = ReviewState.load(img_state)
    items, _ = client.task_page(ist.project_id, 1, 100)
    by_id = {img.id: img for r in records for img in r.images}
    for task in items:
        resp = httpx.get(ls_server.url + task["data"]["image"], headers={"Authorization": f"Token {ls_server.token}"})
        assert resp.status_code == 200
        assert resp.content == Path(by_id[task["data"]["image_id"]].path).read_bytes()

    st = ReviewState.load(state)
    target = records[0]
    new_text = target.turns[1].text + "（补充：请拍照复诊）"
    client.create_annotation(st.tasks[target.id], dialogue_result("accepted", {1: new_text}, turns=[t.text for t in target.turns]))
    outdir = tmp_path / "merged"
    _cli(ls_server, "review", "pull", str(src), "-o", str(outdir), "--project", "sample-dialogue", "--state", str(state))
    merged = {r.id: r for r in iter_records(outdir)}
    assert len(merged) == len(records)
    assert merged[target.id].turns[1].text == new_text and merged[target.id].review.status == ReviewStatus.edited
    assert merged[target.id].images == target.images  # images untouched by a text review
