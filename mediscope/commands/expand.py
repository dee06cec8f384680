"""`mediscope expand`: turn de-identified records into multi-turn dialogues with an LLM."""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail


def register(app: typer.Typer) -> None:
    @app.command("expand")
    def expand(
        input_path: Path = typer.Argument(
            ..., exists=True, help="Records: a .jsonl/.parquet file or a run directory."
        ),
        output: Path = typer.Argument(
            ..., help="Output records file (.jsonl or .parquet); rejects go beside it."
        ),
        base_url: str | None = typer.Option(
            None,
            "--base-url",
            envvar="MEDISCOPE_LLM_BASE_URL",
            help="OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, OpenAI, Azure).",
        ),
        model: str | None = typer.Option(
            None, "--model", envvar="MEDISCOPE_LLM_MODEL", help="Model name at the endpoint."
        ),
        concurrency: int | None = typer.Option(
            None, "--concurrency", help="Requests in flight at once (default 16)."
        ),
        rpm: float | None = typer.Option(None, "--rpm", help="Requests per minute limit (default none)."),
        cache_dir: str | None = typer.Option(
            None,
            "--cache-dir",
            envvar="MEDISCOPE_LLM_CACHE_DIR",
            help="Response cache (re-runs are free) (default .mediscope-cache/llm).",
        ),
        timeout: float | None = typer.Option(None, "--timeout", help="Seconds per request (default 120)."),
        max_retries: int | None = typer.Option(
            None, "--max-retries", help="Retries on 429/5xx/time-outs (default 5)."
        ),
        structured_output: str | None = typer.Option(
            None, "--structured-output", help="json_schema | json_object | none."
        ),
        temperature: float = typer.Option(0.7, help="Sampling temperature."),
        seed: int = typer.Option(0, help="Seed for target dialogue lengths."),
        batch_size: int = typer.Option(
            64, min=1, help="Records per batch (all of a batch run concurrently)."
        ),
    ) -> None:
        """Expand INPUT_PATH into dialogues; only records whose de-identification passed are sent.

        The API key is read from MEDISCOPE_LLM_API_KEY or OPENAI_API_KEY and never printed.
        """
        from rich.progress import Progress

        from mediscope.io.shards import iter_records, write_lines, write_records
        from mediscope.llm.client import LLMConfigError
        from mediscope.llm.config import config_from_options
        from mediscope.log import console
        from mediscope.stages.expand.stage import ExpandStage

        if output.suffix not in (".jsonl", ".parquet"):
            fail("OUTPUT must end in .jsonl or .parquet")
        try:
            llm = config_from_options(
                base_url=base_url,
                model=model,
                concurrency=concurrency,
                rpm=rpm,
                cache_dir=cache_dir,
                timeout=timeout,
                max_retries=max_retries,
                structured_output=structured_output,
            )
        except ValueError as exc:
            fail(f"invalid LLM options: {exc}")
        stage = ExpandStage({"llm": llm, "temperature": temperature, "seed": seed})
        records = list(iter_records(input_path))
        kept, rejected = [], []
        try:
            with Progress(console=console(), transient=True) as progress:
                task = progress.add_task("expanding", total=len(records))
                for start in range(0, len(records), batch_size):
                    result = stage(records[start : start + batch_size])
                    kept += result.kept
                    rejected += result.rejected
                    progress.advance(task, len(result.kept) + len(result.rejected))
        except LLMConfigError as exc:
            fail(str(exc))
        finally:
            stage.teardown()
        output.parent.mkdir(parents=True, exist_ok=True)
        write_records(kept, output)
        rejects_path = output.with_name(output.stem + ".rejects.jsonl")
        write_lines((r.to_json() for r in rejected), rejects_path)
        reasons: dict[str, int] = {}
        for r in rejected:
            reasons[r.reason] = reasons.get(r.reason, 0) + 1
        u = stage.client.usage
        console().print(
            f"{len(records)} in = {len(kept)} expanded + {len(rejected)} rejected {reasons or ''}\n"
            f"LLM: {u.requests} requests, {u.cache_hits} cache hits, {u.retries} retries, "
            f"{u.prompt_tokens}+{u.completion_tokens} tokens, cost {u.cost:.4f}\n"
            f"wrote {output} and {rejects_path}",
            highlight=False,
        )
