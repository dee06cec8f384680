"""Thirty-first round of Chinese recall: a receipt's or invoice's number after its label, a month and
day typed without 日 before what was done that day. Every positive uses strings found in no data file;
the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestReceiptNumbers:
    @pytest.mark.parametrize("text, number", [
        ("门诊收费票据\n票据号码：0O7731526   开票日期：2026-04-11", "0O7731526"),
        ("发票号码：00918273 金额：126.50元", "00918273"),
        ("收据号 2026041900312，请妥善保管", "2026041900312"),
        ("单据号码：B20260419  经办人：自助机", "B20260419"),
    ])
    def test_the_number_on_a_patients_bill_is_found(self, text, number):
        assert number in _found(text), _found(text)

    @pytest.mark.parametrize("text", ["票据号码：见背面", "发票号码请填写在下方", "收据号码：（空）"])
    def test_a_label_with_no_number_gives_nothing(self, text):
        assert _found(text) == [], _found(text)


class TestMonthDayWithoutRi:
    @pytest.mark.parametrize("text, date", [
        ("我4月23打的第二针，今天胳膊还疼", "4月23"),
        ("上回是10月7做的肠镜", "10月7"),
        ("外婆5月19住的院", "5月19"),
        ("血糖是6月2晚上测的", "6月2晚上"),
        ("挂的号是7月15上午", "7月15上午"),
        ("8月30那天开始发烧", "8月30"),
    ])
    def test_a_typed_month_and_day_is_found(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "怀孕3月5天做的NT",
        "这个药2月吃了16天",
        "一共3月5次去复查",
        "3月5晚餐后血糖偏高",
        "他2023年3月5去的",
    ])
    def test_counts_and_meals_stay(self, text):
        found = _found(text, "DATE_TIME")
        assert not {"3月5", "2月16", "3月5晚"} & set(found), found
