"""Chinese shapes of the seventh round: an age over 89 takes its unit along (91岁, 九十四岁), 九旬
(in the nineties) is an age; each with the look-alikes that must stay text."""

from __future__ import annotations

import pytest


def _of(found, text: str, kind: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我妈今年91岁了 这两天一直咳", "91岁"),
        ("3床乌兰图雅（蒙古族），九十四岁，今晨血压156/88mmHg", "九十四岁"),
        ("死者姓名：尼玛卓玛  年龄：93岁\n死亡日期：", "93岁"),
        ("11床 冯老太 99岁 夜间烦躁", "99岁"),
        ("患者男，102周岁，跌倒后髋部疼痛", "102周岁"),
        ("老人90多岁，", "90"),  # an approximate age keeps the bare number
        ("患者段木兰，九旬老人，近一周黑便", "九旬"),
        ("老人年逾九旬，耳背", "九旬"),
    ],
)
def test_an_age_over_89_takes_its_unit(found, text, value):
    assert value in _of(found, text, "AGE"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["患者男，89岁，咳嗽三天", "本月上旬复查，下旬出院", "第九旬的疗程", "孙子9岁，发热", "服药91天后复查"],
)
def test_ages_up_to_89_and_month_thirds_stay_text(found, text):
    assert not _of(found, text, "AGE"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我们住延吉市 河南街那边", "延吉市 河南街"),
        ("在乌鲁木齐 天山区 解放南路 上班", "天山区 解放南路"),
        ("住址：呼和浩特市赛罕区 大学东街 乌兰小区 3-2-101", "呼和浩特市赛罕区 大学东街 乌兰小区 3-2-101"),
        ("住址：保定市竞秀区东风西路 金色家园 8号楼2单元", "保定市竞秀区东风西路 金色家园 8号楼2单元"),
        ("武汉市洪山区光谷大道 保利清能西海岸 5栋 2单元 1803", "武汉市洪山区光谷大道 保利清能西海岸 5栋 2单元 1803"),
        ("住址：北京市海淀区 科技园路 8号", "北京市海淀区 科技园路 8号"),
    ],
)
def test_an_address_typed_with_spaces_between_its_parts(found, text, value):
    assert value in _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["外科 病区 3床", "转入心内科 病区 3床", "地址：南宁市 隔离区 解放路", "门诊 住院部 3楼"],
)
def test_wards_and_areas_typed_with_spaces_are_no_address_chain(found, text):
    assert not any(" " in v for v in _of(found, text, "LOCATION")), found(text, "zh")
