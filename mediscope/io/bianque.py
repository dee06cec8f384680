"""BianQue cMedialog CSV: `input,target,...`; `input` is the dialogue so far with 病人：/医生：
prefixes and LITERAL backslash-n separators, ending in an open "医生：" that `target` completes."""

from __future__ import annotations

import re

from mediscope.io.base import InputError, Reason
from mediscope.io.csvrows import CsvRowsReader
from mediscope.record import Record, Role, Turn

_SPEAKER = re.compile(r"(?:^|\n)\s*(病人|患者|医生)\s*[：:]")
_ROLE: dict[str, Role] = {"病人": "patient", "患者": "patient", "医生": "doctor"}


def split_speakers(context: str) -> list[Turn]:
    """Split '病人：...\\n医生：...' text into turns; text before the first speaker is an error."""
    matches = list(_SPEAKER.finditer(context))
    if not matches:
        raise InputError(Reason.INVALID_RECORD, "no 病人：/医生： speaker prefix found")
    if context[: matches[0].start()].strip():
        raise InputError(Reason.INVALID_RECORD, "text before the first speaker prefix")
    turns = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(context)
        turns.append(Turn(role=_ROLE[m.group(1)], text=context[m.end() : end].strip()))
    return turns


class BianQueReader(CsvRowsReader):
    name = "bianque"
    description = "BianQue cMedialog CSV (input with literal \\n and 病人：/医生： prefixes, target)"
    required_columns = ("input", "target")

    def convert(self, row: int, fields: dict[str, str]) -> Record:
        context = fields["input"].replace("\\n", "\n")
        turns = split_speakers(context)
        target = fields["target"].strip()
        if turns and turns[-1].role == "doctor" and not turns[-1].text:
            turns[-1] = Turn(role="doctor", text=target)
        else:
            turns.append(Turn(role="doctor", text=target))
        meta = {k: fields[k] for k in ("answer_choice", "type") if fields.get(k)}
        return self.make_record(row, turns, meta=meta)
