"""Fetch a project's annotations into a local snapshot, page by page, resumably.

The snapshot (`<state>.annotations.jsonl`, one line per task) is what `merge` reads, so merging is
an offline, repeatable step and a flaky server only ever costs the pages not yet fetched: after
each page the lines are appended and fsynced and the state's `pull.next_page` is advanced. A pull
interrupted mid-way resumes from that page; a finished pull starts a fresh snapshot next time.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mediscope.review.client import ReviewClient
from mediscope.review.state import PullProgress, ReviewState, now, snapshot_path

log = logging.getLogger(__name__)


def _annotation(client: ReviewClient, ann: dict[str, Any]) -> dict[str, Any]:
    completed_by = ann.get("completed_by")
    if isinstance(completed_by, dict):
        completed_by = completed_by.get("id")
    return {
        "id": ann.get("id"),
        "reviewer": client.user_email(completed_by) if completed_by is not None else None,
        "result": ann.get("result") or [],
        "updated_at": ann.get("updated_at") or ann.get("created_at"),
    }


def snapshot_line(client: ReviewClient, task: dict[str, Any]) -> dict[str, Any]:
    data = task.get("data") or {}
    anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    return {
        "task_id": int(task["id"]),
        "key": data.get("key"),
        "record_id": data.get("record_id"),
        "data": data,
        "annotations": [_annotation(client, a) for a in anns],
    }


def fetch_annotations(
    client: ReviewClient,
    state_path: Path,
    *,
    page_size: int = 100,
    restart: bool = False,
    on_page: Callable[[int, int], None] | None = None,
) -> Path:
    """Bring the snapshot up to date with the server; returns its path."""
    state = ReviewState.load(state_path)
    if state is None or state.project_id is None:
        raise ValueError(f"no review state at {state_path}: push first (or pass the --state used for push)")
    snap = snapshot_path(state_path)
    if restart or state.pull.complete or not snap.exists() or state.pull.page_size != page_size:
        state.pull = PullProgress(page_size=page_size, started_at=now())
        snap.write_text("", encoding="utf-8")
    elif state.pull.next_page > 1:
        log.info("resuming pull of project %s at page %d", state.project_id, state.pull.next_page)
    client.check()
    if not client.project_exists(state.project_id):
        raise ValueError(f"Label Studio project {state.project_id} ({state.project_title!r}) no longer exists")
    fetched = 0
    with open(snap, "a", encoding="utf-8") as fh:
        for page, items in client.iter_task_pages(state.project_id, page_size=page_size, start_page=state.pull.next_page):
            for task in items:
                fh.write(json.dumps(snapshot_line(client, task), ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
            fetched += len(items)
            state.pull.next_page = page + 1
            state.save(state_path)
            if on_page is not None:
                on_page(page, fetched)
    state.pull.complete = True
    state.pull.finished_at = now()
    state.save(state_path)
    log.info("pulled %d tasks of project %s into %s", fetched, state.project_id, snap)
    return snap


def read_snapshot(path: Path) -> Iterator[dict[str, Any]]:
    """Snapshot lines, de-duplicated by task id (a page re-fetched after a crash: last one wins)."""
    by_task: dict[int, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc}); re-run pull with --restart") from exc
            by_task[int(item["task_id"])] = item
    yield from by_task.values()
