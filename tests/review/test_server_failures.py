"""Outages and inconsistencies: clear errors, resumable, no duplicates, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mediscope.cli import app
from mediscope.io.shards import write_records
from mediscope.record import Record, ReviewStatus
from mediscope.review.client import ReviewClient, ReviewServerError
from mediscope.review.merge import merge_annotations
from mediscope.review.pull import fetch_annotations, read_snapshot
from mediscope.review.push import push_records
from mediscope.review.server import LabelStudioServer, free_port
from mediscope.review.state import ReviewState, snapshot_path

from .helpers import dialogue_result

pytestmark = pytest.mark.slow


def _restart(server: LabelStudioServer) -> LabelStudioServer:
    """A new server process on the same data dir (projects and tasks survive)."""
    return LabelStudioServer(data_dir=server.data_dir, document_root=server.document_root, token=server.token).start()


def _count_tasks(client: ReviewClient, project_id: int) -> int:
    return sum(len(items) for _, items in client.iter_task_pages(project_id, page_size=50, fields="task_only"))


def test_dead_server_gives_a_clear_error(dialogue_records: list[Record], tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    client = ReviewClient(url, "0" * 40, retries=1, backoff=0.05)
    with pytest.raises(ReviewServerError, match="unreachable.*re-run the same command to resume"):
        push_records(client, dialogue_records, kind="dialogue", state_path=tmp_path / "s.json", project_title="x")
    src = tmp_path / "r.jsonl"
    write_records(dialogue_records, src)
    res = CliRunner().invoke(app, ["review", "push", str(src), "--url", url, "--token", "0" * 40, "--state", str(tmp_path / "s.json")])
    assert res.exit_code == 1
    assert "unreachable" in res.output and "Traceback" not in res.output


def test_server_killed_mid_push_resumes_without_duplicates(ls_server, dialogue_records: list[Record], tmp_path: Path) -> None:  # noqa: ANN001
    state = tmp_path / "push.json"
    client = ReviewClient(ls_server.url, ls_server.token, retries=1, backoff=0.05)

    def die_after_first_batch(done: int) -> None:
        if done == 2:
            ls_server.stop()

    with pytest.raises(ReviewServerError, match="resume"):
        push_records(client, dialogue_records, kind="dialogue", state_path=state, project_title="proj", batch_size=2, on_batch=die_after_first_batch)
    st = ReviewState.load(state)
    assert st is not None and len(st.tasks) == 2  # the finished batch is on record

    server = _restart(ls_server)
    try:
        client = ReviewClient(server.url, server.token)
        # Lose the state's knowledge of the first batch too: the server listing still prevents duplicates.
        st.tasks = {}
        st.save(state)
        summary = push_records(client, dialogue_records, kind="dialogue", state_path=state, project_title="proj", batch_size=2)
        assert (summary.created, summary.already_there, summary.total_tasks) == (5, 2, 7)
        assert _count_tasks(client, summary.project_id) == 7
        assert sorted(client.task_record_ids(summary.project_id)) == sorted(r.id for r in dialogue_records)
    finally:
        server.stop()


def test_server_killed_mid_pull_resumes(ls_server, client, dialogue_records: list[Record], tmp_path: Path) -> None:  # noqa: ANN001
    state = tmp_path / "pull.json"
    push_records(client, dialogue_records, kind="dialogue", state_path=state, project_title="proj")
    st = ReviewState.load(state)
    for rec in dialogue_records:
        client.create_annotation(st.tasks[rec.id], dialogue_result("accepted"))

    pages: list[int] = []

    def die_after_first_page(page: int, _n: int) -> None:
        pages.append(page)
        if page == 1:
            ls_server.stop()

    with pytest.raises(ReviewServerError):
        fetch_annotations(ReviewClient(ls_server.url, ls_server.token, retries=1, backoff=0.05), state, page_size=3, on_page=die_after_first_page)
    assert ReviewState.load(state).pull.next_page == 2
    assert len(snapshot_path(state).read_text().splitlines()) == 3

    server = _restart(ls_server)
    try:
        fetch_annotations(ReviewClient(server.url, server.token), state, page_size=3, on_page=die_after_first_page)
    finally:
        server.stop()
    assert pages == [1, 2, 3]  # resumed at page 2, page 1 not fetched again
    snap = list(read_snapshot(snapshot_path(state)))
    assert len(snap) == 7
    result = merge_annotations(dialogue_records, snap, kind="dialogue", expected_tasks=st.tasks)
    assert len(result.kept) == 7 and {r.review.status for r in result.kept} == {ReviewStatus.accepted}


def test_task_deleted_in_label_studio(ls_server, client, dialogue_records: list[Record], tmp_path: Path) -> None:  # noqa: ANN001
    state = tmp_path / "del.json"
    push_records(client, dialogue_records, kind="dialogue", state_path=state, project_title="proj")
    st = ReviewState.load(state)
    gone = dialogue_records[2]
    for rec in dialogue_records:
        client.create_annotation(st.tasks[rec.id], dialogue_result("accepted"))
    client.delete_task(st.tasks[gone.id])

    snap = fetch_annotations(client, state)
    result = merge_annotations(dialogue_records, read_snapshot(snap), kind="dialogue", expected_tasks=ReviewState.load(state).tasks)
    assert len(result.kept) == 7 and not result.rejected
    missing = next(r for r in result.kept if r.id == gone.id)
    assert missing.review.status == ReviewStatus.pending and "review_task_missing" in missing.quality.flags

    # A re-push re-creates exactly the deleted task.
    again = push_records(client, dialogue_records, kind="dialogue", state_path=state, project_title="proj")
    assert (again.created, again.already_there) == (1, 6)
    assert _count_tasks(client, again.project_id) == 7


def test_annotation_of_unknown_record_goes_to_rejects(ls_server, client, dialogue_records: list[Record], tmp_path: Path) -> None:  # noqa: ANN001
    state = tmp_path / "unk.json"
    push_records(client, dialogue_records, kind="dialogue", state_path=state, project_title="proj")
    st = ReviewState.load(state)
    # Someone imported an extra task by hand into the same project and annotated it.
    (stray,) = client.import_tasks(st.project_id, [{"data": {"key": "ghost", "record_id": "ghost", "dialogue": [], "turns": [], "reports_text": "-"}}])
    client.create_annotation(stray, dialogue_result("accepted"))
    src = tmp_path / "r.jsonl"
    write_records(dialogue_records, src)
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app, ["review", "pull", str(src), "-o", str(out), "--project", "proj", "--state", str(state), "--url", ls_server.url, "--token", ls_server.token]
    )
    assert res.exit_code == 0, res.output
    assert "7 kept, 1 rejected" in res.output
    rejects = (out / "rejects" / "part-00000.jsonl").read_text()
    assert '"reason": "review_unknown_record"' in rejects and "ghost" in rejects


def test_bad_token_and_missing_document_root_are_clear(ls_server, dialogue_records: list[Record], image_record: Record, tmp_path: Path) -> None:  # noqa: ANN001
    src = tmp_path / "r.jsonl"
    write_records(dialogue_records, src)
    runner = CliRunner()
    res = runner.invoke(app, ["review", "push", str(src), "--url", ls_server.url, "--token", "f" * 40, "--state", str(tmp_path / "a.json")])
    assert res.exit_code == 1 and "refused the token" in res.output
    img = tmp_path / "img.jsonl"
    write_records([image_record], img)
    res = runner.invoke(
        app,
        ["review", "push", str(img), "--kind", "image", "--url", ls_server.url, "--token", ls_server.token, "--state", str(tmp_path / "b.json")],
        env={"LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT": ""},
    )
    assert res.exit_code == 1 and "--document-root" in res.output
