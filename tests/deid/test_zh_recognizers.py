"""Chinese recognizers: identifiers with checksums, phones in every format, names, addresses, dates."""

from __future__ import annotations

import pytest

from mediscope.deid.recognizers.base import cn_id_check_char, cn_id_checksum_ok, luhn_ok

VALID_ID = "11010119900307451" + cn_id_check_char("11010119900307451")


def _bad_checksum(valid: str) -> str:
    last = "0" if valid[-1] != "0" else "1"
    return valid[:-1] + last


def test_id_checksum_function():
    assert cn_id_checksum_ok(VALID_ID)
    assert not cn_id_checksum_ok(_bad_checksum(VALID_ID))
    assert not cn_id_checksum_ok("12345")


def test_valid_resident_id_is_found_in_any_grouping(found):
    for form in (VALID_ID, f"{VALID_ID[:6]} {VALID_ID[6:14]} {VALID_ID[14:]}",
                 "".join(chr(ord(c) + 0xFEE0) for c in VALID_ID)):
        text = f"身份证{form}，请核对"
        assert ("CN_ID_CARD", form) in found(text, "zh"), form


def test_invalid_checksum_is_not_an_id_card(found):
    bad = _bad_checksum(VALID_ID)
    types = {t for t, v in found(f"编号{bad}。", "zh") if v == bad}
    assert "CN_ID_CARD" not in types
    # ...but an 18-digit number is still an identifier of some kind and gets replaced.
    assert types, "a long unexplained number must still be flagged"


@pytest.mark.parametrize(
    "phone",
    ["13812345678", "138 1234 5678", "138-1234-5678", "+86 13812345678", "+86-138-1234-5678",
     "１３８１２３４５６７８", "1 3 8 1 2 3 4 5 6 7 8", "010-87654321", "(010)87654321", "（0755）8888-6666",
     "0571 8888 6666", "021-61234567转123", "400-123-4567", "壹叁捌 零零零零 壹壹壹壹"],
)
def test_chinese_phone_formats(covered, phone):
    assert covered(f"联系方式：{phone}，谢谢", phone, "zh")


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("住院号：ZY20230815，床号12床", "ZY20230815", "MEDICAL_RECORD_NUMBER"),
        ("门诊号 0012345678", "0012345678", "MEDICAL_RECORD_NUMBER"),
        ("病案号为BA998877", "BA998877", "MEDICAL_RECORD_NUMBER"),
        ("住 院 号：ZY 2023 0815", "ZY 2023 0815", "MEDICAL_RECORD_NUMBER"),
        ("医保卡号YB1234567890", "YB1234567890", "INSURANCE_ID"),
        ("微信号：wxid_abc12345", "wxid_abc12345", "SOCIAL_HANDLE"),
        ("能加您微信吗？我的是zhang_wei88", "zhang_wei88", "SOCIAL_HANDLE"),
        ("QQ：88654321", "88654321", "SOCIAL_HANDLE"),
        ("车牌号京A12345停在门口", "京A12345", "LICENSE_PLATE"),
        ("邮编100020", "100020", "ZIP_CODE"),
    ],
)
def test_chinese_cued_identifiers(found, text, value, etype):
    assert (etype, value) in found(text, "zh")


def test_bank_card_with_luhn(found):
    body = "621700001234567890"
    card = next(body + str(d) for d in range(10) if luhn_ok(body + str(d)))
    spaced = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
    assert any(v == spaced for _, v in found(f"退款到{spaced}即可", "zh"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("张伟主诉头痛3天", "张伟"),
        ("患者李秀英，女，67岁", "李秀英"),
        ("王医生您好", "王"),
        ("谢谢刘大夫的回复", "刘"),
        ("陈静护士明天上班", "陈静"),
        ("欧阳娜娜，女，45岁", "欧阳娜娜"),
        ("姓名：赵敏  性别：女", "赵敏"),
        ("家属王建国陪同", "王建国"),
        ("处方由孙丽华开具", "孙丽华"),
        ("就诊人：张三丰，联系电话", "张三丰"),
        ("我是上周来过的病人，姓马。", "马"),
        ("我老婆叫周雪梅，她的手机号", "周雪梅"),
        ("姓 名：张 伟   性 别：男", "张 伟"),
        ("病人陈志强男55岁", "陈志强"),
        ("王晨，男，30岁，发热", "王晨"),
    ],
)
def test_chinese_names(found, text, name):
    assert ("PERSON", name) in found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "帕金森病史5年，口服多巴丝肼", "高血压，白细胞升高，黄疸明显", "左侧肢体无力，高热不退",
        "马凡综合征待排", "谢谢医生的建议", "非常感谢医生的耐心解答", "手术过程中医生会注意",
        "白蛋白34.5，甘油三酯偏高", "中药：黄芪、白术、柴胡、王不留行", "建议去神经内科就诊",
        "饮食上应注意清淡易消化，祝您早日康复！", "霍奇金淋巴瘤需要化疗", "平时医生怎么说",
    ],
)
def test_clinical_text_is_not_a_name(found, text):
    assert not [v for t, v in found(text, "zh") if t == "PERSON"], text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("家住北京市朝阳区建国路88号阳光小区3栋201室，", "北京市朝阳区建国路88号阳光小区3栋201室"),
        ("地址：上海市浦东新区张江路88弄5号1202室", "上海市浦东新区张江路88弄5号1202室"),
        ("我在广东省深圳市南山区工作", "广东省深圳市南山区"),
        ("住在杭州市西湖区文三路478号华星时代广场A座1203。", "杭州市西湖区文三路478号华星时代广场A座1203"),
        ("家庭住址：河南省郑州市金水区农业路72号院3号楼2单元501", "河南省郑州市金水区农业路72号院3号楼2单元501"),
    ],
)
def test_chinese_addresses(covered, text, address):
    assert covered(text, address, "zh")


def test_hospital_names_and_anatomy_are_not_addresses(found):
    text = "在湖南省第二人民医院做的手术，经鼻入路，肠道准备"
    assert not [v for t, v in found(text, "zh") if t == "LOCATION"]


@pytest.mark.parametrize(
    "date", ["2023年3月5日", "2023-03-05", "2023/3/5", "2023.03.05", "3月5日", "二〇二三年三月五日", "2019年7月"]
)
def test_chinese_dates(found, date):
    assert ("DATE_TIME", date) in found(f"于{date}入院", "zh")


def test_durations_doses_and_vitals_survive(found):
    text = "头痛3天，两周后复查，布洛芬0.3g每日两次，血压140/90mmHg，心率72次/分，体温38.5℃，65岁"
    assert found(text, "zh") == set()


def test_age_over_89_only(found):
    assert ("AGE", "95岁") in found("老人95岁，", "zh")  # the unit joins the span
    assert ("AGE", "九十二岁") in found("今年九十二岁了", "zh")
    assert not found("今年65岁", "zh")


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("邮箱zhangwei@qq.com谢谢", "zhangwei@qq.com", "EMAIL_ADDRESS"),
        ("我的邮箱是zhang.wei@163.com", "zhang.wei@163.com", "EMAIL_ADDRESS"),
        ("IP是192.168.1.10的电脑", "192.168.1.10", "IP_ADDRESS"),
        ("请访问https://abc.example.org/x查看", "https://abc.example.org/x", "URL"),
    ],
)
def test_web_identifiers_glued_to_chinese(found, text, value, etype):
    """Presidio's \\b-based patterns fail next to CJK characters; ours stop at the first one."""
    assert (etype, value) in found(text, "zh")


def test_everyday_words_after_a_surname_are_not_titles(found):
    assert not [v for t, v in found("头发毛总是掉怎么办", "zh") if t == "PERSON"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("姓名：仉志明  性别：男", "仉志明"),
        ("主治：佘建，查房记录", "佘建"),
        ("亓官文之女亓官玥陪同来诊", "亓官玥"),
        ("患者訾 海 燕，女，45岁，咳嗽三天", "訾 海 燕"),
        ("家属 芮 宏 签字", "芮 宏"),
    ],
)
def test_rare_surnames_and_spaced_names_next_to_a_cue(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(
    "text",
    ["患者麻醉后苏醒良好", "麻烦医生看一下报告", "小时候有羊癫疯病史", "患者和家属商量后同意手术", "患者 头 晕 三天"],
)
def test_rare_surname_characters_inside_words_are_not_names(found, text):
    assert not any(t == "PERSON" for t, _ in found(text, "zh")), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者爨春生，男，62岁，因腹痛入院。", "爨春生"),  # surname on no list, cue before, punctuation after
        ("家属：嬴文静，电话另告。", "嬴文静"),
        ("患者姓乜，女，58岁。", "乜"),  # 姓 + a rare 百家姓 surname
        ("我家孩子叫仉一诺，今年三岁。", "仉一诺"),  # 孩子叫 introduces a name
        ("我在江西九江打工，最近胸口疼。", "江西九江"),  # province + city without 省/市
        ("老家是杭州的，现在一直咳嗽。", "杭州"),  # a city on its own
    ],
)
def test_rare_surnames_naming_cues_and_bare_cities(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "患者长春新碱化疗后出现麻木。",  # a drug that starts with a city name
        "病人咳嗽，发热三天。",  # cue + symptoms: dictionary words, not a name
        "我是康医生，您的结果正常。",  # surname + title is not a three-character name
        "患者来自广东，主诉头痛。",  # a province alone is state-level
        "平时爱吃汉堡，喝龙井茶。",  # city names that are everyday words
        "用小苏打中和胃酸不可取。",
        "加用长春西丁改善循环。",  # a drug that starts with a city name jieba does not know
        "超过6成都会复发。",  # 6成 + 都会, not 成都
        "妈妈补身体吃了很多人参。",  # cue + rare-ish character + an everyday word
    ],
)
def test_rare_cue_and_place_rules_leave_ordinary_text_alone(found, text):
    spans = found(text, "zh")
    assert not any(t == "LOCATION" for t, v in spans), spans
    assert ("PERSON", "康医生") not in spans
    assert not any(t == "PERSON" and v.startswith(("长春", "咳嗽", "补")) for t, v in spans), spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("家屬張美玲代訴病史。", "張美玲"),
        ("主治醫師：黃國華", "黃國華"),
        ("請找鄭醫生複診。", "鄭"),
        ("住址：臺北市大安區復興南路一段390號", "臺北市大安區復興南路一段390號"),
    ],
)
def test_traditional_characters(covered, text, value):
    pytest.importorskip("opencc")
    assert covered(text, value, "zh")


def test_traditional_mapping_keeps_offsets():
    pytest.importorskip("opencc")
    from mediscope.deid.normalize import normalize

    text = "患者陳志明，醫師：ＡＢ１２"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "患者陈志明,医师:AB12"
