"""Record builders for filter tests."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from PIL import Image as PILImage
from PIL import ImageDraw

from mediscope.record import Deid, DeidStatus, Image, Record, Source, Turn


def make_record(turns: Sequence[tuple[str, str]], *, rid: str = "r1", case_id: str | None = None,
                lang: str = "zh", images: list[Image] | None = None, deid: str = "passed",
                image_turn: int = 0) -> Record:
    imgs = images or []
    ts = [Turn(role=role, text=text) for role, text in turns]  # type: ignore[arg-type]
    if imgs:
        ts[image_turn].images = [i.id for i in imgs]
    return Record(
        id=rid,
        source=Source(dataset="test"),
        case_id=case_id or f"case-{rid}",
        lang=lang,
        turns=ts,
        images=imgs,
        deid=Deid(status=DeidStatus(deid), engine="test-deid 1"),
    )


def png_image(image_id: str = "img0", size: tuple[int, int] = (64, 64), seed: int = 0, fmt: str = "PNG") -> Image:
    """A real encoded image with a pattern (so pHashes differ between seeds)."""
    pil = PILImage.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(pil)
    import random

    rnd = random.Random(seed)
    for _ in range(12):
        x0, y0 = rnd.randrange(size[0]), rnd.randrange(size[1])
        draw.rectangle([x0, y0, min(size[0] - 1, x0 + size[0] // 3), min(size[1] - 1, y0 + size[1] // 3)],
                       fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    buf = io.BytesIO()
    pil.save(buf, format=fmt)
    import hashlib

    data = buf.getvalue()
    return Image(id=image_id, data=data, sha256=hashlib.sha256(data).hexdigest(), width=size[0],
                 height=size[1], format=fmt)


ZH_DIALOGUE = [
    ("patient", "医生您好，我这三天一直头痛，还有点发烧，体温三十八度左右。"),
    ("doctor", "您好，请问头痛是哪个部位？有没有恶心呕吐或者颈部僵硬的情况？"),
    ("patient", "主要是额头两侧，没有呕吐，脖子也不僵硬，就是晚上睡不好。"),
    ("doctor", "考虑上呼吸道感染引起的头痛，建议多喝水、注意休息，体温超过三十八度五可以服用布洛芬。"),
]
EN_DIALOGUE = [
    ("patient", "Doctor, I have had a sore throat and a mild fever for two days."),
    ("doctor", "Do you have any cough, difficulty swallowing, or swollen glands in your neck?"),
    ("patient", "A little cough, swallowing hurts, no swelling that I can feel."),
    ("doctor", "This sounds like a viral pharyngitis. Rest, drink fluids, and use paracetamol for the fever."),
]


@pytest.fixture
def zh_record() -> Record:
    return make_record(ZH_DIALOGUE)
