"""Training on published MediScope datasets: SFT (text, then multimodal) and CRPO.

Importing this package is cheap: torch, transformers, TRL and PEFT load inside the functions
that need them, so `mediscope --help` stays instant on a curator's machine. This package reads
only published datasets and the judge; it never imports curation stages.
"""

from mediscope.train.config import (
    CRPORecipe,
    DataSettings,
    JudgeSettings,
    LoraSettings,
    ModelSettings,
    RewardSettings,
    SFTRecipe,
    load_recipe,
)

__all__ = [
    "CRPORecipe",
    "DataSettings",
    "JudgeSettings",
    "LoraSettings",
    "ModelSettings",
    "RewardSettings",
    "SFTRecipe",
    "load_recipe",
]
