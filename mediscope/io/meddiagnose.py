"""PulseMind MedDiagnose CSV: columns `Id`, `Response`.

`Response` holds the dialogue as lines starting with 患者/医生 (or Patient/Doctor), each followed
by a colon; lines without a prefix continue the previous turn. Images appear inline as
`<attachment>NAME<attachment>` and are attached to the turn they occur in, looked up in
`image_dir` (default: an `images/` folder beside the CSV). A missing or undecodable image rejects
the record: a dialogue that talks about a picture it no longer has is not a valid sample.
"""

from __future__ import annotations

import re
from pathlib import Path

from mediscope.io.base import InputError, Reason, load_image
from mediscope.io.csvrows import CsvRowsReader
from mediscope.record import Image, Record, Role, Turn

_PREFIX = re.compile(r"^\s*(患者|病人|医生|patient|doctor)\s*[：:]\s*", re.IGNORECASE)
_ATTACH = re.compile(r"<attachment>\s*(.*?)\s*<attachment>", re.IGNORECASE)
_ROLE: dict[str, Role] = {"患者": "patient", "病人": "patient", "医生": "doctor", "patient": "patient", "doctor": "doctor"}


class MedDiagnoseReader(CsvRowsReader):
    name = "meddiagnose"
    description = "PulseMind MedDiagnose CSV (Id, Response with 患者/医生 lines and <attachment> images)"
    required_columns = ("Id", "Response")

    @property
    def image_root(self) -> Path:
        return Path(self.config.image_dir) if self.config.image_dir else self.path.parent / "images"

    def convert(self, row: int, fields: dict[str, str]) -> Record:
        turns: list[Turn] = []
        images: dict[str, Image] = {}
        for line_no, line in enumerate(fields["Response"].splitlines()):
            if not line.strip():
                continue
            m = _PREFIX.match(line)
            if m:
                turns.append(Turn(role=_ROLE[m.group(1).lower()], text=""))
                line = line[m.end() :]
            elif not turns:
                raise InputError(Reason.INVALID_RECORD, f"line {line_no + 1} has no 患者/医生 prefix")
            turn = turns[-1]
            for name in _ATTACH.findall(line):
                img = images.get(name) or self._image(name)
                images[name] = img
                if img.id not in turn.images:
                    turn.images.append(img.id)
            text = _ATTACH.sub("", line).strip()
            if text:
                turn.text = f"{turn.text}\n{text}" if turn.text else text
        return self.make_record(row, turns, original_id=fields["Id"] or None, images=list(images.values()))

    def _image(self, name: str) -> Image:
        path = (self.image_root / name).resolve()
        if self.image_root.resolve() not in path.parents:
            raise InputError(Reason.INVALID_RECORD, f"attachment {name!r} points outside the image folder")
        if not path.is_file():
            raise InputError(Reason.UNREADABLE_IMAGE, f"attachment {name!r} not found in {self.image_root}")
        return load_image(path, self.config.max_image_mb)
