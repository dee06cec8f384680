"""The structured-output schemas, generated from pydantic models.

The pydantic models are the source of truth (they validate answers); `schemas/*.schema.json` in
the repository are generated from them (`python -m mediscope.llm.schemas schemas/`) and a test
fails when the committed files drift. The generated schemas follow OpenAI's strict mode: every
object closed (`additionalProperties: false`), every property required, no defaults.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DIMENSIONS = ("proactiveness", "accuracy", "usefulness", "language")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DialogueTurn(_Strict):
    role: Literal["patient", "doctor"] = Field(description="Who speaks this turn.")
    text: str = Field(description="What is said, in the language of the source material.")
    images: list[int] = Field(
        description="0-based indices of the provided images shown on this turn (usually a patient turn)."
    )


class DialogueAnswer(_Strict):
    """The expand task's answer: a multi-turn doctor-patient dialogue."""

    turns: list[DialogueTurn] = Field(description="The dialogue, starting with the patient.")


class PairwiseItem(_Strict):
    reason: str = Field(description="One or two sentences explaining the choice.")
    winner: Literal["A", "B", "tie"] = Field(description="Which response is better on this dimension.")


class PairwiseAnswer(_Strict):
    """The pairwise judge's answer: one verdict per dimension, reason first."""

    proactiveness: PairwiseItem
    accuracy: PairwiseItem
    usefulness: PairwiseItem
    language: PairwiseItem


class AbsoluteItem(_Strict):
    reason: str = Field(description="One or two sentences explaining the score.")
    score: int = Field(ge=1, le=10, description="1 (very poor) to 10 (excellent).")


class AbsoluteAnswer(_Strict):
    """The absolute judge's answer: a 1-10 score per dimension."""

    proactiveness: AbsoluteItem
    accuracy: AbsoluteItem
    usefulness: AbsoluteItem
    language: AbsoluteItem


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema, closed and all-required, as OpenAI strict mode wants."""
    schema = copy.deepcopy(model.model_json_schema())

    def fix(node: Any) -> None:
        if isinstance(node, dict):
            node.pop("default", None)
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node["properties"])
            for value in node.values():
                fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)

    fix(schema)
    return schema


SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "dialogue.schema.json": DialogueAnswer,
    "judge_verdict.schema.json": PairwiseAnswer,
    "judge_score.schema.json": AbsoluteAnswer,
}


def schema_file_text(filename: str) -> str:
    """The exact text written to `schemas/<filename>`."""
    schema = strict_json_schema(SCHEMA_FILES[filename])
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schema_files(directory: str | Path) -> list[Path]:
    out = []
    for name in SCHEMA_FILES:
        path = Path(directory) / name
        path.write_text(schema_file_text(name), encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_schema_files(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
        print(p)
