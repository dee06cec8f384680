"""The one record type that flows through every stage.

`schemas/record.schema.json` is the published contract; this module is its typed mirror and the
schema file is generated from it (`mediscope schema`), with a test that fails when the two drift.
Keeping a single pydantic model (rather than per-stage dicts) means every stage validates what it
receives and every writer emits the same shape, so a curator can open any shard of any run.

Design rules that matter for privacy and reproducibility:
- spans record *where* PHI was and what replaced it, never the original PHI text;
- provenance is append-only: each stage adds one entry with its version and config hash, so a
  published row can be traced back to the exact configuration that produced it;
- `case_id` groups records of one patient/case so splits never leak a patient across them.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

SCHEMA_VERSION = "1.0"

Role = Literal["patient", "doctor", "system"]
RecordKind = Literal["dialogue", "qa", "consultation", "report", "image", "vqa"]


class _Model(BaseModel):
    """Base for all record parts: unknown keys are errors, so typos in readers fail loudly."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Source(_Model):
    """Where a record came from, precise enough to find the original row again."""

    dataset: str = Field(description="Reader/format name, e.g. 'cmtmedqa', 'meddiagnose'.")
    file: str | None = Field(default=None, description="Input file path as given to the reader.")
    row: int | None = Field(default=None, description="0-based row/line/item index in the file.")
    original_id: str | None = Field(default=None, description="The id the source itself used.")


class ProvenanceEntry(_Model):
    """One stage's mark on a record: which code, which config, when."""

    stage: str
    version: str
    config_hash: str
    at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    note: str | None = None


class Image(_Model):
    """An image attached to a record, addressed by a content hash.

    Either `path` (a file the pipeline can read) or `data` (the encoded bytes) is set. Width and
    height are measured when the image is read, so filters never have to decode it again.
    """

    id: str = Field(description="Stable id used by turns/reports to reference this image.")
    path: str | None = None
    data: bytes | None = Field(default=None, description="Encoded image bytes (base64 in JSON).")
    sha256: str
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    format: str | None = Field(default=None, description="PNG, JPEG, ... as decoded by Pillow.")
    name: str | None = Field(default=None, description="Original file name (may be de-identified).")

    @field_serializer("data", when_used="json")
    def _data_b64(self, value: bytes | None) -> str | None:
        return None if value is None else base64.b64encode(value).decode("ascii")

    @field_validator("data", mode="before")
    @classmethod
    def _data_from_b64(cls, value: Any) -> Any:
        if isinstance(value, str):
            return base64.b64decode(value.encode("ascii"), validate=True)
        return value

    @model_validator(mode="after")
    def _has_content(self) -> Image:
        if self.path is None and self.data is None:
            raise ValueError("an image needs a path or data")
        return self


class Turn(_Model):
    """One utterance of the dialogue; `images` lists ids from `Record.images` shown on this turn."""

    role: Role
    text: str
    images: list[str] = Field(default_factory=list)


class Report(_Model):
    """A lab/imaging/pathology report: text, an image of it, or both (OCR text after de-id)."""

    kind: str = Field(default="report", description="lab, imaging, pathology, discharge, ...")
    text: str | None = None
    image: str | None = Field(default=None, description="Id of the report's image, if any.")


class DeidStatus(str, Enum):
    pending = "pending"
    passed = "passed"
    failed = "failed"


class Span(_Model):
    """A PHI finding. The original text is deliberately not stored."""

    field: str = Field(description="Where: 'turns[2].text', 'reports[0].text', 'images[0]'.")
    start: int = Field(ge=0, description="Start offset in the original text (or 0 for images).")
    end: int = Field(ge=0)
    entity_type: str
    score: float = Field(ge=0.0, le=1.0)
    recognizer: str | None = None
    operator: str | None = Field(default=None, description="replace/surrogate/mask/shift/redact.")
    box: list[int] | None = Field(default=None, description="[x0, y0, x1, y1] for image spans.")
    out_start: int | None = Field(
        default=None, ge=0, description="Start of the replacement in the de-identified text (for review)."
    )
    out_end: int | None = Field(default=None, ge=0, description="End of the replacement in the de-identified text.")


class Deid(_Model):
    status: DeidStatus = DeidStatus.pending
    spans: list[Span] = Field(default_factory=list)
    engine: str | None = Field(default=None, description="De-identifier name and version.")
    detail: str | None = None


class ReviewStatus(str, Enum):
    pending = "pending"
    accepted = "accepted"
    edited = "edited"
    needs_fix = "needs_fix"
    rejected = "rejected"


class Edit(_Model):
    """An expert's correction: the original is kept so the change can be audited or reverted."""

    field: str
    original: str
    new: str
    reviewer: str | None = None


class Review(_Model):
    status: ReviewStatus = ReviewStatus.pending
    reviewers: list[str] = Field(default_factory=list)
    edits: list[Edit] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    task_id: int | None = None
    comment: str | None = None


class Score(_Model):
    name: str
    value: float


class Quality(_Model):
    scores: list[Score] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    reject_reason: str | None = None


class Record(_Model):
    """A unit of the corpus: a dialogue (possibly with images and reports) of one case."""

    schema_version: str = SCHEMA_VERSION
    id: str
    kind: RecordKind = "dialogue"
    source: Source
    lang: str = Field(default="und", description="ISO 639-1 ('zh', 'en'), 'mixed' or 'und'.")
    case_id: str = Field(description="Patient/case key; all records of a case share one split.")
    turns: list[Turn] = Field(default_factory=list)
    reports: list[Report] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    deid: Deid = Field(default_factory=Deid)
    review: Review = Field(default_factory=Review)
    quality: Quality = Field(default_factory=Quality)
    provenance: list[ProvenanceEntry] = Field(default_factory=list)
    meta: dict[str, Any] = Field(
        default_factory=dict, description="Source-specific extras (department, category, ...)."
    )

    @model_validator(mode="after")
    def _image_refs_resolve(self) -> Record:
        known = {img.id for img in self.images}
        for i, turn in enumerate(self.turns):
            for ref in turn.images:
                if ref not in known:
                    raise ValueError(f"turns[{i}] references unknown image id {ref!r}")
        for i, rep in enumerate(self.reports):
            if rep.image is not None and rep.image not in known:
                raise ValueError(f"reports[{i}] references unknown image id {rep.image!r}")
        return self

    def image(self, image_id: str) -> Image:
        """Look up an attached image by id."""
        for img in self.images:
            if img.id == image_id:
                return img
        raise KeyError(image_id)

    def texts(self) -> list[tuple[str, str]]:
        """All free-text fields as (field path, text): what de-identification must cover."""
        out = [(f"turns[{i}].text", t.text) for i, t in enumerate(self.turns)]
        out += [(f"reports[{i}].text", r.text) for i, r in enumerate(self.reports) if r.text]
        return out

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, line: str | bytes) -> Record:
        return cls.model_validate_json(line)


def stable_id(*parts: object) -> str:
    """A short deterministic id from source coordinates, so re-ingesting gives the same ids."""
    h = hashlib.sha256(json.dumps([str(p) for p in parts], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:16]


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema written to `schemas/record.schema.json`."""
    schema = Record.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://mediscope.dev/schemas/record.schema.json"
    schema["title"] = "MediScope record"
    return schema
