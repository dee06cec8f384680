"""HuatuoGPT's MedDialog cases: `{id, medical_case, doctor_diagnosis, Department}`.

A case summary plus the doctor's conclusion: a consultation, the raw material that the expand
stage turns into a multi-turn dialogue.
"""

from __future__ import annotations

from typing import Any

from mediscope.io.jsonitems import JsonItemsReader
from mediscope.io.text import as_text, require
from mediscope.record import Record, Turn


class MedDialogReader(JsonItemsReader):
    name = "meddialog"
    description = "HuatuoGPT MedDialog cases ({id, medical_case, doctor_diagnosis, Department})"

    def convert(self, row: int, obj: Any) -> Record:
        require(obj, "medical_case", "doctor_diagnosis")
        turns = [
            Turn(role="patient", text=as_text(obj["medical_case"], "medical_case")),
            Turn(role="doctor", text=as_text(obj["doctor_diagnosis"], "doctor_diagnosis")),
        ]
        meta = {"department": obj["Department"]} if obj.get("Department") else {}
        oid = str(obj["id"]) if obj.get("id") is not None else None
        return self.make_record(row, turns, original_id=oid, kind="consultation", meta=meta)
