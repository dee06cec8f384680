"""Image sanity checks: every image is decoded and judged before OCR touches it.

Each problem has its own reason code so a curator can see at a glance why images were dropped
(a batch of truncated uploads reads differently from a batch of CMYK scans). Policy choices:
- CMYK is *converted* to RGB by default: scanners and print workflows emit CMYK JPEGs of
  perfectly good reports, and the conversion loses nothing OCR or a model needs. Set
  `cmyk="reject"` to refuse them instead.
- 16-bit / float images are *rejected* by default: without the modality's window (which only
  DICOM carries, and the DICOM reader applies it) any 8-bit mapping is a guess that can wash out
  burned-in text. `high_bit_depth="convert"` min-max scales them instead.
- Animated or multi-frame images are rejected: which frame is "the" image is ambiguous, and
  redacting one frame while another keeps PHI would leak.
- A file whose extension names another format is rejected: it usually means a renamed file of
  unknown provenance, and downstream tools that trust extensions would misread it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal

import numpy as np
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from pydantic import BaseModel, ConfigDict, Field


class ImageReason:
    """Machine-readable rejection reasons for images (distinct codes, one per failure kind)."""

    EMPTY = "image_empty"
    MISSING = "image_missing"
    TOO_LARGE = "image_too_large"
    TOO_MANY_PIXELS = "image_too_many_pixels"
    CORRUPT = "image_corrupt"
    TRUNCATED = "image_truncated"
    UNSUPPORTED_FORMAT = "image_unsupported_format"
    WRONG_EXTENSION = "image_wrong_extension"
    ANIMATED = "image_animated"
    CMYK = "image_cmyk"
    HIGH_BIT_DEPTH = "image_high_bit_depth"
    OCR_FAILED = "image_ocr_failed"
    PHI_RESIDUAL = "image_phi_residual"


class ImageRejected(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


EXTENSIONS: dict[str, set[str]] = {
    "PNG": {".png"},
    "JPEG": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "BMP": {".bmp", ".dib"},
    "TIFF": {".tif", ".tiff"},
    "WEBP": {".webp"},
    "GIF": {".gif"},
}
_ALL_EXTENSIONS = set().union(*EXTENSIONS.values())
_HIGH_BIT_MODES = {"I;16", "I;16B", "I;16L", "I;16N", "I", "F"}


class ImageLimits(BaseModel):
    """What an acceptable input image looks like."""

    model_config = ConfigDict(extra="forbid")

    max_bytes: int = Field(default=50 * 1024 * 1024, gt=0, description="Encoded size limit.")
    max_pixels: int = Field(
        default=40_000_000, gt=0, description="Width x height limit (checked before decoding)."
    )
    min_side: int = Field(default=1, ge=1, description="Smallest acceptable width/height.")
    formats: list[str] = Field(
        default_factory=lambda: sorted(EXTENSIONS), description="Accepted Pillow formats."
    )
    cmyk: Literal["convert", "reject"] = "convert"
    high_bit_depth: Literal["convert", "reject"] = "reject"
    check_extension: bool = True


@dataclass
class CheckedImage:
    """A decoded image that passed the checks, normalised to 8-bit RGB or L."""

    image: PILImage.Image
    format: str
    notes: list[str] = field(default_factory=list)


def check_image_bytes(
    data: bytes, name: str | None = None, limits: ImageLimits | None = None
) -> CheckedImage:
    """Decode `data` fully and return an 8-bit image, or raise ImageRejected with a reason."""
    limits = limits or ImageLimits()
    label = name or "image"
    if not data:
        raise ImageRejected(ImageReason.EMPTY, f"{label} is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise ImageRejected(
            ImageReason.TOO_LARGE, f"{label} is {len(data)} bytes, over the {limits.max_bytes} limit"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        try:
            im = PILImage.open(io.BytesIO(data))
        except PILImage.DecompressionBombError as exc:
            raise ImageRejected(ImageReason.TOO_MANY_PIXELS, f"{label}: {exc}") from exc
        except UnidentifiedImageError as exc:
            raise ImageRejected(ImageReason.CORRUPT, f"{label} is not a recognisable image") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageRejected(ImageReason.CORRUPT, f"{label} cannot be opened: {exc}") from exc
        fmt = (im.format or "").upper()
        if fmt not in limits.formats:
            raise ImageRejected(
                ImageReason.UNSUPPORTED_FORMAT, f"{label} is {fmt or 'unknown'}; accepted: {limits.formats}"
            )
        if limits.check_extension and name:
            ext = PurePath(name).suffix.lower()
            if ext and ext not in EXTENSIONS.get(fmt, set()):
                raise ImageRejected(
                    ImageReason.WRONG_EXTENSION,
                    f"{label} has extension {ext!r} but its content is {fmt}",
                )
        width, height = im.size
        if width < limits.min_side or height < limits.min_side:
            raise ImageRejected(ImageReason.EMPTY, f"{label} is {width}x{height} pixels")
        if width * height > limits.max_pixels:
            raise ImageRejected(
                ImageReason.TOO_MANY_PIXELS,
                f"{label} is {width}x{height} = {width * height} pixels, over {limits.max_pixels}",
            )
        if getattr(im, "is_animated", False) or getattr(im, "n_frames", 1) > 1:
            raise ImageRejected(ImageReason.ANIMATED, f"{label} has {getattr(im, 'n_frames', '?')} frames")
        try:
            im.load()
        except PILImage.DecompressionBombError as exc:
            raise ImageRejected(ImageReason.TOO_MANY_PIXELS, f"{label}: {exc}") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            msg = str(exc)
            reason = (
                ImageReason.TRUNCATED
                if "truncat" in msg.lower() or isinstance(exc, EOFError)
                else ImageReason.CORRUPT
            )
            raise ImageRejected(reason, f"{label} cannot be decoded: {msg}") from exc
    notes: list[str] = []
    image = normalise_mode(im, limits, label, notes)
    return CheckedImage(image=image, format=fmt, notes=notes)


def normalise_mode(im: PILImage.Image, limits: ImageLimits, label: str, notes: list[str]) -> PILImage.Image:
    """Bring any accepted mode to 8-bit RGB (or L for grayscale), applying the policies above."""
    mode = im.mode
    if mode == "CMYK":
        if limits.cmyk == "reject":
            raise ImageRejected(ImageReason.CMYK, f"{label} is CMYK")
        notes.append("converted CMYK to RGB")
        return im.convert("RGB")
    if mode in _HIGH_BIT_MODES:
        if limits.high_bit_depth == "reject":
            raise ImageRejected(
                ImageReason.HIGH_BIT_DEPTH, f"{label} has mode {mode} (more than 8 bits per sample)"
            )
        notes.append(f"scaled {mode} to 8-bit")
        return scale_to_uint8(np.asarray(im))
    if mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        background = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        return PILImage.alpha_composite(background, rgba).convert("RGB")
    if mode == "L":
        return im
    if mode == "RGB":
        return im
    return im.convert("RGB")


def scale_to_uint8(arr: np.ndarray) -> PILImage.Image:
    """Min-max scale a numeric array to an 8-bit grayscale image (flat images become black)."""
    arr = arr.astype(np.float64)
    lo, hi = float(np.min(arr)), float(np.max(arr))
    if hi <= lo:
        out = np.zeros(arr.shape, dtype=np.uint8)
    else:
        out = np.clip((arr - lo) / (hi - lo) * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return PILImage.fromarray(out, mode="L")
