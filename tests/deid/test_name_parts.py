"""A detected name's parts are replaced where they appear alone later in the same case."""

from __future__ import annotations

import pytest

from mediscope.deid import types as T
from mediscope.deid.engine import DeidConfig, Deidentifier
from mediscope.deid.name_parts import en_name_parts, name_parts, zh_given_name, zh_part_stands_alone
from mediscope.deid.types import PhiSpan


@pytest.mark.parametrize(
    ("name", "given"),
    [("王秀英", "秀英"), ("覃立新", "立新"), ("欧阳娜娜", "娜娜"), ("禤美凤", "美凤"),
     ("王建国", None),  # 建国 is an everyday word first
     ("李娜", None), ("阿华", None), ("沙马拉且", None), ("Li Na", None)],
)
def test_chinese_given_name_of_a_full_name(name, given):
    assert zh_given_name(name) == given


@pytest.mark.parametrize(
    ("name", "parts"),
    [("Maria Gonzalez", {"Maria", "Gonzalez"}),
     ("GONZALEZ, LUIS", {"GONZALEZ", "Gonzalez", "LUIS", "Luis"}),
     ("Dr. J. R. Okafor", {"Okafor"}),
     ("D'ANGELO,ROSALIND", {"D'ANGELO", "D'angelo", "ROSALIND", "Rosalind"}),
     ("Sullivan-Hayes", {"Sullivan", "Hayes"}),
     ("maria gonzalez", {"maria", "gonzalez"}),
     ("Will Parkinson", set()),  # a stop word and an eponym never travel alone
     ("Mehta", set())],  # one word: the whole name already propagates
)
def test_english_name_parts(name, parts):
    assert en_name_parts(name) == parts
    assert name_parts(name) == parts


def test_a_given_name_that_starts_a_place_or_holiday_word_is_left():
    text = "国庆节后复诊，立新路口等车"
    assert not zh_part_stands_alone(text, 0, 2)
    i = text.index("立新")
    assert not zh_part_stands_alone(text, i, i + 2)
    assert zh_part_stands_alone("立新说头晕", 0, 2)


def _person(text: str, value: str) -> PhiSpan:
    start = text.index(value)
    return PhiSpan(start, start + len(value), T.PERSON, 0.9, "test")


@pytest.fixture(scope="module")
def parts_off():
    return Deidentifier(DeidConfig(propagate_name_parts=False))


def test_propagation_marks_parts_only_when_enabled(deider, parts_off):
    text = "Patient Maria Gonzalez seen today. Later Maria said the swelling was worse; Gonzalez family aware."
    spans = [[_person(text, "Maria Gonzalez")]]
    found = {text[s.start : s.end] for s in deider.propagate([text], spans)[0]}
    assert found == {"Maria Gonzalez", "Maria", "Gonzalez"}
    assert {text[s.start : s.end] for s in parts_off.propagate([text], spans)[0]} == {"Maria Gonzalez"}


def test_chinese_given_name_across_the_turns_of_one_case(deider):
    texts = ["患者王秀英，女，67岁，反复头晕两周。", "秀英说夜里睡不好，国庆节后再来。"]
    spans = [[_person(texts[0], "王秀英")], []]
    second = deider.propagate(texts, spans)[1]
    assert [texts[1][s.start : s.end] for s in second] == ["秀英"]


def test_deidentified_case_keeps_no_part_of_the_name(deider):
    texts = ["患者王秀英，女，67岁，反复头晕两周，血压160/95。", "秀英说夜里睡不好，国庆节后再来复查。"]
    out = deider.deidentify_texts(texts, "zh", case_key="case-1")
    assert "王秀英" not in out[0].text and "秀英" not in out[1].text
    assert "国庆节" in out[1].text and "160/95" in out[0].text
    # the given name becomes the given name of the full name's surrogate: still one person
    full = out[0].text[out[0].text.index("患者") + 2 : out[0].text.index("，")]
    assert out[1].text.startswith(full[1:] + "说")


def test_english_part_takes_the_matching_part_of_the_full_surrogate(deider):
    factory = deider.factory_for("case-2", ["Maria Gonzalez", "Maria", "GONZALEZ"],
                                 people=["Maria Gonzalez", "Maria", "GONZALEZ"])
    first, last = factory.surrogate(T.PERSON, "Maria Gonzalez", "en").split()
    assert factory.surrogate(T.PERSON, "Maria", "en") == first
    assert factory.surrogate(T.PERSON, "GONZALEZ", "en") == last.upper()
    # a name with no full form in the case gets its own surrogate
    assert factory.surrogate(T.PERSON, "Okafor", "en") not in {first, last}


@pytest.mark.parametrize(
    ("value", "variants"),
    [("Amara Okafor", {"amara okafor", "AMARA OKAFOR"}),
     ("Okafor", {"okafor", "OKAFOR"}),
     ("priya raman", {"Priya Raman", "PRIYA RAMAN"}),
     ("Mark Chen", {"mark chen", "MARK CHEN"}),  # Chen is no English word, so the name is safe
     ("Mark", set()), ("Grace", set()), ("Will Smith", set()),  # words first: "mark the chart"
     ("王秀英", set())],
)
def test_case_variants_of_a_latin_name(value, variants):
    from mediscope.deid.name_parts import case_variants

    assert case_variants(value) == variants


def test_a_name_is_found_again_in_another_letter_case(deider):
    text = "Mother Amara Okafor called. amara says the baby feeds well. OKAFOR family aware. Mark Chen: we will mark the chart."
    spans = [[_person(text, "Amara Okafor"), _person(text, "Mark Chen")]]
    found = {text[s.start : s.end] for s in deider.propagate([text], spans)[0]}
    assert {"amara", "OKAFOR"} <= found
    assert "mark" not in found  # the lower-case word is left: "Mark" is an English word


def test_one_person_one_surrogate_in_every_written_form(deider):
    """"O'NEILL, JAKE" on a form and "Jake O'Neill" in the note are one person: the surrogate is
    the same name, in the form's order and letter case."""
    people = ["Jake O'Neill", "O'NEILL, JAKE", "Tanaka, Haruto", "Haruto Tanaka", "priya raman", "Priya Raman"]
    factory = deider.factory_for("case-3", people, people=people)
    first, last = factory.surrogate(T.PERSON, "Jake O'Neill", "en").split()
    assert factory.surrogate(T.PERSON, "O'NEILL, JAKE", "en") == f"{last}, {first}".upper()
    given, family = factory.surrogate(T.PERSON, "Haruto Tanaka", "en").split()
    assert factory.surrogate(T.PERSON, "Tanaka, Haruto", "en") == f"{family}, {given}"
    assert factory.surrogate(T.PERSON, "priya raman", "en") == factory.surrogate(T.PERSON, "Priya Raman", "en").lower()
    assert factory.surrogate(T.PERSON, "TANAKA", "en") == family.upper()
    assert factory.surrogate(T.PERSON, "Tanaka", "en") == family
