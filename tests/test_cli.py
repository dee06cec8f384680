"""The command line: help on every verb, ingest end to end, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mediscope.cli import app

runner = CliRunner()


def _verbs() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():
        out.append([name])
        for sub in getattr(cmd, "commands", {}):
            out.append([name, sub])
    return out


def test_root_help_lists_verbs() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for verb in ("ingest", "run", "formats", "schema"):
        assert verb in result.output


@pytest.mark.parametrize("verb", _verbs(), ids=lambda v: " ".join(v))
def test_every_verb_has_help(verb: list[str]) -> None:
    result = runner.invoke(app, [*verb, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_ingest_sample(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = runner.invoke(app, ["ingest", "--format", "meddiagnose", str(repo_root / "examples/sample/consultations.csv"),
                                 "-o", str(out), "--no-progress", "--out-format", "parquet"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input_items"] == 7 and manifest["output_records"] == 6 and manifest["rejected"] == 1
    assert "7 in = 6 out + 1 rejected" in result.output.replace("\n", " ")


def test_ingest_unknown_format_is_a_clear_error(tmp_path: Path, repo_root: Path) -> None:
    result = runner.invoke(app, ["ingest", "--format", "nope", str(repo_root / "pyproject.toml"), "-o", str(tmp_path / "r")])
    assert result.exit_code == 2 and "unknown format 'nope'" in result.output


def test_schema_check(repo_root: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["schema", "--check", str(repo_root / "schemas/record.schema.json")]).exit_code == 0
    stale = tmp_path / "s.json"
    stale.write_text("{}")
    assert runner.invoke(app, ["schema", "--check", str(stale)]).exit_code == 1
