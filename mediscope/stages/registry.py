"""Resolve a stage named in a pipeline YAML to its class.

Pipelines name stages either by a short alias (`deid`) or by an import path
(`mediscope.stages.deid.text:TextDeidStage`, also for third-party stages). Aliases map to import
paths, and modules are imported only when a pipeline uses them, so a curator without the
`train` or `ocr` extras can still run the other stages.
"""

from __future__ import annotations

import importlib

from mediscope.stages.base import Stage

STAGE_ALIASES: dict[str, str] = {
    "validate": "mediscope.stages.validate:ValidateStage",
    "deid": "mediscope.stages.deid.text:TextDeidStage",
    "image_deid": "mediscope.stages.deid.image:ImageDeidStage",
    "expand": "mediscope.stages.expand.stage:ExpandStage",
    "review_gate": "mediscope.stages.review.gate:ReviewGateStage",
    "filter": "mediscope.stages.filters.rules:QualityFilterStage",
    "dedup": "mediscope.stages.filters.dedup:DedupStage",
}


class StageNotFound(LookupError):
    pass


def resolve_stage(name: str) -> type[Stage]:
    """Return the Stage class for an alias or `module:Class` path, with a helpful error."""
    target = STAGE_ALIASES.get(name, name)
    if ":" not in target:
        known = ", ".join(sorted(STAGE_ALIASES))
        raise StageNotFound(f"unknown stage {name!r}; use one of: {known}, or 'package.module:Class'")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise StageNotFound(
            f"stage {name!r} needs module {module_name!r} which could not be imported ({exc}); "
            "is the matching extra installed (e.g. pip install 'mediscope[deid]')?"
        ) from exc
    try:
        cls = getattr(module, attr)
    except AttributeError as exc:
        raise StageNotFound(f"module {module_name!r} has no stage class {attr!r}") from exc
    if not (isinstance(cls, type) and issubclass(cls, Stage)):
        raise StageNotFound(f"{target} is not a mediscope Stage subclass")
    return cls
