"""DICOM reader: one record per DICOM file, header scrubbed *in the reader*.

Readers normally only read, but a DICOM header is a bag of PHI (names, IDs, birth dates,
institutions, UIDs that link back to the hospital's PACS). Scrubbing it here, with the PS3.15
Annex E basic profile, guarantees that no un-scrubbed header value ever reaches a record, a
reject file or a log: `meta["dicom"]` holds only whitelisted technical attributes of the
*scrubbed* header plus counts of what was changed. Pixels are rendered to 8-bit PNG with the
modality/VOI LUTs; burned-in text in them is redacted later by the `image_deid` stage (which
reads `meta["dicom"]["burned_in_annotation"]`). Structured Reports become report records whose
text goes through the text `deid` stage like any other report. Files without pixels or SR
content (RT plans, waveforms) are rejected with `dicom_no_pixels`.

The case key is an HMAC of Patient ID (+ Issuer) with `case_salt`, so all files of a patient
share a split without the ID itself being stored; set a secret salt per site.
"""

from __future__ import annotations

import hashlib
import hmac
import io
from collections.abc import Iterator
from pathlib import Path

from pydantic import Field

from mediscope.io.base import InputError, Reader, ReaderConfig, Reason, read_bytes_checked
from mediscope.record import Image, Record, Report, Source, stable_id
from mediscope.rejects import Rejection

DICOM_SUFFIXES = {".dcm", ".dicom", ".dic"}


def looks_like_dicom(path: Path) -> bool:
    """Files named *.dcm are taken at their word; others need the 'DICM' magic at byte 128."""
    if path.suffix.lower() in DICOM_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(132)
    except OSError:
        return False
    return len(head) == 132 and head[128:132] == b"DICM"


class DicomReaderConfig(ReaderConfig):
    frame: int = Field(default=0, ge=0, description="Which frame of a multi-frame image to render.")
    case_salt: str = Field(default="", description="Secret salt for the case key (HMAC of Patient ID).")
    uid_salt: str = Field(default="", description="Secret salt for deterministic UID replacement.")
    profile_table: str = Field(
        default="dicomfields_2026c", description="dicom-anonymizer table of the standard."
    )
    keep_private: bool = Field(
        default=False, description="Keep private tags (the basic profile removes them)."
    )
    structured_reports: bool = Field(default=True, description="Read SR documents as report records.")
    recursive: bool = Field(default=True, description="Search folders recursively.")


class DicomReader(Reader):
    name = "dicom"
    description = "DICOM files (header scrubbed per PS3.15 Annex E; pixels rendered to PNG; SR as reports)"
    config_class = DicomReaderConfig
    config: DicomReaderConfig

    def files(self) -> list[Path]:
        if self.path.is_file():
            return [self.path]
        if not self.path.is_dir():
            return []
        it = self.path.rglob("*") if self.config.recursive else self.path.glob("*")
        return sorted(p for p in it if p.is_file() and looks_like_dicom(p))

    def items(self) -> Iterator[Record | Rejection]:
        files = self.files()
        if not files:
            yield self.reject(Reason.IO_ERROR, f"no DICOM files at {self.path}")
            return
        for row, file in enumerate(files):
            rel = file.name if self.path.is_file() else file.relative_to(self.path).as_posix()
            try:
                yield self.read_file(file, rel, row)
            except InputError as exc:
                yield Rejection(
                    reason=exc.reason,
                    detail=f"{rel}: {exc.detail}",
                    source={"dataset": self.name, "file": str(file), "row": row},
                )

    def read_file(self, file: Path, rel: str, row: int) -> Record:
        from mediscope.deid.image.dicom import (
            DicomError,
            DicomReason,
            header_summary,
            read_dataset,
            render_frame,
            scrub_dataset,
            sr_text,
        )

        data = read_bytes_checked(file, self.config.max_file_mb)
        try:
            ds = read_dataset(data, name=rel)
            case_key = self._case_key(ds)
            report_text = sr_text(ds) if self.config.structured_reports and "ContentSequence" in ds else ""
            summary = scrub_dataset(
                ds,
                salt=self.config.uid_salt,
                table=self.config.profile_table,
                keep_private=self.config.keep_private,
            )
            meta = {"dicom": {**header_summary(ds), **summary.as_dict(), "frame": self.config.frame}}
            rec_id = stable_id(self.name, rel)
            source = Source(dataset=self.name, file=str(file), row=row, original_id=rel)
            case_id = f"{self.name}:{case_key or rec_id}"
            if "PixelData" in ds:
                png = _png(render_frame(ds, self.config.frame))
                img = Image(
                    id=rec_id,
                    data=png,
                    sha256=hashlib.sha256(png).hexdigest(),
                    width=_size(png)[0],
                    height=_size(png)[1],
                    format="PNG",
                    name=f"{rec_id}.png",
                )
                if img.data is not None and len(img.data) > self.config.max_image_mb * 1024 * 1024:
                    raise InputError(Reason.OVERSIZE, f"rendered image over {self.config.max_image_mb:g} MiB")
                return Record(
                    id=rec_id,
                    kind="image",
                    source=source,
                    lang="und",
                    case_id=case_id,
                    images=[img],
                    reports=[Report(kind=_report_kind(ds), text=None, image=img.id)],
                    meta=meta,
                )
            if report_text.strip():
                return Record(
                    id=rec_id,
                    kind="report",
                    source=source,
                    lang=_lang(report_text),
                    case_id=case_id,
                    reports=[Report(kind="structured_report", text=report_text)],
                    meta=meta,
                )
            raise DicomError(
                DicomReason.NO_PIXELS,
                f"{meta['dicom'].get('SOPClass', 'object')} has no pixel data or report text",
            )
        except DicomError as exc:
            raise InputError(exc.reason, exc.detail) from exc

    def _case_key(self, ds: object) -> str | None:
        pid = str(getattr(ds, "PatientID", "") or "").strip()
        if not pid:
            return None
        issuer = str(getattr(ds, "IssuerOfPatientID", "") or "")
        return hmac.new(
            self.config.case_salt.encode(), f"{issuer}|{pid}".encode(), hashlib.sha256
        ).hexdigest()[:20]


def _png(image: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")  # type: ignore[attr-defined]
    return buf.getvalue()


def _size(png: bytes) -> tuple[int, int]:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(png)) as im:
        return im.size


def _report_kind(ds: object) -> str:
    modality = str(getattr(ds, "Modality", "") or "").lower()
    return f"imaging:{modality}" if modality else "imaging"


def _lang(text: str) -> str:
    from mediscope.io.text import guess_lang

    return guess_lang(text)
