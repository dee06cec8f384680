"""Setting a record field without pydantic's per-assignment validation, for hot loops."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def assign(model: BaseModel, name: str, value: Any) -> None:
    """Set field `name` to a value already of its type, skipping `validate_assignment`.

    `Record` validates every assignment, which re-runs the model's validator (a few
    microseconds each); the filter and dedup stages set plain strings they chose themselves (a
    language code, a reject reason) on most records of every batch, so there is nothing to
    validate. Only for such values: anything else goes through normal assignment.
    """
    model.__dict__[name] = value
    model.__pydantic_fields_set__.add(name)
