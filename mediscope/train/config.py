"""Training recipes: one pydantic model per trainer, loaded from ``train/*.yaml``.

Following TRL's habit (one config dataclass per trainer), a recipe names the model, the LoRA,
the published dataset and the trainer's own arguments. ``trainer`` holds keyword arguments that
go straight into TRL's ``SFTConfig`` / ``GRPOConfig``: the recipe does not re-declare TRL's
hundred options, it only sets the defaults this project relies on (assistant-only loss, LoRA
rank 64, bf16 on GPU) and validates what it owns. Unknown keys in our own sections are errors,
so a typo in a recipe fails before a GPU hour is spent.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DIMENSIONS = ("proactiveness", "accuracy", "usefulness", "language")
LANGUAGE_MODEL_TARGETS = r".*language_model.*\.(q|k|v|o|gate|up|down)_proj"


class ConfigError(ValueError):
    """A recipe that cannot run as written (missing key, inconsistent settings)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ModelSettings(_Strict):
    """Which Qwen2.5-VL checkpoint (local dir or hub name) and how to load it."""

    path: str = Field(description="Qwen2.5-VL checkpoint: a local directory or a hub name")
    dtype: Literal["auto", "bfloat16", "float16", "float32"] = "auto"
    attn_implementation: str | None = Field(None, description="e.g. sdpa, flash_attention_2; None = default")
    freeze_vision: bool = Field(True, description="keep the vision tower frozen (the paper trains the LLM)")
    min_pixels: int | None = Field(None, description="image processor lower bound (pixels)")
    max_pixels: int | None = Field(None, description="image processor upper bound (pixels); caps image tokens")


class LoraSettings(_Strict):
    """The LoRA: rank 64 on the language model's projections only."""

    r: int = Field(64, ge=1)
    alpha: int = Field(128, ge=1)
    dropout: float = Field(0.05, ge=0.0, lt=1.0)
    target_modules: str | list[str] = LANGUAGE_MODEL_TARGETS


class DataSettings(_Strict):
    """A published MediScope dataset folder (or hub name) and which part of it to train on."""

    path: str = Field(description="published HF dataset folder (train/validation/test Parquet + card)")
    split: str = "train"
    eval_split: str | None = Field(None, description="split to evaluate on, e.g. validation")
    kinds: list[str] | None = Field(None, description="keep only records of these kinds (e.g. qa, dialogue)")
    text_only: bool = Field(False, description="drop images (the text stage trains on text only)")
    max_samples: int | None = Field(None, ge=1, description="cap on rows (smoke runs)")
    shuffle_seed: int | None = 0


class _Recipe(_Strict):
    name: str
    model: ModelSettings
    lora: LoraSettings = LoraSettings()
    data: DataSettings
    adapter: str | None = Field(None, description="LoRA adapter of the previous stage to resume from")
    output_dir: str
    trainer: dict[str, Any] = Field(default_factory=dict, description="kwargs for TRL's trainer config")

    @classmethod
    def from_yaml(cls, path: str | Path, overrides: dict[str, Any] | None = None):
        """Load a recipe; ``overrides`` are dotted keys (``trainer.max_steps``) applied on top."""
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"recipe not found: {path}")
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(raw, dict):
            raise ValueError(f"recipe {path} must be a mapping, got {type(raw).__name__}")
        for key, value in (overrides or {}).items():
            _set_dotted(raw, key, value)
        return cls.model_validate(raw)


def _set_dotted(obj: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    for part in parents:
        obj = obj.setdefault(part, {})
        if not isinstance(obj, dict):
            raise ValueError(f"cannot set {dotted}: {part} is not a mapping")
    obj[leaf] = value


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``["trainer.max_steps=2", "model.path=/m"]`` -> dict, values parsed as YAML scalars."""
    out: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise ValueError(f"override {item!r} must look like key.sub=value")
        key, value = item.split("=", 1)
        parsed = yaml.safe_load(value)
        if isinstance(parsed, bool) and value.strip().lower() not in ("true", "false"):
            parsed = value.strip()  # YAML 1.1 reads no/off/yes/on as booleans; keep the word
        out[key.strip()] = parsed
    return out


def _fix_strategies(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``save_strategy: no`` in YAML arrives as False; TRL wants the string "no"."""
    for key, value in kwargs.items():
        if key.endswith("_strategy") and value is False:
            kwargs[key] = "no"
    return kwargs


class SFTRecipe(_Recipe):
    """Supervised fine-tuning (text stage, then multimodal stage resuming the text adapter)."""

    stage: Literal["sft"] = "sft"
    max_length: int | None = Field(4096, description="truncate sequences to this many tokens")

    def sft_kwargs(self) -> dict[str, Any]:
        """TRL ``SFTConfig`` kwargs: our defaults under the recipe's ``trainer`` section."""
        base: dict[str, Any] = {
            "output_dir": self.output_dir,
            "assistant_only_loss": True,
            "max_length": self.max_length,
            "per_device_train_batch_size": 1,
            "gradient_accumulation_steps": 8,
            "learning_rate": 1e-4,
            "lr_scheduler_type": "cosine",
            "warmup_steps": 0.03,
            "num_train_epochs": 1,
            "logging_steps": 10,
            "save_strategy": "epoch",
            "report_to": "none",
            "remove_unused_columns": False,
        }
        base.update(self.trainer)
        return _fix_strategies(base)


class JudgeSettings(_Strict):
    """The LLM judge (an OpenAI-compatible endpoint) used for rewards."""

    model: str = "gpt-4o"
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint; None = the client's default")
    api_key_env: str = "OPENAI_API_KEY"
    concurrency: int = Field(16, ge=1)
    cache_dir: str | None = Field(None, description="on-disk verdict cache; None = in-memory only")
    timeout_s: float = Field(60.0, gt=0)
    options: dict[str, Any] = Field(default_factory=dict, description="extra kwargs for the judge classes")


class RewardSettings(_Strict):
    """CRPO's reward: mean binary win against K counterparts over the four dimensions."""

    mode: Literal["crpo", "grpo-absolute"] = "crpo"
    k: int = Field(5, ge=1, description="number of counterpart responses each completion is compared with")
    dimensions: list[str] = Field(default_factory=lambda: list(DIMENSIONS))

    @field_validator("dimensions")
    @classmethod
    def _known(cls, dims: list[str]) -> list[str]:
        unknown = sorted(set(dims) - set(DIMENSIONS))
        if unknown or not dims:
            raise ValueError(f"dimensions must be a non-empty subset of {DIMENSIONS}; unknown: {unknown}")
        return dims


class CounterpartModel(_Strict):
    """One counterpart model whose responses are stored beside each prompt."""

    name: str = Field(description="label stored in the counterparts column")
    model: str = Field(description="model name sent to the endpoint")
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    temperature: float = 0.7
    max_tokens: int = 1024


class CounterpartsSettings(_Strict):
    """Where counterpart responses come from and where the augmented dataset goes."""

    models: list[CounterpartModel] = Field(default_factory=list)
    output: str | None = Field(None, description="dataset folder with the added column; None = next to data")
    concurrency: int = Field(8, ge=1)
    system_prompt: str | None = None
    cache_dir: str | None = Field(".mediscope-cache/llm", description="answer cache (resume); None = off")


class CRPORecipe(_Recipe):
    """CRPO: GRPO whose reward is judged against stored counterpart responses."""

    stage: Literal["crpo"] = "crpo"
    judge: JudgeSettings = JudgeSettings()
    reward: RewardSettings = RewardSettings()
    counterparts: CounterpartsSettings = CounterpartsSettings()
    max_prompt_turns: int | None = Field(None, description="keep only the last N context messages")

    @model_validator(mode="after")
    def _enough_counterparts(self) -> CRPORecipe:
        if self.reward.mode == "crpo" and self.counterparts.models and len(self.counterparts.models) < self.reward.k:
            raise ValueError(
                f"reward.k={self.reward.k} but only {len(self.counterparts.models)} counterpart models are listed"
            )
        return self

    def grpo_kwargs(self) -> dict[str, Any]:
        """TRL ``GRPOConfig`` kwargs: our defaults under the recipe's ``trainer`` section."""
        base: dict[str, Any] = {
            "output_dir": self.output_dir,
            "per_device_train_batch_size": 8,
            "num_generations": 8,
            "max_completion_length": 512,
            "learning_rate": 1e-5,
            "beta": 0.0,
            "logging_steps": 1,
            "save_strategy": "steps",
            "save_steps": 100,
            "report_to": "none",
            "remove_unused_columns": False,
        }
        base.update(self.trainer)
        return _fix_strategies(base)


def load_recipe(path: str | Path, overrides: dict[str, Any] | None = None) -> SFTRecipe | CRPORecipe:
    """Load either recipe kind, dispatching on its ``stage`` key."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if Path(path).is_file() else None
    if raw is None:
        raise FileNotFoundError(f"recipe not found or empty: {path}")
    stage = raw.get("stage", "sft") if isinstance(raw, dict) else None
    cls = {"sft": SFTRecipe, "crpo": CRPORecipe}.get(stage)
    if cls is None:
        raise ValueError(f"recipe {path}: unknown stage {stage!r} (expected sft or crpo)")
    return cls.from_yaml(path, overrides)


def require_api_key(base_url: str | None, api_key_env: str, who: str) -> None:
    """Fail before training if a hosted endpoint's key is missing (local servers need none).

    Without this, a missing key surfaces as a 401 inside the first GRPO step, after the model
    has loaded; with ``base_url`` unset the client talks to the hosted OpenAI API.
    """
    hosted = base_url is None or "api.openai.com" in base_url
    if hosted and not os.environ.get(api_key_env) and not os.environ.get("MEDISCOPE_LLM_BASE_URL"):
        raise ConfigError(
            f"{who}: no API key in ${api_key_env} for the hosted endpoint; set it, or set base_url "
            "to your own OpenAI-compatible server"
        )
