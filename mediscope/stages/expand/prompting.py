"""Build the expand request for one record: which prompt, and what material to show.

Only de-identified free text is sent: turn texts and report texts (what `Record.texts()` lists
and de-identification covers). Image names, file paths and `meta` are not sent, except meta keys
the config explicitly allows (e.g. a department), because de-identification does not cover them.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from mediscope.llm.prompts import Prompt, load_prompt
from mediscope.record import Record

SOURCE_KINDS = ("consultation", "report", "image")


def source_kind(record: Record) -> str:
    """Which prompt fits: 'image' for image/VQA records, 'report' for reports, else consultation."""
    if record.kind in ("image", "vqa"):
        return "image"
    if record.kind == "report" or (record.reports and not record.turns):
        return "report"
    if record.images and not record.turns and not record.reports:
        return "image"
    return "consultation"


def image_descriptions(record: Record) -> list[dict[str, Any]]:
    """What the model knows about each image: its index and where the source showed it."""
    out = []
    for index, img in enumerate(record.images):
        where = []
        for t_i, turn in enumerate(record.turns):
            if img.id in turn.images:
                where.append(f"shown by the {turn.role} in source turn {t_i}")
        for r_i, rep in enumerate(record.reports):
            if rep.image == img.id:
                where.append(f"image of report {r_i} ({rep.kind})")
        out.append({"index": index, "description": "; ".join(where) or "attached image"})
    return out


def material(record: Record, meta_keys: list[str]) -> dict[str, Any]:
    mat: dict[str, Any] = {}
    if record.turns:
        mat["turns"] = [{"role": t.role, "text": t.text} for t in record.turns]
    if record.reports:
        mat["reports"] = [{"kind": r.kind, "text": r.text} for r in record.reports if r.text]
    extras = {
        k: record.meta[k]
        for k in meta_keys
        if k in record.meta and isinstance(record.meta[k], str | int | float)
    }
    if extras:
        mat["context"] = extras
    return mat


def image_parts(record: Record) -> list[dict[str, Any]]:
    """The record's images as OpenAI `image_url` parts (data URLs), in index order."""
    parts = []
    for img in record.images:
        data = img.data if img.data is not None else Path(img.path or "").read_bytes()
        fmt = (img.format or "png").lower()
        mime = "image/jpeg" if fmt in ("jpg", "jpeg") else f"image/{fmt}"
        url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        parts.append({"type": "image_url", "image_url": {"url": url}})
    return parts


def build_messages(
    record: Record,
    *,
    kind: str,
    prompt: Prompt,
    lang: str,
    target_turns: int,
    meta_keys: list[str],
    send_images: bool = False,
) -> list[dict[str, Any]]:
    payload = {
        "task": "expand",
        "source_kind": kind,
        "language": lang,
        "target_turns": target_turns,
        "images": image_descriptions(record),
        "material": material(record, meta_keys),
    }
    text = json.dumps(payload, ensure_ascii=False)
    content: str | list[dict[str, Any]] = text
    if send_images and record.images:
        content = [{"type": "text", "text": text}, *image_parts(record)]
    return [{"role": "system", "content": prompt.text}, {"role": "user", "content": content}]


def prompts_for(versions: dict[str, int | None]) -> dict[str, Prompt]:
    return {kind: load_prompt(f"expand_{kind}", versions.get(kind)) for kind in SOURCE_KINDS}
