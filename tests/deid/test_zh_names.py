"""Chinese names without a cue next to them, minority and transliterated names, and the Chinese
development sets (tests/deid/data/dev_zh*.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def _persons(found, text: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("庞子萱昨天晚上吐了两次，今天还有点发烧。", "庞子萱"),  # clause start + time word
        ("医生，符俊杰的化验单出来了吗？", "符俊杰"),  # after punctuation, before 的
        ("我婆婆邱桂兰最近老是失眠。", "邱桂兰"),  # kinship cue
        ("柯雨桐说她吃了头孢以后起疹子。", "柯雨桐"),  # before 说
        ("滕一诺，女，8岁，反复鼻出血。", "滕一诺"),  # 一 leading a given name
        ("我跟聂小雨是同学，她也咳嗽。", "聂小雨"),  # 我跟 ... 是
        ("宇文清远，男，47岁，腰痛。", "宇文清远"),  # compound surname, gendered shape
        ("麻烦转告端木一凡，明天空腹抽血。", "端木一凡"),  # compound surname after 转告
        ("公羊瑾的家属请到护士站。", "公羊瑾"),
        ("蒯建新主诉胸闷3天。", "蒯建新"),  # rare surname before 主诉
        ("我外婆佘淑贞九十多了，走路不稳。", "佘淑贞"),
        ("12床郦海波，术后第二天。", "郦海波"),  # a surname that is hardly anything else
        ("为邴晓东做了胃镜。", "邴晓东"),
        ("沙依拉·买买提，女，33岁。", "沙依拉·买买提"),  # middle-dot name
        ("请詹姆斯·卡梅伦先生到2号诊室。", "詹姆斯·卡梅伦"),
        ("收件人：次仁央金，电话另告。", "次仁央金"),  # Tibetan name, no surname
        ("患者达瓦卓玛，女，28岁。", "达瓦卓玛"),
        ("刘洋这两天胃口不好。", "刘洋"),
        ("孩子王子涵发烧三天了。", "王子涵"),  # 王子 is a word, but a kinship cue comes first
        ("冯雨晴血压高怎么办？", "冯雨晴"),  # the consultation's topic right after the name
        ("给刘晓燕开了头孢。", "刘晓燕"),
        ("帮我老妈黄秀兰挂个号。", "黄秀兰"),
        ("黄蓉和郭靖是我爸妈。", "黄蓉"),
        ("我老婆向红梅怀孕28周。", "向红梅"),  # 向 is a preposition unless family names it
        ("家属签名：盖志刚  与患者关系：父子", "盖志刚"),  # form field, word-like surname
        ("患者靖国栋，身份证号另附。", "靖国栋"),  # surname on no list, after a cue
        ("请车主隋建华到一楼大厅。", "隋建华"),
        ("景甜甜的宝宝黄疸值12。", "景甜甜"),  # 甜甜的 is a dictionary word
        ("老伴儿王桂英，今年七十了。", "王桂英"),
        ("我哥李建军肝功能异常。", "李建军"),
        ("手术者：郑强  助手：冯波", "冯波"),
    ],
)
def test_names_found_by_their_place_in_the_clause(found, text, name):
    assert name in _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("家属：孔令辉、孔雪，均已签字。", {"孔令辉", "孔雪"}),
        ("值班护士：邵丽、甘露露、岳敏", {"邵丽", "甘露露", "岳敏"}),
        ("邴志强、邴小婉父女俩都有哮喘。", {"邴志强", "邴小婉"}),
        ("邓超、孙俪夫妇带孩子来体检。", {"邓超", "孙俪"}),
    ],
)
def test_names_listed_next_to_a_found_one(found, text, names):
    assert names <= _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("笪 欣，女，37岁", "笪 欣"),  # OCR-spaced, rare surname, no cue
        ("患者綦 玉 兰，因头晕入院", "綦 玉 兰"),
        ("笪 欣 主任", "笪 欣"),  # the spaced run goes on into the title
        ("影像号：CT2408  患者：满天星  检查部位：胸部", "满天星"),  # form field value
        ("由司空明远医生主刀。", "司空明远"),  # rare compound surname before a title
        ("请第五主任会诊。", "第五"),
    ],
)
def test_spaced_form_and_compound_names(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "谢谢医生的关心和祝福。",  # 祝福 is a word
        "多喝温水、温开水或是温汤，以保持水分。",
        "以上是对月经不调的回答，及时调理的，祝安康！",  # 祝 + 安康 is a blessing
        "腿部瘙痒、麻木，64岁，女。",
        "可以口服肌苷片、甘利欣、病毒唑。",  # a list of drugs
        "用清肝利胆胶囊,甘利欣,肝炎灵治疗。",
        "黄芪、桑白皮、杜仲、降香、茯苓。",  # herbs
        "服药物调理身体（左归丸、右归丸）。",  # pills are named like people
        "双子宫怀孕五周了。",
        "没有必要担心的，桂圆干是一种水果而已。",
        "羊角风是大脑神经元异常放电。",
        "口服沃丽汀和血明目片。",
        "颗粒抗覃逸精祛痰。",
        "墨菲征阳性，考虑胆囊炎。",
        "枸杞、熟地黄等。黄精可以滋补肾阴。",  # herbs in jieba's dictionary (tagged as names!)
        "有科学证据证明，白银可以治疗癫痫。",
        "酸菜对高血压患者有益处的。",  # 有 is on the 百家姓 list
        "都是些:田基黄，山枝子。",
        "2020年3月份，病人尿红黄，气色灰暗。",
        "买些叁片回去给妈妈补身体。",
        "患者 头 晕三天",
        "患者：我头疼三天  医生：多喝水",
    ],
)
def test_words_drugs_and_blessings_are_not_clause_names(found, text):
    assert not _persons(found, text), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("请将报告寄到成都市武侯区人民南路四段27号。", "成都市武侯区人民南路四段27号", "LOCATION"),  # 都, 段
        ("来自新疆喀什地区疏附县。", "新疆喀什地区疏附县", "LOCATION"),  # 地区 as the city level
        ("在深圳市南山区科技园上班", "深圳市南山区科技园", "LOCATION"),
        ("孩子在周口上学，", "周口", "LOCATION"),  # a prefecture city on its own
        ("复查时间：2025年元月10日", "2025年元月10日", "DATE_TIME"),
        ("腊月二十三那天开始咳嗽", "腊月二十三", "DATE_TIME"),
        ("我爸去年11月15日做的搭桥", "去年11月15日", "DATE_TIME"),  # the relative year belongs to the date
        ("我24年3月5日做的手术", "24年3月5日", "DATE_TIME"),
        ("农历八月十五那天发病", "八月十五", "DATE_TIME"),
        ("二〇二四年元旦那天开始发烧", "二〇二四年元旦", "DATE_TIME"),
        ("出院时间 2024年3月5日14时30分", "2024年3月5日14时30分", "DATE_TIME"),
        ("在东莞市长安镇医院做的剖宫产", "东莞市长安镇", "LOCATION"),
        ("地址：南京市玄武区钟灵街50号紫金苑小区8幢2单元603室", "南京市玄武区钟灵街50号紫金苑小区8幢2单元603室", "LOCATION"),
        ("患者来自云南大理，", "云南大理", "LOCATION"),
        ("我奶奶九十多岁了", "九十", "AGE"),  # over 89, even approximately
        ("老人90多岁，", "90", "AGE"),
    ],
)
def test_addresses_and_dates(found, covered, text, value, etype):
    if etype == "LOCATION":
        assert covered(text, value, "zh") and not covered(text, text[text.index(value) - 1], "zh")
    else:
        assert (etype, value) in found(text, "zh")


def test_a_cue_does_not_vouch_for_a_word_after_a_title_only_surname(found):
    assert _persons(found, "王主任医师查房") == {"王"}  # 查 is a surname only before a title


def test_special_administrative_regions_are_province_level(found):
    assert not [v for t, v in found("患者本人，香港居民，来电咨询。", "zh") if t == "LOCATION"]


@pytest.mark.parametrize("text", ["大理石地面很滑。", "开封后请冷藏。", "日照时间长。"])
def test_word_like_cities_need_a_province(found, text):
    assert not [v for t, v in found(text, "zh") if t == "LOCATION"], text


def test_clause_names_carry_the_name_recognizers_id(deider):
    """The clause rules run inside ZhNameRecognizer; Presidio keeps only results whose id is a
    registered recognizer's."""
    spans = deider.analyze_text("沈可欣昨天晚上开始发烧。", "zh")
    assert [s.recognizer for s in spans] == ["ZhNameRecognizer.clause"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "floor"),
    [
        # Written to steer the clause rules: 0.76 before (0.61 on names), 0.97 after. Its misses
        # are names that are everyday words (白雪, 高山, 时光辉) and a Uyghur name with no surname.
        ("dev_zh.jsonl", 0.96),
        # Written after the clause rules and measured before any change for it: 0.60 with the
        # rules before them, 0.92 at first measurement, 0.97 after (relative-year dates, kinship
        # and numeral followers, Tibetan names). Misses: 汤圆圆 (汤圆 is a word).
        ("dev_zh2.jsonl", 0.95),
        # Written last, measured before any change for it: 0.54 with the rules before this work,
        # 0.75 at first measurement, 0.94 after (form-field labels, couples, cued names with an
        # unlisted surname, town right after a city, holiday dates). Misses: names that are
        # dictionary words (东方朔, 夏至, 咸丰年).
        ("dev_zh3.jsonl", 0.92),
        # Written before the rules for it, with values and shapes unlike the held-out sets:
        # 0.625 before (names 0.29), 0.967 after (minority names without a Han surname,
        # nicknames after a family word, Latin-script names, cities with 市, record-number cues).
        # Misses: 米粒 (a word), 刘卫东 (a dictionary name), 宁海波 (宁 is a word-like surname),
        # 且萨拉 (no known part).
        ("dev_zh4.jsonl", 0.96),
        # Written before the rules for it, with the shapes a blind set missed but other values:
        # 0.435 on its first 46 texts before (dates with a clock time 0.09, names 0.57), 1.00
        # after (date + time spans, role and bed-number cues, handles after a platform, VINs,
        # ages closed by 了); 7 texts added next measured 0.962 before their rule (names of two
        # surnames and a given name after a cue), 1.00 after.
        ("dev_zh5.jsonl", 0.97),
        # Written before the rules for it (79 texts, 156 PHI, 18 texts of look-alikes only): 0.660
        # before (dates 0.46: relative, two-digit and dotted; names 0.66, villages 0.67, handles 0.17), 1.00
        # after (relative and partial dates, village addresses, platform ids, names by a cue and
        # the whole run after it, actors after a time word, bracketed nicknames).
        ("dev_zh6.jsonl", 0.98),
        # Written before the rules for it (41 texts, 75 PHI, 7 texts of look-alikes only): 0.589 before
        # (names after role words 0.67, partial and bare-year dates 0, county-town chains, logins,
        # bracketed nicknames), 0.973 after. Misses: 南昌平 (a city + 平 after 麻醉), 房玉兰 (房 opens
        # many words, and 使用 follows).
        ("dev_zh7.jsonl", 0.97),
    ],
)
def test_chinese_development_sets(deider, name, floor):
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate(load_evalset([DATA / name]), deider)
    assert report.recall >= floor, report.missed
    assert report.precision >= 0.97, report.false_positives
    assert report.preservation >= 0.98, report.clobbered
