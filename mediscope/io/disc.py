"""DISC-MedLLM conversations: `{_id, source, conversation: [{role: user|assistant, content}]}`."""

from __future__ import annotations

from typing import Any

from mediscope.io.base import InputError, Reason
from mediscope.io.jsonitems import JsonItemsReader
from mediscope.io.text import require
from mediscope.record import Record, Role, Turn

_ROLES: dict[str, Role] = {
    "user": "patient", "patient": "patient", "human": "patient",
    "assistant": "doctor", "doctor": "doctor", "gpt": "doctor",
    "system": "system",
}


class DiscReader(JsonItemsReader):
    name = "disc"
    description = "DISC-MedLLM JSONL ({_id, source, conversation:[{role, content}]})"

    def convert(self, row: int, obj: Any) -> Record:
        require(obj, "conversation")
        conv = obj["conversation"]
        if not isinstance(conv, list):
            raise InputError(Reason.INVALID_RECORD, "conversation must be a list")
        turns: list[Turn] = []
        for i, msg in enumerate(conv):
            require(msg, "role", "content")
            role = _ROLES.get(str(msg["role"]).lower())
            if role is None:
                raise InputError(Reason.INVALID_RECORD, f"conversation[{i}] has unknown role {msg['role']!r}")
            if not isinstance(msg["content"], str):
                raise InputError(Reason.INVALID_RECORD, f"conversation[{i}].content is not text")
            turns.append(Turn(role=role, text=msg["content"]))
        meta = {"source": obj["source"]} if obj.get("source") else {}
        return self.make_record(row, turns, original_id=obj.get("_id") or obj.get("id"), meta=meta)
