"""The `mediscope` command line.

Each verb lives in its own module under `mediscope.commands` and exposes `register(app)`. The
modules are discovered at start-up, and each imports its heavy dependencies (Presidio, torch,
Label Studio SDK) only inside the command body, so `mediscope --help` is instant and works on a
curator's machine without the `train` extra.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil

import typer

import mediscope
import mediscope.commands
from mediscope.log import setup_logging

app = typer.Typer(
    name="mediscope",
    help=(
        "Build the MediScope corpus: ingest clinical exports, de-identify them, expand them into "
        "doctor-patient dialogues, review, filter, publish, and train/evaluate a model on it."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mediscope {mediscope.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More logging (-v info, -vv debug)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only warnings and errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose >= 2 else logging.INFO)
    setup_logging(level)


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(mediscope.commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"mediscope.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is None:
            raise RuntimeError(f"mediscope.commands.{info.name} has no register(app) function")
        register(app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
