"""Chinese shapes of the fifteenth round: a surname alone after a cue that closes its field
(值班医生：翟  交班时间), a surname before a title after a word that ends in another surname
(缴费人温先生), the title after a role's surname stays text (术者海主任); and clinical words
that open with a surname character stay whole (左膝, 甘精胰岛素, 乳腺癌)."""

from __future__ import annotations

import pytest


def _of(found, text: str, kind: str = "PERSON") -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("出院小结  经治医师：钟  联系电话：0571-8765 4321", "钟"),
        ("夜班护士：岑  交接时间：4月2日 07:30", "岑"),
        ("病人祁，既往高血压十年，规律服药", "祁"),
        ("收费员：臧\n日期：2026年5月1日", "臧"),
        ("我是门诊医生巫，您的检查结果已出", "巫"),
    ],
)
def test_a_lone_surname_after_a_cue_is_a_name(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "患者高，血压控制欠佳",
        "谢谢王，",
        "主治医师：请上级会诊",
        "患者于今日出院",
        "值班医生：无特殊",
    ],
)
def test_no_lone_surname_where_none_is_meant(found, text):
    assert not {v for v in _of(found, text) if len(v) == 1}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("挂号费人宁女士已退款", "宁"),
        ("陪护人甄先生今晚留院", "甄"),
        ("门诊茆女士来电咨询", "茆"),
    ],
)
def test_a_surname_before_a_title_after_another_word(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    ("text", "value", "not_value"),
    [
        ("一助：鲍主任  术者：池主任", "池", "池主任"),
        ("主刀：项主任，手术顺利", "项", "项主任"),
    ],
)
def test_a_role_cue_takes_the_surname_not_the_title(found, text, value, not_value):
    names = _of(found, text)
    assert value in names and not_value not in names


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("患者男，35岁，跑步时扭伤右踝，X线未见骨折", "右踝"),
        ("家属诉患者摔倒后左肘肿痛", "左肘"),
        ("患者每日注射门冬胰岛素 8u，餐前", "门冬胰岛素"),
        ("患儿昨日接种百白破疫苗，今日低热", "百白破疫苗"),
        ("患者伍丽珍乳腺癌术后三年，复查", "乳腺癌"),
    ],
)
def test_clinical_words_opened_by_a_surname_stay_text(found, text, kept):
    for _t, v in found(text, "zh"):
        assert v not in kept and kept not in v, (v, kept)
