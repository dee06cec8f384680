"""Gather a run's numbers: manifest, rejects per reason, turn counts, PHI types, review outcomes.

Parquet shards are read column-wise with Polars (only the list lengths and status fields a
report needs, never the texts), so a report on a million-record run takes seconds; JSONL shards
are streamed record by record.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

log = logging.getLogger(__name__)


@dataclass
class RunStats:
    run_dir: Path
    manifest: dict[str, Any] = field(default_factory=dict)
    stages: list[dict[str, Any]] = field(default_factory=list)
    reasons: Counter[tuple[str, str]] = field(default_factory=Counter)
    turns: Counter[int] = field(default_factory=Counter)
    phi_kept: Counter[str] = field(default_factory=Counter)
    phi_rejected: Counter[str] = field(default_factory=Counter)
    review: Counter[str] = field(default_factory=Counter)
    review_rejected: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    kept: int = 0
    rejected: int = 0

    @property
    def input_items(self) -> int:
        return int(self.manifest.get("input_items", self.kept + self.rejected))

    @property
    def phi(self) -> Counter[str]:
        return self.phi_kept + self.phi_rejected


def _data_files(run_dir: Path) -> list[Path]:
    data = run_dir / "data" if (run_dir / "data").is_dir() else run_dir
    return sorted([*data.glob("part-*.parquet"), *data.glob("part-*.jsonl")])


def _scan_parquet(files: list[Path], stats: RunStats) -> None:
    df = pl.scan_parquet([str(f) for f in files]).select(
        n_turns=pl.col("turns").list.len(),
        review=pl.col("review").struct.field("status"),
        lang=pl.col("lang"),
        ents=pl.col("deid").struct.field("spans").list.eval(pl.element().struct.field("entity_type")),
    ).collect()
    stats.kept += df.height
    stats.turns.update(dict(df.group_by("n_turns").len().iter_rows()))
    stats.review.update(dict(df.group_by("review").len().iter_rows()))
    stats.languages.update(dict(df.group_by("lang").len().iter_rows()))
    ents = df.select(pl.col("ents").explode().drop_nulls())
    if ents.height:
        stats.phi_kept.update(dict(ents.group_by("ents").len().iter_rows()))


def _scan_jsonl(file: Path, stats: RunStats) -> None:
    with file.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            stats.kept += 1
            stats.turns[len(rec.get("turns", []))] += 1
            stats.review[rec.get("review", {}).get("status", "pending")] += 1
            stats.languages[rec.get("lang", "und")] += 1
            stats.phi_kept.update(s["entity_type"] for s in rec.get("deid", {}).get("spans", []))


def load_run(run_dir: str | Path) -> RunStats:
    """Read everything the report shows from a run directory (manifest.json optional)."""
    run = Path(run_dir)
    if not run.is_dir():
        raise FileNotFoundError(f"{run} is not a run directory")
    stats = RunStats(run_dir=run)
    manifest_file = run / "manifest.json"
    if manifest_file.exists():
        stats.manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        stats.stages = list(stats.manifest.get("stages", []))
    files = _data_files(run)
    parquet = [f for f in files if f.suffix == ".parquet"]
    if parquet:
        _scan_parquet(parquet, stats)
    for f in files:
        if f.suffix == ".jsonl":
            _scan_jsonl(f, stats)
    for f in sorted((run / "rejects").glob("*.jsonl")):
        with f.open("rb") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rej = json.loads(line)
                stats.rejected += 1
                stats.reasons[(rej.get("stage") or "?", rej.get("reason") or "?")] += 1
                rec = rej.get("record") or {}
                if rec:
                    stats.review_rejected[rec.get("review", {}).get("status", "pending")] += 1
                    stats.phi_rejected.update(s["entity_type"] for s in rec.get("deid", {}).get("spans", []))
    if not files and not stats.rejected:
        raise FileNotFoundError(f"{run} holds no record shards (data/part-*) and no rejects")
    if not stats.stages:  # no manifest (e.g. an interrupted run): derive a funnel from rejects
        by_stage: Counter[str] = Counter()
        for (stage, _), n in stats.reasons.items():
            by_stage[stage] += n
        stats.stages = [{"name": s, "rejected": n, "reasons": {r: c for (st, r), c in stats.reasons.items() if st == s}}
                        for s, n in by_stage.items()]
    return stats
