"""`mediscope review ...`: the expert proofreading loop in Label Studio, and judge calibration.

push -> experts annotate in the UI -> pull (merge into records) -> status; `serve` starts a local
server; `calibrate push/pull/report` compares expert pairwise choices with the LLM judge.
Heavy imports (label-studio-sdk) happen inside the command bodies.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import typer

from mediscope.commands._common import fail

URL_OPT = typer.Option("http://127.0.0.1:8080", "--url", envvar="LABEL_STUDIO_URL", help="Label Studio base URL.")
TOKEN_OPT = typer.Option(..., "--token", envvar="LABEL_STUDIO_API_KEY", help="Legacy API token (Account & Settings).")


CALIBRATION_PROJECT = "mediscope-judge-calibration"


def _default_title(kind: str) -> str:
    return CALIBRATION_PROJECT if kind == "pairwise" else f"mediscope-{kind}"


def _default_state(kind: str, title: str | None) -> Path:
    name = (title or _default_title(kind)).replace("/", "_").replace(" ", "_")
    return Path(".mediscope-review") / f"{name}.json"


def _client(url: str, token: str):  # noqa: ANN202 - lazy import of the SDK-backed client
    from mediscope.review.client import ReviewClient

    return ReviewClient(url, token)


def _fmt(x: float) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.3f}"


def _progress(total: int | None, what: str):  # noqa: ANN202
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from mediscope.log import console

    prog = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), console=console(), transient=True)
    return prog, prog.add_task(what, total=total)


def register(app: typer.Typer) -> None:
    review = typer.Typer(help="Expert review in Label Studio: push tasks, pull corrections, status, calibration.", no_args_is_help=True)
    calibrate = typer.Typer(help="Judge-vs-expert calibration on pairwise comparisons.", no_args_is_help=True)
    review.add_typer(calibrate, name="calibrate")
    app.add_typer(review, name="review")

    @review.command("push")
    def push(
        records: Path = typer.Argument(..., exists=True, help="Records: a .jsonl/.parquet file or a run directory."),
        kind: str = typer.Option("dialogue", "--kind", "-k", help="dialogue (proofreading), phi (span review) or image (redaction review)."),
        project: str | None = typer.Option(None, "--project", "-p", help="Project title (created if absent; default mediscope-KIND)."),
        state: Path | None = typer.Option(None, "--state", help="State file (default .mediscope-review/PROJECT.json)."),
        document_root: Path | None = typer.Option(None, "--document-root", envvar="LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT", help="Server's local-files document root (image review)."),
        only_with_spans: bool = typer.Option(False, help="PHI review: only fields where the de-identifier found spans."),
        batch_size: int = typer.Option(100, min=1, help="Tasks per import request."),
        require_deid: bool | None = typer.Option(
            None, "--require-deid/--allow-undeidentified",
            help="Refuse records whose de-identification has not passed (default: only for non-loopback servers).",
        ),
        url: str = URL_OPT,
        token: str = TOKEN_OPT,
    ) -> None:
        """Create or reuse a project and import RECORDS as review tasks with pre-annotations.

        Idempotent: tasks already in the project are not imported again; an interrupted push
        resumes where it stopped.
        """
        from mediscope.io.shards import iter_records
        from mediscope.review.client import ReviewError
        from mediscope.review.push import push_records

        title = project or _default_title(kind)
        state_path = state or _default_state(kind, title)
        prog, task = _progress(None, f"pushing {kind} tasks")
        try:
            with prog:
                summary = push_records(
                    _client(url, token),
                    iter_records(records),
                    kind=kind,
                    state_path=state_path,
                    project_title=title,
                    batch_size=batch_size,
                    document_root=document_root,
                    only_with_spans=only_with_spans,
                    on_batch=lambda n: prog.update(task, completed=n),
                    require_deid=require_deid,
                )
        except (ReviewError, ValueError, FileNotFoundError) as exc:
            fail(str(exc), code=1)
        typer.echo(
            f"project {summary.project_id} ({title}): {summary.created} tasks created, "
            f"{summary.already_there} already there, {summary.total_tasks} in total; state {state_path}"
        )
        for rid, why in summary.failed:
            typer.echo(f"not pushed: {rid}: {why}", err=True)
        if summary.failed:
            raise typer.Exit(1)

    @review.command("pull")
    def pull(
        records: Path = typer.Argument(..., exists=True, help="The records that were pushed (file or run directory)."),
        output: Path = typer.Option(..., "--output", "-o", help="Output directory: data/, rejects/, review_summary.json."),
        project: str | None = typer.Option(None, "--project", "-p", help="Project title used at push."),
        kind: str = typer.Option("dialogue", "--kind", "-k", help="Review kind used at push."),
        state: Path | None = typer.Option(None, "--state", help="State file used at push."),
        fmt: str = typer.Option("parquet", "--format", help="parquet or jsonl."),
        page_size: int = typer.Option(100, min=1, help="Tasks per page when exporting."),
        restart: bool = typer.Option(False, help="Refetch every page instead of resuming an interrupted pull."),
        offline: bool = typer.Option(False, help="Do not contact the server; merge the last pulled snapshot."),
        url: str = URL_OPT,
        token: str = typer.Option("", "--token", envvar="LABEL_STUDIO_API_KEY", help="Legacy API token."),
    ) -> None:
        """Export annotations page by page and merge them into RECORDS.

        Edited turns replace the originals (kept in review.edits), review status and reasons are
        set, expert-rejected records and annotations of unknown records go to rejects/.
        """
        from mediscope.io.shards import iter_records, write_lines, write_records
        from mediscope.review.client import ReviewError
        from mediscope.review.merge import merge_annotations
        from mediscope.review.pull import fetch_annotations, read_snapshot
        from mediscope.review.state import ReviewState, snapshot_path

        if fmt not in ("parquet", "jsonl"):
            fail("--format must be parquet or jsonl")
        title = project or _default_title(kind)
        state_path = state or _default_state(kind, title)
        try:
            if offline:
                snap = snapshot_path(state_path)
                if not snap.exists():
                    fail(f"no pulled snapshot at {snap}; run pull without --offline first")
            else:
                if not token:
                    fail("--token (or LABEL_STUDIO_API_KEY) is required unless --offline")
                prog, task = _progress(None, "pulling annotations")
                with prog:
                    snap = fetch_annotations(
                        _client(url, token), state_path, page_size=page_size, restart=restart,
                        on_page=lambda _p, n: prog.update(task, completed=n),
                    )
            st = ReviewState.load(state_path)
            result = merge_annotations(
                iter_records(records), read_snapshot(snap), kind=kind,
                expected_tasks=st.tasks if st else None, project=title,
            )
        except (ReviewError, ValueError, FileNotFoundError) as exc:
            fail(str(exc), code=1)
        write_records(result.kept, output / "data" / f"part-00000.{fmt}")
        write_lines((r.to_json() for r in result.rejected), output / "rejects" / "part-00000.jsonl")
        summary = {"kept": len(result.kept), "rejected": len(result.rejected), "counts": dict(result.counts)}
        (output / "review_summary.json").write_text(json.dumps(summary, indent=1))
        typer.echo(f"{len(result.kept)} kept, {len(result.rejected)} rejected: " + ", ".join(f"{k} {v}" for k, v in sorted(result.counts.items())))

    @review.command("status")
    def status(
        project: str | None = typer.Option(None, "--project", "-p", help="Project title."),
        kind: str = typer.Option("dialogue", "--kind", "-k", help="dialogue, phi, image or pairwise."),
        state: Path | None = typer.Option(None, "--state", help="State file used at push."),
        page_size: int = typer.Option(100, min=1),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
        url: str = URL_OPT,
        token: str = TOKEN_OPT,
    ) -> None:
        """Progress of a review project and inter-annotator agreement (Fleiss' and Cohen's kappa)."""
        from rich.table import Table

        from mediscope.log import console
        from mediscope.review.client import ReviewError
        from mediscope.review.pull import snapshot_line
        from mediscope.review.state import ReviewState
        from mediscope.review.status import summarize

        title = project or _default_title(kind)
        state_path = state or _default_state(kind, title)
        client = _client(url, token)
        try:
            st = ReviewState.load(state_path)
            pid = st.project_id if st else client.find_project(title)
            if pid is None:
                fail(f"no project {title!r} on {url} and no state file {state_path}", code=1)
            items = [snapshot_line(client, t) for _, page in client.iter_task_pages(pid, page_size=page_size) for t in page]
        except (ReviewError, ValueError) as exc:
            fail(str(exc), code=1)
        rep = summarize(items, kind)
        if as_json:
            typer.echo(json.dumps({
                "tasks": rep.tasks, "annotated": rep.annotated, "multi_annotated": rep.multi_annotated,
                "annotations": rep.annotations, "decisions": dict(rep.decisions), "annotators": dict(rep.annotators),
                "agreement": [{"control": a.control, "items": a.items, "observed": a.observed, "fleiss_kappa": a.fleiss,
                               "cohen_kappa": {k: {"shared": n, "kappa": v} for k, (n, v) in a.cohen_pairs.items()}}
                              for a in rep.agreement],
            }, ensure_ascii=False, default=str))
            return
        con = console()
        con.print(f"project {pid} ({title}): {rep.annotated}/{rep.tasks} tasks annotated ({rep.progress:.1%} done), "
                  f"{rep.multi_annotated} by several experts, {rep.annotations} annotations")
        if rep.decisions:
            con.print("decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(rep.decisions.items())))
        table = Table(title="inter-annotator agreement")
        for col in ("control", "tasks", "observed", "Fleiss kappa", "Cohen kappa (pairs)"):
            table.add_column(col)
        for a in rep.agreement:
            pairs = "; ".join(f"{k}: {_fmt(v)} (n={n})" for k, (n, v) in a.cohen_pairs.items())
            table.add_row(a.control, str(a.items), _fmt(a.observed), _fmt(a.fleiss), pairs or "-")
        con.print(table)

    @review.command("serve")
    def serve(
        data_dir: Path = typer.Option(Path(".label-studio"), "--data-dir", help="Server data (SQLite, uploads); kept between runs."),
        port: int = typer.Option(8080, "--port"),
        document_root: Path | None = typer.Option(None, "--document-root", help="Folder images are served from (enables local-files serving)."),
        token: str | None = typer.Option(None, "--token", envvar="LABEL_STUDIO_API_KEY", help="Admin API token, set when the data dir is created (default: random; reused from the data dir later)."),
        user: str = typer.Option("expert@example.com", "--user", help="Admin user e-mail."),
        password: str | None = typer.Option(None, "--password", envvar="MEDISCOPE_LABEL_STUDIO_PASSWORD", help="Admin password (default: random, printed)."),
    ) -> None:
        """Start a local Label Studio server (offline, no browser) until Ctrl-C."""
        import secrets
        import time

        from mediscope.review.server import (
            LabelStudioNotInstalled,
            LabelStudioServer,
            LabelStudioStartError,
            new_token,
            stored_token,
        )

        known = stored_token(data_dir)
        if known and token and token != known:
            fail(f"{data_dir} was created with another token; omit --token to use it, or pick a new --data-dir")
        token = token or known or new_token()
        password = password or secrets.token_urlsafe(12)
        server = LabelStudioServer(
            data_dir=data_dir.resolve(), port=port, token=token, user=user, password=password,
            document_root=document_root.resolve() if document_root else None,
        )
        try:
            server.start()
        except (LabelStudioNotInstalled, LabelStudioStartError) as exc:
            fail(str(exc), code=1)
        login = f"  user {user}" + ("" if known else f" / password {password}")
        typer.echo(f"Label Studio at {server.url}\n{login}\n  export LABEL_STUDIO_URL={server.url} LABEL_STUDIO_API_KEY={token}")
        try:
            while server.running:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()

    @calibrate.command("push")
    def calibrate_push(
        pairs: Path = typer.Argument(..., exists=True, dir_okay=False, help="Pairs JSONL (see mediscope.review.calibration)."),
        project: str = typer.Option(CALIBRATION_PROJECT, "--project", "-p", help="Project title."),
        state: Path | None = typer.Option(None, "--state"),
        batch_size: int = typer.Option(100, min=1),
        url: str = URL_OPT,
        token: str = TOKEN_OPT,
    ) -> None:
        """Import response pairs into the pairwise-comparison config (idempotent, resumable)."""
        from mediscope.review.calibration import CalibrationInputError, pair_task, read_pairs
        from mediscope.review.client import ReviewError
        from mediscope.review.push import open_project, push_tasks

        state_path = state or _default_state("pairwise", project)
        try:
            items = read_pairs(pairs)
            client = _client(url, token)
            st = open_project(client, state_path, "pairwise", project)
            created, existing = push_tasks(client, st, state_path, (pair_task(p) for p in items), batch_size=batch_size)
        except (CalibrationInputError, ReviewError, ValueError) as exc:
            fail(str(exc), code=1)
        typer.echo(f"project {st.project_id} ({project}): {created} pairs created, {existing} already there")

    @calibrate.command("pull")
    def calibrate_pull(
        output: Path = typer.Option(..., "--output", "-o", help="Expert choices JSONL to write."),
        project: str = typer.Option(CALIBRATION_PROJECT, "--project", "-p", help="Project title."),
        state: Path | None = typer.Option(None, "--state"),
        page_size: int = typer.Option(100, min=1),
        restart: bool = typer.Option(False),
        url: str = URL_OPT,
        token: str = TOKEN_OPT,
    ) -> None:
        """Export expert per-dimension choices (win/tie/loss from A's side) to a JSONL file."""
        from mediscope.io.shards import write_lines
        from mediscope.review.calibration import expert_choices
        from mediscope.review.client import ReviewError
        from mediscope.review.pull import fetch_annotations, read_snapshot

        state_path = state or _default_state("pairwise", project)
        try:
            snap = fetch_annotations(_client(url, token), state_path, page_size=page_size, restart=restart)
        except (ReviewError, ValueError) as exc:
            fail(str(exc), code=1)
        entries = expert_choices(read_snapshot(snap))
        write_lines((e.to_json() for e in entries), output)
        typer.echo(f"{len(entries)} expert choices on {len({e.pair_id for e in entries})} pairs -> {output}")

    @calibrate.command("report")
    def calibrate_report(
        experts: Path = typer.Argument(..., exists=True, dir_okay=False, help="Expert choices JSONL (from calibrate pull)."),
        verdicts: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Judge verdict JSONL file(s): relative and/or absolute mode."),
        tie_margin: float = typer.Option(0.0, help="Absolute mode: score differences up to this count as a tie."),
        output: Path | None = typer.Option(None, "--output", "-o", help="Also write the report as JSON."),
    ) -> None:
        """Agreement and Cohen's kappa per dimension between experts and each judge file."""
        from rich.table import Table

        from mediscope.log import console
        from mediscope.review.calibration import (
            CalibrationInputError,
            compare,
            expert_consensus,
            read_expert_choices,
            read_verdicts,
        )

        try:
            consensus = expert_consensus(read_expert_choices(experts))
            reports = {}
            for path in verdicts:
                judged, modes = read_verdicts(path, tie_margin=tie_margin)
                reports[str(path)] = (compare(consensus, judged), dict(modes))
        except CalibrationInputError as exc:
            fail(str(exc), code=1)
        table = Table(title="judge vs. expert")
        for col in ("verdicts", "mode", "dimension", "n", "agreement", "kappa"):
            table.add_column(col)
        for path, (rep, modes) in reports.items():
            for d in [*rep.dimensions, rep.overall]:
                table.add_row(Path(path).name, ",".join(modes), d.dimension, str(d.n), _fmt(d.agreement), _fmt(d.kappa))
        console().print(table)
        if output is not None:
            output.write_text(json.dumps({p: {"modes": m, **r.to_dict()} for p, (r, m) in reports.items()}, indent=1))
