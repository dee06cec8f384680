"""A thin wrapper over `label_studio_sdk.LabelStudio`: retries, paging and clear errors.

Why wrap the SDK at all: Label Studio at scale times out on big imports and exports (upstream
issues), and a server that goes away mid-push must end in one clear message that says nothing was
lost and how to resume, not in an httpx traceback. Every call here goes through `_call`, which
retries transport errors and 5xx/429 answers with back-off, then raises `ReviewServerError`.
Listing is always paged (`iter_task_pages`), imports are batched by the caller.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import httpx

log = logging.getLogger(__name__)

T = TypeVar("T")


class ReviewError(RuntimeError):
    """Base of review errors the CLI turns into a one-line message and exit code 1."""


class ReviewServerError(ReviewError):
    """The server could not be reached or kept failing; the operation can be re-run to resume."""


class ReviewApiError(ReviewError):
    """The server refused a request (4xx): bad token, invalid config, unknown project..."""


def _status_code(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None)


class ReviewClient:
    """Label Studio access for push/pull/status/calibration."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        retries: int = 3,
        backoff: float = 0.5,
        timeout: float = 120.0,
    ) -> None:
        from label_studio_sdk import LabelStudio

        self.url = url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        # Retries are ours (`_call`), so the SDK's own retry loop is switched off: nested retries
        # would multiply the wait before a dead server is reported.
        self.sdk = LabelStudio(base_url=self.url, api_key=token, timeout=timeout, max_retries=0)
        self._emails: dict[int, str] = {}

    # -- plumbing ---------------------------------------------------------------------------
    def _call(self, what: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one SDK call with retries; translate failures into review errors."""
        from label_studio_sdk.core.api_error import ApiError

        attempt = 0
        while True:
            try:
                return fn(*args, **kwargs)
            except httpx.TransportError as exc:
                err: BaseException = exc
                retryable = True
            except ApiError as exc:
                err = exc
                code = _status_code(exc) or 0
                retryable = code >= 500 or code == 429
                if not retryable:
                    if code in (401, 403):
                        raise ReviewApiError(
                            f"Label Studio at {self.url} refused the token while {what} (HTTP {code}); "
                            "check --token / LABEL_STUDIO_API_KEY (a legacy API token is required)"
                        ) from exc
                    raise ReviewApiError(f"Label Studio refused {what} (HTTP {code}): {exc.body}") from exc
            attempt += 1
            if attempt > self.retries:
                raise ReviewServerError(
                    f"Label Studio at {self.url} is unreachable or failing while {what} "
                    f"({type(err).__name__}: {err}). Work done so far is saved; re-run the same "
                    "command to resume."
                ) from err
            delay = self.backoff * (2 ** (attempt - 1))
            log.warning("Label Studio %s failed (%s); retry %d/%d in %.1f s", what, err, attempt, self.retries, delay)
            time.sleep(delay)

    # -- projects ---------------------------------------------------------------------------
    def check(self) -> str:
        """Fail fast with a clear message when the server or the token is wrong."""
        user = self._call("checking the token", self.sdk.users.whoami)
        return str(getattr(user, "email", "") or getattr(user, "username", ""))

    def find_project(self, title: str) -> int | None:
        for project in self._call("listing projects", lambda: list(self.sdk.projects.list(title=title))):
            if project.title == title:
                return int(project.id)
        return None

    def ensure_project(self, title: str, label_config: str, description: str = "", model_version: str = "mediscope") -> int:
        """Reuse the project with this exact title, or create it (the server validates the XML)."""
        found = self.find_project(title)
        if found is not None:
            return found
        project = self._call(
            f"creating project {title!r}",
            self.sdk.projects.create,
            title=title,
            label_config=label_config,
            description=description,
            model_version=model_version,
        )
        log.info("created Label Studio project %s (%r)", project.id, title)
        return int(project.id)

    def project_exists(self, project_id: int) -> bool:
        from label_studio_sdk.core.api_error import ApiError

        try:
            self.sdk.projects.get(id=project_id)
            return True
        except ApiError as exc:
            if _status_code(exc) == 404:
                return False
            return self._call("reading project", lambda: self.sdk.projects.get(id=project_id) is not None)
        except httpx.TransportError:
            return self._call("reading project", lambda: self.sdk.projects.get(id=project_id) is not None)

    def add_local_storage(self, project_id: int, path: str, title: str = "mediscope images") -> None:
        """Register a local-files storage so the server may serve images under `path`.

        Label Studio only serves `/data/local-files/?d=...` for paths inside a storage that a
        project registered; we never sync it (tasks are imported by us, with their own data).
        """
        existing = self._call(
            "listing local storages", lambda: list(self.sdk.import_storage.local.list(project=project_id))
        )
        if any(getattr(s, "path", None) == path for s in existing):
            return
        self._call(
            "adding local-files storage",
            self.sdk.import_storage.local.create,
            project=project_id,
            path=path,
            title=title,
            use_blob_urls=False,
        )

    # -- tasks ------------------------------------------------------------------------------
    def import_tasks(self, project_id: int, tasks: list[dict[str, Any]]) -> list[int]:
        """Import one batch; returns the new task ids in input order."""
        resp = self._call(
            f"importing {len(tasks)} tasks",
            self.sdk.projects.import_tasks,
            id=project_id,
            request=tasks,
            return_task_ids=True,
        )
        ids = list(resp.task_ids or [])
        if len(ids) != len(tasks):
            raise ReviewApiError(f"Label Studio returned {len(ids)} task ids for {len(tasks)} imported tasks")
        return [int(i) for i in ids]

    def task_page(self, project_id: int, page: int, page_size: int, *, fields: str = "all") -> tuple[list[dict[str, Any]], bool]:
        """One page of tasks as plain dicts, and whether another page follows."""
        from label_studio_sdk.core.api_error import ApiError

        def fetch() -> tuple[list[dict[str, Any]], bool]:
            try:
                pager = self.sdk.tasks.list(project=project_id, fields=fields, page=page, page_size=page_size)
            except ApiError as exc:
                if _status_code(exc) == 404:  # past the last page
                    return [], False
                raise
            items = [t.model_dump(mode="json") if hasattr(t, "model_dump") else dict(t) for t in pager.items or []]
            return items, bool(pager.has_next) and len(items) == page_size

        return self._call(f"listing tasks (page {page})", fetch)

    def iter_task_pages(
        self, project_id: int, *, page_size: int = 100, start_page: int = 1, fields: str = "all"
    ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        page = start_page
        while True:
            items, more = self.task_page(project_id, page, page_size, fields=fields)
            if items:
                yield page, items
            if not more:
                return
            page += 1

    def task_record_ids(self, project_id: int, key: str = "record_id", page_size: int = 500) -> dict[str, int]:
        """Map `data[key]` -> task id for every task of the project (paged)."""
        out: dict[str, int] = {}
        for _, items in self.iter_task_pages(project_id, page_size=page_size, fields="task_only"):
            for task in items:
                value = (task.get("data") or {}).get(key)
                if value is not None:
                    out[str(value)] = int(task["id"])
        return out

    def delete_task(self, task_id: int) -> None:
        self._call(f"deleting task {task_id}", self.sdk.tasks.delete, id=task_id)

    # -- annotations and users --------------------------------------------------------------
    def create_annotation(self, task_id: int, result: list[dict[str, Any]], *, completed_by: int | None = None) -> int:
        kwargs: dict[str, Any] = {"result": result}
        if completed_by is not None:
            kwargs["completed_by"] = completed_by
        ann = self._call(f"annotating task {task_id}", self.sdk.annotations.create, id=task_id, **kwargs)
        return int(ann.id)

    def create_user(self, email: str) -> int:
        user = self._call(f"creating user {email}", self.sdk.users.create, email=email, username=email)
        return int(user.id)

    def user_email(self, user_id: int | None) -> str | None:
        """Annotations carry a user id; records store the reviewer's e-mail (cached lookups)."""
        if user_id is None:
            return None
        if user_id not in self._emails:
            users = self._call("listing users", lambda: list(self.sdk.users.list()))
            for user in users:
                self._emails[int(user.id)] = str(user.email or user.username or user.id)
        return self._emails.get(user_id, str(user_id))
