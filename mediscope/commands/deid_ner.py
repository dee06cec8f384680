"""`mediscope deid-train-ner`: build the statistical PHI tagger from labelled sets."""

from __future__ import annotations

from pathlib import Path

import typer

from mediscope.commands._common import fail


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    return out


def register(app: typer.Typer) -> None:
    @app.command("deid-train-ner")
    def deid_train_ner(
        sets: list[Path] = typer.Argument(..., exists=True, help="Labelled JSONL set(s) or folder(s) of them "
                                          "(the deid-eval format)."),
        lang: str = typer.Option(..., "--lang", help="'zh' or 'en': only that language's texts are used."),
        output: Path = typer.Option(..., "-o", "--output", help="Model folder to write (replaced if it exists)."),
        exclude: list[str] = typer.Option([], "--exclude", help="Set names (file stems, e.g. heldout22) that must "
                                          "stay unseen; naming one among the sets is an error."),
        silver: list[Path] = typer.Option([], "--silver", exists=True, help="Unlabelled texts of the language "
                                          "(JSONL with a 'text' field, or one per line), labelled by the rules and "
                                          "trained on too: they teach the tagger what text without PHI looks like."),
        max_steps: int = typer.Option(6000, help="Training steps at most."),
        patience: int = typer.Option(1500, help="Stop after this many steps without a better held-back F1."),
        config: Path | None = typer.Option(None, exists=True, help="spaCy training config (default: the shipped "
                                           "one for the language)."),
        seed: int = typer.Option(0, help="Shuffle and initialisation seed."),
    ) -> None:
        """Train the tagger that runs beside the rule recognizers (DeidConfig.trained_ner).

        Everything is local: a blank spaCy pipeline (characters for Chinese) learns the PHI spans
        of the given sets. The folder gets `training.json` naming every set used, so a set the
        tagger saw is never reported as unseen. Use it with
        `DeidConfig(trained_ner_models={"zh": "FOLDER"})`, or copy it to
        mediscope/deid/models/ner-LANG to ship it.
        """
        from mediscope.deid.ner_training import train_tagger
        from mediscope.log import console

        files = _expand(sets)
        if not files:
            fail("no .jsonl files in the given paths")
        try:
            report = train_tagger(lang, files, output, exclude=exclude, silver_files=silver, max_steps=max_steps,
                                  patience=patience, config=config, seed=seed)
        except (ValueError, OSError) as exc:
            fail(str(exc))
        scores = ", ".join(f"{k} {v:.3f}" for k, v in report.dev_scores.items() if k in ("ents_p", "ents_r", "ents_f"))
        console().print(f"{lang} tagger -> {output}: {report.texts_train} texts trained, {report.texts_dev} held back "
                        f"({scores}), {report.seconds:.0f} s")
