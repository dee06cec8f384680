"""`ExpandStage` (alias `expand`): one LLM call per record turns it into a multi-turn dialogue.

Per record: privacy gate (only `deid.status == passed` is ever sent), pick the prompt for the
source kind, sample a target length, ask for a dialogue under a strict JSON Schema, validate it
(schema + `checks.check_dialogue`), re-ask on invalid answers, and map image indices back to the
record's image ids. Outcomes: kept (turns replaced, `kind="dialogue"`), or rejected with
`not_deidentified`, `nothing_to_expand`, `llm_invalid_output`, `llm_unavailable` (re-run later:
cached calls are free) or `llm_request_failed`. Auth/model errors abort the run: every record
would fail the same way.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, ClassVar

from pydantic import Field

from mediscope.llm.client import (
    JsonSchemaSpec,
    LLMClient,
    LLMError,
    LLMInvalidOutput,
    LLMRequestError,
    LLMUnavailable,
)
from mediscope.llm.config import LLMConfig
from mediscope.llm.privacy import NOT_DEIDENTIFIED, PrivacyGateError, require_deidentified
from mediscope.llm.prompts import Prompt
from mediscope.llm.schemas import DialogueAnswer, strict_json_schema
from mediscope.llm.sync import run_sync
from mediscope.record import Record, Turn
from mediscope.rejects import Rejection
from mediscope.stages.base import Stage, StageConfig, StageResult
from mediscope.stages.expand.checks import check_dialogue, detect_lang
from mediscope.stages.expand.prompting import build_messages, prompts_for, source_kind
from mediscope.stages.expand.turns import DEFAULT_BINS, TurnBin, sample_turns

log = logging.getLogger(__name__)

NOTHING_TO_EXPAND = "nothing_to_expand"


class ExpandConfig(StageConfig):
    llm: LLMConfig = Field(default_factory=LLMConfig, description="Endpoint, model, limits, cache.")
    turns: list[TurnBin] = Field(
        default_factory=lambda: list(DEFAULT_BINS), description="Target length bins."
    )
    tolerance: int = Field(default=2, ge=0, description="Accepted distance from the target turn count.")
    seed: int = Field(default=0, description="Seed for target lengths (per record id).")
    temperature: float | None = Field(default=0.7, ge=0, le=2)
    max_tokens: int | None = Field(default=4096, ge=1)
    prompt_versions: dict[str, int | None] = Field(
        default_factory=dict, description="Pin prompt versions per source kind (default: newest)."
    )
    send_images: bool = Field(
        default=False,
        description="Attach the record's images to the request (needs a vision model; images must have "
        "passed image de-identification, which the record's deid status covers).",
    )
    meta_keys: list[str] = Field(
        default_factory=lambda: ["department", "category"],
        description="Record.meta keys safe to show the model (meta is not de-identified).",
    )


class ExpandStage(Stage[ExpandConfig]):
    name: ClassVar[str] = "expand"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = ExpandConfig

    def __init__(
        self, config: ExpandConfig | dict[str, Any] | None = None, *, client: LLMClient | None = None
    ):
        super().__init__(config)
        self._client = client
        self._prompts: dict[str, Prompt] = {}
        self._notes: dict[str, str] = {}
        self._schema = JsonSchemaSpec("dialogue", strict_json_schema(DialogueAnswer))

    def setup(self) -> None:
        self._prompts = prompts_for(self.config.prompt_versions)
        if self._client is None:
            self._client = LLMClient(self.config.llm)
        log.info(
            "expand: %s, prompts %s", self.config.llm.safe_summary(), [p.ref for p in self._prompts.values()]
        )

    def teardown(self) -> None:
        if self._client is not None:
            log.info("expand LLM usage: %s", self._client.usage.as_dict())
            run_sync(self._client.aclose())

    @property
    def client(self) -> LLMClient:
        self.ensure_setup()
        assert self._client is not None
        return self._client

    def __call__(self, batch: list[Record]) -> StageResult:
        """As the base, plus the per-record prompt version and model in the provenance note."""
        result = super().__call__(batch)
        for rec in result.kept:
            note = self._notes.pop(rec.id, None)
            if note and rec.provenance:
                rec.provenance[-1].note = note
        return result

    def process(self, batch: list[Record]) -> StageResult:
        outcomes = run_sync(self._process_async(batch))
        result = StageResult()
        for outcome in outcomes:
            if isinstance(outcome, Rejection):
                result.rejected.append(outcome)
            else:
                result.kept.append(outcome)
        return result

    async def _process_async(self, batch: list[Record]) -> list[Record | Rejection]:
        return list(await asyncio.gather(*(self.expand_one(rec) for rec in batch)))

    async def expand_one(self, record: Record) -> Record | Rejection:
        """Expand one record, or return its rejection. Never sends a non-de-identified record."""
        try:
            require_deidentified(record, with_images=self.config.send_images)
        except PrivacyGateError as exc:
            return Rejection(reason=NOT_DEIDENTIFIED, detail=str(exc), stage=self.name, record=record)
        if not record.texts():
            return Rejection(
                reason=NOTHING_TO_EXPAND, detail="record has no text", stage=self.name, record=record
            )
        kind = source_kind(record)
        prompt = self._prompts[kind]
        lang = (
            record.lang
            if record.lang in ("zh", "en")
            else detect_lang(" ".join(t for _, t in record.texts()))
        )
        target = sample_turns(self.config.turns, record.id, self.config.seed)
        n_images = len(record.images)

        def validate(content: str) -> DialogueAnswer:
            answer = DialogueAnswer.model_validate_json(content)
            return check_dialogue(
                answer, target_turns=target, tolerance=self.config.tolerance, n_images=n_images, lang=lang
            )

        messages = build_messages(
            record,
            kind=kind,
            prompt=prompt,
            lang=lang,
            target_turns=target,
            meta_keys=self.config.meta_keys,
            send_images=self.config.send_images,
        )
        try:
            completion = await self.client.complete_for_record(
                record,
                messages,
                schema=self._schema,
                validate=validate,
                temperature=self.config.temperature,
                max_tokens=self.config.max_tokens,
            )
        except (LLMInvalidOutput, LLMUnavailable, LLMRequestError) as exc:
            return Rejection(reason=exc.reason, detail=str(exc), stage=self.name, record=record)
        except LLMError:
            raise
        answer: DialogueAnswer = completion.value
        ids = [img.id for img in record.images]
        turns = [
            Turn(role=t.role, text=t.text.strip(), images=[ids[i] for i in t.images]) for t in answer.turns
        ]
        meta = dict(record.meta)
        meta["expand"] = {
            "source_kind": kind,
            "source_turns": len(record.turns),
            "target_turns": target,
            "prompt": prompt.ref,
            "model": completion.model,
            "cached": completion.cached,
            "attempts": completion.attempts,
            "prompt_tokens": completion.prompt_tokens,
            "completion_tokens": completion.completion_tokens,
            "cost": round(completion.cost, 8),
        }
        out = record.model_copy(
            update={"turns": turns, "kind": "dialogue", "lang": lang, "meta": meta}, deep=True
        )
        out = Record.model_validate(out.model_dump())  # re-check image references
        self._notes[out.id] = f"prompt={prompt.ref} model={completion.model}"
        return out
