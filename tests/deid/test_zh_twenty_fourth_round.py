"""Twenty-fourth round of Chinese recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestTowerAfterPlaza:
    """A tower named after its plaza or garden (万达广场大厦, 翠湖花园大楼) keeps its floor and flat."""

    @pytest.mark.parametrize(
        "text, place",
        [
            ("家庭住址：江苏省南京市鼓楼区中山北路105号金鹰广场大厦1906室", "江苏省南京市鼓楼区中山北路105号金鹰广场大厦1906室"),
            ("现住成都市锦江区红星路三段18号翠湖花园大楼2座803", "成都市锦江区红星路三段18号翠湖花园大楼2座803"),
        ],
    )
    def test_whole_address(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    def test_plain_estate_unchanged(self) -> None:
        assert "杭州市西湖区文三路90号东部软件园" in _found("地址：杭州市西湖区文三路90号东部软件园，邮编310012", "LOCATION")


class TestContactSurnameBeforeBo:
    """A contact field's surname and the Cantonese 伯 names the surname alone, as 生 and 太 do."""

    @pytest.mark.parametrize("text, name", [("联系人：麦伯 2365 7781", "麦"), ("紧急联系人：冼伯，电话 9123 4476", "冼")])
    def test_surname_alone(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")
        assert not any(f.endswith("伯") for f in _found(text, "PERSON"))


class TestDayOfMonthAlone:
    """The day of this month alone: before a coming or going (12号去, 二十号回来) or bracketed after
    the day it names (昨天（17号）)."""

    @pytest.mark.parametrize(
        "text, day",
        [
            ("外婆说她12号去社区拿药", "12号"),
            ("医生让二十三号回来抽血复查", "二十三号"),
            ("我们19号过来办住院", "19号"),
            ("昨天（17号）晚上开始发烧", "17号"),
            ("周四(6日)上午复诊", "6日"),
            ("老人家27号去世的", "27号"),
        ],
    )
    def test_day_found(self, text: str, day: str) -> None:
        assert day in _found(text, "DATE_TIME")

    @pytest.mark.parametrize(
        "text",
        [
            "你到6号去抽血",
            "请在4号去做心电图",
            "护士叫7号去诊室",
            "每月12号去社区取药",
            "十二号楼去哪里走",
            "单号去左边窗口，双号去右边",
            "昨天（17床）病人血压高",
        ],
    )
    def test_room_or_queue_stays(self, text: str) -> None:
        assert not _found(text, "DATE_TIME")
