"""The place inside an institution's name is a location (宜昌市中心人民医院 -> 宜昌市).

The hospital, health centre or school someone attended locates them, and Safe Harbor counts every
geographic subdivision below a state. Only the place part is PHI: the rest of the name stays, a
province (or a province-level city) alone stays, and so do the generic words (县医院, 乡卫生院,
社区医院, 本院) and the kinds of area (边远地区, 自治州, 生活区).
"""

from __future__ import annotations

import pytest


def _places(found, text: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("转出医院：宜昌市中心人民医院", "宜昌市"),  # after a form label
        ("随访于林芝市人民医院，病情稳定。", "林芝市"),
        ("昭觉县人民医院转来，诊断重症肺炎。", "昭觉县"),  # opening the text
        ("阿勒泰地区人民医院CT示右肺结节。", "阿勒泰地区"),  # a prefecture
        ("接种单位西江镇卫生院，第2剂。", "西江镇"),  # after a label with no colon
        ("由襄阳市谷城县人民医院转入我院。", "襄阳市谷城县"),  # city and county
        ("2024年2月在凯里市三棵树镇卫生院输液。", "凯里市三棵树镇"),  # city and town
        ("已就诊医院及科室： 威宁县人民医院 神经内科", "威宁县"),  # an OCR'd consultation form
        ("在包头市第三人民医院治疗，效果不好。", "包头市"),  # a gazetteer city with its 市
        ("孩子在谷城县第一中学读书，最近总头痛。", "谷城县第一中学"),  # a school: the whole name (zh_addresses' school tail)
        ("去过翔安区同民医院和厦门市第一医院就诊过", "翔安区"),  # a district; no 过 in the span
        ("去过翔安区同民医院和厦门市第一医院就诊过", "厦门市"),  # no 和 in the span either
        ("在湖南省长沙市第一医院做的手术", "湖南省长沙市"),  # a province before the city goes with it
        ("南宁青秀区人民医院复查", "南宁青秀区"),  # a bare city and its district
        ("在和田地区人民医院住院", "和田地区"),  # a place that opens with 和
        ("我在城关镇卫生院打的针", "城关镇"),
        ("半年前发觉得脸色较黄容易疲劳宝安区人民医院看过", "宝安区"),  # no cue: a known district
        ("头上长了个包，在岷县中医院CT说是骨质破坏", "岷县"),  # a one-character county
        ("武汉大学人民医院复查", "武汉"),  # a university hospital: jieba keeps 武汉大学 whole
        ("已就诊医院及科室： 汕头大学医学院第一附属医院 心理咨询科", "汕头"),
        ("在曼景保村卫生室看过", "曼景保村"),  # a village clinic
        ("又去了石门村卫生所", "石门村"),
        ("在幸福街道社区卫生服务中心建档", "幸福街道"),  # a subdistrict, not 幸福街道社区
        ("在玉林市第一人民医院东院区住院", "玉林市"),  # a hospital's campus is no district
    ],
)
def test_the_place_in_an_institutions_name(found, text, value):
    assert value in _places(found, text), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "湖南省第二人民医院复查，指标正常。",  # a province alone
        "在上海市第六人民医院做的关节镜。",  # a province-level city alone
        "在广西壮族自治区人民医院住院。",  # an autonomous region is state level
        "在社区医院开药，乡卫生院，县医院，本院，市医院，州医院都看过。",  # generic words
        "在当地县医院做了CT，一般县医院都能做。",
        "偏远地区医院条件有限，在边远地区医院也能做。",  # a kind of area, not a prefecture
        "在自治州医院住了三天。",
        "去乡镇卫生院看了，在县人民医院复查。",
        "在生活区中心，在门诊区域中心，在病区中心。",  # areas of a site
        "建议转上级医院，或在三级医院就诊。",
        "我在市场中心上班。",
        "在大城市医院排队太久。",
        "他们市区医院很好，郊区医院一般。",
        "我家乡卫生院只能打针，你去州医院看看。",
        "在北京大学第三医院，四川大学华西医院，中山大学附属第一医院都看过。",  # state level; Sun Yat-sen
        "在农村卫生室，去了本村卫生室，山村诊所。",
    ],
)
def test_generic_institutions_and_areas_name_no_place(found, text):
    assert not _places(found, text), found(text, "zh")


def test_only_the_place_part_is_marked(found):
    """人民医院, 第一中学, 卫生院: the institution's own words survive for the reader."""
    spans = found("患者于临沂市人民医院就诊，后转凯里市三棵树镇卫生院。", "zh")
    assert ("LOCATION", "临沂市") in spans and ("LOCATION", "凯里市三棵树镇") in spans
    assert not [v for _, v in spans if "医院" in v or "卫生院" in v], spans


def test_a_hospital_campus_is_not_part_of_the_place(found):
    spans = found("在玉林市第一人民医院东院区住院", "zh")
    assert not [v for t, v in spans if t == "LOCATION" and "医院" in v], spans


def test_we_and_special_zones_name_no_institution_place(found):
    assert not _places(found, "我市医院条件好，我县人民医院，特区医院，边区医院都去过。")
    assert "贵阳市" in _places(found, "在贵阳市第一人民医院")
