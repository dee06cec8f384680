"""`mediscope filter`: run the quality filter and dedup on a record file, with a funnel table.

The same stages a pipeline runs (`filter`, `dedup`), for a curator who wants to try thresholds
on an existing run's output without re-running de-identification.
"""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail


def register(app: typer.Typer) -> None:
    @app.command("filter")
    def filter_(
        source: Path = typer.Argument(..., exists=True, help="Run directory or .jsonl/.parquet file of records."),
        output: Path = typer.Argument(..., help="Output file for kept records (.jsonl or .parquet)."),
        config: Path | None = typer.Option(
            None, "--config", "-c", exists=True, dir_okay=False,
            help="YAML with optional 'filter:' and 'dedup:' sections (stage configs).",
        ),
        dedup: bool = typer.Option(True, help="Also remove exact/near duplicates."),
        residual_phi: bool = typer.Option(False, help="Re-run the PHI analyzer (needs the deid extra)."),
        batch_size: int = typer.Option(1024, min=1, help="Records per batch."),
    ) -> None:
        """Filter SOURCE into OUTPUT; rejects go to OUTPUT's sibling <name>.rejects.jsonl."""
        import yaml
        from pydantic import ValidationError
        from rich.progress import Progress

        from mediscope.io.shards import RecordWriter, iter_records
        from mediscope.log import console
        from mediscope.stages.filters.dedup import DedupStage
        from mediscope.stages.filters.funnel import funnel_table
        from mediscope.stages.filters.rules import QualityFilterStage

        if output.suffix not in (".jsonl", ".parquet"):
            fail("OUTPUT must end in .jsonl or .parquet")
        cfg = yaml.safe_load(config.read_text(encoding="utf-8")) if config else {}
        cfg = cfg or {}
        filter_cfg = dict(cfg.get("filter") or {})
        filter_cfg.setdefault("residual_phi", {}).setdefault("enabled", residual_phi)
        try:
            stages = [QualityFilterStage(filter_cfg)]
            if dedup:
                stages.append(DedupStage(cfg.get("dedup") or {}))
        except ValidationError as exc:
            fail(f"invalid config: {exc}")
        rejects = output.with_name(output.stem + ".rejects.jsonl")
        total = 0
        batch = []
        # Streamed as batches finish (an export can be larger than memory); both files appear,
        # complete, only when the last record is done.
        writer, rej_writer = RecordWriter(output), RecordWriter(rejects, lines=True)

        def flush() -> None:
            records = batch[:]
            for st in stages:
                res = st(records)
                rej_writer.write_lines(r.to_json() for r in res.rejected)
                records = res.kept
            writer.write(records)
            batch.clear()

        for st in stages:  # before the first batch, so dedup can take its hashing from the filter's worker
            st.ensure_setup()
        try:
            with writer, rej_writer, Progress(console=console(), transient=True) as progress:
                task = progress.add_task("filtering", total=None)
                for rec in iter_records(source):
                    batch.append(rec)
                    total += 1
                    if len(batch) >= batch_size:
                        flush()
                        progress.update(task, completed=total)
                if batch:
                    flush()
        except (ValueError, FileNotFoundError) as exc:
            fail(f"could not read records from {source}: {exc}")
        finally:
            for st in stages:  # stops the filter's worker processes
                st.teardown()
        counts: dict[str, int] = {}
        for st in stages:
            for reason, n in st.funnel.reasons.items():  # type: ignore[attr-defined]
                counts[f"{st.name}: {reason}"] = n
        console().print(funnel_table(counts, total))
        console().print(f"{total:,} in = {writer.count:,} kept ({output}) + {rej_writer.count:,} rejected ({rejects})")
