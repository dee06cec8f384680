"""Numbers of a person's legal, compensation and appraisal case, in both languages.

Insurance, court and work-injury paperwork names a patient by the number of their case as surely
as a hospital names them by a record number: a court's case number ((2025)沪0115民初12345号, Case
2:25-cv-01187), an appraisal office's report number (京法医鉴〔2025〕医鉴字第0629号), a mediation
committee's or a lawyer's file (医调〔2025〕第0093号, （2025）衡律函字第087号), a docket, an attorney's bar
number on the pleading. The shapes are fixed by the courts and offices that issue them, so they are
found without a cue.

What keeps a policy's own number out (国卫办医发〔2021〕12号 is a ministry circular, no one's case): an
office's number counts only where the office or the series word is one that decides about a person
(鉴 appraisal, 调 mediation, 诊 diagnosis, 律 a lawyer, 认 a determination, 仲/裁 arbitration, 赔
compensation, 案 a case, 伤 injury, 残 disability, 劳 labour capacity).

The same records name the officers and crews who attended by their badges (Ofc. Sandoval #2241,
Trooper Delgado (badge 1138)); a badge is a person's number too, so it is found here with its rank
or crew word before it (a Chinese officer's 警号 is a cue of zh_identifiers').
"""

from __future__ import annotations

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.types import ID_NUMBER

# Characters of an issuing office or a series that decides about one person (see the docstring).
_PERSONAL_SERIES = frozenset("鉴调诊律认仲裁赔案伤残劳访")
# Case types in a court's number: 民初, 民终, 刑初, 行初, 执, 民申, 破, 赔, 诉前调 …
_COURT_CASE_CHARS = frozenset("民刑行执赔初终申再破调诉保仲")
_YEAR = r"[（(][ \t]?(?:19|20)\d\d[ \t]?[）)]"
# Words before an office's number that are no part of it ("本院参照湘正司鉴〔2025〕…", "鉴定编号佛劳鉴…"):
# the office's name starts after one of them or after a character that is no Chinese.
_LEAD_WORDS = "编号|案号|文号|参照|依据|根据|详见|按照|见|经|及|和|与"
_OFFICE_CHAR = rf"(?:(?!{_LEAD_WORDS})[\u4e00-\u9fff])"


def _office_number_ok(value: str) -> bool:
    head, _, tail = value.partition("〔") if "〔" in value else value.partition("[")
    if head.endswith(("发", "函", "令", "办", "通")):
        return False  # a circular's number: 劳社部发〔2004〕18号
    return any(ch in _PERSONAL_SERIES for ch in head + tail.split("〕")[-1].split("]")[-1])


def _court_number_ok(value: str) -> bool:
    body = value.split(")", 1)[-1].split("）", 1)[-1]
    return any(ch in _COURT_CASE_CHARS for ch in body) or "字" in body and any(ch in _PERSONAL_SERIES for ch in body)


def case_number_rules(lang: str) -> list[Rule]:
    rules = [] if lang == "zh" else [
        # A US federal court's case number: 2:25-cv-01187, 1:24-cr-00311-JDB.
        Rule("federal_case_number", ID_NUMBER,
             r"(?<![\w:])(?P<phi>\d:\d{2}-(?:cv|cr|mc|mj|bk|ap|md|po|sw)-\d{3,6}(?:-[A-Z]{2,5}){0,2})(?![\w\-])", 0.85,
             needs=contains_any("-cv-", "-cr-", "-mc-", "-mj-", "-bk-", "-ap-", "-md-", "-po-", "-sw-")),
        # A docket or an index number after its word: "Docket: HUD-L-003871-25", "Index No. 512345/2025".
        Rule("docket_number", ID_NUMBER,
             r"(?i:docket|index)(?:[ \t]+(?i:no\.?|number|#))?[ \t]*[:#.]?[ \t]*"
             r"(?P<phi>(?=[A-Z0-9\-/]*\d{3})[A-Z0-9]{1,10}(?:[\-/][A-Z0-9]{1,10}){0,4})(?![\w\-])", 0.8,
             needs=contains_any("docket", "index"), flags=0),
        # An attorney's bar number on a pleading's signature block: "Florida Bar No. 0087215", "SBN 281734".
        Rule("bar_number", ID_NUMBER,
             r"(?:(?i:bar)[ \t]+(?i:no\.?|number|#|id)|SBN|(?i:bar)[ \t]*#)[ \t]*[:#]?[ \t]*(?P<phi>\d{5,8})(?![\w\-])", 0.8,
             needs=contains_any("bar", "sbn"), flags=0),
    ]
    rules += [
        # The badge of an officer or a crew member who attended: "Ofc. Sandoval #2241", "Officer Luis Carranza,
        # #7730", "K. Abernathy EMT-P #4471", "Trooper Delgado (badge 1138)", "Crew He Jun（#A0763）".
        Rule("attending_badge", ID_NUMBER,
             r"(?:(?<![A-Za-z])(?:Officer|Ofc\.?|Ptl\.?|Trooper|Tpr\.?|Deputy|Dep\.|Sgt\.?|Sergeant|Cpl\.?|Det\.?|Detective|Constable"
             r"|EMT(?:-[PBIA])?|Paramedic|Medic|Crew|Firefighter|FF|Capt\.?|Lt\.?|PC)[^\n#()（）]{0,32}?[ ,]*[(（]?#[ ]?"
             r"|(?i:badge)(?:[ ](?i:no\.?|number|#))?[ \t]*[:#]?[ \t]*)"
             r"(?P<phi>[A-Z]?\d{3,7})(?![\w\-])", 0.75,
             needs=contains_any("#", "badge"), flags=0),
    ]
    if lang == "zh":
        rules += [
            # A court's case number: (2025)沪0115民初12345号, （2024）京01民终3721号, (2019)最高法民申123号.
            Rule("court_case_number", ID_NUMBER,
                 rf"(?P<phi>{_YEAR}[\u4e00-\u9fff]{{1,6}}\d{{0,6}}[\u4e00-\u9fff]{{1,6}}第?\d{{1,7}}号)", 0.85,
                 validator=_court_number_ok, needs=lambda t: "号" in t and ("(" in t or "（" in t), flags=0),
            # An office's number about one person: 穗劳鉴〔2025〕第1832号, 鲁正鉴〔2025〕精鉴字第226号,
            # 沪人社认（浦东）字〔2025〕第1107号, 深医调协〔2025〕041号 (not a circular: 国卫办医发〔2021〕12号).
            Rule("office_case_number", ID_NUMBER,
                 rf"(?:(?<![\u4e00-\u9fff])|(?<={_LEAD_WORDS}))(?P<phi>{_OFFICE_CHAR}{{1,7}}(?:[（(][\u4e00-\u9fff]{{1,4}}[）)])?[\u4e00-\u9fff]{{0,2}}"
                 rf"[〔\[](?:19|20)\d\d[〕\]][\u4e00-\u9fff]{{0,5}}第?\d{{1,6}}号)", 0.8,
                 validator=_office_number_ok, needs=lambda t: ("〔" in t or "[" in t) and "号" in t, flags=0),
        ]
    return rules
