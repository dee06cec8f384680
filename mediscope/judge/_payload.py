"""The judge's request payloads: one JSON object in the user message, the rubric as system prompt."""

from __future__ import annotations

import json
from typing import Any

Context = list[dict[str, Any]]


def plain_context(context: Context) -> list[dict[str, str]]:
    """Normalise messages to {role, content: str}; content parts become text, images '[image]'."""
    out = []
    for msg in context:
        content = msg.get("content")
        if isinstance(content, list):
            parts = []
            for part in content:
                if isinstance(part, dict) and part.get("type") == "text":
                    parts.append(str(part.get("text") or ""))
                elif isinstance(part, dict) and part.get("type") in ("image", "image_url"):
                    parts.append("[image]")
            content = "".join(parts)
        out.append({"role": str(msg.get("role", "user")), "content": str(content or "")})
    return out


def pairwise_payload(context: Context, first: str, second: str) -> str:
    return json.dumps(
        {
            "task": "pairwise_judge",
            "dialogue": plain_context(context),
            "response_A": first,
            "response_B": second,
        },
        ensure_ascii=False,
    )


def absolute_payload(context: Context, response: str) -> str:
    return json.dumps(
        {"task": "absolute_judge", "dialogue": plain_context(context), "response": response},
        ensure_ascii=False,
    )
