"""The filter funnel: how many records each reason removed, as data and as a rich table.

Stages count as they go (`Funnel.add`), and the run report rebuilds the same numbers from the
run's `rejects/*.jsonl`, so the table a curator sees in the terminal and in the HTML agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rich.table import Table


@dataclass
class Funnel:
    """Counts of records in, kept, and rejected per reason for one stage."""

    stage: str
    seen: int = 0
    kept: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, kept: int, reasons: Iterable[str]) -> None:
        rs = list(reasons)
        self.kept += kept
        self.seen += kept + len(rs)
        self.reasons.update(rs)

    def as_dict(self) -> dict[str, object]:
        return {"stage": self.stage, "in": self.seen, "kept": self.kept, "rejected": dict(self.reasons)}


def funnel_table(counts: Mapping[str, int], total: int, *, title: str = "Filter funnel") -> Table:
    """Rows: reason, records removed, share of input, records left after (largest first)."""
    table = Table(title=title)
    table.add_column("reason")
    table.add_column("removed", justify="right")
    table.add_column("% of input", justify="right")
    table.add_column("left", justify="right")
    left = total
    table.add_row("(input)", "", "", f"{total:,}")
    for reason, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        left -= n
        share = f"{100 * n / total:.1f}%" if total else "-"
        table.add_row(reason, f"{n:,}", share, f"{left:,}")
    return table
