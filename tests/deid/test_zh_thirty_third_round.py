"""Thirty-third round of Chinese recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.recognizers.chat_labels import sibling_chat_labels
from mediscope.deid.types import PhiSpan


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestTheOtherSpeakersOfAChat:
    """Once one turn's label is a screen name, the chat's other members' labels are screen names too."""

    @pytest.mark.parametrize("text, handles", [
        ("小熊🐻：下周透析改到周三了\n风吹麦浪：我也是周三，一起去\n海边的石头：同问\n小太阳：同问", ["风吹麦浪", "海边的石头", "小太阳"]),
        ("Cici🐱：复查结果出来了\n小雨滴滴：恭喜恭喜", ["小雨滴滴"]),
    ])
    def test_the_other_labels_are_handles(self, text, handles):
        found = _found(text, "SOCIAL_HANDLE")
        assert all(h in found for h in handles), found

    def test_a_label_whose_handle_is_named_elsewhere_counts(self):
        # the first label is known only from the @mention in the third line
        text = "松间明月：有人换过胰岛素泵吗\n雨巷丁香：我换过\n溪边垂柳：@松间明月 可以问问门诊"
        assert "溪边垂柳" in _found(text, "SOCIAL_HANDLE"), _found(text)

    def test_roles_kin_fields_and_notices_are_no_members(self):
        text = ("小熊🐻：医生在吗\n医生：在的，哪里不舒服\n患者：头疼三天\n妈妈：她昨晚没睡\n大姐：我在旁边\n"
                "联系电话：打不通\n温馨提示：本群禁止广告\n系统提示：对话已结束")
        found = _found(text, "SOCIAL_HANDLE")
        assert found == ["小熊🐻"], found

    def test_without_a_known_handle_no_label_is_taken(self):
        text = "主诉：头痛三天\n现病史：无明显诱因\n风吹麦浪：不是一个字段"
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)

    def test_the_step_only_adds_to_the_recognizers_spans(self):
        text = "小熊🐻：在吗\n风吹麦浪：在"
        known = [PhiSpan(0, 3, "SOCIAL_HANDLE", 0.8, "chat_label_marked")]
        out = sibling_chat_labels(text, known)
        assert out[:1] == known and [text[s.start:s.end] for s in out[1:]] == ["风吹麦浪"]
        assert sibling_chat_labels(text, []) == []


class TestMarkedLabels:
    @pytest.mark.parametrize("text, handle", [
        ("【陪诊群】\n海棠🌸王姐：明天谁去拿报告\nJerry_lin：我下午可以", "海棠🌸王姐"),
        ("【陪诊群】\n海棠🌸王姐：明天谁去拿报告\nJerry_lin：我下午可以", "Jerry_lin"),
    ])
    def test_an_emoji_inside_and_a_capitalised_login_mark_a_handle(self, text, handle):
        assert handle in _found(text, "SOCIAL_HANDLE"), _found(text)

    @pytest.mark.parametrize("text", ["CT_report：见附件\nMRI_result：未见异常", "血常规：正常\n肝功能：正常"])
    def test_report_labels_stay(self, text):
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)


class TestStudyRolesBeforeNames:
    @pytest.mark.parametrize("text, name", [("电话随访（访员柯雨桐）：阿姨您好", "柯雨桐"), ("已补签。——CRC 鄢思琪", "鄢思琪"),
                                            ("监查员：闫梦洁　中心：08", "闫梦洁")])
    def test_the_name_after_a_study_role(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["研究者签名：＿＿＿＿", "访员培训已完成", "CRC已补签"])
    def test_the_role_alone_stays(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestVenuesOfATrace:
    """Where someone was, as an epidemiological trace lists it: a venue's own name and its kind."""

    @pytest.mark.parametrize("text, venue", [
        ("6月3日晚与家人在翠湖湾公园散步；", "翠湖湾公园"),
        ("次日中午在老街坊火锅聚餐约1小时", "老街坊火锅"),
        ("下午在永辉超市（红旗店）购物；", "永辉超市（红旗店）"),
    ])
    def test_the_named_venue_is_a_place(self, text, venue):
        assert venue in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", ["每天早上去农贸市场买菜", "饭后在小区附近公园散步", "到楼下超市买了点水果", "在我家附近饭店吃饭",
                                      "去药店买药"])
    def test_a_kind_of_venue_without_a_name_stays(self, text):
        assert _found(text, "LOCATION") == [], _found(text)


class TestCarersOutsideTheWard:
    @pytest.mark.parametrize("text, name", [("情绪低落，已转介社工晏子琪。", "晏子琪"), ("个案管理师：卞嘉怡", "卞嘉怡")])
    def test_a_social_worker_or_a_case_manager_by_name(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    def test_the_role_alone_stays(self):
        assert _found("已联系社工，村医每周随访", "PERSON") == []
