"""Fixtures for the review tests: a real Label Studio server on 127.0.0.1 and small records.

The server binary comes from scripts/setup_label_studio.sh (or MEDISCOPE_LABEL_STUDIO_BIN). When
it is missing, server tests skip locally but FAIL under CI (the `CI` variable is set), so a CI
that forgot the setup step cannot pass silently. The migrated template data dir is cached under
`.cache/label-studio/` (once, ~30 s); every server then starts from a copy in ~3 s.
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image as PILImage

from mediscope.record import Deid, DeidStatus, Image, Record, Source, Span, Turn


@pytest.fixture(scope="session")
def ls_template() -> Path:
    from mediscope.review.server import LabelStudioNotInstalled, ensure_template

    try:
        return ensure_template()
    except LabelStudioNotInstalled as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Label Studio is required in CI: {exc}")
        pytest.skip(str(exc))


@pytest.fixture
def ls_server(ls_template: Path, tmp_path: Path) -> Iterator:
    """A fresh server per test (its own data dir and document root)."""
    from mediscope.review.server import LabelStudioServer

    server = LabelStudioServer(data_dir=tmp_path / "ls-data", document_root=tmp_path / "docroot")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def client(ls_server):  # noqa: ANN001, ANN201
    from mediscope.review.client import ReviewClient

    return ReviewClient(ls_server.url, ls_server.token, retries=1, backoff=0.1)


def _png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 220, 240)).save(buf, format="PNG")
    return buf.getvalue()


def dialogue_record(i: int, lang: str = "zh") -> Record:
    if lang == "zh":
        turns = [
            Turn(role="patient", text=f"医生您好，我咳嗽{i + 2}天了，晚上更厉害。"),
            Turn(role="doctor", text="有没有发烧？痰是什么颜色的？"),
            Turn(role="patient", text="低烧37.8度，黄痰。"),
            Turn(role="doctor", text="考虑急性支气管炎，建议查血常规。"),
        ]
    else:
        turns = [
            Turn(role="patient", text=f"I have had a cough for {i + 2} days."),
            Turn(role="doctor", text="Any fever? What colour is the sputum?"),
        ]
    return Record(
        id=f"rec-{lang}-{i}",
        source=Source(dataset="test", row=i),
        lang=lang,
        case_id=f"case-{i}",
        turns=turns,
    )


@pytest.fixture
def dialogue_records() -> list[Record]:
    return [dialogue_record(i) for i in range(6)] + [dialogue_record(0, "en")]


@pytest.fixture
def phi_record() -> Record:
    return make_phi_record()


@pytest.fixture
def image_record() -> Record:
    return make_image_record()


def make_phi_record() -> Record:
    """Detection-only output (status pending): spans index the shown text."""
    text = "My name is John Smith and I live in Springfield, call 555-0100."
    spans = [
        Span(field="turns[0].text", start=11, end=21, entity_type="PERSON", score=0.85, recognizer="SpacyRecognizer"),
        Span(field="turns[0].text", start=36, end=47, entity_type="LOCATION", score=0.7, recognizer="SpacyRecognizer"),
    ]
    return Record(
        id="phi-1",
        source=Source(dataset="test"),
        lang="en",
        case_id="c-phi",
        turns=[Turn(role="patient", text=text), Turn(role="doctor", text="Thank you. How long have you had the rash?")],
        deid=Deid(status=DeidStatus.pending, spans=spans, engine="presidio"),
    )


def make_image_record() -> Record:
    data = _png(200, 100)
    import hashlib

    img = Image(id="img0", data=data, sha256=hashlib.sha256(data).hexdigest(), width=200, height=100, format="PNG")
    return Record(
        id="img-1",
        source=Source(dataset="test"),
        lang="zh",
        case_id="c-img",
        turns=[Turn(role="patient", text="这是我的化验单。", images=["img0"])],
        images=[img],
        deid=Deid(
            status=DeidStatus.passed,
            spans=[Span(field="images[0]", start=0, end=0, entity_type="PERSON", score=0.9, recognizer="ocr", operator="redact", box=[10, 10, 60, 30])],
        ),
    )


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
