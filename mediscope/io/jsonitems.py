"""Base for readers of JSON/JSONL sources: one JSON object in, one Record out."""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from mediscope.io.base import InputError, Reader, Reason
from mediscope.io.text import guess_lang, iter_json_items
from mediscope.record import Image, Record, RecordKind, Source, Turn, stable_id
from mediscope.rejects import Rejection


class JsonItemsReader(Reader):
    """Subclasses implement `convert(row, obj)`; every failure becomes a reasoned rejection."""

    def items(self) -> Iterator[Record | Rejection]:
        for item in iter_json_items(self):
            if isinstance(item, Rejection):
                yield item
                continue
            row, obj = item
            try:
                yield self.convert(row, obj)
            except InputError as exc:
                yield self.reject(exc.reason, exc.detail, row=row, raw=_dump(obj))
            except ValidationError as exc:
                yield self.reject(Reason.INVALID_RECORD, _short(exc), row=row, raw=_dump(obj))

    @abstractmethod
    def convert(self, row: int, obj: Any) -> Record:
        """Turn one source object into a Record (raise InputError for bad input)."""

    def make_record(
        self,
        row: int,
        turns: list[Turn],
        *,
        original_id: str | None = None,
        kind: RecordKind = "dialogue",
        meta: dict[str, Any] | None = None,
        case_id: str | None = None,
        images: list[Image] | None = None,
    ) -> Record:
        rid = stable_id(self.name, self.path.name, row, original_id or "")
        lang = guess_lang(" ".join(t.text for t in turns))
        return Record(
            id=rid,
            kind=kind,
            source=Source(dataset=self.name, file=str(self.path), row=row, original_id=original_id),
            lang=lang,
            case_id=case_id or f"{self.name}:{original_id or rid}",
            turns=turns,
            images=images or [],
            meta=meta or {},
        )


def _dump(obj: Any) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(obj)


def _short(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
