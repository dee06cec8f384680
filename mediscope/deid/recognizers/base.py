"""A Presidio recognizer made of compiled regex rules with named groups and validators.

Presidio's `PatternRecognizer` reports the whole match. Clinical identifiers almost always come
with a cue in front (住院号：, MRN, 微信号), and the cue itself is not PHI, so each rule here may
mark the PHI part with a named group `phi`. Rules also carry an optional validator (ID checksum,
Luhn) that can veto or re-score a match, and a cheap `needs` pre-filter that skips the regex on
texts that cannot match (no digit, no cue) — most dialogue turns contain no identifier at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.normalize import DIGIT_RE as _DIGIT_RE
from mediscope.deid.normalize import normalize

Validator = Callable[[str], "float | bool | None"]


@dataclass
class Rule:
    """One regex rule. `validator` returns False/None to drop, True to keep, or a new score."""

    name: str
    entity: str
    pattern: str
    score: float
    group: str | int = "phi"
    validator: Validator | None = None
    needs: Callable[[str], bool] | None = None
    flags: int = regex.IGNORECASE
    compiled: regex.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.compiled = regex.compile(self.pattern, self.flags)
        if isinstance(self.group, str) and self.group not in self.compiled.groupindex:
            self.group = 0


def has_digit(text: str) -> bool:
    """Whether any character of `text` is a digit in the sense of `str.isdigit()`."""
    return _DIGIT_RE.search(text) is not None


class ContainsAny:
    """`needs` pre-filter: one of `words` occurs in the text, ignoring case.

    A class rather than a closure so `RegexRecognizer.analyze` can lower-case each text once for
    all its rules instead of once per rule and word.
    """

    __slots__ = ("words",)

    def __init__(self, *words: str) -> None:
        self.words = tuple(w.lower() for w in words)

    def __call__(self, text: str) -> bool:
        return self.hit(text.lower())

    def hit(self, lowered: str) -> bool:
        return any(w in lowered for w in self.words)


def contains_any(*words: str) -> Callable[[str], bool]:
    return ContainsAny(*words)


class RegexRecognizer(EntityRecognizer):
    """Runs a list of `Rule`s over the normalised text (full-width digits mapped to ASCII)."""

    def __init__(self, name: str, rules: Iterable[Rule], supported_language: str) -> None:
        self.rules = list(rules)
        entities = sorted({r.entity for r in self.rules})
        super().__init__(supported_entities=entities, name=name, supported_language=supported_language)

    def load(self) -> None:  # rules are compiled in Rule.__post_init__
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        norm = normalize(text)
        wanted = set(entities) if entities else None
        out: list[RecognizerResult] = []
        digit: bool | None = None  # computed once per text, shared by all digit-needing rules
        lowered: str | None = None  # likewise for the ContainsAny pre-filters
        for rule in self.rules:
            if wanted is not None and rule.entity not in wanted:
                continue
            needs = rule.needs
            if needs is has_digit:
                if digit is None:
                    digit = _DIGIT_RE.search(norm) is not None
                if not digit:
                    continue
            elif needs.__class__ is ContainsAny:
                if lowered is None:
                    lowered = norm.lower()
                if not needs.hit(lowered):
                    continue
            elif needs is not None and not needs(norm):
                continue
            for m in rule.compiled.finditer(norm):
                start, end = m.span(rule.group)
                if start < 0 or end <= start:
                    continue
                # Trim separators the pattern allowed around the value.
                while start < end and norm[start] in " \t:：-_#.,，":
                    start += 1
                while end > start and norm[end - 1] in " \t:：-_#.,，":
                    end -= 1
                if end <= start:
                    continue
                score = rule.score
                if rule.validator is not None:
                    verdict = rule.validator(norm[start:end])
                    if verdict is None or verdict is False:
                        continue
                    if verdict is not True:
                        score = float(verdict)
                out.append(
                    RecognizerResult(
                        entity_type=rule.entity,
                        start=start,
                        end=end,
                        score=score,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{rule.name}",
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return out


# ---- validators -----------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def digits_only(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit() or ch in "xX")


def cn_id_checksum_ok(value: str) -> bool:
    """ISO 7064 MOD 11-2 check of an 18-character PRC resident identity card number."""
    v = digits_only(value).upper()
    if len(v) != 18 or not v[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(v[:17], _ID_WEIGHTS, strict=False))
    return _ID_CHECK[total % 11] == v[17]


def cn_id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=False))
    return _ID_CHECK[total % 11]


def cn_id_plausible(value: str) -> bool:
    """Region code and birth date look real (used with the checksum)."""
    v = digits_only(value)
    if len(v) != 18:
        return False
    year, month, day = int(v[6:10]), int(v[10:12]), int(v[12:14])
    return v[0] in "123456789" and 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def luhn_ok(value: str) -> bool:
    v = [int(ch) for ch in value if ch.isdigit()]
    if len(v) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(v)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def digit_count_between(lo: int, hi: int) -> Validator:
    def check(value: str) -> bool:
        n = sum(ch.isdigit() for ch in value)
        return lo <= n <= hi

    return check
