"""ExpandStage through the real client and loopback server."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image as PILImage

from mediscope.llm import LLMConfig
from mediscope.llm.client import InvalidAnswer
from mediscope.llm.schemas import DialogueAnswer
from mediscope.record import Deid, Image, ProvenanceEntry, Record, Report, Source, Turn
from mediscope.stages.expand.checks import check_dialogue, detect_lang
from mediscope.stages.expand.stage import ExpandStage
from mediscope.stages.expand.turns import DEFAULT_BINS, sample_turns
from mediscope.stages.registry import resolve_stage
from mediscope.testing import ChatServer, Fault, expand_responder, parse_task, scripted_dialogue


def png(color: str = "red") -> Image:
    buf = io.BytesIO()
    PILImage.new("RGB", (8, 6), color).save(buf, format="PNG")
    data = buf.getvalue()
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    return Image(id=sha[:12], data=data, sha256=sha, width=8, height=6, format="PNG")


def consultation(
    rid: str = "c1", status: str = "passed", text: str = "我最近咳嗽，有点发热。", **kw
) -> Record:
    return Record(
        id=rid,
        source=Source(dataset="test"),
        case_id=f"case-{rid}",
        lang=kw.pop("lang", "zh"),
        kind=kw.pop("kind", "consultation"),
        turns=kw.pop(
            "turns", [Turn(role="patient", text=text), Turn(role="doctor", text="建议多喝水，注意休息。")]
        ),
        deid=Deid(status=status),
        **kw,
    )


def stage_for(server: ChatServer, tmp_path: Path | None = None, **cfg: object) -> ExpandStage:
    llm = LLMConfig(
        base_url=server.base_url,
        model="expander",
        backoff_base=0.01,
        backoff_max=0.02,
        max_retries=2,
        cache_dir=str(tmp_path / "cache") if tmp_path else None,
    )
    return ExpandStage({"llm": llm, **cfg})


def test_alias_resolves_to_stage() -> None:
    assert resolve_stage("expand") is ExpandStage


def test_expands_chinese_consultation_with_images_on_patient_turn(tmp_path: Path) -> None:
    img1, img2 = png("red"), png("blue")
    rec = consultation(
        images=[img1, img2],
        turns=[
            Turn(role="patient", text="医生您好，这是我的化验单。", images=[img1.id]),
            Turn(role="doctor", text="指标基本正常。"),
            Turn(role="patient", text="还有胸片。", images=[img2.id]),
            Turn(role="doctor", text="胸片未见异常。"),
        ],
    )
    with ChatServer(responder=expand_responder()) as server:
        stage = stage_for(server, tmp_path)
        result = stage([rec])
    assert len(result.kept) == 1 and not result.rejected
    out = result.kept[0]
    task = parse_task(server.requests[0].body)
    assert task["language"] == "zh" and task["source_kind"] == "consultation"
    assert [i["index"] for i in task["images"]] == [0, 1]
    assert abs(len(out.turns) - task["target_turns"]) <= 2
    assert [t.role for t in out.turns][:2] == ["patient", "doctor"]
    assert out.turns[0].images == [img1.id, img2.id]
    assert all(not t.images for t in out.turns[1:])
    assert out.kind == "dialogue" and out.lang == "zh" and detect_lang(out.turns[0].text) == "zh"
    assert out.meta["expand"]["prompt"].startswith("expand_consultation.v1@")
    assert out.meta["expand"]["cached"] is False and out.meta["expand"]["prompt_tokens"] > 0
    note = out.provenance[-1].note
    assert (
        out.provenance[-1].stage == "expand"
        and "expand_consultation.v1@" in note
        and "model=expander" in note
    )
    body = server.requests[0].body
    assert body["response_format"]["json_schema"]["name"] == "dialogue"


def test_english_report_uses_report_prompt(tmp_path: Path) -> None:
    rec = consultation(
        rid="r1",
        lang="en",
        kind="report",
        turns=[],
        reports=[Report(kind="lab", text="WBC 12.1 x10^9/L (high). CRP 35 mg/L (high).")],
    )
    with ChatServer(responder=expand_responder()) as server:
        result = stage_for(server, tmp_path)([rec])
    assert len(result.kept) == 1
    assert "medical report" in server.requests[0].messages[0]["content"]
    assert parse_task(server.requests[0].body)["language"] == "en"
    assert result.kept[0].lang == "en"


def test_privacy_canary_nothing_unreviewed_reaches_the_server(tmp_path: Path) -> None:
    canaries = ["CANARY-张伟-13800138000", "CANARY-John-Q-Public-555-0199", "CANARY-身份证110101199001011234"]
    records = [
        consultation("p1", status="pending", text=f"我叫{canaries[0]}，咳嗽三天。"),
        consultation("p2", status="failed", lang="en", text=f"I am {canaries[1]}, chest pain."),
        consultation("p3", status="pending", text="头痛", reports=[Report(kind="lab", text=canaries[2])]),
        consultation(
            "ok", status="passed", text="咳嗽三天，<PERSON>让我来问问。", meta={"secret_note": "CANARY-meta"}
        ),
    ]
    with ChatServer(responder=expand_responder()) as server:
        result = stage_for(server, tmp_path)(records)
    assert len(server.requests) == 1  # only the passed record was sent
    sent = "".join(r.text for r in server.requests)
    for canary in canaries + ["CANARY"]:
        assert canary not in sent and json.dumps(canary)[1:-1] not in sent
    assert [r.reason for r in result.rejected] == ["not_deidentified"] * 3
    assert [r.id for r in result.kept] == ["ok"]


def test_invalid_answers_are_retried_then_rejected() -> None:
    def doctor_first(task: dict, answer: dict) -> dict:
        answer["turns"][0]["role"] = "doctor"
        return answer

    with ChatServer(responder=expand_responder(doctor_first)) as server:
        stage = stage_for(server)
        stage.config.llm.max_invalid_retries = 2
        result = stage([consultation()])
    assert len(server.requests) == 3
    assert [r.reason for r in result.rejected] == ["llm_invalid_output"]
    assert "alternate" in result.rejected[0].detail
    # the re-ask told the model what was wrong
    assert "roles must alternate" in server.requests[1].messages[-1]["content"]


def test_invalid_then_valid_is_kept() -> None:
    with ChatServer(responder=expand_responder()) as server:
        server.script({"turns": [{"role": "patient", "text": "hi", "images": [5]}]})
        result = stage_for(server)([consultation()])
    assert len(result.kept) == 1 and len(server.requests) == 2


def test_unavailable_endpoint_rejects_without_losing_records() -> None:
    with ChatServer(responder=expand_responder()) as server:
        server.inject(Fault.server_error(503), times=100)
        result = stage_for(server)([consultation("a"), consultation("b")])
    assert sorted(r.reason for r in result.rejected) == ["llm_unavailable"] * 2
    assert {r.record.id for r in result.rejected} == {"a", "b"}


def test_rerun_is_answered_from_cache(tmp_path: Path) -> None:
    records = [consultation(f"r{i}") for i in range(5)]
    with ChatServer(responder=expand_responder()) as server:
        first = stage_for(server, tmp_path)([r.model_copy(deep=True) for r in records])
        n = len(server.requests)
        second = stage_for(server, tmp_path)([r.model_copy(deep=True) for r in records])
    assert n == 5 and len(server.requests) == 5
    assert [r.turns for r in first.kept] == [r.turns for r in second.kept]


def test_record_without_text_is_rejected() -> None:
    rec = consultation("empty", turns=[])
    with ChatServer() as server:
        result = stage_for(server)([rec])
    assert [r.reason for r in result.rejected] == ["nothing_to_expand"] and not server.requests


def test_turn_distribution_follows_paper_shape() -> None:
    lengths = [sample_turns(DEFAULT_BINS, f"id{i}", seed=3) for i in range(20000)]
    frac_6_10 = sum(6 <= n <= 10 for n in lengths) / len(lengths)
    frac_over_20 = sum(n > 20 for n in lengths) / len(lengths)
    assert abs(frac_6_10 - 0.41) < 0.02 and abs(frac_over_20 - 0.06) < 0.01
    assert sample_turns(DEFAULT_BINS, "x", 1) == sample_turns(DEFAULT_BINS, "x", 1)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["turns"].pop(), "end with the doctor"),
        (lambda d: [d["turns"][i].update(text="好的。") for i in (1, 3)], "ask about missing history"),
        (lambda d: d["turns"][1].update(images=[0]), "shown by the patient"),
        (lambda d: d["turns"][0].update(images=[0, 0]), "exactly once"),
        (
            lambda d: d["turns"][2].update(text="This turn is written entirely in English words."),
            "written in en",
        ),
        (lambda d: d["turns"].extend(d["turns"][-2:] * 3), "write 6"),
    ],
)
def test_semantic_checks(mutate, message: str) -> None:
    answer = scripted_dialogue(6, "zh", n_images=1)
    check_dialogue(DialogueAnswer.model_validate(answer), target_turns=6, tolerance=2, n_images=1, lang="zh")
    mutate(answer)
    with pytest.raises(InvalidAnswer, match=message):
        check_dialogue(
            DialogueAnswer.model_validate(answer), target_turns=6, tolerance=2, n_images=1, lang="zh"
        )


@pytest.mark.parametrize("send_images", [False, True])
def test_images_sent_only_when_configured(send_images: bool) -> None:
    img = png("green")
    rec = consultation(
        kind="image",
        images=[img],
        turns=[],
        reports=[Report(kind="imaging", text="右下肺小片状模糊影。", image=img.id)],
    )
    rec.provenance.append(ProvenanceEntry(stage="image_deid", version="1", config_hash="x"))
    with ChatServer(responder=expand_responder()) as server:
        result = stage_for(server, send_images=send_images)([rec])
    assert len(result.kept) == 1 and result.kept[0].turns[0].images == [img.id]
    content = server.requests[0].messages[1]["content"]
    task = parse_task(server.requests[0].body)
    assert (
        task["source_kind"] == "image" and task["images"][0]["description"] == "image of report 0 (imaging)"
    )
    if send_images:
        assert content[1]["image_url"]["url"].startswith("data:image/png;base64,")
    else:
        assert isinstance(content, str) and "base64" not in server.requests[0].text


def test_images_are_not_sent_without_image_deidentification() -> None:
    """Text de-id sets `passed` but never looks at pixels: images need the image_deid stage."""
    img = png("red")
    rec = consultation(kind="image", images=[img], turns=[],
                       reports=[Report(kind="imaging", text="右下肺小片状模糊影。", image=img.id)])
    with ChatServer(responder=expand_responder()) as server:
        refused = stage_for(server, send_images=True)([rec])
        assert not server.requests
        text_only = stage_for(server, send_images=False)([rec])
    assert [r.reason for r in refused.rejected] == ["not_deidentified"]
    assert "image de-identification" in refused.rejected[0].detail
    assert len(text_only.kept) == 1 and "base64" not in server.requests[0].text
