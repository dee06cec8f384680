"""Render a run's stats as a self-contained HTML page (with PNGs beside it) or as rich tables."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console
from rich.table import Table

from mediscope.report import plots
from mediscope.report.data import RunStats

PLOTS = {
    "turns.png": plots.turns_plot,
    "funnel.png": plots.funnel_plot,
    "reasons.png": plots.reasons_plot,
    "phi.png": plots.phi_plot,
    "review.png": plots.review_plot,
}


def _stage_rows(stats: RunStats) -> list[list[str]]:
    rows = []
    for s in stats.stages:
        reasons = ", ".join(f"{k}: {v:,}" for k, v in sorted(s.get("reasons", {}).items(), key=lambda kv: -kv[1]))
        rows.append([s.get("name", "?"), f"{s['in']:,}" if "in" in s else "", f"{s['out']:,}" if "out" in s else "",
                     f"{s.get('rejected', 0):,}", reasons])
    return rows


def _counter_rows(counter: Counter[str]) -> list[list[str]]:
    total = sum(counter.values()) or 1
    return [[str(k), f"{v:,}", f"{100 * v / total:.1f}%"] for k, v in counter.most_common()]


def _reason_rows(stats: RunStats) -> list[list[str]]:
    total = stats.input_items or 1
    return [[stage, reason, f"{n:,}", f"{100 * n / total:.2f}%"]
            for (stage, reason), n in sorted(stats.reasons.items(), key=lambda kv: -kv[1])]


def _turn_rows(stats: RunStats) -> list[list[str]]:
    return [[str(k), f"{stats.turns[k]:,}"] for k in sorted(stats.turns)]


def _html_table(header: Iterable[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body or '<tr><td>none</td></tr>'}</tbody></table>"


def write_html(stats: RunStats, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, fn in PLOTS.items():
        fn(stats, out_dir / name)
    m = stats.manifest
    title = f"mediscope run report: {m.get('pipeline', stats.run_dir.name)}"
    summary = (f"{stats.input_items:,} input item(s) → {stats.kept:,} kept + {stats.rejected:,} rejected"
               f" · status {m.get('status', 'unknown')} · {m.get('shards', '?')} shard(s)")
    sections = [
        ("Funnel", "funnel.png", _html_table(["stage", "in", "out", "rejected", "reasons"], _stage_rows(stats))),
        ("Rejections per reason", "reasons.png", _html_table(["stage", "reason", "records", "% of input"], _reason_rows(stats))),
        ("Turn-count distribution", "turns.png", _html_table(["turns", "records"], _turn_rows(stats))),
        ("PHI found per type", "phi.png", _html_table(["entity type", "spans", "share"], _counter_rows(stats.phi))),
        ("Review outcomes", "review.png",
         _html_table(["status", "records", "share"], _counter_rows(stats.review + stats.review_rejected))),
        ("Languages (kept records)", None, _html_table(["language", "records", "share"], _counter_rows(stats.languages))),
    ]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
        "text-align:left}th{background:#f3f3f3}img{max-width:100%;border:1px solid #eee}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(summary)}</p>",
        f"<p>run directory: <code>{html.escape(str(stats.run_dir))}</code>; generated "
        f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}</p>",
    ]
    for heading, img, table in sections:
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        if img:
            parts.append(f"<img src='{img}' alt='{html.escape(heading)}'>")
        parts.append(table)
    parts.append("</body></html>")
    path = out_dir / "report.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _rich_table(title: str, header: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title)
    for i, h in enumerate(header):
        table.add_column(h, justify="left" if i == 0 or h in ("reason", "reasons") else "right")
    for r in rows:
        table.add_row(*r)
    return table


def print_terminal(stats: RunStats, console: Console) -> None:
    console.print(f"[bold]{stats.manifest.get('pipeline', stats.run_dir.name)}[/bold]: {stats.input_items:,} in → "
                  f"{stats.kept:,} kept + {stats.rejected:,} rejected")
    console.print(_rich_table("Funnel", ["stage", "in", "out", "rejected", "reasons"], _stage_rows(stats)))
    console.print(_rich_table("Rejections per reason", ["stage", "reason", "records", "% of input"], _reason_rows(stats)))
    top = max(stats.turns.values(), default=1)
    console.print(_rich_table("Turn-count distribution", ["turns", "records", "histogram"],
                              [[k, v, "█" * max(1, round(30 * stats.turns[int(k)] / top))] for k, v in _turn_rows(stats)]))
    console.print(_rich_table("PHI found per type", ["entity type", "spans", "share"], _counter_rows(stats.phi)))
    console.print(_rich_table("Review outcomes", ["status", "records", "share"],
                              _counter_rows(stats.review + stats.review_rejected)))
