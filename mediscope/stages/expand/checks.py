"""Semantic checks on an expanded dialogue, beyond what the JSON Schema can say.

A failed check raises `InvalidAnswer` with a message the model sees when it is asked again, so
the messages say what to fix.
"""

from __future__ import annotations

import re

from mediscope.llm.client import InvalidAnswer
from mediscope.llm.schemas import DialogueAnswer

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_QUESTION = re.compile(r"[?？]|请问|是否|有没有|多久|多长时间|吗[。，,\s]|吗$|呢[。，,\s]|呢$")


def detect_lang(text: str) -> str:
    """'zh' when CJK characters dominate, 'en' when Latin letters do, else 'und'."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0 and latin == 0:
        return "und"
    if cjk >= 0.3 * (cjk + latin / 4):  # one CJK char carries about as much as a 4-letter word
        return "zh"
    return "en"


def is_question(text: str) -> bool:
    return bool(_QUESTION.search(text))


def check_dialogue(
    answer: DialogueAnswer, *, target_turns: int, tolerance: int, n_images: int, lang: str
) -> DialogueAnswer:
    """Return `answer` if it is a usable dialogue, else raise `InvalidAnswer` saying why."""
    turns = answer.turns
    if len(turns) < 2:
        raise InvalidAnswer("the dialogue needs at least a patient turn and a doctor turn")
    if abs(len(turns) - target_turns) > tolerance:
        raise InvalidAnswer(f"the dialogue has {len(turns)} turns; write {target_turns} (within {tolerance})")
    for i, turn in enumerate(turns):
        expected = "patient" if i % 2 == 0 else "doctor"
        if turn.role != expected:
            raise InvalidAnswer(
                f"turn {i} is by the {turn.role}; roles must alternate starting with the patient"
            )
        if not turn.text.strip():
            raise InvalidAnswer(f"turn {i} is empty")
    if turns[-1].role != "doctor":
        raise InvalidAnswer("the dialogue must end with the doctor's conclusion")
    doctor_turns = [t for t in turns if t.role == "doctor"]
    if len(turns) >= 4 and not any(is_question(t.text) for t in doctor_turns[:-1]):
        raise InvalidAnswer("the doctor must ask about missing history (a question) before concluding")
    seen: list[int] = []
    for i, turn in enumerate(turns):
        for idx in turn.images:
            if not 0 <= idx < n_images:
                raise InvalidAnswer(f"turn {i} shows image {idx}, but only indices 0..{n_images - 1} exist")
            if turn.role != "patient":
                raise InvalidAnswer(f"turn {i}: images are shown by the patient, not the doctor")
            seen.append(idx)
    if sorted(seen) != list(range(n_images)):
        raise InvalidAnswer(f"every image must be shown exactly once; shown: {sorted(seen)} of {n_images}")
    if lang in ("zh", "en"):
        for i, turn in enumerate(turns):
            got = detect_lang(turn.text)
            if got not in (lang, "und"):
                raise InvalidAnswer(f"turn {i} is written in {got}; write the whole dialogue in {lang}")
    return answer
