"""Logging set-up for the CLI: rich-formatted, to stderr, so stdout stays clean for data."""

from __future__ import annotations

import logging

from rich.console import Console
from rich.logging import RichHandler

_console = Console(stderr=True)


def console() -> Console:
    """The shared stderr console used for progress bars and logs."""
    return _console


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RichHandler):
            root.removeHandler(handler)
    handler = RichHandler(console=_console, show_path=False, rich_tracebacks=False, markup=False)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    # Third-party libraries are chatty at INFO; keep them at WARNING unless debugging.
    for noisy in ("httpx", "openai", "urllib3", "presidio-analyzer", "datasets", "jieba", "PIL"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)
