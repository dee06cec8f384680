"""Who is on a rota, who wrote a log line, and where a person is held, in both languages.

Home-care and hospice notes, call-centre logs and custody or barracks records name people by
where they stand in a layout rather than by a cue word: a family rota gives each shift a person
(白班：志明　夜班：“三妹”, "Mon 7/28 - Summer / agency"), a carers' log opens each line with the
date, the carer and the carer's staff number (8.9 魏和平(ZH3651)：停车在楼下), a video visit lists
who joined under which screen name (joined as "declan_54"), and a custody record gives the pod, the
wing and the cell. The layout is what vouches for the name, so each rule asks for the whole of it:
two shifts on a line, a date before the log's author, a label the value follows.

The same records carry their own numbers and dates, which live here too: staff, agent, prisoner and
service numbers, an office's 字第…号 document numbers, a card's last digits as a call log reads them,
a month and day before its weekday, and the places a person is held or serves (a prison's sections,
named prisons and bases, an army unit's cover number). The forces' date-time groups and a DICOM
header's dates are dates first and live with the other English dates in `en_dates`.
"""

from __future__ import annotations

import regex

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.recognizers.en_names import _english_given_names
from mediscope.deid.types import (
    DATE_TIME,
    ID_NUMBER,
    LOCATION,
    PERSON,
    SOCIAL_HANDLE,
)

_SHIFT_ZH = "(?:白班|夜班|早班|晚班|中班|上午班|下午班|陪夜)"
_GAP_ZH = r"[ \t\u3000]"
# Who may stand on a rota without being a named person: a role, nobody, or an open slot.
_NOT_ON_ROTA = ("护工", "保姆", "家属", "阿姨", "轮流", "待定", "无", "空", "休息", "自理", "未定", "机动", "本人")
# A short date opening a log line: 8.9, 25.3.22, 6/27, 2023-01-24, 6月25日.
_LINE_DATE = (r"(?:\d{2,4}[./\-])?\d{1,2}[./\-]\d{1,2}|\d{1,2}月\d{1,2}日")


def _rota_name_ok(value: str) -> bool:
    return not any(value.startswith(w) or value.endswith(w) for w in _NOT_ON_ROTA)


def _quoted_rota_ok(value: str) -> bool:
    return _rota_name_ok(value) and 2 <= len(value) <= 4


def _zh_rules() -> list[Rule]:
    name = r"\p{Han}{1,4}?"
    slot_end = rf"(?={_GAP_ZH}|\n|$|[，,；;])"
    return [
        # 白班：志明　夜班：黄玉珍: a shift's person, when another shift follows on the line (a rota, not a
        # nursing note's 夜班：平稳) ...
        Rule("rota_shift_name", PERSON,
             rf"{_SHIFT_ZH}[:：]{_GAP_ZH}?(?P<phi>{name}){_GAP_ZH}+(?={_SHIFT_ZH}[:：])", 0.7,
             validator=_rota_name_ok, needs=contains_any("班", "陪夜"), flags=0),
        # ... or when one came before it on the line: 白班：“阿宝”　夜班：磊
        Rule("rota_second_shift_name", PERSON,
             rf"(?<={_SHIFT_ZH}[:：][^\n]{{1,16}}?{_GAP_ZH}){_SHIFT_ZH}[:：]{_GAP_ZH}?(?P<phi>{name}){slot_end}", 0.7,
             validator=_rota_name_ok, needs=contains_any("班", "陪夜"), flags=0),
        # a nickname on a rota, in quotes: 白班：“阿宝”, 夜班："三妹"
        Rule("rota_quoted_name", PERSON,
             rf"{_SHIFT_ZH}[:：]{_GAP_ZH}?[\"“「](?P<phi>\p{{Han}}{{2,4}})[\"”」]", 0.7,
             validator=_quoted_rota_ok, needs=contains_any("班", "陪夜"), flags=0),
        # a carers' log line: the date, the carer and the carer's number, then what was done
        # (8.9 魏和平(ZH3651)：停车在楼下, 6月25日 巴特尔(JJ2024-110)：早班; not a test and its year: 血常规(2024)：)
        Rule("log_author_with_number", PERSON,
             rf"(?m)^[ \t]*(?:{_LINE_DATE}){_GAP_ZH}+(?P<phi>\p{{Han}}{{2,6}})[(（](?!(?:19|20)\d\d[)）])[A-Z]{{0,4}}[\-A-Z0-9]*\d{{3,}}[\-A-Z0-9]*[)）][:：]",
             0.75, needs=contains_any("(", "（"), flags=0),
        Rule("log_author_number", ID_NUMBER,
             rf"(?m)^[ \t]*(?:{_LINE_DATE}){_GAP_ZH}+\p{{Han}}{{2,6}}[(（](?!(?:19|20)\d\d[)）])(?P<phi>[A-Z]{{0,4}}[\-A-Z0-9]*\d{{3,}}[\-A-Z0-9]*)[)）][:：]",
             0.75, needs=contains_any("(", "（"), flags=0),
        # a transcript's speaker by role, with the name in brackets: 家属（花蔚然）：听得到, 翻译(扎西)：
        Rule("speaker_role_with_name", PERSON,
             r"(?m)^[ \t]*(?:家属|患者|病人|患方|翻译|护士|医生|社工|配偶|子女|监护人|陪同人)[（(](?P<phi>\p{Han}{2,4}|\p{Han}{2,4}·\p{Han}{2,6})[）)][:：]",
             0.75, needs=contains_any("（", "("), flags=0),
        # an office's document number in the 字第…号 form: 武字第2021047731号 (a soldier's card), 〔2024〕狱医转字第0387号,
        # 京公海（治）决字〔2024〕第031145号 (a detention order)
        Rule("document_number_zi_di", ID_NUMBER,
             r"(?P<phi>(?:〔\d{4}〕)?(?:[^\P{Han}号证码为是的了和与及在于：]|[（(]\p{Han}{1,2}[）)]){1,8}字(?:〔\d{4}〕|[（(]\d{4}[）)])?第\d{3,12}号)",
             0.8, needs=contains_any("字第", "字〔", "字（", "字("), flags=0),
        # a system log's account, then its owner's name in brackets: lihua.rad（李桦）, youyou1999（游悠，护士）
        Rule("log_account_owner_handle", SOCIAL_HANDLE,
             r"(?<![\w.@])(?P<phi>[a-z][a-z0-9._\-]{3,30})[（(]\p{Han}{2,4}[）)，,]", 0.75, needs=contains_any("（", "("), flags=0),
        Rule("log_account_owner_name", PERSON,
             r"(?<![\w.@])[a-z][a-z0-9._\-]{3,30}[（(](?P<phi>\p{Han}{2,4})(?=[）)]|[，,](?:护士|医生|医师|技师|药师|主任))", 0.7,
             validator=lambda v: v not in _NOT_AN_OWNER, needs=contains_any("（", "("), flags=0),
        # a month and day with the weekday after it, or the day of an event: 1/16 周二, 11.12 星期二, 8.13那天
        Rule("month_day_weekday", DATE_TIME,
             r"(?<![\d./\-:])(?P<phi>(?:1[0-2]|0?[1-9])[/.](?:3[01]|[12]\d|0?[1-9]))(?![\d./\-:])"
             r"(?:[ \t\u3000]?(?:周|星期|礼拜)[一二三四五六日天]|(?=那天|那日|当天))", 0.75,
             needs=contains_any("周", "星期", "礼拜", "那天", "那日", "当天"), flags=0),
        # the last digits a bank or an insurer reads out of a card or an account: 尾号9603信用卡, 打款至尾号5810的银行卡
        Rule("card_tail_digits", ID_NUMBER,
             r"尾号(?:为|是)?[:：]?[ \t]?(?P<phi>\d{4})(?!\d)(?=的?(?:信用卡|银行卡|借记卡|储蓄卡|卡|账户|帐户))", 0.75,
             needs=contains_any("尾号"), flags=0),
        # an army unit's cover number (73126部队) and a prison's sections and cells (七监区, 9监室, 三分监区)
        Rule("military_unit_number", LOCATION, r"(?<!\d)(?P<phi>\d{5}部队)", 0.8, needs=contains_any("部队"), flags=0),
        Rule("prison_section", LOCATION,
             r"(?<![\d一二三四五六七八九十])(?P<phi>(?:[一二三四五六七八九十]{1,3}|\d{1,3})(?:分)?监区|(?:女子|老病残|出入)监区|(?:\d{1,2}区)?\d{1,3}号?监室)", 0.75,
             needs=contains_any("监区", "监室"), flags=0),
        # a prison, a detention centre or a juvenile institution by its name, where the person is held
        # (南宁市第二看守所, 晋中监狱, 浙江省未成年犯管教所; not 当地看守所 nor 该监狱)
        Rule("detention_institution", LOCATION,
             r"(?:(?<=^|[^\p{Han}]|[在于到至从押送回赴往入])|(?<=押于|关押在|服刑于))"
             r"(?P<phi>[^\P{Han}在于至押往送转回入从到被]{2,8}?(?:第[一二三四五六七八九十]{1,3})?(?:监狱|看守所|拘留所|强制隔离戒毒所|戒毒所|未成年犯管教所|少管所))",
             0.75, validator=lambda v: not v.startswith(_NOT_OWN_PLACE),
             needs=contains_any("监狱", "看守所", "拘留所", "戒毒所", "管教所", "少管所"), flags=0),
    ]


# What opens a generic institution's mention, no place's name: 当地看守所, 该监狱, 某戒毒所.
_NOT_OWN_PLACE = ("当地", "该", "本", "原", "某", "附近", "其他", "其它", "一所", "这", "那", "各", "外地", "送往", "转往", "被送")
# Labels of where a detained, enlisted or camp-housed person sleeps: "Pod: 3G", "Wing/Cell: E-Wing 3-14",
# "Housing assigned: Pod 3C, Cell 12", "Barracks: Bldg 39011, Rm 214B", "Room on site: Village Block K, Room 14".
_HOUSING_LABELS = (r"(?i:housing(?:[ ](?:assigned|unit|location))?|wing/cell|cell/wing|pod|barracks|billet|dorm(?:itory)?[ ]room"
                   r"|room[ ]on[ ]site|camp[ ]room|bunk|tier)")


# What the brackets after an account say when they name no one: fengxiaoyu（本人）.
_NOT_AN_OWNER = frozenset({"本人", "患者", "家属", "自己", "患者本人", "家长", "代问", "代诉", "匿名", "游客", "医生", "护士", "管理员",
                           "系统", "未实名", "已实名", "实名"})
# Two capitals that end a clinical sentence without being anyone's initials.
_NOT_INITIALS = frozenset({"OK", "NA", "IV", "PO", "BP", "HR", "RR", "PT", "OT", "GP", "ED", "ER", "AM", "PM", "NB", "PS", "ICU",
                           "UK", "US", "CT", "MR", "DR", "RN", "EN", "ID", "TV", "SL", "IM", "SC", "PR", "NG", "OD", "BD", "GI",
                           "MD", "DO", "NP", "PA", "OR", "AE", "FU", "TX", "RX", "DX", "HX", "SX", "NO", "YES", "AT", "IN", "ON"})
# Words that open a phrase about prisons in general, not a named one ("The Prison", "State Prison" alone).
_NOT_A_PLACE_NAME = frozenset({"The", "A", "An", "This", "That", "Federal", "County", "State", "Local", "Prison", "Jail", "In",
                               "At", "From", "To"})


def _housing_ok(value: str) -> bool:
    """A place with a number in it, not a phone number (no run of seven digits, no 555-0193 groups)."""
    digits = sum(ch.isdigit() for ch in value)
    return 1 <= digits <= 8 and not regex.search(r"\d{7}|\d{3}[\-. ]\d{4}", value)


def _en_rules() -> list[Rule]:
    return [
        # a clinic's booking list or a school nurse's log by time: the clock time, a gap, then who came ("1415  Summer Tran
        # (gr 2) – red eye", "15:30  June Whitlock     FU #3"), the first word a known given name
        Rule("timed_row_name", PERSON,
             r"(?m)^[ \t]*(?:[01]\d|2[0-3]):?[0-5]\d[ \t]{2,}(?P<phi>\p{Lu}\p{Ll}+[ ]\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?)"
             r"(?=[ \t]{2,}|[ \t]*\(|[ \t]+[–—-][ ]|[ \t]*(?:\n|$))", 0.7,
             validator=lambda v: v.split()[0].lower() in _english_given_names(), flags=0),
        # a call-centre log's agent: the agent's initials or name, then the agent's code (AG7461), then a colon
        Rule("agent_code_after_name", ID_NUMBER,
             r"\][ \t]?(?:[A-Z]\.[A-Z]\.|\p{Lu}[\p{L}'’\-]+(?:[ ]\p{Lu}[\p{L}'’\-]+)?)[ ](?P<phi>[A-Z]{2}\d{4})(?=:)", 0.75,
             needs=contains_any("]"), flags=0),
        # a log entry's or a note's author by initials: "[08/24/2023 1320 hrs] T.S. emp 56946:", "Minutes taken by A.S.",
        # "... Put in the blue box. RK" at a line's end, "... task set for 12/31. - BC" at the note's end
        Rule("initials_after_log_stamp", PERSON, r"\][ \t]?(?P<phi>[A-Z]\.[A-Z]\.)(?=[ :])", 0.7, needs=contains_any("]"), flags=0),
        Rule("initials_taken_by", PERSON,
             r"(?i:taken|written|recorded|signed|entered|completed|minuted)[ ]by[ ](?P<phi>(?-i:[A-Z]\.[A-Z]\.|[A-Z]{2}))(?![\w])"
             r"(?![ ]\p{Lu}\p{Ll})",  # (not "completed by RN Colleen B": a title before the name)
             0.7, validator=lambda v: v not in _NOT_INITIALS, needs=contains_any(" by "), flags=0),
        Rule("initials_line_end", PERSON,
             r"(?<=[a-z][.!][ ]|[.!)][ ]{1,3}[\-–—][ ]{1,2})(?P<phi>[A-Z]{2})(?=[ \t]*(?:\n|$))", 0.7,
             validator=lambda v: v not in _NOT_INITIALS, flags=0),
        # a staff member's or an agent's code in brackets right after the name: "Leroy Chukwuemeka (AG7817)",
        # "RICH, Pearl (AG2894)", "Lyle Verhoeven (MT-228)" (two capitalised words before it, not a drug's "(ABT-199)")
        Rule("code_after_full_name", ID_NUMBER,
             r"(?<=(?:\p{Lu}[\p{Ll}'’\-]+|\p{Lu}{2,}),?[ ]\p{Lu}[\p{Ll}'’\-]+[ ]\()"
             # (not a drug's development code after its name: Venetoclax (ABT-199), Pembrolizumab (MK-3475))
             r"(?<!(?:mab|nib|lax|cept|tide|stat|vir|ib|ide|ine|one|ole|il|ant|ase|cin|mycin|fen|pam|lam|tan|pin|zol)[ ]\()"
             # (nor a form's, a protocol's or a product's: Claim Form (CMS-1500), Study Protocol (AB-1234))
             r"(?<!(?:Form|Code|Protocol|Study|Trial|Version|Model|Kit|Report|Schedule|Device|Pump|Assay|Panel|Test)[ ]\()(?P<phi>[A-Za-z]{1,3}-?\d{3,7})(?=\))", 0.7,
             validator=lambda v: any(ch.isalpha() for ch in v), needs=contains_any("("), flags=0),
        # a screen name a video visit or a portal shows: joined as "declan_54", display_name="hazel_75",
        # her login is dfields_home
        Rule("joined_as_handle", SOCIAL_HANDLE,
             r"(?i:joined[ ]as|display[ _]?name[ \t]?[=:]|screen[ ]?name[ \t]?[=:]|user[ _]?name[ \t]?[=:]|login[ ]is|username[ ]is)[ \t]?"
             r"[\"“]?(?P<phi>@?[\p{L}\d][\p{L}\d._\-]{2,40})[\"”]?", 0.75,
             validator=lambda v: any(ch.isdigit() or ch in "._-" for ch in v) or v.lower() != v.capitalize().lower(),
             needs=contains_any("joined", "name", "login"), flags=0),
        # where a detained, enlisted or camp-housed person sleeps, after its label
        Rule("housing_after_label", LOCATION,
             rf"(?<![\w/]){_HOUSING_LABELS}[ \t]*:[ \t]*(?P<phi>[A-Z0-9][^\n;()\t]{{0,60}}?)(?=[ \t]{{2,}}|\t|[ \t]*$|[ \t]*[;(—–]|\n)",
             0.75, validator=_housing_ok,
             needs=contains_any("ousing", "ell", "Pod", "POD", "pod", "arracks", "illet", "room", "Room", "unk", "ier"),
             flags=regex.M),
        # a prison, a jail or a detention centre by its name, and a military base: where the person is held or serves
        # ("Wabash Valley Correctional Facility", "Otay Mesa Detention Center", "FCI Terminal Island", "Camp Lejeune",
        # "Fort Drum", "Peterson AFB", "Lavarack Barracks", "CFB Valcartier")
        Rule("detention_or_base", LOCATION,
             r"(?<![\w\-])(?P<phi>(?:\p{Lu}[\p{L}'’\-]+[ ]){1,4}(?:Correctional[ ](?:Facility|Center|Centre|Institution|Complex)"
             r"|Detention[ ](?:Center|Centre|Facility)|State[ ]Prison|Penitentiary|County[ ]Jail|Youth[ ]Detention[ ]Cent(?:er|re)"
             r"|Immigration[ ]Removal[ ]Cent(?:er|re)|Prison)"
             r"|(?:FCI|FDC|USP|MDC|HMP|HMYOI|CFB|RAF|NAS|MCAS)[ ]\p{Lu}[\p{L}'’\-]+(?:[ ]\p{Lu}[\p{L}'’\-]+){0,2}"
             r"|(?:Fort|Camp)[ ]\p{Lu}[\p{Ll}'’\-]{2,}(?:[ ]\p{Lu}[\p{Ll}'’\-]{2,})?"
             r"|\p{Lu}[\p{L}'’\-]+[ ](?:AFB|Air[ ]Force[ ]Base|Barracks|Naval[ ]Station|Army[ ]Airfield))(?![\w\-])",
             0.75, validator=lambda v: v.split()[0] not in _NOT_A_PLACE_NAME,
             needs=contains_any("Correctional", "Detention", "Prison", "Penitentiary", "Jail", "Removal", "FCI", "FDC", "USP",
                                "MDC", "HMP", "CFB", "RAF", "NAS", "MCAS", "Fort ", "Camp ", "AFB", "Air Force", "Barracks",
                                "Naval", "Airfield"), flags=0),
        # a rota's line: the day, then the people on it (Mon 7/28 - Summer / agency, Thu Mar 30 - Iris (neighbour) / Cliff)
        Rule("rota_line_names", PERSON,
             r"(?m)^[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[ ][^\n\-–]{1,14}?[ ][\-–][ ]"
             r"(?P<phi>\p{Lu}[\p{Ll}'’]+)(?=[ ](?:\([a-z ]{3,20}\)[ ])?/[ ]|[ ]\([a-z ]{3,20}\)[ ]?$|[ ]\([a-z ]{3,20}\)[ ]?\n)", 0.7,
             needs=contains_any(" - ", " – "), flags=0),
        Rule("rota_line_second_name", PERSON,
             r"(?m)(?<=^[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[ ][^\n]{1,40}?[ ]/[ ])(?P<phi>\p{Lu}[\p{Ll}'’]+)(?=[ ]?(?:\([a-z ]{3,20}\))?[ ]?$)",
             0.7, needs=contains_any(" / "), flags=0),
    ]


def _author_ok(value: str) -> bool:
    """A screen name, not a system line's word (系统消息, 撤回了一条消息) nor a role alone."""
    if any(w in value for w in ("系统", "消息", "撤回", "System", "system", "通知", "群公告")) or value.strip() != value:
        return False
    if "-" in value and regex.search(r"\p{Han}", value):
        return False  # 蒯晓东-社区护士: a role-labelled author, the chat-label rules' (lanlan-2005 is a screen name)
    # (a short Chinese label before a date and time is a record's field: 入院 2023-03-18 11:02, 采样时间 …)
    han = regex.fullmatch(r"\p{Han}+", value)
    return not (han and (len(value) <= 3 or value.endswith(("时间", "日期", "时刻", "记录", "开始", "结束"))))


# A chat app's export puts each message under its author's screen name and the time it was sent, on a line of their
# own ("春暖花开 2024-08-26 09:15", "lanlan-2005 2023/3/18 11:02"): the line's first part is a screen name.
# (an export has many such lines; a record's title over its date has one: 急诊病历 2024-03-02 10:15)
_EXPORT_LINE = (r"(?m)^(?P<phi>[^\s:：\[\]()（）\-｜|][^\s:：\[\]()（）｜|]{0,23}?)[ \t]+(?:19|20)\d{2}[\-/.]\d{1,2}[\-/.]\d{1,2}"
                r"[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$")
_EXPORT_LINE_RE = regex.compile(_EXPORT_LINE)
_EXPORT_AUTHOR = Rule(
    "chat_export_author_line", SOCIAL_HANDLE, _EXPORT_LINE, 0.7, validator=_author_ok,
    needs=lambda t: ":" in t and len({m.group("phi") for m in _EXPORT_LINE_RE.finditer(t)}) >= 2, flags=0)


def rota_and_log_rules(lang: str) -> list[Rule]:
    return [*(_zh_rules() if lang == "zh" else _en_rules()), _EXPORT_AUTHOR]
