"""Chinese names that no surname rule sees: minority names, nicknames after a family word,
Latin-script names in Chinese text; with the look-alike words that must stay (drugs, eponyms,
adverbs, body parts, hospital names)."""

from __future__ import annotations

import pytest


def _persons(found, text: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("吐尔洪买买提昨天开始发烧。", "吐尔洪买买提"),  # two Uyghur parts, no cue
        ("苏和巴特尔，男，56岁，痛风。", "苏和巴特尔"),  # Mongolian
        ("阿牛拉哈的尿检结果出来了吗？", "阿牛拉哈"),  # Yi clan name + given name
        ("患者努尔古丽·艾山有糖尿病，一直打胰岛素。", "努尔古丽·艾山"),  # dotted parts are one name
        ("斯日古楞今天复查肝功能。", "斯日古楞"),  # one long part opening a clause
        ("我丈夫特木尔喝酒后胸痛。", "特木尔"),  # one long part after a family word
        ("患者乌云，女，47岁，乳腺结节。", "乌云"),  # a short part: cue and the strongest follower
        ("本人塔娜系患者之女。", "塔娜"),
        ("家属签字：旦增曲珍", "旦增曲珍"),  # Tibetan
        ("患者阿娜尔罕，女，33岁。", "阿娜尔罕"),  # parts the lexicon lacks: the characters and a cue
        ("医生，迪丽热巴的过敏原检测结果怎么看？", "迪丽热巴"),  # a known part, then name characters
        ("宝音图，男，45岁，牧民。", "宝音图"),
        ("今天查房时阿依努尔说头晕。", "阿依努尔"),  # four characters of known parts, mid-sentence
        ("我和热依拉一起来的。", "热依拉"),  # a cue, then a word after the name
    ],
)
def test_minority_names(found, text, name):
    assert name in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我外孙女囡囡两岁，一直流鼻涕。", "囡囡"),
        ("我儿子小刚昨天摔了一跤，手腕肿了。", "小刚"),
        ("我老公阿华喝完酒就胃疼。", "阿华"),
        ("我哥哥阿明打呼噜很严重。", "阿明"),  # 我哥|哥: the doubled kin word is skipped
        ("我家老大球球今年上小学，总是咳嗽。", "球球"),  # birth order as a family word
        ("孩子小名叫果果，今年四岁。", "果果"),  # 小名 introduces a nickname
        ("孩子叫嘟嘟，三岁半。", "嘟嘟"),
        ("患儿朵拉，2岁，发热。", "朵拉"),  # any two characters between a cue and "，2岁"
        ("我老伴老李最近咳嗽。", "老李"),  # 老 + surname
        ("我家乐乐今年5岁，咳嗽一周。", "乐乐"),  # 我家 before a pet name
        ("咱家妞妞不爱吃饭。", "妞妞"),  # an adverb opens the predicate
    ],
)
def test_nicknames_after_a_family_word(found, text, name):
    assert name in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("请David Wang先生到3号窗口取药。", "David Wang"),
        ("外籍患者Maria Lopez，女，35岁，发热2天。", "Maria Lopez"),
        ("我叫Tom，上周做了胃镜。", "Tom"),
        ("汤姆·克鲁斯（Tom Cruise），男，58岁。", "Tom Cruise"),
        ("陪同人Peter Johnson，电话另告。", "Peter Johnson"),  # an eponym (Johnson) is a surname too
        ("我儿子Jason发烧了。", "Jason"),  # a family word before a listed given name
        ("Dr. Chen说要复查。", "Chen"),
        ("Lisa你好，你的报告出来了。", "Lisa"),  # a greeting next to a listed given name
    ],
)
def test_latin_names_in_chinese_text(found, text, name):
    assert name in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("郄文涛昨天做了CT，结果正常。", "郄文涛"),  # rare surnames missing from the 百家姓
        ("鄞红梅，女，52岁，高血压。", "鄞红梅"),
        ("麻烦转告濮阳一鸣，下周三来复查。", "濮阳一鸣"),  # compound surname before 下周
        ("陪护人：钟离远（侄子）", "钟离远"),  # an opening bracket closes the name
        ("苌建国，男，40岁，腰痛。", "苌建国"),
    ],
)
def test_rare_and_compound_surnames(found, text, name):
    assert name in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "我儿子天天咳嗽，晚上更厉害。",  # doubled adverb
        "我孙子乖乖吃药了，烧也退了。",
        "我女儿小时候得过肺炎。",  # 小时 is a word
        "我弟弟小龙虾吃多了过敏。",  # a word runs across the nickname's end
        "我老公阿司匹林吃了三年。",  # a drug, not 阿X
        "孩子小手冰凉，嘴唇发紫。",  # a body part
        "我妈阿姨家的孩子也发烧了。",  # a form of address
        "巴特综合征是遗传病吗？",  # an eponym made of a name part
        "格桑花泡水喝有用吗？",  # a flower: name part + suffix, no cue, no follower
        "乌兰察布的医院怎么样？",  # a city starting with a name part
        "早期患者可首选普拉克索或罗匹尼罗。",  # transliterated drugs near a cue
        "转出单位医生：张强",  # 单位 is no surname + given name
        "来一个提醒：  Dialogue 医生：您好",  # a heading before a speaker label
        "格拉斯哥昏迷评分（Glasgow Coma Scale）8分。",  # English term in brackets
        "患者Foley导尿管通畅，Braden评分12分。",
        "来一个提醒：Dialogue 医生：您好",  # a cue before a capitalised word that is no name
        "患者阿米巴痢疾，家属拉肚子。",  # minority-name characters after a cue, but words
        "本人阿莫西林过敏。",
        "病人巴利昔单抗诱导后肾功能恢复。",  # a surname before a drug ending (单抗) starts a drug
        "谢谢Doctor，我明白了。",  # an ordinary English word after thanks
        "我妈老毛病又犯了，我老公老是咳嗽。",  # 老 before a word, not a surname nickname
        "患儿高烧，3岁，患儿发热，2岁。",  # a symptom between the cue and the age
        "孩子叫爸爸了，孩子叫唤一晚上。",
        "我和妈妈一起来的。",
        "我家小孩不爱吃饭，我家小狗也不爱吃。",  # 我家 before a word
        "我家楼下就有诊所，我家小区有人感染。",
        "我家常常吃辣，我家天天吵架。",
        "我8个半月的女儿小气肠需要动手术吗？",  # 小气 is a word
    ],
)
def test_look_alikes_are_not_names(found, text):
    persons = _persons(found, text)
    assert not persons or persons == {"张强"}, found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("我们在克拉玛依市，这边医院能做吗？", "克拉玛依市", "LOCATION"),  # a city with its 市
        ("家住重庆市丰都县，务农。", "重庆市丰都县", "LOCATION"),  # 都 before 县 is a place
        ("预约号：YY20240618-011，请按时就诊。", "YY20240618-011", "MEDICAL_RECORD_NUMBER"),
        ("急诊号 JZ2406110032 分诊二级", "JZ2406110032", "MEDICAL_RECORD_NUMBER"),
        ("住院号:ZY/2024/00871", "ZY/2024/00871", "MEDICAL_RECORD_NUMBER"),  # slashes in the value
        ("病历号：（2023）第00812号", "00812", "MEDICAL_RECORD_NUMBER"),  # a bracketed year first
        ("心电图号 ECG-2024-1123", "ECG-2024-1123", "MEDICAL_RECORD_NUMBER"),  # examination numbers
        ("胃镜号：W2024-0456", "W2024-0456", "MEDICAL_RECORD_NUMBER"),
        ("姓名：王某 岁数：93", "93", "AGE"),
    ],
)
def test_places_record_numbers_and_ages(found, text, value, etype):
    assert (etype, value) in found(text, "zh"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("门口停着沪 A 12345，请挪车。", "沪 A 12345"),  # a space after the province
        ("浙a12345是我的车", "浙a12345"),  # typed in lower case
        ("川AD 12345（新能源）", "川AD 12345"),  # six characters on new-energy plates
        ("车牌苏E 8 8 5 2 1", "苏E 8 8 5 2 1"),  # OCR spacing
    ],
)
def test_plate_shapes(found, text, value):
    assert ("LICENSE_PLATE", value) in found(text, "zh"), found(text, "zh")


@pytest.mark.parametrize("text", ["新A型流感疫苗接种了吗", "江苏CT2024050211号检查", "鲁A级医院"])
def test_plate_look_alikes(found, text):
    assert not [v for t, v in found(text, "zh") if t == "LICENSE_PLATE"], found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "在湖南省第二人民医院做的手术，恢复得不错。",  # a province alone inside a hospital's name
        "大家都去市里看病了。",  # 都 as an adverb
        "家属要求转至上级医院继续治疗。",  # 转至 opens no address
    ],
)
def test_hospital_provinces_and_adverbs_are_not_places(found, text):
    assert not [v for t, v in found(text, "zh") if t == "LOCATION"], found(text, "zh")


def test_a_city_inside_a_hospitals_name_is_a_place(found):
    """The hospital someone attended locates them: its city is PHI, the rest of the name is not."""
    found_ = found("在泉州市第一医院做的手术，恢复得不错。", "zh")
    assert ("LOCATION", "泉州市") in found_ and not [v for t, v in found_ if "医院" in v], found_


@pytest.mark.parametrize("text", ["做了心电图，号码是多少？", "胃镜检查号稍后给你。", "CT号称最准，其实不一定。"])
def test_examination_words_without_a_number_are_kept(found, text):
    assert not [v for t, v in found(text, "zh") if t == "MEDICAL_RECORD_NUMBER"], found(text, "zh")

