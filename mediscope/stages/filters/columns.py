"""A batch of records as flat turn columns, and the normalized dialogue text of each record.

The filter and dedup stages look at every turn of every record. Walking pydantic objects is the
one step that must be Python; it is done once per batch into flat lists (`TurnColumns`), and
everything after works on whole columns: Polars for the string work (NFKC, case folding,
punctuation removal, Unicode class counts, all in Rust), NumPy for per-record reductions over
the `offsets` of each record's turns.

The dedup stage runs right after the filter on the records it kept and needs the same
normalized dialogues, so the last batch's results are remembered, keyed by content (the turn
texts, roles and report texts), never by object identity: a record edited in between is
recomputed, never served a stale text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mediscope.record import Record
from mediscope.stages.filters.text import ROLE_TAG, normalize

ROLE_CODE = {"patient": 0, "doctor": 1, "system": 2}  # any other role: 3
PATIENT, DOCTOR, SYSTEM = 0, 1, 2

# Same classes as `text.normalize` (Python `re`: [\W_]+), in Polars' Rust regex syntax.
_NON_WORD = r"[\W_]+"

Key = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def normalized_expr(col: str) -> pl.Expr:
    """`text.normalize` as a Polars expression: NFKC, lower-case, drop non-word characters."""
    return pl.col(col).str.normalize("NFKC").str.to_lowercase().str.replace_all(_NON_WORD, "")


@dataclass
class TurnColumns:
    """The turns of a batch, flattened: record i owns turns `offsets[i]:offsets[i + 1]`."""

    texts: list[str]
    roles: list[str]
    offsets: np.ndarray  # int64, len(records) + 1
    reports: dict[int, list[str]]  # record index -> its non-empty report texts (most have none)

    @classmethod
    def of(cls, records: list[Record]) -> TurnColumns:
        turns = [r.turns for r in records]
        flat = [t for ts in turns for t in ts]
        counts = np.array(list(map(len, turns)), dtype=np.int64)
        offsets = np.zeros(len(records) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        reports = {i: texts for i, r in enumerate(records) if r.reports
                   for texts in ([x.text for x in r.reports if x.text],) if texts}
        return cls([t.text for t in flat], [t.role for t in flat], offsets, reports)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def part(self, start: int, stop: int) -> TurnColumns:
        """Records `start:stop` as their own columns (what a worker process is sent)."""
        a, b = int(self.offsets[start]), int(self.offsets[stop])
        reports = {i - start: t for i, t in self.reports.items() if start <= i < stop}
        return TurnColumns(self.texts[a:b], self.roles[a:b], self.offsets[start:stop + 1] - a, reports)

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.offsets)

    def doc(self) -> np.ndarray:
        """The record index of every turn."""
        return np.repeat(np.arange(len(self), dtype=np.int64), self.counts)

    def role_codes(self) -> np.ndarray:
        get = ROLE_CODE.get
        return np.array([get(r, 3) for r in self.roles], dtype=np.uint8)

    def dialogue_texts(self) -> list[str]:
        """`text.dialogue_text(r, with_roles=False)` of every record: turns, then reports, by newline."""
        texts, off = self.texts, self.offsets.tolist()
        out = ["\n".join(texts[a:b]) for a, b in zip(off, off[1:], strict=False)]
        for i, extra in self.reports.items():
            out[i] = "\n".join([*texts[off[i]:off[i + 1]], *extra])
        return out

    def keys(self) -> list[Key]:
        """A content key per record: everything its normalized dialogue depends on."""
        texts, roles, off = self.texts, self.roles, self.offsets.tolist()
        keys = [(tuple(texts[a:b]), tuple(roles[a:b]), ()) for a, b in zip(off, off[1:], strict=False)]
        for i, extra in self.reports.items():
            keys[i] = (keys[i][0], keys[i][1], tuple(extra))
        return keys

    def normalized_dialogues(self, normalized_turns: list[str]) -> list[str]:
        """`text.normalized_dialogue` of every record from the normalized turn texts."""
        tag = ROLE_TAG.get
        tagged = [tag(r, "?") + t for r, t in zip(self.roles, normalized_turns, strict=True)]
        off = self.offsets.tolist()
        out = ["|".join(tagged[a:b]) for a, b in zip(off, off[1:], strict=False)]
        for i, extra in self.reports.items():
            out[i] += "".join(normalize(x) for x in extra)
        return out


_LAST: dict[Key, str] = {}  # normalized dialogue by content key, for the previous batch only


def remember(keys: list[Key], dialogues: list[str]) -> None:
    """Keep this batch's normalized dialogues for the next stage (bounded: one batch)."""
    _LAST.clear()
    _LAST.update(zip(keys, dialogues, strict=True))


def normalized_dialogues(records: list[Record]) -> list[str]:
    """`text.normalized_dialogue` for a batch: from the previous stage's results when the content
    is the same, else normalized here in one Polars pass."""
    return normalized_dialogues_and_keys(records)[0]


def normalized_dialogues_and_keys(records: list[Record]) -> tuple[list[str], list[Key]]:
    """`normalized_dialogues` and the records' content keys."""
    if not records:
        return [], []
    cols = TurnColumns.of(records)
    keys = cols.keys()
    hits = [_LAST.get(k) for k in keys]
    if all(h is not None for h in hits):
        return hits, keys  # type: ignore[return-value]
    norm = pl.DataFrame({"t": cols.texts}, schema={"t": pl.String}).select(normalized_expr("t"))["t"].to_list()
    out = cols.normalized_dialogues(norm)
    remember(keys, out)
    return out, keys
