"""Huatuo26M QA: `{instruction:[str] | str, output:[str] | str}` (ids are often empty)."""

from __future__ import annotations

from typing import Any

from mediscope.io.jsonitems import JsonItemsReader
from mediscope.io.text import as_text, require
from mediscope.record import Record, Turn


class Huatuo26MReader(JsonItemsReader):
    name = "huatuo26m"
    description = "Huatuo26M JSON/JSONL ({instruction, output}, values may be one-element lists)"

    def convert(self, row: int, obj: Any) -> Record:
        require(obj, "instruction", "output")
        question = as_text(obj["instruction"], "instruction")
        if obj.get("input"):
            question = f"{question}\n{as_text(obj['input'], 'input')}"
        turns = [Turn(role="patient", text=question), Turn(role="doctor", text=as_text(obj["output"], "output"))]
        return self.make_record(row, turns, original_id=obj.get("id") or None, kind="qa")
