"""Chinese long-tail shapes (ninth development set): a relative day with its date in brackets, a
date with the part of the day and a rounded clock, the crossing of two roads, a device's number
after the device's name, a city in an SMS signature; each with the look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def _of(found, text: str, kind: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("您的复查安排在下周四（6月11日），请空腹来院", "下周四（6月11日）"),
        ("后天（3月2号）上午来抽血", "后天（3月2号）"),
        ("明晚（7月9日）9点前到病房", "明晚（7月9日）9点"),
        ("上周五（10/17）做的CT", "上周五（10/17）"),
        ("拟于下个月（2025年12月）复查肠镜", "下个月（2025年12月）"),
        ("前天傍晚（8月3日）开始发烧", "前天傍晚（8月3日）"),
    ],
)
def test_a_relative_day_with_its_date_in_brackets_is_one_date(found, text, value):
    assert value in _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2025年11月20日晚9点多突发胸痛", "2025年11月20日晚9点多"),
        ("12月1日凌晨三点半孩子抽搐", "12月1日凌晨三点半"),
        ("2024年6月6日早7点左右晕倒", "2024年6月6日早7点左右"),
        ("9月9号下午两点来的", "9月9号下午两点"),
    ],
)
def test_a_date_takes_the_part_of_the_day_and_a_rounded_clock(found, text, value):
    assert value in _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["明天（周三）来复查", "下周一（门诊）再看", "今天好一点了，晚上一点也不咳", "晚饭后一点点胸闷"],
)
def test_relative_days_without_a_date_and_a_little_stay_text(found, text):
    assert not _of(found, text, "DATE_TIME"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("事故地点：武汉市洪山区珞喻路与鲁磨路交叉口", "武汉市洪山区珞喻路与鲁磨路交叉口"),
        ("在西安市雁塔区小寨东路和长安中路十字路口被撞", "西安市雁塔区小寨东路和长安中路十字路口"),
        ("车停在人民大道与解放西路路口，伤者清醒", "人民大道与解放西路路口"),
        ("就住在建设大街和和平路交汇处那边", "建设大街和和平路交汇处"),
    ],
)
def test_a_crossing_of_two_roads_is_one_place(found, text, value):
    assert value in _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["过马路和走路口时注意安全", "食道与气道交界处可见新生物", "胃肠道和尿道口未见异常", "在路口等红灯时头晕"],
)
def test_road_words_that_are_no_crossing_stay_text(found, text):
    assert not _of(found, text, "LOCATION"), found(text, "zh")


def test_a_place_after_the_label_didian_starts_at_the_place(found):
    text = "事故时间晚上，地点济南市历下区泉城路"
    assert "济南市历下区泉城路" in _of(found, text, "LOCATION"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("呼吸机的序列号是RS2209-11873，最近总报警", "RS2209-11873"),
        ("探头SN：7QK29X，已更换", "7QK29X"),
        ("起搏器的编号为PM88213046", "PM88213046"),
    ],
)
def test_a_device_number_after_the_device_name(found, text, value):
    assert value in _of(found, text, "DEVICE_ID"), found(text, "zh")


@pytest.mark.parametrize("text", ["泵的编号规则请看说明书", "设备的序列号在背面", "SNP位点rs12345检测阳性"])
def test_device_words_without_a_number_stay_text(found, text):
    assert not _of(found, text, "DEVICE_ID"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    ["您的报告已出，请登录查看。【健康杭州】", "请按时接种第二针【平安成都】", "停诊通知【武汉发布】"],
)
def test_a_city_in_an_sms_signature_stays(found, text):
    assert not _of(found, text, "LOCATION"), found(text, "zh")


def test_a_hospital_signature_keeps_its_city(found):
    text = "您已预约成功。【温岭市第一人民医院】"
    assert any("温岭" in v for v in _of(found, text, "LOCATION")), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("姓 名：公孙 婉清  性 别：女", "公孙 婉清"),  # a two-character surname spaced from the given name
        ("患者姓名：司徒　静\n科室：内科", "司徒　静"),
        ("其妻玉南在床旁陪护", "玉南"),  # a Dai name after 其妻, before 在
        ("我老婆玉波怀孕5个月了", "玉波"),
        ("小蒋你把3床的药拿一下", "小蒋"),  # the colleague spoken to
        ("隔壁床的老谭他昨晚又喘了", "老谭"),
        ("你跟小韦一起去拿片子", "小韦"),
        ("遵韩医嘱予吗啡5mg皮下注射", "韩"),  # the doctor whose order the note follows
        ("遵蒋医嘱停用肝素", "蒋"),
        ("宇文静怡：您的报告已出，请来取", "宇文静怡"),  # a two-character surname before a colon or a word
        ("独孤明轩进食后呕吐两次", "独孤明轩"),
        ("郑晓东家属来电询问病情", "郑晓东"),
        ("其孙尉迟翔签字", "尉迟翔"),
        ("我阿爸扎西今年九十了", "扎西"),
        ("病人热孜宛古丽，女，67岁", "热孜宛古丽"),
        ("翻译买买提·吐尔洪协助沟通", "买买提·吐尔洪"),
        ("户名：钱晓燕，开户行：农业银行", "钱晓燕"),
        ("退款收款人孟凡宇，请核对", "孟凡宇"),
        ("贺兰若水您好，您的复诊时间已确认", "贺兰若水"),  # a surname outside the classic list
        ("完颜丽华，女，54岁，胸闷", "完颜丽华"),
    ],
)
def test_long_tail_names(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "遵从医嘱按时服药", "遵医嘱服药，定期复查", "小米粥喝了两碗", "我的老师说要复查", "小心地滑，注意安全",
        "患者家属来电询问", "病人家属要求出院", "患者白天发热，夜间好转", "西门子呼吸机故障已报修",
        "复查第五 次，结果正常", "其妻玉米过敏", "小便黄，大便正常",
    ],
)
def test_long_tail_name_look_alikes_stay_text(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("术后由其母亲殷红梅陪护", "殷红梅"),  # 殷红 opens 殷红色 elsewhere
        ("主刀：白天佑，一助：刘洋", "白天佑"),
        ("我是苏州市吴中区的贾宝玉，想咨询一下", "贾宝玉"),  # a dictionary name after the caller's place
    ],
)
def test_names_that_open_with_an_everyday_word_after_a_cue(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.slow
def test_ninth_chinese_development_set(deider):
    """Written before its rules (60 texts, 199 PHI, 10 texts of look-alikes only): 0.759 with the
    rules before this round, 0.955 after (left: names that are everyday words with no cue, 石磊,
    甘甜, 金花, and a list of them)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate(load_evalset([DATA / "dev_zh9.jsonl"]), deider)
    assert report.recall >= 0.95, report.missed
    assert report.precision >= 0.98, report.false_positives
    assert report.preservation >= 0.98, report.clobbered


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("今天4月20，离上次高危已经五周", "4月20", "DATE_TIME"),  # a month and day without 日 after 今天
        ("明天是6月3，要不要空腹", "6月3", "DATE_TIME"),
        ("复查时间5月6日（周三），请带上片子", "5月6日（周三）", "DATE_TIME"),  # the weekday in brackets goes with it
        ("周五（3月13日）下午来拆线", "周五（3月13日）", "DATE_TIME"),
        ("CGM传感器：GS7-55Q21K，已佩戴第3天", "GS7-55Q21K", "DEVICE_ID"),  # a serial right after the device
        ("发射器：8H44KQ2T", "8H44KQ2T", "DEVICE_ID"),
        ("12床 老苏（苏红梅）明早抽血", "老苏", "PERSON"),  # the surname repeated in the bracketed full name
        ("小钱(钱多多)今天出院", "小钱", "PERSON"),
        ("我是上周来拔牙的司空明远，想问一下", "司空明远", "PERSON"),  # a two-character surname after 的
        ("昨天看过门诊的欧阳倩，今天还发烧", "欧阳倩", "PERSON"),
        ("hi doctor, my mom 王秀英 今年78了", "王秀英", "PERSON"),  # a Chinese name after an English kin word
        ("My husband 陈志强 在外地出差", "陈志强", "PERSON"),
    ],
)
def test_more_long_tail_shapes(found, text, value, kind):
    assert value in _of(found, text, kind), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今天4月20天了，伤口还没好", "DATE_TIME"),  # a duration
        ("呼吸机：ResMed AirSense 10，参数正常", "DEVICE_ID"),  # a model, not a serial
        ("泵：MiniMed 780G", "DEVICE_ID"),
        ("老王（主任）说没事", "PERSON"),  # no full name in the brackets (the title rule's business aside)
        ("这是我的东方树叶饮料", "PERSON"),
    ],
)
def test_more_long_tail_look_alikes(found, text, kind):
    values = _of(found, text, kind)
    if kind == "PERSON" and text.startswith("老王"):
        assert "老王" not in values, found(text, "zh")
    else:
        assert not values, found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("收件人和志刚，电话13988012345", "和志刚"),  # the Naxi surname 和 after a receiver's label
        ("户名：木丽华，开户行：建设银行丽江分行", "木丽华"),
        ("患者阿不力克木，男，58岁", "阿不力克木"),  # minority name parts
        ("患者泽郎卓玛，女，34岁，藏族", "泽郎卓玛"),
        ("随访对象：敖登格日勒，女，61岁", "敖登格日勒"),
    ],
)
def test_receivers_and_minority_parts(found, text, value):
    assert value in _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize("text", ["收件人和寄件人信息请填写完整", "户名和账号请核对后再提交"])
def test_receiver_labels_before_a_conjunction_stay_text(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("常青松，女，47岁，头晕3天", "常青松", "PERSON"),  # an everyday word opens the name; sex and age vouch
        ("向明远，男，62岁，咳嗽", "向明远", "PERSON"),
        ("5月6日（下周三）上午8点来抽血", "5月6日（下周三）上午8点", "DATE_TIME"),
        ("4月30日(本周四)下午2:30复诊", "4月30日(本周四)下午2:30", "DATE_TIME"),
    ],
)
def test_word_led_names_before_sex_and_age_and_dated_weekdays(found, text, value, kind):
    assert value in _of(found, text, kind), found(text, "zh")


@pytest.mark.parametrize("text", ["常规，每日1次，3天后复查", "平时，男性多见，40岁以上", "高血压，女性，55岁后多发"])
def test_words_before_sex_or_age_words_stay_text(found, text):
    assert not _of(found, text, "PERSON"), found(text, "zh")
