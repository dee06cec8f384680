"""Async client for OpenAI-compatible endpoints, with cache, limits, accounting and prompts."""

from mediscope.llm.accounting import Usage
from mediscope.llm.cache import ResponseCache, cache_key
from mediscope.llm.client import (
    Completion,
    InvalidAnswer,
    JsonSchemaSpec,
    LLMClient,
    LLMConfigError,
    LLMError,
    LLMInvalidOutput,
    LLMRequestError,
    LLMUnavailable,
)
from mediscope.llm.config import LLMConfig, Price
from mediscope.llm.privacy import NOT_DEIDENTIFIED, PrivacyGateError, require_deidentified
from mediscope.llm.prompts import Prompt, load_prompt
from mediscope.llm.sync import run_sync

__all__ = [
    "Completion",
    "InvalidAnswer",
    "JsonSchemaSpec",
    "LLMClient",
    "LLMConfig",
    "LLMConfigError",
    "LLMError",
    "LLMInvalidOutput",
    "LLMRequestError",
    "LLMUnavailable",
    "NOT_DEIDENTIFIED",
    "Price",
    "PrivacyGateError",
    "Prompt",
    "ResponseCache",
    "Usage",
    "cache_key",
    "load_prompt",
    "require_deidentified",
    "run_sync",
]
