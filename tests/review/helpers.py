"""Label Studio results as an expert's browser would submit them for our configs."""

from __future__ import annotations

from typing import Any


def choice(name: str, to_name: str, *values: str) -> dict[str, Any]:
    return {"from_name": name, "to_name": to_name, "type": "choices", "value": {"choices": list(values)}}


def text(name: str, to_name: str, value: str) -> dict[str, Any]:
    return {"from_name": name, "to_name": to_name, "type": "textarea", "value": {"text": [value]}}


def dialogue_result(
    decision: str, fixes: dict[int, str] | None = None, reasons: tuple[str, ...] = (), comment: str | None = None,
    turns: list[str] | None = None,
) -> list[dict[str, Any]]:
    """`turns`: the texts shown (pre-filled boxes are submitted unchanged unless fixed)."""
    out = [choice("decision", "dialogue", decision)]
    for i, shown in enumerate(turns or []):
        out.append(text(f"fix_{i}", f"turn_{i}", (fixes or {}).get(i, shown)))
    for i, new in (fixes or {}).items():
        if turns is None or i >= len(turns):
            out.append(text(f"fix_{i}", f"turn_{i}", new))
    if reasons:
        out.append(choice("reasons", "dialogue", *reasons))
    if comment:
        out.append(text("comment", "dialogue", comment))
    return out


def phi_result(decision: str, spans: list[tuple[int, int, str]], source: str) -> list[dict[str, Any]]:
    out = [choice("decision", "text", decision)]
    for n, (start, end, label) in enumerate(spans):
        out.append(
            {
                "id": f"e{n}",
                "from_name": "phi",
                "to_name": "text",
                "type": "labels",
                "value": {"start": start, "end": end, "text": source[start:end], "labels": [label]},
            }
        )
    return out


def box_result(decision: str, boxes: list[list[int]], width: int, height: int) -> list[dict[str, Any]]:
    out = [choice("decision", "image", decision)]
    for n, (x0, y0, x1, y1) in enumerate(boxes):
        out.append(
            {
                "id": f"r{n}",
                "from_name": "redaction",
                "to_name": "image",
                "type": "rectanglelabels",
                "original_width": width,
                "original_height": height,
                "value": {
                    "x": 100 * x0 / width, "y": 100 * y0 / height,
                    "width": 100 * (x1 - x0) / width, "height": 100 * (y1 - y0) / height,
                    "rotation": 0, "rectanglelabels": ["PHI"],
                },
            }
        )
    return out


def pairwise_result(**dims: str) -> list[dict[str, Any]]:
    """dims: dimension -> "A" | "tie" | "B"."""
    return [choice(dim, "context", v) for dim, v in dims.items()]
