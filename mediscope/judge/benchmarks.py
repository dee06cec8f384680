"""Benchmark prompts: (context, reference answer) items cut from dialogues.

Any mediscope reader format works (`meddiagnose` for the PulseMind MedDiagnose CSV,
`cmtmedqa` for CMtMedQA-test, `jsonl`/`parquet` for mediscope records, ...). Each dialogue gives
an item whose context ends with a patient turn and whose reference is the doctor turn that
followed (`cut="last"`: the final doctor turn only; `cut="every"`: one item per doctor turn).
Items keep their images so a multimodal model sees what the patient showed.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediscope.record import Image, Record, Turn
from mediscope.rejects import Rejection

log = logging.getLogger(__name__)

ROLE_MAP = {"patient": "user", "doctor": "assistant", "system": "system"}
IMAGE_MARK = "[image]"


@dataclass
class BenchmarkItem:
    id: str
    source: str
    turns: list[Turn]
    reference: str | None
    images: dict[str, Image] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def context(self) -> list[dict[str, str]]:
        """Plain-text messages for judges: images appear as '[image]' where they were shown."""
        return [
            {"role": ROLE_MAP[t.role], "content": IMAGE_MARK * len(t.images) + t.text} for t in self.turns
        ]

    def image_bytes(self, image_id: str) -> tuple[bytes, str]:
        img = self.images[image_id]
        data = img.data if img.data is not None else Path(img.path or "").read_bytes()
        fmt = (img.format or "").lower() or (mimetypes.guess_type(img.path or "")[0] or "image/png").split(
            "/"
        )[-1]
        return data, f"image/{'jpeg' if fmt == 'jpg' else fmt}"

    def api_messages(self, *, send_images: bool = True, system: str | None = None) -> list[dict[str, Any]]:
        """OpenAI chat messages; images as data-URL `image_url` parts on the turn that showed them."""
        out: list[dict[str, Any]] = [{"role": "system", "content": system}] if system else []
        for t in self.turns:
            if send_images and t.images:
                parts: list[dict[str, Any]] = []
                for image_id in t.images:
                    data, mime = self.image_bytes(image_id)
                    url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
                    parts.append({"type": "image_url", "image_url": {"url": url}})
                parts.append({"type": "text", "text": t.text})
                out.append({"role": ROLE_MAP[t.role], "content": parts})
            else:
                text = t.text if send_images or not t.images else IMAGE_MARK * len(t.images) + t.text
                out.append({"role": ROLE_MAP[t.role], "content": text})
        return out

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "context": self.context(), "reference": self.reference}


def items_from_record(record: Record, cut: str = "last") -> list[BenchmarkItem]:
    """Benchmark items of one dialogue (none if it has no patient turn to answer)."""
    if cut not in ("last", "every"):
        raise ValueError("cut must be 'last' or 'every'")
    turns = [t for t in record.turns if t.role != "system"]
    images = {img.id: img for img in record.images}
    base = record.source.original_id or record.id
    cuts: list[int] = []  # index of the doctor turn answering the context before it
    for i, t in enumerate(turns):
        if t.role == "doctor" and i > 0 and turns[i - 1].role == "patient":
            cuts.append(i)
    items: list[BenchmarkItem] = []
    if not cuts and turns and turns[-1].role == "patient":
        items.append(BenchmarkItem(f"{base}", record.source.dataset, turns, None, images, dict(record.meta)))
    chosen = cuts[-1:] if cut == "last" else cuts
    for i in chosen:
        item_id = base if cut == "last" else f"{base}#{i}"
        items.append(
            BenchmarkItem(item_id, record.source.dataset, turns[:i], turns[i].text, images, dict(record.meta))
        )
    return items


def read_benchmark(
    fmt: str, path: str | Path, *, cut: str = "last", limit: int | None = None, **options: Any
) -> list[BenchmarkItem]:
    """Read benchmark items with the mediscope reader `fmt`; unreadable rows are logged and skipped."""
    from mediscope.io.registry import make_reader

    items: list[BenchmarkItem] = []
    skipped = 0
    for obj in make_reader(fmt, str(path), **options):
        if isinstance(obj, Rejection):
            skipped += 1
            log.warning("benchmark row skipped (%s): %s", obj.reason, obj.detail)
            continue
        items.extend(items_from_record(obj, cut))
        if limit is not None and len(items) >= limit:
            items = items[:limit]
            break
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"duplicate benchmark item id {item.id!r} in {path}; ids must be unique")
        seen.add(item.id)
    log.info("benchmark %s: %d items (%d rows skipped)", path, len(items), skipped)
    return items
