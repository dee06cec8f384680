from __future__ import annotations

from mediscope.stages.filters.judge import JudgeScoreStage
from mediscope.stages.filters.reasons import FilterReason as R
from mediscope.stages.filters.rules import QualityFilterStage
from mediscope.testing.chat_server import ChatServer, Fault
from mediscope.testing.scripted import absolute_responder, parse_task

from .conftest import ZH_DIALOGUE, make_record


def _llm(server, tmp_path):
    return {"base_url": server.base_url, "model": "judge", "backoff_base": 0.01, "backoff_max": 0.02,
            "max_retries": 1, "cache_dir": str(tmp_path / "llm-cache")}


def test_judge_scores_feed_the_filter_threshold(tmp_path):
    good = make_record(ZH_DIALOGUE, rid="good")
    weak = make_record([*ZH_DIALOGUE[:3], ("doctor", "不知道。")], rid="weak")
    # A real HTTP server speaking the chat-completions protocol; it scores by answer length.
    with ChatServer(responder=absolute_responder(lambda dialogue, response: 9.0 if len(response) > 20 else 2.0)) as srv:
        res = JudgeScoreStage({"llm": _llm(srv, tmp_path)})([good, weak])
        task = parse_task(srv.requests[0].body)
    assert len(res.kept) == 2 and not res.rejected
    assert task["response"] in (ZH_DIALOGUE[3][1], "不知道。")
    scores = {s.name: s.value for s in good.quality.scores}
    assert scores["judge_mean"] == 9.0 and {"judge_accuracy", "judge_language"} <= set(scores)
    filtered = QualityFilterStage({"residual_phi": {"enabled": False}, "scores": {"min_values": {"judge_mean": 6}}})(
        [good, weak])
    assert [r.id for r in filtered.kept] == ["good"]
    assert [j.reason for j in filtered.rejected] == [R.JUDGE_SCORE]


def test_judge_failure_flags_and_keeps_the_record(tmp_path):
    rec = make_record(ZH_DIALOGUE, rid="x")
    with ChatServer(responder=lambda body: Fault.server_error(500)) as srv:
        res = JudgeScoreStage({"llm": _llm(srv, tmp_path)})([rec])
    assert [r.id for r in res.kept] == ["x"] and "judge_error" in rec.quality.flags
    strict = QualityFilterStage({"residual_phi": {"enabled": False},
                                 "scores": {"min_values": {"judge_mean": 6}, "missing": "reject"}})
    assert [j.reason for j in strict([rec]).rejected] == [R.JUDGE_SCORE]
