"""`redact-images` and `dicom-scrub`: image and DICOM de-identification outside a pipeline.

Both write only de-identified outputs plus a JSONL audit (entity types, boxes, counts; never the
PHI text), and never stop on a bad file: it is listed with its reason code and the run goes on.
Output names are content-free ids by default because file names often carry patient names.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from mediscope.commands._common import fail

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".bmp", ".tif", ".tiff", ".webp", ".gif"}


def _collect(inputs: list[Path], suffixes: set[str] | None) -> list[tuple[Path, str]]:
    """(file, name relative to its input) for every file under the inputs, sorted."""
    out: list[tuple[Path, str]] = []
    for inp in inputs:
        if inp.is_file():
            out.append((inp, inp.name))
        elif inp.is_dir():
            for p in sorted(inp.rglob("*")):
                if p.is_file() and (suffixes is None or p.suffix.lower() in suffixes):
                    out.append((p, p.relative_to(inp).as_posix()))
        else:
            fail(f"input not found: {inp}")
    return out


def _out_name(rel: str, keep_names: bool, suffix: str) -> str:
    if keep_names:
        return str(Path(rel).with_suffix(suffix))
    from mediscope.record import stable_id

    return stable_id("redact", rel) + suffix


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from mediscope.log import console

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(),
    )


def _summary(title: str, counts: dict[str, int], out: Path) -> None:
    from rich.table import Table

    from mediscope.log import console

    table = Table(title=title)
    table.add_column("status")
    table.add_column("files", justify="right")
    for key, n in sorted(counts.items(), key=lambda kv: (kv[0] != "ok", kv[0])):
        table.add_row(key, str(n))
    console().print(table)
    console().print(f"outputs and audit.jsonl in {out}")


def register(app: typer.Typer) -> None:
    @app.command("redact-images")
    def redact_images(
        inputs: list[Path] = typer.Argument(..., help="Image files or folders (searched recursively)."),
        out: Path = typer.Option(
            ..., "--out", "-o", help="Output folder for redacted images and audit.jsonl."
        ),
        engine: str = typer.Option(
            "rapidocr", help="OCR engine: rapidocr (offline default), paddleocr, tesseract."
        ),
        analyzer: str = typer.Option(
            "mediscope", help="PHI analyzer: 'mediscope' or 'package.module:function'."
        ),
        lang: str = typer.Option("auto", help="Analyzer language per OCR line ('auto': by script)."),
        threads: int = typer.Option(-1, help="OCR threads (-1: all cores)."),
        verify: bool = typer.Option(
            True, "--verify/--no-verify", help="Re-OCR each redacted image; fail it if PHI is still read."
        ),
        verify_engine: str | None = typer.Option(
            None, help="A second, independent OCR engine for verification (e.g. tesseract)."
        ),
        pad_ratio: float = typer.Option(0.15, help="Box padding as a fraction of the line height."),
        output_format: str = typer.Option("PNG", "--format", help="PNG (lossless, default) or JPEG."),
        keep_names: bool = typer.Option(
            False, "--keep-names/--hash-names", help="Keep input file names (may contain PHI)."
        ),
        cmyk: str = typer.Option("convert", help="CMYK images: convert or reject."),
        high_bit_depth: str = typer.Option(
            "reject", help="16-bit images: reject or convert (min-max scaled)."
        ),
    ) -> None:
        """Redact burned-in PHI (names, IDs, phones, dates; Chinese and English) in images.

        Each image is OCR'd line by line, the text de-identifier runs on every line, PHI characters are mapped back to pixel boxes and filled, and the result is OCR'd again to verify. Outputs carry pixels only (EXIF/GPS/XMP/ICC stripped). Bad or unredactable images are listed in audit.jsonl with a reason code and produce no output.
        """
        from mediscope.deid.image.checks import ImageRejected
        from mediscope.ocr import OcrUnavailable
        from mediscope.stages.deid.image import ImageDeidStage

        files = _collect(inputs, IMAGE_SUFFIXES)
        if not files:
            fail("no image files found in the inputs")
        engine_options = {"threads": threads} if engine == "rapidocr" else {}
        try:
            stage = ImageDeidStage(
                {
                    "engine": engine,
                    "engine_options": engine_options,
                    "analyzer": analyzer,
                    "lang": lang,
                    "verify": verify,
                    "verify_engine": verify_engine,
                    "pad_ratio": pad_ratio,
                    "output_format": output_format.upper(),
                    "limits": {"cmyk": cmyk, "high_bit_depth": high_bit_depth},
                }
            )
            stage.ensure_setup()
        except OcrUnavailable as exc:
            fail(str(exc))
        except (ValueError, ImportError) as exc:
            fail(f"bad option: {exc}")
        out.mkdir(parents=True, exist_ok=True)
        suffix = ".png" if output_format.upper() == "PNG" else ".jpg"
        counts: dict[str, int] = {}
        with (out / "audit.jsonl").open("w", encoding="utf-8") as audit, _progress() as progress:
            task = progress.add_task("redacting", total=len(files))
            for path, rel in files:
                entry: dict[str, object] = {"input": rel}
                try:
                    done = stage.redact_bytes(path.read_bytes(), path.name, image_id=rel)
                    name = _out_name(rel, keep_names, suffix)
                    target = out / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(done.data)
                    entry.update(
                        status="ok",
                        output=name,
                        **{k: v for k, v in done.info.items()},
                        spans=[
                            {"entity_type": f.entity_type, "box": list(f.box), "score": round(f.score, 3)}
                            for f in done.findings
                        ],
                    )
                except ImageRejected as exc:
                    entry.update(status="rejected", reason=exc.reason, detail=exc.detail)
                except OSError as exc:
                    entry.update(status="rejected", reason="image_missing", detail=str(exc))
                key = "ok" if entry["status"] == "ok" else str(entry["reason"])
                counts[key] = counts.get(key, 0) + 1
                audit.write(json.dumps(entry, ensure_ascii=False) + "\n")
                progress.advance(task)
        _summary("redact-images", counts, out)

    @app.command("dicom-scrub")
    def dicom_scrub(
        inputs: list[Path] = typer.Argument(..., help="DICOM files or folders (searched recursively)."),
        out: Path = typer.Option(
            ..., "--out", "-o", help="Output folder: PNG + scrubbed header JSON per file."
        ),
        uid_salt: str = typer.Option(
            "", envvar="MEDISCOPE_DICOM_UID_SALT", help="Secret salt for deterministic new UIDs."
        ),
        redact: str = typer.Option(
            "auto", help="OCR-redact burned-in text: auto (unless BurnedInAnnotation=NO), always, never."
        ),
        engine: str = typer.Option("rapidocr", help="OCR engine for burned-in text."),
        analyzer: str = typer.Option("mediscope", help="PHI analyzer for burned-in text."),
        frame: int = typer.Option(0, help="Frame of multi-frame images to render."),
        keep_private: bool = typer.Option(False, help="Keep private tags (the basic profile removes them)."),
        keep_names: bool = typer.Option(
            False, "--keep-names/--hash-names", help="Keep input file names (may contain PHI)."
        ),
    ) -> None:
        """Scrub DICOM headers per PS3.15 Annex E (basic profile) and export pixels as PNG.

        Writes NAME.png (8-bit, modality/VOI LUT applied, burned-in text redacted by OCR) and NAME.header.json (every attribute left after scrubbing, plus what was changed). Files without pixel data get only the header JSON.
        """
        from mediscope.deid.image.checks import ImageRejected
        from mediscope.deid.image.dicom import (
            DicomError,
            read_dataset,
            render_frame,
            scrub_dataset,
            scrubbed_header,
        )
        from mediscope.deid.image.metadata import encode_clean
        from mediscope.io.dicom import looks_like_dicom
        from mediscope.ocr import OcrUnavailable

        if redact not in ("auto", "always", "never"):
            fail("--redact must be auto, always or never")
        files = [(p, rel) for p, rel in _collect(inputs, None) if looks_like_dicom(p)]
        if not files:
            fail("no DICOM files found in the inputs")
        stage = None
        if redact != "never":
            from mediscope.stages.deid.image import ImageDeidStage

            try:
                stage = ImageDeidStage({"engine": engine, "analyzer": analyzer})
                stage.ensure_setup()
            except OcrUnavailable as exc:
                fail(str(exc))
        out.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        with (out / "audit.jsonl").open("w", encoding="utf-8") as audit, _progress() as progress:
            task = progress.add_task("scrubbing", total=len(files))
            for path, rel in files:
                entry: dict[str, object] = {"input": rel}
                try:
                    ds = read_dataset(path.read_bytes(), name=rel)
                    summary = scrub_dataset(ds, salt=uid_salt, keep_private=keep_private)
                    base = _out_name(rel, keep_names, "")
                    (out / base).parent.mkdir(parents=True, exist_ok=True)
                    entry.update(status="ok", header=f"{base}.header.json", scrub=summary.as_dict())
                    if "PixelData" in ds:
                        pixels = render_frame(ds, frame)
                        skip = redact == "never" or (
                            redact == "auto" and summary.burned_in_annotation == "NO"
                        )
                        if stage is not None and not skip:
                            done = stage.redact_bytes(encode_clean(pixels), f"{base}.png", image_id=rel)
                            data, entry["redaction"] = done.data, done.info
                        else:
                            data = encode_clean(pixels)
                        (out / f"{base}.png").write_bytes(data)
                        entry["image"] = f"{base}.png"
                    header = {"scrub": summary.as_dict(), "attributes": scrubbed_header(ds)}
                    (out / f"{base}.header.json").write_text(
                        json.dumps(header, ensure_ascii=False, indent=1), encoding="utf-8"
                    )
                except (DicomError, ImageRejected) as exc:
                    entry.update(status="rejected", reason=exc.reason, detail=exc.detail)
                except OSError as exc:
                    entry.update(status="rejected", reason="io_error", detail=str(exc))
                key = "ok" if entry["status"] == "ok" else str(entry["reason"])
                counts[key] = counts.get(key, 0) + 1
                audit.write(json.dumps(entry, ensure_ascii=False) + "\n")
                progress.advance(task)
        _summary("dicom-scrub", counts, out)
