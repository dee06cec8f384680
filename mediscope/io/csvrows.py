"""Base for CSV sources, plus the generic question/answer CSV reader.

The whole file is decoded strictly first (encoding detected or given), then parsed with the csv
module so quoted fields with embedded newlines stay intact. A header without the needed columns
is one file-level rejection; a bad row is one row-level rejection.
"""

from __future__ import annotations

import csv
import io
import json
from abc import abstractmethod
from collections.abc import Iterator

from pydantic import Field, ValidationError

from mediscope.io.base import InputError, Reader, ReaderConfig, Reason
from mediscope.io.jsonitems import JsonItemsReader, _short
from mediscope.record import Record, Turn
from mediscope.rejects import Rejection

csv.field_size_limit(64 * 1024 * 1024)


class CsvRowsReader(Reader):
    """Subclasses set `required_columns` and implement `convert(row, fields)`."""

    required_columns: tuple[str, ...] = ()

    def items(self) -> Iterator[Record | Rejection]:
        try:
            text = self.read_text()
        except InputError as exc:
            yield self.reject(exc.reason, exc.detail)
            return
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        missing = [c for c in self.required_columns if c not in header]
        if missing:
            yield self.reject(Reason.MISSING_FIELD, f"CSV header {header} lacks column(s) {missing}")
            return
        row = -1
        try:
            for row, fields in enumerate(reader):
                raw = json.dumps(fields, ensure_ascii=False)
                if None in fields or any(v is None for v in fields.values()):
                    yield self.reject(Reason.INVALID_RECORD, f"row {row + 1} has a wrong number of fields", row=row, raw=raw)
                    continue
                try:
                    yield self.convert(row, fields)
                except InputError as exc:
                    yield self.reject(exc.reason, exc.detail, row=row, raw=raw)
                except ValidationError as exc:
                    yield self.reject(Reason.INVALID_RECORD, _short(exc), row=row, raw=raw)
        except csv.Error as exc:
            yield self.reject(Reason.INVALID_RECORD, f"CSV parse error after row {row + 1}: {exc}", row=row + 1)

    @abstractmethod
    def convert(self, row: int, fields: dict[str, str]) -> Record:
        """Turn one CSV row into a Record."""

    make_record = JsonItemsReader.make_record


class CsvQAConfig(ReaderConfig):
    question_column: str = Field(default="ask", description="Column holding the patient's question.")
    answer_column: str = Field(default="answer", description="Column holding the doctor's answer.")
    id_column: str | None = Field(default=None, description="Column holding a source id, if any.")
    title_column: str | None = Field(default="title", description="Optional title column (kept in meta).")
    meta_columns: list[str] = Field(default_factory=lambda: ["department"])


class CsvQAReader(CsvRowsReader):
    """Single-turn question/answer CSV with configurable column names (any encoding)."""

    name = "csv"
    description = "Question/answer CSV with configurable columns (encoding auto-detected, e.g. GB18030)"
    config_class = CsvQAConfig
    config: CsvQAConfig

    @property
    def required_columns(self) -> tuple[str, ...]:  # type: ignore[override]
        return (self.config.question_column, self.config.answer_column)

    def convert(self, row: int, fields: dict[str, str]) -> Record:
        c = self.config
        turns = [Turn(role="patient", text=fields[c.question_column]), Turn(role="doctor", text=fields[c.answer_column])]
        meta = {k: fields[k] for k in c.meta_columns if fields.get(k)}
        if c.title_column and fields.get(c.title_column):
            meta["title"] = fields[c.title_column]
        oid = fields.get(c.id_column) if c.id_column else None
        return self.make_record(row, turns, original_id=oid, kind="qa", meta=meta)


class CmddReader(CsvQAReader):
    """Toyhom Chinese medical dialogue data: `department,title,ask,answer`, GB18030-encoded."""

    name = "cmdd"
    description = "Toyhom CMDD CSV (department,title,ask,answer; GB18030)"


