"""Shared test fixtures. Area-specific fixtures live in the tests/<area>/conftest.py files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Presidio's e-mail recognizer uses tldextract, which would fetch the public-suffix list.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# LLM responses are cached by content; tests that do not pass a cache_dir must never read answers
# cached by an earlier run in the working tree, so the default cache is a fresh folder per session.
os.environ["MEDISCOPE_LLM_CACHE_DIR"] = tempfile.mkdtemp(prefix="mediscope-llm-cache-")

REPO = Path(__file__).resolve().parents[1]


def _shared_data() -> Path:
    env = os.environ.get("MEDISCOPE_SHARED_DATA")
    if env:
        return Path(env)
    return REPO.parent / "shared" / "data"


SHARED_DATA = _shared_data()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public samples (read-only). Tests that need them fail loudly if absent."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"shared sample data not found at {SHARED_DATA}; set MEDISCOPE_SHARED_DATA")
    return SHARED_DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO
