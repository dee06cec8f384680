"""Every bad-image kind is rejected with its own reason code, never a crash."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image as PILImage

from mediscope.deid.image.checks import ImageLimits, ImageReason, ImageRejected, check_image_bytes


def encode(im: PILImage.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def reason_of(data: bytes, name: str | None = None, limits: ImageLimits | None = None) -> str:
    with pytest.raises(ImageRejected) as exc:
        check_image_bytes(data, name, limits)
    return exc.value.reason


def noisy(size=(120, 80), mode="RGB") -> PILImage.Image:
    rng = np.random.default_rng(0)
    shape = (size[1], size[0], 3) if mode == "RGB" else (size[1], size[0])
    return PILImage.fromarray(rng.integers(0, 255, shape, dtype=np.uint8), mode=mode)


def test_good_png_and_jpeg_pass():
    for fmt, name in (("PNG", "a.png"), ("JPEG", "a.jpg")):
        checked = check_image_bytes(encode(noisy(), fmt), name)
        assert checked.format == fmt
        assert checked.image.size == (120, 80)
        assert checked.image.mode == "RGB"


def test_zero_size_file():
    assert reason_of(b"", "x.png") == ImageReason.EMPTY


def test_corrupt_bytes():
    assert reason_of(b"this is not an image at all" * 10, "x.png") == ImageReason.CORRUPT


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_truncated(fmt):
    data = encode(noisy((400, 300)), fmt)
    assert reason_of(data[: len(data) // 2], f"x.{fmt.lower()}") == ImageReason.TRUNCATED


def test_too_many_bytes():
    data = encode(noisy(), "PNG")
    assert reason_of(data, "x.png", ImageLimits(max_bytes=100)) == ImageReason.TOO_LARGE


def test_too_many_pixels_checked_before_decoding():
    # a 12000 x 12000 black PNG is tiny on disk but 144 Mpx: refused from the header
    data = encode(PILImage.new("L", (12000, 12000), 0), "PNG")
    assert len(data) < 1_000_000
    assert reason_of(data, "bomb.png") == ImageReason.TOO_MANY_PIXELS
    assert (
        reason_of(encode(noisy(), "PNG"), "x.png", ImageLimits(max_pixels=1000))
        == ImageReason.TOO_MANY_PIXELS
    )


def test_cmyk_converted_by_default_or_rejected():
    data = encode(noisy().convert("CMYK"), "JPEG")
    checked = check_image_bytes(data, "scan.jpg")
    assert checked.image.mode == "RGB" and "converted CMYK to RGB" in checked.notes
    assert reason_of(data, "scan.jpg", ImageLimits(cmyk="reject")) == ImageReason.CMYK


def test_16_bit_rejected_by_default_or_scaled():
    arr = (np.arange(64 * 64, dtype=np.uint16).reshape(64, 64) * 16).astype(np.uint16)
    im16 = PILImage.fromarray(arr)
    assert im16.mode.startswith("I;16")
    data = encode(im16, "PNG")
    assert reason_of(data, "ct.png") == ImageReason.HIGH_BIT_DEPTH
    checked = check_image_bytes(data, "ct.png", ImageLimits(high_bit_depth="convert"))
    out = np.asarray(checked.image)
    assert checked.image.mode == "L" and out.min() == 0 and out.max() == 255


def test_animated_gif_and_multipage_tiff():
    frames = [PILImage.new("RGB", (40, 40), c) for c in ("red", "green", "blue")]
    gif = io.BytesIO()
    frames[0].save(gif, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert reason_of(gif.getvalue(), "a.gif") == ImageReason.ANIMATED
    tif = io.BytesIO()
    pages = [noisy((40, 40)) for _ in range(2)]
    pages[0].save(tif, format="TIFF", save_all=True, append_images=pages[1:])
    assert reason_of(tif.getvalue(), "a.tiff") == ImageReason.ANIMATED


def test_wrong_extension():
    assert reason_of(encode(noisy(), "PNG"), "photo.jpg") == ImageReason.WRONG_EXTENSION
    assert reason_of(encode(noisy(), "JPEG"), "report.pdf") == ImageReason.WRONG_EXTENSION
    # no extension, or the check disabled: accepted
    assert check_image_bytes(encode(noisy(), "PNG"), "blob").format == "PNG"
    assert (
        check_image_bytes(encode(noisy(), "PNG"), "photo.jpg", ImageLimits(check_extension=False)).format
        == "PNG"
    )


def test_unsupported_format():
    assert reason_of(encode(noisy(), "PPM"), "x.ppm") == ImageReason.UNSUPPORTED_FORMAT


def test_alpha_is_composited_on_white():
    im = PILImage.new("RGBA", (10, 10), (255, 0, 0, 0))
    checked = check_image_bytes(encode(im, "PNG"), "t.png")
    assert checked.image.mode == "RGB" and checked.image.getpixel((5, 5)) == (255, 255, 255)
