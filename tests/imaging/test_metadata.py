"""Images written out carry pixels only: no EXIF/GPS/XMP/ICC/text chunks."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from PIL import PngImagePlugin

from mediscope.deid.image.metadata import bake_orientation, encode_clean, metadata_keys


def _jpeg_with_exif() -> bytes:
    im = PILImage.new("RGB", (60, 30), "white")
    im.paste((255, 0, 0), (0, 0, 10, 30))  # red stripe on the left
    exif = PILImage.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[0x9286] = "patient Zhang Wei"  # UserComment-ish free text
    gps = {1: "N", 2: (39.0, 54.0, 0.0), 3: "E", 4: (116.0, 23.0, 0.0)}
    exif[0x8825] = gps
    buf = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    im.save(buf, format="JPEG", exif=exif, xmp=xmp, comment=b"MRN 12345678")
    return buf.getvalue()


def test_source_really_has_metadata():
    found = metadata_keys(_jpeg_with_exif())
    assert "exif_tags" in found and 0x8825 in found["exif_tags"]


def test_jpeg_metadata_stripped_and_orientation_baked():
    data = _jpeg_with_exif()
    with PILImage.open(io.BytesIO(data)) as im:
        im.load()
        upright = bake_orientation(im)
    assert upright.size == (30, 60)  # orientation 6 applied to pixels
    for fmt in ("PNG", "JPEG"):
        clean = encode_clean(upright, fmt)
        assert metadata_keys(clean) == {}, fmt
        assert b"Zhang" not in clean and b"12345678" not in clean and b"xmpmeta" not in clean


def test_png_text_and_icc_stripped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Dr. Li Na")
    info.add_itxt("Comment", "张伟 13812345678")
    im = PILImage.new("RGB", (20, 20), "white")
    buf = io.BytesIO()
    im.save(buf, format="PNG", pnginfo=info, icc_profile=b"\0" * 128)
    assert "Author" in metadata_keys(buf.getvalue())
    clean = encode_clean(PILImage.open(io.BytesIO(buf.getvalue())))
    assert metadata_keys(clean) == {}
    assert b"Li Na" not in clean
