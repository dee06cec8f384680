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
from typing import Protocol, runtime_checkable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.normalize import DIGIT_RE as _DIGIT_RE
from mediscope.deid.normalize import normalize

Validator = Callable[[str], "float | bool | None"]


@runtime_checkable
class Gated(Protocol):
    """Optional pre-filter hook for any recognizer the engine runs.

    A recognizer may define `can_match(text) -> bool`; the engine's batched path skips its
    `analyze` for texts where it returns False. It must be a NECESSARY condition (cheap
    character or literal tests: no cue word, no surname character, no digit): returning False
    for a text on which `analyze` would find something loses that finding, and the equivalence
    tests against plain Presidio (which never asks the gate) will fail.
    """

    def can_match(self, text: str) -> bool: ...


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

    prefilters: tuple = field(init=False, repr=False, default=())

    def __post_init__(self) -> None:
        self.compiled = regex.compile(self.pattern, self.flags)
        if isinstance(self.group, str) and self.group not in self.compiled.groupindex:
            self.group = 0
        self.prefilters = literal_prefilters(self.pattern, self.flags)

    def can_match(self, text: str, lowered: str | None = None) -> bool:
        """False when `text` lacks a literal every match of the pattern contains (exact, cheap).

        `lowered` is `text.lower()` when the caller has it already.
        """
        for folded, check in self.prefilters:
            if folded:
                if not text.isascii():
                    continue  # case folding beyond ASCII: no shortcut, let the pattern decide
                target = lowered if lowered is not None else text.lower()
            else:
                target = text
            if check.__class__ is frozenset:
                if check.isdisjoint(target):
                    return False
            elif check.search(target) is None:
                return False
        return True


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
            if rule.prefilters:
                if lowered is None:
                    lowered = norm.lower()
                if not rule.can_match(norm, lowered):
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


# ---- literal pre-filters --------------------------------------------------------------------
#
# Most rules cannot match most texts: an address rule needs a street or estate word (路, 小区),
# an identifier rule its cue (住院号, MRN). Each rule's pattern is read once with the standard
# library's regex parser to find literals that EVERY match must contain (a required run of
# literal characters, or one of the alternatives of a required group); a text that holds none of
# them is skipped without running the pattern. The test is a necessary condition derived from
# the pattern itself, so it never changes what a rule finds. Under IGNORECASE, characters
# without case (CJK, digits, punctuation) are tested as they are and ASCII letters on the
# lower-cased text, the latter only for ASCII texts (where case folding has no surprises; other
# texts skip that test). A pattern the standard parser reads differently from the `regex`
# module (POSIX classes, fuzzy matching, inline flags), or cannot read, gets no pre-filter.

_PARSER_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.VERBOSE | regex.UNICODE
_NOT_PORTABLE = regex.compile(r"\[\[|\[:\^?\w+:\]|\{[^\d,}]|\(\?[^:P!=<>#]|\(\?<[^=!]")

# (folded, strings): one of `strings` occurs in every match; `folded` means "in the lower-cased text".
_Req = tuple[bool, frozenset[str]]


def _char_ok(ch: str, icase: bool) -> tuple[bool, bool]:
    """(usable, folded) for a literal character of the pattern."""
    if not icase or ch == ch.lower() == ch.upper() == ch.casefold():
        return True, False
    return ch.isascii(), True


def _requirements(items, icase: bool) -> list[_Req]:
    """Requirements of a parsed sequence: each holds for every match of `items`."""
    import re._constants as c

    reqs: list[_Req] = []
    run: list[str] = []
    run_folded = False

    def flush() -> None:
        nonlocal run_folded
        if run:
            text = "".join(run)
            reqs.append((run_folded, frozenset([text.lower() if run_folded else text])))
            run.clear()
            run_folded = False

    for op, av in items:
        if op is c.LITERAL:
            ok, folded = _char_ok(chr(av), icase)
            if not ok:
                flush()
            else:
                run.append(chr(av))
                run_folded |= folded
            continue
        flush()
        if op is c.SUBPATTERN:
            _group, add, remove, sub = av
            reqs += _requirements(sub, (icase or bool(add & regex.IGNORECASE)) and not remove & regex.IGNORECASE)
        elif op is c.ATOMIC_GROUP:
            reqs += _requirements(av, icase)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if lo >= 1:
                reqs += _requirements(sub, icase)
        elif op is c.BRANCH:
            union: set[str] = set()
            folded = False
            for branch in av[1]:
                best = _best(_requirements(branch, icase))
                if best is None:
                    union = set()
                    break
                union |= best[1]
                folded |= best[0]
            if union:
                reqs.append((folded, frozenset(x.lower() for x in union) if folded else frozenset(union)))
        elif op is c.IN:
            chars: set[str] = set()
            folded = False
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 64:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                else:  # NEGATE, CATEGORY, big ranges: no usable literal
                    chars = set()
                    break
            for ch in chars:
                ok, f = _char_ok(ch, icase)
                if not ok:
                    chars = set()
                    break
                folded |= f
            if chars:
                reqs.append((folded, frozenset(x.lower() for x in chars) if folded else frozenset(chars)))
        # anything else (ANY, NOT_LITERAL, AT, lookarounds, back-references): no requirement
    flush()
    return reqs


def _selectivity(req: _Req) -> tuple[int, int, int]:
    """Longest shortest alternative, then fewest alternatives, then not case-folded."""
    return min(map(len, req[1])), -len(req[1]), not req[0]


def _best(reqs: list[_Req]) -> _Req | None:
    return max(reqs, key=_selectivity, default=None)


def literal_prefilters(pattern: str, flags: int, limit: int = 2) -> tuple:
    """Up to `limit` cheap checks that every text matched by `pattern` passes: pairs of
    (folded, frozenset of characters or a compiled alternation of strings); () when none can
    be derived safely."""
    import re
    import re._parser

    if flags & ~_PARSER_FLAGS or _NOT_PORTABLE.search(pattern):
        return ()
    try:
        parsed = re._parser.parse(pattern, flags & _PARSER_FLAGS)
    except (re.error, RecursionError, OverflowError):
        return ()
    reqs = sorted(set(_requirements(list(parsed), bool(flags & regex.IGNORECASE))), key=_selectivity,
                  reverse=True)[:limit]
    checks: list = []
    for folded, req in reqs:
        if all(len(x) == 1 for x in req):
            checks.append((folded, frozenset(req)))
        else:
            checks.append((folded, re.compile("|".join(re.escape(x) for x in sorted(req, key=len, reverse=True)))))
    return tuple(checks)


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
