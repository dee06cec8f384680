"""Records -> Label Studio tasks (data + pre-annotations), one builder per review kind.

Every task carries `key` (unique per project: the record id, plus the field or image for PHI and
image review) and `record_id`, which is how pulled annotations find their record again. The
pre-annotations ("predictions") are what the pipeline produced: the current text of each turn in
its correction box, the de-identifier's spans, the redaction boxes. An expert who agrees changes
nothing; every difference the expert makes is a correction.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mediscope.record import DeidStatus, Record, Span

log = logging.getLogger(__name__)

ROLE_NAMES = {
    "zh": {"patient": "患者", "doctor": "医生", "system": "系统"},
    "en": {"patient": "Patient", "doctor": "Doctor", "system": "System"},
}
PHI_LABELS = (
    "PERSON", "LOCATION", "DATE_TIME", "PHONE_NUMBER", "EMAIL_ADDRESS", "ID",
    "MEDICAL_RECORD_NUMBER", "ORGANIZATION", "AGE", "URL", "OTHER_PHI",
)  # fmt: skip
IMAGE_SUBDIR = "mediscope-review"


def role_name(role: str, lang: str) -> str:
    return ROLE_NAMES.get(lang, ROLE_NAMES["en"]).get(role, role)


# One model version for every pre-annotation: Label Studio pre-labels tasks from the predictions
# of the project's model version, so per-record versions would leave tasks without pre-labels.
MODEL_VERSION = "mediscope"


def model_version(record: Record) -> str:
    return MODEL_VERSION


def pipeline_version(record: Record) -> str:
    """The last stage that touched the record, kept in the task data for traceability."""
    if record.provenance:
        last = record.provenance[-1]
        return f"{last.stage}-{last.version}-{last.config_hash}"
    return "-"


def dialogue_task(record: Record) -> tuple[str, dict[str, Any]]:
    names = [role_name(t.role, record.lang) for t in record.turns]
    turns = []
    for i, (turn, name) in enumerate(zip(record.turns, names, strict=True)):
        shown = turn.text + "".join(f" [image {ref}]" for ref in turn.images)
        turns.append({"role": turn.role, "text": turn.text, "label": f"[{i}] {name}: {shown}"})
    reports = "\n".join(f"[{r.kind}] {r.text}" for r in record.reports if r.text) or "-"
    data = {
        "key": record.id,
        "record_id": record.id,
        "dialogue": [{"author": n, "text": t["text"]} for n, t in zip(names, turns, strict=True)],
        "turns": turns,
        "reports_text": reports,
        "pipeline": pipeline_version(record),
    }
    result = [
        {"from_name": f"fix_{i}", "to_name": f"turn_{i}", "type": "textarea", "value": {"text": [turn.text]}}
        for i, turn in enumerate(record.turns)
    ]
    return record.id, {"data": data, "predictions": [{"model_version": model_version(record), "result": result}]}


def spans_describe_text(record: Record) -> bool:
    """Whether span offsets (`start`/`end`) point into the record's current text.

    The de-identifier records offsets in the *original* text; once it has replaced PHI
    (status passed/failed) those offsets no longer fit the text an expert sees. Before
    replacement (status pending: detection-only runs, or review-before-redaction) they fit.
    """
    return record.deid.status == DeidStatus.pending


def _drawn_offsets(record: Record, span: Span) -> tuple[int, int] | None:
    """Where to draw a span on the text the expert sees, or None when it cannot be placed.

    Pending records show the original text, so the detector's offsets fit. De-identified
    records show the replaced text: a span is drawn over its replacement (`out_start`/`out_end`,
    filled by the de-identifier), and not at all when those are missing (older runs) or empty
    (a redacted span has nothing left to show).
    """
    if spans_describe_text(record):
        return span.start, span.end
    if span.out_start is None or span.out_end is None or span.out_end <= span.out_start:
        return None
    return span.out_start, span.out_end


def phi_tasks(record: Record, only_with_spans: bool = False) -> list[tuple[str, dict[str, Any]]]:
    """One task per text field, the PHI spans pre-drawn on the text as it is shown.

    `data.spans_drawn` tells the merge whether the drawn offsets are the record's span offsets
    (pending records: the expert's set replaces the detector's). On de-identified text the
    drawn regions are the replacements; `data.replacements` lists them ([start, end, label] in
    the shown text) so that only marks outside them count as PHI left behind.
    """
    out = []
    draw_original = spans_describe_text(record)
    for field_name, text in record.texts():
        spans = [s for s in record.deid.spans if s.field == field_name]
        if only_with_spans and not spans:
            continue
        result = []
        replacements: list[list[Any]] = []
        for n, span in enumerate(spans):
            where = _drawn_offsets(record, span)
            if where is None:
                continue
            start, end = where
            if end > len(text) or start >= end:
                log.warning("record %s %s: span %d-%d outside the text, not drawn", record.id, field_name, start, end)
                continue
            label = span.entity_type if span.entity_type in PHI_LABELS else "OTHER_PHI"
            result.append(
                {
                    "id": f"s{n}",
                    "from_name": "phi",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
                }
            )
            if not draw_original:
                replacements.append([start, end, label])
        key = f"{record.id}|{field_name}"
        data = {
            "key": key,
            "record_id": record.id,
            "field": field_name,
            "text": text,
            "spans_drawn": draw_original,
            "drawn_on": "original" if draw_original else "deidentified",
            "replacements": replacements,
            "pipeline": pipeline_version(record),
        }
        out.append((key, {"data": data, "predictions": [{"model_version": model_version(record), "result": result}]}))
    return out


@dataclass
class ImageServing:
    """Where review images are written so Label Studio's local-files storage can serve them."""

    document_root: Path

    @property
    def folder(self) -> Path:
        return self.document_root / IMAGE_SUBDIR

    def publish(self, record: Record, image_id: str) -> str:
        """Write (or copy) the image under the document root; return its task URL."""
        img = record.image(image_id)
        suffix = (img.format or "png").lower().replace("jpeg", "jpg")
        target = self.folder / f"{img.sha256}.{suffix}"
        if not target.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(target.suffix + ".tmp")
            if img.data is not None:
                tmp.write_bytes(img.data)
            elif img.path is not None and Path(img.path).is_file():
                shutil.copyfile(img.path, tmp)
            else:
                raise FileNotFoundError(f"record {record.id} image {image_id}: no data and {img.path!r} is not a file")
            tmp.replace(target)
        rel = target.relative_to(self.document_root).as_posix()
        return f"/data/local-files/?d={quote(rel)}"


def image_tasks(record: Record, serving: ImageServing) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for i, img in enumerate(record.images):
        field_name = f"images[{i}]"
        result = []
        for n, span in enumerate(s for s in record.deid.spans if s.field == field_name and s.box):
            x0, y0, x1, y1 = span.box  # type: ignore[misc]
            result.append(
                {
                    "id": f"b{n}",
                    "from_name": "redaction",
                    "to_name": "image",
                    "type": "rectanglelabels",
                    "original_width": img.width,
                    "original_height": img.height,
                    "image_rotation": 0,
                    "value": {
                        "x": 100.0 * x0 / img.width,
                        "y": 100.0 * y0 / img.height,
                        "width": 100.0 * (x1 - x0) / img.width,
                        "height": 100.0 * (y1 - y0) / img.height,
                        "rotation": 0,
                        "rectanglelabels": ["PHI"],
                    },
                }
            )
        key = f"{record.id}|{field_name}"
        data = {
            "key": key,
            "record_id": record.id,
            "field": field_name,
            "image_id": img.id,
            "image": serving.publish(record, img.id),
            "width": img.width,
            "height": img.height,
            "pipeline": pipeline_version(record),
        }
        out.append((key, {"data": data, "predictions": [{"model_version": model_version(record), "result": result}]}))
    return out


def build_tasks(
    record: Record, kind: str, *, serving: ImageServing | None = None, only_with_spans: bool = False
) -> list[tuple[str, dict[str, Any]]]:
    """All tasks of one record for a review kind, as (key, task) pairs."""
    if kind == "dialogue":
        return [dialogue_task(record)]
    if kind == "phi":
        return phi_tasks(record, only_with_spans=only_with_spans)
    if kind == "image":
        if serving is None:
            raise ValueError("image review needs a document root (--document-root) to serve images from")
        return image_tasks(record, serving)
    raise ValueError(f"records cannot be pushed as {kind!r} tasks; use dialogue, phi or image")
