"""Scripted answers for the loopback server that understand mediscope's own requests.

mediscope's LLM requests put their payload as one JSON object in the last user message, with a
`task` key ("expand", "pairwise_judge", "absolute_judge"). That makes them easy for a model to
read and lets tests answer them programmatically here, through the real server and client:

- `judge_responder(prefer)`: answers pairwise requests with `prefer(dialogue, response_A,
  response_B)` -> "A" | "B" | "tie" (or a dict per dimension); `position_biased_judge()` always
  says "A", the bias the swap must neutralise; `length_judge()` prefers the longer answer.
- `absolute_responder(score)`: answers absolute-score requests with `score(dialogue, response)`.
- `expand_responder()`: a valid multi-turn dialogue of the requested length and language, with
  the record's images placed on the first patient turn.
- `task_router(...)`: dispatches on `task` so one server can serve several kinds of request.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mediscope.testing.chat_server import Answer, Fault, Responder

DIMENSIONS = ("proactiveness", "accuracy", "usefulness", "language")

Preference = Callable[[list[dict[str, Any]], str, str], "str | dict[str, str]"]


def parse_task(body: dict[str, Any]) -> dict[str, Any]:
    """The JSON payload mediscope put in a user message (empty dict if none).

    Searches from the last user message backwards, so a re-ask ("your previous answer was
    invalid ...") still finds the original task.
    """
    for msg in reversed(body.get("messages") or []):
        if msg.get("role") != "user":
            continue
        content = msg.get("content")
        if isinstance(content, list):
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        try:
            obj = json.loads(content or "")
        except (json.JSONDecodeError, TypeError):
            continue
        if isinstance(obj, dict) and "task" in obj:
            return obj
    return {}


def pairwise_verdict(winners: str | dict[str, str], reason: str = "scripted") -> dict[str, Any]:
    """A verdict object in the judge's output schema; `winners` is "A"/"B"/"tie" or per-dimension."""
    if isinstance(winners, str):
        winners = {d: winners for d in DIMENSIONS}
    return {d: {"reason": f"{reason} ({d})", "winner": winners.get(d, "tie")} for d in DIMENSIONS}


def absolute_verdict(scores: float | dict[str, float], reason: str = "scripted") -> dict[str, Any]:
    """An absolute-score object in the judge's output schema (1-10 per dimension)."""
    if not isinstance(scores, dict):
        scores = {d: scores for d in DIMENSIONS}
    return {d: {"reason": f"{reason} ({d})", "score": int(round(scores[d]))} for d in DIMENSIONS}


def judge_responder(prefer: Preference) -> Responder:
    """Answer pairwise-judge requests with `prefer(dialogue, response_A, response_B)`."""

    def respond(body: dict[str, Any]) -> Answer:
        task = parse_task(body)
        if task.get("task") != "pairwise_judge":
            return Fault.server_error(400)
        return pairwise_verdict(prefer(task.get("dialogue", []), task["response_A"], task["response_B"]))

    return respond


def position_biased_judge(position: str = "A") -> Responder:
    """A judge that always prefers whatever sits in `position`, regardless of content."""
    return judge_responder(lambda dialogue, a, b: position)


def length_judge() -> Responder:
    """A content-consistent judge: the longer response wins, equal lengths tie."""

    def prefer(dialogue: list[dict[str, Any]], a: str, b: str) -> str:
        return "A" if len(a) > len(b) else "B" if len(b) > len(a) else "tie"

    return judge_responder(prefer)


def absolute_responder(score: Callable[[list[dict[str, Any]], str], float | dict[str, float]]) -> Responder:
    """Answer absolute-judge requests with `score(dialogue, response)` (1-10)."""

    def respond(body: dict[str, Any]) -> Answer:
        task = parse_task(body)
        if task.get("task") != "absolute_judge":
            return Fault.server_error(400)
        return absolute_verdict(score(task.get("dialogue", []), task["response"]))

    return respond


_TEXT = {
    "zh": {
        "patient_open": "医生您好，我最近身体不太舒服，想咨询一下。",
        "doctor_ask": "您好，请问症状持续多久了？有没有发热或其他不适？",
        "patient_more": "大概有一周了，{n}。",
        "doctor_more": "明白了，还有其他病史或正在服用的药物吗？",
        "doctor_close": "根据您的描述，建议您尽快到医院进一步检查，注意休息。",
    },
    "en": {
        "patient_open": "Hello doctor, I have not been feeling well lately.",
        "doctor_ask": "Hello, how long have you had these symptoms? Any fever or other complaints?",
        "patient_more": "About a week now, detail {n}.",
        "doctor_more": "I see. Any other medical history or current medications?",
        "doctor_close": "Based on what you describe, I recommend an in-person examination soon and rest.",
    },
}


def scripted_dialogue(n_turns: int, lang: str = "zh", n_images: int = 0) -> dict[str, Any]:
    """A valid dialogue answer: patient first, alternating, doctor asks before concluding.

    An odd `n_turns` is rounded up so the doctor has the last word; images (by index) go on the
    first patient turn, where a patient would show them.
    """
    text = _TEXT.get(lang, _TEXT["en"])
    n_turns = max(2, n_turns + n_turns % 2)
    turns: list[dict[str, Any]] = []
    for i in range(n_turns):
        if i % 2 == 0:
            t = text["patient_open"] if i == 0 else text["patient_more"].format(n=i)
            turns.append({"role": "patient", "text": t, "images": list(range(n_images)) if i == 0 else []})
        elif i == n_turns - 1:
            turns.append({"role": "doctor", "text": text["doctor_close"], "images": []})
        else:
            turns.append(
                {
                    "role": "doctor",
                    "text": text["doctor_ask"] if i == 1 else text["doctor_more"],
                    "images": [],
                }
            )
    return {"turns": turns}


def expand_responder(
    transform: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None,
) -> Responder:
    """Answer expand requests with a valid dialogue of the requested length and language.

    `transform(task, answer)` may alter the answer (tests use it to make answers invalid).
    """

    def respond(body: dict[str, Any]) -> Answer:
        task = parse_task(body)
        if task.get("task") != "expand":
            return Fault.server_error(400)
        answer = scripted_dialogue(
            int(task.get("target_turns", 6)), str(task.get("language", "zh")), len(task.get("images", []))
        )
        return transform(task, answer) if transform else answer

    return respond


def task_router(**responders: Responder) -> Responder:
    """Dispatch on the request's `task` (e.g. `task_router(expand=..., pairwise_judge=...)`)."""

    def respond(body: dict[str, Any]) -> Answer:
        task = parse_task(body).get("task")
        if task not in responders:
            return Fault.server_error(400)
        return responders[task](body)

    return respond
