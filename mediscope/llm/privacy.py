"""The privacy gate as seen from the LLM client (it lives in `mediscope.privacy`)."""

from mediscope.privacy import (
    IMAGE_DEID_STAGE,
    NOT_DEIDENTIFIED,
    PrivacyGateError,
    images_deidentified,
    messages_have_images,
    require_deidentified,
)

__all__ = [
    "IMAGE_DEID_STAGE",
    "NOT_DEIDENTIFIED",
    "PrivacyGateError",
    "images_deidentified",
    "messages_have_images",
    "require_deidentified",
]
