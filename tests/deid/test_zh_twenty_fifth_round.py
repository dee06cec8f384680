"""Twenty-fifth round of Chinese recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestSpacedHouseNumber:
    """A typed address that spaces its numbers off their units (江滨路 36 号 7 栋 1102 室) keeps the
    building and the flat after the house number, as the unspaced form does; so does an estate
    named by its garden's section (东园二区)."""

    @pytest.mark.parametrize(
        "text, place",
        [
            ("现住址：柳州市城中区江滨路 36 号 7 栋 1102 室", "柳州市城中区江滨路 36 号 7 栋 1102 室"),
            ("地址：湘潭市雨湖区建设北路 9 号 4 栋 3 单元 602", "湘潭市雨湖区建设北路 9 号 4 栋 3 单元 602"),
            ("家庭住址：苏州市姑苏区干将路 356 号金城广场 B 座 905 室，", "苏州市姑苏区干将路 356 号金城广场 B 座 905 室"),
            ("住北京市海淀区清河东园二区18号楼3单元402，糖尿病", "北京市海淀区清河东园二区18号楼3单元402"),
        ],
    )
    def test_whole_address(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    @pytest.mark.parametrize(
        "text, word",
        [
            ("住南宁市民族大道166号2单元 2023年搬来", "2023"),
            ("住南宁市民族大道166号3栋 2024年来诊", "2024"),
        ],
    )
    def test_year_after_block_stays(self, text: str, word: str) -> None:
        assert not any(word in f for f in _found(text, "LOCATION"))
