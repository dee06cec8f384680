"""Optional upload of a published folder to the Hugging Face Hub (huggingface_hub)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def push_folder(folder: str | Path, repo_id: str, *, private: bool = True, token: str | None = None,
                api: Any = None, commit_message: str = "Publish MediScope dataset") -> str:
    """Create (if needed) a dataset repo and upload the folder; returns the repo URL.

    Private by default: a medical dataset should be made public by a deliberate act. `api` can
    be any object with HfApi's `create_repo`/`upload_folder` (e.g. one pointed at a mirror).
    """
    if "/" not in repo_id:
        raise ValueError(f"repo id {repo_id!r} must look like 'owner/name'")
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi(token=token)
    url = api.create_repo(repo_id=repo_id, repo_type="dataset", private=private, exist_ok=True)
    api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="dataset",
                      commit_message=commit_message)
    log.info("pushed %s to %s", folder, url)
    return str(url)
