"""The `deid` stage: passes de-identified records, rejects failures, never passes PHI on."""

from __future__ import annotations

from mediscope.record import DeidStatus, Record, Source, Turn
from mediscope.stages.registry import resolve_stage


def _rec(i: int, text: str, case: str = "c1", status: DeidStatus = DeidStatus.pending) -> Record:
    r = Record(id=f"r{i}", source=Source(dataset="t"), case_id=case, lang="zh", turns=[Turn(role="patient", text=text)])
    r.deid.status = status
    return r


def _stage(deider, **config):
    cls = resolve_stage("deid")
    stage = cls(config)
    stage.ensure_setup()
    stage.engine._pipes = deider._pipes  # share the loaded models across tests
    return stage


def test_stage_alias_and_pass(deider):
    stage = _stage(deider)
    res = stage([_rec(1, "我是张伟，电话13812345678"), _rec(2, "多喝水")])
    assert len(res.kept) == 2 and not res.rejected
    a, b = res.kept
    assert a.deid.status == DeidStatus.passed and "13812345678" not in a.turns[0].text
    assert {s.entity_type for s in a.deid.spans} >= {"PERSON", "PHONE_NUMBER"}
    assert all(s.field == "turns[0].text" for s in a.deid.spans)
    assert b.deid.status == DeidStatus.passed and b.deid.spans == [] and b.turns[0].text == "多喝水"
    assert a.provenance[-1].stage == "deid"


def test_stage_rejects_on_engine_failure(deider, monkeypatch):
    stage = _stage(deider)

    def boom(record):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(stage.engine, "_build_record", lambda *a: boom(None))
    res = stage([_rec(1, "我是张伟")])
    assert not res.kept and len(res.rejected) == 1
    rej = res.rejected[0]
    assert rej.reason == "deid_failed" and rej.stage == "deid" and rej.record.deid.status == DeidStatus.failed


def test_stage_rejects_when_verification_fails(deider, monkeypatch):
    from mediscope.deid.types import DeidResult

    stage = _stage(deider)
    monkeypatch.setattr(stage.engine, "apply", lambda text, spans, lang, factory: DeidResult(text, spans, lang))
    res = stage([_rec(1, "电话13812345678"), _rec(2, "多喝水")])
    assert [r.id for r in res.kept] == ["r2"]
    assert res.rejected[0].reason == "deid_failed" and "survived" in res.rejected[0].detail


def test_stage_passed_records_are_skipped_unless_recheck(deider):
    done = _rec(1, "张伟电话13812345678", status=DeidStatus.passed)
    res = _stage(deider)([done])
    assert res.kept[0].turns[0].text == "张伟电话13812345678"
    res = _stage(deider, recheck=True)([done])
    assert "13812345678" not in res.kept[0].turns[0].text


def test_stage_rejects_records_marked_failed(deider):
    res = _stage(deider)([_rec(1, "x", status=DeidStatus.failed)])
    assert res.rejected[0].reason == "deid_failed"


def test_bad_stage_config_fails_at_load():
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        resolve_stage("deid")({"threshold": 0.3})
    with pytest.raises(ValidationError):
        resolve_stage("deid")({"operators": {"PERSON": "scramble"}})


def test_stage_replaces_a_cue_less_name_and_can_turn_the_tagger_off():
    """The stage's `zh_statistical_ner` reaches the engine: on (default) the LAC-confirmed name is
    replaced; off, only the rule recognizers run and the bare name stays."""
    text = "冯铁柱说他昨天开始头痛"
    for on in (True, False):
        cls = resolve_stage("deid")
        stage = cls({"zh_statistical_ner": on})
        stage.ensure_setup()
        assert stage.engine.config.zh_statistical_ner is on
        res = stage([_rec(1, text)])
        (rec,) = res.kept
        assert ("冯铁柱" not in rec.turns[0].text) is on
        assert rec.deid.status == DeidStatus.passed
