"""Result types of the de-identification library.

They are plain dataclasses (not the pydantic `Span` of `mediscope.record`) because the engine is
called millions of times per corpus and by other components (image redactor, residual-PHI filter)
that only need offsets and types; the stage converts them into record spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# How a finding is replaced: realistic consistent fake, "<TYPE>", "****", date shift, removal,
# or left as is.
OperatorName = Literal["surrogate", "placeholder", "mask", "shift", "redact", "keep"]


@dataclass(frozen=True)
class PhiSpan:
    """One PHI finding. Offsets are in the ORIGINAL text; the PHI text itself is never stored."""

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str
    operator: str | None = None
    # Where the replacement sits in the de-identified text (set by `Deidentifier.apply`), so a
    # reviewer can be shown the span on the text they actually see.
    out_start: int | None = None
    out_end: int | None = None

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: PhiSpan) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class DeidResult:
    """A de-identified text and the spans (original offsets) that were replaced."""

    text: str
    spans: list[PhiSpan] = field(default_factory=list)
    lang: str = "und"

    @property
    def entity_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.spans:
            out[s.entity_type] = out.get(s.entity_type, 0) + 1
        return out


# Canonical entity types produced by the recognizers. Keeping one vocabulary for both languages
# means operators and evaluation are configured once.
PERSON = "PERSON"
DATE_TIME = "DATE_TIME"
PHONE_NUMBER = "PHONE_NUMBER"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
US_SSN = "US_SSN"
CN_ID_CARD = "CN_ID_CARD"
MEDICAL_RECORD_NUMBER = "MEDICAL_RECORD_NUMBER"
ACCOUNT_NUMBER = "ACCOUNT_NUMBER"
INSURANCE_ID = "INSURANCE_ID"
CREDIT_CARD = "CREDIT_CARD"
LOCATION = "LOCATION"
ZIP_CODE = "ZIP_CODE"
AGE = "AGE"
URL = "URL"
IP_ADDRESS = "IP_ADDRESS"
LICENSE_PLATE = "LICENSE_PLATE"
DEVICE_ID = "DEVICE_ID"
SOCIAL_HANDLE = "SOCIAL_HANDLE"
ID_NUMBER = "ID_NUMBER"

ALL_ENTITIES: tuple[str, ...] = (
    PERSON,
    DATE_TIME,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    US_SSN,
    CN_ID_CARD,
    MEDICAL_RECORD_NUMBER,
    ACCOUNT_NUMBER,
    INSURANCE_ID,
    CREDIT_CARD,
    LOCATION,
    ZIP_CODE,
    AGE,
    URL,
    IP_ADDRESS,
    LICENSE_PLATE,
    DEVICE_ID,
    SOCIAL_HANDLE,
    ID_NUMBER,
)
