"""The privacy gate: nothing that has not passed de-identification may leave the machine.

Every code path that sends record content off the machine (LLM calls, a remote Label Studio,
publishing) goes through this module, so the rule is enforced in one place rather than trusted
to each caller.
"""

from __future__ import annotations

from mediscope.record import DeidStatus, Record

NOT_DEIDENTIFIED = "not_deidentified"


class PrivacyGateError(Exception):
    """A record that has not passed de-identification was about to be sent."""

    reason = NOT_DEIDENTIFIED


IMAGE_DEID_STAGE = "image_deid"


def require_deidentified(record: Record, *, with_images: bool = False) -> None:
    """Raise unless `record.deid.status` is `passed`.

    `with_images`: the caller is about to send the record's images too. Text de-identification
    alone sets `passed` but never looks at pixels, so images additionally require that the
    image de-identification stage (OCR redaction, metadata stripping) ran on this record.
    """
    status = record.deid.status
    if status != DeidStatus.passed:
        value = status.value if isinstance(status, DeidStatus) else str(status)
        raise PrivacyGateError(f"record {record.id} has de-identification status {value!r}, not 'passed'")
    if with_images and not images_deidentified(record):
        raise PrivacyGateError(
            f"record {record.id} has {len(record.images)} image(s) that did not pass image de-identification "
            f"(no '{IMAGE_DEID_STAGE}' stage in its provenance)"
        )


def images_deidentified(record: Record) -> bool:
    """True when the record has no images or the image de-identification stage ran on it."""
    return not record.images or any(p.stage == IMAGE_DEID_STAGE for p in record.provenance)


def messages_have_images(messages: object) -> bool:
    """Whether chat messages carry image parts (OpenAI `image_url` content)."""
    if not isinstance(messages, list):
        return False
    for msg in messages:
        content = msg.get("content") if isinstance(msg, dict) else None
        if isinstance(content, list) and any(
            isinstance(part, dict) and part.get("type") in ("image_url", "input_image", "image") for part in content
        ):
            return True
    return False
