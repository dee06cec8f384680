"""The privacy gate itself: status, images, and the client entry point used by stages."""

from __future__ import annotations

import asyncio

import pytest

from mediscope.llm.client import LLMClient
from mediscope.llm.config import LLMConfig
from mediscope.llm.privacy import PrivacyGateError, messages_have_images, require_deidentified
from mediscope.record import Deid, Image, ProvenanceEntry, Record, Source, Turn
from mediscope.testing.chat_server import ChatServer


def record(status: str = "passed", image_deid: bool = False) -> Record:
    img = Image(id="i1", data=b"\x89PNG", sha256="0" * 64, width=1, height=1)
    rec = Record(id="r", source=Source(dataset="t"), case_id="c", deid=Deid(status=status), images=[img],
                 turns=[Turn(role="patient", text="看看这张照片", images=["i1"])])
    if image_deid:
        rec.provenance.append(ProvenanceEntry(stage="image_deid", version="1", config_hash="h"))
    return rec


IMAGE_MESSAGES = [{"role": "user", "content": [{"type": "text", "text": "x"},
                                               {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]


def test_gate_rules() -> None:
    require_deidentified(record())  # text only: status passed is enough
    require_deidentified(record(image_deid=True), with_images=True)
    with pytest.raises(PrivacyGateError, match="image de-identification"):
        require_deidentified(record(), with_images=True)
    with pytest.raises(PrivacyGateError, match="'pending'"):
        require_deidentified(record("pending", image_deid=True), with_images=True)
    assert messages_have_images(IMAGE_MESSAGES)
    assert not messages_have_images([{"role": "user", "content": "text only"}])


def test_client_refuses_images_that_skipped_image_deid(tmp_path) -> None:
    with ChatServer() as server:
        client = LLMClient(LLMConfig(base_url=server.base_url, model="m", max_retries=0, cache_dir=str(tmp_path)))
        with pytest.raises(PrivacyGateError):
            asyncio.run(client.complete_for_record(record(), IMAGE_MESSAGES))
        assert not server.requests
        asyncio.run(client.complete_for_record(record(image_deid=True), IMAGE_MESSAGES))
        assert len(server.requests) == 1
