"""`mediscope schema`: write or check the record JSON Schema (`schemas/record.schema.json`)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from mediscope.commands._common import fail


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        output: Path | None = typer.Option(None, "--output", "-o", help="Write the schema here (default: stdout)."),
        check: Path | None = typer.Option(None, help="Exit non-zero if this file differs from the model's schema."),
    ) -> None:
        """Print the JSON Schema of a record, generated from `mediscope.record.Record`."""
        from mediscope.record import record_json_schema

        text = json.dumps(record_json_schema(), ensure_ascii=False, indent=2) + "\n"
        if check is not None:
            if not check.exists() or check.read_text(encoding="utf-8") != text:
                fail(f"{check} is out of date; regenerate it with `mediscope schema -o {check}`", code=1)
            return
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
