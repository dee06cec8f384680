"""Counterpart generation through the real openai client against a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.testing import ChatServer
from mediscope.train.config import CounterpartsSettings
from mediscope.train.counterparts import add_counterparts
from mediscope.train.data import load_published


def _answer(body):
    """Each model answers with its own name and the patient's last words, so tests can trace it."""
    last = body["messages"][-1]["content"]
    text = last if isinstance(last, str) else " ".join(p.get("text", "") for p in last if p["type"] == "text")
    return f"{body['model']} says: re {text}"


def settings(base_url: str, cache: Path, k: int = 3) -> CounterpartsSettings:
    return CounterpartsSettings(
        models=[{"name": f"cp{j}", "model": f"model-{j}", "base_url": base_url} for j in range(k)],
        concurrency=4,
        cache_dir=str(cache),
    )


def test_counterparts_column_written_for_every_row(mm_dataset: Path, tmp_path: Path):
    with ChatServer(responder=_answer) as server:
        counts = add_counterparts(
            mm_dataset, tmp_path / "out", settings(server.base_url, tmp_path / "cache"),
            splits=("train", "validation"), show_progress=False,
        )
        n_requests = len(server.requests)
        bodies = server.bodies
    assert counts == {"train": 8, "validation": 2}
    assert n_requests == (8 + 2) * 3
    out = load_published(tmp_path / "out", "train")
    src = load_published(mm_dataset, "train")
    assert out["id"] == src["id"] and out["messages"] == src["messages"]
    row = out[0]
    assert [c["model"] for c in row["counterparts"]] == ["cp0", "cp1", "cp2"]
    assert row["counterparts"][1]["response"] == "model-1 says: re 两周了。"
    # the prompt stops before the last doctor turn, and the image travels inline on its turn
    first_user = next(m for m in bodies[0]["messages"] if m["role"] == "user")
    assert first_user["content"][0]["type"] == "image_url"
    assert first_user["content"][0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert bodies[0]["messages"][-1]["role"] == "user"
    assert (tmp_path / "out" / "README.md").is_file()


def test_rerun_is_served_from_cache_and_text_only_mode(mm_dataset: Path, tmp_path: Path):
    with ChatServer(responder=_answer) as server:
        cfg = settings(server.base_url, tmp_path / "cache", k=2)
        add_counterparts(mm_dataset, tmp_path / "a", cfg, splits=("test",), show_progress=False)
        first = len(server.requests)
        add_counterparts(mm_dataset, tmp_path / "b", cfg, splits=("test",), show_progress=False)
        assert len(server.requests) == first  # resumed from the cache, nothing re-asked
        add_counterparts(mm_dataset, tmp_path / "c", cfg, splits=("test",), send_images=False, show_progress=False)
        text_only = server.bodies[-1]["messages"]
    assert all(isinstance(m["content"], str) for m in text_only)
    assert any("[image]" in m["content"] for m in text_only)


def test_bad_configuration_is_refused(mm_dataset: Path, tmp_path: Path):
    with pytest.raises(ValueError, match="no counterpart models"):
        add_counterparts(mm_dataset, tmp_path / "o", CounterpartsSettings(), show_progress=False)
    dup = CounterpartsSettings(models=[{"name": "a", "model": "x"}, {"name": "a", "model": "y"}])
    with pytest.raises(ValueError, match="unique"):
        add_counterparts(mm_dataset, tmp_path / "o", dup, show_progress=False)
    with pytest.raises(ValueError, match="differ"):
        add_counterparts(mm_dataset, mm_dataset, settings("http://127.0.0.1:9/v1", tmp_path), show_progress=False)
