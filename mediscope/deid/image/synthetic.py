"""Generate report-like test images with known burned-in PHI (Chinese and English).

Tests and the benchmark need images whose PHI is known exactly, without shipping real patient
images. Text is drawn with a CJK-capable system font (Debian `fonts-wqy-microhei` or
`fonts-noto-cjk`); `find_cjk_font()` says clearly when none is installed.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)


@lru_cache(maxsize=1)
def find_cjk_font() -> str:
    """Path of a font that draws Chinese; raises FileNotFoundError with the package to install."""
    for cand in _FONT_CANDIDATES:
        if Path(cand).is_file():
            return cand
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True, text=True, timeout=10
            )
            if (
                out.returncode == 0
                and out.stdout
                and Path(out.stdout).is_file()
                and "DejaVu" not in out.stdout
            ):
                return out.stdout
        except (OSError, subprocess.SubprocessError):
            pass
    raise FileNotFoundError("no CJK font found: apt-get install fonts-wqy-microhei (or fonts-noto-cjk)")


def render_lines(
    lines: list[str],
    *,
    font_size: int = 28,
    width: int = 900,
    margin: int = 24,
    line_gap: int = 22,
    background: tuple[int, int, int] = (255, 255, 255),
    ink: tuple[int, int, int] = (0, 0, 0),
) -> PILImage.Image:
    """Draw text lines top to bottom on a plain background."""
    font = ImageFont.truetype(find_cjk_font(), font_size)
    height = margin * 2 + len(lines) * (font_size + line_gap)
    im = PILImage.new("RGB", (width, max(height, 64)), background)
    draw = ImageDraw.Draw(im)
    y = margin
    for text in lines:
        draw.text((margin, y), text, font=font, fill=ink)
        y += font_size + line_gap
    return im


@dataclass
class SyntheticReport:
    image: PILImage.Image
    phi: list[str]  # strings that must not be readable after redaction
    safe: list[str] = field(default_factory=list)  # clinical strings that should stay readable
    lang: str = "zh"


_ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_ZH_GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "桂英",
    "建华",
]
_EN_FIRST = ["John", "Mary", "Robert", "Linda", "Michael", "Susan", "David", "Karen", "James", "Emily"]
_EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark"]
_FINDINGS_ZH = [
    "右肺上叶结节，建议三个月后复查",
    "肝脏形态大小正常，未见占位",
    "双肾未见结石",
    "心影不大，两肺纹理清晰",
]
_FINDINGS_EN = [
    "No acute cardiopulmonary process",
    "Mild degenerative changes of the spine",
    "Normal liver size and echotexture",
]


def make_report(seed: int, lang: str = "zh") -> SyntheticReport:
    """One report image with a name, phone, ID/MRN and date burned in (deterministic by seed)."""
    rng = random.Random(seed)
    phone = "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
    date = f"20{rng.randint(10, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    mrn = "".join(rng.choice("0123456789") for _ in range(8))
    if lang == "zh":
        name = rng.choice(_ZH_SURNAMES) + rng.choice(_ZH_GIVEN)
        finding = rng.choice(_FINDINGS_ZH)
        lines = [
            "某某市人民医院 影像检查报告",
            f"姓名：{name}  性别：{rng.choice('男女')}",
            f"电话：{phone}",
            f"住院号：{mrn}  检查日期：{date}",
            f"所见：{finding}",
        ]
        return SyntheticReport(
            render_lines(lines), phi=[name, phone, mrn, date], safe=[finding[:4]], lang="zh"
        )
    name = f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}"
    finding = rng.choice(_FINDINGS_EN)
    lines = [
        "General Hospital Radiology Report",
        f"Patient: {name}",
        f"Phone: {phone[:3]}-{phone[3:7]}-{phone[7:]}",
        f"MRN: {mrn}  Date: {date}",
        f"Impression: {finding}",
    ]
    phi = [name, f"{phone[:3]}-{phone[3:7]}-{phone[7:]}", mrn, date]
    return SyntheticReport(render_lines(lines), phi=phi, safe=[finding.split()[0]], lang="en")
