"""Numbers read aloud in Chinese digits (一三八六六二一四五零九, 幺三八，六六二一，四五零九) get surrogates
like written ones: every digit is replaced, Chinese digits by Chinese digits, separators stay.
Left as they were, the surrogate reproduced the original and verification rejected the record."""

from __future__ import annotations

import pytest

from mediscope.deid import types as T
from mediscope.deid.surrogates import SurrogateFactory

_CN = set("零〇一二三四五六七八九幺两")


def _shape(value: str) -> str:
    """c: a Chinese digit, d: an ASCII digit, f: a full-width digit; anything else as is."""
    out = []
    for ch in value:
        if ch in _CN:
            out.append("c")
        elif ch.isascii() and ch.isdigit():
            out.append("d")
        elif "０" <= ch <= "９":
            out.append("f")
        else:
            out.append(ch)
    return "".join(out)


def _factory(*originals: str) -> SurrogateFactory:
    from mediscope.deid.surrogates import _key

    return SurrogateFactory(seed=7, case_key="case-cn", date_shift_days=5, avoid={_key(o) for o in originals})


@pytest.mark.parametrize(
    ("entity_type", "original"),
    [
        (T.PHONE_NUMBER, "一三八六六二一四五零九"),
        (T.PHONE_NUMBER, "幺三八，六六二一，四五零九"),
        (T.PHONE_NUMBER, "一三八 六六二一 四五零九"),
        (T.PHONE_NUMBER, "零二一-六四三七〇二二八"),
        (T.CN_ID_CARD, "一一零一零五一九八五零三一二一二三四"),
        (T.MEDICAL_RECORD_NUMBER, "二零二四零零一二三四"),
        (T.ID_NUMBER, "二〇二四〇〇一二三四"),
        (T.PHONE_NUMBER, "138六六二一四五零九"),
        (T.PHONE_NUMBER, "１３８六六二1４５０９"),
        (T.ACCOUNT_NUMBER, "6222 零二一二 3456 七八九零"),
    ],
)
def test_chinese_numeral_surrogate_keeps_shape_and_differs(entity_type, original):
    factory = _factory(original)
    out = factory.surrogate(entity_type, original, "zh")
    assert _shape(out) == _shape(original), (original, out)
    assert out != original
    # Every run of Chinese digits is replaced, not only the number as a whole: the last four are new.
    digits = [ch for ch in original if ch in _CN or ch.isdigit()]
    new_digits = [ch for ch in out if ch in _CN or ch.isdigit()]
    assert digits[-4:] != new_digits[-4:], (original, out)


def test_chinese_numeral_surrogate_is_consistent_within_a_case():
    factory = _factory("一三八六六二一四五零九")
    first = factory.surrogate(T.PHONE_NUMBER, "一三八六六二一四五零九", "zh")
    again = factory.surrogate(T.PHONE_NUMBER, "一三八六六二一四五零九", "zh")
    assert first == again
    other = _factory("一三八六六二一四五零九").surrogate(T.PHONE_NUMBER, "一三八六六二一四五零九", "zh")
    assert other == first  # reruns are byte-identical


def test_mobile_prefix_is_kept_and_spoken_one_stays_spoken():
    out = _factory().surrogate(T.PHONE_NUMBER, "幺三八，六六二一，四五零九", "zh")
    assert out.startswith("幺三八，")
    assert "一" not in out  # the reading used 幺 for one; the fake does too


def test_id_card_in_chinese_numerals_has_digits_only():
    original = "一一零一零五一九八五零三一二一二三四"
    out = _factory(original).surrogate(T.CN_ID_CARD, original, "zh")
    assert len(out) == 18 and all(ch in _CN for ch in out), out


def test_phone_read_in_chinese_numerals_is_deidentified(deider):
    res = deider.deidentify_text("护士：一三八六六二一四五零九", "zh", case_key="cn-num-1")
    assert "六六二一四五零九" not in res.text
    assert res.text.startswith("护士：")
    assert _shape(res.text[3:]) == "c" * 11, res.text


def test_id_read_in_chinese_numerals_is_deidentified(deider):
    text = "身份证号：一一零一零五一九八五零三一二一二三四"
    res = deider.deidentify_text(text, "zh", case_key="cn-num-2")
    assert "一一零一零五一九八五零三一二一二三四" not in res.text
    assert _shape(res.text[5:]) == "c" * 18, res.text


def test_mixed_arabic_and_chinese_number_is_deidentified(deider):
    res = deider.deidentify_text("电话：138六六二一四五零九", "zh", case_key="cn-num-3")
    assert "六六二一四五零九" not in res.text
    assert _shape(res.text[3:]) == "ddd" + "c" * 8, res.text


def test_chinese_numbers_outside_spans_are_untouched(deider):
    text = "护士：一三八六六二一四五零九。三天后复查，孩子上一二年级，每日两次。"
    res = deider.deidentify_text(text, "zh", case_key="cn-num-4")
    tail = "。三天后复查，孩子上一二年级，每日两次。"
    assert res.text.endswith(tail), res.text
    assert len(res.text) == len(text)
