"""Where an accident, a call-out or a claim's incident happened, in both languages.

A run sheet, a crash report or an insurer's claim file places its patient by the road, not by a
house number: a highway's mile marker or exit (I-70 WB near mile marker 187, US-41 NB, Exit 212
off-ramp), a stake number on a Chinese expressway (沈海高速K1288+300南行方向) or its toll station
(温岭东收费站), the crossing of two streets (Bellaire Blvd and Wilcrest Dr), or a named venue before
its street address (Scene: Lakeview Fitness, 2901 N Halsted St). Each pins the person to a place as
tightly as an address does.

A highway's name alone (I-70, 沈海高速) is no one's place, so a direction, a mile, an exit or a stake
must come with it.
"""

from __future__ import annotations

import regex

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.recognizers.en_patterns import _seen
from mediscope.deid.types import LOCATION

_HIGHWAY = r"(?:I|US|SR|M|CA|TX|FM|SH|State Route|Route|Rte\.?|Hwy\.?|Highway|Interstate)[- ]?\d{1,3}[A-Z]?"
_DIRECTION = r"(?:EB|WB|NB|SB|E/B|W/B|N/B|S/B|(?i:east|west|north|south)bound)"
_STREET_WORD = (r"(?:St|Ave|Blvd|Rd|Dr|Ln|Way|Pike|Pkwy|Hwy|Ct|Pl|Cir|Ter|Street|Avenue|Boulevard|Road|Drive|Lane|Parkway"
                r"|Highway|Court|Place|Circle|Terrace)")
_STREET = rf"(?:\p{{Lu}}[\p{{L}}'’\-]+[ ]){{1,3}}{_STREET_WORD}\b\.?"
# A mile, an exit or a ramp after a highway: "near mile marker 187", "at mile 71", ", Exit 212 off-ramp",
# "near the Ashby Ave exit".
_MILE_OR_EXIT = (rf"(?:,?[ ](?:(?:just[ ])?(?:near|at|by|past|before|after)[ ](?:the[ ])?)?"
                 rf"(?:(?i:mile(?:[ ]marker|[ ]post)?|MM|exit)[ ]?\d{{1,4}}(?:\.\d)?[A-Z]?(?:[ ](?:\({_STREET}\)|(?i:off-ramp|on-ramp|ramp)))?"
                 rf"|{_STREET}[ ](?i:exit|off-ramp|on-ramp)))")
# Chinese words a road's or a station's name never opens with, that often stand right before it (距温岭东收费站, 在沈海高速).
_ZH_LEAD = "距在到经过于从至往近离进出沿阅看查取"
_ZH_START = rf"(?:(?<![\u4e00-\u9fff])|(?<=[{_ZH_LEAD}]))"
_ZH_NAME_CHAR = rf"(?:(?![{_ZH_LEAD}])[\u4e00-\u9fff])"
_CITY_TAIL = r"(?:,[ ](?:\p{Lu}\p{Ll}+[ ]){0,2}\p{Lu}\p{Ll}+(?=[ \t]*(?:[.;\n]|$)))?"


# A clinic's or a hospital's name before its address is the care setting's, which the address rules leave
# to the street ("Riverside Clinic, 14 Harbour Rd"): only the street is the patient's trace there.
_CARE_SETTING_WORDS = frozenset({"clinic", "hospital", "infirmary", "pharmacy", "practice", "surgery", "medical", "health",
                                 "hospice", "institute", "university", "college"})


def _venue_ok(value: str) -> bool:
    name = value.split(",", 1)[0].split()
    return not any(w.lower() in _CARE_SETTING_WORDS for w in name)


# Labels before an organisation named with its place, where the person works, lives, studies or is treated away
# from a clinic: "Employer: Keppel Marine Pte Ltd, 50 Gul Road, Singapore", "School: Lauriston Girls' School,
# Armadale", "Residence: Risley Hall, room 4117, Halifax".
_ORG_PLACE_LABELS = (r"(?i:employer|company|establishment|factory|worksite|work[ ]site|workplace|dormitory|centre|center|school"
                     r"|residence|venue|treatment[ ]agency|agency|facility|site)")
# (the value ends before a postcode, a bracket, a semicolon, a gap of two spaces or the line's end)
_ORG_PLACE_END = (r"(?=[ \t]*(?:\d{4,6}(?=[ \t]*(?:\n|$|;|\(|[ ]{2}|\t|\.))|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|\(|;|\n|$)"
                  r"|[ ]{2,}|\t)")
_LAST_PLACE_PART = regex.compile(r"(?:\p{Lu}[\p{L}'’\-]+|of|on|upon|le)(?:[ ](?:\p{Lu}[\p{L}'’\-]+|of|on|upon|le)){0,3}(?:[ ][A-Z]{2,3})?")


# A workplace's name that a record masks already (某) or that names a care setting or an office, whose place part
# the institution rule finds (来宾市人民医院, 株洲市天元区公安分局).
_NOT_A_WORKPLACE_END = ("医院", "卫生院", "中心", "分局", "公安局", "派出所", "法院", "检察院", "疾控", "卫健委", "政府")


def _workplace_ok(value: str) -> bool:
    return len(value) >= 6 and "某" not in value and not value.endswith(_NOT_A_WORKPLACE_END)


def _org_place_ok(value: str) -> bool:
    """A name, then a comma and a place: the name no clinic's (`_venue_ok`), the last part a town (with its state)."""
    if "," not in value or any(w.lower().strip(",.") in _CARE_SETTING_WORDS or w == "Department" for w in value.split()):
        return False  # a clinic's, a hospital's or a department's address is the care setting's
    return _LAST_PLACE_PART.fullmatch(value.rsplit(",", 1)[1].strip()) is not None


def incident_place_rules(lang: str) -> list[Rule]:
    rules = [] if lang == "zh" else [
        # a highway with its direction and a mile or an exit, or with a direction alone before one:
        # "I-70 WB near mile marker 187", "US-41 NB, Exit 212 off-ramp", "I-35 southbound at mile 71"
        Rule("highway_mile", LOCATION,
             rf"(?<![\w\-])(?P<phi>{_HIGHWAY}(?:[ ,]+{_DIRECTION})?{_MILE_OR_EXIT}{_CITY_TAIL}"
             rf"|{_HIGHWAY}[ ,]+{_DIRECTION}(?:[ ](?:at|near)[ ]{_STREET})?{_CITY_TAIL})", 0.8,
             needs=contains_any("mile", "mm", "exit", "bound", "eb", "wb", "nb", "sb"),
             flags=0),
        # an exit by its number and its road: "Exit 186 (Ridge Rd)"
        Rule("numbered_exit", LOCATION, rf"(?<![\w\-])(?P<phi>(?i:exit)[ ]\d{{1,4}}[A-Z]?[ ]\({_STREET}\))", 0.75,
             needs=contains_any("exit"), flags=0),
        # a highway at a street: "M-59 at Crooks Rd, Rochester Hills"
        Rule("highway_at_street", LOCATION, rf"(?<![\w\-])(?P<phi>{_HIGHWAY}[ ](?:at|and|&|near)[ ]{_STREET}{_CITY_TAIL})", 0.75,
             needs=_seen(r"\d"), flags=0),
        # the crossing of two streets: "Bellaire Blvd and Wilcrest Dr", "Main St & 5th Ave"
        Rule("street_crossing", LOCATION,
             rf"(?<![\w\-])(?P<phi>(?:(?:\d{{1,3}}(?:st|nd|rd|th)|\p{{Lu}}[\p{{L}}'’\-]+)[ ]){{1,3}}{_STREET_WORD}\b\.?[ ](?:and|&|at|/)[ ]"
             rf"(?:(?:\d{{1,3}}(?:st|nd|rd|th)|\p{{Lu}}[\p{{L}}'’\-]+)[ ]){{1,3}}{_STREET_WORD}\b\.?)", 0.9,
             needs=_seen(r" and | & | at | / "), flags=0),
        # a named venue, then its street address: "Scene: Lakeview Fitness, 2901 N Halsted St",
        # "at Riverbend Dialysis, 1402 Kessler Blvd"
        Rule("venue_before_address", LOCATION,
             rf"(?:(?i:scene|loc|location|address|incident location|place of (?:injury|incident|accident))[ \t]*:[ \t]*|(?<=\b(?:at|from|to)[ ]))"
             rf"(?P<phi>(?:\p{{Lu}}[\p{{L}}'’&\-]+[ ]){{0,3}}\p{{Lu}}[\p{{L}}'’\-]+,[ ]\d{{1,6}}[ ](?:[NSEW]\.?[ ])?{_STREET})", 0.8,
             validator=_venue_ok, needs=_seen(r"\d"), flags=0),
        # an organisation after its label, with its place: the whole is where the person is found
        Rule("organisation_with_place", LOCATION,
             rf"(?<![\w/]){_ORG_PLACE_LABELS}[ \t]*:[ \t]*(?P<phi>\p{{Lu}}[^\n;:()\t]{{2,110}}?){_ORG_PLACE_END}", 0.75,
             validator=_org_place_ok,
             needs=contains_any("employer", "company", "establishment", "factory", "site", "workplace", "dormitory", "centre",
                                "center", "school", "residence", "venue", "agency", "facility"), flags=0),
    ]
    if lang == "zh":  # (the English shapes above are the English analyzer's only)
        rules += [
            # an expressway's stake number, with its section and direction: G15沈海高速温州段K1832+500处,
            # 沈海高速K1288+300南行方向
            Rule("expressway_stake", LOCATION,
                 rf"{_ZH_START}(?P<phi>(?:[GS]\d{{1,4}})?{_ZH_NAME_CHAR}{{2,8}}(?:高速|国道|省道|快速路|绕城)(?:公路)?(?:[\u4e00-\u9fff]{{1,4}}段)?"
                 r"[ \t]?K\d{1,4}[ \t]?\+[ \t]?\d{1,3}(?:米)?(?:处)?(?:[东南西北][行向](?:方向)?|[上下]行(?:方向)?)?)", 0.8,
                 needs=contains_any("高速", "国道", "省道", "快速路", "绕城"), flags=0),
            # a metro, bus or railway station by its name: 人民广场地铁站, 南湖公交站
            Rule("named_station", LOCATION, rf"{_ZH_START}(?P<phi>{_ZH_NAME_CHAR}{{2,6}}(?:地铁站|轻轨站|公交站|公交车站|火车站|高铁站|汽车站))",
                 0.7, validator=lambda v: not v.startswith(("附近", "一个", "该", "这", "那", "最近", "哪个", "每个")),
                 needs=contains_any("地铁站", "轻轨站", "公交站", "公交车站", "火车站", "高铁站", "汽车站")),
            # a spot on a named road where someone was found or hurt: 北辰路桥洞, 新华路加油站, 朝阳公园南门
            Rule("roadside_spot", LOCATION,
                 rf"{_ZH_START}(?P<phi>{_ZH_NAME_CHAR}{{1,4}}(?:路|街|大道|大街)(?:桥洞|桥下|天桥|隧道|地下通道|加油站|公交站|涵洞|立交桥?)"
                 rf"|{_ZH_NAME_CHAR}{{2,5}}公园[东南西北]门)", 0.7,
                 needs=contains_any("桥洞", "桥下", "天桥", "隧道", "地下通道", "加油站", "公交站", "涵洞", "立交", "公园")),
            # a toll station or a service area, named: 温岭东收费站, 长兴服务区
            Rule("toll_station", LOCATION, rf"{_ZH_START}(?P<phi>{_ZH_NAME_CHAR}{{2,6}}(?:收费站|服务区))", 0.7,
                 validator=lambda v: not v.startswith(("高速", "经过", "途经", "在", "到", "进入", "驶离", "附近", "一个", "该")),
                 needs=contains_any("收费站", "服务区")),
            # a workplace after its label, named with its city or county first: 用人单位：天津市静海区大邱庄镇××钢管厂,
            # 单位：济源市××铅冶炼厂, 隔离点：厦门市湖里区枋湖北二路××酒店 (the whole name, masked letters and all; not
            # 单位：mmol/L, nor a name with no place in it)
            Rule("workplace_after_label", LOCATION,
                 r"(?<!\p{Han})(?:用人单位|工作单位|原单位|现单位|所在单位|事故单位|派出单位|组织单位|就职单位|单位|隔离点|隔离酒店|事故矿井|工作地点)"
                 r"[ \t]?[:：][ \t]?(?P<phi>\p{Han}{2,6}?(?:市|县|旗|自治州|州|盟)(?:\p{Han}{1,6}?(?:区|县|旗))?"
                 r"[\p{Han}×xX＊*\dA-Za-z\-]{2,30}?)(?=[ \t\u3000\n，,。；;（(]|$)", 0.75,
                 validator=_workplace_ok, needs=contains_any("单位", "隔离点", "隔离酒店", "事故矿井", "工作地点"), flags=0),
            # a quarantine hotel's or a dormitory's room by its number: 房间：1106, （房间1107）
            Rule("numbered_room", LOCATION, r"房间(?:号)?[ \t]?[:：]?[ \t]?(?P<phi>\d{3,5})(?!\d)", 0.7,
                 needs=contains_any("房间"), flags=0),
        ]
    return rules
