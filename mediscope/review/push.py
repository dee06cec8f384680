"""Push review tasks to Label Studio: create or reuse the project, import in batches, idempotently.

Order of operations (each step safe to interrupt):
1. find the project (state file, else by title) or create it with the kind's labeling config;
2. list the project's tasks (paged) and rebuild key -> task id from the server: tasks deleted in
   Label Studio drop out (and are pushed again), tasks imported by a run that died before saving
   its state are adopted instead of duplicated;
3. import only the missing tasks, batch by batch, saving the state after each batch.

Privacy: a Label Studio server that is not on this machine (a non-loopback URL) is a remote
service, so only records whose de-identification passed may be pushed to it; others are listed
as failed (`not_deidentified`) and never sent. A server on loopback is inside the curation
environment and may show detection-only output (e.g. PHI span review before replacement); pass
`require_deid=True` to enforce the gate there too, or `False` for a trusted in-hospital server.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mediscope.record import Record
from mediscope.review.client import ReviewClient
from mediscope.review.configs import load_config
from mediscope.review.state import ReviewState
from mediscope.review.tasks import ImageServing, build_tasks

log = logging.getLogger(__name__)

RECORD_KINDS = ("dialogue", "phi", "image")


@dataclass
class PushSummary:
    project_id: int
    created: int
    already_there: int
    total_tasks: int
    failed: list[tuple[str, str]]  # (record id, why) for records whose tasks could not be built


def is_loopback_url(url: str) -> bool:
    """True for http(s)://localhost, 127.0.0.0/8 and [::1] URLs."""
    host = (urlparse(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def open_project(client: ReviewClient, state_path: Path, kind: str, title: str) -> ReviewState:
    """Load or start the state for `title` and make sure its project exists on the server."""
    state = ReviewState.load(state_path)
    if state is not None and (state.kind != kind or state.project_title != title):
        raise ValueError(
            f"state file {state_path} belongs to project {state.project_title!r} ({state.kind}); "
            f"use another --state for {title!r} ({kind})"
        )
    state = state or ReviewState(kind=kind, project_title=title)
    client.check()
    if state.project_id is None or not client.project_exists(state.project_id):
        state.project_id = client.ensure_project(title, load_config(kind), description=f"mediscope {kind} review")
    state.url = client.url
    state.save(state_path)
    return state


def push_tasks(
    client: ReviewClient,
    state: ReviewState,
    state_path: Path,
    tasks: Iterable[tuple[str, dict[str, Any]]],
    *,
    batch_size: int = 100,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Import the tasks whose keys the project lacks; returns (created, already there)."""
    assert state.project_id is not None
    on_server = client.task_record_ids(state.project_id, key="key")
    stale = set(state.tasks) - set(on_server)
    if stale:
        log.warning("%d tasks in the state file are gone from Label Studio; they will be pushed again", len(stale))
    state.tasks = on_server
    state.save(state_path)

    created = existing = 0
    batch: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()

    def flush() -> None:
        nonlocal created
        if not batch:
            return
        ids = client.import_tasks(state.project_id, [t for _, t in batch])  # type: ignore[arg-type]
        for (key, _), task_id in zip(batch, ids, strict=True):
            state.tasks[key] = task_id
        state.save(state_path)
        created += len(batch)
        batch.clear()
        if on_batch is not None:
            on_batch(created)

    for key, task in tasks:
        if key in seen:
            raise ValueError(f"duplicate task key {key!r}: record ids must be unique within a push")
        seen.add(key)
        if key in state.tasks:
            existing += 1
            continue
        batch.append((key, task))
        if len(batch) >= batch_size:
            flush()
    flush()
    return created, existing


def push_records(
    client: ReviewClient,
    records: Iterable[Record],
    *,
    kind: str,
    state_path: Path,
    project_title: str,
    batch_size: int = 100,
    document_root: Path | None = None,
    only_with_spans: bool = False,
    on_batch: Callable[[int], None] | None = None,
    require_deid: bool | None = None,
) -> PushSummary:
    """Push records as `kind` review tasks (see the module docstring for the guarantees).

    `require_deid`: None (default) enforces the privacy gate for non-loopback servers only.
    """
    from mediscope.llm.privacy import PrivacyGateError, require_deidentified

    if require_deid is None:
        require_deid = not is_loopback_url(client.url)
    if kind not in RECORD_KINDS:
        raise ValueError(f"records are pushed as one of {', '.join(RECORD_KINDS)}, not {kind!r} (pairs: `review calibrate push`)")
    state = open_project(client, state_path, kind, project_title)
    serving = None
    if kind == "image":
        if document_root is None:
            raise ValueError("image review needs --document-root (Label Studio's LOCAL_FILES_DOCUMENT_ROOT)")
        serving = ImageServing(Path(document_root))
        serving.folder.mkdir(parents=True, exist_ok=True)
        client.add_local_storage(state.project_id, str(serving.folder.resolve()))  # type: ignore[arg-type]
    failed: list[tuple[str, str]] = []

    def all_tasks() -> Iterable[tuple[str, dict[str, Any]]]:
        for record in records:
            if require_deid:
                try:
                    require_deidentified(record)
                except PrivacyGateError as exc:
                    failed.append((record.id, f"{exc.reason}: {exc}"))
                    log.error("record %s not pushed: %s", record.id, exc)
                    continue
            try:
                built = build_tasks(record, kind, serving=serving, only_with_spans=only_with_spans)
            except (OSError, ValueError, KeyError) as exc:
                failed.append((record.id, str(exc)))
                log.error("record %s not pushed: %s", record.id, exc)
                continue
            yield from built

    created, existing = push_tasks(client, state, state_path, all_tasks(), batch_size=batch_size, on_batch=on_batch)
    return PushSummary(
        project_id=state.project_id,  # type: ignore[arg-type]
        created=created,
        already_there=existing,
        total_tasks=len(state.tasks),
        failed=failed,
    )
