"""Write images with pixels only: no EXIF, GPS, XMP, ICC, comments or text chunks.

Re-encoding through Pillow alone is not enough: Pillow copies `info` (EXIF, XMP, ICC, PNG text)
into some writers. We rebuild the image from its raw pixels, so there is no metadata left to
copy. EXIF orientation is applied first, otherwise dropping the tag would turn photos sideways.
"""

from __future__ import annotations

import io
from typing import Literal

from PIL import Image as PILImage
from PIL import ImageOps


def bake_orientation(image: PILImage.Image) -> PILImage.Image:
    """Apply the EXIF orientation tag to the pixels (a no-op when there is none)."""
    try:
        return ImageOps.exif_transpose(image) or image
    except Exception:  # a malformed EXIF block must not stop redaction
        return image


def pixels_only(image: PILImage.Image) -> PILImage.Image:
    """A copy of the image that carries its pixels and nothing else."""
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    return PILImage.frombytes(image.mode, image.size, image.tobytes())


def encode_clean(image: PILImage.Image, fmt: Literal["PNG", "JPEG"] = "PNG", quality: int = 95) -> bytes:
    """Encode pixels only; PNG by default (lossless, so redaction boxes stay crisp)."""
    clean = pixels_only(image)
    buf = io.BytesIO()
    if fmt == "JPEG":
        clean.save(buf, format="JPEG", quality=quality, optimize=True)
    else:
        clean.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def metadata_keys(data: bytes) -> dict[str, object]:
    """What metadata an encoded image carries (used by tests and `redact-images --check`)."""
    with PILImage.open(io.BytesIO(data)) as im:
        # JFIF/density headers and gamma are structural, not metadata about the subject
        found: dict[str, object] = {
            k: v for k, v in im.info.items() if k not in ("dpi", "gamma") and not k.startswith("jfif")
        }
        exif = im.getexif()
        if len(exif):
            found["exif_tags"] = sorted(int(k) for k in exif.keys())
        if hasattr(im, "text") and im.text:
            found["text"] = dict(im.text)
    return found
