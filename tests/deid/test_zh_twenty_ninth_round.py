"""Twenty-ninth round of Chinese recall: ward notes and forms. A surname alone after a bed in a list
of beds, who filed a report (上报人), a kin word after a contact field that is no name, a name in
capitals after a name field (Singapore and Malaysia), a flat's dashed building-room number, 街坊
blocks, a month and day with the clock at a log line's start or after 时间. Every positive uses
strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestWardNames:
    @pytest.mark.parametrize("text, name", [
        ("夜班交班\n23床 鲍（术后第二天）体温37.9℃\n25床 输液通畅", "鲍"),
        # (these two were found before the round too, by the name's own shape; kept as guards of the cue)
        ("不良事件上报\n上报人：訾雨彤  科室：骨科", "訾雨彤"),
        ("填报人：禹春燕 2026-04-02", "禹春燕"),
    ])
    def test_a_name_in_a_ward_note_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "23床 空（待入院）\n25床 输液通畅",
        "上报人：护士长",
        "23床 鲍（术后第二天）体温37.9℃",  # one bed is no list
    ])
    def test_roster_words_stay(self, text):
        assert _found(text, "PERSON") == []

    def test_a_kin_word_after_a_contact_field_is_no_name(self):
        found = _found("联系人：母亲 宓兰芬 138", "PERSON")
        assert "宓兰芬" in found and "母亲" not in found


class TestCapitalisedRomanisedNames:
    @pytest.mark.parametrize("text, name", [
        ("病人姓名：GOH SWEE LAN（吴瑞兰）  性别：女", "GOH SWEE LAN"),
        ("姓名：QUEK AH HUAT  NRIC：S1234567D", "QUEK AH HUAT"),
        ("Patient: KOH Chee Kow 许志狗", "KOH Chee Kow"),
    ])
    def test_a_name_in_capitals_after_a_name_field(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["姓名：NG TUBE 置管", "Name: HIV NEG", "姓名：COPD AE"])
    def test_abbreviations_after_a_name_field_stay(self, text):
        assert _found(text, "PERSON") == []


class TestChatLabelsThatMarkThemselves:
    @pytest.mark.parametrize("text, handle", [
        ("家族群\n周建平：外婆今天怎么样\nLulu🌷：好多了，下午出院", "Lulu🌷"),
        ("宝妈群\n豆豆妈：疫苗打完发烧正常吗\nCoco桃桃：正常的，多喝水", "Coco桃桃"),
        ("【相亲相爱一家人】\n二姐-秀梅：妈透析做完没\n小弟：做完了", "二姐-秀梅"),
        ("公众号留言\n爱吃西瓜的猫2024：我爸在你们心内科住院\n小编：您好，请留电话", "爱吃西瓜的猫2024"),
    ])
    def test_a_screen_name_in_a_chat(self, text, handle):
        assert handle in _found(text), _found(text)

    @pytest.mark.parametrize("text", [
        "检查报告\nCT报告：未见异常\nB超结果：胆囊结石",
        "复诊安排\n术前-术后：对比\n医生：好的",
        "Lulu🌷：好多了，下午出院",  # one labelled line is no chat
    ])
    def test_report_labels_stay(self, text):
        assert not any(s for s in _found(text) if "报告" in s or "术前" in s or "Lulu" in s), _found(text)


class TestForumPosters:
    @pytest.mark.parametrize("text, handle", [
        ("【病友论坛】透析三年的一点心得\n楼主 蓝色的海风 发表于 2025-06-03", "蓝色的海风"),
        ("（已隐去个人信息）楼主：@肾内科小周  坐标合肥", "@肾内科小周"),
    ])
    def test_the_posters_screen_name(self, text, handle):
        assert handle in _found(text, "SOCIAL_HANDLE"), _found(text)

    @pytest.mark.parametrize("text", ["楼主：我也是这样，吃了药就好了", "楼主说的对，发表于昨天"])
    def test_what_a_poster_says_stays(self, text):
        assert _found(text, "SOCIAL_HANDLE") == []

    def test_a_titled_author_keeps_the_surname_alone(self):
        assert _found("作者 邹医生 发布于 2024-05-01", "PERSON") == ["邹"]


class TestHongKongIdentityCards:
    def test_the_letter_spaced_off_the_digits_after_the_cards_name(self):
        assert "R 482016(3)" in _found("姓名：LEUNG Ka Yan 梁嘉欣  身份證：R 482016(3)\n年齡：88", "ID_NUMBER")

    def test_a_value_after_a_lab_letter_stays(self):
        assert _found("K 4.5 (3) 复查", "ID_NUMBER") == []


class TestAddressesAndTimestamps:
    @pytest.mark.parametrize("text, place", [
        ("随访地点：合肥市蜀山区长江西路88号3-1102", "合肥市蜀山区长江西路88号3-1102"),
        ("住 洛阳市西工区王城路街道6街坊12号楼", "洛阳市西工区王城路街道6街坊12号楼"),
        ("快递送到 锦绣小区21栋3门，放门口", "锦绣小区21栋3门"),
        ("住 建设路66号院2栋1门302", "建设路66号院2栋1门302"),
    ])
    def test_the_address_keeps_its_flat(self, text, place):
        assert place in _found(text, "LOCATION"), _found(text)

    def test_a_count_after_an_address_stays_outside(self):
        assert "长江西路88号" in _found("长江西路88号 3-5天后复查", "LOCATION")

    @pytest.mark.parametrize("text, date", [
        ("留观记录\n4-18 03:10 患者诉胸闷，予吸氧", "4-18 03:10"),
        ("会诊医师：邬  时间：4.21 15:20", "4.21 15:20"),
    ])
    def test_a_log_lines_month_day_and_clock(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", ["血钾 3.12 16:40 复查", "每日3-5 10:00前服"])
    def test_values_before_a_clock_stay(self, text):
        assert _found(text, "DATE_TIME") == []
