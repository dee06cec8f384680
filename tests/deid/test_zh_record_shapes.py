"""Chinese record shapes: a date with its clock time, short-year dates, VINs, handles after a
platform, staff numbers, ages without 岁, role and bed-number cues, 阿X nicknames, Latin names
owning a relative; each with the look-alikes that must stay (times alone, ratios, fractions,
@所有人, dictionary words before 记录, drugs after 予)."""

from __future__ import annotations

import pytest


def _of(found, text: str, etype: str) -> set[str]:
    return {v for t, v in found(text, "zh") if t == etype}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("巡视 2023/11/05 14:20 患者诉切口疼痛", "2023/11/05 14:20"),
        ("出车时间 22-12-30 06:05  地点", "22-12-30 06:05"),  # two-digit year with a time
        ("[日志] 2023-09-14 07:02:55 医嘱推送", "2023-09-14 07:02:55"),
        ("接口记录：2023-12-01T16:30:00 推送成功", "2023-12-01T16:30:00"),  # ISO 8601
        ("男婴于2023年6月9日14时32分娩出", "2023年6月9日14时32分"),
        ("预约3月12日（周五）下午2:15的门诊", "3月12日（周五）下午2:15"),  # weekday and part of the day
        ("我爸5月20号晚上8点突然说话不清楚", "5月20号晚上8点"),
        ("采样时间：2023.10.08 9:05　标本", "2023.10.08 9:05"),
        ("转入日期：15/08/23\n患者", "15/08/23"),  # dd/mm/yy
        ("上周五（9/27）开始咳嗽", "上周五（9/27）"),  # the weekday that names the day goes with it
    ],
)
def test_dates_with_times_are_one_span(found, text, date):
    assert _of(found, text, "DATE_TIME") == {date}


@pytest.mark.parametrize(
    "text",
    [
        "每天早上8:30吃降压药，晚上9:00测血压，血压130/85。",  # times without a date
        "比例5/10的患者出现皮疹，3/4的人在一周内缓解。",  # fractions
        "OGTT 5.3/10.8/9.1 mmol/L",
        "剂量减半（1/2），10:20/11:30 各一次",
        "版本 v2.1.3，12/13/14 三个批次",  # not a calendar date in any reading
    ],
)
def test_times_and_fractions_alone_are_no_dates(found, text):
    assert not _of(found, text, "DATE_TIME"), text


def test_vins_after_a_cue_or_with_a_valid_check_digit(found):
    assert _of(found, "车架号：LSVAU2180N2156734，伤者", "LICENSE_PLATE") == {"LSVAU2180N2156734"}
    assert _of(found, "车辆识别代号 LFV2A21K8G3049281", "LICENSE_PLATE") == {"LFV2A21K8G3049281"}
    assert _of(found, "肇事车辆 1M8GDM9AXKP042788 已扣押", "LICENSE_PLATE") == {"1M8GDM9AXKP042788"}
    # 17 characters without a cue and with a wrong check digit: a lab or batch code, not a VIN
    assert not _of(found, "批号 1M8GDM9A3KP042788 的试剂", "LICENSE_PLATE")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("看到您抖音号@骨科小王医生说可以不手术", "@骨科小王医生"),
        ("我在微博@晴天的阿梅1987私信过您", "@晴天的阿梅1987"),
        ("我在小红书@草莓味的小糖看到你们医院", "@草莓味的小糖"),
        ("关注了快手号@乡村医生老赵2020，他说", "@乡村医生老赵2020"),
    ],
)
def test_handles_after_a_platform(found, text, handle):
    assert _of(found, text, "SOCIAL_HANDLE") == {handle}


def test_at_without_a_platform_is_no_handle(found):
    assert not _of(found, "群里@所有人：明天上午科室例会", "SOCIAL_HANDLE")


def test_staff_numbers(found):
    assert _of(found, "操作员闻人慧（工号 H7732）调阅", "ID_NUMBER") == {"H7732"}
    assert not found("工号和密码请妥善保管，不要告诉他人。", "zh")


@pytest.mark.parametrize(
    ("text", "age"),
    [("我奶奶九十三了，摔了一跤", "九十三"), ("我太姥姥虚岁102了", "102"), ("外婆虚岁101，最近便秘", "101"),
     ("老人家已经一百零一了", "一百零一"), ("我爷爷今年都九十一了", "九十一")],
)
def test_old_ages_without_sui(found, text, age):
    assert _of(found, text, "AGE") == {age}


@pytest.mark.parametrize("text", ["心率已经九十了吗", "血氧已经90了", "血压一百九十三了", "他都93了还在上班"])
def test_measurements_closed_by_le_are_no_ages(found, text):
    assert not _of(found, text, "AGE"), text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("司机庞志勇说是在路口撞的", {"庞志勇"}),
        ("驾驶员尹国平自述追尾后颈部疼痛", {"尹国平"}),
        ("用户钟离若兰发起图文问诊", {"钟离若兰"}),  # a compound surname after a role
        ("操作人苗建华修改了过敏史", {"苗建华"}),
        ("交接：8床韦美香术后第1天；9床亓官诗雨，子痫前期", {"韦美香", "亓官诗雨"}),  # bed numbers
        ("请看一下雷德华（22床）的肾穿刺结果", {"雷德华"}),
        ("贝思远负责急诊，柏晓琳负责病房。", {"贝思远", "柏晓琳"}),
        ("吕子轩宝宝家长：宝宝应接种第二剂", {"吕子轩"}),
        ("我室友王晓峰昨天发烧", {"王晓峰"}),
    ],
)
def test_names_after_roles_and_bed_numbers(found, text, names):
    assert _of(found, text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "8床需要换药，10床今天出院，12床高热待查。",  # a bed number before words
        "用户反馈血糖仪读数偏高，请核对试纸批号。",
        "司机师傅说路上堵车。",
        "专人负责，由护士长负责。",
        "起搏器程控记录：参数未调整。",  # a dictionary word before 记录 names the record
        "患者诉切口疼痛，予曲马多口服。",  # a drug after 予
        "复查血常规（3床）",
    ],
)
def test_role_and_bed_look_alikes_are_no_names(found, text):
    assert not _of(found, text, "PERSON"), text


@pytest.mark.parametrize(
    ("text", "name"),
    [("阿华最近总说心口疼", "阿华"), ("阿芳这几天老说头晕", "阿芳"), ("我闺女小雪从昨天开始发烧", "小雪"),
     ("我室友Jessica昨天开始发烧", "Jessica"), ("我是Daniel的妈妈，他的报告出来了吗", "Daniel"),
     ("I'm Priya的同事，她不太会中文", "Priya")],
)
def test_nicknames_and_latin_names(found, text, name):
    assert _of(found, text, "PERSON") == {name}


@pytest.mark.parametrize(
    "text",
    ["阿胶最近涨价了", "阿姨最近怎么样", "阿司匹林一直吃着", "Hi 医生，我想问一下布洛芬", "Hello 您好",
     "今天小雪，我女儿小便发黄", "Apple的手机"],
)
def test_nickname_look_alikes(found, text):
    assert not _of(found, text, "PERSON"), text


@pytest.mark.parametrize(
    ("text", "place"),
    [("我们在赣州市于都县罗坳镇", "赣州市于都县罗坳镇"), ("住在恩施州来凤县翔凤镇", "恩施州来凤县翔凤镇"),
     ("家住广州市从化区街口街道", "广州市从化区街口街道")],
)
def test_place_names_starting_with_function_characters(found, text, place):
    assert _of(found, text, "LOCATION") == {place}


@pytest.mark.parametrize(
    ("text", "name"),
    [("紧急联系人：陈林思远（儿子）  电话：135", "陈林思远"), ("患者：周吴悦然，女，6岁", "周吴悦然")],
)
def test_two_surname_names_after_a_cue(found, text, name):
    assert _of(found, text, "PERSON") == {name}


@pytest.mark.parametrize("text", ["联系人：社区居委会（值班室）", "患者：高血压病，", "患者：王府井的，"])
def test_four_characters_after_a_cue_that_are_no_two_surname_name(found, text):
    assert not _of(found, text, "PERSON"), text
