"""Run report: HTML page with PNG plots, and the same numbers as rich tables in the terminal.

Reads only a run directory (`manifest.json`, `data/part-*`, `rejects/*.jsonl`), so it works on
any finished or interrupted run, including one copied from another machine.
"""

from __future__ import annotations

from pathlib import Path

from mediscope.report.data import RunStats, load_run


def build_report(run_dir: str | Path, out_dir: str | Path | None = None) -> Path:
    """Write `<out_dir or run_dir/report>/report.html` and its PNGs; return the HTML path."""
    from mediscope.report.render import write_html

    stats = load_run(run_dir)
    return write_html(stats, Path(out_dir) if out_dir else Path(run_dir) / "report")


__all__ = ["RunStats", "build_report", "load_run"]
