"""Record -> published row, in TRL's conversational vision format (the contract with `train`).

patient -> user, doctor -> assistant, system -> system. An image shown on a turn becomes a
`{"type": "image", "text": None}` placeholder placed before that turn's text, and its bytes go to
the `images` column in placeholder order, which is how TRL's VLM collator pairs them. Reports are
not turns: their texts go to `meta["reports"]`; a report image that no turn shows is not
published (the schema pairs every image with a placeholder in a turn).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mediscope.record import Record

ROLE_MAP = {"patient": "user", "doctor": "assistant", "system": "system"}


def features():  # type: ignore[no-untyped-def]
    """The `datasets.Features` of a published split (imported lazily: `datasets` is heavy)."""
    import datasets as ds

    return ds.Features(
        {
            "id": ds.Value("string"),
            "case_id": ds.Value("string"),
            "lang": ds.Value("string"),
            "kind": ds.Value("string"),
            "source": ds.Value("string"),
            "messages": ds.List(
                {
                    "role": ds.Value("string"),
                    "content": ds.List({"type": ds.Value("string"), "text": ds.Value("string")}),
                }
            ),
            "images": ds.Sequence(ds.Image()),
            "n_turns": ds.Value("int32"),
            "meta": ds.Value("string"),
        }
    )


def _image_bytes(rec: Record, image_id: str, base_dir: Path | None) -> bytes:
    img = rec.image(image_id)
    if img.data is not None:
        return img.data
    path = Path(img.path or "")
    if not path.is_absolute() and base_dir is not None and not path.exists():
        path = base_dir / path
    return path.read_bytes()


def record_to_row(rec: Record, *, image_base_dir: Path | None = None) -> dict[str, Any]:
    """One dataset row. Image file names are never published (they can carry PHI)."""
    messages: list[dict[str, Any]] = []
    images: list[dict[str, Any]] = []
    for turn in rec.turns:
        content: list[dict[str, Any]] = []
        for image_id in turn.images:
            content.append({"type": "image", "text": None})
            images.append({"bytes": _image_bytes(rec, image_id, image_base_dir), "path": None})
        content.append({"type": "text", "text": turn.text})
        messages.append({"role": ROLE_MAP[turn.role], "content": content})
    # Keys starting with "_" are pipeline-internal (e.g. the residual-PHI baseline): not published.
    meta = {k: v for k, v in rec.meta.items() if not k.startswith("_")}
    if rec.reports:
        meta["reports"] = [{"kind": r.kind, "text": r.text} for r in rec.reports if r.text]
    if rec.quality.scores:
        meta["quality"] = {s.name: s.value for s in rec.quality.scores}
    meta["review_status"] = rec.review.status.value
    return {
        "id": rec.id,
        "case_id": rec.case_id,
        "lang": rec.lang,
        "kind": rec.kind,
        "source": rec.source.dataset,
        "messages": messages,
        "images": images,
        "n_turns": len(rec.turns),
        "meta": json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str),
    }


def row_nbytes(row: dict[str, Any]) -> int:
    """Rough encoded size of a row, used to bound Parquet shard sizes before writing."""
    n = sum(len(img["bytes"]) for img in row["images"])
    n += len(row["meta"].encode("utf-8"))
    for m in row["messages"]:
        for c in m["content"]:
            if c["text"]:
                n += len(c["text"].encode("utf-8"))
    return n + 200
