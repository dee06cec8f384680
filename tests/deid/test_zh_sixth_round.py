"""Chinese shapes of the sixth round: Dai names (玉, 岩, 依, 召 + syllables; the old surname 刀)
after a family, patient or bed word, 老 + a surname (隔壁老郑), a woman's given name alone after a
spouse or a call (老伴秀兰, 在喊秀芝), 阿 + a syllable (娃娃阿果, 阿牛阿妞), a Chinese name in
brackets after a Latin one, padded two-digit-year dates with dashes, and herbs named like people;
each with the look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def _of(found, text: str, kind: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我婆婆玉应罕，傣族的，82了，脚肿一个多月", "玉应罕"),  # three syllables after a kin word
        ("医生您好 我奶奶玉罕叫今年93了 傣族", "玉罕叫"),
        ("我外婆依香91岁，前天打了点滴", "依香"),  # 依 opens a woman's name; an age follows
        ("患者刀玉罕（傣族）既往服用华法林", "刀玉罕"),  # 刀, the Dai surname of old
        ("护理交接班：12床 刀新民 男 63岁", "刀新民"),  # after a bed number
        ("家属依罕（妻子）陪护", "依罕"),
        ("我是召温，帮我爸问一下", "召温"),
    ],
)
def test_dai_names_after_a_family_patient_or_bed_word(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["患者依从性差，妈妈依赖性强。", "患者艾灸后好转，患者刀口愈合好。", "儿子玉米过敏，患者岩藻多糖吃了一个月。",
     "患者召回复查血钾。", "玉屏风散合六君子汤加减。"],
)
def test_words_opening_with_a_dai_syllable_are_no_names(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("隔壁老郑说他吃阿托伐他汀也肌肉疼", "老郑"),
        ("护工说老周昨晚一直在喊秀芝", "老周"),
        ("我跟老蒙说了，他不信。", "老蒙"),
    ],
)
def test_lao_and_a_surname_is_a_person(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["他老毛病又犯了。", "我老高兴了，老花眼也好了。", "老年人要补钙，老师说的。", "老是头疼，老黄历了。", "血压老高了。"],
)
def test_lao_words_are_no_names(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("大夫，我老伴秀兰这两天空腹血糖都在12点几", "秀兰"),
        ("护工说他昨晚一直在喊秀芝，应该是他老伴的名字", "秀芝"),
        ("我媳妇桂英最近老失眠", "桂英"),
    ],
)
def test_a_womans_given_name_alone_after_a_spouse_or_a_call(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["女儿美丽大方，老伴血压高。", "老婆秀气，老伴身体还行。", "我媳妇最近老失眠。"])
def test_words_after_a_spouse_are_no_given_names(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("娃娃阿果昨晚烧到39度5 还吐了两次", "阿果"),
        ("今晚值班的是小覃和阿燕，17床家属要求明早抽血。", "阿燕"),
        ("换药记录：阿妞（阿牛阿妞，彝族）伤口愈合可。", "阿牛阿妞"),  # a Yi name of two pet names
    ],
)
def test_a_and_a_syllable_after_a_family_or_list_word(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["阿姨说饭后散步，阿婆也去。", "和阿司匹林一起吃，跟阿胶一起吃。", "，阿莫西林胶囊0.5g tid。",
                                  "孩子阿奇霉素过敏。"])
def test_a_words_and_drugs_are_no_names(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


def test_a_chinese_name_in_brackets_after_a_latin_one(found):
    assert "刘家伟" in _of(found, "患者 Kevin Lau（刘家伟），男，35岁", "PERSON")
    assert not _of(found, "CT (平扫) 和 MRI（增强）均未见异常", "PERSON")


def test_a_given_name_with_a_function_character_after_a_cue(found):
    """可, 如, 正, 然 are frequent in given names (王可馨): after a cue they veto only a word (王可以)."""
    assert "王可馨" in _of(found, "[患者 王可馨]: 医生我吃了布洛芬还是疼", "PERSON")
    assert not _of(found, "患者王可以出院了吗", "PERSON")


@pytest.mark.parametrize(("text", "value"), [("收检日期：26-03-02  诊断：浸润性导管癌", "26-03-02"),
                                             ("出生日期 98-07-15", "98-07-15")])
def test_padded_two_digit_year_dates_with_dashes(found, text, value):
    assert value in _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize("text", ["时间 10:26-03-12 记录", "批号 A24-05-12", "规格 10-12-15 cm"])
def test_dash_runs_that_are_no_dates(found, text):
    assert not _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize("text", ["徐长卿、刘寄奴、王不留行、使君子各10g。", "何首乌15g，白头翁汤加减。"])
def test_herbs_named_like_people(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.slow
def test_eighth_chinese_development_set(deider):
    """Written before its rules (69 texts, 157 PHI, 17 texts of look-alikes only): 0.822 with the
    rules before this round (Dai and pet names 0, institution places, two-digit-year dashes, Hong
    Kong districts and ids, a bank branch's place, a caller named after their town), 1.000 after.
    Precision 0.981, then 0.969 once schools were found whole after their place: this set labels the
    county of 谷城县第一中学, not the school."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate(load_evalset([DATA / "dev_zh8.jsonl"]), deider)
    assert report.recall >= 0.99, report.missed
    assert report.precision >= 0.965, report.false_positives
    assert report.preservation >= 0.98, report.clobbered


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("香港身份证 Y123456(8)，持证人 麦嘉琪", "Y123456(8)", "ID_NUMBER"),  # the check digit belongs to it
        ("澳门居民身份证 1234567(8)", "1234567(8)", "ID_NUMBER"),
        ("台胞 林志明 身份证 A123456789 来诊", "A123456789", "ID_NUMBER"),  # Taiwan, checksum valid
        ("2026年1月入住将军澳医院", "将军澳", "LOCATION"),  # a Hong Kong district before a hospital
        ("上个月在沙田威尔斯亲王医院做的胃镜", "沙田", "LOCATION"),
        ("我住在荃湾，最近咳嗽", "荃湾", "LOCATION"),
        ("地址：将军澳尚德邨尚智楼1203室", "将军澳尚德邨尚智楼1203室", "LOCATION"),  # the flat after the block
    ],
)
def test_hong_kong_macau_and_taiwan_ids_and_districts(found, text, value, kind):
    assert value in _of(found, text, kind), found(text, "zh")


@pytest.mark.parametrize("text", ["沙田柚很甜，元朗丝苗米。", "旺角很热闹，红磡体育馆开演唱会。"])
def test_hk_fruit_and_sights_stay(found, text):
    assert not _of(found, text, "LOCATION"), found(text, "zh")


def test_an_unchecked_taiwan_shape_is_no_taiwan_id(deider):
    spans = deider.analyze_text("型号 A123456788 的导管", "zh")
    assert not [s for s in spans if s.recognizer.endswith("tw_id")], spans


@pytest.mark.parametrize("text", ["药品有效期至2027-05，有效期：2027年5月，生产日期 2025.11.03"])
def test_a_products_dates_are_no_persons(found, text):
    assert not _of(found, text, "DATE_TIME"), found(text, "zh")
    assert _of(found, "患者2025-11-03入院，2025.11出院", "DATE_TIME") == {"2025-11-03", "2025.11"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("开户行：工商银行苏州工业园区支行", "苏州工业园区"),  # a bank branch stands where its holder lives
        ("中国建设银行股份有限公司南宁民族大道支行", "南宁民族大道"),
        ("农业银行田东县支行营业部", "田东县"),
    ],
)
def test_the_place_of_a_bank_branch(found, text, value):
    assert value in _of(found, text, "LOCATION"), found(text, "zh")


def test_a_name_after_a_record_numbers_value(found):
    """A header row: 住院号 and its value, then the name as the next field."""
    assert "宋佳" in _of(found, "住院号20250116033 宋佳 胎龄39+2周 Apgar评分1分钟9分", "PERSON")
    assert not _of(found, "住院号 123456 胸痛 3天，床号 12 护理 一级", "PERSON")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("孩子在浦东新区上学", "浦东新区"),  # a district jieba knows as a place
        ("我在天河区上班，最近腰疼", "天河区"),
        ("来自延边朝鲜族自治州龙井市", "延边朝鲜族自治州龙井市"),  # a prefecture and its city
        ("去杭州市看病", "杭州市"),
        ("我在深圳南山科技园上班", "深圳南山科技园"),  # a zone after a city and its district
        ("他在苏州工业园区打工", "苏州工业园区"),
    ],
)
def test_a_district_city_or_zone_after_a_word_of_living_or_going(found, text, value):
    assert value in _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["在无菌区，在候诊区，在隔离区，在生活区，在病区，在小区，在市区，在城区。", "在大城市，在县级市，在农贸市场，在这座城市，在超市。",
     "可以到医院或者市人民医院复诊。"],
)
def test_areas_of_a_ward_and_kinds_of_city_are_no_places(found, text):
    assert not _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [("林医生你好，我是前天找你看过的小雨妈妈", "小雨"), ("你好我是朵朵的爸爸，孩子昨晚又烧了", "朵朵")],
)
def test_a_parent_named_by_the_childs_pet_name(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


def test_a_parent_named_by_a_word_for_child(found):
    assert not _of(found, "我是宝宝妈妈，我是孩子妈妈，我是小孩的奶奶。", "PERSON")


@pytest.mark.parametrize(("text", "value"), [("我外公叫农德才 95了 住在大新县硕龙镇", "95"), ("我奶奶，已经92了，最近吃不下", "92")])
def test_an_old_relatives_age_after_the_name_or_a_pause(found, text, value):
    assert value in _of(found, text, "AGE"), found(text, "zh")


def test_a_blood_pressure_after_a_relative_is_no_age(found):
    assert not _of(found, "奶奶血压150，90了还要吃药吗", "AGE")


def test_a_transliterated_name_in_brackets_after_a_latin_one(found):
    assert "玛丽亚" in _of(found, "患者：Maria Gonzalez（玛丽亚），西班牙籍", "PERSON")
    assert not _of(found, "CT (平扫) 和 MRI（增强）均未见异常，PET-CT（全身）", "PERSON")


@pytest.mark.parametrize(
    ("text", "value"),
    [("3/4/26 复诊", "3/4/26"), ("26/03/2026 复查", "26/03/2026"), ("二〇二五年冬至那天发病", "二〇二五年冬至"),
     ("去年腊八开始咳", "去年腊八")],
)
def test_slash_dates_and_solar_terms(found, text, value):
    assert value in _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize("text", ["每周1/3/5透析，比例1/2/3，分级 2/3/4。", "小年轻不注意，年纪小年龄大。", "血压130/80/70"])
def test_schedules_ratios_and_words_are_no_dates(found, text):
    assert not _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(("text", "value"), [("覃姐说她女儿在南宁读书", "覃"), ("问问王哥，张叔也来了", "王"), ("问问王哥，张叔也来了", "张"),
                                             ("医生 我叫黎女士 电话是一三八", "黎")])
def test_a_surname_before_a_kin_word_or_title_is_the_person(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


def test_kin_words_without_a_surname_stay(found):
    assert not _of(found, "我表姐说，大姐也是，空姐，师姐，老姐都这样。", "PERSON")


def test_the_names_of_a_consultation_list(found):
    assert {"刘强", "马丽", "宋晓东"} <= _of(found, "参加会诊：刘强、马丽、宋晓东", "PERSON")


def test_a_role_before_a_titled_surname_keeps_the_title_out(found):
    spans = found("第1台 卞泽宇 腹腔镜胆囊切除术 主刀：岳主任", "zh")
    assert ("PERSON", "岳") in spans and ("PERSON", "岳主任") not in spans, spans


def test_a_surname_like_adverb_before_a_verb_is_no_name(found):
    assert not _of(found, "Down综合征患儿常合并先天性心脏病，建议行心脏彩超筛查。", "PERSON")
    assert "常小军" in _of(found, "患儿常小军发热3天", "PERSON")


def test_a_district_after_a_city_before_a_word_of_work(found):
    assert "佛山顺德" in _of(found, "现在在佛山顺德打工", "LOCATION")
    assert _of(found, "我在深圳上班，他在杭州工作", "LOCATION") == {"深圳", "杭州"}


@pytest.mark.parametrize(("text", "value"), [("我是兰坪县拉井镇的和学英我丈夫昨天摔了", "和学英"),
                                             ("我是3床的冯雪梅，想问下明天几点抽血", "冯雪梅")])
def test_a_caller_named_after_their_place_or_bed(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


def test_a_caller_named_by_trade_after_their_place_is_no_name(found):
    assert not _of(found, "我是那坡县的农民，我是村里的医生，我是三组的老大", "PERSON")


def test_a_masked_mobile_still_leaks_its_digits(found):
    assert "183****6789" in _of(found, "快递单：收件人 莫小雨 电话 183****6789", "PHONE_NUMBER")
    assert not _of(found, "血压183****", "PHONE_NUMBER")


def test_a_county_named_without_its_suffix_after_a_word_of_living(found):
    assert "靖西" in _of(found, "我家在靖西，孩子在百色读高中", "LOCATION")
    assert not _of(found, "我在打太极，是惠民的政策，去同仁看过", "LOCATION")


@pytest.mark.parametrize(("text", "value"), [("我是昨天那个小胖的妈妈", "小胖"), ("我家宝宝叫可乐 8个月了 拉肚子三天", "可乐")])
def test_a_childs_pet_name_even_when_a_word(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


def test_calling_and_crying_are_no_child_names(found):
    assert not _of(found, "孩子叫不醒，宝宝叫了一晚上，孩子叫什么名字，宝宝叫声很大。我是孩子的妈妈。", "PERSON")


@pytest.mark.parametrize(("text", "value"), [("患者 梁伟强 (Kelvin) 时间 2026-03-05 19:30", "Kelvin"),
                                             ("患儿陈嘉欣（Cindy），女，5岁", "Cindy")])
def test_an_english_given_name_in_brackets_after_a_chinese_name(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


def test_eponyms_and_brands_in_brackets_stay(found):
    text = "唐氏综合征(Down)筛查，川崎病(Kawasaki)，王氏(Wang)评分，肌力测试(Lovett)，布洛芬(Advil)"
    assert not _of(found, text, "PERSON"), found(text, "zh")
