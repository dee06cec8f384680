"""Strict reading of small JSONL side files (pairs, verdicts, expert choices, snapshots).

Unlike record readers, which quarantine a bad line and go on, these files are inputs a person
prepared for one command: a bad line is a mistake to fix, so it stops the command with the file
name and line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def iter_json_objects(path: str | Path, error: type[Exception] = ValueError) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; raise `error` naming file:line."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise error(f"{path}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise error(f"{path}:{n}: expected a JSON object")
            yield n, obj
