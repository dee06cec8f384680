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
        if file.suffix == ".parquet":
            yield from frame_to_records(pl.read_parquet(file))
        else:
            with file.open("rb") as fh:
                for line in fh:
                    if line.strip():
                        yield Record.model_validate_json(line)
