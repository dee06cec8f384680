"""Committed schema files match the pydantic models; prompts are versioned and load."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mediscope.llm.prompts import available_prompts, load_prompt
from mediscope.llm.schemas import SCHEMA_FILES, schema_file_text, strict_json_schema
from mediscope.testing import absolute_verdict, pairwise_verdict, scripted_dialogue


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_files_match_models(repo_root: Path, name: str) -> None:
    committed = (repo_root / "schemas" / name).read_text(encoding="utf-8")
    assert committed == schema_file_text(name), "regenerate with: python -m mediscope.llm.schemas schemas/"


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for v in node.values():
            yield from _objects(v)
    elif isinstance(node, list):
        for v in node:
            yield from _objects(v)


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schemas_follow_strict_mode(name: str) -> None:
    schema = strict_json_schema(SCHEMA_FILES[name])
    jsonschema.Draft202012Validator.check_schema(schema)
    for obj in _objects(schema):
        assert obj["additionalProperties"] is False
        assert set(obj["required"]) == set(obj["properties"])
    assert '"default"' not in json.dumps(schema)


def test_scripted_answers_validate_against_the_schemas() -> None:
    def check(name: str, obj: dict) -> None:
        jsonschema.validate(obj, strict_json_schema(SCHEMA_FILES[name]))

    check("dialogue.schema.json", scripted_dialogue(7, "en", n_images=2))
    check("judge_verdict.schema.json", pairwise_verdict("A"))
    check("judge_score.schema.json", absolute_verdict(7))
    with pytest.raises(jsonschema.ValidationError):
        check("judge_score.schema.json", absolute_verdict(11))


def test_prompts_are_versioned_and_load() -> None:
    names = available_prompts()
    for name in ("expand_consultation", "expand_report", "expand_image", "judge_pairwise", "judge_absolute"):
        assert 1 in names[name]
    p = load_prompt("expand_report")
    assert p.version == max(names["expand_report"]) and p.ref.startswith("expand_report.v")
    assert len(p.sha) == 8
    with pytest.raises(FileNotFoundError, match="known"):
        load_prompt("no_such_prompt")
    with pytest.raises(FileNotFoundError, match="versions"):
        load_prompt("expand_report", 99)
