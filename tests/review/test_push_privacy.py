"""Review push and the privacy gate: nothing un-de-identified reaches a non-local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediscope.record import DeidStatus
from mediscope.review.push import is_loopback_url, push_records

from .conftest import dialogue_record


@pytest.mark.parametrize(
    ("url", "loopback"),
    [("http://127.0.0.1:8080", True), ("http://localhost:8080/", True), ("http://127.5.0.1", True),
     ("http://[::1]:8080", True), ("https://ls.hospital.example", False), ("http://10.0.0.5:8080", False),
     ("http://127.0.0.1.example.com", False)],
)
def test_loopback_detection(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback


@pytest.mark.slow
def test_gate_keeps_unpassed_records_off_the_server(ls_server, client, tmp_path: Path) -> None:  # noqa: ANN001
    canary = "卡纳利患者13800007777"
    passed = dialogue_record(1)
    passed.deid.status = DeidStatus.passed
    pending = dialogue_record(2)
    pending.turns[0].text += canary
    failed = dialogue_record(3)
    failed.deid.status = DeidStatus.failed
    failed.turns[0].text += canary
    summary = push_records(client, [passed, pending, failed], kind="dialogue", state_path=tmp_path / "s.json",
                           project_title="gate", require_deid=True)
    assert summary.created == 1
    assert sorted(rid for rid, _ in summary.failed) == sorted([failed.id, pending.id])
    assert all(why.startswith("not_deidentified") for _, why in summary.failed)
    exported = json.dumps(client.sdk.projects.exports.as_json(summary.project_id), ensure_ascii=False, default=str)
    assert passed.turns[0].text in exported and "13800007777" not in exported and "卡纳利" not in exported
