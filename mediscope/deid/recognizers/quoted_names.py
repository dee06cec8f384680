"""Nicknames and screen names in quotation marks, after the word that says what they are.

Case files, counselling notes and family meetings quote what people are called: 外号"石头",
小名"豪豪", 化名"阿珍", 称呼"阿峰", 游戏ID "丛台小霸王X", 抖音号"lingling88688"; Jordan "JB" Baker,
Marcus ("Boo"), sponsor "Big Al", identified herself as "Lily". The quotation marks bound the name,
so it need not look like one (石头, Big Mama are words): what makes it a name is the cue before it,
a nickname word, a kin or a role, or the person's own name around it. A cue that may also quote
speech (自称, 叫, 称呼) takes only a short quote with none of the words a sentence is made of.
"""

from __future__ import annotations

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.types import PERSON, SOCIAL_HANDLE

_OPEN = "[\"“「『]"
_CLOSE = "[\"”」』]"
# Words that say the quote is what the person is called, whatever it is.
_NICK_WORDS_ZH = ("小名|乳名|昵称|暱稱|外号|外號|绰号|綽號|诨名|化名|苗名|藏名|彝名|傣名|曾用名|又名|网名|網名|真名|本名|艺名"
                  "|大家叫(?:他|她)|同学叫(?:他|她)|村里(?:人|小孩)?叫(?:他|她)")
# Cues that may also quote what someone said: a short quote only, with no word of a sentence in it.
_LOOSE_WORDS_ZH = "自称|自報|自报名|称呼|稱呼|叫(?:他|她|我)|喊(?:他|她)|称(?:他|她)|个叫|個叫|名叫|都叫|就叫|总叫(?:他|她)|唤作|人称|人稱"
# Platforms and groups whose account or group name follows in quotes.
_HANDLE_WORDS_ZH = ("游戏ID|游戏id|游戏账号|抖音号|快手号|微信号|微信名|QQ号|QQ群|微信群|账号|帳號|小红书号|小红书账号|开了号|关注账号"
                    "|网恋对象|群名|群号|ID|id")
# Characters a sentence is made of and a name seldom is.
_SENTENCE_CHARS = frozenset("的了是在不有没要会我你他她们这那么吗呢吧啊就都也还很太说去来到给让被把")

_KIN_EN = (r"(?:brother|sister|cousin|friend|mate|buddy|sponsor|stepfather|stepmother|stepdad|stepmum|stepmom|partner|boyfriend|"
           r"girlfriend|husband|wife|son|daughter|uncle|aunt|auntie|grandma|grandpa|nan|nana|supervisor|boss|foreman|peer|roommate|"
           r"flatmate|housemate|neighbou?r|dealer|ex|girl|guy|mentor|coach|teammate|classmate|nephew|niece|"
           r"(?:older|younger|big|little)\s+(?:brother|sister))")


def _short_quote_ok(value: str) -> bool:
    return 2 <= len(value) <= 4 and not any(ch in _SENTENCE_CHARS for ch in value)


def _nick_ok(value: str) -> bool:
    return not any(ch in "，,。；;！!？?" for ch in value)


def _handle_ok(value: str) -> bool:
    """A person's account or a private group, not a ward's or a department's group (「心内二病区护理」)."""
    return _nick_ok(value) and not any(w in value for w in ("病区", "科室", "护理", "医院", "诊所", "药房", "门诊", "医生", "护士站"))


def quoted_name_rules(lang: str) -> list[Rule]:
    if lang == "zh":
        return [
            Rule("quoted_nickname", PERSON,
                 rf"(?:{_NICK_WORDS_ZH})(?:叫|是|为|為)?[ \t:：]?{_OPEN}(?P<phi>[\p{{Han}}A-Za-z0-9·]{{1,6}}){_CLOSE}", 0.75,
                 validator=_nick_ok, needs=lambda t: ('"' in t or "“" in t or "「" in t or "『" in t) and (
                     "名" in t or "号" in t or "號" in t or "叫" in t)),
            Rule("quoted_loose_nickname", PERSON,
                 rf"(?:{_LOOSE_WORDS_ZH})(?:为|為|是)?[ \t:：]?{_OPEN}(?P<phi>\p{{Han}}{{2,4}}){_CLOSE}", 0.7,
                 validator=_short_quote_ok, needs=lambda t: '"' in t or "“" in t or "「" in t or "『" in t),
            Rule("quoted_handle", SOCIAL_HANDLE,
                 rf"(?:{_HANDLE_WORDS_ZH})[ \t:：]?{_OPEN}(?P<phi>[\p{{Han}}A-Za-z0-9_\-·.]{{2,20}}){_CLOSE}", 0.75,
                 validator=_handle_ok, needs=lambda t: '"' in t or "“" in t or "「" in t or "『" in t),
        ]
    name = r"\p{Lu}[\p{Ll}'’\-]+(?:(?<=-)\p{Lu}[\p{Ll}'’\-]+)?"  # (and a double-barrelled one: Villiers-Hume)
    # (a kin word or a title inside the quotes stays outside the name: "Auntie Pat", "Grandma Lucy")
    nick = (r"(?:(?:Auntie|Aunty|Aunt|Uncle|Grandma|Grandpa|Granny|Nana|Nan|Mr|Mrs|Ms|Miss|Dr|Elder)\.?[ ])?"
            r"(?P<phi>\p{Lu}[\p{L}'’\-]{1,14}(?:[ ]\p{Lu}[\p{L}'’\-]{1,14})?)")
    return [
        # Jordan "JB" Baker, Pádraig "Podge" Mac Giolla Phádraig: the full name with the nickname inside; in single
        # quotes and in brackets too, as a chart's header gives it: Mackenzie 'Kenzie' Stroud, Matilda ('Tilly') Vaughan
        # (not a sentence's word before a quoted one: The 'Big' Apple)
        Rule("name_with_quoted_nickname", PERSON,
             rf"(?<![\p{{L}}])(?!(?:The|This|That|These|Those|A|An|Our|My|His|Her|Their|Its|In|On|At|For|And|But|Not|No|Very|So)\b)"
             rf"(?P<phi>{name}[ ](?:[\"“](?:\p{{Lu}}[\p{{L}}'’\-]{{0,14}}|\p{{Lu}}{{2,3}})[\"”]|\(?[‘'](?:\p{{Lu}}\p{{Ll}}{{1,14}})[’']\)?"
             rf"|\([\"“]\p{{Lu}}\p{{Ll}}{{1,14}}[\"”]\))[ ](?:(?:Mac|Mc|O'|De|Di|Van|Von)[ ])?"
             rf"{name}(?:[ ]{name}){{0,2}})", 0.8,
             needs=contains_any('"', "“", "'", "‘"), flags=0),
        # sponsor "Big Al", stepfather "Big Mike", my girl "Peaches", Marcus ("Boo"), Washington ("Big Mama").
        Rule("kin_quoted_nickname", PERSON,
             rf"(?:\b(?i:{_KIN_EN})[ ]\(?|(?<![\p{{L}}]){name}(?:[ ]Jr\.?)?[ ]\()[\"“]{nick}[\"”]", 0.7,
             needs=contains_any('"', "“"), flags=0),
        # identified herself as "Lily", goes by "Tash", known as "Taff", nicknamed "Cheeks", Nickname: 'Bibi',
        # prefers to be called "Auntie Pat" (not "called" alone: a drug called "Keppra").
        Rule("called_quoted_nickname", PERSON,
             rf"(?<![\p{{L}}])(?i:identified\s+(?:herself|himself|themselves)\s+as|goes\s+by|known\s+as|nicknamed|nickname"
             rf"|prefers\s+to\s+be\s+called|aka|a\.k\.a\.|calls?\s+(?:him|her))[ \t]*:?[ \t]*[\"“'‘]{nick}[\"”'’]", 0.8,
             needs=contains_any('"', "“", "'", "‘"), flags=0),
    ]
