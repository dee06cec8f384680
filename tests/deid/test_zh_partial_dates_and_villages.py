"""Chinese shapes of the sixth round: dates given only partly (relative year, two-digit or
Chinese-numeral year, year.month), village addresses, platform ids without @, names found by a
cue and the whole run after it (minority, foreign, Dai), actors after a time word, and nicknames
in brackets; each with the look-alikes that must stay (durations, amounts, lab values, clinical
findings after 患者, products named after a city, drugs and TCM)."""

from __future__ import annotations

import pytest


def _values(found, text: str, etype: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == etype}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我爸去年10月在高速上出过车祸", "去年10月"),
        ("我妈前年十一月份做的心脏搭桥", "前年十一月份"),
        ("孩子是去年端午出生的", "去年端午"),  # a relative year's holiday
        ("我奶奶今年正月初六开始咳嗽", "今年正月初六"),  # and a lunar month and day
        ("车祸是去年腊月二十六出的", "去年腊月二十六"),
        ("明年5月15号回来复查", "明年5月15号"),
        ("2013年2月服药，今年5月26又再次发生", "今年5月26"),  # a day without 日
        ("他上个月28号胸口又闷了一次", "上个月28号"),  # a day of a relative month
        ("本月16日两种药各喂一次", "本月16日"),
        ("既往史：98年3月行阑尾切除术", "98年3月"),  # two-digit year
        ("19年5月份孕12周胎停", "19年5月份"),
        ("〇八年五月地震那会儿受的伤", "〇八年五月"),  # two Chinese-numeral digits
        ("2012.5诊断2型糖尿病", "2012.5"),  # year.month
        ("2009/12 确诊乙肝", "2009/12"),
        ("2020-12复发后改奥拉帕利维持", "2020-12"),
    ],
)
def test_partial_and_relative_dates(found, text, value):
    assert value in _values(found, text, "DATE_TIME"), found(text, "zh")


def test_a_range_of_year_months_is_two_dates(found):
    assert _values(found, "化疗：2018.3-2018.9行6周期", "DATE_TIME") == {"2018.3", "2018.9"}


@pytest.mark.parametrize(
    "text",
    [
        "孩子10个月了，今年10个月",  # an age in months after 今年
        "病程约10年3月",  # a duration
        "体重62.5，费用2012.5元，软件V2019.1版",  # amounts and versions
        "2019-11-05复查",  # a full date is one span, not a year-month
        "去年冬天开始咳嗽，3年前得过支气管炎",  # a season or a duration is no date
    ],
)
def test_date_look_alikes(found, text):
    got = _values(found, text, "DATE_TIME")
    assert not got or got == {"2019-11-05"}, got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("住百色市田阳区那坡镇那满村，地中海贫血", "百色市田阳区那坡镇那满村"),  # 那 opens Zhuang place names
        ("家住靖西市岳圩镇那布村弄平屯，脑梗", "靖西市岳圩镇那布村弄平屯"),  # a hamlet (屯) below the village
        ("住址灵山县檀圩镇那隆村委马路坡，请予接诊", "灵山县檀圩镇那隆村委马路坡"),
        ("我们住合浦县常乐镇石湾村委会三组23号", "合浦县常乐镇石湾村委会三组23号"),
        ("住在平果市马头镇那厘村第三村民小组", "平果市马头镇那厘村第三村民小组"),
        ("患者沙马拉且，家住凉山州昭觉县解放乡火普村", "凉山州昭觉县解放乡火普村"),
    ],
)
def test_village_addresses(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "他在那个村住了十年，那里的村医说没事",  # 那 as "that"
        "去乡村医生那里看了，村卫生室说是感冒",
        "现在住在你们医院骨科，明天手术",  # 住在 + the hospital
        "镇江香醋能降血压吗？吃了柳州螺蛳粉后拉肚子",  # products named after a city
        "医生说我这个需要镇痛，镇静药也开了一点",
    ],
)
def test_village_and_place_look_alikes(found, text):
    assert not _values(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我抖音号dy_lanlan0921，QQ 2853307416", "dy_lanlan0921"),
        ("微博ID：xiaoyu_0715，我妈的化验单", "xiaoyu_0715"),
        ("快手ID是kx520hh", "kx520hh"),
        ("我的微博名叫可乐加冰_0208，主页", "可乐加冰_0208"),  # Chinese with a digit or underscore
    ],
)
def test_platform_ids_without_at(found, text, value):
    assert value in _values(found, text, "SOCIAL_HANDLE"), found(text, "zh")


@pytest.mark.parametrize("text", ["抖音号是多少？抖音号上说的对吗", "我在抖音上看到说二甲双胍伤肾", "小红书上也有人说吃了掉头发"])
def test_platform_words_without_an_id(found, text):
    assert not _values(found, text, "SOCIAL_HANDLE"), found(text, "zh")


def test_a_bare_id_before_a_number(found):
    assert ("MEDICAL_RECORD_NUMBER", "0038821") in found("药物重整：岑国栋（ID 0038821）自带药", "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("患者沙马拉且，家住凉山州", "沙马拉且"),  # opens with a Yi name's part, closed by punctuation
        ("患者包额尔敦，COVID-19后肺纤维化。", "包额尔敦"),  # a Han surname before a Mongolian part
        ("患者俄木尔作，男，彝族", "俄木尔作"),
        ("交班：11床那顺乌日图，男，蒙古族", "那顺乌日图"),  # vouched for by sex and ethnicity
        ("患者岩温，男，傣族，住勐海县", "岩温"),  # Dai names open with 岩 (men) or 玉 (women)
        ("23床覃妹，女，102岁", "覃妹"),
        ("家属（儿子敖日其楞）15847321106", "敖日其楞"),
        ("外籍患者安娜（俄罗斯籍）", "安娜"),  # a transliterated name without a middle dot
        ("翻译玛丽亚陪同", "玛丽亚"),
        ("送检医师：闭海燕　送检日期：2025.05.22", "闭海燕"),  # a Zhuang surname that is a word too
        ("用户练美玲发起视频问诊", "练美玲"),
    ],
)
def test_names_by_cue_and_run(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "患者神志清楚，男",
        "患者精神可，女，45岁",
        "患者意识模糊，男，80岁",
        "患者顺产，女婴",
        "患者阿莫西林过敏，女",
        "孩子叫嘟嘟，三岁半。",  # the run opens with a verb: only 嘟嘟 is the name
        "翻译说病人能听懂",
        "医生让我节食，大夫让先消炎",  # 让 is "let", not a transliteration
    ],
)
def test_cued_run_look_alikes(found, text):
    persons = _values(found, text, "PERSON")
    assert persons <= {"嘟嘟"}, persons


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("昨天邵俊峰给我开了头孢克肟", "邵俊峰"),  # a time word, the actor, a verb of acting
        ("上周罗建平给我做的胃镜", "罗建平"),
        ("是唐国庆帮我换的药", "唐国庆"),
        ("那天黄志勇跟我讲这个是带状疱疹", "黄志勇"),
        ("多亏周海波及时给我爸做了心肺复苏", "周海波"),
        ("问了李春梅，她说这个疫苗要隔一年", "李春梅"),  # asked: a clause end is enough
        ("莫华，你好，你的结果出来了", "莫华"),  # a message opening with its addressee
    ],
)
def test_actors_after_a_time_word(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "昨天高烧不退给我急死了",
        "上次常规检查说正常",
        "是金黄色葡萄球菌感染",
        "上周林可霉素打完了",
        "今天夏枯草喝了，早上吴茱萸汤也喝了",
        "家属述：患者九八年三月曾行甲状腺次全切除术",  # 曾行 is "once underwent"
        "中药方子里有刘寄奴、徐长卿、王不留行、何首乌",
    ],
)
def test_time_word_look_alikes(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("阿姨(阿华)说她妈吃了六味地黄丸", "阿华"),
        ("我舅妈（阿梅）前几天查出乳腺增生", "阿梅"),
        ("我大姨（阿芬）血压180", "阿芬"),
        ("我表哥(小名军仔)喝酒后痛风又犯了", "军仔"),  # after 小名 any shape
        ("我们家阿玲吃完头孢喝了酒", "阿玲"),
        ("小宇这两天拉肚子，要吃蒙脱石散吗", "小宇"),  # 小 + a given-name character opening the text
    ],
)
def test_nicknames(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["吃了（阿胶）还是咳", "（小便）正常", "小儿最近咳嗽", "小腹这两天疼", "小孩这几天拉肚子", "小柴胡颗粒和阿奇霉素能一起吃吗"],
)
def test_nickname_look_alikes(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("南宁青秀区", "南宁青秀区"),  # a city without 市, then its district
        ("老家是玉林北流的", "玉林北流"),  # a rare word after a city, before 的
        ("我是贺州八步人", "贺州八步"),
        ("住：南宁市西乡塘区安吉大道12号华润万象城3栋1单元1602", "南宁市西乡塘区安吉大道12号华润万象城3栋1单元1602"),
    ],
)
def test_places_continued(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize("text", ["广州感冒了", "我在深圳工作", "在南宁上班，", "杭州西湖边"])
def test_a_city_before_a_word_stays_short(found, text):
    locs = _values(found, text, "LOCATION")
    assert all(len(v) == 2 for v in locs), locs


def test_a_hometown_after_wo_shi_is_no_name(found):
    assert not _values(found, "我是贺州八步人", "PERSON")


@pytest.mark.parametrize(("text", "value", "etype"), [
    ("家属罗阿妹代签", "罗阿妹", "PERSON"),  # 妹 closes the name after 阿/二
    ("她今年九十有三", "九十有三", "AGE"),
])
def test_southern_names_and_literary_ages(found, text, value, etype):
    assert (etype, value) in found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我老婆ning hui怀孕了", "ning hui"),  # lower-case pinyin after a family word
        ("我是zhang wei的家属", "zhang wei"),
        ("我叫liuyang，今年30", "liuyang"),
        ("孩子他爸钟振国说不想手术", "钟振国"),
    ],
)
def test_pinyin_names_and_parents_named_by_the_child(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["我是ok的", "我是hpv阳性", "患者ct检查", "患者hbsag阳性", "家属bp高", "我老婆hen喜欢吃辣"])
def test_latin_words_after_a_cue_are_no_pinyin_names(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("护照号：E12345678", "E12345678", "ID_NUMBER"),
        ("台胞证号码 12345678", "12345678", "ID_NUMBER"),
        ("军官证号：南字第20231234号", "南字第20231234号", "ID_NUMBER"),  # (the whole 字第…号 number, its region's letter too)
        ("微信号：小雨点_1990", "小雨点_1990", "SOCIAL_HANDLE"),  # a Chinese WeChat id with digits
    ],
)
def test_identity_documents_and_chinese_wechat_ids(found, text, value, etype):
    assert (etype, value) in found(text, "zh")


@pytest.mark.parametrize("text", ["微信号是多少？微信同号", "护照丢了，补办要多久", "驾驶证到期了"])
def test_document_words_without_a_number(found, text):
    assert not found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("老陈头晕好几天了", "老陈"),  # 老/小 + a common surname as the subject
        ("医助小李帮我挂的号", "小李"),
        ("家属老刘说可以手术", "老刘"),
        ("哥们儿赵磊昨天喝多了", "赵磊"),
    ],
)
def test_surname_nicknames(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["老毛病又犯了", "我老是头晕", "患者老年男性", "孩子小便发黄", "老白干喝了", "小马过河"])
def test_surname_nickname_look_alikes(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value", "etype"),
    [
        ("3月5日至8日住院", "3月5日至8日", "DATE_TIME"),  # a range of days
        ("3.15复查", "3.15", "DATE_TIME"),  # month.day before a visit
        ("3/15复诊", "3/15", "DATE_TIME"),
        ("于12.3入院", "12.3", "DATE_TIME"),
        ("从4.20日我的左手有时颤抖", "4.20日", "DATE_TIME"),
        ("周三（3.12）开始咳嗽", "周三（3.12）", "DATE_TIME"),  # the weekday naming the day goes with it
        ("于24.3.5入院", "24.3.5", "DATE_TIME"),  # two-digit year, dotted
        ("93高龄，股骨颈骨折", "93", "AGE"),
        ("Age: 92", "92", "AGE"),
    ],
)
def test_short_dates_and_ages(found, text, value, etype):
    assert (etype, value) in found(text, "zh")


@pytest.mark.parametrize("text", ["空腹血糖6.5复查", "血压3.15开始", "剂量2.5开始", "体温37.5下午", "版本10.2.3", "第10.2.3条"])
def test_values_before_a_visit_are_no_dates(found, text):
    assert not _values(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("姓 名：蒙 秋 菊　性 别：女", "蒙 秋 菊"),  # the next spaced label's 性 stays out
        ("|姓名|黄小龙|性别|男|", "黄小龙"),  # a table row with bars
        ("病人姓名:LU XIAOMEI", "LU XIAOMEI"),  # upper-case pinyin on a form
    ],
)
def test_form_and_table_names(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["患者CT检查", "患者HBV阳性", "患者MRI提示", "患者NT-proBNP升高", "患者PET-CT", "患者LONG QT综合征",
                                  "参考《指南（2019.10版）》", "杂志2020.3期"])
def test_upper_case_abbreviations_and_editions(found, text):
    assert not found(text, "zh"), found(text, "zh")


def test_home_after_jia_zai(covered):
    assert covered("我家在民族大道附近的凤岭北小区", "凤岭北小区", "zh")
    assert covered("老家在钦州市钦南区", "钦州市钦南区", "zh")


@pytest.mark.parametrize("text", ["我家在农村，看病不方便", "你家在哪里", "我家在三楼没电梯", "我家在广东，孩子发烧", "住在广西壮族自治区"])
def test_home_words_without_an_address(found, text):
    assert not _values(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(("text", "value"), [("用户ID：u_8823145 发起问诊", "u_8823145"), ("理赔号：CLM2025031800123", "CLM2025031800123"),
                                             ("报案号 8800123456", "8800123456")])
def test_user_ids_and_claim_numbers(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(("text", "name"), [("我们是从平果县来的，我爸叫农福生", "农福生"), ("宝妈：我家闺女叫可可 3岁", "可可"),
                                            ("孩子叫糖糖，两岁", "糖糖")])
def test_names_after_a_relative_and_jiao(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["孩子叫妈妈了", "孩子叫天天哭", "我老公叫什么不重要", "我妈叫我去买药"])
def test_jiao_as_a_verb(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(("text", "value"), [("农历腊月廿三出生", "腊月廿三"), ("去年腊月廿八住的院", "去年腊月廿八"),
                                             ("二〇二三年腊月廿六", "二〇二三年腊月廿六"), ("九月廿一生日", "九月廿一")])
def test_lunar_days_with_nian(found, text, value):
    assert value in _values(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(("text", "value"), [("呼叫器号 8823", "8823"), ("BP机 96123", "96123"), ("分机 8012", "8012"),
                                             ("集团短号661234", "661234")])
def test_pagers_extensions_and_short_numbers(found, text, value):
    assert ("PHONE_NUMBER", value) in found(text, "zh")


@pytest.mark.parametrize("text", ["呼吸机参数PEEP 5", "呼吸频率20次/分"])
def test_breathing_is_no_pager(found, text):
    assert not _values(found, text, "PHONE_NUMBER")


@pytest.mark.parametrize(("text", "name"), [("刘志强他妈刚打电话", "刘志强"), ("给陈丽芳安排床位", "陈丽芳")])
def test_names_after_gei_or_before_a_pronoun(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["给黄芪加量", "跟高血压有关", "给白开水喝", "跟林可霉素一起用", "给金银花泡水", "给石膏固定", "跟钟表一样",
                                  "跟黄疸有关", "跟常规一样", "跟张力有关系", "给杜冷丁止痛", "跟周期有关", "进行跟踪观察，及时处理"])
def test_gei_and_gen_before_clinical_words(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(("text", "name"), [("吉克金花昨天发烧", "吉克金花"), ("宝力高说腿疼", "宝力高"), ("帕尔哈提今天出院", "帕尔哈提"),
                                            ("木合塔尔的妻子", "木合塔尔")])
def test_more_minority_name_parts_without_a_cue(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["金花茶泡水喝", "金花葵能降血糖吗", "那顺便问一下", "那顺利吗"])
def test_minority_part_look_alikes(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(("text", "name"), [("新生儿陆小宝", "陆小宝"), ("孕妇黎丽娟血压高", "黎丽娟"), ("死者覃美玲，女", "覃美玲")])
def test_the_person_a_certificate_is_about(found, text, name):
    assert name in _values(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["孕妇能吃阿莫西林吗", "新生儿黄疸怎么办", "新生儿高胆红素血症", "孕妇甲减", "婴儿湿疹"])
def test_maternity_words_before_findings(found, text):
    assert not _values(found, text, "PERSON"), found(text, "zh")


def test_a_voice_filler_between_cue_and_name(found):
    text = "呃那个我叫呃黄志明然后我今年九十一了"
    assert "黄志明" in _values(found, text, "PERSON") and ("AGE", "九十一") in found(text, "zh")
    assert not _values(found, "我叫啊不记得了", "PERSON")


@pytest.mark.parametrize(("text", "value"), [("我们是从平果县来的", "平果县"), ("回田东县过年", "田东县"), ("他在城关镇上班", "城关镇"),
                                             ("来自那坡县", "那坡县")])
def test_a_county_or_town_alone_after_coming_or_living(found, text, value):
    assert ("LOCATION", value) in found(text, "zh")


def test_a_county_naming_a_hospital_is_a_place(found):
    assert ("LOCATION", "田东县") in found("在田东县人民医院住院", "zh")


@pytest.mark.parametrize("text", ["我在贫困县工作", "去乡镇卫生院看了", "在本县医院", "到镇上买药", "在县城",
                                  "在使用镇静药", "在服用镇痛药", "到隔壁乡", "在全县推广"])
def test_county_words_that_name_no_place(found, text):
    assert not _values(found, text, "LOCATION"), found(text, "zh")
