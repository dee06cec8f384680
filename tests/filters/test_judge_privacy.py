"""The judge-score stage sends record text to an LLM, so it must pass the privacy gate."""

from __future__ import annotations

import json

from mediscope.stages.filters.judge import JudgeScoreStage
from mediscope.testing.chat_server import ChatServer
from mediscope.testing.scripted import absolute_responder

from .conftest import ZH_DIALOGUE, make_record

CANARY = "患者卡纳利九号 电话 13800009999"


def test_records_not_deidentified_never_reach_the_judge(tmp_path):
    leaky = [(role, f"{text} {CANARY}") for role, text in ZH_DIALOGUE]
    pending = make_record(leaky, rid="pending", deid="pending")
    failed = make_record(leaky, rid="failed", deid="failed")
    ok = make_record(ZH_DIALOGUE, rid="ok")
    llm = {"cache_dir": str(tmp_path / "c"), "model": "judge", "max_retries": 0}
    with ChatServer(responder=absolute_responder(lambda dialogue, response: 8.0)) as srv:
        result = JudgeScoreStage({"llm": {**llm, "base_url": srv.base_url}})([pending, ok, failed])
        # Parsed bodies re-serialised without escapes: a \\uXXXX-escaped canary would hide in raw bytes.
        sent = "".join(json.dumps(r.body, ensure_ascii=False) for r in srv.requests)
    assert [r.id for r in result.kept] == ["ok"]
    assert sorted((j.record.id, j.reason) for j in result.rejected) == [
        ("failed", "not_deidentified"), ("pending", "not_deidentified")]
    assert srv.requests and "卡纳利九号" not in sent and "13800009999" not in sent
    assert any(s.name == "judge_mean" for s in ok.quality.scores)
