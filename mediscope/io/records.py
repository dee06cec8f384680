"""Readers of mediscope's own record files (JSONL and Parquet), e.g. a previous run's output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import polars as pl
from pydantic import ValidationError

from mediscope.io.base import InputError, Reader, Reason
from mediscope.io.jsonitems import _short
from mediscope.io.shards import frame_to_records, shard_files
from mediscope.record import Record
from mediscope.rejects import Rejection


class _ShardReader(Reader):
    """Shared by both record readers: the input is one file or a run directory of shards."""

    def files(self) -> Iterator[Path | Rejection]:
        try:
            yield from shard_files(self.path)
        except FileNotFoundError as exc:
            yield self.reject(Reason.IO_ERROR, str(exc))


class JsonlRecordReader(_ShardReader):
    """Records as JSON lines; each broken or invalid line is rejected on its own."""

    name = "jsonl"
    description = "mediscope records, one JSON object per line (a file or a run directory)"

    def items(self) -> Iterator[Record | Rejection]:
        for file in self.files():
            if isinstance(file, Rejection):
                yield file
                continue
            try:
                data = self.read_bytes(file)
            except InputError as exc:
                yield self.reject(exc.reason, exc.detail)
                continue
            for row, raw in enumerate(data.splitlines()):
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield self.reject(Reason.ENCODING, f"{file.name} line {row + 1}: not UTF-8: {exc}", row=row, raw=repr(raw[:200]))
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield self.reject(Reason.BROKEN_JSON, f"{file.name} line {row + 1}: {exc}", row=row, raw=line)
                    continue
                try:
                    yield Record.model_validate(obj)
                except ValidationError as exc:
                    yield self.reject(Reason.INVALID_RECORD, f"{file.name} line {row + 1}: {_short(exc)}", row=row, raw=line)


class ParquetRecordReader(_ShardReader):
    """Records in Parquet shards written by mediscope."""

    name = "parquet"
    description = "mediscope records in Parquet (a file or a run directory)"

    def items(self) -> Iterator[Record | Rejection]:
        for file in self.files():
            if isinstance(file, Rejection):
                yield file
                continue
            try:
                df = pl.read_parquet(file)
            except Exception as exc:  # polars raises several error types for corrupt files
                yield self.reject(Reason.INVALID_RECORD, f"{file.name}: unreadable Parquet: {exc}")
                continue
            rows = frame_to_records(df)
            for row in range(df.height):
                try:
                    yield next(rows)
                except (ValidationError, json.JSONDecodeError) as exc:
                    detail = _short(exc) if isinstance(exc, ValidationError) else str(exc)
                    yield self.reject(Reason.INVALID_RECORD, f"{file.name} row {row}: {detail}", row=row)
                    rows = frame_to_records(df.slice(row + 1))
