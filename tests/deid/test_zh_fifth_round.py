"""Chinese shapes from the seventh held-out set's misses, as general rules: days counted with
廿/卅 on their own, county-level and frontier cities, an operation note's assistant; with the
look-alikes that must stay (fruit and jade named after a city, an assistant's actions)."""

from __future__ import annotations

import pytest


def _of(found, text: str, kind: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("换药记录：廿二日上午换药，伤口愈合可。", "廿二日"),  # the day alone, no month
        ("卅日复诊，带齐检查单。", "卅日"),
        ("说好廿五号再来拆线。", "廿五号"),
        ("九月廿一日凌晨发病。", "九月廿一日"),  # month and day: the 日 belongs to the span
    ],
)
def test_nian_sa_days(found, text, value):
    assert value in _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我们在锡林浩特市您看要不要马上去医院", "锡林浩特市"),
        ("老家在格尔木，高原反应明显。", "格尔木"),
        ("他在库尔勒打工，最近咳嗽。", "库尔勒"),
        ("住延吉的姑姑来陪护。", "延吉"),
        ("我们是从二连浩特过来的。", "二连浩特"),
    ],
)
def test_frontier_and_county_cities(found, text, value):
    assert value in _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "买了两斤库尔勒香梨给老人吃。",  # a fruit named after the city
        "夏天吃哈密瓜血糖高了。",
        "戴了个和田玉手镯，过敏起疹。",
    ],
)
def test_products_named_after_cities_stay(found, text):
    assert not _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("术者慕容清，助手赫连博。术式：腹腔镜胆囊切除术。", "赫连博"),  # compound surname, one-character given name
        ("主刀：周建国  助手：王博", "王博"),
        ("第一助手：钱多多，第二助手：孙丽。", "孙丽"),
    ],
)
def test_operation_assistant_names(found, text, name):
    assert name in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "助手扶镜，术者分离胆囊三角。",  # the assistant's action, not a name
        "助手拉钩，暴露术野。",
        "助手协助牵拉胆囊底部。",
        "手术助手机器人辅助完成。",
    ],
)
def test_assistant_actions_stay(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我是@小鹿爱吃草0612 我今年三月查出多囊卵巢综合征", "@小鹿爱吃草0612"),  # no platform word before it
        ("有懂的姐妹吗 主页xhs_lanlan1988", "xhs_lanlan1988"),  # the platform is in the id
        ("加我dy_momo0921私聊", "dy_momo0921"),
    ],
)
def test_handles_without_platform_cue(found, text, value):
    assert value in _of(found, text, "SOCIAL_HANDLE"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "@张医生 请看一下这个化验单。",  # a mention without digits
        "邮箱abc2024@163.com 已发送",  # an email's @
        "口服xhs 2片",  # no underscore id
    ],
)
def test_mentions_and_emails_are_not_handles(found, text):
    assert not _of(found, text, "SOCIAL_HANDLE"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("门诊号M-3308712；宁大爷（宁国栋）高血压3级。", "宁国栋"),  # the given name starts like a city (宁国)
        ("王阿姨(王秀兰)来复查血糖。", "王秀兰"),
    ],
)
def test_full_name_in_brackets_after_title(found, text, name):
    assert name in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("张医生（主治）今天不在。", "主治"),  # a rank in brackets, no repeated surname
        ("王阿姨（王府井附近）来复查。", "王府井附近"),  # longer than a name, ends in a place word
    ],
)
def test_brackets_after_title_without_name(found, text, word):
    assert not any(word in v or v in word and len(v) > 1 for v in _of(found, text, "PERSON")), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电 话 ：１３７ ０７７１ ５５８２ | 地 址 ：南 宁 市 青 秀 区 民 族 大 道 １６６ 号", "南 宁 市 青 秀 区 民 族 大 道 １６６ 号"),
        ("住 址 ：柳 州 市 城 中 区 文 昌 路 ８ 号  科 室 ：内 科", "柳 州 市 城 中 区 文 昌 路 ８ 号"),  # ends at the wide gap
    ],
)
def test_spaced_ocr_address(found, text, value):
    assert value in _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "地 址 ：不 详",  # no admin unit, road or number
        "地 址 ：见 身 份 证  科 室 ：内 科",
    ],
)
def test_spaced_address_label_without_address(found, text):
    assert not _of(found, text, "LOCATION"), found(text, "zh")
