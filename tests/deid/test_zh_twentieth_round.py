"""Twentieth round of Chinese recall: identifiers, dates and ages misread by OCR (l/I for 1, O/o
for 0) read back as digits before the rules run. Every positive uses strings found in no data
file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestOcrFoldedIdentifiers:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("家属联系电话 l58-O7l2-4496，请回电。", "l58-O7l2-4496"),
            ("科室电话：O77l-52O3l86", "O77l-52O3l86"),
            ("身份证号 3lOlO2l98OO3lOOO3X 已核对", "3lOlO2l98OO3lOOO3X"),
            ("采样时间 2O25.lO.O7，复核 2O25-ll-2O", "2O25.lO.O7"),
            ("采样时间 2O25.lO.O7，复核 2O25-ll-2O", "2O25-ll-2O"),
            ("送检 O4/l9 O7:3O 抽血", "O4/l9 O7:3O"),
        ],
    )
    def test_found(self, text: str, value: str) -> None:
        assert value in _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "COVID-19 核酸阴性，IgG 抗体 1.2，输液 500ml。",
            "Lol 2 号床，I 型呼吸衰竭，O 型血。",
            "血氧 SpO2 96%，FiO2 40%。",
        ],
    )
    def test_left_alone(self, text: str) -> None:
        assert _found(text) == []
