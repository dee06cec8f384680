"""Names after a role word of a form or a family, parts of months and years, bare years of an
event, slashed appointment dates in mixed text and a hundred years of age."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我们家乐乐（大名贾思远）昨晚起红疹", "贾思远"),
        ("麻醉：南宫平（全麻）", "南宫平"),
        ("麻醉：桂林生（全麻） | 术前诊断：胆囊结石", "桂林生"),  # a city + 生 after a role is a name
        ("职业病诊断：劳动者尚大海在某铸造厂工作15年", "尚大海"),  # 尚 is a word, 大海 too
        ("家属签字：蓝天佑（子）  日期：2024.07.08", "蓝天佑"),
        ("家属儿子韦大勇陪护。", "韦大勇"),
        ("事由：为辖区居民戴海潮（高血压）申请家庭病床。", "戴海潮"),
        ("调整：停二甲双胍，余继续。药师宫田田 2025-02-14", "宫田田"),
        ("老人家仇桂兰是腊月廿三摔倒的", "仇桂兰"),
    ],
)
def test_name_after_a_role_word(found, text, name):
    assert ("PERSON", name) in found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["麻醉：全麻  药师：审核通过", "麻醉方式：全身麻醉", "麻醉科术前访视：拟行全麻", "签字确认后方可执行输血，术者需术前谈话。",
     "老人家常见跌倒风险评估采用Morse量表", "辖区居民健康档案每年更新", "劳动者权益保障", "大名鼎鼎的专家", "职工医保报销"],
)
def test_role_words_without_a_name(found, text):
    assert not {f for f in found(text, "zh") if f[0] == "PERSON"}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("下次复诊5月下旬。", "5月下旬"),
        ("末次月经六月上旬，", "六月上旬"),
        ("2025年2月中旬因脑梗死入院", "2025年2月中旬"),
        ("于2019年底发现乙肝表面抗原阳性", "2019年底"),
        ("2020年初开始血液透析", "2020年初"),
        ("既往：08年行PCI术", "08年"),
        ("，19年诊断高血压", "19年"),
        ("1998年行胃大部切除术", "1998年"),
        ("Holter 约在 next Monday 11/18 可以吗", "Monday 11/18"),  # (a weekday goes with its date)
        ("想约 12/05 的门诊", "12/05"),
    ],
)
def test_partial_and_bare_dates(found, text, date):
    assert ("DATE_TIME", date) in found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["高血压20年开始服药", "工作15年，胸片示尘肺", "根据2022年版指南", "2019年世界卫生组织发布", "淋巴结转移（10/12）",
     "3个月底复查", "每月初复查", "病程3年行手术治疗", "术后2年发现复发", "近2年开始"],
)
def test_durations_editions_and_ratios_are_no_dates(found, text):
    assert not {f for f in found(text, "zh") if f[0] == "DATE_TIME"}


def test_a_hundred_years_of_age(found):
    assert ("AGE", "百岁") in found("甘老太，百岁老人，近两天咳嗽", "zh")
    assert not {f for f in found("祝您长命百岁，身体健康", "zh") if f[0] == "AGE"}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("会话ID 7f3a-22c1 | 患者账号 hzy_19770312 | 登录IP 112.64.218.37", "SOCIAL_HANDLE", "hzy_19770312"),
        ("APP用户名 lym_19850726 在线问诊", "SOCIAL_HANDLE", "lym_19850726"),
        ("我妹妹在小红书（甜甜不吃糖）上写", "SOCIAL_HANDLE", "甜甜不吃糖"),
        ("动态血糖仪（传感器编号3MH01Y8C2A），TIR 62%", "DEVICE_ID", "3MH01Y8C2A"),
        ("胰岛素泵（泵编号NG4K7Q2M9T）", "DEVICE_ID", "NG4K7Q2M9T"),
    ],
)
def test_logins_bracketed_nicknames_and_worn_devices(found, text, kind, value):
    assert (kind, value) in found(text, "zh")


@pytest.mark.parametrize(
    "text", ["会话ID 7f3a-22c1 开始", "订单ID 88213-A7 已支付", "小红书（2024）数据显示", "抖音（短视频）上的内容", "账号 admin",
             "胰岛素泵 5U/h 持续泵入"],
)
def test_session_ids_years_and_words_are_no_identifiers(found, text):
    assert not {f for f in found(text, "zh") if f[0] in {"SOCIAL_HANDLE", "MEDICAL_RECORD_NUMBER", "DEVICE_ID"}}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("彝族，31岁，住凉山州昭觉县竹核乡。", "凉山州昭觉县竹核乡"),
        ("我们在勐海县勐遮镇", "勐海县勐遮镇"),
        ("在琼中县红毛镇卫生院诊断肺炎", "琼中县红毛镇"),
        ("病人由香港沙田來深求診", "沙田"),
        ("病人由香港荃灣來深覆診", "荃灣"),
    ],
)
def test_county_town_chains_and_hong_kong_districts(found, text, place):
    assert ("LOCATION", place) in found(text, "zh")


@pytest.mark.parametrize("text", ["该县乡镇卫生院条件有限", "全县各乡镇开展筛查", "县乡两级医院", "沙田柚很甜", "香港脚反复发作"])
def test_kinds_of_county_and_fruit_are_no_places(found, text):
    assert not {f for f in found(text, "zh") if f[0] == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("医生我是玉香的老公岩罕，她坐月子第10天发烧", "玉香"),
        ("医生我是玉香的老公岩罕，她坐月子第10天发烧", "岩罕"),
        ("家属联系人：丈夫符老四 0898-8621 3374", "符老四"),
        ("邻居张老三帮忙送来的", "张老三"),
        ("查房时小宇（患儿，沈浩宇）精神好转", "小宇"),
        ("Dr. 林你好，我想约门诊", "林"),
        ("Prof. 陈，我女儿最近头痛", "陈"),
        ("外籍患者玛利亚·罗德里格斯，西班牙籍", "玛利亚·罗德里格斯"),
        ("【预约提醒】尕藏措您好，您已预约眼科门诊", "尕藏措"),
        ("患者冼婆婆上周开始吃华法林", "冼"),  # the surname only: 婆婆 is how she is addressed
    ],
)
def test_names_of_shapes_no_dictionary_knows(found, text, name):
    assert ("PERSON", name) in found(text, "zh")


@pytest.mark.parametrize(
    "text", ["这是个老大难问题", "他排行老二", "家里老三最小", "患者岩石样硬", "小便（尿常规）", "小明（小名）", "采取措施", "措手不及",
             "阅读《红楼梦·序》后"],
)
def test_ranks_rocks_and_brackets_are_no_names(found, text):
    assert not {f for f in found(text, "zh") if f[0] == "PERSON"}


def test_a_transcript_address_ends_where_the_speaker_goes_on(found):
    text = "咳嗽有黄痰我们住在乌鲁木齐市水磨沟区南湖北路这边你看要不要去拍个胸片"
    places = {v for t, v in found(text, "zh") if t == "LOCATION"}
    assert places == {"乌鲁木齐市水磨沟区南湖北路"}


def test_a_hui_name_before_the_imam_title(found):
    assert ("PERSON", "马哈三") in found("马哈三阿訇的孙子马志强，12岁，1型糖尿病", "zh")
    assert not {f for f in found("请阿訇念经祈福", "zh") if f[0] == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [("家属（女儿）：覃丽萍  电话13877882461", "覃丽萍"), ("联系人(丈夫) 尚大海 0855-8271163", "尚大海"), ("取药人：皮小军", "皮小军"),
     ("送检人 干永福", "干永福")],
)
def test_names_after_who_fetched_or_a_bracketed_relative(found, text, name):
    assert ("PERSON", name) in found(text, "zh")


@pytest.mark.parametrize("text", ["家属（儿子）签字", "取药人：本人", "代办人：家属", "送检人：门诊"])
def test_those_roles_without_a_name(found, text):
    assert not {f for f in found(text, "zh") if f[0] == "PERSON"}
