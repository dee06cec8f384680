"""Chinese dates, times and ages: numeric and written-out dates, clock times after them, relative
days and holidays, OCR-misread digits, and ages over 89.

One family of regex rules (`zh_date_age_rules`, run as the ZhDateAgeRecognizer) with the patterns
and checks only it uses, kept apart so the date and age rules read as one unit.
"""

from __future__ import annotations

import regex

from mediscope.deid.normalize import OCR_DIGITS
from mediscope.deid.recognizers.base import Rule, contains_any, has_digit
from mediscope.deid.recognizers.zh_patterns import CN_NUM, _alt
from mediscope.deid.types import AGE, DATE_TIME

# A clock time after a date: a weekday in brackets, a part of the day, then 9:30, 03:20:55,
# 05时17分 or 8点(半), maybe rounded (8点左右, 2点多); ISO's T counts as a space. A clock in
# Chinese numerals (下午三点, 凌晨两点半) needs the part of the day: 一点 alone is "a little".
_DAY_PART = r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|夜里|夜间|清晨|早晨|半夜|深夜|晚|早|夜)"
_ARABIC_CLOCK = (r"(?:(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?|(?:[01]?\d|2[0-3])\s*[时点](?:\s*[0-5]?\d\s*分|半)?)")
_CN_CLOCK = r"(?:十[一二]?|[一二三四五六七八九两])[时点](?:半|[一二三四五]十分?|[一三]刻|零?[一二三四五六七八九]分)?"
_CLOCK = rf"(?:{_DAY_PART}?\s*{_ARABIC_CLOCK}|{_DAY_PART}{_CN_CLOCK})(?:多|左右|许)?"
_TIME = (
    # (the weekday between, in brackets or not: 2026年3月2日（周一）8:14, 2026年3月2日 星期一 08:14)
    r"(?:\s*[（(](?:下下?|上上?|本|这)?(?:周|星期|礼拜)[一二三四五六日天][）)]|[ \t\u3000]?(?:星期|礼拜|周)[一二三四五六日天])?\s*(?:T|\s*)"
    + _CLOCK
)

# The end of a slot after its start (15:00–15:40, 14:00-14:30, 9:00至9:30): the same appointment.
_TIME_END = r"(?:\s*[-–—~～至到]\s*(?:[01]?\d|2[0-3])[:：][0-5]\d)?"


_CLOCK_RE = regex.compile(r"\d\s*(?:[:：]\s*[0-5]\d|[时点])|[午晚早晨夜上][一二三四五六七八九十两][时点]")
# Every age closed by 了 has its number right before (多/出头) 了.
_AGE_LE_GATE = regex.compile(r"(?:十[一二三四五六七八九]?|一百|百零?[一二三四五六七八九]|[9]\d|1[01]\d)(?:多|出头)?了")


_AGE_QUESTION = regex.compile(r"多大|几岁|岁数|年纪|高寿|多少岁")


def _has_clock(text: str) -> bool:
    return _CLOCK_RE.search(text) is not None


# A line that opens with a full or a short date (2024.10.08, 24.3.15, 2024-03-01, 10月22日).
_DATED_LINE = regex.compile(r"(?m)^[ \t]*(?:(?:19|20)?\d{2}[./\-]\d{1,2}[./\-]\d{1,2}|\d{1,2}月\d{1,2}[日号])(?![\d./\-])")
# One digit, a space, one digit: a number letter-spaced by a scanner or a template.
_SPACED_DIGITS = regex.compile(r"(?<!\d)\d \d(?!\d)")
_SP_M = r"(?:0 [1-9]|1 [0-2]|0?[1-9]|1[0-2])"
_SP_D = r"(?:0 [1-9]|[12] \d|3 [01]|0?[1-9]|[12]\d|3[01])"


def _two_digit_year_date(value: str) -> bool:
    """dd/mm/yy or yy/mm/dd: the middle part is a month and one outer part a day."""
    a, b, c = (int(x) for x in value.split("/"))
    return 1 <= b <= 12 and (1 <= a <= 31 or 1 <= c <= 31) and not (a == b == c)


# Three readings of a lab value, each a time or a count, with the unit after them (凝血时间 12/11/10 秒,
# 出血时间 13/12/11s): serial values, no date.
_LAB_UNIT_AFTER = r"(?!\s?(?:s(?![a-z])|sec|min|ms|[秒次个%]|分(?!别)|天(?!气)))"


_NINETY_CN = r"(?:九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?)(?![十百千万点])"
_OLD_RELATIVES = ("奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "太奶奶", "太爷爷", "太姥姥", "太姥爷", "老人", "老人家",
                  "老母亲", "老父亲", "婆婆", "公公", "老太太", "老爷子", "老伴")


_VISIT_WORDS = ("复查|复诊|入院|出院|手术|就诊|住院|开始|查房|检查|抽血|来院|返院|随访|拆线|换药|出生|生的|做的|发病|起病|"
                "发现|确诊|诊断|开药|打针|接种|分娩|生产|体检|预约|挂号|去世|死亡|晚上|上午|下午|早上|凌晨|中午")
# A day written as eight digits (20240320); zh_identifiers keeps it from being read as a number.
COMPACT_DAY = r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_REL_YEAR = r"(?:大前年|前年|去年|今年|明年|后年|当年|同年)"
_REL_MONTH = r"(?:上上个?月|上个?月|这个月|本月|下个?月|当月)"
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九]|[正腊冬元])"
_CN_DAY = rf"(?:初[{CN_NUM}]{{1,2}}|[一二三四五六七八九十廿卅]{{1,3}}[日号]?)"
# Holidays and the solar terms and lunar feasts people date things by (去年冬至, 2025年腊八).
_HOLIDAYS = (r"元旦|春节|除夕|元宵节?|清明节?|端午节?|中秋节?|国庆节?|五一|十一(?![月日号])|圣诞节?|冬至|夏至|立春|立夏|立秋|立冬|"
             r"小年(?!轻|纪|龄)|大年三十|大年初[一二三四五六七八九十]|七夕|重阳节?|腊八节?|中元节?|春分|秋分")


# A day, week or month named relative to today: 下周一, 本周五, 明天, 今晚, 昨日, 下个月.
_REL_DAY = (r"(?:(?:上上|下下|上|下|本|这|这个|下个|上个)?(?:周|星期|礼拜)[一二三四五六日天]|大?[前昨今明后][天日]|"
            r"[今明昨](?:晚|早|晨|夜)|(?:上上|下下|上|下|本|这|当)个?月)")


def _has_bracket_digit(text: str) -> bool:
    return ("（" in text or "(" in text) and has_digit(text)


_OCR_AGE_GATE = regex.compile(r"[lIO][\dlIO]?\s?(?:周岁|岁)")
_OCR_TIME_TAIL = regex.compile(r"\s{1,2}[0-2OolI]?[\dOolI][:：][0-5OolI][\dOolI]$")


def _ocr_date_ok(value: str) -> bool:
    """A date with letters for digits (2026-0l-05): some letter stands for a digit and, read back
    as digits, the month is 1-12 and the day 1-31 (a code like 2026-IO-OO is no date)."""
    if not any(ch in value for ch in "OolI"):
        return False
    value = _OCR_TIME_TAIL.sub("", value)  # 2O26-O3-11 O7:42: the clock is checked by its shape
    if any(not any(ch.isdigit() for ch in part) for part in regex.split(r"\s?[-/.年月日号]\s?", value) if part):
        return False  # 2026-IO-Ol: a part with no digit at all is a code, not a misread date
    parts = [x for x in regex.split(r"\s?[-/.年月日号]\s?", value.translate(OCR_DIGITS)) if x]
    return len(parts) == 3 and 1900 <= int(parts[0]) <= 2099 and 1 <= int(parts[1]) <= 12 and 1 <= int(parts[2]) <= 31


# A month/day shape that a dose or a count follows is no date: 1/2片, 3/5次, 2.5mg.
_NOT_DOSE_AFTER = r"(?!\s?(?:剂量|量|片|粒|支|瓶|袋|次|mg|ml|g|U|u|mmol|kg|cm))"


# A clinic's words (read after normalisation, so 門診 is 门诊): a slash date with a padded month and day and
# a year of 100-119 in such a note is Taiwan's, counted from 1911 (門診 113/01/05 複診).
_TAIWAN_HINTS = ("民国", "健保", "诊", "医", "台", "护理", "药", "预约")


def zh_date_age_rules() -> list[Rule]:
    d = r"(?:0?[1-9]|[12]\d|3[01])"
    m = r"(?:0?[1-9]|1[0-2])"
    y = r"(?:19|20)\d{2}"
    cn_d = "[一二三四五六七八九十廿卅]{1,3}"  # 廿 (20) and 卅 (30) write lunar days: 腊月廿三
    cn_y = "[零〇一二三四五六七八九]{4}"
    # A product's dates are no person's: 有效期至2027-05, 生产日期 2025.11.03, 批号20250311.
    product = r"(?<!(?:有效期|效期|保质期|失效期|失效日期|有效日期|生产日期|批号|产品批号)(?:至|到)?[\s:：]{0,2})"
    return [
        Rule("date_ymd", DATE_TIME,
             # the day is closed by 日/号 (a time may follow: 5日14时) or by a non-digit
             rf"(?<!\d){product}(?P<phi>{y}\s*(?:年|-|/|\.)\s*{m}\s*(?:月|-|/|\.)\s*{d}(?:\s*[日号]|(?!\d)))", 0.95,
             needs=has_digit),
        # A scanned form spaces out the year's digits too (1 9 3 4 年 5 月 6 日, 19 3 1 年): the year,
        # month and day words close it.
        Rule("date_ymd_spaced_year", DATE_TIME,
             rf"(?<!\d)(?<!\d ){product}(?P<phi>(?=[\d ]{{5,8}}年)[12] ?[09] ?\d ?\d ?年 ?(?:{m}|1 [0-2]|0 [1-9]) ?月 ?(?:{d}|[12] \d|3 [01]|0 [1-9]) ?[日号])", 0.9,
             validator=lambda v: " " in v.split("年")[0] and v.split("年")[0].replace(" ", "")[:2] in ("19", "20"),
             needs=lambda t: "年" in t and "月" in t),
        # A scanned form or a typed template letter-spaces the digits of a whole date, maybe its clock too
        # (2 0 2 4 - 0 3 - 1 1, 2024 年 4 月 1 8 日 1 6 : 4 0): the same date with one space in each gap.
        Rule("date_spaced_digits", DATE_TIME,
             rf"(?<![\d.])(?<!\d ){product}(?P<phi>(?:[12] [09] \d \d|{y})"
             rf"(?: ?(?P<sep>[-/.]) ?{_SP_M} ?(?P=sep) ?{_SP_D}| ?年 ?{_SP_M} ?月 ?{_SP_D} ?[日号])"
             rf"(?: {{1,2}}(?:[01] \d|2 [0-3]|[01]?\d|2[0-3]) ?[:：] ?[0-5] ?\d)?)(?! ?\d)", 0.9,
             validator=lambda v: _SPACED_DIGITS.search(v) is not None, needs=lambda t: _SPACED_DIGITS.search(t) is not None),
        # A year of an era, as Taiwan and Japanese papers write births: 民國68年5月4日, 民国102年3月,
        # 昭和60年1月2日, 民國七十年, 民國68.5.4. The era word belongs to the date (the year alone tells it).
        Rule("date_era", DATE_TIME,
             rf"(?P<phi>(?:中華民國|中华民国|民國|民国|昭和|平成|令和)\s*(?:\d{{1,3}}|[{CN_NUM}百]{{1,4}}|元)\s*年"
             rf"(?:\s*(?:{m}|{_CN_MONTH})\s*月(?:\s*(?:{d}|{cn_d})\s*[日号]?)?)?"
             rf"|(?:中華民國|中华民国|民國|民国)\s*\d{{1,3}}\s?[./\-]\s?{m}\s?[./\-]\s?{d}(?!\d)"
             # Taiwan writes this century's years as 100-119 alone (就診日期：115年3月5日): a full date only
             rf"|(?<![\d.])1[01]\d\s*年\s*{m}\s*月\s*{d}\s*[日号])", 0.9,
             needs=lambda t: "民" in t or "和" in t or "平成" in t or "年" in t),
        # An English date inside Chinese text (05-Mar-2026, 5 March 2026, Mar 5, 2026): a summary
        # copied from an English record keeps its dates.
        Rule("date_en_month", DATE_TIME,
             r"(?<![A-Za-z\d])(?P<phi>(?:\d{1,2}[\- ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[\- ,]\s?(?:19|20)\d{2}"
             r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2})"
             # the clock printed after it on a receipt: 11-MAR-2026 23:51
             r"(?:[ \t]{1,2}(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:]))?)(?!\d)",
             0.9, needs=has_digit),
        # A date whose digits OCR read as letters (2026-0l-05, 2025-1O-12, 2024/O3/l5, 2O26年3月5日): the month and
        # day shapes hold, at least one l/I/O/o stands for 1 or 0, and the digits check out as a date.
        Rule("date_ymd_ocr", DATE_TIME,
             rf"(?<![\dA-Za-z]){product}(?P<phi>(?:[1lI]9|2[0Oo])[\dOolI]{{2}}\s?[-/.]\s?[01OolI][\dOolI]\s?[-/.]\s?[0-3OolI][\dOolI]"
             # the clock read the same way joins the date (采样时间:2O26-O3-11 O7:42)
             r"(?:\s{1,2}(?:[01OolI][\dOolI]|2[0-3OolI])[:：][0-5OolI][\dOolI])?(?![\dA-Za-z])"
             r"|(?:[1lI]9|2[0Oo])[\dOolI]{2}\s?年\s?[\dOolI]{1,2}\s?月\s?[\dOolI]{1,2}\s?[日号])", 0.85,
             validator=_ocr_date_ok, needs=has_digit),
        # Two-digit years with 年: 24年3月5日 (a bare "3年" is a duration, two digits are not).
        Rule("date_ymd_short", DATE_TIME,
             rf"(?<![\d.])(?P<phi>\d{{2}}\s*年\s*{m}\s*月\s*{d}\s*[日号]?)(?!\d)", 0.85, needs=has_digit),
        # A month (and day) of a year named relative to today: 去年10月, 前年春节, 今年正月初六,
        # 去年腊月二十六, 明年3月. "去年" alone or "今年10个月" (an age) is no date.
        Rule("date_relative_year", DATE_TIME,
             rf"(?P<phi>{_REL_YEAR}\s*(?:{m}\s*月(?:份|\s*{d}\s*[日号]|{d}(?![\d天周岁次个号日.]))?(?![\d个])|{_CN_MONTH}月(?:份|{_CN_DAY})?"
             rf"|(?:{_HOLIDAYS})))", 0.85, needs=lambda t: "年" in t),
        # A day of a month named relative to today: 上个月28号, 下个月3日, 本月初五.
        Rule("date_relative_month", DATE_TIME,
             rf"(?P<phi>{_REL_MONTH}\s*(?:{d}\s*[日号]|初[{CN_NUM}]{{1,2}}|[{CN_NUM}]{{1,3}}[日号]))", 0.85,
             needs=lambda t: "月" in t),
        # Two-digit years with a month: 98年3月, 15年8月份, 九八年三月 ("病程10年" has no month; "约10年"
        # and "近10年" measure time).
        Rule("date_ym_short", DATE_TIME,
             rf"(?<![\d.年约近共达计])(?P<phi>\d{{2}}\s*年\s*{m}\s*月(?:份)?)(?![\d个日号])", 0.8, needs=has_digit),
        Rule("date_ym_short_cn", DATE_TIME,
             rf"(?<![{CN_NUM}十百千万约近共])(?P<phi>[零〇一二三四五六七八九]{{2}}年{_CN_MONTH}月(?:份|{_CN_DAY})?)", 0.8,
             needs=lambda t: "年" in t),
        # A year and a month written with a dot, slash or dash: 2012.5, 2019.11, 2018/03, 2020-12;
        # not an amount (2012.5元, 2019.5mg) nor part of a full date or a version (V2019.1); a range
        # (2018.3-2018.9) is two dates.
        Rule("date_ym_dotted", DATE_TIME,
             rf"(?<![A-Za-z\d.．/]){product}(?P<phi>{y}\s?[.．/\-]\s?(?:0?[1-9]|1[0-2]))(?![\d.．/:%])(?!\s?-\s?\d{{1,2}}(?!\d))"
             r"(?!\s?(?:[元块万千百个次岁度分秒斤克升米倍版期届]|mg|ml|kg|g(?![a-z])|mmol|μ|ug|iu|u/|cm|mm|l(?![a-z])))",
             0.8, needs=has_digit),
        # A range of days in one month: 2024年3月5-8日, 3月5日至8日 (the second day too).
        Rule("date_day_range", DATE_TIME,
             rf"(?<!\d)(?P<phi>(?:{y}\s*年\s*)?{m}\s*月\s*{d}\s*[日号]?\s*[-~～—至到]\s*{d}\s*[日号])", 0.85,
             needs=has_digit),
        # Month and day with a dot or slash, where a visit or an event follows (3.15复查, 3/15复诊,
        # 于12.3入院, 我父亲3.18做的射频消融) or 日 closes it (12.3日); not a value after an analyte
        # (血糖6.5复查): only a pause, a preposition or a person stands before it.
        Rule("date_md_event", DATE_TIME,
             rf"(?:(?<=^|[\s，,。；;：:（(【\[于在至到])|(?<=[-~])|(?<=[我他她亲爸妈者儿女]))(?P<phi>{m}\s?[./]\s?{d})"
             # (again: 6/12再次来诊; or what began that day: 11.23起咳嗽)
             rf"(?=\s?(?:再次|又)?(?:{_VISIT_WORDS}|来诊)|起(?![床效来])[\u4e00-\u9fff])", 0.8, needs=has_digit),
        Rule("date_md_dot_ri", DATE_TIME, rf"(?<![\d.])(?P<phi>{m}\.{d}\s*[日号])", 0.85, needs=has_digit),
        # Two-digit year, month and day with dots: 24.3.5入院 (a decimal has one dot).
        Rule("date_ymd_dotted_short", DATE_TIME,
             rf"(?<![A-Za-z\d.版本号第])(?P<phi>\d{{2}}\.{m}\.{d})(?![\d.])", 0.8, needs=has_digit),
        # Lunar dates: 农历八月十五, 阴历三月初三, 农历2023年腊月二十
        Rule("date_lunar", DATE_TIME,
             rf"(?:农历|阴历)(?P<phi>(?:(?:{y}|{cn_y})年)?(?:[正腊冬元]|十[一二]?|[一二三四五六七八九])月(?:初[{CN_NUM}]{{1,2}}|[{CN_NUM}廿卅]{{1,3}})?)",
             0.85),
        # ... with its year before the word (1933年农历八月初六), or a year of the sixty-year cycle and a lunar month
        # (甲辰年冬月十二; the cycle's year alone, 甲辰年, is a year only)
        Rule("date_year_lunar", DATE_TIME,
             rf"(?P<phi>(?:{y}|{cn_y})年(?:农历|阴历)(?:[正腊冬元]|十[一二]?|[一二三四五六七八九])月(?:初[{CN_NUM}]{{1,2}}|[{CN_NUM}廿卅]{{1,3}})?)",
             0.85, needs=lambda t: "农历" in t or "阴历" in t),
        Rule("date_cycle_year_lunar", DATE_TIME,
             rf"(?P<phi>[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年(?:[正腊冬元]|十[一二]?|[一二三四五六七八九])月"
             rf"(?:初[{CN_NUM}]{{1,2}}|[{CN_NUM}廿卅]{{1,3}})?)", 0.85, needs=contains_any("年")),
        # A Chinese medicine record's visits by their order, each with its month and day: 一诊 3.04, 二诊 3.11, 初诊：6/12
        Rule("date_md_numbered_visit", DATE_TIME,
             rf"(?:[一二三四五六七八九十]{{1,2}}诊|初诊|复诊|首诊|末诊)[ \t]*[:：]?[ \t]*(?P<phi>{m}[./]{d})(?![\d./])(?!\s?(?:个|cm|mm|ml|mg|g|倍|次|天|周|岁|kg))", 0.8,
             needs=contains_any("诊")),
        Rule("date_ym", DATE_TIME, rf"(?<!\d){product}(?P<phi>{y}\s*年\s*{m}\s*月(?:份)?)(?![\d日号])", 0.85,
             needs=has_digit),
        # Not inside "2023年11月15日" (date_ymd's), but after 去年/今年/前年 (a relative year).
        # (with the part of the day after it: 3月1日傍晚, 3月30日 上午; a span of "3月1日" alone still lies
        # inside it by more than half)
        Rule("date_md", DATE_TIME, rf"(?<![\d.])(?<!\d\s*年\s*)(?P<phi>{m}\s*月\s*{d}\s*[日号曰]"  # (曰: OCR's 日)
             r"(?:[ \t]?(?:凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|夜间|夜里|深夜)(?!\s?[餐饭]))?)", 0.85, needs=has_digit),
        # A month and day without 日 after the day it names: 今天4月20, 明天是5月3 (not 4月20天, 3月5个).
        Rule("date_md_named_day", DATE_TIME,
             rf"(?:今天|今日|明天|明日|昨天|昨日|后天|前天|现在|截至|截止到?)(?:是|已经|都)?\s*(?P<phi>{m}\s*月\s*{d})(?![\d日号天个次周])",
             0.8, needs=lambda t: "月" in t and has_digit(t)),
        # A month and day in a schedule or a log: after the dose it records (第1针 3/2, 第2剂 4/15) or the
        # next time (下次4/11再抽血; not 上次5.8, a lab value's last reading); below, after a clock
        # (离体时间 10:52 3/12), before a shift (3.17 夜班) or a weekday in brackets (3/14(六)).
        Rule("date_md_schedule", DATE_TIME,
             rf"(?:(?<=第[\d一二三四五六七八九十]{{1,2}}[针剂次][ \t]{{0,3}})|(?<=(?:下次|下回|预约)[ \t]?)"
             rf")(?P<phi>{m}[/.]{d})(?![\d/.])"
             + _NOT_DOSE_AFTER, 0.8, needs=has_digit),
        Rule("date_clock_md", DATE_TIME,
             rf"(?<![\d:./])(?P<phi>(?:[01]?\d|2[0-3]):[0-5]\d[ \t]{{1,2}}{m}/{d})(?![\d/.])"
             + _NOT_DOSE_AFTER, 0.8, needs=has_digit),
        Rule("date_md_shift", DATE_TIME,
             rf"(?<![\d./:])(?P<phi>{m}[/.]{d}[ \t]?(?:大夜班|小夜班|夜班|白班|早班|中班|晚班|大夜|小夜))", 0.8,
             needs=contains_any("班", "夜")),
        Rule("date_md_weekday_bracket", DATE_TIME,
             rf"(?<![\d./:])(?P<phi>{m}[/.]{d}[ \t]?[（(][一二三四五六日天][）)])", 0.85, needs=has_digit),
        # A whole date with the weekday in brackets, then the part of the day or the clock, as a booking
        # slip prints it: 17/04/2026 (五) 09:30AM, 115/03/18(三) 上午.
        Rule("date_weekday_clock", DATE_TIME,
             rf"(?<![\d/.\-])(?P<phi>(?:{d}/{m}/{y}|{y}[\-/.]{m}[\-/.]{d}|1[01]\d/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01]))"
             r"[ \t]?[（(][一二三四五六日天][）)][ \t]?(?:凌晨|早上|上午|中午|下午|晚上|(?:[01]?\d|2[0-3]):[0-5]\d(?:[ ]?[AaPp][Mm])?))",
             0.85, needs=has_digit),
        # A day of the month alone with its part of the day: 18号早上空腹去抽血 (not 3号床, 5号楼).
        Rule("date_day_part", DATE_TIME,
             r"(?<![\d月./\-])(?P<phi>(?:[12]\d|3[01]|[1-9])[号日](?:凌晨|清晨|早上|上午|中午|下午|傍晚|晚上))(?!\s?[餐饭])",
             0.8, needs=lambda t: "号" in t or "日" in t),
        # A month and day without 日, then what was done that day or its part of the day, as people type
        # it: 2月16打的疫苗, 11月3做的胃镜, 3月16下午测的 (not 2月16天, 3月5次, 4月20个).
        Rule("date_md_before_deed", DATE_TIME,
             rf"(?<![\d.])(?<!\d\s*年\s*)(?P<phi>{m}\s*月\s*{d}"
             r"(?:(?:凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上)(?!\s?[餐饭])|"
             r"(?=(?:那天|当天|那次)|(?:去|来|到|在|做|打|住|出院|入院|复查|复诊|手术|开的|拿的|查的|测的|抽的|挂的|约的|生的|走的|发的)(?![\d]))))",
             0.8, needs=lambda t: "月" in t and has_digit(t)),
        # A date, then the weekday or relative day in brackets: 5月6日（周三）, 4月27日(下周一).
        Rule("date_weekday_bracket", DATE_TIME,
             rf"(?<![\d.])(?P<phi>(?:{y}\s*年\s*)?{m}\s*月\s*{d}\s*[日号]?\s*[（(](?:下下?|上上?|本|这)?(?:周|星期|礼拜)[一二三四五六日天][）)])",
             0.85, needs=_has_bracket_digit),
        Rule("date_compact", DATE_TIME,
             rf"(?:出生|生日|日期|入院|出院|就诊|手术|检查|采样|报告|登记)[^\d\n]{{0,6}}(?<!\d)(?P<phi>{COMPACT_DAY})(?!\d)",
             0.9, needs=has_digit),
        # A six-digit date (yymmdd) right after a date field's label: 送检日期：240612, 采样日期 250103. After
        # 时间 six digits are mostly a clock (采血时间：101125 is 10:11:25): a date there only when its first
        # pair can be no hour (时间：250103).
        Rule("date_compact_short", DATE_TIME,
             r"(?:日期[\s:：]{0,3}(?P<phi>[0-3]\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
             r"|时间[\s:：]{0,3}(?P<phi>(?:2[4-9]|3\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])))(?![\d\-/.:])", 0.85,
             needs=has_digit),
        # A lunar day after its month in words: 九月初九生的, 三月初三 (the month's start, 九月初, is date_month_part's).
        Rule("date_cn_lunar_day", DATE_TIME,
             rf"(?<![年{CN_NUM}个第])(?P<phi>{_CN_MONTH}月初[一二三四五六七八九十])", 0.8, needs=lambda t: "月初" in t),
        Rule("date_cn", DATE_TIME, rf"(?P<phi>{cn_y}年{cn_d}月(?:{cn_d}[日号])?)", 0.9),
        # 元月 (January), 正月/腊月/冬月 (lunar months) with a year or a day: 2025年元月10日, 腊月二十三
        # Arabic year, Chinese month: 2009年十一月, 2023年三月五日
        Rule("date_mixed", DATE_TIME,
             rf"(?<!\d)(?P<phi>{y}\s*年\s*(?:十[一二]?|[一二三四五六七八九])月(?:{cn_d}[日号])?)", 0.85, needs=has_digit),
        # A year's holiday is a date: 二〇二四年元旦, 2023年春节, 2024年国庆
        Rule("date_holiday", DATE_TIME,
             rf"(?P<phi>(?:{y}|{cn_y})\s*年\s*(?:{_HOLIDAYS})(?:前后|期间|假期)?)", 0.85),  # 2026年春节前后
        # Day, month and a four-digit year the European way (26/03/2026): the day is past 12.
        Rule("date_slash_dmy", DATE_TIME, rf"(?<![\d/])(?P<phi>(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/{y})(?![\d/])", 0.9,
             needs=has_digit),
        # A two-digit year that is no month, month and day before a visit word: 24/3/9出院, 25/11/2 复查.
        Rule("date_slash_ymd_short_visit", DATE_TIME,
             # not an insulin's three doses (门冬胰岛素 16/8/10 早上餐前, 14/6/8 晚上饭后)
             r"(?<![\d/.:A-Za-z])(?<!(?:胰岛素|诺和[灵锐平达]|优泌[林乐]|甘精|地特|德谷|赖脯|门冬)\s?)"
             r"(?P<phi>(?:1[3-9]|[2-9]\d)/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\d/.:%])"
             rf"(?!\s?(?:早上|晚上|中午|上午|下午)\s?[餐饭])(?=\s?(?:{_VISIT_WORDS}))", 0.8, needs=has_digit),
        # The day of this month alone before a visit (8号再来, 15号复查): the date of a return.
        Rule("date_day_before_visit", DATE_TIME,
             # 号 only: 术后3日拆线 counts days; not a month's day (5月8号, date_md's) nor a monthly one (每月15号)
             # (the day in words too: 二十号回来, 十五号复查; not 第三号, 十一号楼)
             rf"(?<![\d.\-/A-Za-z床楼室层栋座号第每月后{CN_NUM}廿卅])"
             r"(?P<phi>(?:(?:[1-9]|[12]\d|3[01])|(?:[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|三十一?))号)"
             # nor a hospital's place a visit word opens (3号住院楼, 2号抽血窗口, 5号换药室, 1号入院处)
             r"(?=\s?(?:再来|再过来|再复查|复查|复诊|回来|来院|返院|入院(?!处)|住院(?![楼部处])|出院|手术(?![间室台])|拆线"
             # a coming or going (8号去, 8号过来; but 到3号去, 在3号去, 叫3号去, 喊5号去, 请7号去: a room or a queue number)
             r"|(?<![到在叫喊请让轮排](?:\d{1,2}|[一二三四五六七八九十]{1,3})号)去(?![除掉年])|过来|换药(?![室间])|取报告|随访|抽血(?![窗室处台])|上午|下午|晚上"
             # the day something began or was taken off (5号那天开始咳, 3号开始发烧, 21号请假陪他)
             r"|(?<![到在叫喊请让轮排](?:\d{1,2}|[一二三四五六七八九十]{1,3})号)(?:那天|当天|开始|请假)))",
             0.8, needs=lambda t: "号" in t),
        # The day of the month in brackets after the day it names (前天（25号）, 周三(8号)).
        Rule("date_day_bracketed", DATE_TIME,
             r"(?<=(?:今天|昨天|前天|明天|后天|今日|昨日|明日|(?:周|星期|礼拜)[一二三四五六日天])\s?[（(]\s?)"
             r"(?P<phi>(?:[1-9]|[12]\d|3[01])\s?[号日])(?=\s?[）)])", 0.8, needs=lambda t: "（" in t or "(" in t),
        # Month, day and a two-digit year (3/4/26 复诊); not a weekly schedule (周1/3/5) or a ratio chain.
        Rule("date_slash_mdy_short", DATE_TIME,
             r"(?<![\d/.:A-Za-z周期第每])(?P<phi>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/\d{2})(?![\d/.:%])"
             rf"{_LAB_UNIT_AFTER}(?:(?=\s?(?:{_VISIT_WORDS}))|(?<=(?:日期|时间|于|在|定于|约)[\s:：]*\d{{1,2}}/\d{{1,2}}/\d{{2}}))", 0.75,
             validator=lambda v: int(v.rsplit("/", 1)[1]) >= 10 or v.rsplit("/", 1)[1].startswith("0"), needs=has_digit),
        Rule("date_named_month", DATE_TIME,
             rf"(?P<phi>(?:(?:{y}|{cn_y})\s*年\s*)?(?:元|正|腊|冬)月\s*(?:{d}\s*[日号]?|初[{CN_NUM}]{{1,2}}|[{CN_NUM}廿卅]{{1,3}}[日号]?)(?![\d{CN_NUM}]))", 0.85),
        # Part of a month or of a year: 5月下旬, 2025年2月中旬, 六月上旬, 2019年底, 2020年初
        # ("3个月底" has no month number before 月; "每月初" none at all).
        Rule("date_month_part", DATE_TIME,
             rf"(?<![\d.{CN_NUM}])(?P<phi>(?:(?:{y}|\d{{2}})\s*年\s*)?(?:{m}|{_CN_MONTH})\s*月\s*(?:上旬|中旬|下旬|初|底|末))", 0.8,
             needs=lambda t: "月" in t),
        Rule("date_year_part", DATE_TIME,
             rf"(?<![\d.])(?P<phi>{y}\s*年\s*(?:底|初|末|中|上半年|下半年|[春夏秋冬](?:天|季)?))(?![\d版])", 0.8,
             needs=lambda t: "年" in t and has_digit(t)),
        # A bare year when something happened to the person: 1998年行胃大部切除术, 2003年做了搭桥,
        # 既往：08年行PCI术, 19年诊断高血压. A two-digit year must open the clause (高血压20年开始服药
        # is a duration); 2022年版指南 names an edition.
        Rule("date_year_event", DATE_TIME,
             rf"(?:(?<![\d.])(?P<phi>{y}\s*年)|(?:(?<=^|[\s，,。；;：:、（(]|于|在)(?P<phi>[0-2]\d\s*年)))"
             r"(?=\s*(?:行|做|开始|发现|诊断|确诊|查出|出现|患|曾|出生|手术|接受|植入|置入|安装|装了|住院|因|于[^\d]|在[^\d]))", 0.8,
             needs=lambda t: "年" in t and has_digit(t)),
        # The year of birth after 生于/出生于 (生于1928年，心房颤动): the year alone, when no month follows.
        Rule("date_year_born", DATE_TIME, rf"(?:生于|出生于)\s?(?P<phi>{y}\s?年)(?!\s?\d)", 0.8,
             needs=lambda t: "生于" in t and has_digit(t)),
        # Month/day with a slash after an appointment word, in mixed text: 约 12/05, next Monday 11/18.
        # Day, month and a four-digit year joined by dashes or dots, the Hong Kong and Malaysian way
        # (日期：18-03-2024, 05.11.2023); a dotted one has two-digit day and month (no version 1.2.2024).
        Rule("date_dmy_dash", DATE_TIME,
             rf"(?<![\d\-/.A-Za-z]){product}(?P<phi>{d}-{m}-{y}|(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.{y})(?![\d\-/.A-Za-z])", 0.9,
             needs=has_digit),
        # Month and day right before a visit word (3/28回診, 11/5复查): the day the patient comes back.
        Rule("date_md_slash_visit", DATE_TIME,
             rf"(?<![\d/.:A-Za-z])(?P<phi>{m}/{d})(?![\d/.])(?=\s?(?:回诊|回診|覆诊|覆診|复诊|複診|复查|複查|覆查|回院|返院|来院|入院|出院|"
             r"就诊|就診|随访|隨訪|拆线|拆線|预约|預約))", 0.8, needs=has_digit),  # (not 手术: 胃切除1/3手术)
        # (a weekday before the day goes with it: 周六 11/15)
        Rule("date_md_slash_cued", DATE_TIME,
             rf"(?:(?:约|预约|改约|改到|定于|安排在|on|next\s+[A-Za-z]+)\s?(?P<phi>{m}/{d})"
             rf"|(?P<phi>(?:周[一二三四五六日天]|星期[一二三四五六日天])\s?{m}/{d}))(?![\d/])",
             0.8, needs=has_digit),
        # A record's title and its day at the end of the first line (康复治疗记录　11-03, 术前评估 6/23): the
        # day of the session the record is of.
        Rule("date_md_after_title", DATE_TIME,
             r"(?m)^[ \t]*[\u4e00-\u9fff]{2,12}(?:记录|評估|评估|单|表|报告|門診|门诊|病历|小结|计划|随访|记要)[ \t\u3000]+"
             r"(?P<phi>(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?=[ \t\u3000]*(?:\n|$))",
             0.8, needs=lambda t: ("-" in t or "/" in t) and has_digit(t), flags=0),
        # Month and day with a dash after a word of coming back (复诊12-15, 复查：03-02): two digits each.
        Rule("date_md_dash_visit", DATE_TIME,
             r"(?:复诊|複診|复查|複查|随访|隨訪|预约|預約|返院|来院|拆线|拆線|换药)[ \t:：]?"
             r"(?P<phi>(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d\-/.])", 0.8,
             needs=lambda t: "-" in t and any(w in t for w in ("复诊", "複診", "复查", "複查", "随访", "隨訪", "预约", "預約", "返院", "来院",
                                                                "拆线", "拆線", "换药"))),
        # "于 3/9 至我校医务室就诊", "于3/12入院": a day after 于 and before where or what happened.
        Rule("date_md_slash_yu", DATE_TIME,
             rf"(?<=于\s?)(?P<phi>{m}/{d})(?![\d/.%])(?=\s?(?:至|到|在|来|去|行|做|因|就诊|就診|入院|出院|住院|手术|發病|发病|起))",
             0.8, needs=lambda t: "于" in t and "/" in t),
        # Taiwan's own years with slashes after a date's field (就診日：115/03/18): a year of 100-119, a
        # padded month and day (not a blood pressure's 110/07/05 with no field).
        Rule("date_roc_slash", DATE_TIME,
             r"(?<=(?:日|日期|時間|时间|生日|出生)[ \t]*[:：]?[ \t]*)(?P<phi>1[01]\d/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01]))(?![\d/.:])", 0.8,
             needs=lambda t: "/" in t and has_digit(t)),
        # The same years with no field before them in a clinic's note (門診 113/01/05 複診, 預約 113/02/27 14:00):
        # the padded month and day vouch for the calendar, and the time goes with its day.
        Rule("date_roc_slash_tw", DATE_TIME,
             r"(?<![\d/.])(?P<phi>1[01]\d/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])(?:[ \t]?[0-2]\d:[0-5]\d)?)(?![\d/.:]|\s?mm)", 0.75,
             needs=lambda t: "/" in t and any(w in t for w in _TAIWAN_HINTS)),
        # 廿/卅 only ever count lunar days: 九月廿一 is a date without 农历 or 日.
        Rule("date_lunar_nian", DATE_TIME,
             r"(?P<phi>(?:[正腊冬元]|十[一二]?|[一二三四五六七八九])月[廿卅][一二三四五六七八九十]?[日号]?)", 0.85,
             needs=lambda t: "廿" in t or "卅" in t),
        # The day alone in a note (廿二日上午换药, 卅日复诊): 廿/卅 before 日/号 is always a day of the month.
        Rule("date_nian_day", DATE_TIME, r"(?<!月)(?P<phi>[廿卅][一二三四五六七八九]?[日号])", 0.8,
             needs=lambda t: "廿" in t or "卅" in t),
        Rule("date_cn_md", DATE_TIME, rf"(?<![年{CN_NUM}])(?P<phi>(?:十[一二]?|[一二三四五六七八九])月{cn_d}[日号])", 0.8),
        # (with the clock after it: a chat export's [12/3/2024 21:05])
        Rule("date_slash_us", DATE_TIME,
             rf"(?<![\d/])(?P<phi>{m}/{d}/{y}(?:[ \u3000]{{1,2}}(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?(?!\d))?)(?![\d/])",
             0.9, needs=has_digit),
        # A date and the time after it are one span: 2024/02/11 03:20, 23-08-15 22:47,
        # 2024-10-08T09:41:27, 2024年1月23日05时17分, 12月3日（周二）上午9:30, 5月20号晚上8点.
        Rule("date_time", DATE_TIME,
             rf"(?<![\d./\-])(?<!\d:)(?P<phi>(?:{y}|\d{{2}})\s*(?:年|-|/|\.)\s*{m}\s*(?:月|-|/|\.)\s*{d}\s*[日号]?{_TIME}{_TIME_END}"
             # a two-digit month-day with a dash only before a clock after a space (12-03 07:40), not a range (3-5)
             rf"|{m}\s*月\s*{d}\s*[日号]{_TIME}{_TIME_END}|{m}/{d}{_TIME}{_TIME_END}|(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[ \u3000]{{1,2}}{_ARABIC_CLOCK})(?![\d:])", 0.95,
             needs=_has_clock),
        # A month and day, dotted or dashed, with a clock time after it, where a log line or a time field
        # opens with it (3-15 02:30 患者醉酒后呕吐, 时间：3.12 16:40): a timestamp. Only there: elsewhere
        # "钾 3.12 16:40" is a value and its time.
        Rule("date_md_dotted_clock", DATE_TIME,
             rf"(?:(?m:^)[ \t]*|(?:时间|日期)[:：]\s?)(?P<phi>{m}[.\-]{d}[ \u3000]{{1,2}}(?:[01]?\d|2[0-3])[:：][0-5]\d)(?![\d:：])",
             0.85, needs=_has_clock),
        # A day named relative to today with its date in brackets is one date: 下周一（4月27日）,
        # 明天（6月2号）下午, 今晚（6月1日）10点, 昨天下午（4月16日）, 下个月（2026年7月）.
        Rule("date_relative_bracketed", DATE_TIME,
             rf"(?P<phi>{_REL_DAY}{_DAY_PART}?\s*[（(]\s*(?:(?:{y}\s*年\s*)?{m}\s*月(?:\s*{d}\s*[日号])?|{m}[/.]{d})"
             rf"(?:\s*[，,]?\s*(?:周|星期|礼拜)[一二三四五六日天])?\s*[）)](?:\s*{_CLOCK})?)", 0.9,
             needs=_has_bracket_digit),
        # Day, month and a two-digit year (19/06/24, 15/08/23) or the other way round: every part
        # zero-padded, and a reading as a calendar date must exist.
        Rule("date_2digit_year", DATE_TIME, rf"(?<![\d./\-])(?<!\d:)(?P<phi>\d\d/\d\d/\d\d)(?![\d./:\-]){_LAB_UNIT_AFTER}", 0.85,
             validator=_two_digit_year_date, needs=has_digit),
        # A date field's two-digit year, month and day unpadded (就诊日期：24/5/18, 日期 26/3/5): the
        # field vouches for it; the middle part is a month and one outer part a day.
        Rule("date_2digit_year_cued", DATE_TIME,
             r"(?:日期|时间)[\s:：|｜]*(?P<phi>\d{2}/\d{1,2}/\d{1,2})(?![\d/.:%])"
             # a lab's time with its unit after it (凝血时间 12/11/10 秒, 出血时间 13/12/11s) is no date
             rf"{_LAB_UNIT_AFTER}", 0.85,
             validator=_two_digit_year_date, needs=lambda t: "日期" in t or "时间" in t),
        # A two-digit year, month and day with dashes, every part padded: 26-03-02 (收检日期), 98-07-15.
        Rule("date_2digit_year_dash", DATE_TIME,
             r"(?<![\dA-Za-z./\-])(?<!\d:)(?P<phi>\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d\-./:])"
             r"(?!\s?(?:cm|mm|ml|mg|kg|g(?![a-z])|μ|ug|iu|u/|l(?![a-z])|%|[次个岁天周月年元块分秒度倍克升米片粒支]))", 0.8,
             needs=has_digit),
        # Month/day with a weekday, a date word or a visit word before it: 上周四（11/14）, 日期：9/27, 复诊12/20.
        # A log whose lines open with full dates (2026-03-01 …↵2026-03-03 …) may open a later line
        # with the month and day alone (03-06 体温平稳): the same log's date.
        Rule("date_md_log_line", DATE_TIME,
             r"(?m)^[ \t]*(?P<phi>(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?=[ \t\u3000]+(?![次个岁天周月年元块分秒度倍克升米片粒支%]|mg|ml|cm|mm|kg|bpm|g\b)[^\d\s])", 0.85,
             needs=lambda t: len(regex.findall(r"(?m)^[ \t]*(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d\-])", t)) >= 1),
        # A log or a schedule whose lines open with dates (24.3.15 患者诉头晕↵3/16 BP 142/86, 2024.10.08 复查↵
        # 11/5  第三周期) may open a line with the month and day alone, slashed: the same log's date (not a
        # dotted one: 1.2 诊断依据 numbers a section).
        Rule("date_md_log_line_short", DATE_TIME,
             rf"(?m)^[ \t]*(?P<phi>{m}/{d})(?=[ \t\u3000]+(?![次个岁天周月年元块分秒度倍克升米片粒支%]|mg|ml|cm|mm|kg|bpm|g\b)[^\d\s])", 0.8,
             needs=lambda t: _DATED_LINE.search(t) is not None),
        # A note signed by its writer and dated with the month and day at the line's end (记录者：祁梦瑶 5/20).
        Rule("date_md_signed", DATE_TIME,
             # the signer is no measurement (记录者：血糖 7/8, 执行者：血压 12/8 is a value)
             rf"(?:记录者|记录人|签名|医师签名|书写者|书写人|审核者|审核人|核对者|执行者)[：:]\s?"
             rf"(?!血糖|血压|体温|心率|脉搏|呼吸|尿量|血氧|出量|入量)[\u4e00-\u9fff]{{1,4}}[ \t]+"
             rf"(?P<phi>{m}/{d})(?![\d/.])(?=[ \t]*(?:\n|$))", 0.85, needs=has_digit),
        Rule("date_md_slash", DATE_TIME,
             rf"(?:(?:周|星期|礼拜)[一二三四五六日天]\s*[（(]\s*|(?:日期|时间)[:：]\s*"
             # a visit word right before it (复诊12/20, 随访：3/15): the day the patient comes back
             rf"|(?:复诊|复查|随访|预约|就诊)(?:时间|日期)?[:：]?\s?(?:于)?)(?P<phi>{m}[/.]{d})(?![\d/.])(?!\s?(?:剂量|量|片|粒|支|瓶|袋|次|mg|ml|g|U|u))", 0.85,
             needs=has_digit),
        # The unit joins the span when it follows at once (91岁): gold written either way (91 / 91岁)
        # still counts it, and the unit is no clue left behind; 余 and the unit join it too (约90余岁 is
        # written as one age), while 90多岁 keeps the bare number.
        Rule("age_over_89", AGE, r"(?<![\d.])(?P<phi>(?:9\d|1[01]\d) ?(?:周岁|岁|歲)|(?:9\d|1[01]\d)\s?余\s?(?:周岁|岁|歲)|(?:9\d|1[01]\d)(?=\s*(?:多|来)?\s*(?:周岁|岁|歲)))", 0.9, needs=has_digit),
        # An age in English units inside Chinese text (患者93y，女; 95 yrs; 91yo): y/yo/yr(s) after a
        # number of 90 or more, no letter after. The abbreviations (96 yrs, 91yo, 92 y/o) join the span
        # as 岁 does; a lone y and the spelled-out "years old" leave the bare number.
        Rule("age_over_89_latin", AGE, r"(?<![\d.A-Za-z])(?:(?P<phi>(?:9\d|1[01]\d)\s?(?:yo|yrs?|y/o))|(?P<phi>9\d|1[01]\d)\s?(?:y|years?)(?:\s?old)?)(?![A-Za-z])", 0.85,
             needs=has_digit),
        Rule("age_over_89_cued", AGE, r"(?:年龄|享年|年纪|岁数|虚岁|周岁|Age)[\s:：|｜]*(?P<phi>9\d|1[01]\d)(?!\d)", 0.9,
             needs=has_digit),
        Rule("age_over_89_gaoling", AGE, r"(?<![\d.])(?P<phi>9\d|1[01]\d)(?=\s*(?:岁)?\s*高龄)", 0.9,
             needs=lambda t: "高龄" in t),  # 93高龄
        # The same in Chinese numerals, 九五 for 95 too (九五高龄, 九十三岁高龄), and an age said as
        # "past ninety" (年逾九十, 年过九旬 is age_nineties'): past 89 whatever the exact year.
        Rule("age_over_89_gaoling_cn", AGE,
             r"(?<![一二三四五六七八九十百零])(?P<phi>九十?[一二三四五六七八九]|九十|一百(?:零?[一二三四五六七八九十]{1,2})?)(?=\s*(?:岁)?\s*高龄)", 0.85,
             needs=lambda t: "高龄" in t),
        Rule("age_past_ninety", AGE, r"(?:年逾|年过|年已过|已过|年满)(?P<phi>九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九十]{1,2})?|百岁)"
             r"(?!\s*(?:天|日|周|个|次|分|小时|年|多|万|元|块|毫|克|%))",
             0.85, needs=lambda t: "九十" in t or "一百" in t or "百岁" in t),
        # A record's header gives the sex, then the age bare between commas (患者，女，96，因跌倒入院).
        # and a Hong Kong note's sex and age with a slash (F/92, M/ 95)
        Rule("age_over_89_after_sex", AGE,
             r"(?:(?:男|女)\s*[，,、]|(?<![A-Za-z])[FM]\s?/)\s*(?P<phi>9\d|1[01]\d)(?=\s*[，,、;；]|[ \t]*\n|\s*$)", 0.85,
             needs=has_digit),
        # 我奶奶九十三了, 老人家都一百零一了: an old relative and a number closed by 了 is an age.
        Rule("age_over_89_cn_le", AGE,
             rf"(?:{_alt(_OLD_RELATIVES)}|今年|虚岁|享年)(?:今年|已经|都|快|也|都已经)?(?P<phi>(?:九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?)|9\d|1[01]\d)(?=(?:多|出头)?了)",
             0.85, needs=lambda t: _AGE_LE_GATE.search(t) is not None),
        # Said aloud: 她九十五了, 不对 九十四了 (a correction), 我外婆 九十三 不对…, 我爷爷九十 我爸电话…: a
        # pronoun or a correction before an age in words closed by 了/岁, or an old relative right before one.
        Rule("age_over_89_cn_spoken", AGE,
             rf"(?:[她他]|不对|不是|哦不)\s?(?:今年|已经|都|快|也|都已经)?(?P<phi>{_NINETY_CN})(?=(?:多|出头)?了|\s?岁)",
             0.8, needs=lambda t: "九十" in t or "一百" in t),
        Rule("age_over_89_cn_after_relative", AGE,
             rf"(?:{_alt(_OLD_RELATIVES)})\s?(?P<phi>{_NINETY_CN})(?=\s|[，,。]|$)(?!\s?(?:多|块|元|斤|公斤|分|天|次|毫|度|个))",
             0.75, needs=lambda t: "九十" in t or "一百" in t),
        # The relative, then their name, then the age as the next clause: 我外公叫农德才 95了.
        Rule("age_over_89_le_after_name", AGE,
             rf"(?:{_alt(_OLD_RELATIVES)})[^\n。！？!?\d]{{0,12}}?[\s，,]\s*(?:今年|已经|都)?(?P<phi>9\d|1[01]\d)(?=\s*(?:多|出头)?了)",
             0.85, needs=lambda t: _AGE_LE_GATE.search(t) is not None),
        # The answer to a question about the age in the turn before (医生：老爷子多大岁数？\n家属：九十一了，…).
        Rule("age_over_89_answer", AGE,
             # (the question ends the turn: after 多大了？体重呢？ the answer is the weight's)
             rf"(?:{_AGE_QUESTION.pattern})[^\n？?]{{0,12}}[？?]?[ \t]*\n[^\n：:]{{1,8}}[：:][ \t]*(?:今年|已经|都)?"
             r"(?P<phi>九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?|9\d|1[01]\d)"
             r"(?=(?:多|出头)?了|[，,。]|\s*$)", 0.85, needs=lambda t: _AGE_QUESTION.search(t) is not None),
        Rule("age_over_89_cn_you", AGE, r"(?P<phi>(?:九十|一百)有[一二三四五六七八九])", 0.85,
             needs=lambda t: "有" in t),  # 九十有三 (ninety and three), a literary age
        # 百岁老人, 已百岁: a hundred years old (not the blessing 长命百岁).
        Rule("age_hundred", AGE, r"(?<![命一二三四五六七八九十])(?P<phi>百岁)", 0.85, needs=lambda t: "百岁" in t),
        Rule("age_over_89_cn", AGE, r"(?P<phi>(?:九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九十]{1,2})?)(?:周岁|岁|歲)|(?:九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九十]{1,2})?)(?=\s*(?:多|余|来)?\s*(?:周岁|岁|歲)))", 0.9),
        # 九旬老人, 年逾九旬: "in the nineties" is an age over 89 (上旬/中旬 are parts of a month).
        Rule("age_nineties", AGE, r"(?<![第上中下])(?P<phi>九旬)", 0.85, needs=lambda t: "九旬" in t),
        # 虚岁九十八 (the East Asian count), no 岁 after it: the count word and the number are the age.
        Rule("age_xusui_cn", AGE,
             r"(?P<phi>虚岁(?:九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九十]{1,2})?))(?![一二三四五六七八九十百年天月])",
             0.85, needs=lambda t: "虚岁" in t),
        # A scanned form spaces out its digits and numerals (年 龄：9 4岁, 年龄：九 十 六 岁): after the age
        # field, a number over 89 with single spaces between its characters.
        Rule("age_over_89_spaced", AGE,
             r"(?:年\s?龄|享\s?年|年\s?纪)[\s:：|｜]*(?P<phi>(?:9 \d|1 [01] \d|九 十(?: [一二三四五六七八九])?|一 百(?: 零)?(?: [一二三四五六七八九十])?)"
             r"(?: ?(?:周 ?岁|岁))?)(?![\d一二三四五六七八九十])", 0.85,
             needs=lambda t: "龄" in t or "享" in t or "纪" in t),
        # OCR reads 1 as l/I and 0 as O in an age too (年龄:9l岁, 1O2岁): a letter among the digits.
        Rule("age_over_89_ocr", AGE, r"(?<![\dA-Za-z.])(?P<phi>(?=[\d]{0,2}[lIO])(?:9[\dlIO]|1[01lIO][\dlIO])\s?(?:周岁|岁))", 0.85,
             needs=lambda t: "岁" in t and _OCR_AGE_GATE.search(t) is not None),
    ]
