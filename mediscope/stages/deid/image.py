"""`image_deid`: redact burned-in PHI in every image of a record and strip image metadata.

For each image (turn images and report images alike) the stage decodes and checks it, OCRs it,
runs the text de-identifier on each OCR line, fills padded boxes over the PHI, re-OCRs to verify,
and stores the result as metadata-free PNG bytes with a new sha256. A report whose text is empty
gets the de-identified OCR text of its image. Any image failing a check, OCR or verification
rejects the whole record (a record is only as private as its leakiest image); so does a record
whose `deid.status` is already `failed`.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from mediscope.deid.image.checks import ImageLimits, ImageReason, ImageRejected, check_image_bytes
from mediscope.deid.image.metadata import bake_orientation, encode_clean
from mediscope.record import DeidStatus, Record, Span
from mediscope.stages.base import Stage, StageConfig, StageResult

log = logging.getLogger(__name__)

DEID_FAILED = "deid_failed"


@dataclass
class RedactedImage:
    """One image after redaction: encoded clean bytes, pixels, de-identified OCR text, findings."""

    data: bytes
    image: Any
    deid_text: str | None
    findings: list[Any]
    info: dict[str, Any]


class ImageDeidConfig(StageConfig):
    engine: Literal["rapidocr", "paddleocr", "tesseract"] = Field(
        default="rapidocr", description="OCR backend."
    )
    engine_options: dict[str, Any] = Field(
        default_factory=dict, description="Backend options (threads, model dirs)."
    )
    analyzer: str = Field(
        default="mediscope", description="'mediscope' (the text de-identifier) or 'pkg.module:function'."
    )
    lang: str = Field(default="auto", description="Analyzer language per line: 'auto' picks by script.")
    min_score: float = Field(
        default=0.0, ge=0.0, le=1.0, description="Ignore analyzer spans scoring below this."
    )
    pad_px: int = Field(default=3, ge=0, description="Minimum padding around a redaction box, in pixels.")
    pad_ratio: float = Field(default=0.15, ge=0.0, description="Padding as a fraction of the line height.")
    fill: tuple[int, int, int] = Field(default=(0, 0, 0), description="Redaction box colour (RGB).")
    verify: bool = Field(
        default=True, description="Re-OCR redacted images and fail records with readable PHI."
    )
    max_passes: int = Field(default=2, ge=1, description="Redaction passes before giving up on an image.")
    verify_engine: Literal["rapidocr", "paddleocr", "tesseract"] | None = Field(
        default=None,
        description="A second, independent OCR engine for verification (default: the same engine).",
    )
    verify_engine_options: dict[str, Any] = Field(default_factory=dict)
    limits: ImageLimits = Field(default_factory=ImageLimits)
    output_format: Literal["PNG", "JPEG"] = "PNG"
    report_text: Literal["fill", "replace", "keep"] = Field(
        default="fill",
        description="Report text from OCR: 'fill' empty texts, 'replace' always, 'keep' never.",
    )
    dicom_burned_in: Literal["auto", "always", "never"] = Field(
        default="auto",
        description="OCR DICOM pixels: 'auto' skips only when the header says BurnedInAnnotation=NO.",
    )
    base_dir: str | None = Field(
        default=None, description="Folder that relative image paths are resolved against."
    )


class ImageDeidStage(Stage[ImageDeidConfig]):
    name = "image_deid"
    version = "1"
    config_class = ImageDeidConfig

    def __init__(
        self,
        config: ImageDeidConfig | dict[str, Any] | None = None,
        *,
        engine: Any = None,
        analyzer: Any = None,
        verifier: Any = None,
    ) -> None:
        super().__init__(config)
        self._engine = engine
        self._analyzer = analyzer
        self._verifier = verifier
        self._redactor: Any = None

    def setup(self) -> None:
        """Load the OCR engine and the analyzer once (OCR start-up takes seconds)."""
        from mediscope.deid.image.analyzer import LineAnalyzer
        from mediscope.deid.image.redact import ImageRedactor
        from mediscope.ocr import create_engine

        cfg = self.config
        engine = self._engine or create_engine(cfg.engine, **cfg.engine_options)
        analyzer = LineAnalyzer(self._analyzer or cfg.analyzer, lang=cfg.lang, min_score=cfg.min_score)
        verifier = self._verifier
        if verifier is None and cfg.verify_engine is not None:
            verifier = create_engine(cfg.verify_engine, **cfg.verify_engine_options)
        self._redactor = ImageRedactor(
            engine,
            analyzer,
            pad_px=cfg.pad_px,
            pad_ratio=cfg.pad_ratio,
            fill=tuple(cfg.fill),
            verify=cfg.verify,
            max_passes=cfg.max_passes,
            verifier=verifier,
        )

    def process(self, batch: list[Record]) -> StageResult:
        self.ensure_setup()
        result = StageResult()
        for rec in batch:
            if rec.deid.status == DeidStatus.failed:
                result.reject(
                    rec,
                    DEID_FAILED,
                    f"record de-identification already failed: {rec.deid.detail or 'no detail'}",
                )
                continue
            try:
                result.kept.append(self.redact_record(rec))
            except ImageRejected as exc:
                result.reject(rec, exc.reason, exc.detail)
        return result

    # -- one record ------------------------------------------------------------------------
    def redact_record(self, rec: Record) -> Record:
        out = rec.model_copy(deep=True)
        audit: dict[str, Any] = {}
        filled_reports: set[int] = set()
        for idx, img in enumerate(out.images):
            data = self._load(img.data, img.path, img.name or img.id)
            name = img.name or (Path(img.path).name if img.path else None)
            done = self.redact_bytes(data, name, image_id=img.id, skip_ocr=self._skip_ocr(out))
            info, redacted, deid_text = done.info, done.image, done.deid_text
            for f in done.findings:
                out.deid.spans.append(
                    Span(
                        field=f"images[{idx}]",
                        start=f.text_start,
                        end=f.text_end,
                        entity_type=f.entity_type,
                        score=max(0.0, min(1.0, f.score)),
                        recognizer=f.recognizer,
                        operator="redact",
                        box=list(f.box),
                    )
                )
            encoded = done.data
            ext = ".png" if self.config.output_format == "PNG" else ".jpg"
            out.images[idx] = img.model_copy(
                update={
                    "data": encoded,
                    "path": None,
                    "sha256": hashlib.sha256(encoded).hexdigest(),
                    "width": redacted.width,
                    "height": redacted.height,
                    "format": self.config.output_format,
                    "name": f"{img.id}{ext}",
                }
            )
            if deid_text is not None and self.config.report_text != "keep":
                for r_idx, rep in enumerate(out.reports):
                    if rep.image == img.id and (
                        self.config.report_text == "replace" or not (rep.text and rep.text.strip())
                    ):
                        rep.text = deid_text
                        filled_reports.add(r_idx)
            audit[img.id] = info
        if audit:
            out.meta = {**out.meta, "image_deid": audit}
        if out.deid.status == DeidStatus.pending and self._only_own_text(out, filled_reports):
            out.deid.status = DeidStatus.passed
        if out.deid.engine is None and self._redactor is not None:
            out.deid.engine = f"image_deid/{self._redactor.engine.describe()}"
        return out

    def redact_bytes(
        self, data: bytes, name: str | None, *, image_id: str = "image", skip_ocr: bool = False
    ) -> RedactedImage:
        """Check, redact, verify and re-encode one encoded image; raise ImageRejected if it fails.

        This is the whole per-image job, shared by the stage and the `redact-images` command.
        """
        self.ensure_setup()
        checked = check_image_bytes(data, name, self.config.limits)
        image = bake_orientation(checked.image)
        info: dict[str, Any] = {"notes": checked.notes, "source_format": checked.format}
        if skip_ocr:
            info["ocr"] = "skipped: DICOM header says no burned-in annotation"
            return RedactedImage(encode_clean(image, self.config.output_format), image, None, [], info)
        outcome = self._redact(image, image_id)
        if not outcome.ok:
            raise ImageRejected(
                ImageReason.PHI_RESIDUAL,
                f"image {image_id}: PHI still readable after {outcome.passes} pass(es): {', '.join(outcome.residual)}",
            )
        info.update(lines=len(outcome.lines), findings=len(outcome.findings), passes=outcome.passes)
        encoded = encode_clean(outcome.image, self.config.output_format)
        return RedactedImage(encoded, outcome.image, outcome.deidentified_text(), outcome.findings, info)

    def _redact(self, image: Any, image_id: str) -> Any:
        try:
            return self._redactor.redact(image)
        except ImageRejected:
            raise
        except Exception as exc:  # an engine crash on one image must not stop the run
            log.warning("OCR failed on image %s", image_id, exc_info=True)
            raise ImageRejected(
                ImageReason.OCR_FAILED, f"image {image_id}: {type(exc).__name__}: {exc}"
            ) from exc

    def _load(self, data: bytes | None, path: str | None, label: str) -> bytes:
        if data is not None:
            return data
        assert path is not None  # Image guarantees path or data
        p = Path(path)
        if not p.is_absolute() and self.config.base_dir:
            p = Path(self.config.base_dir) / p
        try:
            size = p.stat().st_size
        except OSError as exc:
            raise ImageRejected(
                ImageReason.MISSING, f"image {label}: cannot read {p}: {exc.strerror}"
            ) from exc
        if size > self.config.limits.max_bytes:
            raise ImageRejected(
                ImageReason.TOO_LARGE, f"image {label} is {size} bytes, over {self.config.limits.max_bytes}"
            )
        return p.read_bytes()

    def _skip_ocr(self, rec: Record) -> bool:
        policy = self.config.dicom_burned_in
        dicom = rec.meta.get("dicom") if isinstance(rec.meta, dict) else None
        if policy == "always" or not isinstance(dicom, dict):
            return False
        if policy == "never":
            return True
        return str(dicom.get("burned_in_annotation", "")).upper() == "NO"

    @staticmethod
    def _only_own_text(rec: Record, filled_reports: set[int]) -> bool:
        """True when every free text of the record was produced here (so it is de-identified)."""
        if any(t.text.strip() for t in rec.turns):
            return False
        return all(i in filled_reports or not (r.text and r.text.strip()) for i, r in enumerate(rec.reports))
