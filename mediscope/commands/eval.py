"""`mediscope eval`: generate benchmark responses, judge them pairwise, report win rates."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import typer

from mediscope.commands._common import fail

eval_app = typer.Typer(
    name="eval",
    help="Benchmark a model: generate responses, judge candidate vs baselines, report win rates.",
    no_args_is_help=True,
)

BaseUrl = typer.Option(
    None, "--base-url", envvar="MEDISCOPE_LLM_BASE_URL", help="OpenAI-compatible endpoint."
)
Model = typer.Option(None, "--model", envvar="MEDISCOPE_LLM_MODEL", help="Model name at the endpoint.")
Concurrency = typer.Option(None, "--concurrency", help="Requests in flight at once (default 16).")
Rpm = typer.Option(None, "--rpm", help="Requests per minute limit (default none).")
CacheDir = typer.Option(None, "--cache-dir", envvar="MEDISCOPE_LLM_CACHE_DIR", help="Response cache folder.")


def _llm(**options: Any):
    from mediscope.llm.config import config_from_options

    try:
        return config_from_options(**options)
    except ValueError as exc:
        fail(f"invalid LLM options: {exc}")


def _progress(total: int, label: str):
    from rich.progress import Progress

    from mediscope.log import console

    progress = Progress(console=console(), transient=True)
    task = progress.add_task(label, total=total)
    return progress, (lambda: progress.advance(task))


@eval_app.command("generate")
def generate(
    input_path: Path = typer.Option(
        ..., "--input", "-i", exists=True, help="Benchmark file (e.g. MedDiagnose CSV, CMtMedQA_test.json)."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Responses JSONL to write."),
    benchmark: str = typer.Option(
        "meddiagnose", "--benchmark", "-b", help="Reader format: meddiagnose, cmtmedqa, jsonl, ..."
    ),
    hf_model: Path | None = typer.Option(
        None, "--hf-model", help="Local HF checkpoint instead of an endpoint."
    ),
    adapter: Path | None = typer.Option(
        None, "--adapter", exists=True, file_okay=False,
        help="LoRA adapter directory from `mediscope train` to merge into --hf-model.",
    ),
    base_url: str | None = BaseUrl,
    model: str | None = Model,
    concurrency: int | None = Concurrency,
    rpm: float | None = Rpm,
    cache_dir: str | None = CacheDir,
    name: str | None = typer.Option(None, help="Name recorded for this model (default: model name or path)."),
    cut: str = typer.Option("last", help="'last': answer the final doctor turn; 'every': every doctor turn."),
    limit: int | None = typer.Option(None, min=1, help="Only the first N items."),
    system: str | None = typer.Option(None, help="System prompt for the model."),
    max_tokens: int = typer.Option(1024, min=1, help="Most tokens per response."),
    images: bool = typer.Option(True, help="Send images to the model (off: '[image]' markers)."),
    device: str | None = typer.Option(None, help="Device for --hf-model (cpu, cuda)."),
) -> None:
    """Write one response per benchmark item (the model answers the context's last patient turn)."""
    from mediscope.judge.benchmarks import read_benchmark
    from mediscope.judge.evalio import write_jsonl

    try:
        items = read_benchmark(benchmark, input_path, cut=cut, limit=limit)
    except (LookupError, ValueError) as exc:
        fail(str(exc))
    if not items:
        fail(f"no benchmark items in {input_path}")
    progress, done = _progress(len(items), "generating")
    with progress:
        if hf_model is not None:
            from mediscope.judge.generate import generate_with_hf

            responses: list[str | None] = list(
                generate_with_hf(
                    hf_model,
                    items,
                    system=system,
                    max_new_tokens=max_tokens,
                    device=device,
                    send_images=images,
                    on_done=done,
                    adapter=adapter,
                )
            )
            model_name = name or (f"{hf_model}+{adapter.name}" if adapter else str(hf_model))
        else:
            from mediscope.judge.generate import generate_with_client
            from mediscope.llm import LLMClient, run_sync

            client = LLMClient(
                _llm(base_url=base_url, model=model, concurrency=concurrency, rpm=rpm, cache_dir=cache_dir)
            )
            responses = run_sync(
                generate_with_client(
                    client, items, system=system, max_tokens=max_tokens, send_images=images, on_done=done
                )
            )
            model_name = name or client.model
    rows = [
        {**item.to_json(), "model": model_name, "response": r}
        for item, r in zip(items, responses, strict=True)
    ]
    write_jsonl(rows, output)
    missing = sum(r is None for r in responses)
    typer.echo(f"wrote {len(rows)} responses ({missing} failed) to {output}")


def _judge_pairs(
    pairs: list[dict[str, Any]], candidate: str, mode: str, llm, concurrency_pairs: int
) -> list[dict[str, Any]]:
    from mediscope.judge import AbsoluteJudge, PairwiseJudge
    from mediscope.llm import LLMClient, run_sync

    client = LLMClient(llm)
    judge = (
        PairwiseJudge(client, concurrency=concurrency_pairs, on_error="tie")
        if mode == "relative"
        else AbsoluteJudge(client, concurrency=concurrency_pairs)
    )
    flat = [(p, b) for p in pairs for b in p["baselines"]]
    progress, done = _progress(len(flat), "judging")

    async def run() -> list[Any]:
        import asyncio

        sem = asyncio.Semaphore(concurrency_pairs)

        async def one(p: dict[str, Any], b: str):
            async with sem:
                v = await judge.compare(p["context"], p["candidate"], p["baselines"][b])
            done()
            return v

        return list(await asyncio.gather(*(one(p, b) for p, b in flat)))

    with progress:
        verdicts = run_sync(run())
    u = client.usage
    typer.echo(
        f"judge {judge.ref}: {u.requests} requests, {u.cache_hits} cache hits, "
        f"{u.prompt_tokens}+{u.completion_tokens} tokens, cost {u.cost:.4f}",
        err=True,
    )
    return [
        {
            "id": p["id"],
            "candidate": candidate,
            "baseline": b,
            "mode": v.mode,
            "judge": judge.ref,
            "outcomes": v.outcomes,
            "reasons": v.reasons,
            "agreed": v.agreed,
        }
        for (p, b), v in zip(flat, verdicts, strict=True)
    ]


@eval_app.command("judge")
def judge_cmd(
    output: Path = typer.Option(..., "--output", "-o", help="Verdicts JSONL to write."),
    candidate: Path | None = typer.Option(
        None, "--candidate", exists=True, help="Candidate responses JSONL (from eval generate)."
    ),
    baseline: list[Path] = typer.Option(
        [], "--baseline", exists=True, help="Baseline responses JSONL; repeat for several."
    ),
    pairs_file: Path | None = typer.Option(
        None, "--pairs", exists=True, help="Or a pairs JSONL {id, context, candidate, baselines}."
    ),
    mode: str = typer.Option(
        "relative", help="relative (pairwise, both orders) or absolute (1-10 scores compared)."
    ),
    base_url: str | None = BaseUrl,
    model: str | None = Model,
    concurrency: int | None = Concurrency,
    rpm: float | None = Rpm,
    cache_dir: str | None = CacheDir,
) -> None:
    """Judge the candidate against every baseline on the four dimensions."""
    from mediscope.judge.evalio import EvalFileError, join_pairs, load_pairs, write_jsonl

    if mode not in ("relative", "absolute"):
        fail("--mode must be relative or absolute")
    try:
        if pairs_file is not None:
            pairs, cand_name = load_pairs(pairs_file), "candidate"
        elif candidate is not None and baseline:
            cand_name, pairs = join_pairs(candidate, list(baseline))
        else:
            fail("give --candidate with at least one --baseline, or --pairs")
    except EvalFileError as exc:
        fail(str(exc))
    if not pairs:
        fail("no items to judge (no id common to all files)")
    llm = _llm(base_url=base_url, model=model, concurrency=concurrency, rpm=rpm, cache_dir=cache_dir)
    rows = _judge_pairs(pairs, cand_name, mode, llm, llm.concurrency)
    write_jsonl(rows, output)
    typer.echo(f"wrote {len(rows)} verdicts to {output}")


def _print_report(report: dict[str, Any], candidate: str) -> None:
    from rich.table import Table

    from mediscope.log import console

    def cell(r: dict[str, Any], o: str) -> str:
        lo, hi = r["ci"][o]
        return f"{100 * r[o]:.1f}% [{100 * lo:.1f}, {100 * hi:.1f}]"

    for base, summary in report.items():
        table = Table(title=f"{candidate} vs {base}  (n={summary['overall']['n']}, 95% bootstrap CI)")
        table.add_column("dimension")
        for o in ("win", "tie", "loss"):
            table.add_column(o, justify="right")
        for dim, r in summary.items():
            table.add_row(dim, *(cell(r, o) for o in ("win", "tie", "loss")))
        console().print(table)


@eval_app.command("winrate")
def winrate(
    input_path: Path = typer.Argument(
        ..., exists=True, help="Verdicts JSONL (eval judge) or pairs JSONL (judged first)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report as JSON here."),
    n_boot: int = typer.Option(2000, min=100, help="Bootstrap resamples."),
    seed: int = typer.Option(0, help="Bootstrap seed."),
    mode: str = typer.Option("relative", help="For a pairs file: relative or absolute judging."),
    base_url: str | None = BaseUrl,
    model: str | None = Model,
    concurrency: int | None = Concurrency,
    rpm: float | None = Rpm,
    cache_dir: str | None = CacheDir,
) -> None:
    """Win/tie/loss rates per dimension and overall, candidate vs each baseline, with 95% CIs."""
    from mediscope.judge import PairVerdict, winrate_report
    from mediscope.judge.evalio import EvalFileError, file_kind, load_pairs, read_jsonl
    from mediscope.judge.winrate import order_agreement

    try:
        kind = file_kind(input_path)
        if kind == "pairs":
            llm = _llm(base_url=base_url, model=model, concurrency=concurrency, rpm=rpm, cache_dir=cache_dir)
            rows = _judge_pairs(load_pairs(input_path), "candidate", mode, llm, llm.concurrency)
        else:
            rows = list(read_jsonl(input_path))
        by_base: dict[str, list[PairVerdict]] = defaultdict(list)
        candidates = set()
        for i, row in enumerate(rows):
            if "outcomes" not in row or "baseline" not in row:
                raise EvalFileError(f"{input_path} row {i + 1}: a verdict needs 'baseline' and 'outcomes'")
            by_base[row["baseline"]].append(
                PairVerdict(outcomes=row["outcomes"], agreed=row.get("agreed") or {})
            )
            candidates.add(row.get("candidate", "candidate"))
    except EvalFileError as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(f"invalid verdict in {input_path}: {exc}")
    report = winrate_report(dict(by_base), n_boot=n_boot, seed=seed)
    agreement = {base: order_agreement(vs) for base, vs in by_base.items()}
    candidate = ", ".join(sorted(candidates))
    _print_report(report, candidate)
    for base, agree in agreement.items():
        known = {d: a for d, a in agree.items() if a is not None}
        if known:
            shown = ", ".join(f"{d} {100 * a:.0f}%" for d, a in known.items())
            typer.echo(f"judge order agreement vs {base}: {shown}")
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            json.dumps(
                {
                    "candidate": candidate,
                    "n_boot": n_boot,
                    "seed": seed,
                    "baselines": report,
                    "order_agreement": agreement,
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        typer.echo(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
