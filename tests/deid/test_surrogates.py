"""Surrogates are consistent per case and realistic; date shifting keeps intervals and formats."""

from __future__ import annotations

import random
from datetime import date

import pytest

from mediscope.deid.surrogates import SurrogateFactory, case_date_shift, shape_preserving, shift_date


@pytest.mark.parametrize(
    ("original", "days", "expected"),
    [
        ("2023年3月5日", -10, "2023年2月23日"),
        ("2023-03-05", 30, "2023-04-04"),
        ("2023/3/5", -5, "2023/2/28"),
        ("3月5日", 1, "3月6日"),
        ("二〇二三年三月五日", -5, "二〇二三年二月二十八日"),
        ("19850612", 1, "19850613"),
        ("March 3, 2023", -3, "February 28, 2023"),
        ("03/14/1950", 1, "03/15/1950"),
        ("12 Jan 2024", -12, "31 Dec 2023"),
        ("Mar 5th", 1, "Mar 6th"),
    ],
)
def test_shift_date_formats(original, days, expected):
    assert shift_date(original, days) == expected


def test_unparseable_date_returns_none():
    assert shift_date("last spring", 10) is None


def test_date_shift_keeps_intervals_across_a_case(deider):
    texts = ["2023年3月5日入院", "2023年3月12日出院，2023年4月5日复查"]
    res = deider.deidentify_texts(texts, "zh", case_key="case-A")
    import re

    def parse(s):
        y, m, d = map(int, re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s)[0])
        return date(y, m, d)

    out = [parse(res[0].text), *[date(*map(int, x)) for x in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", res[1].text)]]
    assert out[0] != date(2023, 3, 5)
    assert (out[1] - out[0]).days == 7 and (out[2] - out[0]).days == 31


def test_case_shift_is_deterministic_and_nonzero():
    a = case_date_shift(0, "c1", -30, 30)
    assert a == case_date_shift(0, "c1", -30, 30) and a != 0
    assert len({case_date_shift(0, f"c{i}", -365, -7) for i in range(20)}) > 5


def test_same_person_same_surrogate_within_case_and_different_across_cases():
    f1 = SurrogateFactory(seed=0, case_key="c1", date_shift_days=-10)
    f2 = SurrogateFactory(seed=0, case_key="c2", date_shift_days=-10)
    a = f1.surrogate("PERSON", "张伟", "zh")
    assert a == f1.surrogate("PERSON", "张伟", "zh") != "张伟"
    assert len(a) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in a)
    assert {f2.surrogate("PERSON", n, "zh") for n in ["张伟", "李娜", "王芳"]} != {a}
    # spacing/full-width variants of one number map to one surrogate
    assert f1.surrogate("PHONE_NUMBER", "13812345678", "zh") == f1.surrogate("PHONE_NUMBER", "13812345678", "zh")
    assert f1.surrogate("PERSON", "王", "zh") != "王" and len(f1.surrogate("PERSON", "王", "zh")) == 1


def test_surrogate_avoids_other_originals():
    f = SurrogateFactory(seed=0, case_key="c1", date_shift_days=-10, avoid={"13812345678"})
    assert f.surrogate("PHONE_NUMBER", "13812345678", "zh") != "13812345678"


def test_shape_preserving_keeps_grouping_and_width():
    out = shape_preserving("１３８ 1234-5678", random.Random(1), keep_prefix=3)
    assert out[:3] == "１３８" and out[3] == " " and out[8] == "-" and len(out) == len("１３８ 1234-5678")
    assert out != "１３８ 1234-5678"


def test_generated_id_card_is_valid():
    from mediscope.deid.recognizers.base import cn_id_checksum_ok

    f = SurrogateFactory(seed=3, case_key="c", date_shift_days=-1)
    out = f.surrogate("CN_ID_CARD", "110101199003074514", "zh")
    assert cn_id_checksum_ok(out) and out != "110101199003074514"


def test_id_card_surrogate_does_not_read_the_clock(monkeypatch):
    """Faker's zh_CN ssn() dates its birth date from today: a rerun of the same case on another
    day would change the number. The surrogate is drawn from the case's own seed instead."""
    from faker.providers.ssn.zh_CN import Provider as CnSsn

    from mediscope.deid.recognizers.base import cn_id_checksum_ok

    first = SurrogateFactory(seed=3, case_key="c", date_shift_days=-1).surrogate("CN_ID_CARD", "110101199003074514", "zh")

    def clock_reading_ssn(*args, **kwargs):
        raise AssertionError("the surrogate must not use Faker's clock-dependent ssn()")

    monkeypatch.setattr(CnSsn, "ssn", clock_reading_ssn)
    again = SurrogateFactory(seed=3, case_key="c", date_shift_days=-1).surrogate("CN_ID_CARD", "110101199003074514", "zh")
    assert again == first and cn_id_checksum_ok(again)
    assert 1935 <= int(again[6:10]) <= 2005


def test_surrogate_never_embeds_an_original():
    avoid = {"李明", "13812345678"}
    for case in range(30):
        f = SurrogateFactory(seed=0, case_key=f"c{case}", date_shift_days=-3, avoid=avoid)
        addr = f.surrogate("LOCATION", "北京市朝阳区建国路88号", "zh")
        assert "李明" not in addr


@pytest.mark.parametrize("original,expected", [
    ("92", "90+"), ("103", "90+"), ("ninety-two", "90+"), ("one hundred and two", "90+"), ("九旬", "90+"),
    ("95 y/o", "90+ y/o"), ("90yo", "90+yo"), ("91岁", "90+岁"), ("九十四岁", "90+岁"), ("Ninety three years", "90+ years"),
])
def test_an_age_over_89_becomes_90_plus_and_keeps_its_unit(original, expected):
    from mediscope.deid.surrogates import age_over_89

    assert age_over_89(original) == expected


def test_age_span_with_its_unit_reads_in_the_replaced_text(deider):
    result = deider.deidentify_text("Pt is a 95 y/o woman, lives alone", "en")
    assert "95" not in result.text and "90+ y/o woman" in result.text


@pytest.mark.parametrize("handle", ["小鱼儿ww2019", "wxid_爱吃橘子", "甜甜不吃糖", "汤圆不圆_1962"])
def test_chinese_part_of_a_handle_is_replaced_too(handle):
    """A handle's Chinese part identifies as much as its digits: no character of it may survive."""
    out = SurrogateFactory(seed=0, case_key="c1", date_shift_days=-10).surrogate("SOCIAL_HANDLE", handle, "zh")
    han = [ch for ch in handle if "\u4e00" <= ch <= "\u9fff"]
    assert len(out) == len(handle)
    assert all(a != b for a, b in zip(handle, out, strict=True) if a in han)
    assert [ch for ch in out if "\u4e00" <= ch <= "\u9fff"] and out.count("_") == handle.count("_")


def test_plate_keeps_its_province_character():
    out = SurrogateFactory(seed=0, case_key="c1", date_shift_days=-10).surrogate("LICENSE_PLATE", "京A12345", "zh")
    assert out[0] == "京" and out != "京A12345"


@pytest.mark.parametrize(
    "text", ["我在小红书（甜甜不吃糖）上写过", "微信号：wxid_爱吃橘子，已添加", "用户小鱼儿ww2019说他头痛"]
)
def test_text_with_a_chinese_handle_is_deidentified_without_leaving_its_name(text):
    from mediscope.deid import deidentify_text

    result = deidentify_text(text, "zh")
    handles = [text[s.start : s.end] for s in result.spans if s.entity_type == "SOCIAL_HANDLE"]
    assert handles, "the handle must be found for this test to mean anything"
    for h in handles:
        han = "".join(ch for ch in h if "\u4e00" <= ch <= "\u9fff")
        assert han and han not in result.text


def test_a_shifted_date_drops_the_weekday_it_no_longer_falls_on():
    from mediscope.deid.surrogates import shift_date

    assert shift_date("Friday, 3 May 2024", -30) == shift_date("3 May 2024", -30) is not None
    assert shift_date("星期三 2024年5月8日", -10) == "2024年4月28日"
