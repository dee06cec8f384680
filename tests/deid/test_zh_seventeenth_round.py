"""Chinese shapes of the seventeenth round: job and desk words are no names (客服：, 程控医生：);
an everyday word after a patient cue before the sex or the age; a form's name field closed by the
next label; group-chat @-speakers and the pet name inside a parent's handle; 阿 + a given name as a
chat speaker; reduplicated and labelled pet names before brackets; LINE ids. Each with the
look-alikes that must stay text."""

from __future__ import annotations

import pytest


def _of(found, text: str, kind: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


def _persons(found, text: str) -> set[str]:
    return _of(found, text, "PERSON")


# ---- job, role and desk words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("客服：您好，请问需要预约哪个科室？\n患者：皮肤科\n客服：好的，已为您登记。", "客服"),
        ("程控医生：詹秀云\n程控参数：低限60次/分", "程控"),
        ("前台：您好，请出示医保卡\n前台：好的，请稍等", "前台"),
        ("护工：你好，老人今天翻身三次了\n护工：好的", "护工"),
        ("导诊：您好，请到三楼\n导诊：不客气", "导诊"),
        ("陪护：你好，已经喂过药了\n陪护：好", "陪护"),
        ("保洁：你好，病房已经消毒", "保洁"),
        ("程控护士：伍丽娟", "程控"),
    ],
)
def test_a_job_or_desk_word_is_no_name(found, text, word):
    assert word not in _persons(found, text), found(text, "zh")


def test_the_name_after_a_role_word_is_still_found(found):
    text = "程控医生：詹秀云"
    assert "詹秀云" in _persons(found, text), found(text, "zh")


# ---- an everyday word as a name, after a patient cue, before the sex or age ----------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者黎明，男，58岁，视网膜脱离术后复查", "黎明"),
        ("患者夏天，男，25岁，因焦虑就诊", "夏天"),
        ("患者平安，女，71岁，高血压病史十年", "平安"),
        ("黎明，女，40岁，体检发现甲状腺结节", "黎明"),
    ],
)
def test_an_everyday_word_after_a_patient_cue_before_sex_or_age_is_a_name(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "患者发热，体温38.5℃，女性患者较多见。",
        "黎明现象：凌晨血糖升高，患者男，60岁。",
        "夏天易中暑，患者，女，19岁，注意补液。",
        "患者今天，情况平稳。",
        "甘露醇125ml静滴，患者，男，66岁。",
    ],
)
def test_the_same_words_in_clinical_text_stay(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- a form's name field ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("出院小结\n姓名：长城　性别：男　年龄：60岁", "长城"),
        ("姓名：春燕\n性别：女\n出生日期：1990-01-02", "春燕"),
        ("随访卡\n患者姓名：平安 性别：男 民族：汉", "平安"),
    ],
)
def test_a_form_name_field_closed_by_the_next_label_is_a_name(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["姓名：不详　性别：男　年龄：约50岁", "姓名：性别：年龄：", "姓名：客服　性别：女"],
)
def test_an_empty_or_unknown_name_field_stays(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- group chats: @-speakers, the child in a parent's handle, 阿 + a given name --------------


@pytest.mark.parametrize(
    ("text", "handle", "child"),
    [
        ("儿保群\n@豆豆妈妈：医生，豆豆昨晚吐了两次\n医生：先补液盐", "@豆豆妈妈", "豆豆"),
        ("@乐乐爸：我们乐乐明天还来复查吗\n护士：来的", "@乐乐爸", "乐乐"),
        ("@果果奶奶：果果的疫苗本找不到了\n医生：补办一本", "@果果奶奶", "果果"),
    ],
)
def test_a_parent_handle_names_its_child(found, text, handle, child):
    assert handle in _of(found, text, "SOCIAL_HANDLE"), found(text, "zh")
    assert child in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("@宝宝妈妈：宝宝发烧了\n医生：量体温", "宝宝"),
        ("@二宝妈：二宝咳嗽\n医生：来门诊", "二宝"),
        ("@医生妈妈：你好\n医生：你好", "医生"),
    ],
)
def test_a_child_word_in_a_handle_is_no_name(found, text, word):
    assert word not in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("阿婆：阿芳，你来了\n阿芳：嗯，我来拿药\n阿婆：好", "阿芳"),
        ("阿叔：阿辉啊，你妈血压多少\n阿辉：150多\n阿叔：要吃药了", "阿辉"),
    ],
)
def test_a_speaker_called_a_plus_given_name_is_a_name_everywhere_in_the_chat(found, text, value):
    text_persons = [t for t, v in found(text, "zh") if t == "PERSON" and v == value]
    assert text_persons, found(text, "zh")
    spans = [s for s in __import__("mediscope.deid.engine", fromlist=["Deidentifier"]).Deidentifier().analyze_text(text, "zh")
             if text[s.start : s.end] == value]
    assert len(spans) == text.count(value), spans


@pytest.mark.parametrize("text", ["阿姨：好\n阿姨：行", "阿婆：你好\n医生：你好\n阿婆：谢谢"])
def test_kin_words_with_a_stay_in_chats(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- pet names before brackets ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患儿：乐乐（大名钟乐天），男，4岁", "乐乐"),
        ("宝宝：朵朵（大名上官朵颐），女，2岁", "朵朵"),
        ("豆包（小名，大名林一凡）咳嗽三天", "豆包"),
        ("患儿果冻（乳名，学名郑果）发热两天", "果冻"),
    ],
)
def test_a_pet_name_before_its_full_name_or_label_in_brackets(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize("text", ["血常规（复查）正常", "小明（小名）", "豆豆（昵称）", "阿司匹林（拜阿司匹灵）100mg", "常常（每日）头痛"])
def test_brackets_without_a_pet_name_stay(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- LINE ids -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("我的LINE ID是meiling_88，有事找我", "meiling_88"), ("LINE ID：chen.wh1975", "chen.wh1975")],
)
def test_a_line_id(found, text, value):
    assert value in _of(found, text, "SOCIAL_HANDLE"), found(text, "zh")


@pytest.mark.parametrize("text", ["baseline ID 12 号样本", "PICC line 已拔除"])
def test_line_inside_a_word_is_no_platform(found, text):
    assert not _of(found, text, "SOCIAL_HANDLE"), found(text, "zh")


# ---- a two-character surname before a comma; a proband; a two-part Mongolian name after kin -----


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者欧阳娜，女，30岁，甲亢", "欧阳娜"),
        ("先证者上官云飞，女，12岁，父亲上官建国", "上官云飞"),
        ("先证者司马亮，男，8岁", "司马亮"),
    ],
)
def test_a_compound_surname_name_ends_before_the_comma(found, text, value):
    persons = _persons(found, text)
    assert value in persons and value + "，" not in persons, found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [("丈夫巴特尔其木格签署同意书。", "巴特尔其木格"), ("母亲乌云其其格陪同就诊", "乌云其其格"),
     ("妻子乌兰图雅签署知情同意书。", "乌兰图雅")],
)
def test_a_two_part_mongolian_name_after_a_kin_word(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize("text", ["乌云密布，天气闷热，患者胸闷加重。", "患者看到乌云其实很紧张。"])
def test_dark_clouds_stay(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- a device serial in brackets after the device ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("佩戴胰岛素泵（SN：PMP-2210A-B30417）", "PMP-2210A-B30417"), ("血糖仪（编号：GX-20931）每周校准", "GX-20931"),
     ("植入除颤器(序列号 XRT552190Q)", "XRT552190Q")],
)
def test_a_device_serial_in_brackets(found, text, value):
    assert value in _of(found, text, "DEVICE_ID"), found(text, "zh")


@pytest.mark.parametrize("text", ["胰岛素泵（每日4次）基础率0.5U/h", "监护仪（型号未填）报警"])
def test_brackets_after_a_device_without_a_serial_stay(found, text):
    assert not _of(found, text, "DEVICE_ID"), found(text, "zh")


# ---- a word opening a record's line before 主诉; introducing oneself with a name-like word -------


@pytest.mark.parametrize(
    ("text", "value"),
    [("门诊病历\n方正主诉胸闷一周，活动后加重。", "方正"), ("急诊记录\n高兴主诉腹痛半天。", "高兴"),
     ("患者：药师你好，我是方正，昨天拿的药是几毫克的？", "方正")],
)
def test_a_word_opening_a_line_before_its_complaint_or_after_i_am(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["门诊病历\n家长主诉患儿发热两天。", "门诊病历\n今日主诉腹痛。", "门诊病历\n患者主诉头晕。", "门诊病历\n本次主诉头晕乏力。",
     "我是医生，请问有什么不舒服？", "门诊病历\n高血压主诉头晕。"],
)
def test_ordinary_words_before_a_complaint_or_after_i_am_stay(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- Hong Kong romanised names in brackets; drugs in Latin letters after their Chinese name ------


@pytest.mark.parametrize(
    ("text", "value"),
    [("患者：黄志明（Wong Chi-ming），男，52岁", "Wong Chi-ming"), ("病人：李嘉欣（Lee Ka-yan）", "Lee Ka-yan"),
     ("覆診紀錄\n病人：何家輝（Ho Ka-fai）", "Ho Ka-fai")],
)
def test_a_hong_kong_romanised_name_with_a_hyphen(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["服用卡比马唑（Carbimazole）10mg每日一次", "加用奥美拉唑（Omeprazole）护胃", "予阿莫西林（Amoxicillin）口服",
     "术后（Post-op）第一天"],
)
def test_a_drug_or_phrase_in_latin_after_its_chinese_name_is_no_person(found, text):
    assert not _persons(found, text), found(text, "zh")


# ---- a mobile read by OCR with l/I for 1 and O for 0, after a phone cue ------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("【OCR识别】\n姓名:钟 思 琪  手机:l59 O3l2 8846", "l59 O3l2 8846"), ("联系电话:I86 2O47 5531", "I86 2O47 5531"),
     ("手机：l37O2l88765", "l37O2l88765")],
)
def test_an_ocr_mobile_after_a_phone_cue(found, text, value):
    assert value in _of(found, text, "PHONE_NUMBER"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["电话:Ilo Olo lOlo", "手机型号 lO5 OOOl", "血钾 l3 mmol", "CD4 l38 个/μl，病毒载量 OO2l"],
)
def test_letter_runs_are_no_ocr_mobile(found, text):
    assert not _of(found, text, "PHONE_NUMBER"), found(text, "zh")


# ---- a family word, a name, then how to reach the person ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("父亲向国强微信：xgq_1975", "向国强"), ("母亲向丽萍电话13912345678", "向丽萍")],
)
def test_a_name_between_a_family_word_and_a_contact(found, text, value):
    assert value in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize("text", ["父亲于是电话联系了医院", "母亲平时电话很多", "父亲向来手机不离手", "女儿常常电话问候"])
def test_words_between_a_family_word_and_a_contact_stay(found, text):
    assert not _persons(found, text), found(text, "zh")
