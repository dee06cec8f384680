"""Key-value rows of a pipe table read as a form's fields (recognizers/pipe_fields.py): the view keeps
every offset, pairs cells from the left, leaves header rows alone, and the engine finds a name or a
number that sits in the cell after its label. The values are strings found in no data file."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.recognizers.pipe_fields import fields_view


def _found(text: str, lang: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestFieldsView:
    def test_the_view_keeps_the_length_and_turns_label_cells_into_fields(self):
        text = "清单\n| 姓名 | 冼秋萍 | 床号 | 12 |\n合计"
        view, values = fields_view(text, "：")
        assert len(view) == len(text)
        assert "姓名：  冼秋萍" in view and "\n床号：  12" in view
        assert [text[s:e].strip() for s, e in values] == ["冼秋萍", "12"]

    def test_a_header_row_and_a_separator_give_no_fields(self):
        text = "| 姓名 | 性别 | 年龄 | 住院号 |\n|---|---|---|---|"
        assert fields_view(text, "：") is None

    @pytest.mark.parametrize("text", ["no table here", "a | b", "| 12 | 34 |", "| 2026-03-01 | 5.6 | 7 |"])
    def test_rows_without_a_label_cell_give_no_view(self, text):
        assert fields_view(text, ":") is None


class TestPipeTableFields:
    @pytest.mark.parametrize("text, lang, value", [
        ("费用明细\n| 姓名 | 苑秋池 | 住院号 | 2026117342 |", "zh", "苑秋池"),
        ("| Name | rosalind quayle | Age | 44 |", "en", "rosalind quayle"),
        ("| PATIENT | FENWICK-HALE, MARCUS | DOB | 04-Feb-1961 |", "en", "FENWICK-HALE, MARCUS"),
        ("| MRN | 00O 5512 907 | LOC | Ward 7 |", "en", "00O 5512 907"),
    ])
    def test_the_value_after_its_label_cell_is_found(self, text, lang, value):
        assert value in _found(text, lang), _found(text, lang)

    def test_a_header_row_yields_no_name(self):
        text = "| 姓名 | 性别 | 年龄 | 住院号 |\n| 符建平 | 男 | 61 | 2025103377 |"
        assert _found(text, "zh", "PERSON") == ["符建平"], _found(text, "zh")

    @pytest.mark.parametrize("text, lang, kept", [
        ("| 诊断 | 2型糖尿病 | 用药 | 二甲双胍 |", "zh", ["2型糖尿病", "二甲双胍"]),
        ("| Test | Result | Units |\n| Sodium | 138 | mmol/L |", "en", ["Sodium", "138"]),
        ("| Diagnosis | Parkinson disease | Drug | Levodopa |", "en", ["Parkinson disease", "Levodopa"]),
    ])
    def test_clinical_values_in_field_cells_stay(self, text, lang, kept):
        found = _found(text, lang)
        assert not set(kept) & set(found), found
