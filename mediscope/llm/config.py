"""LLM endpoint configuration: flags first, then environment, then defaults.

One config type serves every OpenAI-compatible server (OpenAI, Azure's v1 endpoint, vLLM,
Ollama, llama.cpp server). The API key is read from the environment only and held as a
`SecretStr`, so it never shows up in logs, reprs, provenance or config hashes.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field, SecretStr

KEY_ENV_VARS = ("MEDISCOPE_LLM_API_KEY", "OPENAI_API_KEY")


class Price(BaseModel):
    """Price of one model in currency units per million tokens."""

    model_config = ConfigDict(extra="forbid")

    input_per_mtok: float = Field(default=0.0, ge=0)
    output_per_mtok: float = Field(default=0.0, ge=0)


class LLMConfig(BaseModel):
    """Where and how to call the model. Everything here except the key is safe to log."""

    model_config = ConfigDict(extra="forbid")

    base_url: str = Field(
        default_factory=lambda: (
            os.environ.get("MEDISCOPE_LLM_BASE_URL")
            or os.environ.get("OPENAI_BASE_URL")
            or "https://api.openai.com/v1"
        ),
        description="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 for vLLM.",
    )
    model: str = Field(
        default_factory=lambda: os.environ.get("MEDISCOPE_LLM_MODEL") or "gpt-4o-mini",
        description="Model name as the endpoint knows it.",
    )
    api_key_env: list[str] = Field(
        default_factory=lambda: list(KEY_ENV_VARS),
        description="Environment variables tried in order for the API key.",
    )
    api_key_header: str | None = Field(
        default=None,
        description="Also send the key in this header (Azure OpenAI key auth uses 'api-key').",
    )
    headers: dict[str, str] = Field(default_factory=dict, description="Extra HTTP headers (no secrets here).")
    query: dict[str, str] = Field(
        default_factory=dict,
        description="Extra query parameters, e.g. {'api-version': '2024-10-21'} for Azure.",
    )
    concurrency: int = Field(default=16, ge=1, description="Most requests in flight at once.")
    rpm: float | None = Field(
        default=None, gt=0, description="Most requests started per minute (None = no limit)."
    )
    timeout: float = Field(default=120.0, gt=0, description="Seconds before one request times out.")
    max_retries: int = Field(default=5, ge=0, description="Retries on 429/5xx/time-outs/malformed answers.")
    backoff_base: float = Field(
        default=0.5, ge=0, description="First retry delay in seconds; doubles each time."
    )
    backoff_max: float = Field(
        default=30.0, ge=0, description="Cap on one retry delay (also on Retry-After)."
    )
    max_invalid_retries: int = Field(default=2, ge=0, description="Re-asks when an answer fails validation.")
    structured_output: str = Field(
        default="json_schema",
        pattern="^(json_schema|json_object|none)$",
        description="How to ask for JSON: strict JSON Schema, plain JSON mode, or prompt only.",
    )
    cache_dir: str | None = Field(
        default_factory=lambda: os.environ.get("MEDISCOPE_LLM_CACHE_DIR") or ".mediscope-cache/llm",
        description="Response cache folder (None disables caching).",
    )
    prices: dict[str, Price] = Field(
        default_factory=dict, description="Per-model prices; unknown models cost 0."
    )

    def api_key(self) -> SecretStr:
        """The key from the first set variable; local servers accept any key, so default 'EMPTY'."""
        for name in self.api_key_env:
            value = os.environ.get(name)
            if value:
                return SecretStr(value)
        return SecretStr("EMPTY")

    def price(self, model: str | None = None) -> Price:
        return self.prices.get(model or self.model, Price())

    def safe_summary(self) -> str:
        """A one-line description for logs and provenance: no key."""
        return f"model={self.model} base_url={self.base_url}"


def config_from_options(base: LLMConfig | None = None, **options: object) -> LLMConfig:
    """`base` (default: from environment) with the CLI options that were given (not None)."""
    cfg = base or LLMConfig()
    given = {k: v for k, v in options.items() if v is not None}
    return cfg.model_copy(update=LLMConfig.model_validate({**cfg.model_dump(), **given}).model_dump())
