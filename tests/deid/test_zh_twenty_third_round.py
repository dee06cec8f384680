"""Twenty-third round of Chinese recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestKinTitleAsChatLabel:
    """A surname and a kin word used as a title (龙叔, 任姐) as a chat turn's label or asked after."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("鲁叔：我这两天血糖有点高\n医生：空腹多少？", "鲁"),
            ("覃姐：医生，我的B超结果出来了\n医生：发过来看看", "覃"),
            ("阿芳：蒋婶怎么样了？\n阿明：还在观察", "蒋"),
        ],
    )
    def test_surname_is_a_name(self, text: str, name: str) -> None:
        assert any(f.startswith(name) for f in _found(text, "PERSON"))

    @pytest.mark.parametrize(
        "text, word",
        [
            ("大姐：我这两天血糖有点高\n医生：空腹多少？", "大"),
            ("师姐：明天组会几点？\n师兄：九点", "师"),
            ("表哥：他住院了\n表姐：哪个医院", "表"),
        ],
    )
    def test_kin_word_stays(self, text: str, word: str) -> None:
        assert not any(word in f for f in _found(text, "PERSON"))
