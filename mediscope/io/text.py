"""Small text helpers shared by readers: a cheap language guess and JSON item iteration."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mediscope.io.base import InputError, Reason

if TYPE_CHECKING:
    from mediscope.io.base import Reader
    from mediscope.rejects import Rejection

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def guess_lang(text: str) -> str:
    """'zh', 'en', 'mixed' or 'und' from script counts.

    Ingest only needs a cheap first guess (for routing and splits); de-identification runs a
    proper language identifier where the choice matters.
    """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0 and latin == 0:
        return "und"
    if cjk >= 2 * max(1, latin // 4):
        return "zh"
    if cjk == 0 or latin >= 8 * cjk:
        return "en"
    return "mixed"


def iter_json_items(reader: Reader) -> Iterator[tuple[int, Any] | Rejection]:
    """Yield (row, object) for a JSON array file or a JSONL file; bad lines become rejections.

    A JSONL file is checked line by line so one broken line costs one item, not the file. A JSON
    array cannot be partially parsed, so a broken array is one file-level rejection.
    """
    try:
        text = reader.read_text()
    except InputError as exc:
        yield reader.reject(exc.reason, exc.detail)
        return
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield reader.reject(Reason.BROKEN_JSON, f"{reader.path}: invalid JSON array: {exc}")
            return
        for row, obj in enumerate(data):
            yield row, obj
        return
    for row, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            yield row, json.loads(line)
        except json.JSONDecodeError as exc:
            yield reader.reject(Reason.BROKEN_JSON, f"line {row + 1}: {exc}", row=row, raw=line)


def require(obj: Any, *keys: str) -> None:
    """Raise a missing-field InputError naming every absent/empty key."""
    if not isinstance(obj, dict):
        raise InputError(Reason.MISSING_FIELD, f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in keys if k not in obj or obj[k] is None]
    if missing:
        raise InputError(Reason.MISSING_FIELD, f"missing field(s) {missing}; present: {sorted(obj)}")


def as_text(value: Any, field: str) -> str:
    """Source fields are sometimes one-element lists (Huatuo26M); accept str or list of str."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    raise InputError(Reason.INVALID_RECORD, f"field {field!r} is {type(value).__name__}, expected text")
