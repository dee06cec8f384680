"""Image, report-scan and DICOM de-identification.

- `checks`: decode and sanity-check images (distinct reason codes per failure);
- `analyzer`: run the text de-identifier per OCR line;
- `redact`: map PHI character offsets to pixel boxes, fill them, verify by re-OCR;
- `metadata`: write pixels only (no EXIF/GPS/XMP/ICC/text chunks);
- `dicom`: PS3.15 Annex E basic-profile header scrubbing and pixel rendering;
- `synthetic`: report images with known PHI for tests and benchmarks.
"""

from mediscope.deid.image.checks import (
    CheckedImage,
    ImageLimits,
    ImageReason,
    ImageRejected,
    check_image_bytes,
)
from mediscope.deid.image.metadata import encode_clean, metadata_keys

__all__ = [
    "CheckedImage",
    "ImageLimits",
    "ImageReason",
    "ImageRejected",
    "check_image_bytes",
    "encode_clean",
    "metadata_keys",
]
