"""Read and write record shards (JSONL or Parquet), atomically.

JSONL is the lossless, greppable default for small runs; Parquet is columnar and compact for big
ones. Parquet needs a fixed schema, so it is derived from the pydantic `Record` model itself
(free-form `meta` travels as a JSON string): an empty list or an all-null column in one shard can
then never change the schema of the next, which inference from data would.
"""

from __future__ import annotations

import json
import os
import tempfile
import types
import typing
from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import polars as pl
from pydantic import BaseModel

from mediscope.record import Record

SHARD_GLOBS = ("part-*.parquet", "part-*.jsonl")


def _polars_type(annotation: Any) -> pl.DataType:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _polars_type(inner[0]) if len(inner) == 1 else pl.Utf8()
    if origin is typing.Literal:
        return pl.Utf8()
    if origin in (list, typing.List):  # noqa: UP006
        return pl.List(_polars_type(args[0]))
    if origin is dict:
        return pl.Utf8()  # JSON-encoded
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return pl.Struct({name: _polars_type(f.annotation) for name, f in annotation.model_fields.items()})
        if issubclass(annotation, Enum) or annotation is str:
            return pl.Utf8()
        if annotation is bool:
            return pl.Boolean()
        if annotation is int:
            return pl.Int64()
        if annotation is float:
            return pl.Float64()
        if annotation is bytes:
            return pl.Binary()
        if annotation is datetime:
            return pl.Datetime("us", "UTC")
    raise TypeError(f"no Parquet mapping for {annotation!r}")


RECORD_SCHEMA = pl.Schema({name: _polars_type(f.annotation) for name, f in Record.model_fields.items()})


def records_to_frame(records: Iterable[Record]) -> pl.DataFrame:
    rows = []
    for rec in records:
        row = rec.model_dump(mode="python")
        row["meta"] = json.dumps(row["meta"], ensure_ascii=False, default=str)
        for key in ("deid", "review"):
            if key in row and "status" in row[key]:
                row[key]["status"] = str(getattr(row[key]["status"], "value", row[key]["status"]))
        rows.append(row)
    return pl.DataFrame(rows, schema=RECORD_SCHEMA)


def frame_to_records(df: pl.DataFrame) -> Iterator[Record]:
    for row in df.iter_rows(named=True):
        row["meta"] = json.loads(row["meta"]) if row.get("meta") else {}
        yield Record.model_validate(row)


def _atomic_write(path: Path, write: Any) -> None:
    """Write via a temp file in the same folder, fsync, then rename: readers see all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_lines(lines: Iterable[str], path: Path) -> None:
    """Atomically write text lines (JSONL)."""

    def _w(fh: Any) -> None:
        for line in lines:
            fh.write(line.encode("utf-8"))
            fh.write(b"\n")

    _atomic_write(path, _w)


class RecordWriter:
    """Stream records to one `.jsonl` or `.parquet` file, batch by batch, published atomically.

    Why: a curator's hospital export can be larger than memory, so commands must not collect
    every kept record before writing. Batches go to a temp file beside `path` (JSONL lines, or
    Parquet row groups under the fixed `RECORD_SCHEMA`); leaving the `with` block normally
    fsyncs and renames it to `path`, an exception deletes it, so a reader never sees half a file.
    `lines=True` writes plain text lines instead (rejects files).
    """

    def __init__(self, path: str | Path, lines: bool = False) -> None:
        self.path = Path(path)
        self.count = 0
        self._lines = lines
        if not lines and self.path.suffix not in (".jsonl", ".json", ".parquet"):
            raise ValueError(f"unknown record file type {self.path.suffix!r}; use .jsonl or .parquet")
        self._parquet = not lines and self.path.suffix == ".parquet"
        self._tmp: Path | None = None
        self._fh: Any = None
        self._pq: Any = None

    def __enter__(self) -> RecordWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        self._fh = os.fdopen(fd, "wb")
        return self

    def write(self, records: Iterable[Record]) -> int:
        """Append a batch of records; returns how many."""
        recs = list(records)
        if self._parquet:
            import pyarrow.parquet as pq

            table = records_to_frame(recs).to_arrow()
            if self._pq is None:
                self._pq = pq.ParquetWriter(self._fh, table.schema, compression="zstd")
            self._pq.write_table(table.cast(self._pq.schema))
        else:
            self._fh.write(b"".join(r.model_dump_json().encode("utf-8") + b"\n" for r in recs))
        self.count += len(recs)
        return len(recs)

    def write_lines(self, lines: Iterable[str]) -> int:
        """Append text lines (for a `lines=True` writer); returns how many."""
        if not self._lines:
            raise TypeError("write_lines is for a RecordWriter opened with lines=True")
        data = [line.encode("utf-8") + b"\n" for line in lines]
        self._fh.write(b"".join(data))
        self.count += len(data)
        return len(data)

    def __exit__(self, exc_type: Any, *exc: object) -> None:
        assert self._tmp is not None
        try:
            if exc_type is None and self._parquet and self._pq is None:
                self.write([])  # no batch at all: still a valid, empty file
            if self._pq is not None:
                self._pq.close()  # also on error: an unclosed writer complains when collected
            if exc_type is None:
                self._fh.flush()
                os.fsync(self._fh.fileno())
            self._fh.close()
            if exc_type is None:
                os.replace(self._tmp, self.path)
        finally:
            self._fh.close()
            self._tmp.unlink(missing_ok=True)


def write_records(records: Iterable[Record], path: str | Path) -> int:
    """Atomically write records to `.jsonl` or `.parquet` (by suffix); returns the count."""
    path = Path(path)
    recs = list(records)
    if path.suffix == ".parquet":
        df = records_to_frame(recs)
        _atomic_write(path, lambda fh: df.write_parquet(fh, compression="zstd"))
    elif path.suffix in (".jsonl", ".json"):
        write_lines((r.model_dump_json() for r in recs), path)
    else:
        raise ValueError(f"unknown record file type {path.suffix!r}; use .jsonl or .parquet")
    return len(recs)


def shard_files(path: str | Path) -> list[Path]:
    """The record files of a run directory (its `data/` folder) or of a plain folder, in order."""
    path = Path(path)
    if path.is_file():
        return [path]
    if (path / "data").is_dir():
        path = path / "data"
    if not path.is_dir():
        raise FileNotFoundError(f"no records at {path}")
    files: list[Path] = []
    for pattern in SHARD_GLOBS:
        files += path.glob(pattern)
    if not files:
        files = sorted(p for p in path.iterdir() if p.suffix in (".jsonl", ".parquet"))
    return sorted(files)


def iter_records(path: str | Path) -> Iterator[Record]:
    """Yield the records of a `.jsonl`/`.parquet` file or of a run/shard directory."""
    for file in shard_files(path):
        if file.suffix == ".parquet":  # row group by row group: a large shard never sits in memory whole
            import pyarrow.parquet as pq

            with pq.ParquetFile(file) as pf:
                for batch in pf.iter_batches(batch_size=1024):
                    yield from frame_to_records(pl.from_arrow(batch))
        else:
            with file.open("rb") as fh:
                for line in fh:
                    if line.strip():
                        yield Record.model_validate_json(line)
