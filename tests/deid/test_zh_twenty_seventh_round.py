"""Twenty-seventh round of Chinese recall (Hong Kong, Taiwan, Singapore and Malaysian chats and
records). Every positive uses strings found in no data file; the negatives are look-alikes that must
stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestMixedChatLabel:
    """A chat turn's label that joins a nickname or kin word and a name (阿明 Ah Ming：, 二哥 李志强：),
    an English name and 仔 (Terry仔：), a screen name and an emoji, 老 and a surname with a note."""

    @pytest.mark.parametrize(
        "text, label",
        [
            ("阿明 Ah Ming: 阿爺今日喺瑪麗醫院做完手術\n妹妹 Joyce: 醫生點講呀？\n阿明 Ah Ming: 話要住院一個禮拜", "阿明 Ah Ming"),
            ("阿明 Ah Ming: 阿爺今日喺瑪麗醫院做完手術\n妹妹 Joyce: 醫生點講呀？\n阿明 Ah Ming: 話要住院一個禮拜", "妹妹 Joyce"),
            ("Terry仔: 阿嫲聽日覆診\nSandy: 幾點呀？", "Terry仔"),
            ("二哥 李志强：妈今天住院了\n小妹：我明天过去吧\n二哥 李志强：好的", "二哥 李志强"),
            ("表姐的女兒 小琪：外公今天在台中榮總開刀\n表姐的女兒 小琪：醫生說要住一週\nAmy 林：我明天過去", "表姐的女兒 小琪"),
            ("晴天☀️：今天血糖8.2\n大熊：还行吧\n晴天☀️：谢谢", "晴天☀️"),
            ("老黄（糖尿病10年）：我每天打胰岛素\n阿珍：我也是呢", "老黄（糖尿病10年）"),
            ("Chew Wai: 阿婆今日入院\nMei Ling: 係咪肺炎呀？", "Mei Ling"),
        ],
    )
    def test_label_is_a_handle(self, text: str, label: str) -> None:
        assert label in _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "血压 Bp: 150/95\n心率 Hr: 88\n体温 Temp: 37.2",
            "重要❗：空腹抽血\n重要❗：带身份证\n注意：你明天来吗",
            "左眼 OD: 0.5\n右眼 OS: 0.6\n医生：你明天来吗",
            "老年（65岁以上）：剂量减半\n儿童：你问医生吧",
            "家属 Amy：我妈今天怎么样？\n护士：还好",
        ],
    )
    def test_field_or_role_label_stays(self, text: str) -> None:
        assert _found(text) == []


class TestDayMonthYearDashed:
    """Day, month and a four-digit year joined by dashes or dots (覆診日期：07-12-2023), and the month
    and day right before a visit word (4/17回診)."""

    @pytest.mark.parametrize(
        "text, date",
        [
            ("覆診日期：07-12-2023 上午", "07-12-2023"),
            ("收據日期：29-01-2025\n診金 HK$350", "29-01-2025"),
            ("入院：14.06.2022，因肺炎", "14.06.2022"),
            ("鐵劑繼續，4/17回診", "4/17"),
            ("血脂偏高，9/2复查", "9/2"),
        ],
    )
    def test_date_found(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME")

    @pytest.mark.parametrize(
        "text",
        [
            "批号 12-05-2024A 已入库",
            "生产日期：12-05-2024",
            "版本 1.2.2024 已更新",
            "血压 130/80 复查",
            "86年做过胃切除1/3手术",
        ],
    )
    def test_not_a_date(self, text: str) -> None:
        found = _found(text, "DATE_TIME")
        assert not any(f in ("12-05-2024", "1.2.2024", "130/80", "1/3") for f in found)
