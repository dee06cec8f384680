from __future__ import annotations

import re

import pytest

from mediscope.record import Turn
from mediscope.stages.filters.phi import BASELINE_KEY, PhiBaselineStage, hit_hash
from mediscope.stages.filters.reasons import FilterReason as R
from mediscope.stages.filters.rules import QualityFilterStage

from .conftest import ZH_DIALOGUE, make_record

PHONE = re.compile(r"1[3-9]\d{9}")


def phone_analyzer(text, lang):
    return [{"start": m.start(), "end": m.end(), "entity_type": "PHONE_NUMBER", "score": 0.9}
            for m in PHONE.finditer(text)]


def test_baseline_ignores_surrogates_but_catches_new_phi():
    # A "surrogate" phone left by de-identification, then carried into a later turn by expansion.
    rec = make_record([ZH_DIALOGUE[0], ("doctor", "已记录您的电话13911112222，请保持畅通。")], rid="a", case_id="c1")
    baseline = PhiBaselineStage(analyzer=phone_analyzer)
    assert len(baseline([rec]).kept) == 1
    assert rec.meta[BASELINE_KEY] == [hit_hash("c1", "13911112222")]
    assert "13911112222" not in str(rec.meta)  # only hashes are stored

    rec.turns += [Turn(role="patient", text="好的，13911112222 这个号码白天都能接通。"),
                  Turn(role="doctor", text="好的，有情况随时联系。")]
    leaked = rec.model_copy(deep=True)
    leaked.id = "b"
    leaked.turns[-1] = Turn(role="doctor", text="有情况打我手机13800001111。")

    stage = QualityFilterStage({"residual_phi": {"min_score": 0.5}}, analyzer=phone_analyzer)
    res = stage([rec, leaked])
    assert [r.id for r in res.kept] == ["a"]
    assert [(j.record_id, j.reason) for j in res.rejected] == [("b", R.RESIDUAL_PHI)]
    assert "turns[3].text" in res.rejected[0].detail


def test_baseline_is_salted_by_case():
    assert hit_hash("c1", "13911112222") != hit_hash("c2", "13911112222")
    assert hit_hash("c1", "139 1111 2222") == hit_hash("c1", "13911112222")


def test_without_baseline_every_hit_counts():
    rec = make_record([ZH_DIALOGUE[0], ("doctor", "已记录您的电话13911112222，请保持畅通。")])
    res = QualityFilterStage({}, analyzer=phone_analyzer)([rec])
    assert [j.reason for j in res.rejected] == [R.RESIDUAL_PHI]


def test_baseline_skips_records_that_did_not_pass_deid():
    rec = make_record(ZH_DIALOGUE, deid="failed")
    PhiBaselineStage(analyzer=phone_analyzer)([rec])
    assert BASELINE_KEY not in rec.meta


@pytest.mark.slow
def test_real_deidentifier_then_residual_check():
    """The project's own de-identifier and analyzer (Presidio + jieba), no injection."""
    from mediscope.stages.registry import resolve_stage

    deid = resolve_stage("deid")()
    rec = make_record(
        [("patient", "医生您好，我的手机号是13912345678，最近三天一直咳嗽，晚上咳得睡不着。"),
         ("doctor", "您好，咳嗽有痰吗？有没有发热？建议先做个血常规检查。")],
        rid="real", case_id="case-real", deid="pending",
    )
    out = deid([rec])
    assert len(out.kept) == 1, [j.detail for j in out.rejected]
    rec = out.kept[0]
    assert "13912345678" not in rec.turns[0].text
    PhiBaselineStage()([rec])
    assert rec.meta[BASELINE_KEY], "the surrogate phone number should be in the baseline"
    clean = QualityFilterStage({})([rec])
    assert len(clean.kept) == 1, [j.detail for j in clean.rejected]

    leaked = rec.model_copy(deep=True)
    leaked.id = "real-leak"
    leaked.turns[1] = Turn(role="doctor", text="您好，有问题请拨打我的手机13800138000，建议先做个血常规检查。")
    res = QualityFilterStage({})([leaked])
    assert [j.reason for j in res.rejected] == [R.RESIDUAL_PHI]
