"""Names and numbers as labels, cards, imaging headers and phone screens print them
(recognizers/printed_names.py). Every positive uses strings found in no data file; the negatives are
look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, lang: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


DICOM = ("(0008,0020) DA [20260417]   StudyDate\n(0010,0010) PN [QIAN^XIULAN]\n(0010,0020) LO [R7730158]\n"
         "(0010,0030) DA [19320902]\n(0010,1010) AS [093Y]\n(0018,1000) LO [CTX-77A1048]\n(0008,1030) LO [CT CHEST]")


class TestDicomHeaders:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    @pytest.mark.parametrize("value", ["20260417", "QIAN^XIULAN", "R7730158", "19320902", "093", "CTX-77A1048"])
    def test_every_identifying_attribute_is_found(self, lang, value):
        assert value in _found(DICOM, lang), _found(DICOM, lang)

    def test_a_study_description_and_a_young_age_stay(self):
        text = "(0008,1030) LO [CT CHEST]\n(0010,1010) AS [064Y]\n(0018,0050) DS [1.25]"
        assert _found(text, "en") == [], _found(text, "en")

    def test_a_caret_name_on_a_film_print_is_found(self):
        assert "OKONJO^ADAEZE" in _found("GE LOGIQ\nOKONJO^ADAEZE  17/04/2026", "en", "PERSON")


class TestMaskedValues:
    @pytest.mark.parametrize("text, value", [
        ("就诊人 郁*霞\n就诊科室 皮肤科", "郁*霞"),
        ("证件持有人：祁**", "祁**"),
        ("您正在为就诊人宁*预约眼科号源", "宁*"),
        ("候诊 6   上官*   031", "上官*"),
        ("姓名:邵○涵\n身分", "邵○涵"),
        ("证件号 4401**********3317", "4401**********3317"),
        ("支付 储蓄卡 6217 00** **** 5520", "6217 00** **** 5520"),
    ])
    def test_a_masked_name_or_number_is_found(self, text, value):
        assert value in _found(text, "zh"), _found(text, "zh")

    @pytest.mark.parametrize("text", ["**注意**：空腹服用", "评分 3*4*5 分", "每*天一次", "备注：* 为必填项"])
    def test_markdown_and_arithmetic_stay(self, text):
        assert _found(text, "zh") == [], _found(text, "zh")


class TestLabelLines:
    @pytest.mark.parametrize("text, name", [
        ("体检导检单\n庞 秋 实  男 41\n体检号", "庞 秋 实"),
        ("【输液卡】 留观\n鲍 立 新  67  床:留观03", "鲍 立 新"),
        ("社会保障卡\n欧阳 春 晓\n社会保障号码 44010619880214302X", "欧阳 春 晓"),
    ])
    def test_a_spaced_name_on_a_label_is_found(self, text, name):
        assert name in _found(text, "zh", "PERSON"), _found(text, "zh")

    @pytest.mark.parametrize("text", ["处 方 笺\n诊 断：感冒", "门 诊 病 历\n姓名：", "金 额  120 元",
                                      "单 价  12 元", "单 位  1 盒", "方 法  1 口服"])
    def test_a_spaced_heading_stays(self, text):
        assert _found(text, "zh", "PERSON") == [], _found(text, "zh")

    @pytest.mark.parametrize("text, name", [
        ("CARDIAC CATH LAB\nQUIGLEY-NASH, MAEVE     F 58Y\nMRN 8841220", "QUIGLEY-NASH, MAEVE"),
        ("IV ADMIXTURE\nODUYA, Kelechi    Rm 5-12", "ODUYA, Kelechi"),
        ("ST ELSEWHERE HOSP\nMAEVE QUIGLEY\nDOB: 02/11/1974", "MAEVE QUIGLEY"),
    ])
    def test_a_label_name_is_found(self, text, name):
        assert name in _found(text, "en", "PERSON"), _found(text, "en")

    @pytest.mark.parametrize("text", ["CBC, DIFF     4 tubes", "NOTE, PLEASE   2 copies", "URGENT REVIEW\nDOB: 1/2/1990",
                                      "X-RAY, CHEST   2 views"])
    def test_a_heading_in_capitals_stays(self, text):
        assert _found(text, "en", "PERSON") == [], _found(text, "en")


class TestChatTitleBars:
    @pytest.mark.parametrize("text, lang, handle", [
        ("<  返回          栗子不吃辣         ···\n下午 3:12\n栗子不吃辣：在吗", "zh", "栗子不吃辣"),
        ("〈  阿芬姐🌸 (2)                  📞 ≡\n3/14(六)", "zh", "阿芬姐🌸"),
        ("←  Tash 🌻                       📹  📞  ⋮\nToday", "en", "Tash 🌻"),
    ])
    def test_the_contact_in_a_title_bar_is_found(self, text, lang, handle):
        assert handle in _found(text, lang), _found(text, lang)

    def test_a_plain_arrow_in_prose_is_no_title_bar(self):
        assert _found("血糖 < 7  是目标\n继续观察", "zh") == []
