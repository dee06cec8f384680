"""Short dates (11/04, 08-13, 3/8) of a month the same record names in full, and the weekday before a date.

A quarantine sheet, a line list or a monitor's note writes the year once (入住：2022-11-03) and the
days after it short (每日体温：11/04 36.5℃；11/05 …; Visit dates 2025-08-12至08-13; MMR given 3/8 after
"Mar 3-Mar 5"). A month and a day alone reads as a fraction, a ratio or a score too (1/2片, 3/4 of
the dose, GCS 3/15), so no rule takes it on its own. But once the record dates something in full, a
month-day pair of that month (or the next) is another day of the same story.

This runs after the recognizers, on their spans: the months come from the dates they found.
"""

from __future__ import annotations

import regex

from mediscope.deid import lexicon
from mediscope.deid.types import DATE_TIME, PhiSpan

_MONTHS_EN = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
# Where a full date says its month: a year before or after the numbers, a month's name, or 月.
_FULL_DATE = regex.compile(
    r"(?:19|20)\d\d[\-/.年](?P<m1>\d{1,2})(?:[\-/.月]|$)"
    r"|(?P<d2>\d{1,2})[\-/.](?P<m2>\d{1,2})[\-/.](?:19|20)?\d\d(?!\d)"
    r"|(?P<m3>\d{1,2})月"
    r"|(?i:(?P<name>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)")
_SHORT = regex.compile(
    r"(?<![A-Za-z0-9_/.\-:#×*])(?<!\d[ \t])(?P<a>\d{1,2})(?P<sep>[/\-])(?P<b>\d{1,2})(?![A-Za-z0-9_/.\-:%℃°\"'”″]|[.,]\d)"
    r"(?![ \t]?(?:片|粒|支|次|个|颗|瓶|袋|包|张|周|天|日|岁|级|度|分|小时|mg|ml|mL|g|kg|cm|mm|h|hr|min|wk|yr|tabs?|caps?|doses?"
    r"|match))")
# Pairs of clinical notation whatever the month: a pain score out of 10, days out of 7 and weeks out of
# 52 as British notes count them (3/7 sore throat, 2/52 ago).
_NOT_DAYS = frozenset({7, 10, 52})
# Words after which a pair is a score, a ratio or a reading: GCS 3/15, 肌力 4/5, BP 9/6, ratio 1/3.
# A card's expiry (Exp 09/27, 有效期 08/29) is a month and a year, and no one's day either.
_SCORE_BEFORE = regex.compile(r"(?i:gcs|nrs|vas|apgar|score|ratio|grade|power|肌力|评分|比例|分级|bp|血压|视力|va|hla|esrd|stage|exp\.?"
                              r"|expiry|expires|valid(?:\s+thru)?|有效期|效期)[ \t:：]*$")


_DATE_NEIGHBOURS = frozenset("至到、起前后晚早上下中午凌日号")


def _glued_to_words(text: str, start: int, end: int) -> bool:
    """A small fraction inside a Chinese phrase (浸润2/3宫颈壁, 胃切除1/3手术, 隔一天1/4): Chinese right before
    it, or right after it other than a date's own neighbours (3/5至3/7, 3/5晚)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return "\u4e00" <= before <= "\u9fff" or ("\u4e00" <= after <= "\u9fff" and after not in _DATE_NEIGHBOURS)


def _months_of(value: str) -> set[int]:
    months: set[int] = set()
    for m in _FULL_DATE.finditer(value):
        if m.group("name"):
            months.add(_MONTHS_EN[m.group("name").lower()[:3]])
            continue
        for key in ("m1", "m2", "m3"):
            if m.group(key):
                months.add(int(m.group(key)))
        if m.group("d2"):  # day/month/year or month/day/year: either may be the month
            months.add(int(m.group("d2")))
    return {mo for mo in months if 1 <= mo <= 12}


def sibling_short_dates(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the month-day pairs of a month one of their dates names."""
    dates = [s for s in spans if s.entity_type == DATE_TIME]
    if not dates or ("/" not in text and "-" not in text):
        return spans
    months: set[int] = set()
    for s in dates:
        months |= _months_of(text[s.start:s.end])
    months |= {mo % 12 + 1 for mo in months}  # a stay or an outbreak runs into the next month
    if not months:
        return spans
    found = []
    for m in _SHORT.finditer(text):
        a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
        month_first = a in months and 1 <= b <= 31
        day_first = sep == "/" and b in months and 1 <= a <= 31
        if sep == "-" and not (len(m.group("a")) == 2 and len(m.group("b")) == 2):
            continue  # 3-4 is a range; 08-13 a date
        if sep == "/" and b in _NOT_DAYS or a < b <= 8 and _glued_to_words(text, m.start(), m.end()):
            continue
        if not (month_first or day_first) or _SCORE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if any(s.start < m.end() and s.end > m.start() for s in spans):
            continue
        found.append(PhiSpan(m.start(), m.end(), DATE_TIME, 0.65, "sibling_short_date"))
    return spans + found if found else spans


# A weekday written before a date belongs to it (Mon 02-Dec-2024, 周六 11/15): left out, it would survive
# next to the surrogate and tell the day of the week of the shifted date.
_WEEKDAY_BEFORE = regex.compile(rf"(?<![A-Za-z]){lexicon.WEEKDAY_WORD}[ \t]{{1,3}}$")


def with_weekdays(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` with each date that a weekday opens grown to take it in."""
    out = []
    for s in spans:
        if s.entity_type == DATE_TIME and s.start and (m := _WEEKDAY_BEFORE.search(text, max(0, s.start - 14), s.start)):
            s = PhiSpan(m.start(), s.end, s.entity_type, s.score, s.recognizer, s.operator)
        out.append(s)
    return out


# The clock time written after a found date is part of it ("3月23日 08:16", "Jul 12, 2026 1530", and as chat
# exports print it "Apr 11, 2024 · 6:47 PM", "Apr 11, 2024, 6:47 PM"): a date with its time is one span, and a
# time left behind would sit next to a shifted date.
_TIME_AFTER = regex.compile(r"(?:[ \t]{1,2}|[ \t]?[·•][ \t]?|,[ \t])(?:(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?(?:[ ]?(?:AM|PM|am|pm)\b)?|(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]*(?:[.,;:)]|hrs?\b|$)))"
                            r"(?![\d:]|\.\d|[ \t]*(?:kcal|mg|ml|mL|cal|steps|units?|IU|元|次|步|ml)\b)")
# The end of a range after a found date, written short: 2025/02/03-02/12, 03-14至03-18.
_RANGE_END = regex.compile(r"[ \t]?(?:-|–|~|～|至|到)[ \t]?(?P<end>(?P<m>\d{1,2})[/\-.](?P<d>\d{1,2}))(?![\d/\-.]|\.\d)")
# A log's entry dated by month and day at the start of its line: "3/21 家访：", "3.24晚，", "3/14 LM for clmt".
_ENTRY_DATE = regex.compile(
    r"(?m)^[ \t]*(?P<date>(?P<m>\d{1,2})(?P<sep>[/.])(?P<d>\d{1,2}))"
    r"(?=(?:[ \t]?(?:晚|早|晨|上午|下午|中午|夜|凌晨|傍晚|午后))?(?:[ \t]*[，,：:]|[ \t]+(?:(?i:lm|tc|t/c|called|call|spoke|phoned|rec'?d|received"
    r"|faxed|sent|emailed|met|visit|f/u|clmt|claimant|pt|note|per|home)\b)|[ \t]*(?![片粒支次个颗瓶袋包张周天日岁级度分小时倍万元米升斤克毫厘秒年例人])[\u4e00-\u9fff]))")


# A month and a day with a clock time after them is a moment, not a fraction: "ED handover 3/20 07:30" in a
# Chinese note (English text has en_dates' date_md_clock, with its own guards against scores).
_MD_CLOCK = regex.compile(r"(?<![\d/.\-:])(?P<date>(?P<m>\d{1,2})/(?P<d>\d{1,2})[ \t](?:[01]?\d|2[0-3]):[0-5]\d)(?![\d:])")


def dates_with_their_times(text: str, spans: list[PhiSpan], lang: str = "zh") -> list[PhiSpan]:
    """`spans` with a found date grown over the clock time after it, the short end of a range it opens
    added, and the month-day that opens a log's line (see the patterns above)."""
    out: list[PhiSpan] = []
    added: list[PhiSpan] = []
    for s in spans:
        if s.entity_type == DATE_TIME:
            m = _TIME_AFTER.match(text, s.end)
            if m and any(ch.isdigit() for ch in text[s.start : s.end]) and ":" not in text[max(s.start, s.end - 3) : s.end]:
                s = PhiSpan(s.start, m.end(), s.entity_type, s.score, s.recognizer, s.operator)
            r = _RANGE_END.match(text, s.end)
            if r and 1 <= int(r.group("m")) <= 12 and 1 <= int(r.group("d")) <= 31 and _months_of(text[s.start : s.end]):
                added.append(PhiSpan(r.start("end"), r.end("end"), DATE_TIME, 0.65, "range_end_date"))
        out.append(s)
    if lang != "en" and "/" in text and ":" in text:
        for m in _MD_CLOCK.finditer(text):
            if int(m.group("d")) in _NOT_DAYS or _SCORE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Pain 6/10 08:00": a score out of ten with the time it was taken
            if 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31 and not any(
                    s.start < m.end("date") and s.end > m.start("date") for s in out):
                added.append(PhiSpan(m.start("date"), m.end("date"), DATE_TIME, 0.65, "month_day_clock"))
    if "/" in text or "." in text:
        for m in _ENTRY_DATE.finditer(text):
            if not (1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31):
                continue
            if not any(s.start < m.end("date") and s.end > m.start("date") for s in out):
                added.append(PhiSpan(m.start("date"), m.end("date"), DATE_TIME, 0.65, "entry_date"))
    if not added:
        return out
    return out + [a for a in added if not any(s.start < a.end and s.end > a.start for s in out)]
