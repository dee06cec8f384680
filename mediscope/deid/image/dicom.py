"""DICOM de-identification: PS3.15 Annex E basic-profile header scrubbing and pixel rendering.

The per-attribute actions (D/Z/X/U and their combinations) come from the tables that
`dicom-anonymizer` transcribes from the standard (`dicomfields_2026c` by default), rather than a
hand-copied list that would drift. On top of that library we add what the profile requires and
the library leaves out:
- the actions are applied recursively to every sequence item (the profile covers nested
  attributes; the library only walks the top level);
- UIDs are replaced *deterministically* (HMAC-style, from a site salt) so that re-running the
  pipeline, or processing the other images of a study, maps a UID to the same new UID;
- a safety net empties every person name (VR PN) that survived, and private tags go;
- Patient Identity Removed = YES and the De-identification Method (code 113100) are recorded.

Pixel data is rendered to 8 bits with the modality and VOI LUTs (the window a radiologist would
see), because that is what burned-in text is legible in, and what OCR/redaction then works on.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image as PILImage

log = logging.getLogger(__name__)

PROFILE_TABLE = "dicomfields_2026c"
PROFILE_NAME = "DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile"
BASIC_PROFILE_CODE = ("113100", "DCM", "Basic Application Confidentiality Profile")


class DicomReason:
    UNREADABLE = "dicom_unreadable"
    NO_PIXELS = "dicom_no_pixels"
    PIXEL_DECODE = "dicom_pixel_decode"


class DicomError(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


# Attributes safe to show in a record's summary *after* scrubbing (technical, not identifying).
SUMMARY_KEYWORDS = (
    "Modality",
    "BodyPartExamined",
    "ImageType",
    "PhotometricInterpretation",
    "Rows",
    "Columns",
    "NumberOfFrames",
    "BitsAllocated",
    "BitsStored",
    "SamplesPerPixel",
    "PixelSpacing",
    "SliceThickness",
    "PatientIdentityRemoved",
    "DeidentificationMethod",
)


@dataclass
class ScrubSummary:
    """What scrubbing did (counts only: the removed values are never kept)."""

    profile: str = PROFILE_NAME
    table: str = PROFILE_TABLE
    removed: int = 0
    changed: int = 0
    private_removed: int = 0
    names_emptied: int = 0
    burned_in_annotation: str | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def read_dataset(data: bytes | str, *, name: str = "dicom") -> Any:
    """Read a DICOM file (bytes or path); files without a preamble/meta are accepted if they parse."""
    import pydicom
    from pydicom.errors import InvalidDicomError

    src: Any = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    try:
        return pydicom.dcmread(src)
    except InvalidDicomError:
        if isinstance(src, io.BytesIO):
            src.seek(0)
        try:
            ds = pydicom.dcmread(src, force=True)
            # force=True "reads" anything; insist on at least an identifying structure
            if "SOPClassUID" not in ds and "PixelData" not in ds:
                raise DicomError(
                    DicomReason.UNREADABLE, f"{name} is not a DICOM file (no SOP Class, no pixel data)"
                )
            list(ds.keys())
            return ds
        except DicomError:
            raise
        except Exception as exc:
            raise DicomError(DicomReason.UNREADABLE, f"{name} is not a readable DICOM file: {exc}") from exc
    except Exception as exc:
        raise DicomError(
            DicomReason.UNREADABLE, f"{name} cannot be parsed as DICOM: {type(exc).__name__}: {exc}"
        ) from exc


def deterministic_uid(old: str, salt: str) -> str:
    """A 2.25 UID derived from the old UID and a site salt (same input -> same output)."""
    digest = hmac.new(salt.encode("utf-8"), str(old).encode("utf-8"), hashlib.sha256).digest()
    return "2.25." + str(int.from_bytes(digest[:16], "big"))


def _rules(table: str, salt: str) -> dict[tuple[int, ...], Callable[[Any, Any], None]]:
    from dicomanonymizer import simpledicomanonymizer as sda

    def replace_uid(dataset: Any, tag: Any) -> None:
        el = dataset.get(tag)
        if el is None or el.value in (None, ""):
            return
        if el.VR == "UI":
            if isinstance(el.value, (list, tuple)) or type(el.value).__name__ == "MultiValue":
                el.value = [deterministic_uid(v, salt) for v in el.value]
            else:
                el.value = deterministic_uid(el.value, salt)
        elif el.VR != "SQ":  # sequences: their contained UIDs are handled by the recursion
            sda.empty_element(el)

    rules = sda.initialize_actions(table)
    for tag, action in list(rules.items()):
        if action in (sda.replace_UID, sda.delete_or_empty_or_replace_UID):
            rules[tag] = replace_uid
    return rules


def scrub_dataset(
    ds: Any, *, salt: str = "", table: str = PROFILE_TABLE, keep_private: bool = False
) -> ScrubSummary:
    """Scrub a pydicom Dataset in place per the basic profile; return counts of what changed."""
    from dicomanonymizer import simpledicomanonymizer as sda

    summary = ScrubSummary(table=table)
    bia = ds.get("BurnedInAnnotation")  # keyword lookup returns the value itself
    summary.burned_in_annotation = str(bia).strip().upper() if bia else None
    before = _fingerprint(ds)
    summary.private_removed = sum(1 for el in _walk(ds) if el.tag.is_private)
    rules = _rules(table, salt)

    def apply(dataset: Any) -> None:
        sda.anonymize_dataset(
            dataset,
            extra_anonymization_rules=None,
            delete_private_tags=not keep_private,
            base_rules_gen=lambda: dict(rules),
        )
        for el in list(dataset):
            if el.VR == "SQ" and el.value:
                for item in el.value:
                    apply(item)

    apply(ds)
    for el in _walk(ds):
        if el.VR == "PN" and el.value not in (None, ""):
            el.value = ""
            summary.names_emptied += 1
    _mark_deidentified(ds)
    after = _fingerprint(ds)
    summary.removed = len(set(before) - set(after))
    summary.changed = sum(1 for k, v in after.items() if k in before and before[k] != v)
    return summary


def _walk(ds: Any) -> Any:
    for el in ds:
        yield el
        if el.VR == "SQ" and el.value:
            for item in el.value:
                yield from _walk(item)


def _fingerprint(ds: Any, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for el in ds:
        key = f"{prefix}{el.tag}"
        if el.VR == "SQ":
            for i, item in enumerate(el.value or []):
                out.update(_fingerprint(item, f"{key}[{i}]."))
            out[key] = f"SQ{len(el.value or [])}"
        elif el.tag == 0x7FE00010:
            out[key] = "pixels"
        else:
            out[key] = hashlib.sha1(repr(el.value).encode("utf-8", "replace")).hexdigest()
    return out


def _mark_deidentified(ds: Any) -> None:
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence

    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = "PS3.15 Annex E Basic Profile (mediscope)"  # LO: max 64 chars
    code = Dataset()
    code.CodeValue, code.CodingSchemeDesignator, code.CodeMeaning = BASIC_PROFILE_CODE
    ds.DeidentificationMethodCodeSequence = Sequence([code])


def header_summary(ds: Any) -> dict[str, Any]:
    """Whitelisted technical attributes of an already scrubbed dataset, JSON-ready."""
    out: dict[str, Any] = {}
    for kw in SUMMARY_KEYWORDS:
        if kw in ds and ds.get(kw) is not None:
            out[kw] = _jsonable(ds.data_element(kw).value)
    sop = ds.get("SOPClassUID")
    if sop:
        out["SOPClass"] = getattr(sop, "name", str(sop))
    return out


def scrubbed_header(ds: Any, max_len: int = 256) -> dict[str, Any]:
    """Every remaining attribute of a scrubbed dataset (binary values summarised), for audit files."""
    out: dict[str, Any] = {}
    for el in ds:
        key = el.keyword or str(el.tag)
        if el.VR == "SQ":
            out[key] = [scrubbed_header(item, max_len) for item in (el.value or [])]
        elif el.VR in ("OB", "OW", "OF", "OD", "OL", "OV", "UN") or el.tag == 0x7FE00010:
            out[key] = f"<{el.VR} {len(el.value or b'')} bytes>"
        else:
            val = _jsonable(el.value)
            if isinstance(val, str) and len(val) > max_len:
                val = val[:max_len] + "..."
            out[key] = val
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue":
        return [_jsonable(v) for v in value]
    return str(value)


def render_frame(ds: Any, frame: int = 0) -> PILImage.Image:
    """Decode one frame to an 8-bit image with the modality and VOI LUTs applied."""
    from pydicom.pixels import apply_modality_lut, apply_voi_lut

    if "PixelData" not in ds:
        raise DicomError(DicomReason.NO_PIXELS, "dataset has no pixel data")
    try:
        arr = ds.pixel_array
    except Exception as exc:
        raise DicomError(
            DicomReason.PIXEL_DECODE, f"cannot decode pixel data: {type(exc).__name__}: {exc}"
        ) from exc
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    spp = int(ds.get("SamplesPerPixel", 1) or 1)
    if frames > 1:
        if not 0 <= frame < frames:
            raise DicomError(DicomReason.PIXEL_DECODE, f"frame {frame} out of range (0..{frames - 1})")
        arr = arr[frame]
    if spp == 3:
        rgb = arr if arr.dtype == np.uint8 else _scale(arr.astype(np.float64))
        return PILImage.fromarray(np.ascontiguousarray(rgb), mode="RGB")
    try:
        data = apply_modality_lut(arr, ds)
        data = apply_voi_lut(data, ds) if ("WindowCenter" in ds or "VOILUTSequence" in ds) else data
    except Exception:  # malformed LUT attributes: fall back to raw values
        log.debug("LUT application failed; using raw pixel values", exc_info=True)
        data = arr
    img = _scale(np.asarray(data, dtype=np.float64))
    if str(ds.get("PhotometricInterpretation", "")).upper() == "MONOCHROME1":
        img = 255 - img
    return PILImage.fromarray(img, mode="L")


def _scale(arr: np.ndarray) -> np.ndarray:
    lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
    if hi <= lo:
        return np.zeros(arr.shape, dtype=np.uint8)
    return np.clip((arr - lo) / (hi - lo) * 255.0 + 0.5, 0, 255).astype(np.uint8)


def sr_text(ds: Any) -> str:
    """Readable text of a Structured Report: concept names with their text/code/numeric values.

    Person-name items (observers, verifiers) are skipped: they are PHI and carry no clinical text.
    """
    lines: list[str] = []

    def visit(items: Any, depth: int) -> None:
        for item in items or []:
            vtype = str(item.get("ValueType", ""))
            name = ""
            cn = item.get("ConceptNameCodeSequence")
            if cn:
                name = str(cn[0].get("CodeMeaning", ""))
            value = ""
            if vtype == "TEXT":
                value = str(item.get("TextValue", ""))
            elif vtype == "CODE" and item.get("ConceptCodeSequence"):
                value = str(item.ConceptCodeSequence[0].get("CodeMeaning", ""))
            elif vtype == "NUM" and item.get("MeasuredValueSequence"):
                mv = item.MeasuredValueSequence[0]
                unit = ""
                if mv.get("MeasurementUnitsCodeSequence"):
                    unit = str(mv.MeasurementUnitsCodeSequence[0].get("CodeValue", ""))
                value = f"{mv.get('NumericValue', '')} {unit}".strip()
            if vtype not in ("PNAME", "UIDREF", "DATE", "DATETIME", "TIME") and (name or value):
                lines.append("  " * depth + (f"{name}: {value}" if name and value else name or value))
            visit(item.get("ContentSequence"), depth + 1)

    visit(ds.get("ContentSequence"), 0)
    return "\n".join(lines)
