"""Every labeling config is accepted by a real Label Studio server; a broken one is refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from mediscope.review.client import ReviewApiError
from mediscope.review.configs import DECISIONS, PAIRWISE_CHOICES, REASONS, REVIEW_KINDS, load_config
from mediscope.review.status import DIMENSIONS

pytestmark = pytest.mark.slow


def test_configs_validate_on_server(client) -> None:  # noqa: ANN001
    ids = {kind: client.ensure_project(f"cfg-{kind}", load_config(kind)) for kind in REVIEW_KINDS}
    assert len(set(ids.values())) == len(REVIEW_KINDS)
    # Reusing by title does not create a second project.
    assert client.ensure_project("cfg-dialogue", load_config("dialogue")) == ids["dialogue"]
    # The server really validates: a control pointing at a missing object tag is refused.
    broken = "<View><Text name='t' value='$t'/><Choices name='c' toName='nowhere'><Choice value='x'/></Choices></View>"
    with pytest.raises(ReviewApiError, match="HTTP 400"):
        client.ensure_project("cfg-broken", broken)


def _aliases(kind: str, control: str) -> list[str]:
    root = ET.fromstring(load_config(kind))
    node = next(n for n in root.iter("Choices") if n.get("name") == control)
    return [c.get("alias") or c.get("value") for c in node.iter("Choice")]


def test_config_control_names_match_the_code() -> None:
    assert set(_aliases("dialogue", "decision")) <= set(DECISIONS)
    assert tuple(_aliases("dialogue", "reasons")) == REASONS
    for kind in ("phi", "image"):
        assert set(_aliases(kind, "decision")) <= set(DECISIONS)
    for dim in DIMENSIONS:
        assert tuple(_aliases("pairwise", dim)) == PAIRWISE_CHOICES
    root = ET.fromstring(load_config("dialogue"))
    assert any(n.get("name") == "fix_{{idx}}" for n in root.iter("TextArea"))
