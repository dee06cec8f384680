"""`mediscope train ...`: SFT, counterpart generation, CRPO, and a tiny model for smoke runs.

Heavy imports (torch, transformers, TRL, PEFT) happen inside each command, so `mediscope
--help` stays instant without the `train` extra. Every command takes a recipe (``train/*.yaml``)
plus ``--set key.sub=value`` overrides, so a smoke run is the real recipe with two changes::

    mediscope train tiny-model runs/tiny
    mediscope train sft --recipe train/sft_text.yaml --set model.path=runs/tiny --set trainer.max_steps=2

Multi-GPU: launch the same command through accelerate with a config from ``train/accelerate/``::

    accelerate launch --config_file train/accelerate/deepspeed_zero3.yaml -m mediscope.cli \\
        train sft --recipe train/sft_multimodal.yaml
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

train_app = typer.Typer(
    name="train",
    help="Train on a published dataset: SFT (text, then multimodal) and CRPO with a LoRA on Qwen2.5-VL.",
    no_args_is_help=True,
)

RECIPE = typer.Option(..., "--recipe", "-r", exists=True, dir_okay=False, help="Recipe YAML (train/*.yaml).")
SET = typer.Option(
    [], "--set", "-s", help="Override a recipe value, e.g. --set trainer.max_steps=10 (repeatable)."
)


def _load(recipe: Path, sets: list[str], expected: str):
    from mediscope.train.config import load_recipe, parse_overrides

    try:
        loaded = load_recipe(recipe, parse_overrides(sets))
    except (ValueError, FileNotFoundError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--recipe/--set") from exc
    if loaded.stage != expected:
        raise typer.BadParameter(f"{recipe} is a {loaded.stage} recipe; this command needs stage: {expected}")
    return loaded


def _fail(exc: Exception) -> None:
    """Bad data or configuration: one clear line and exit code 2, not a traceback."""
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(2) from exc


def _report(outcome) -> None:
    if not outcome.is_main_process:  # one summary per run, not one per rank
        return
    typer.echo(
        json.dumps(
            {"adapter": str(outcome.adapter_dir), "global_step": outcome.global_step, "metrics": outcome.metrics},
            default=str,
        )
    )


@train_app.command("sft")
def sft(recipe: Path = RECIPE, sets: list[str] = SET) -> None:
    """Supervised fine-tuning with a rank-64 LoRA on the language model (loss on doctor turns only).

    Run train/sft_text.yaml first, then train/sft_multimodal.yaml, whose `adapter:` resumes the
    text stage's LoRA. The adapter is saved to <output_dir>/adapter.
    """
    from mediscope.train.data import DatasetError
    from mediscope.train.sft import run_sft

    loaded = _load(recipe, sets, "sft")
    try:
        outcome = run_sft(loaded)
    except DatasetError as exc:
        _fail(exc)
    _report(outcome)


@train_app.command("crpo")
def crpo(recipe: Path = RECIPE, sets: list[str] = SET) -> None:
    """CRPO: GRPO whose reward is the mean binary win against K stored counterpart responses.

    Needs a dataset with a `counterparts` column (see `mediscope train counterparts`) and a judge
    endpoint (recipe `judge:`). `--set reward.mode=grpo-absolute` runs the absolute-score ablation.
    """
    from mediscope.train.config import ConfigError
    from mediscope.train.crpo import run_crpo
    from mediscope.train.data import DatasetError

    loaded = _load(recipe, sets, "crpo")
    try:
        outcome = run_crpo(loaded)
    except (DatasetError, ConfigError) as exc:
        _fail(exc)
    _report(outcome)


@train_app.command("counterparts")
def counterparts(
    recipe: Path = RECIPE,
    sets: list[str] = SET,
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Folder for the dataset with counterparts (default: recipe counterparts.output)."
    ),
    splits: list[str] = typer.Option(["train"], "--split", help="Splits to augment (repeatable)."),
    images: bool = typer.Option(True, "--images/--no-images", help="Send images inline to the counterpart models."),
) -> None:
    """Store K counterpart models' answers to every prompt as a `counterparts` column (run before crpo).

    Each model in the recipe's `counterparts.models` answers every prompt of data.path once; the
    dataset is copied with the new column. Answers are cached, so an interrupted run resumes.
    """
    from mediscope.train.counterparts import add_counterparts

    loaded = _load(recipe, sets, "crpo")
    target = output or (Path(loaded.counterparts.output) if loaded.counterparts.output else None)
    if target is None:
        raise typer.BadParameter("no output folder: pass --output or set counterparts.output in the recipe")
    from mediscope.train.config import ConfigError
    from mediscope.train.data import DatasetError

    try:
        counts = add_counterparts(loaded.data.path, target, loaded.counterparts, tuple(splits), send_images=images)
    except (DatasetError, ConfigError) as exc:
        _fail(exc)
    typer.echo(json.dumps({"output": str(target), "rows": counts}))


@train_app.command("tiny-model")
def tiny_model(
    output: Path = typer.Argument(..., help="Folder to write the tiny checkpoint to."),
    hidden: int = typer.Option(64, min=16, help="Hidden size (a multiple of 16)."),
    layers: int = typer.Option(2, min=1, help="Decoder layers."),
    seed: int = typer.Option(0, help="Random seed for the weights."),
) -> None:
    """Write a tiny random Qwen2.5-VL (own tokenizer, real processor and template) for smoke runs."""
    from mediscope.train.tiny import build_tiny_model

    if hidden % 16:
        raise typer.BadParameter("hidden must be a multiple of 16", param_hint="--hidden")
    typer.echo(str(build_tiny_model(output, seed=seed, hidden=hidden, layers=layers)))


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
