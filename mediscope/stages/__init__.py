"""Stages: pure record-to-record steps driven by a runner (see `mediscope.stages.base`)."""

from mediscope.stages.base import Stage, StageConfig, StageResult

__all__ = ["Stage", "StageConfig", "StageResult"]
