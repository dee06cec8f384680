"""`mediscope run`: execute a pipeline YAML (reader -> stages -> writer [-> publish])."""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail, print_manifest


def register(app: typer.Typer) -> None:
    @app.command("run")
    def run(
        pipeline_file: Path = typer.Argument(..., help="Pipeline YAML, e.g. pipelines/quickstart.yaml.", exists=True, dir_okay=False),
        output: Path | None = typer.Option(None, "--output", "-o", help="Run directory (default: the YAML's writer.path)."),
        set_: list[str] = typer.Option([], "--set", help="Override a YAML key: --set batch_size=16 --set reader.path=x.csv"),
        restart: bool = typer.Option(False, help="Discard previous progress in the run directory instead of resuming."),
        progress: bool = typer.Option(True, help="Show a progress bar."),
        executor: str = typer.Option(
            "local", help="local (one process, resumable) or ray (Ray Data actors; needs the 'ray' extra)."
        ),
        ray_address: str | None = typer.Option(
            None, help="With --executor ray: a cluster address ('auto' joins a running one); default: a local Ray."
        ),
        workers: int | None = typer.Option(
            None, min=1, help="With --executor ray: actors per stage pool (default: the cluster's CPUs)."
        ),
    ) -> None:
        """Run PIPELINE_FILE batch by batch; re-running resumes after the last finished shard.

        With --executor ray the same stages run in Ray Data actors (stateful ones, such as
        dedup, in a single actor); the run directory has the same layout, but a Ray run always
        starts afresh instead of resuming.
        """
        import yaml
        from pydantic import ValidationError

        from mediscope.pipeline import Pipeline
        from mediscope.runner import RunError, Runner
        from mediscope.stages.registry import StageNotFound

        overrides = {}
        for item in set_:
            key, sep, value = item.partition("=")
            if not sep:
                fail(f"--set expects KEY=VALUE, got {item!r}")
            overrides[key] = yaml.safe_load(value)
        if executor not in ("local", "ray"):
            fail(f"--executor must be local or ray, got {executor!r}")
        try:
            pipeline = Pipeline.from_yaml(pipeline_file, overrides)
            if executor == "ray":
                try:
                    import ray  # noqa: F401

                    from mediscope.ray_runner import RayRunner
                except ImportError:
                    fail("--executor ray needs Ray Data: pip install 'mediscope[ray]'")
                runner = RayRunner(pipeline, output, workers=workers, address=ray_address, progress=progress)
            else:
                runner = Runner(pipeline, output, resume=not restart, progress=progress)
            manifest = runner.run()
        except ValidationError as exc:
            fail(f"invalid pipeline {pipeline_file}:\n{exc}")
        except (RunError, StageNotFound, LookupError, KeyError) as exc:
            fail(str(exc))
        print_manifest(manifest, runner.out)
