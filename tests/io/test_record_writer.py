"""Streaming record files: batches in, the same records back, nothing half-written on failure."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from mediscope.io.shards import RecordWriter, iter_records
from mediscope.record import Record


def _records(n: int) -> list[Record]:
    return [
        Record.model_validate({
            "id": f"r{i}", "case_id": f"c{i % 7}", "source": {"dataset": "test", "row": i},
            "turns": [{"role": "patient", "text": f"头痛{i}天"}, {"role": "doctor", "text": "Any fever?"}],
            "meta": {"i": i, "tags": ["a"] if i % 2 else []},
        })
        for i in range(n)
    ]


@pytest.mark.parametrize("ext", ["jsonl", "parquet"])
def test_batches_written_apart_read_back_as_one_file(tmp_path, ext):
    recs = _records(2600)
    with RecordWriter(tmp_path / f"out.{ext}") as writer:
        for start in range(0, len(recs), 900):
            writer.write(recs[start : start + 900])
    assert writer.count == 2600
    assert list(iter_records(tmp_path / f"out.{ext}")) == recs
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{ext}"]  # no temp file left


def test_parquet_batches_become_row_groups_read_one_at_a_time(tmp_path):
    recs = _records(3000)
    with RecordWriter(tmp_path / "out.parquet") as writer:
        writer.write(recs[:1500])
        writer.write(recs[1500:])
    assert pq.ParquetFile(tmp_path / "out.parquet").num_row_groups == 2
    assert [r.id for r in iter_records(tmp_path / "out.parquet")] == [r.id for r in recs]


@pytest.mark.parametrize("ext", ["jsonl", "parquet"])
def test_no_batch_gives_a_valid_empty_file(tmp_path, ext):
    with RecordWriter(tmp_path / f"empty.{ext}"):
        pass
    assert (tmp_path / f"empty.{ext}").exists()
    assert list(iter_records(tmp_path / f"empty.{ext}")) == []


@pytest.mark.parametrize("ext", ["jsonl", "parquet"])
def test_an_error_midway_leaves_the_previous_file_untouched(tmp_path, ext):
    path = tmp_path / f"out.{ext}"
    old = _records(3)
    with RecordWriter(path) as writer:
        writer.write(old)
    with pytest.raises(RuntimeError, match="reader broke"), RecordWriter(path) as writer:
        writer.write(_records(50))
        raise RuntimeError("reader broke")
    assert list(iter_records(path)) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_line_writer_for_rejects(tmp_path):
    with RecordWriter(tmp_path / "rejects.jsonl", lines=True) as writer:
        writer.write_lines(['{"a": 1}', '{"b": "二"}'])
        writer.write_lines([])
    assert (tmp_path / "rejects.jsonl").read_text(encoding="utf-8") == '{"a": 1}\n{"b": "二"}\n'
    with pytest.raises(TypeError), RecordWriter(tmp_path / "r.jsonl") as records:
        records.write_lines(["x"])


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError, match="use .jsonl or .parquet"):
        RecordWriter(tmp_path / "out.csv")
