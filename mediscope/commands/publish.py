"""`mediscope publish`: turn a run's records into a Hugging Face dataset folder (and push it)."""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail


def _ratios(text: str) -> dict[str, float]:
    parts = [p for p in text.split(",") if p.strip()]
    names = ("train", "validation", "test")
    if len(parts) > 3:
        raise ValueError("give at most three ratios: train,validation,test")
    return {n: float(p) for n, p in zip(names, parts, strict=False)}


def register(app: typer.Typer) -> None:
    @app.command("publish")
    def publish(
        source: Path = typer.Argument(..., exists=True, help="A run directory, or one .jsonl/.parquet file of records."),
        output: Path = typer.Argument(..., help="Dataset folder to create (Parquet shards + README.md card)."),
        split: str = typer.Option("0.9,0.05,0.05", "--split", help="train,validation,test ratios (split by case_id)."),
        salt: str = typer.Option("mediscope", help="Split hash salt; keep it fixed across versions of a corpus."),
        max_shard_mb: float = typer.Option(256, "--max-shard-mb", help="Upper bound on one Parquet shard's size."),
        name: str = typer.Option("MediScope", help="Dataset name on the card."),
        license: str = typer.Option("cc-by-nc-4.0", "--license", help="Licence id written on the card."),
        image_base_dir: Path | None = typer.Option(None, help="Resolve relative image paths against this folder."),
        overwrite: bool = typer.Option(False, help="Replace OUTPUT if it exists."),
        push_to_hub: str | None = typer.Option(None, "--push-to-hub", help="Also upload to this Hub repo (owner/name)."),
        public: bool = typer.Option(False, "--public", help="Create the Hub repo public (default: private)."),
    ) -> None:
        """Write SOURCE's records as an HF dataset; records that did not pass de-identification are refused.

        Refused records go to OUTPUT.rejects.jsonl, outside the dataset folder, so they are never uploaded.
        Load the result with `datasets.load_dataset("OUTPUT")`.
        """
        from rich.table import Table

        from mediscope.log import console
        from mediscope.publish import publish_dataset

        try:
            ratios = _ratios(split)
            summary = publish_dataset(
                source, output, ratios=ratios, salt=salt, max_shard_mb=max_shard_mb, name=name, license=license,
                image_base_dir=str(image_base_dir) if image_base_dir else None, overwrite=overwrite,
                push_to_hub=push_to_hub, private=not public,
            )
        except (ValueError, FileExistsError, FileNotFoundError) as exc:
            fail(str(exc))
        table = Table(title=f"published {summary.output_dir}")
        for col in ("split", "records", "cases", "images", "shards", "MB"):
            table.add_column(col, justify="left" if col == "split" else "right")
        for s, v in summary.splits.items():
            table.add_row(s, f"{v.records:,}", f"{v.cases:,}", f"{v.images:,}", str(v.shards), f"{v.bytes / 1e6:.2f}")
        console().print(table)
        console().print(f"split method: {summary.split_method}; languages: {summary.languages}")
        if summary.rejected:
            console().print(f"refused {sum(summary.rejected.values())} record(s) {summary.rejected} -> {summary.rejects_path}")
        if summary.hub_url:
            console().print(f"pushed to {summary.hub_url}")
