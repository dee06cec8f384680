"""A Presidio recognizer made of compiled regex rules with named groups and validators.

Presidio's `PatternRecognizer` reports the whole match. Clinical identifiers almost always come
with a cue in front (住院号：, MRN, 微信号), and the cue itself is not PHI, so each rule here may
mark the PHI part with a named group `phi`. Rules also carry an optional validator (ID checksum,
Luhn) that can veto or re-score a match, and a cheap `needs` pre-filter that skips the regex on
texts that cannot match (no digit, no cue) — most dialogue turns contain no identifier at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
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


# Initials written with dots (K.L., D.Q.H.): the last dot is part of them.
_DOTTED_INITIALS = regex.compile(r"(?:[A-Z]\.)+[A-Z]")


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

    def can_match(self, text: str) -> bool:
        """False when `text` lacks a literal every match of the pattern contains (exact, cheap)."""
        view = text_view(text)
        return all(view.passes(check) for check in self.prefilters)


class PrefixGate:
    """A ready `can_match` for a recognizer whose every match begins with one of `words` (a
    gazetteer alternation such as city names): the text must hold the first two characters of
    one of them. Exact by construction; on Chinese consultation turns it rules out ~95% of texts
    for a fifth of the cost of scanning them with the alternation.

        self.can_match = PrefixGate(names)   # in the recognizer's load()
    """

    __slots__ = ("n", "prefixes", "firsts")

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in words if w]
        self.n = min(2, min(map(len, words), default=1))
        self.prefixes = frozenset(w[: self.n] for w in words)
        self.firsts = frozenset(p[0] for p in self.prefixes)

    def __call__(self, text: str) -> bool:
        norm = normalize(text)
        if self.firsts.isdisjoint(norm):
            return False
        if self.n == 1:
            return True
        prefixes, firsts = self.prefixes, self.firsts
        return any(norm[i : i + 2] in prefixes for i in range(len(norm) - 1) if norm[i] in firsts)


def ready_jieba():
    """jieba with its dictionary loaded and its logger quiet (it announces every load at INFO).

    Returns the module; `jieba.posseg` is imported too, so `jieba.posseg.dt` is usable.
    """
    import jieba
    import jieba.posseg  # noqa: F401 - the part-of-speech tables the recognizers read

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def has_digit(text: str) -> bool:
    """Whether `text` may hold a digit: True whenever a character passes `str.isdigit()`."""
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


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Each line of the text with the offset it starts at, for the layout rules that walk a table row by row."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


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
        view: TextView | None = None  # literal pre-filter results, shared by all rules and recognizers
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
                if view is None:
                    view = text_view(norm)
                passed = True
                for check in rule.prefilters:
                    if not view.passes(check):
                        passed = False
                        break
                if not passed:
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
                if norm[start : start + 1] == "(" and ")" not in norm[start:end]:
                    start += 1  # "电话（139 0571 3362）": the bracket around the number, no area code's
                if end <= start:
                    continue
                if end < len(norm) and norm[end] == "." and _DOTTED_INITIALS.fullmatch(norm, start, end):
                    end += 1  # K.L. keeps its last dot: the initials' own, no sentence's

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
# lower-cased text, except in texts holding one of the few characters whose case folding
# reaches an ASCII letter in another way (`FOLD_SPECIALS`), which skip that test. A pattern the standard parser reads differently from the `regex`
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


# Non-ASCII characters that `regex` IGNORECASE matches to an ASCII letter although their
# `lower()` is not that letter (U+0130 İ, U+017F ſ; U+212A KELVIN SIGN for good measure). A text
# holding none of them keeps every case-insensitive match of ASCII letters in `text.lower()`.
# tests/deid/test_speed_equivalence.py checks this list against every code point.
FOLD_SPECIALS = frozenset("\u0130\u017f\u212a")

# A check: (folded, characters, pattern). It passes when one of `characters` (for strings: their
# first characters) occurs in the text, lower-cased if `folded`, and `pattern` (None for single
# characters) finds one of the strings. Equal checks are one object, so a text's result for a
# check is computed once for all rules and recognizers.
Check = tuple[bool, frozenset[str], "re.Pattern | None"]
_CHECKS: dict[tuple[bool, frozenset[str]], Check] = {}


def _check(folded: bool, strings: frozenset[str]) -> Check:
    key = (folded, strings)
    found = _CHECKS.get(key)
    if found is None:
        if all(len(x) == 1 for x in strings):
            found = (folded, strings, None)
        else:
            pattern = re.compile("|".join(re.escape(x) for x in sorted(strings, key=len, reverse=True)))
            found = (folded, frozenset(x[0] for x in strings), pattern)
        _CHECKS[key] = found
    return found


class TextView:
    """One text as the literal pre-filters see it: its characters and lower-cased form, built
    on first use, and the result of every check asked so far."""

    __slots__ = ("text", "_chars", "_lower", "_lower_chars", "_foldable", "_memo")

    def __init__(self, text: str) -> None:
        self.text = text
        self._chars: set[str] | None = None
        self._lower: str | None = None
        self._lower_chars: set[str] | None = None
        self._foldable: bool | None = None
        self._memo: dict[int, bool] = {}

    def passes(self, check: Check) -> bool:
        key = id(check)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._evaluate(check)
        return hit

    def _evaluate(self, check: Check) -> bool:
        folded, chars, pattern = check
        if folded:
            if self._foldable is None:
                self._foldable = self.text.isascii() or FOLD_SPECIALS.isdisjoint(self.text)
            if not self._foldable:
                return True  # unusual case folding in this text: no shortcut, the pattern decides
            if self._lower is None:
                self._lower = self.text.lower()
                self._lower_chars = set(self._lower)
            text, present = self._lower, self._lower_chars
        else:
            if self._chars is None:
                self._chars = set(self.text)
            text, present = self.text, self._chars
        if chars.isdisjoint(present):
            return False
        return pattern is None or pattern.search(text) is not None


_last_view: TextView | None = None


def text_view(text: str) -> TextView:
    """The view of `text`, reused while the same string object is analysed (the recognizers of
    one text run back to back on the one normalised string)."""
    global _last_view
    view = _last_view
    if view is None or view.text is not text:
        view = _last_view = TextView(text)
    return view


def literal_prefilters(pattern: str, flags: int, limit: int = 2) -> tuple[Check, ...]:
    """Up to `limit` cheap checks (see `Check`) that every text matched by `pattern` passes;
    () when none can be derived safely."""
    import re._parser

    if flags & ~_PARSER_FLAGS or _NOT_PORTABLE.search(pattern):
        return ()
    try:
        parsed = re._parser.parse(pattern, flags & _PARSER_FLAGS)
    except (re.error, RecursionError, OverflowError):
        return ()
    reqs = sorted(set(_requirements(list(parsed), bool(flags & regex.IGNORECASE))), key=_selectivity,
                  reverse=True)[:limit]
    return tuple(_check(folded, strings) for folded, strings in reqs)


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
