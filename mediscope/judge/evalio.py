"""File formats of `mediscope eval` (all JSONL, one object per line, UTF-8).

responses (written by `eval generate`)::

    {"id", "source", "context": [{"role", "content"}], "reference", "model", "response"}

pairs (input of `eval judge` / `eval winrate`; join of a candidate and baselines by id)::

    {"id", "context": [{"role", "content"}], "candidate": str, "baselines": {name: str}}

verdicts (written by `eval judge`, input of `eval winrate`)::

    {"id", "candidate", "baseline", "mode", "judge", "outcomes": {dim: win|tie|loss},
     "reasons": {dim: str}, "agreed": {dim: bool}}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mediscope.io.jsonlines import iter_json_objects


class EvalFileError(ValueError):
    pass


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    for _, obj in iter_json_objects(path, EvalFileError):
        yield obj


def write_jsonl(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def _require(obj: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if k not in obj]
    if missing:
        raise EvalFileError(f"{where}: missing field(s) {missing}")


def load_responses(path: str | Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """(model name, {id: row}) of a responses file; rows without a response are dropped."""
    rows: dict[str, dict[str, Any]] = {}
    model = None
    for i, obj in enumerate(read_jsonl(path)):
        _require(obj, ("id", "context", "response"), f"{path} line {i + 1}")
        if obj["id"] in rows:
            raise EvalFileError(f"{path}: duplicate id {obj['id']!r}")
        model = model or obj.get("model")
        if obj["response"] is not None:
            rows[obj["id"]] = obj
    return str(model or Path(path).stem), rows


def join_pairs(candidate: str | Path, baselines: list[str | Path]) -> tuple[str, list[dict[str, Any]]]:
    """Pairs rows (candidate vs every baseline) for ids present in all files."""
    cand_name, cand = load_responses(candidate)
    bases = [load_responses(b) for b in baselines]
    names = [n for n, _ in bases]
    if len(set(names)) != len(names):
        raise EvalFileError(f"baseline model names are not unique: {names}")
    pairs = []
    for item_id, row in cand.items():
        if all(item_id in rows for _, rows in bases):
            pairs.append(
                {
                    "id": item_id,
                    "context": row["context"],
                    "candidate": row["response"],
                    "baselines": {n: rows[item_id]["response"] for n, rows in bases},
                }
            )
    return cand_name, pairs


def load_pairs(path: str | Path) -> list[dict[str, Any]]:
    rows = list(read_jsonl(path))
    for i, obj in enumerate(rows):
        _require(obj, ("id", "context", "candidate", "baselines"), f"{path} line {i + 1}")
        if not isinstance(obj["baselines"], dict) or not obj["baselines"]:
            raise EvalFileError(
                f"{path} line {i + 1}: 'baselines' must be a non-empty {{name: response}} object"
            )
    return rows


def file_kind(path: str | Path) -> str:
    """'verdicts' or 'pairs', from the first row's fields."""
    for obj in read_jsonl(path):
        if "outcomes" in obj:
            return "verdicts"
        if "candidate" in obj and "baselines" in obj:
            return "pairs"
        raise EvalFileError(
            f"{path}: neither a verdicts file (outcomes) nor a pairs file (candidate, baselines)"
        )
    raise EvalFileError(f"{path} is empty")
