"""Chinese addresses said aloud: building, unit and room numbers in Chinese numerals.

Why: a 120 call or a voice message gives the address the way it is spoken, "翠湖小区三十二号楼二单元
五零二", "七栋两单元一楼", "建设路一百二十八号". The address rules read digits (32号楼2单元502); speech-to-text
writes numerals, so those rules never see a number. The rules here take the same shapes in numerals,
anchored on what makes them an address: an estate or street word before them, or a chain of units
that only a home has (a unit 单元, or a room number after the building).
"""

from __future__ import annotations

from mediscope.deid.recognizers.base import Rule
from mediscope.deid.types import DATE_TIME, LOCATION, PHONE_NUMBER

_CN_CHARS = "零〇一二三四五六七八九十百两幺"
_CN = f"[{_CN_CHARS}]"
_UNIT = rf"{_CN}+(?:号楼|栋|幢|座|号院|单元|号|楼|层|门|室)"
_HOME_UNIT = rf"{_CN}+(?:号楼|栋|幢|座|号院|单元|号|室)"
_ROOM = rf"{_CN}{{3,4}}(?![{_CN_CHARS}])"  # 五零二, 六零三: a room read digit by digit
# An estate or a street, without the words before it in speech (我们住, 在, 放在, 寄到, 就是那个)
_NAME_CHAR = "(?![在住到是的了我们你他她就那这去来放寄送从往对个说叫给])[\u4e00-\u9fff]"
_ESTATE = rf"{_NAME_CHAR}{{1,6}}?(?:小区|花园|新村|名苑|家园|公寓|广场|大厦|苑|园|村|里|路|街|巷|条|胡同|大道)"
_GENERIC_AREA = ("(?:病|院|园|城|市|郊|景|社|小|校|厂|矿|营|城中|候诊|等候|住院|门诊|急诊|生活|办公|工业|开发|新|老|山|林|灾|疫|"
                 "隔离|缓冲|污染|清洁|观察|抢救|输液|留观|儿童|成人|东|西|南|北|中)[区县]")
_HAS_CN_UNIT = ("号", "栋", "幢", "单元", "室", "楼")


def _needs(text: str) -> bool:
    return any(u in text for u in _HAS_CN_UNIT) and any(c in text for c in _CN_CHARS)


_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九]|[正腊冬])"
_CN_DAY = r"(?:初[一二三四五六七八九十]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])"
_PART_OF_DAY = r"(?:上午|下午|早上|晚上|中午|凌晨|傍晚|夜里)"
_CN_CLOCK = rf"{_PART_OF_DAY}?\s?(?:十[一二]?|[一二三四五六七八九两])点(?:半|钟|[一二三四五]?十[一二三四五六七八九]?分?|[零〇][一二三四五六七八九]分?)?"


def _date_needs(text: str) -> bool:
    return "月" in text


def _has_digit_then_numeral(text: str) -> bool:
    return any(ch in text for ch in "零〇一二三四五六七八九幺两") and any("0" <= ch <= "9" for ch in text)


def zh_spoken_rules() -> list[Rule]:
    return [
        # A landline whose area code is typed and whose number is written as said: 0531-八八一六 三零二七.
        Rule("landline_mixed_numerals", PHONE_NUMBER,
             r"(?<![\d\-])(?P<phi>0\d{2,3}[\- ]?[零〇一二三四五六七八九幺两]{3,4}[ ]?[零〇一二三四五六七八九幺两]{4})"
             r"(?![零〇一二三四五六七八九十百千万幺两])", 0.8, needs=_has_digit_then_numeral),
        # 三月十五号上午九点, 十一月二十六号晚上八点半: a spoken date and the hour with it, one span
        Rule("spoken_date_clock", DATE_TIME,
             rf"(?<![{_CN_CHARS}年个第])(?P<phi>{_CN_MONTH}月{_CN_DAY}[号日]?\s?{_CN_CLOCK})", 0.8, needs=_date_needs),
        # 三月份十五号, 一九五八年 三月十二号: a month said with 份, or after a year read digit by digit
        Rule("spoken_month_fen_or_year", DATE_TIME,
             rf"(?<![{_CN_CHARS}年个第])(?P<phi>(?:[一二][九零〇][零〇一二三四五六七八九]{{2}}年\s?{_CN_MONTH}月份?|{_CN_MONTH}月份)"
             rf"{_CN_DAY}[号日])", 0.8, needs=_date_needs),
        # 末次月经是二月十四, 生日是三月初五: a month and a day in words after 是/在/于 with no 号
        Rule("spoken_month_day_after_is", DATE_TIME,
             rf"(?<=(?:是|在|于|定在|约在|那个)\s?)(?P<phi>{_CN_MONTH}月{_CN_DAY})(?![号日零一二三四五六七八九十百千万点岁个天年])", 0.75,
             needs=_date_needs),
        # 翠湖小区三十二号楼二单元五零二, 建设路一百二十八号, 锦绣花园三号楼, 北二条十六号院三门五零一
        Rule("spoken_estate_units", LOCATION,
             # (a floor alone is any building's: 门诊大厦三楼; the estate word must not be a hospital's)
             rf"(?P<phi>(?!门诊|急诊|住院|医院|医技|病房|行政|教学|综合){_ESTATE}\s?(?:{_HOME_UNIT}(?:{_UNIT}){{0,3}}|(?:{_UNIT}){{2,4}})"
             rf"(?:{_ROOM})?)(?![号楼栋单元室层])", 0.75, needs=_needs),
        # 七栋两单元一楼, 二十一栋四零二, 十八栋一单元六零三: a unit or a room makes it a home
        # (门诊一号楼二楼 is a hospital's building and floor: no unit, no room)
        Rule("spoken_unit_chain", LOCATION,
             rf"(?<![{_CN_CHARS}])(?P<phi>{_CN}+(?:号楼|栋|幢)(?:{_CN}+单元(?:{_UNIT})?(?:{_ROOM})?|{_ROOM}))(?![号楼栋单元室层])",
             0.7, needs=_needs),
        # 就是龙华区那边, 我们在龙文区这边, 寄到石岩街道: a district or a sub-district someone is in, named
        # before "this/that side" or after a sending verb (not a ward's 病区, a campus's 院区, a city's 市区)
        Rule("spoken_district_side", LOCATION,
             rf"(?:在|住|是|到|去|回)(?P<phi>(?!{_GENERIC_AREA}){_NAME_CHAR}{{2}}[区县])(?=\s?(?:这边|那边|那里|这里|附近|一带))",
             0.7, needs=lambda t: "边" in t or "那里" in t or "这里" in t or "附近" in t or "一带" in t),
        Rule("spoken_subdistrict", LOCATION,
             rf"(?:在|住|到|寄到|送到|是)(?P<phi>{_NAME_CHAR}{{2,3}}街道)(?![办])", 0.7, needs=lambda t: "街道" in t),
    ]
