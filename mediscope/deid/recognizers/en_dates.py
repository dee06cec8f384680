"""English date rules: numeric, worded, spoken and OCR-damaged dates, with their pre-checks.

Dates are one family with their own recognizer (`EnDateRecognizer`) and share nothing with the
identifier or address rules but the small patterns in `en_patterns`, so they stand on their own.
"""

from __future__ import annotations

import re

from mediscope.deid.recognizers.base import Rule, contains_any, has_digit
from mediscope.deid.recognizers.en_patterns import (
    _WEEKDAY_SEEN,
    MONTH,
    _day_month_ok,
    _digit_and,
    _letter_spaced_date_ok,
    _ocr_date_ok,
    _ocr_year_first_ok,
    _seen,
)
from mediscope.deid.types import AGE, DATE_TIME

_ON_MD_RE = re.compile(r"(?i)\b(?:on|appt|appointment|until|till|due|dated|from|since)\s{1,2}\d{1,2}/\d")


def _ON_MD_SEEN(text: str) -> bool:
    return "/" in text and _ON_MD_RE.search(text) is not None


# A treatment log: two or more lines opening with a cycle's label and a day and month ("C1 1/8 R-CHOP",
# "Cycle 2 1/29 ..."); one such line alone could be a spine level's power ("C5 5/5").
_CYCLE_LINE_RE = re.compile(r"(?m)^[ \t]*(?:C|Cycle[ ]?)\d{1,2}[ \t:,\-]+\d{1,2}/\d{1,2}(?![\d/])")


def _CYCLE_LOG_SEEN(text: str) -> bool:
    return "/" in text and len(_CYCLE_LINE_RE.findall(text)) >= 2


def _month_day_ok(value: str) -> bool:
    """A month and a day of it, not a grade out of five ("5/5")."""
    a, b = (int(x) for x in value.split("/"))
    return 1 <= a <= 12 and 1 <= b <= 31 and (b != 5 or a > 5)


_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEEN_WORD = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_ORD_WORD = (r"(?:(?:twenty|thirty)[\s\-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
             r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
_SPOKEN_YEAR = (rf"(?:nineteen[\s\-](?:hundred|oh[\s\-]{_UNIT_WORD}|{_TEEN_WORD}|{_TENS_WORD}(?:[\s\-]{_UNIT_WORD})?)|"
                rf"two\s+thousand(?:\s+and)?(?:\s+(?:{_TEEN_WORD}|{_UNIT_WORD}|{_TENS_WORD}(?:[\s\-]{_UNIT_WORD})?))?|"
                rf"twenty[\s\-](?:{_TEEN_WORD}|{_TENS_WORD}(?:[\s\-]{_UNIT_WORD})?|oh[\s\-]{_UNIT_WORD}))")


def _padded_short_year_ok(value: str) -> bool:
    """Day and month, in either order, one of them a month number: "02 . 27 . 26", "3 / 11 / 25"."""
    a, b = (int(x) for x in re.findall(r"\d+", value)[:2])
    return a <= 12 or b <= 12


def en_date_rules() -> list[Rule]:
    d = r"(?:0?[1-9]|[12]\d|3[01])"
    m = r"(?:0?[1-9]|1[0-2])"
    y = r"(?:19|20)\d{2}"
    ordinal = r"(?:st|nd|rd|th)?"
    weekday = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:the\s+)?)"
    day_first = r"(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])"  # "26/02": a day over 12 says it comes first
    # The clock time a full date is given with ("EXAM DATE: MAR 02 2026 08:15", "10 March 2026 at 14:30"):
    # part of the same timestamp, and a date-only label still holds most of the span.
    clock = r"(?:,?\s{1,2}(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?(?![\d:]))?"
    # A numeric date with the time after a connector ("06/19/2026 approx 17:40"): one timestamp, so one
    # span. (Not after a worded date: the bundled sets disagree whether "Thu Oct 16 at 7:45 AM" holds the time.)
    at_clock = (r"(?:,?\s{1,2}(?:at|@|approx\.?|approximately|around)\s+(?:[01]?\d|2[0-3])[:.][0-5]\d"
                r"(?:\s?[ap]\.?m\.?)?(?![\d:]))?")
    return [
        Rule("date_weekday_words", DATE_TIME,
             rf"(?P<phi>\b{weekday}(?:{d}{ordinal}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{d}{ordinal}|{d}-{MONTH}(?![\w\-]))(?:\s*,?\s*{y})?)(?![\d])", 0.9,
             needs=_WEEKDAY_SEEN),
        Rule("date_weekday_numeric", DATE_TIME,
             rf"(?P<phi>\b{weekday}{d}[/.]{m}(?:[/.](?:{y}|\d{{2}}))?)(?![\d/])", 0.85, needs=_WEEKDAY_SEEN),
        Rule("date_d_mon_y", DATE_TIME, rf"(?<![\d\w])(?P<phi>{d}[\-/.]{MONTH}[\-/.](?:{y}|\d{{2}}))(?![\d\w])", 0.9,
             needs=_digit_and(r"\d[\-/.][A-Za-z]")),
        # Day and month with a hyphen and no year: "seen 26-Feb", "next 3-Mar".
        Rule("date_d_mon", DATE_TIME,
             rf"(?<![\w\-/.])(?P<phi>{d}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|June|"
             rf"July|August|September|October|November|December))(?![\w\-/.])",
             0.8, needs=_digit_and(r"\d-[A-Za-z]")),
        # A form's year-first date with spaces for separators ("DOB: 1988 07 19"): only after a date
        # or birth label, as bare "2026 07 19" could be any three numbers.
        Rule("date_ymd_spaced", DATE_TIME,
             r"(?<=\b(?i:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|born|date)\s{0,3}[:#]?\s{0,3})"
             r"(?P<phi>(?:19|20)\d{2}\s(?:0[1-9]|1[0-2])\s(?:0[1-9]|[12]\d|3[01]))(?![\d:/\-]|[.,]\d)",
             0.85, needs=_digit_and(r"\d{4} \d\d \d\d(?!\d)"), flags=0),
        Rule("date_numeric_spaced", DATE_TIME, rf"(?<![\d/.\-])(?P<phi>{d}\s?/\s?{d}\s?/\s?{y})(?![\d/\-]|\.\d)", 0.8,
             needs=_digit_and(r"\d ?/ ?\d")),
        Rule("date_compact", DATE_TIME, rf"(?<![\w])(?P<phi>{d}{MONTH}(?:{y}|\d{{2}}))(?![\w])", 0.85,
             needs=_digit_and(r"\d[A-Za-z]{3,9}\d")),
        # An ISO 8601 timestamp keeps its fraction of a second and its zone: "2026-03-05T10:30:00-05:00",
        # "2025-11-02T08:15:42.318Z", "2024-06-01T23:59+0530" (a log's offset is part of the time).
        Rule("date_iso", DATE_TIME, rf"(?<![\d/.\-])(?P<phi>{y}[\-/.]{m}[\-/.]{d}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:[.,]\d{{1,6}})?)?"
             rf"(?:Z|\s?[+\-](?:0\d|1[0-4]):?[0-5]\d)?)?)(?![\d/\-]|\.\d|[+\-]\d)", 0.95,
             needs=has_digit),
        # The basic ISO 8601 form of devices and logs: "20260305T103000Z", "20251102T0815+0100".
        Rule("date_iso_basic", DATE_TIME,
             r"(?<![\w])(?P<phi>(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?"
             r"(?:\.\d{1,6})?(?:Z|[+\-]\d{4})?)(?![\w])", 0.9, needs=_digit_and(r"\d{8}T\d{4}"), flags=0),
        Rule("date_numeric", DATE_TIME, rf"(?<![\d/.\-vV])(?<!\b(?i:version|firmware|build|release|software|update|app)\s{{1,2}})(?P<phi>{d}[/\-.]{d}[/\-.](?:{y}|\d{{2}}){at_clock})(?![\d/\-]|\.\d)", 0.85,
             needs=has_digit),
        Rule("date_mdy_words", DATE_TIME,
             rf"(?P<phi>\b{MONTH}\s+{d}{ordinal}(?:\s*,?\s*{y}{clock})?)(?![\d])", 0.9, needs=has_digit),
        Rule("date_dmy_words", DATE_TIME,
             rf"(?<!\d)(?<!\d:)(?P<phi>{d}{ordinal}\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{y}{clock}|{clock}))\b", 0.9, needs=has_digit),
        Rule("date_my_words", DATE_TIME, rf"(?P<phi>\b{MONTH},?\s+{y})(?!\d)", 0.85, needs=has_digit),
        # Fax and OCR letter-spacing: "0 4 / 1 1 / 1 9 3 2", "1 7 . 0 3 . 1 9 4 8", month first
        # too ("0 7 / 2 2 / 1 9 5 5").
        Rule("date_letter_spaced", DATE_TIME,
             r"(?<![\d/.])(?P<phi>[0-3]?[ ]?\d[ ]{0,2}[/.\-][ ]{0,2}[0-3]?[ ]?\d[ ]{0,2}[/.\-][ ]{0,2}[12][ ]?\d[ ]?\d[ ]?\d)(?![ ]?\d)",
             0.85, validator=_letter_spaced_date_ok, needs=_digit_and(r"\d \d")),
        # US weekday shorthand: "Thursday 6/13", "Mon 3/4" (month first; the rule above reads day first).
        Rule("date_weekday_md", DATE_TIME,
             rf"(?P<phi>\b{weekday}{m}/{d}(?:/(?:{y}|\d{{2}}))?)(?![\d/])", 0.85, needs=_WEEKDAY_SEEN),
        # A clock time glued to a date either side: "05/14/24 07:52", "08/22/2024 at 0730",
        # "0315 on 6 Aug", "14:22 on 09/09/2024". The date alone is the other rules' job; this
        # one widens the span so the time goes too.
        Rule("date_then_time", DATE_TIME,
             rf"(?<![\d/.\-])(?P<phi>(?:{d}[/\-.]{d}[/\-.](?:{y}|\d{{2}})|{y}[/\-.]{m}[/\-.]{d}|{d}\s+{MONTH}(?:\s+{y})?|"
             rf"{d}[\-/.]{MONTH}[\-/.](?:{y}|\d{{2}}))"
             # (a chat app's comma between them: "[14/03/2024, 09:12]"; after a comma four bare digits are a
             # time only with its unit, "01/02/2024, 1800 hrs", not "01/02/2024, 1800 kcal")
             rf"(?:(?:\s+(?:at\s+)?|T)(?:(?:[01]?\d|2[0-3]):[0-5]\d|(?:[01]\d|2[0-3])[0-5]\d)|,\s+(?:at\s+)?(?:(?:[01]?\d|2[0-3]):[0-5]\d"
             rf"|(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]*(?:hrs|h)(?![\w]))))(?::[0-5]\d)?(?:[ \t]*(?:hrs|h|am|pm)(?![\w]))?)"
             r"(?![\d/]|:\d|\s*(?i:mg|mcg|ml|g|kg|units?|iu|mmol|%))",
             0.9, needs=_digit_and(r"\d,?\s+(?:at\s+)?\d{1,2}:?\d\d|\dT\d")),
        # The clock time before a full numeric date, as a phone or a chat app stamps a message:
        # "received 09:44 22/02/2024", "[10:14 AM 3/18/2024]". A colon in the time, a year in the date.
        Rule("time_then_date", DATE_TIME,
             # (not a titre's ratio: "ANA 1:40 12/03/2024", "titer of 1:20 14/02/2024")
             rf"(?<![\d:./])(?<!\b(?i:ana|anca|ena|dsdna|asot|titre|titer|titres|titers|ratio|dilution)(?:\s+of)?\s{{1,3}})"
             rf"(?P<phi>(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:am|pm|a\.m\.|p\.m\.))?\s{{1,2}}"
             rf"{d}[/\-.]{d}[/\-.](?:{y}|\d{{2}}))(?![\d/]|\.\d)",
             0.9, needs=_digit_and(r"\d:\d\d(?:\s?[apAP]\.?[mM]\.?)?\s{1,2}\d{1,2}[/\-.]\d")),
        # A month/day with no year and the clock time straight after it, as a chat log, a flowsheet or a
        # portal header stamps a line: "10/3 08:12:", "ICU flowsheet 8/14 0200", "Sat 6/8 21:14". The time
        # makes the pair a timestamp (a grade, a score or a fraction takes no clock time after it). Not
        # after "at": an appointment's "Thu 7/11 at 2:40pm" keeps its time apart (the sets mark the day).
        Rule("date_md_clock", DATE_TIME,
             rf"(?<![\d/.\-:])(?<!\b(?i:score|scored|pain|power|strength|grade|gcs|rated|scale|vas|nrs|mmse|moca)[:= ]{{1,3}})"
             # a score anywhere in the words before it: "Pain score was 6/10 08:00", "Pain at rest 7/10 0600"
             # (not across a word that dates: "pain free since 6/10 08:00", "pain settled, seen on 6/10 08:00")
             rf"(?:(?<=\b(?i:on)[ ])|(?<!\b(?i:scores?|scored|pain|rated|rating|scale|vas|nrs)\b"
             rf"(?:(?!\b(?i:since|from|until|till|dated)\b)[^\d\n/]){{0,20}}))"
             rf"(?P<phi>(?:\b{weekday})?(?:{m}/{d}|{day_first})[ ]{{1,2}}"
             rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d|(?:[01]\d|2[0-3])[0-5]\d)(?:[ ]?(?i:hrs|h|am|pm)(?![\w]))?)"
             r"(?![\d/]|[:.]\d|\s*(?i:mg|mcg|ml|g|kg|units?|iu|mmol|mm|cm|%)\b)",
             0.85, needs=_digit_and(r"\d/\d{1,2}[ ]{1,2}\d{1,2}:?\d\d")),
        # A day-first date with no year after the clock time, as an ambulance handover or a log stamps an
        # event ("T: 06:48 15/03"): one timestamp (the titre guard as for the full date).
        Rule("time_then_day_month", DATE_TIME,
             rf"(?<![\d:./])(?<!\b(?i:ana|anca|ena|dsdna|asot|titre|titer|titres|titers|ratio|dilution)(?:\s+of)?\s{{1,3}})"
             rf"(?P<phi>(?:[01]?\d|2[0-3]):[0-5]\d\s{{1,2}}(?:{day_first}|{m}/{d}))(?![\d/]|\.\d)",
             0.85, needs=_digit_and(r"\d:\d\d\s{1,2}\d{1,2}/\d")),
        # A day given with the time it is booked for: "booked for 3/17 at 10:00", "Wed Jun 4 at 10:15am",
        # "Thursday March 19 at 9:30am". The newer labelled sets mark the time with the day; older ones
        # the day alone, which the whole span still covers.
        Rule("date_at_clock", DATE_TIME,
             rf"(?<![\d/.\-:])(?<!\b(?i:score|scored|pain|power|strength|grade|gcs|rated|scale|vas|nrs|mmse|moca)[:= ]{{1,3}})"
             rf"(?P<phi>(?:\b{weekday})?(?:{MONTH}\s+{d}{ordinal}|{d}{ordinal}\s+(?:of\s+)?{MONTH}|{m}/{d}|{day_first})"
             rf",?\s{{1,2}}(?:at|@)\s{{1,2}}(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?))"
             r"(?![\d:]|\.\d|\w)",
             0.85, needs=_digit_and(r"(?i)\d(?:st|nd|rd|th)?,?\s{1,2}(?:at|@)\s{1,2}\d")),
        Rule("time_on_date", DATE_TIME,
             rf"(?<![\d:.])(?P<phi>(?:(?:[01]?\d|2[0-3]):[0-5]\d|(?:[01]\d|2[0-3])[0-5]\d)(?:\s*(?:hrs|h|am|pm))?\s+on\s+(?:(?:the\s+)?{d}{ordinal}\s+(?:of\s+)?{MONTH}(?:\s+{y})?|"
             rf"{MONTH}\s+{d}{ordinal}(?:,?\s+{y})?|{d}[/\-.]{d}(?:[/\-.](?:{y}|\d{{2}}))?))(?![\d/])",
             0.9, needs=_digit_and(r"\d\s+on\s+\w")),
        # The clock time after "at" (or "@") that a full date in words is given with: "Feb 11 2026 at 2245",
        # "3 May 2026 @ 9am", "March 3rd, 2026 at 10.30". The span starts on the year, so that it joins
        # the date's own span. Only after a year: an appointment's "Thu Oct 16 at 7:45 AM" keeps its
        # time of day apart (the evaluation sets mark the day alone there; a time is no Safe Harbor item).
        Rule("date_words_at_time", DATE_TIME,
             rf"(?<=\b(?:{MONTH}\s{{1,2}}{d}{ordinal}|{d}{ordinal}\s{{1,2}}(?:of\s+)?{MONTH}),?\s{{1,2}})(?P<phi>{y}"
             rf",?\s{{1,2}}(?:at|@)\s{{1,2}}(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?|(?:[01]\d|2[0-3])[0-5]\d(?:\s?h(?:rs?)?)?"
             rf"|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?))(?![\d:]|\.\d|\s*(?i:mg|mcg|ml|units?|%))",
             0.85, needs=_digit_and(r"(?i)(?:19|20)\d\d,?\s{1,2}(?:at|@)\s{1,2}\d")),
        # Holidays with a year: "Christmas 2021", "Easter 2019", "New Year's Day 2023".
        Rule("date_holiday_year", DATE_TIME,
             rf"(?P<phi>\b(?:Christmas(?:\s+(?:Day|Eve))?|Easter(?:\s+(?:Sunday|Monday))?|Thanksgiving|New\s+Year['’]?s(?:\s+(?:Day|Eve))?|"
             rf"Halloween|Diwali|Eid(?:\s+al-\p{{L}}+)?|Ramadan|Hanukkah|Passover|Boxing\s+Day|Labou?r\s+Day|Memorial\s+Day|"
             rf"Independence\s+Day|Lunar\s+New\s+Year|Chinese\s+New\s+Year)(?:\s+(?:of|in))?,?\s+{y})(?!\d)",
             0.85, needs=_digit_and(r"(?:19|20)\d\d"), flags=0),
        # Ordinal words, as dictation writes them: "the twelfth of march", "third of june".
        Rule("date_ordinal_words", DATE_TIME,
             rf"(?P<phi>\b(?:(?:twenty|thirty)[\s\-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
             rf"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
             rf"\s+of\s+{MONTH}(?:,?\s+{y})?)(?!\w)",
             0.85, needs=_seen(r"(?i)th\s+of\s|first\s+of\s|second\s+of\s|third\s+of\s")),
        # A month/day with no year after a note or visit word: "Prog note 4/2", "Follow-up note 9/11".
        Rule("date_note_md", DATE_TIME,
             # (and the day someone died, a last period, a recheck: "died 04/02", "LMP 02/20", "Recheck 3/20")
             rf"(?<=\b(?:note|notes|visit|review|seen|consult|f/u|follow-up|clinic|dated|update|died|deceased|(?i:lmp|dod)|"
             rf"(?i:recheck|re-check))[\s:]{{1,3}})(?P<phi>{m}/{d})(?![\d/]|\.\d)"
             # "seen 3/7 post-op", "review 2/52": days and weeks in clinical shorthand
             r"(?!\s*(?i:post|postop|days?|weeks?|months?|ago)\b)",
             0.7, needs=_digit_and(r"\d/\d")),
        # Dictation: "the fifth of march nineteen forty two", "march fifth", "june the twenty-first, two thousand and three".
        Rule("date_spoken", DATE_TIME,
             rf"(?P<phi>\b(?:{_ORD_WORD}\s+of\s+{MONTH}|{MONTH}\s+(?:the\s+)?{_ORD_WORD})(?:,?\s+{_SPOKEN_YEAR})?)(?![\w\-])",
             0.85, needs=contains_any("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                                "eleventh", "twelfth", "teenth", "twentieth", "thirtieth")),
        # A birth date said aloud without "of", its year in two words: "born twelfth June fifty-eight",
        # "DOB third March sixty-one". After "born"/"DOB" only: "second June" alone is too common.
        Rule("date_spoken_born", DATE_TIME,
             rf"\b(?i:born(?:\s+on)?|dob|d\.o\.b\.?|date\s+of\s+birth)[:\s]+(?:the\s+)?(?P<phi>{_ORD_WORD}\s+(?:of\s+)?{MONTH}"
             rf"(?:,?\s+(?:{_SPOKEN_YEAR}|{_TENS_WORD}(?:[\s\-]{_UNIT_WORD})?|(?:19|20)?\d{{2}}))?)(?![\w\-])",
             0.85, needs=contains_any("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                                "eleventh", "twelfth", "teenth", "twentieth", "thirtieth")),
        # "Tues 4th at 10:30": a weekday and an ordinal day.
        Rule("date_weekday_ordinal", DATE_TIME, rf"(?P<phi>\b{weekday}{d}(?:st|nd|rd|th))(?![\w])", 0.85,
             needs=_WEEKDAY_SEEN),
        # A month/day with no year after "on" or an appointment word: "appt on 3/4 at 2pm".
        Rule("date_on_md", DATE_TIME,
             rf"(?<=\b(?:on|appt|appointment|until|till|due|dated|from|since)\s{{1,2}})(?P<phi>{m}/{d}|{day_first})(?=\s+(?:at|@|by|with)\b|\s*[,;)]|\.(?!\d)|\s*$|\s+(?:and|to|-|–)\s)"
             # "from 4/5 to 5/5": a power grade improving, not two dates
             r"(?!\s*(?:to|-|–|->|→)\s*\d{1,2}/\d)",
             0.7, needs=_ON_MD_SEEN),
        # A month/day with no year after a word that dates an event: "labs drawn 3/30",
        # "admission 9/1, discharge 9/6", "my results from 5/2 said", "last Thursday (5/3)".
        # Not a grade or a score: "from 4/5 to 5/5", "power 4/5", "3/7 post-op" have no such cue.
        Rule("date_event_md", DATE_TIME,
             rf"(?:(?<=\b(?:drawn|taken|collected|done|performed|admission|admitted|discharge|discharged|dated|"
             rf"visit|seen|filled|refilled|dispensed|picked\s+up|vaccinated|immuni[sz]ed|results?\s+(?:from|of|on)|labs?\s+(?:from|of|on)|bloods?\s+(?:from|of|on)|"
             rf"scan\s+(?:from|of|on)|since|starting|started|stopped|surgery|op|operation|procedure|injury|fall|"
             rf"(?:last|this|next)\s+visit|"
             # "meeting 1/30", "discharge planned 14/06", "scheduled it for 4/22", "last inj 5/15"
             rf"meeting|planned|scheduled(?:\s+(?:it|him|her|them))?\s+for|(?:last|next)\s+inj(?:ection)?|"
             # "follow-up task set for 12/31", "due 7/25", "until 6/24", "But on 11/20 he was up till 3"
             rf"set\s+for|due(?:\s+(?:on|by))?|until|(?:but|and|then)\s+on|"
             # "seen on 3/17 for …", "recheck after 3/27 if …", "born 2/14 at 38 weeks", "drop-off 4/10"
             rf"returned|re-presented|represented|presented|attended|sent\s+home|went\s+home|"
             rf"(?:seen|visit|admitted|discharged|recheck|re-check|return|rtc|born|delivered|finished|completed|"
             rf"drop-off|dropped\s+off|pick-?up|picked\s+up|booked|rebooked|rescheduled)\s{{1,2}}(?:on|after|before|by)|"
             rf"born|delivered|drop-off|dropoff|pick-?up|booked|rebooked)\s{{1,2}})|"
             rf"(?<=\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tomorrow|week)\s{{1,2}}\()|"
             # the operation named by its own word: "s/p total knee arthroplasty 10/29", "appendectomy 3/14"
             rf"(?<=\p{{Ll}}{{3}}(?:plasty|ectomy|otomy|ostomy|scopy)\s{{1,2}}(?:on\s{{1,2}})?)|"
             # "since yesterday night 11/20", "this morning (3/4)"
             rf"(?<=\b(?:yesterday|last|this|tomorrow|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s+"
             rf"(?:night|morning|evening|afternoon)\s{{1,2}}\(?))"
             rf"(?P<phi>{m}/{d}|{day_first})(?![\d/]|\.\d|\s*(?:to|->|→|-|–)\s*\d|\s*(?i:post|tabs?|caps?|mg|power|strength|weeks?|days?|doses?|of|vials?|bottles?|packs?|pain|score|scale|levels?|segments?)\b)",
             0.7, needs=_digit_and(r"\d/\d")),
        # "move my appt from 6/3 to 6/10", "reschedule to 9/14": after an appointment word a
        # month/day range is two dates, not a grade going from one value to another.
        Rule("date_appt_md", DATE_TIME,
             rf"(?<=\b(?:appt|appointment|booking|rebook|reschedule|move)\b[^.\n\d]{{0,12}}\b(?:from|to|on)\s{{1,2}}"
             rf"(?:{m}/{d}\s{{1,2}}(?:to|-|–)\s{{1,2}})?)(?P<phi>{m}/{d})(?![\d/]|\.\d)",
             0.7, needs=_digit_and(r"(?i)(?:appt|appointment|booking|reschedul|move)\D{0,20}\d{1,2}/\d")),
        # Table cells and form boxes split by bars: "DOB: 11 | 23 | 1948", "| 02 | 11 | 2026 09:14 |".
        Rule("date_barred", DATE_TIME,
             rf"(?<![\d/.\-])(?<!\d[ ]{{0,2}}\|[ ]{{0,2}})(?P<phi>{d}[ ]{{0,2}}\|[ ]{{0,2}}{d}[ ]{{0,2}}\|[ ]{{0,2}}{y}"
             rf"(?:[ ]{{1,2}}(?:[01]?\d|2[0-3]):[0-5]\d)?)(?![\d]|[ ]{{0,2}}\|[ ]{{0,2}}\d(?!\d?:?\d\d(?!\d)))",
             0.85, needs=_digit_and(r"\d[ ]{0,2}\|[ ]{0,2}\d")),
        # A date written with spaces only, after a date label: "DOS: 02 14 25", "DOB 07 22 1955".
        Rule("date_space_only", DATE_TIME,
             rf"(?<=\b(?:DOS|DOB|D\.O\.B\.?|DOD|DOA|Date(?:\s+of\s+(?:service|birth|death|admission|visit|injury))?|"
             rf"Admitted|Discharged|Collected|Seen)\s*[:#]?\s{{1,3}})(?P<phi>{d}[ ]{d}[ ](?:{y}|\d{{2}}))(?![ ]?\d)",
             0.8, needs=_digit_and(r"\d\d? \d\d? \d\d")),
        # Part of a year: "diagnosed in late 2021", "since early 2019", "by mid-2024".
        Rule("date_part_of_year", DATE_TIME,
             rf"(?<=\b(?i:in|since|from|until|till|by|around|during|of)\s+)(?P<phi>(?i:late|early|mid)[\s\-]{y})(?!\d)",
             0.75, needs=contains_any("late", "early", "mid")),
        # Roman-numeral months, as British notes write them: "27.ii.26", "3/XI/2025".
        Rule("date_roman_month", DATE_TIME,
             rf"(?<![\w.])(?P<phi>{d}(?P<sep>[./\-])(?:i{{1,3}}|iv|vi{{0,3}}|ix|xi{{0,2}})(?P=sep)(?:{y}|\d{{2}}))(?![\w])",
             0.8, needs=_seen(r"(?i)\d[./\-][ivx]+[./\-]\d")),
        Rule("date_iso_month", DATE_TIME,
             # "expiry 2026-09": a lot's or a card's expiry month, not the patient's
             rf"(?<![\d/.\-])(?<!\b(?i:exp|expiry|expires|expiring|expiration|use\s+by|best\s+before|valid\s+(?:until|thru|through))\.?:?\s{{0,2}})"
             rf"(?P<phi>{y}-(?:0[1-9]|1[0-2]))(?![\d\-/]|\.\d)", 0.75,
             needs=_digit_and(r"(?:19|20)\d\d-[01]\d(?![\d\-])")),
        Rule("date_words_short_year", DATE_TIME,
             rf"(?P<phi>\b{MONTH}\s+{d}{ordinal},?\s*['’‘]\d{{2}}|(?<!\d){d}{ordinal}\s+(?:of\s+)?{MONTH},?\s*['’‘]\d{{2}})(?![\d\w])",
             0.9, needs=_digit_and(r"['’‘]\d\d")),
        # A card or account by its last four digits: "card ending 4421", "Visa ending in 0093".
        # OCR and typed forms pad the separators: "08 - 30 - 1947", "1961 . 07 . 03", "2025 - 04 - 11".
        Rule("date_padded", DATE_TIME,
             rf"(?<![\d/.\-])(?P<phi>{d}[ ]{{0,2}}[\-/.][ ]{{0,2}}{d}[ ]{{0,2}}[\-/.][ ]{{0,2}}{y}|{y}[ ]{{0,2}}[\-/.][ ]{{0,2}}{m}[ ]{{0,2}}[\-/.][ ]{{0,2}}{d})"
             r"(?![\d/\-]|\.\d|[ ]{0,2}[\-/.][ ]{0,2}\d)",
             0.85, validator=lambda v: " " in v, needs=_digit_and(r"\d [\-/.]|[\-/.] \d")),
        # The same padding with a two-digit year, as OCR'd headers print it: "02 . 27 . 26",
        # "3 / 11 / 25". Both separators the same and spaced, so "1 - 2 - 3" grades and
        # "120 / 80" stay text.
        Rule("date_padded_short_year", DATE_TIME,
             rf"(?<![\d/.\-][ ]?)(?P<phi>{d}(?P<sep>[ ]{{1,2}}[\-/.][ ]{{1,2}}){d}(?P=sep)\d{{2}})"
             r"(?![\d/\-]|\.\d|[ ]{0,2}[\-/.][ ]{0,2}\d|\s*(?i:mm|cm|mg|ml|%|x\b))",
             0.8, validator=_padded_short_year_ok, needs=_digit_and(r"\d [\-/.] \d")),
        # A month and year with no day: "06/2021", "Sept '19", "August (2024)", "spring of 2022".
        Rule("date_month_year_numeric", DATE_TIME,
             r"(?<![\d/.\-:])(?<!\b(?i:dilution|titre|titer|ratio|version|v)\s{0,2})"
             # an expiry date belongs to a vaccine lot or a card, not to the patient
             r"(?<!\b(?i:exp|expiry|expires|expiring|expiration|use\s+by|best\s+before|valid\s+(?:until|thru|through)|good\s+thru)\.?:?\s{0,2})"
             r"(?P<phi>(?:0[1-9]|1[0-2]|[1-9])[/.](?:19[3-9]\d|20[0-4]\d))"
             r"(?![\d/\-]|\.\d|\s*(?i:dilution|titre|titer))",
             0.75, needs=_digit_and(r"(?<![\d/.])\d{1,2}[/.](?:19|20)\d\d(?![\d/])")),
        Rule("date_month_apostrophe_year", DATE_TIME, rf"(?P<phi>\b{MONTH}[ ]?['’‘`][ ]?\d{{2}})(?![\d\w])", 0.85,
             needs=_digit_and(r"[A-Za-z.] ?['’‘`] ?\d\d")),
        Rule("date_month_bracket_year", DATE_TIME, rf"(?P<phi>\b{MONTH}\s*\(\s*{y}\s*\))", 0.85, needs=_digit_and(r"\(\s*(?:19|20)\d\d")),
        Rule("date_season_year", DATE_TIME,
             rf"(?P<phi>\b(?i:spring|summer|autumn|fall|winter)(?:\s+of)?,?\s+(?:{y}|['’]\d{{2}}))(?![\d\w])", 0.8,
             needs=contains_any("spring", "summer", "autumn", "fall", "winter")),
        # A day of this month: "bloods on the 14th", "since the 3rd,", "eye checkup on 18th" (not "on the
        # 3rd floor"). A result or a verb may follow ("CT on the 16th negative", "on the 3rd but still"), or
        # an emoji. The span keeps its "the": labelled sets mark "the 14th" as often as "14th", and a span
        # of "the 14th" still lies half inside a gold "14th".
        Rule("date_day_ordinal", DATE_TIME,
             r"(?<=\b(?i:on|from|since|until|till|by|before|after|due|for|(?:is|was|'s)(?=\s+the))\s+)(?P<phi>(?:the\s+)?(?:[12]?\d|3[01])(?:st|nd|rd|th))"
             r"(?=\s*(?:[,.;!?)\-–\p{So}]|$)|\s+(?i:and|or|at|till|until|morning|afternoon|evening|night|when|then|so|as|if|because|"
             r"visiting|onwards|inclusive|please|thanks|but|negative|positive|normal|unremarkable|clear|showed|shows|revealed|"
             r"was|were|is|are)\b)",
             0.7, needs=_digit_and(r"(?i)\b(?:the|on|from|since|until|till|by|before|after|due|for) \d{1,2}(?:st|nd|rd|th)\b")),
        # Ranges: "2 to 16 January 2025", "March 3-7, 2024".
        Rule("date_range", DATE_TIME,
             rf"(?<!\d)(?P<phi>{d}{ordinal}\s*(?:-|–|to|and|until)\s*{d}{ordinal}\s+(?:of\s+)?{MONTH}(?:,?\s*{y})?|"
             rf"\b{MONTH}\s+{d}{ordinal}\s*(?:-|–|to|until)\s*{d}{ordinal}(?:,?\s*{y})?)(?![\d\w])",
             0.85, needs=_digit_and(r"\d\s*(?:-|–|to|and|until)\s*\d")),
        Rule("date_dob", DATE_TIME, r"\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)[\s:]*(?P<phi>\d{1,4}[\-/.]\d{1,2}[\-/.]\d{1,4})",
             0.95, needs=has_digit),
        # "DOB 19331107": a compact year-month-day after a birth label.
        Rule("date_dob_compact", DATE_TIME,
             r"\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?|b\.)[\s:#]*(?P<phi>(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)",
             0.9, needs=_digit_and(r"(?:19|20)\d{6}")),
        # A compact day-or-month-first birth date in a form box: "BIRTHDATE 11021949", "DOB 07111933".
        Rule("date_dob_compact_dmy", DATE_TIME,
             r"\b(?:DOB|D\.O\.B\.?|date of birth|birth\s?date|born(?: on)?)[\s:#]*"
             r"(?P<phi>(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2]))(?:19|20)\d{2})(?!\d)",
             0.9, needs=_digit_and(r"\d{4}(?:19|20)\d{2}")),
        # A relative's age at death in a pedigree: "father Walter d. 91", "(d. 94)".
        Rule("age_at_death", AGE, r"(?<=(?:\b\p{Lu}\p{Ll}+|\))\s(?-i:d)\.\s?|\b(?i:died|deceased)\s+(?i:aged?|at)\s+)(?P<phi>9\d|1[01]\d)(?![\d.:/\-%]|\s*(?i:%|percent|mg|mcg|ml|kg|g|mm|cm|units?|iu)\b)",
             0.75, needs=_digit_and(r"(?:d\. ?|died |deceased )\D{0,4}(?:9\d|1[01]\d)")),
        # Month first with hyphens: "Nov-07-1933", "Mar-11-2026".
        Rule("date_mon_d_y", DATE_TIME, rf"(?<![\w\-/.])(?P<phi>{MONTH}[\-/.]{d}[\-/.](?:{y}|\d{{2}}){clock})(?![\w\-/]|\.\d)", 0.9,
             needs=_digit_and(r"[A-Za-z][\-/.]\d")),
        # Spanish and Portuguese dates in English chat: "since martes 14 de mayo", "5 de março de 2024".
        Rule("date_es_pt", DATE_TIME,
             r"(?<![\w/.\-])(?P<phi>[0-3]?\d\s+de\s+(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
             r"octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)"
             r"(?:\s+(?:de|del)\s+(?:19|20)\d{2})?)(?![\w])",
             0.85, needs=_digit_and(r"\d\s+de\s+\w"), flags=0),
        # A day and month with no year before a clock time: "family meeting 12/08 at 1500", "review 3/4 at 10:30".
        # A day and month after the part of the day it names: "found confused on the morning of 4/11".
        Rule("date_dm_part_of_day", DATE_TIME,
             r"\b(?i:morning|afternoon|evening|night)[ ]of[ ](?P<phi>[0-3]?\d/[01]?\d)(?![\w/\-]|\.\d|[ ]?(?i:mg|mcg|ml|g|units?|iu|mmol)\b)",
             0.8, validator=_day_month_ok, needs=_digit_and(r"(?i)(?:morning|afternoon|evening|night) of \d"), flags=0),
        Rule("date_dm_at_time", DATE_TIME,
             r"(?<![\w/.\-:])(?<!\b(?i:power|motor|grade|mrc|strength|score|scored|gcs|pain|rated|murmur|reflexes|sats?|"
             r"apgar|eye|verbal|tone|bristol|fluid|feeds?)[:=]?\s{1,2})"
             r"(?P<phi>[0-3]?\d/[01]?\d)(?=\s+at\s+(?:[01]?\d|2[0-3]):?[0-5]\d(?:\s*(?:h|hrs|am|pm))?(?![\w/\-:]|\.\d))",
             0.8, validator=_day_month_ok, needs=_digit_and(r"\d/\d{1,2}\s+at\s+\d"), flags=0),
        # A day and month after a cycle's label opening a line of a treatment log (`_CYCLE_LOG_SEEN`).
        Rule("date_md_cycle_log", DATE_TIME,
             r"(?m)^[ \t]*(?:C|Cycle[ ]?)\d{1,2}[ \t:,\-]+(?P<phi>[01]?\d/[0-3]?\d)(?![\w/\-]|\.\d)"
             r"(?!\s+(?i:power|strength|bilat|bilaterally|motor|sensation|reflex))",
             0.8, validator=_month_day_ok, needs=_CYCLE_LOG_SEEN, flags=0),
        # A day and month after an event of the ward's day: "Ward round 15/03, Mr …", "MDT 02/11:".
        Rule("date_dm_after_round", DATE_TIME,
             r"\b(?i:ward\s+round|post[\s\-]?take(?:\s+ward\s+round)?|board\s+round|MDT|handover)\s+(?:on\s+)?"
             r"(?P<phi>[0-3]?\d/[01]?\d)(?![\w/\-]|\.\d|\s+(?i:power|strength|pain|murmur|score|on\s+the\s+scale))",
             0.8, validator=_day_month_ok, needs=_digit_and(r"(?i)(?:round|take|mdt|handover)\s+(?:on\s+)?\d{1,2}/\d"), flags=0),
        # a date with its clock time after an at sign, or a military date-time group: "6/2/2024 @ 2210", "10/15 @ 1800",
        # "14MAR24 0712", "220915ZJUN23"; and a DICOM header's dates ("PatientBirthDate : 19550228")
        Rule("date_at_time", DATE_TIME,
             r"(?<![\d/])(?P<phi>\d{1,2}/\d{1,2}(?:/\d{2,4})?[ ]@[ ]\d{3,4}(?:[ ]?hrs?)?)(?![\d/])", 0.8,
             needs=contains_any(" @ "), flags=0),
        Rule("date_military_compact", DATE_TIME,
             r"(?<![\w])(?P<phi>(?:\d{6}Z|\d{1,2})(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{2}(?:[ ]\d{4}(?:[ ]?hrs?)?)?)(?![\w])",
             0.8, flags=0),
        Rule("dicom_date", DATE_TIME,
             r"(?:PatientBirthDate|StudyDate|SeriesDate|AcquisitionDate|ContentDate|InstanceCreationDate)[ \t]*[:=][ \t]*(?P<phi>(?:19|20)\d{6})(?!\d)",
             0.85, needs=contains_any("Date"), flags=0),
        # OCR swaps in a numeric date: "O4/I2/1947", "l2.O3.2025".
        Rule("date_ocr_swapped", DATE_TIME,
             r"(?<![\w/.\-])(?P<phi>[0-3OIl]?[0-9OIl](?:[/.\-]|[ ][/.\-][ ])[0-3OIl]?[0-9OIl](?:[/.\-]|[ ][/.\-][ ])"
             r"(?:(?:19|20|l9|I9|2O|2o)[0-9OIl]{2}|[0-9OIl]{2})"
             # the clock time after it, swapped too: "1O/O2/2O26 O6:15"
             r"(?:[ ]{1,2}(?:[01OIl]?[0-9OIl]|2[0-3OIl]):[0-5OIl][0-9OIl](?![\w:]))?)(?![\w/\-]|\.\d)",
             0.85, validator=_ocr_date_ok, needs=_digit_and(r"[OIl][/.\-]|[/.\-][OIl]|\d[OIl]|[OIl]\d"), flags=0),
        # The same swaps in a year-first date, as forms and exports print it: "2O26-O3-O9", "2026-O3-O9".
        Rule("date_ocr_swapped_year_first", DATE_TIME,
             r"(?<![\w/.\-])(?P<phi>(?:19|20|l9|I9|2O|2o)[0-9OIl]{2}([/.\-])[01OIl]?[0-9OIl]\2[0-3OIl]?[0-9OIl])(?![\w/\-]|\.\d)",
             0.85, validator=_ocr_year_first_ok, needs=_digit_and(r"[OIl][/.\-]|[/.\-][OIl]|\d[OIl]|[OIl]\d"), flags=0),
    ]
