"""Eighteenth round of Chinese recall: names that cue words vouch for though they are words or lack a
surname (a clinician's role before the name or the surname alone, a speaker's vocative, a patient's
given name alone, a family's pet name, Hong Kong romanisation), and names and record numbers in the
columns of a labelled table. Every positive uses strings found in no data file; the negatives are
look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


@pytest.mark.parametrize(
    "text, name",
    [
        # a clinician's role, a name that is a word, then a ward act or a colon
        ("主治医师田野查房：患者术后第2天，切口干燥。", "田野"),
        ("值班医生时雨：9床凌晨血压偏低，已补液。", "时雨"),
        ("管床医生钟鸣会诊后建议继续观察。", "钟鸣"),
        # a role and the surname alone
        ("护士长司马说明天病区大扫除。", "司马"),
        ("药师隗：此药需避光保存。", "隗"),
        ("医生郦：你这个片子没大问题。", "郦"),
        # a vocative right after a speaker's label
        ("医生：远航，你今天空腹来抽血了吗？\n患者：来了。", "远航"),
        ("护士：秀梅，把袖子挽起来，要扎针了。", "秀梅"),
        # a patient called by the given name alone
        ("患者婉婷今日体温正常，继续口服抗生素。", "婉婷"),
        ("患儿浩轩昨晚呕吐两次，予补液。", "浩轩"),
        # a family's pet name, a doubled pet name opening a line, a parent's label
        ("我们家壮壮今年4岁，老是流鼻血怎么办？", "壮壮"),
        ("我家跳跳最近总说肚子痛。", "跳跳"),
        ("果果的体温今天还是38度多。", "果果"),
        ("乐乐妈妈：医生，他今天又咳嗽了。", "乐乐"),
        # Hong Kong romanised names
        ("病人姓名：Cheung Wing-kei　性別：女", "Cheung Wing-kei"),
        ("轉介醫生 Tsang Chi-ho 醫生建議覆診。", "Tsang Chi-ho"),
    ],
)
def test_cued_names_are_found(text: str, name: str) -> None:
    assert any(name in f for f in _found(text, "PERSON")), _found(text)


def test_table_columns_under_name_and_record_headers() -> None:
    text = "| 床号 | 姓名 | 住院号 | 诊断 |\n|---|---|---|---|\n| 21 | 云朵 | 6630418 | 胃溃疡 |\n| 22 | 白鸽 | 6630502 | 肺炎 |"
    found = _found(text)
    for value in ("云朵", "6630418", "白鸽", "6630502"):
        assert value in found, found
    assert "胃溃疡" not in found and "肺炎" not in found and "21" not in found


@pytest.mark.parametrize(
    "text",
    [
        "医生常说高血压要长期服药。",
        "护士长说今晚加床要报备。",
        "医生所说的注意事项请牢记。",
        "医生都说这个病能控制住。",
        "医生：好的，你明天空腹来。",
        "医生：现在，你先躺下。",
        "护士：阿姨，你把袖子卷起来。",
        "患者自诉头晕，无恶心。",
        "患者神清，精神可，饮食正常。",
        "常常的头痛要警惕高血压。",
        "慢慢的症状就减轻了。",
        "我们家附近有药店吗？",
        "值班医生及时查看患者，予吸氧。",
        "| 项目 | 结果 | 参考值 |\n| 白细胞 | 6.5 | 4-10 |",
        "口服Co-trimoxazole 2片 bid。",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert _found(text, "PERSON") == [] and _found(text, "MEDICAL_RECORD_NUMBER") == [], _found(text)


def test_key_value_rows_are_no_header() -> None:
    # |label|value|label|value| rows name no columns: the next row's labels stay text
    text = "|姓名|岳明远|性别|男|\n|出生|1948-06-02|年龄|77|\n|电话|13311112222|科室|骨科|"
    found = _found(text, "PERSON")
    assert "出生" not in found and "电话" not in found, found


@pytest.mark.parametrize(
    "text, name",
    [
        # name, sex and age in a row vouch for a word or a surname-less name
        ("门诊记录：春分，女，7岁，发热2天。", "春分"),
        ("患儿远山（男，4岁）因腹泻入院。", "远山"),
        # a name and only the age in brackets, opening a field
        ("回访：柏和顺（93岁）于昨日出院。", "柏和顺"),
        # whom the note told: a role after a verb of notifying, then the name up to the pause
        ("已电话通知值班护士蓝天。", "蓝天"),
        ("已告知主治医生洪流，暂不处理。", "洪流"),
    ],
)
def test_shape_vouched_names(text: str, name: str) -> None:
    assert name in _found(text, "PERSON"), _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "口腔，女，5岁，吃饭时咬到舌头。",
        "腹痛，男，45岁，急诊就诊。",
        "已通知医生及时，患者好转。",
        "已电话通知值班医生。",
    ],
)
def test_shape_look_alikes_stay(text: str) -> None:
    assert _found(text, "PERSON") == [], _found(text)


def test_neighbourhood_after_live_in() -> None:
    assert "天通苑" in _found("我们住天通苑，来一趟要两小时。", "LOCATION")
    for text in ("我住院三天，好多了。", "我们住一起，方便照顾。", "他住楼上，常来串门。"):
        assert _found(text, "LOCATION") == [], (text, _found(text))


def test_triple_after_patient_cue_takes_a_time_word_name() -> None:
    # after 患者 and before a sex and an age even a time word (前进) is the name
    assert "前进" in _found("随访记录\n患者前进，男，15岁，1型糖尿病。", "PERSON")
    for text in ("患者神清，男，60岁。", "患者纳差，女，70岁。"):
        assert _found(text, "PERSON") == [], (text, _found(text))


def test_road_in_dao_before_a_house_number() -> None:
    # 道 ends a road before a house number, with no address label before the line
    found = _found("复查通知\n广东省珠海市香洲区情侣南道36号\n请按时来院。", "LOCATION")
    assert any("情侣南道36号" in f for f in found), found
    # 街道 is a subdistrict, no road: its building 15号楼 is the address's tail, never a house number 15号
    found = _found("成都市武侯区玉林街道15号楼", "LOCATION")
    assert not any(f.endswith("街道15号") for f in found), found
    assert "成都市武侯区玉林街道15号楼" in found, found


def test_vocative_with_rural_given_name_and_place_before_a_building() -> None:
    assert "桂花" in _found("护士：桂花，把药吃了再睡。", "PERSON")
    assert "亚运村" in _found("我们暂住亚运村CBD那边的酒店。", "LOCATION")


def test_family_pet_name_that_is_a_rare_noun() -> None:
    assert "糖豆" in _found("我家糖豆这两天拉肚子。", "PERSON")
    for text in ("我家爸妈今年都七十多了。", "我家附近有诊所吗？", "我家老人最近血压高。"):
        assert _found(text, "PERSON") == [], (text, _found(text))


def test_ward_list_rows_name_the_patient() -> None:
    text = "夜班交接\n2床 蔡琳 肺部感染 体温37.9\n4床 昆仑 术后第2天 引流少\n6床 出院 待办手续"
    found = _found(text, "PERSON")
    assert "昆仑" in found, found
    assert "出院" not in found and "肺部感染" not in found, found
    assert "昆仑" not in _found("4床 昆仑 术后第2天 引流少", "PERSON")  # one line is no list
