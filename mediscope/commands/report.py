"""`mediscope report`: a run's funnel, turn counts, PHI types and review outcomes (HTML + terminal)."""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        run_dir: Path = typer.Argument(..., help="A run directory (the pipeline's writer.path)."),
        output: Path | None = typer.Option(None, "--output", "-o", help="Folder for report.html + PNGs (default: RUN_DIR/report)."),
        html: bool = typer.Option(True, help="Write the HTML report with PNG plots."),
    ) -> None:
        """Summarize RUN_DIR in the terminal and write an HTML report with plots."""
        from mediscope.log import console
        from mediscope.report import load_run
        from mediscope.report.render import print_terminal, write_html

        try:
            stats = load_run(run_dir)
        except FileNotFoundError as exc:
            fail(str(exc))
        print_terminal(stats, console())
        if html:
            path = write_html(stats, output or run_dir / "report")
            console().print(f"report: {path}")
