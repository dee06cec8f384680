"""An age over 89 written right after a found name, with no unit (Beatrice Lindqvist, 93. POAG ...).

Lists and clinic sheets give a patient as "name, age" and leave the unit out; a bare 93 after a comma
anywhere else is a count, a reading or a room, so only the name in front of it makes it an age. This
runs after the recognizers, on their PERSON spans. (Safe Harbor keeps ages up to 89 as they are.)
"""

from __future__ import annotations

import regex

from mediscope.deid.types import AGE, PERSON, PhiSpan

# (after a comma, a dash or a colon, or after the sex in the next cell: "Bertie Wragg – 96,", "Okonkwo-Hale: 102 today",
# "（傅振邦，95）", "Quintero, Ramon  M  91")
_AGE_AFTER_NAME = regex.compile(r"(?:[ \t]*[,，:][ \t]*|[ \t]+[–—-][ \t]+|[ \t]{2,}[MF][ \t]{1,3})(?P<age>9\d|1[01]\d)"
                                r"(?=[ \t]*(?:[.,;)），]|$|\n|(?:y|yo|yrs?|[FMfm]|today)\b))")


def ages_after_names(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the ages over 89 that directly follow a found name."""
    found = []
    for s in spans:
        if s.entity_type == PERSON and (m := _AGE_AFTER_NAME.match(text, s.end)):
            a, b = m.span("age")
            if not any(p.start < b and p.end > a for p in spans):
                found.append(PhiSpan(a, b, AGE, 0.75, "age_after_name"))
    return spans + found if found else spans
