"""Care homes, communities and residents' rooms, the staff who sign screening rosters, lab dockets
and shift notes, and the traces a photo or a device leaves in a record (a camera's timestamp, GPS
coordinates, serials). Every positive uses strings found in no data file; the negatives are
look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestChineseCareHomes:
    @pytest.mark.parametrize("text, want", [
        ("【松鹤园护理院·三病区】夜班交接", "松鹤园护理院"),
        ("入住机构：余杭区良渚街道康馨养老公寓", "余杭区良渚街道康馨养老公寓"),
        ("老人原住在福安颐养中心，今日转入。", "福安颐养中心"),
        ("（临安市於潜镇敬老院）", "临安市於潜镇敬老院"),
    ])
    def test_a_named_care_home_is_the_residents_place(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "家属打算把老人送到了一家私立养老院。",
        "建议考虑公办养老院或社区养老服务。",
        "本养老院实行二十四小时值班。",
        "目前乡镇敬老院床位紧张。",
    ])
    def test_a_kind_of_care_home_is_no_place(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    @pytest.mark.parametrize("text, want", [
        ("所属社区：桂香里社区　　建档编号", "桂香里社区"),
        ("下午去梧桐湾社区随访两户。", "梧桐湾社区"),
    ])
    def test_a_named_community(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "考虑社区获得性肺炎，予头孢曲松抗感染。",
        "建议社区家庭医生定期随访。",
        "出院后转社区康复。",
        "所在社区已安排网格员上门。",
        "患者参加社区义诊时发现血压高。",
    ])
    def test_the_community_as_a_service_is_no_place(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    @pytest.mark.parametrize("text, want", [
        ("3）416房  沈桂兰  女  90岁", "416房"),
        ("我是218房老人的儿子。", "218房"),
        ("· 12号房老人夜间起床两次。", "12号房"),
        ("房号：西楼308   评估工具：Braden", "西楼308"),
    ])
    def test_a_residents_room(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "心电图示2020房颤，心室率快。",
        "两房一厅，房间朝南。",
        "本月房费1800元已交。",
    ])
    def test_a_rooms_look_alikes_stay(self, text):
        assert _found(text, "LOCATION") == [], _found(text)


class TestChineseSigners:
    @pytest.mark.parametrize("text, want", [
        ("技工：钱小峰　　质检：饶　　快递单号", ["钱小峰", "饶"]),
        ("验光师：甄  取镜日期：2025-01-03", ["甄"]),
        ("导出人：蔺  2025-02-11 09:30", ["蔺"]),
        ("交班：黎晓红   接班：詹", ["黎晓红", "詹"]),
        ("采血人：祝芳\n家庭住址：", ["祝芳"]),
    ])
    def test_a_signer_after_the_docket_or_the_handover_label(self, text, want):
        found = _found(text, "PERSON")
        assert all(w in found for w in want), found

    @pytest.mark.parametrize("text", [
        "交班时患者安静入睡，接班护士已知晓。",
        "技工费另计，质检合格后发货。",
    ])
    def test_the_shift_words_in_prose_name_nobody(self, text):
        assert _found(text, "PERSON") == [], _found(text)
