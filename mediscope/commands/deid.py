"""`mediscope anonymize` (records in, de-identified records out) and `mediscope deid-eval`."""

from __future__ import annotations

import math
from pathlib import Path

import typer

from mediscope.commands._common import fail


def _operators(values: list[str]) -> dict[str, str]:
    ops: dict[str, str] = {"DATE_TIME": "shift"}
    for v in values:
        entity, sep, op = v.partition("=")
        if not sep or not entity or not op:
            raise ValueError(f"--operator wants TYPE=OPERATOR (e.g. PERSON=placeholder), got {v!r}")
        ops[entity.strip().upper()] = op.strip()
    return ops


def _rejects_path(output: Path) -> Path:
    name = output.name
    for suffix in (".jsonl", ".parquet"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return output.with_name(f"{name}.rejects.jsonl")


def _fmt(x: float) -> str:
    return "-" if x != x or math.isnan(x) else f"{x:.3f}"


def register(app: typer.Typer) -> None:
    @app.command("anonymize")
    def anonymize(
        source: Path = typer.Argument(..., exists=True, help="Records: a .jsonl/.parquet file or a run directory."),
        output: Path = typer.Option(..., "--output", "-o", help="Output records file (.jsonl or .parquet)."),
        lang: str = typer.Option("auto", help="zh, en, mixed, or auto (each text field detected on its own)."),
        operator: list[str] = typer.Option(
            [], "--operator", help="TYPE=OPERATOR, repeatable; operators: surrogate, placeholder, mask, shift, redact, keep."
        ),
        default_operator: str = typer.Option("surrogate", help="Operator for types not named by --operator."),
        seed: int = typer.Option(0, help="Surrogate/date-shift seed (combined with each case_id)."),
        threshold: float = typer.Option(0.5, min=0.0, max=1.0, help="Minimum recognizer score."),
        batch_size: int = typer.Option(64, min=1, help="Records per batch."),
        recheck: bool = typer.Option(False, help="Also re-process records already marked passed."),
        workers: int = typer.Option(1, min=1, help="Processes (each loads its own models; use the free cores)."),
        trained_ner: bool = typer.Option(False, "--trained-ner/--rules-only", help="Also run the PHI tagger trained "
                                         "on the labelled sets: higher recall on unseen text, more false positives."),
    ) -> None:
        """De-identify every turn and report of the records in SOURCE and write them to OUTPUT.

        Records whose de-identification fails or cannot be verified go to OUTPUT.rejects.jsonl
        (reason deid_failed), never to OUTPUT. A table of PHI found per type is printed at the end.
        """
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        from rich.table import Table

        from mediscope.io.shards import RecordWriter, iter_records
        from mediscope.log import console
        from mediscope.stages.deid.text import TextDeidStage

        if output.suffix not in (".jsonl", ".parquet"):
            fail(f"--output must end in .jsonl or .parquet, got {output.name!r}")
        if output.resolve() == source.resolve():
            fail("--output must differ from SOURCE")
        try:
            config = {
                "lang": lang, "operators": _operators(operator), "default_operator": default_operator,
                "seed": seed, "score_threshold": threshold, "recheck": recheck, "trained_ner": trained_ner,
            }
            stage = TextDeidStage(config)
        except ValueError as exc:
            fail(str(exc))
        try:
            stage.ensure_setup()
        except Exception as exc:  # model missing, bad config: say so without a traceback
            fail(f"could not start the de-identifier: {exc}")
        pool = None
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            from mediscope.stages.deid import text as text_stage

            pool = ProcessPoolExecutor(max_workers=workers, initializer=text_stage.init_worker, initargs=(config,))
            pending = []

        counts: dict[str, int] = {}
        batch = []
        total = 0
        rej_path = _rejects_path(output)
        # Kept records and rejects are streamed to temp files as batches finish (a hospital export
        # can be larger than memory); both are renamed into place only when every record is done.
        writer, rej_writer = RecordWriter(output), RecordWriter(rej_path, lines=True)

        def collect(res) -> None:
            writer.write(res.kept)
            rej_writer.write_lines(r.to_json() for r in res.rejected)
            for rec in res.kept:
                for s in rec.deid.spans:
                    counts[s.entity_type] = counts.get(s.entity_type, 0) + 1

        def flush() -> None:
            if not batch:
                return
            if pool is None:
                collect(stage(batch))
            else:
                pending.append(pool.submit(text_stage.run_worker, list(batch)))
                while len(pending) > 2 * workers:  # bounded memory, results in input order
                    collect(pending.pop(0).result())
            batch.clear()

        try:
            with writer, rej_writer, Progress(
                TextColumn("[bold]de-identifying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=console(), transient=True,
            ) as progress:
                task = progress.add_task("records", total=None)
                for rec in iter_records(source):
                    batch.append(rec)
                    total += 1
                    if len(batch) >= batch_size:
                        flush()
                        progress.update(task, completed=total)
                flush()
                if pool is not None:
                    for fut in pending:
                        collect(fut.result())
                progress.update(task, completed=total)
        except (ValueError, FileNotFoundError) as exc:
            fail(f"could not read records from {source}: {exc}")
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if not rej_writer.count:
            rej_path.unlink(missing_ok=True)

        table = Table(title=f"PHI replaced in {output}")
        table.add_column("entity type")
        table.add_column("spans", justify="right")
        for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(k, f"{v:,}")
        console().print(table)
        console().print(f"{total} in = {writer.count} out + {rej_writer.count} rejected"
                        + (f" (rejects in {rej_path})" if rej_writer.count else ""))

    @app.command("deid-eval")
    def deid_eval(
        evalset: list[Path] = typer.Option(
            [], "--set", exists=True, help="Evaluation JSONL file(s) or folder (default: the shipped zh + en sets)."
        ),
        lang: str | None = typer.Option(None, help="Force a language (default: each item's own lang)."),
        min_recall: float = typer.Option(0.99, help="Exit 1 if overall PHI recall is below this."),
        min_preservation: float = typer.Option(0.95, help="Exit 1 if clinical-term preservation is below this."),
        min_coverage: float = typer.Option(0.8, help="Share of a PHI span's characters that must be covered."),
        show_errors: int = typer.Option(10, help="Print up to this many misses and false positives."),
        propagate: bool = typer.Option(
            True, help="Score what gets replaced: a name found once also at its other occurrences in the text "
            "(--no-propagate scores the bare detector)."
        ),
        trained_ner: bool = typer.Option(False, "--trained-ner/--rules-only", help="Score the rules together with "
                                         "the PHI tagger trained on the labelled sets (the sets it was trained on "
                                         "are listed in its training.json: those are no unseen measure)."),
    ) -> None:
        """Score the de-identifier: recall/precision/F1 per type, PHI recall, clinical preservation.

        Each line of an evaluation file is {"text", "lang", "phi": [{"start","end","type"}],
        "clinical": [{"start","end"}]}. Regenerate the shipped set with
        `python -m mediscope.deid.evalset.generate`.
        """
        from rich.table import Table

        from mediscope.deid.evaluation import evaluate, load_evalset
        from mediscope.log import console

        try:
            items = load_evalset(evalset or None)
        except (FileNotFoundError, ValueError) as exc:
            fail(str(exc))
        from mediscope.deid.engine import DeidConfig, Deidentifier

        try:
            engine = Deidentifier(DeidConfig(trained_ner=trained_ner))
            report = evaluate(items, engine, lang=lang, min_coverage=min_coverage, propagate=propagate)
        except (OSError, ValueError) as exc:  # a missing or broken tagger folder, a bad spaCy model
            fail(f"could not run the de-identifier: {exc}")
        table = Table(title=f"de-identification on {len(items)} texts")
        for col in ("type", "gold", "recall", "predicted", "precision", "F1"):
            table.add_column(col, justify="left" if col == "type" else "right")
        for name, ts in sorted(report.per_type.items()):
            table.add_row(name, str(ts.gold), _fmt(ts.recall), str(ts.predicted), _fmt(ts.precision), _fmt(ts.f1))
        table.add_row("ALL", str(report.gold), _fmt(report.recall), str(report.predicted), _fmt(report.precision), "",
                      style="bold")
        con = console()
        con.print(table)
        con.print(f"PHI recall {_fmt(report.recall)} (characters {_fmt(report.char_recall)}), precision "
                  f"{_fmt(report.precision)}, clinical preservation {_fmt(report.preservation)} "
                  f"({report.clinical_kept}/{report.clinical} terms kept)")
        for item_id, etype, text in report.missed[:show_errors]:
            con.print(f"  missed {etype} in {item_id}: {text!r}", highlight=False)
        for item_id, etype, text in report.false_positives[:show_errors]:
            con.print(f"  false positive {etype} in {item_id}: {text!r}", highlight=False)
        for item_id, text in report.clobbered[:show_errors]:
            con.print(f"  clinical term replaced in {item_id}: {text!r}", highlight=False)
        ok = report.recall >= min_recall and (report.clinical == 0 or report.preservation >= min_preservation)
        if not ok:
            con.print(f"[bold red]below threshold[/bold red]: recall {_fmt(report.recall)} < {min_recall} "
                      f"or preservation {_fmt(report.preservation)} < {min_preservation}")
            raise typer.Exit(1)
