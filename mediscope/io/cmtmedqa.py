"""CMtMedQA (Zhongjing) multi-turn QA: `{id,cate1,cate2,instruction,input,output,history}`.

`history` holds earlier [patient, doctor] pairs; the final pair is instruction(+input) -> output.
The benchmark's safety/attack items use `{instruct, output}` and become one-exchange dialogues.
"""

from __future__ import annotations

from typing import Any

from mediscope.io.base import InputError, Reason
from mediscope.io.jsonitems import JsonItemsReader
from mediscope.io.text import as_text, require
from mediscope.record import Record, Turn


class CMtMedQAReader(JsonItemsReader):
    name = "cmtmedqa"
    description = "CMtMedQA JSON/JSONL ({id,cate1,cate2,instruction,input,output,history})"

    def convert(self, row: int, obj: Any) -> Record:
        if isinstance(obj, dict) and "instruct" in obj and "instruction" not in obj:
            require(obj, "instruct", "output")
            turns = [Turn(role="patient", text=as_text(obj["instruct"], "instruct")),
                     Turn(role="doctor", text=as_text(obj["output"], "output"))]
            return self.make_record(row, turns, original_id=obj.get("id"), meta={"category": "safety"})
        require(obj, "instruction", "output")
        turns: list[Turn] = []
        history = obj.get("history") or []
        if not isinstance(history, list):
            raise InputError(Reason.INVALID_RECORD, "history must be a list of [patient, doctor] pairs")
        for i, pair in enumerate(history):
            if not (isinstance(pair, list | tuple) and len(pair) == 2):
                raise InputError(Reason.INVALID_RECORD, f"history[{i}] is not a [patient, doctor] pair")
            turns.append(Turn(role="patient", text=as_text(pair[0], f"history[{i}][0]")))
            turns.append(Turn(role="doctor", text=as_text(pair[1], f"history[{i}][1]")))
        question = as_text(obj["instruction"], "instruction")
        extra = obj.get("input") or ""
        if extra:
            question = f"{question}\n{as_text(extra, 'input')}"
        turns.append(Turn(role="patient", text=question))
        turns.append(Turn(role="doctor", text=as_text(obj["output"], "output")))
        meta = {k: obj[k] for k in ("cate1", "cate2") if obj.get(k)}
        return self.make_record(row, turns, original_id=obj.get("id") or None, meta=meta)
