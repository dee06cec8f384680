"""What a detected record number vouches for in the same text.

A monitor's report lists the subjects it checked (SDV完成：05-0031、05-0034、05-0040; Subjects
reviewed: 310-004, 310-007), a line list or a manifest repeats codes down a column, and only the
first of them, or none, stands after a cue. Codes of one study share one shape (two digits, a dash,
four digits; capitals, digits, a dash, digits), so once one is found by its cue, the other tokens of
the same shape in the text are its siblings, and so are codes that add a part to it (a couple's
RFC-1183, its cycle RFC-1183-C3, an embryo RFC-1183-C3-E1). And a subject's initials follow its code in brackets
(0107-023（ZHLM）, VX301-1187 (N.A.K.)), which no rule on the brackets alone could tell from an
abbreviation (CA125 (IFCC)). A trial's subjects' codes also open with their site's number (Site 310
... 310-007), which the text names once.

A claim's, a policy's or a case's code vouches the same way for the rest of its list (Claim(s):
26004A11873, 26004A11874): those siblings keep the found code's type.

This runs after the recognizers, on their spans. A shape must hold a dash or letters beside its
digits: a bare run of digits (20250306) has the shape of a date or a count, no one's code.
"""

from __future__ import annotations

import regex

from mediscope.deid.types import (
    ACCOUNT_NUMBER,
    ID_NUMBER,
    INSURANCE_ID,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PhiSpan,
)

_TOKEN = regex.compile(r"(?<![A-Za-z0-9\-/.])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9\-/]|\.\d)")
_INITIALS_AFTER = regex.compile(r"[ \t]?[（(](?P<initials>[A-Z](?:[.\-]?[A-Z]){1,4}\.?)[)）]")


# A trial's site by its number (Site 310, Site: 0912, 中心：05): its subjects' codes open with it.
_SITE = regex.compile(r"(?:(?<![A-Za-z])(?:Site|SITE|Centre|Center|CENTRE|CENTER)|中心(?:号|编号)?)[ \t]*(?:No\.?|#)?[ \t]*[:：]?[ \t]*"
                      r"(?P<site>\d{2,4})(?![\d\-])")


def _site_subject_codes(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """Codes no span holds yet that open with a trial site's number and a dash (310-007, 05-0031, 0912-S002)."""
    if not ("Site" in text or "SITE" in text or "Cent" in text or "CENT" in text or "中心" in text) or "-" not in text:
        return []
    sites = {m.group("site") for m in _SITE.finditer(text)}
    if not sites:
        return []
    pattern = regex.compile(rf"(?<![\w\-/.])(?:{'|'.join(sorted(sites))})-[A-Z]?\d{{3,4}}(?![\w\-/]|\.\d)")
    return [PhiSpan(m.start(), m.end(), MEDICAL_RECORD_NUMBER, 0.75, "site_subject_code") for m in pattern.finditer(text)
            if not any(s.start < m.end() and s.end > m.start() for s in spans)]


_CODE_TYPES = frozenset({MEDICAL_RECORD_NUMBER, ID_NUMBER, INSURANCE_ID, ACCOUNT_NUMBER})


def _shape(value: str) -> str:
    return "".join("9" if ch.isdigit() else "A" if ch.isupper() else "a" if ch.isalpha() else ch for ch in value)


def _distinctive(value: str) -> bool:
    """A code's shape says something: five characters or more, three digits, and a dash or a letter."""
    digits = sum(ch.isdigit() for ch in value)
    return len(value) >= 5 and digits >= 3 and ("-" in value or any(ch.isalpha() for ch in value))


def sibling_record_codes(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the same-shaped codes and bracketed initials their record numbers vouch for.

    A record number's siblings are record numbers; a case's, a policy's or an account's code vouches
    the same way for its list's other members (Claim(s): 26004A11873, 26004A11874), typed as it is."""
    spans = spans + site_codes if (site_codes := _site_subject_codes(text, spans)) else spans
    codes = [s for s in spans if s.entity_type in _CODE_TYPES]
    if not codes:
        return spans
    found: list[PhiSpan] = []
    values: dict[str, str] = {}  # value -> type
    for s in sorted(codes, key=lambda s: s.entity_type != MEDICAL_RECORD_NUMBER):
        if _distinctive(v := text[s.start:s.end]):
            values.setdefault(v, s.entity_type)
    shapes: dict[str, str] = {}
    for v, etype in values.items():
        shapes.setdefault(_shape(v), etype)
    if shapes:
        taken = [(s.start, s.end) for s in spans]
        # a code the shape rule found on its own (`dashed_codes`) takes the type of the record it belongs to
        shaped_only = {(s.start, s.end): i for i, s in enumerate(spans) if s.recognizer.startswith("DashedCodeRecognizer")}
        for m in _TOKEN.finditer(text):
            token = m.group()
            # the same shape, or the code with a part added (a couple's RFC-1183, its cycle RFC-1183-C3 and
            # embryo RFC-1183-C3-E1)
            extended = next((t for v, t in values.items() if token.startswith(v + "-")), None)
            i = shaped_only.get(m.span())
            etype = (extended if i is not None and extended else shapes.get(_shape(token))) or extended
            if etype and i is not None and spans[i].entity_type != etype:
                old = spans[i]
                spans = [*spans[:i], PhiSpan(old.start, old.end, etype, old.score, old.recognizer), *spans[i + 1 :]]
            elif etype and not any(a < m.end() and b > m.start() for a, b in taken):
                found.append(PhiSpan(m.start(), m.end(), etype, 0.7, "record_sibling_code"))
    codes = [s for s in codes if s.entity_type == MEDICAL_RECORD_NUMBER]
    for s in (*codes, *(f for f in found if f.entity_type == MEDICAL_RECORD_NUMBER)):
        m = _INITIALS_AFTER.match(text, s.end)
        if m and not any(p.start < m.end("initials") and p.end > m.start("initials") for p in spans):
            found.append(PhiSpan(m.start("initials"), m.end("initials"), PERSON, 0.7, "initials_after_code"))
    return spans + found if found else spans
