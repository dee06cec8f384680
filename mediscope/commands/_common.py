"""Helpers shared by CLI verbs: error exit and the run summary table."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a clear error (no traceback) and exit non-zero."""
    from mediscope.log import console

    console().print(f"[bold red]error:[/bold red] {message}", highlight=False)
    raise typer.Exit(code)


def print_manifest(manifest: dict[str, Any], out: Path) -> None:
    """Per-stage counts of a finished run, with rejection reasons."""
    from rich.table import Table

    from mediscope.log import console

    table = Table(title=f"{manifest['pipeline']} -> {out}")
    for col in ("stage", "in", "out", "rejected", "reasons", "seconds"):
        table.add_column(col, justify="right" if col in ("in", "out", "rejected", "seconds") else "left")
    for st in manifest["stages"]:
        reasons = ", ".join(f"{k}: {v}" for k, v in st["reasons"].items())
        table.add_row(st["name"], str(st["in"]), str(st["out"]), str(st["rejected"]), reasons, f"{st['seconds']:.2f}")
    console().print(table)
    console().print(
        f"{manifest['input_items']} in = {manifest['output_records']} out + {manifest['rejected']} rejected "
        f"({manifest['shards']} shard(s)); rejects in {out / 'rejects'}"
    )
