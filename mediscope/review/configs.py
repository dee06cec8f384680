"""The Label Studio labeling configs shipped in `annotation_configs/`, by review kind.

The XML files are the single source of truth for the UI; the code that builds tasks and reads
annotations refers to their control names (`decision`, `fix_{i}`, `phi`, `redaction`, one
`Choices` per judge dimension), so those names are constants here and a test checks them
against the XML.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Literal

ReviewKind = Literal["dialogue", "phi", "image", "pairwise"]

REVIEW_KINDS: dict[str, str] = {
    "dialogue": "dialogue_proofread.xml",
    "phi": "phi_span_review.xml",
    "image": "image_redaction_review.xml",
    "pairwise": "pairwise_comparison.xml",
}

# Reason taxonomy of the dialogue config (Choice aliases), in the order the UI shows them.
REASONS = ("medical_error", "phi_left", "unnatural", "wrong_role")
DECISIONS = ("accepted", "edited", "needs_fix", "rejected")
PAIRWISE_CHOICES = ("A", "tie", "B")


def config_dir() -> Path:
    """`annotation_configs/` at the repository root (override with MEDISCOPE_ANNOTATION_CONFIGS)."""
    env = os.environ.get("MEDISCOPE_ANNOTATION_CONFIGS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "annotation_configs"


def config_path(kind: str) -> Path:
    if kind not in REVIEW_KINDS:
        raise ValueError(f"unknown review kind {kind!r}; use one of {', '.join(REVIEW_KINDS)}")
    return config_dir() / REVIEW_KINDS[kind]


def load_config(kind: str) -> str:
    """The labeling XML for a review kind, with a clear error when the file is missing."""
    path = config_path(kind)
    if not path.is_file():
        raise FileNotFoundError(
            f"labeling config {path} not found; set MEDISCOPE_ANNOTATION_CONFIGS to the folder "
            "holding the annotation_configs/*.xml files"
        )
    return path.read_text(encoding="utf-8")


@cache
def choice_aliases(kind: str) -> dict[str, dict[str, str]]:
    """control name -> {shown value or alias -> alias} for every `Choices` of a config.

    Results store a choice's alias when it has one; mapping the shown value too means
    annotations made with an older copy of a config (or an export that kept values) still read.
    """
    import xml.etree.ElementTree as ET

    out: dict[str, dict[str, str]] = {}
    for node in ET.fromstring(load_config(kind)).iter("Choices"):
        mapping: dict[str, str] = {}
        for choice in node.iter("Choice"):
            value = choice.get("value", "")
            alias = choice.get("alias") or value
            mapping[value] = alias
            mapping[alias] = alias
        out[node.get("name", "")] = mapping
    return out


def normalize_choice(kind: str, control: str, value: str) -> str:
    return choice_aliases(kind).get(control, {}).get(value, value)
