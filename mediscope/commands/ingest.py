"""`mediscope ingest` and `mediscope formats`: turn source exports into records."""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail, print_manifest


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        input_path: Path = typer.Argument(..., help="Input file or folder.", exists=True),
        output: Path = typer.Option(..., "--output", "-o", help="Run directory to write (data/, rejects/, manifest.json)."),
        format: str = typer.Option(..., "--format", "-f", help="Input format; see `mediscope formats`."),
        encoding: str = typer.Option("auto", help="Text encoding of the input, or 'auto' to detect it."),
        image_dir: Path | None = typer.Option(None, help="Folder of images referenced by the input."),
        out_format: str = typer.Option("jsonl", "--out-format", help="Record shard format: jsonl or parquet."),
        batch_size: int = typer.Option(256, help="Input items per shard."),
        max_file_mb: float = typer.Option(2048, help="Reject input files larger than this."),
        limit: int | None = typer.Option(None, help="Read at most this many input items."),
        restart: bool = typer.Option(False, help="Discard an unfinished run in OUTPUT instead of resuming it."),
        progress: bool = typer.Option(True, help="Show a progress bar."),
    ) -> None:
        """Convert INPUT_PATH (any supported format) into mediscope records.

        Bad items (broken JSON, wrong encoding, missing fields, empty dialogues, unreadable
        images, oversize files) go to OUTPUT/rejects/ with a reason; nothing is dropped silently.
        Re-running the same command resumes an interrupted ingest.
        """
        from mediscope.pipeline import Pipeline, ReaderSpec, StageSpec, WriterSpec
        from mediscope.runner import RunError, Runner

        options: dict[str, object] = {"encoding": encoding, "max_file_mb": max_file_mb}
        if image_dir is not None:
            options["image_dir"] = str(image_dir)
        if limit is not None:
            options["limit"] = limit
        try:
            pipeline = Pipeline(
                name=f"ingest:{format}",
                reader=ReaderSpec(format=format, path=str(input_path), options=options),
                stages=[StageSpec(stage="validate")],
                writer=WriterSpec(path=str(output), format=out_format),  # type: ignore[arg-type]
                batch_size=batch_size,
            )
            manifest = Runner(pipeline, resume=not restart, progress=progress).run()
        except (RunError, LookupError, ValueError) as exc:
            fail(str(exc))
        print_manifest(manifest, output)

    @app.command("formats")
    def formats() -> None:
        """List the input formats `ingest` and pipelines can read."""
        from rich.table import Table

        from mediscope.io.registry import READERS, reader_class
        from mediscope.log import console

        table = Table("format", "description")
        for name in sorted(READERS):
            try:
                desc = reader_class(name).description
            except LookupError as exc:
                desc = f"[dim]unavailable: {exc}[/dim]"
            table.add_row(name, desc)
        console().print(table)
