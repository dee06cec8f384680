"""Chinese person names by cue: titles, cue words, form fields, kinship, nickname and speaker
shapes, and jieba's segmentation (ChineseNameRecognizer), with the surname patterns and helpers
only it uses.

Kept apart from the other families as the largest single unit; names found by their place in a
clause live in zh_names, the statistical tagger in zh_ner.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid import lexicon
from mediscope.deid.normalize import normalize
from mediscope.deid.recognizers import zh_patterns
from mediscope.deid.recognizers.base import ContainsAny, ready_jieba
from mediscope.deid.recognizers.zh_names import (
    _FOREIGN_RE,
    _NICK_NOT_SECOND,
    BED_NUM_START,
    KINSHIP_WORDS,
    RARE_CUED_MAX_FREQ,
    RARE_SURNAME_MAX_FREQ,
    given_name_chars,
)
from mediscope.deid.recognizers.zh_patterns import _FUNCTION_CHARS, CN_NUM, _alt, _is_clinical
from mediscope.deid.recognizers.zh_places import _place_names
from mediscope.deid.types import PERSON

_SURNAME_CHARS = "".join(sorted(lexicon.SURNAMES_1))
# Every two-character surname, common (欧阳) or rare (司空, 第五): the rest of the name follows them.
_COMPOUNDS = frozenset(lexicon.SURNAMES_2) | frozenset(lexicon.BAIJIAXING_2)
_SURNAME = "(?:" + "|".join(lexicon.SURNAMES_2) + "|[" + _SURNAME_CHARS + "])"
_TITLE_SURNAME = "(?:" + "|".join(lexicon.SURNAMES_2) + "|[" + _SURNAME_CHARS + "".join(sorted(lexicon.SURNAMES_TITLE_ONLY)) + "])"
_GIVEN = r"(?:(?![" + "".join(sorted(lexicon.NOT_GIVEN_NAME_CHARS - set("小大老长"))) + r"])[\u4e00-\u9fff])"
# OCR often spaces a form's name out: 姓 名：张 伟   性 别：男
_SPACED_NAME_RE = regex.compile(r"[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}(?![\u4e00-\u9fff]| [\u4e00-\u9fff])")
_FOLLOW_RE = regex.compile(
    rf"(?<![\u4e00-\u9fff])(?P<name>{_SURNAME}{_GIVEN}{{1,2}}?)"
    rf"(?=[，,、\s]*(?:男|女)(?:[，,、\s性]|\d|[{CN_NUM}])|主诉|自诉|自述|诉|述(?![说评职])|因|于\d|来院|来诊|就诊|入院|同学|同志"
    rf"|{_alt(lexicon.NAME_FOLLOWERS_ZH)})"
)
_SURNAME_RE = regex.compile(_SURNAME)
_GENDER_NEXT = regex.compile(r"[，,、\s]*(?:男|女)(?:[，,、\s性]|\d)")
_WHOLE_NAME_RE = regex.compile(r"[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])")
_TITLE_SURNAME_RE = regex.compile(_TITLE_SURNAME)

_PERSON_CONTEXT_RE = regex.compile(_alt(lexicon.PERSON_CONTEXT_ZH))
# A jieba token counts when a cue is within 10 characters of it (see `_jieba_name`); tokens are at
# most 4 characters, so blocks farther than this from every cue cannot yield a name.
_CUE_REACH = 14

# A rare surname counts only if the character is rare on its own (jieba count below
# RARE_SURNAME_MAX_FREQ): 仉, 訾, 蔺 are names; 有, 和, 于 are words. A character on no surname
# list counts as one after a cue only when it is rarer still (RARE_CUED_MAX_FREQ).


def rare_surnames(freq: dict[str, int]) -> tuple[set[str], list[str]]:
    """百家姓 surnames missing from the common list, minus those that are ordinary characters."""
    single = {c for c in lexicon.BAIJIAXING
              if c not in lexicon.SURNAMES_1 and c not in lexicon.SURNAMES_TITLE_ONLY
              and freq.get(c, 0) < RARE_SURNAME_MAX_FREQ and c not in lexicon.NOT_GIVEN_NAME_CHARS}
    single |= lexicon.SURNAMES_REGIONAL
    # 庹, 覃, 蹇: surnames on no 百家姓 list, characters rarely anything else (庹先生, 医生蹇)
    single |= {c for c in lexicon.RARE_SURNAMES_EXTRA if freq.get(c, 0) < RARE_SURNAME_MAX_FREQ}
    double = [w for w in lexicon.BAIJIAXING_2 if w not in lexicon.SURNAMES_2]
    return single, double


_SPACED_ONLY_RE = regex.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}(?![\u4e00-\u9fff])")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _spaced_name_end(text: str, start: int) -> int | None:
    """End of an OCR-spaced name at `start` (芮 宏 签字 -> 芮 宏), without a trailing 男/女."""
    m = _SPACED_ONLY_RE.match(text, start)
    if not m:
        return None
    end = m.end()
    while end - start > 3 and text[end - 1] in "男女" and text[end - 2] == " ":
        end -= 2
    # 蒙 秋 菊 性 别: the next spaced label's first character is no part of the name
    if end - start > 3 and text[end - 2] == " " and text[end - 1] + text[end + 1 : end + 2] in _SPACED_LABELS:
        end -= 2
    return end if end - start >= 3 else None


_SPACED_LABELS = frozenset({"性别", "年龄", "科室", "科别", "床号", "病区", "住院", "门诊", "民族", "职业", "婚姻", "籍贯", "电话",
                            "地址", "日期", "诊断", "出生", "病案", "标本", "送检", "临床", "申请", "检查", "备注"})


# Characters that continue transliterated drug names (罗匹|尼罗, 阿莫|西林, 替格|瑞洛).
_DRUG_NEXT = frozenset("尼西莫司替芬韦汀丁酮唑胺素霉嗪啶醇酯酸钠钾尔林泮坦洛沙星肽诺瑞")
_DAI_FIRST = frozenset("玉岩咪艾依召刀")
_KIN_TITLE_CHARS = frozenset("姐哥叔姨婶嫂")
_CANTONESE_ADDRESS = lexicon.CANTONESE_ADDRESS
_ANY_SURNAME_CHARS = frozenset(lexicon.SURNAMES_1) | frozenset(lexicon.BAIJIAXING) | frozenset(lexicon.RARE_SURNAMES_EXTRA)
# A lone surname's field ends here: punctuation, the line's end or a gap of two spaces.
# Verbs of telling after a person cue (家属陈述：, 患者自述：): the statement's heading, no name.
_SPEECH_VERBS = ("陈述", "陈诉", "陈说")
# (an opening bracket too: the clinician's note or full name follows, 评估师：吉（心理咨询师）, 审判员：撒（撒文静）;
# and a table's bar: 班主任葛｜135…)
_LONE_END_RE = regex.compile(r"(?:[ \u3000]{2,}|[ \u3000]*(?:[，,。；;、）)（(｜|]|\n|$))")
# After one space: a word of two characters or more, or a number (not 贲 心, a spaced name's rest).
_LONE_DEPT_RE = regex.compile(r"\s?[（(][\u4e00-\u9fff]{1,8}(?:科|室|病区|中心)[）)]")
# 姓名:潘\n晓\n东   性别: a form's narrow name cell wraps the name one character to a line; each
# character stands alone (the next line's word, 性别, is no part of it).
_LINE_BROKEN_NAME_RE = regex.compile(
    r"[\u4e00-\u9fff](?:[ \n][\u4e00-\u9fff](?![：:])){1,3}(?![\u4e00-\u9fff]|[ \n][\u4e00-\u9fff](?![\u4e00-\u9fff]))")
# (a wrapped character before a colon opens the next line's label: 主治医生：刘↵嘱：低盐饮食)
_SPACED_BROKEN_TAIL_RE = regex.compile(r"\n(?![男女])[\u4e00-\u9fff](?=[ \u3000]{2,}[\u4e00-\u9fff])")
_NEXT_LABEL_RE = regex.compile(r"[ \u3000][\u4e00-\u9fff]{2,5}[：:]")
_LONE_AFTER_SPACE_RE = regex.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z0-9]")
_LONE_SPACE_MAX_FREQ = 2000
_LONE_ACTS_RE = regex.compile(r"说|后|同意|认为|建议|表示|交代|嘱|查看|查房|会诊|告知|称|签字|签名|已|看过|的意见")
# Parties whose side is written with 方 after them (被告方, 原告方): that 方 is no surname.
_PARTY_CUES = ("原告", "被告", "上诉人", "申请人", "当事人", "第三人", "委托人", "受托人", "投保人", "被保险人", "雇主")
# A relative named by kind right before a name that signs (其女高兴签字, 家属林立签名): the word is the name.
_KIN_BEFORE_WORD_NAME = ("其女", "其子", "其妻", "其夫", "其母", "其父", "其兄", "其弟", "其姐", "其妹", "家属", "之女", "之子")
_FIELD_END_RE = regex.compile(r"[ \u3000]{2,}|[ \u3000]*(?:\n|$|[|｜])")
_BED_WORD_NAME_RE = regex.compile(r"\s?[（(][^（）()]{2,12}[）)]")
# What vouches for a word as a name right after a person cue (see `_word_named`).
_WORD_NAME_FOLLOW_RE = regex.compile(
    r"[，,、\s]*(?:男|女)(?:[，,、\s性]|\d)"
    r"|\s?[（(，,]\s?\d{1,3}\s?(?:岁|周岁|歲)"
    r"|\s?于\s?(?:\d{2,4}\s?[年\-/.]|\d{1,2}\s?月)"
    r"|\s+[\u4e00-\u9fff]{0,3}(?:日期|时间|电话|床号|住院号|门诊号|年龄|性别|诊断)"
    r"|(?:诉|自诉|主诉|说)(?![明话法])")
# Surnames that are everyday adjectives or function words before a comma (血压高，, 患者多，).
_LONE_NOT_SURNAME = frozenset("高白常成单管信商官解冷连路宫和于时明全应强多少平安齐易文康金石万")
# Weak cues that greet or thank rather than introduce: 谢谢王，; 你好，
_LONE_NOT_CUES = ("谢谢", "感谢", "麻烦", "你好", "您好", "找", "转给", "交给", "我是")
_TITLE_WORDS = frozenset(t for t in lexicon.TITLES_ZH if len(t) == 2)
_CUT_TITLES = tuple(sorted((t for t in lexicon.TITLES_ZH if len(t) >= 2), key=len, reverse=True))


# An administration verb one or two characters before a token: the token is (part of) a drug.
_GIVEN_DRUG_BEFORE = regex.compile(r"(?:予|给予|加用|改用|换用|服用|口服|静滴|静推|肌注|注射)[\u4e00-\u9fff]?$")
# A dose right after a token makes it the end of a drug's name (利伐沙班15mg, 阿哌沙班 2.5mg bid).
_DOSE_AFTER = regex.compile(r"\s?\d+(?:\.\d+)?\s?(?:mg|g|ml|mL|μg|ug|iu|IU|U|u|毫克|克|毫升|片|粒|支|单位)(?![A-Za-z])")


# Function-word characters that are also frequent in given names (可欣, 如意, 正阳, 欣然): they
# veto a given name only when it is itself a word (王可以, 李然后).
_GIVEN_DESPITE_NEVER = frozenset("可如正然")


def _never_given(candidate: str, freq: dict[str, int] | None = None) -> bool:
    given = candidate[2:] if candidate[:2] in _COMPOUNDS else candidate[1:]
    lenient = freq is not None and len(given) == 2 and freq.get(given, 0) == 0
    return any(ch in lexicon.NEVER_IN_GIVEN_NAME and not (lenient and ch in _GIVEN_DESPITE_NEVER) for ch in given)


_ADDRESS_FORMS = frozenset({"婆婆", "爷爷", "奶奶", "阿姨", "叔叔", "伯伯", "大爷", "大妈", "老太", "老伯", "嬢嬢", "阿婆",
                            "阿公", "姨妈", "大娘", "大婶", "婶婶", "公公"})
_ANY_NAME_CUE = "|".join(regex.escape(w) for w in sorted(
    {*lexicon.NAME_CUES_ZH_STRONG, *lexicon.NAME_CUES_ZH_WEAK, "邻居", "联系人", "丈夫", "妻子", "老公", "老婆", "爱人"},
    key=len, reverse=True))
# A surname and a birth rank: 吴老二, 张老三, 杨老幺 (not 老大难, 老三样, 老二哥 ...).
_BIRTH_RANK_RE = regex.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=(?:{_ANY_NAME_CUE})[\s:：]*))(?P<name>{_SURNAME}老[大二三四五六七八九幺])"
    r"(?![难样哥姐弟妹爷师板头伴太乡汉虎鼠\u4e00-\u9fff]{0,0}[难样])")
def _line_starts(text: str) -> list[int]:
    """Where each line of the text starts (str.find, not a scan of every character)."""
    out = [0]
    i = text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _lao_xiao_positions(text: str) -> list[int]:
    """Where 老 or 小 stands (str.find, not a scan of every character in Python)."""
    out = []
    for ch in "老小":
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    return sorted(out)


# 遵丁医嘱, 遵王医嘱: the surname of the doctor whose order a note follows (not 遵从/遵照医嘱).
_ORDER_OF_RE = regex.compile(rf"(?<=遵)(?P<name>(?![从照循守])[{_SURNAME_CHARS}])(?=医嘱|医师嘱|医生嘱)")
# 老苏（苏红梅）, 小钱(钱多多): 老/小 and a surname, then the full name with that surname in brackets.
_SURNAME_NICK_OF_NAME_RE = regex.compile(
    rf"(?P<nick>[老小](?P<c>[{_SURNAME_CHARS}]))\s?[（(]\s?(?P=c)[\u4e00-\u9fff]{{1,2}}\s?[）)]")
# A two-character surname that a form or OCR spaced from the given name: 申屠 志远, 申屠　亮.
_SPACED_GIVEN_RE = regex.compile(r"[ ]{1,2}[\u4e00-\u9fff]{1,2}(?=[\s，,。；;：:|｜]|$)")
# A Hui name before the imam's title: 马哈三阿訇 (三 and 哈 are no usual given-name characters).
_IMAM_RE = regex.compile(rf"(?<![\u4e00-\u9fff])(?P<name>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?)(?:阿訇|伊玛目)")
# Dai names have no surname: 玉, 咪 or 依 opens a woman's name, 岩, 艾 or 召 a man's (玉腊, 岩温,
# 艾罕, 玉应罕, 依香); 刀 is the Dai surname of old (刀玉罕, 刀新民). One or two syllables follow.
# Only right after a family, patient or bed word and before a pause, 的, an age or 今年/说.
_DAI_CUES = (
    "老公|老婆|丈夫|妻子|爱人|媳妇|儿子|女儿|母亲|父亲|妈妈|爸爸|我是|患者|病人|家属|产妇|孕妇|奶奶|爷爷|外婆|外公|婆婆|公公|"
    "姥姥|姥爷|阿婆|老伴|孙子|孙女|外孙女|外孙|哥哥|姐姐|弟弟|妹妹|嫂子|女婿|儿媳|联系人|患儿|姓名|就诊人|名叫|叫|"
    "其妻|其夫|其子|其女|其母|其父|"
    r"(?<![\dA-Za-z])\d{1,3}\s?床(?:号)?"
)
_DAI_RE = regex.compile(
    rf"(?:{_DAI_CUES})[\s:：]*"
    r"(?P<name>[玉岩咪艾依召刀][\u4e00-\u9fff]{1,2}?)"
    r"(?=[\s，,。；;！!？?的（(、：:]|\d|今年|岁|说|$|陪|在|孕|怀孕|也|又|一直|昨|今天|前天|最近|被|得了|患)")
# An old friend or neighbour by surname: 隔壁老郑, 老周昨晚..., 问问老蒙 (老 + a surname, not 老毛病,
# 老花眼, 老高兴: the follower must be a pause or a word a subject takes).
_LAO_NICK_RE = regex.compile(
    r"(?:(?<=^|[\s，,。；;！!？?：:、（(“\"])|(?<=隔壁|邻居|同事|我们|咱们|跟|和|问|问问|找|给|让|喊|那个|这个|有个|说|是|工友|病友|老乡|朋友|的|床"
    r"|提醒|通知|交代|告诉|嘱咐|护工|保安|司机|保姆))"
    rf"(?P<name>[老小][{_SURNAME_CHARS}])"
    r"(?=[\s，,。；;！!？?、）)”\"]|$|说|讲|講|话|話|问|他|她|的|也|昨|今|前|家|一直|最近|刚|又|还|就|在|是|吃|让|叫|给|跟|和|这|那|以前|之前"
    r"|得了|患|有|你|您|一起|注意|曾|陪|帮)")
# A compound surname that is no everyday word (欧阳, 皇甫, 端木, 尉迟; not 东方, 长孙, 司空, 第五) and one or
# two given characters: such a name needs no cue (家长端木鹏、皇甫丽在场).
_RARE_COMPOUNDS = ("欧阳", "司马", "诸葛", "皇甫", "端木", "令狐", "慕容", "尉迟", "万俟", "宇文", "夏侯", "独孤", "司徒",
                   "澹台", "公冶", "申屠", "轩辕", "呼延", "赫连", "拓跋", "钟离", "宗政", "淳于", "左丘", "亓官", "上官")
_COMPOUND_NAME_RE = regex.compile(
    rf"(?P<name>(?:{'|'.join(_RARE_COMPOUNDS)})"
    r"(?!医生|医师|老师|护士|主任|先生|女士|小姐|阿姨|大夫|教授|院长|同志|家|氏|姓|某|修文|说|的|在|和|是)"
    rf"{_GIVEN}{{1,2}})")
_LAO_NOT_NICK = frozenset({"老农", "老马", "老牛", "老童", "老白", "老黄", "老毛", "老高", "老常", "老汉", "老干", "老宋"})
# A given name alone after a spouse or a call (老伴秀兰, 在喊秀芝): two characters of the given
# names of women of that generation, no dictionary word.
_GIVEN_ALONE_RE = regex.compile(
    r"(?:老伴儿?|老婆|媳妇|妻子|爱人|我妈|俺娘|闺女|孙女|外孙女|大姐|二姐|嫂子|在喊|喊着|叫着|念叨着?)[\s:：]*"
    r"(?P<name>[秀兰芝英芳梅珍凤娟霞玲琴燕萍桂莲菊香丽淑贞翠艳荣娥娣凤霞慧敏玉彩爱桃杏月][秀兰芝英芳梅珍凤娟霞玲琴燕萍桂莲菊香丽淑贞翠艳荣娥娣慧敏彩爱桃杏月云花])"
    r"(?=[\s，,。；;！!？?、）)]|$|这|今年|最近|昨|今|前|一直|总|老是|也|又|还|的|说|血|得|患|有|在|是)")
# A given name alone right after the writer's or a person's relative (我妈秀珍身体不好, 我爱人海燕每次
#送我, 我外孙女小雨这两天发烧, 我家春花陪我来) or after 叫我 (叫我翠兰就行): see `_kin_given_ok`.
_KIN_GIVEN_RE = regex.compile(
    r"(?:(?:我|他|她|俺|咱)家?(?:外孙女|外孙|孙女|孙子|女儿|儿子|闺女|妈妈|爸爸|老妈|老爸|妈|爸|母亲|父亲|爱人|老婆|老公|媳妇"
    r"|丈夫|妻子|老伴儿?|姐姐|哥哥|妹妹|弟弟|姐|哥|妹|弟|外婆|外公|奶奶|爷爷|姥姥|姥爷|女婿|儿媳妇?|对象|男朋友|女朋友|男友|女友)"
    r"|我家|叫我|爱人|丈夫|妻子|女友|男友|老伴)(?P<name>[\u4e00-\u9fff]{2})")
# A given name and the kin word a family calls an elder or a cousin by (建国叔, 德明舅, 志明哥, 春娇姐):
# the given name is the person's.
_GIVEN_KIN_TITLE_RE = regex.compile(
    r"(?:(?<=^|[\s，,。；;！!？?：:、（(“\"])|(?<=跟|和|让|叫|给|问|找|说|是|同|陪|带|喊|请|谢谢|麻烦))"
    r"(?P<name>[\u4e00-\u9fff]{2})(?=[叔舅哥姐姨伯婶嫂](?:[的，,。！!？?\s在也都和跟说来去要还又就是让给]|$))")
_KIN_GIVEN_GATE = ("我", "他", "她", "俺", "咱", "爱人", "丈夫", "妻子", "女友", "男友", "老伴")
# 阿 and one syllable, a southern or Yi pet name (娃娃阿果, 小覃和阿燕, 阿牛阿妞), after a family,
# care or list word; 阿姨, 阿胶, 阿司匹林 are dictionary words.
_A_NICK_RE = regex.compile(
    r"(?<=^|[\s，,。；;（(：:]|娃娃|娃|孩子|宝宝|儿子|女儿|闺女|孙子|孙女|外孙|老公|老婆|媳妇|丈夫|妻子|爱人|哥哥|姐姐|弟弟|妹妹|小名|叫|喊|和|跟|与|、|及|同事|护士|护工|朋友|邻居"
    r"|闺蜜|室友|保姆|司机|细佬|家姐|提醒|通知|告诉)"
    r"(?P<name>阿[\u4e00-\u9fff](?:阿[\u4e00-\u9fff])?)"
    r"(?=[\s，,。；;！!？?、）)（(]|$|和|跟|也|都|说|話|话|讲|講|今年|昨|今|前|一直|最近|发|咳|吐|拉|烧|还|又|的|在|是|住院|出院|手术|曾|陪|帮|带|注意|负责)")
# A surname and a kin word used as a title for a neighbour, a colleague or a carer: 覃姐说, 问问王哥,
# 张叔也来了, 刚才李姐打电话, a message signed ——王嫂. Only the surname names the person (as in 王医生).
_KIN_TITLE_RE = regex.compile(
    r"(?:(?<=^|[\s，,。；;！!？?：:、（(“\"—~～\-])|(?<=跟|和|问|问问|找|给|让|是|听|叫|喊|说|谢谢|麻烦|隔壁|邻居|同事|刚才|刚刚|今天|昨天|早上|晚上|下午|上午))"
    rf"(?P<name>[{_SURNAME_CHARS}])(?:姐|哥|叔|姨|婶|嫂)"
    # or a chat turn's label (龙叔：我的尿酸, 任姐：医生) or a question about her (周叔怎么样)
    r"(?=您|你|说|讲|问|也|都|的|家|她|他|帮|让|给|刚|在|是|打电话|来电|发消息|发微信|带|又|还|已经|来|去|怎么|[\s，,。；;！!？?、）)”\"：:]|$"
    # or the time of what happened to her (卢姐上个月28号做的锥切, 王哥前天摔了)
    r"|上个?月|上周|上次|前天|昨天|今天|昨日|今日|最近|近来|这两天|前几天|年初|去年|今年)")
# A caller names where they are from, then themself: 我是兰坪县拉井镇的和学英, 我是3床的冯雪梅. After
# such a place or bed, any 百家姓 surname counts (和, 于, 向 are words elsewhere).
_SELF_AFTER_PLACE_RE = regex.compile(
    r"(?:我是|这里是|这边是)[^，。,；;！!？?\s]{1,14}?[县镇乡村区市床号组屯队]的"
    r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff]{1,2}?)(?=我|你|他|她|[，,。；;！!？?\s]|啊|呀|呢|$)")
# A header row: a record number's value, then the name as the next field (住院号20250116033 宋佳 胎龄39周).
_NAME_AFTER_ID_RE = regex.compile(
    rf"(?:住院号|门诊号|病案号|病历号|就诊号|登记号|检查号|影像号|病理号|条码号|ID|床号)[\s:：#]*[A-Za-z0-9\-]{{2,20}}\s{{1,4}}"
    rf"(?P<name>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?)(?=\s|[，,|｜]|$)")
# A parent names themself by the child's pet name (我是小雨妈妈, 我是朵朵的爸爸, 你好我是乐乐奶奶): 小 or 阿
# and a character, or a doubled character; not 宝宝, 娃娃, 小孩.
_CHILD_PARENT_RE = regex.compile(
    r"(?:(?:我是|我们是|这边是|你好是|您好是)(?:[^，。,；;！!？?\s]{0,10}?(?:的|那个))?|看过的|就诊的|住院的)"
    r"(?P<name>[小阿][\u4e00-\u9fff]|(?P<d>[\u4e00-\u9fff])(?P=d))的?"
    r"(?:妈妈|爸爸|妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|家长|姐姐|哥哥)")
_NOT_CHILD_NAMES = frozenset({"宝宝", "娃娃", "小孩", "小宝", "小儿", "小的", "阿姨", "妹妹", "弟弟", "哥哥", "姐姐", "小区", "小组",
                              "小姨", "小舅", "小叔", "小姑", "小王", "小李", "小张", "小刘", "小陈", "星星", "天天", "常常",
                              "刚刚", "慢慢", "人人", "家家", "个个", "奶奶", "爷爷", "妈妈", "爸爸", "姥姥", "婆婆"})
# A child's name that is a word (可乐, 豆包, 米粒) right after 宝宝叫/孩子叫, closed by a pause or an age:
# after such a cue the word is the name (not 孩子叫不醒, 宝宝叫了一晚上: a verb follows 叫 there).
_CHILD_WORD_NAME_RE = regex.compile(
    r"(?:宝宝|孩子|女儿|儿子|闺女|娃娃?|小孩|孙子|孙女|外孙女?)(?:的)?(?:小名|名字|大名)?叫(?:做)?"
    r"(?P<name>(?![不了得着过起醒出个声哭啥什怎])[\u4e00-\u9fff]{2})(?=[\s，,。！!；;]|\d|$)")
# An English given name in brackets after a Chinese name: 梁伟强 (Kelvin), 陈嘉欣（Cindy）. Not an
# eponym or a clinical word (唐氏综合征(Down), 川崎(Kawasaki)).
# The romanised full name too, in pinyin or Cantonese (陈晓宇（Chen Xiaoyu）, 陳嘉欣（Chan Ka Yan）).
_LATIN_DRUG_ENDINGS = ("azole", "imazole", "mab", "nib", "pril", "sartan", "olol", "statin", "cillin", "mycin", "floxacin",
                       "tidine", "prazole", "dipine", "formin", "gliptin", "cycline", "parin", "xaban", "gatran", "azepam",
                       "oxetine", "triptan", "profen", "setron", "lukast", "tropium", "terol", "asone", "olone")
_HAN_THEN_LATIN_RE = regex.compile(
    rf"{_SURNAME}[\u4e00-\u9fff]?[^\P{{Han}}氏病症征法术剂药片素酸试验评分量表]\s?[（(]"
    # Hong Kong writes the given name's syllables joined by a hyphen, the second in lower case (Chan Tai-man)
    r"(?P<name>[A-Z][a-z]{1,12}(?:[ \-][A-Z][a-z]{1,12}(?:-[a-z]{2,8})?){0,3}|[A-Z][a-z]{2,12})[）)]")
# A Chinese name in brackets right after a name in Latin letters: Kevin Lau（刘家伟）.
_LATIN_THEN_HAN_RE = regex.compile(
    rf"(?<=[A-Za-z]\s?)[（(]\s?(?P<name>{_SURNAME}[\u4e00-\u9fff]{{1,2}}|(?P<translit>[\u4e00-\u9fff]{{2,6}}))\s?[）)]")
# The Latin-letter name right before it (Pt Zhang Yiran（张一然）, Kevin（梁家豪）): one to three
# capitalised words up to the bracket; a title or a record word opening them is dropped.
_LATIN_NAME_BEFORE_RE = regex.compile(r"(?<![A-Za-z0-9@._\-])(?P<name>[A-Z][a-z]{1,12}(?: [A-Z][a-z]{1,12}){0,2})\s?$")
_LATIN_NAME_OPENERS = frozenset({"pt", "patient", "name", "dr", "mr", "mrs", "ms", "miss", "prof", "dear", "hi", "hello",
                                 "hey", "re", "to", "from", "cc", "dx", "rx", "hx", "case", "baby", "son", "daughter"})
# A message opening with its addressee's given name alone (晓明，你的HbA1c结果出来了; 晓婷 你明天空腹来;
# 晓燕：你的片子): two given-name characters that are no dictionary word, then 你/您 after the pause.
_VOCATIVE_RE = regex.compile(r"(?:(?<=^)|(?<=\n))(?P<name>[\u4e00-\u9fff]{2})(?:[，,：:]\s?|\s)(?=你|您)")
# A name @-mentioned in a group chat (@东郭晓燕 你家孩子, @马建军：): a surname and one to three
# characters up to a space or a pause; @张医生 is the title rule's, @小鹿0612 a handle's.
_AT_NAME_RE = regex.compile(
    rf"(?<![A-Za-z0-9._%+\-])@(?P<name>(?:{_alt(sorted(_COMPOUNDS, key=len, reverse=True))}|{_SURNAME})[\u4e00-\u9fff]{{1,2}})"
    r"(?=[\s，,。：:！!？?]|$)")
# A speaker of a group chat or a transcript, at the start of a line before the colon (马建军：发我看看).
# Only where some label opens two lines (someone speaks twice), so a record's section labels (诊断：)
# and a list of headings (温蜂蜜水：) are no chat.
_SPEAKER_RE = regex.compile(r"(?m)^[ \t]*(?P<name>[\u4e00-\u9fff]{2,4})[ \t]*[：:](?![ \t]*$)")
# Words of a clinician's speaker label (鲍大夫：, 温护士：, 李医生：) that make a two-speaker text a chat.
_CLINICIAN_LABEL_WORDS = ("大夫", "医生", "护士", "主任", "医师", "药师")
# 小 and a surname's character that make a word of a record or a form, not a nickname (小计：, 小结：).
_XIAO_NOT_SPEAKER = frozenset({"小计", "小结", "小时", "小节", "小组", "小票", "小费", "小便", "小儿", "小区", "小学", "小说", "小康",
                               "小吃", "小姐", "小家", "小孩"})
_LAO_NOT_SPEAKER = frozenset({"老公", "老婆", "老板", "老师", "老人", "老乡", "老家", "老伴", "老爸", "老妈", "老大", "老二",
                              "老三", "老总", "老年", "老伯", "老太", "老汉", "老爷", "老姐", "老哥", "老弟", "老妹", "老友"})
# A chat member's screen name as a turn's label: a child's or a pet name and the parent or sibling
# word (小雨妈妈：, 胖虎爸爸：, 向日葵姐姐：), or a word and 老 with a surname (阳光老李：, 糖友老陈：).
# A child's doubled pet name may stand before 的 (甜甜的外婆：, 朵朵和乐乐的妈：), the parent word may be a
# chat's spelling (豆豆妈咪：, 糖糖麻麻：) or one character after a doubled name (果果爸：); an old man
# goes by 老, his surname and 头 (老王头：). A chat export opens each line with its clock ([05/17 08:12]).
_NICK_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?:【[^】\n]{1,20}】|\[[^\]\n]{1,25}\]|[^｜|\n]{1,12}[｜|])?[ \t]*"
    r"(?P<name>(?P<pre>(?P<pet>(?P<d1>[\u4e00-\u9fff])(?P=d1)(?:[和跟](?P<d2>[\u4e00-\u9fff])(?P=d2))?)的|[\u4e00-\u9fff]{2,4}?)"
    r"(?:(?P<kin>妈妈|爸爸|妈咪|麻麻|粑粑|爹地|奶奶|爷爷|外婆|外公|姥姥|姥爷|姐姐|哥哥|妈|爸)|老(?P<sur>[\u4e00-\u9fff]))"
    r"|老(?P<oldman>[\u4e00-\u9fff])头)[ \t]*[：:](?![ \t]*$)")
# A chat member's free screen name as a turn's label (阳光小雨：, 风中的蒲公英：, 糖妈小美：): four to
# eight Han characters opening two turns or more of a chat where another label opens a turn too.
_LABEL_PREFIX = r"(?:【[^】\n]{1,20}】|\[[^\]\n]{1,25}\][ \t]*)?"
_SCREEN_LABEL_RE = regex.compile(
    rf"(?m)^[ \t]*{_LABEL_PREFIX}(?P<name>[\u4e00-\u9fff]{{2,8}})[ \t]*[：:](?![ \t]*$)")
# A short screen name has a nickname's shape: 小/大/阿/老 and one or two characters, or 儿/仔 at its end
# (大熊, 小鱼儿, 肥仔); kin words and forms of address (大哥, 老公, 阿姨) are no screen names.
_SHORT_SCREEN_RE = regex.compile(r"[小大阿老][\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{1,2}[儿仔]")
_SHORT_SCREEN_NOT_SECOND = frozenset("哥姐弟妹叔姨婶嫂伯爷奶妈爸公婆夫家人孩儿娃宝")
# What makes such a label a role, a heading or a record's field rather than a screen name (患者家属：,
# 咨询者：, 复查结果：, 用药指导：).
_SCREEN_LABEL_NOT_WORDS = ("医生", "护士", "患者", "病人", "病友", "家属", "家长", "客服", "用户", "咨询", "随访", "主任", "大夫",
                           "医师", "药师", "老师", "群主", "管理", "助理", "记录", "小结", "意见", "情况", "结果", "检查", "检验",
                           "诊断", "治疗", "建议", "处理", "方案", "医嘱", "回复", "问题", "说明", "注意", "时间", "日期", "地址",
                           "电话", "姓名", "目的", "主诉", "病史", "计划", "评估", "护理", "用药", "复查", "出院", "入院", "指导",
                           "提示", "部位", "描述", "报告", "症状", "体征", "科室", "医院", "门诊", "病房", "系统", "通知", "机器",
                           "助手", "小组", "团队", "中心", "步骤", "第", "提醒", "贴士", "禁忌", "饮食", "要点", "事项", "重点",
                           "须知", "知识", "今日", "温馨", "科普", "宣教", "要求", "原则", "方法", "目标", "总结")
# A chat member's label that opens a single turn yet has a screen name's shape, not a role's or a
# heading's: an emoji before it (🌸静待花开：), 老 and a Latin letter (老K：), an English name and the
# parent word (Kevin妈：), a family's rank (张家老大：), or a nickname with the note a patients' group
# asks its members to add (阿珍（透析8年）：, 阿May(鼻咽癌三年)：), the note being part of the name shown.
# A chat export may open the line with the turn's date and clock.
_CHAT_LINE_START = (r"(?m)^[ \t]*(?:【[^】\n]{1,20}】|\[[^\]\n]{1,25}\][ \t]*)?(?:\d{2,4}[/\-.]\d{1,2}[/\-.]\d{1,2}[ \t]+)?"
                    r"(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?")
# A chat export's first line names the group or the app ([WhatsApp 家人群], 【外婆住院群】, [LINE]).
_CHAT_HEADER_RE = regex.compile(r"[ \t]*(?:【[^】\n]{1,30}】|\[[^\]\n]{1,30}\]|「[^」\n]{1,30}」)[ \t]*(?:\n|$)")
# In such a chat the family goes by kin words (二姐：, 妈：, 小表妹：, 大家姐：, 細佬：): the member's handle.
_KIN_LABEL_RE = regex.compile(
    r"(?:[大二三四五六七八幺小老]|阿|表|堂|小表|小堂|大家|细|細)?"
    r"(?:妈妈|爸爸|媽媽|妈|爸|媽|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹|舅舅|舅妈|舅|姨妈|姨|姑妈|姑|叔叔|叔|伯伯|伯|婶|嫂|外婆|外公"
    r"|奶奶|爷爷|嫲嫲|爺爺|姥姥|姥爷|家姐|佬|老公|老婆|儿子|女儿|闺女|孙女|孙子)")
_HEADER_CHAT_LABEL_RE = regex.compile(rf"(?m)^[ \t]*{_LABEL_PREFIX}(?P<name>[\u4e00-\u9fff]{{1,8}})[ \t]*[：:](?![ \t]*$)")
# A record's field (现病史：, 查体：, 用法：) ends with these, no screen name.
FIELD_LABEL_ENDS = tuple("史诉征查体断法量率压温名号址期间别龄型位因物式容注述况果嘱议")
# A note that says what kind of name the label is (群昵称, 网名), no part of it.
_LABEL_NOTE_ABOUT_NAME_RE = regex.compile(r"[（(][^）)]*(?:昵称|网名|群名|化名|微信|用户名|ID|id)[^）)]*[）)]$")
# A chat has two lines or more that open with a label and say something after it.
_CHAT_LINE_RE = regex.compile(_CHAT_LINE_START + r"[^\s：:]{1,16}[ \t]*[：:](?![ \t]*$)")
_ONE_OFF_LABEL_RE = regex.compile(
    _CHAT_LINE_START + r"(?P<name>[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]\ufe0f?[\u4e00-\u9fffA-Za-z0-9_]{1,10}"
    r"|老[A-Z]{1,2}"
    r"|[A-Z][a-z]{1,10}(?:妈妈|爸爸|妈咪|妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷)"
    rf"|{_SURNAME}家老[大二三四五六七幺]"
    r"|[阿小](?:[\u4e00-\u9fff]|[A-Z][a-z]{1,10})[（(][^（）()\n：:]{1,12}[）)])"
    r"[ \t]*[：:](?![ \t]*$)")
# A chat member's free screen name as a label (无糖可乐：, 阳光总在风雨后：), and the words that make such a
# label a form's question or a notice's heading instead (想得到怎样的帮助：, 病情描述：, 转发理由：).
_FREE_LABEL_RE = regex.compile(rf"(?m)^[ \t]*{_LABEL_PREFIX}(?P<name>[\u4e00-\u9fff]{{4,10}})[ \t]*[：:](?![ \t]*$)")
_FREE_LABEL_NOT_WORDS = ("怎样", "怎么", "什么", "如何", "哪些", "哪里", "是否", "多少", "有无", "帮助", "描述", "内容", "理由",
                         "原文", "标题", "摘要", "来源", "评论", "转发", "点赞", "群", "以上", "以下", "如下", "附件", "图片",
                         # a role before a pet name (营养师朵朵：) is `_ROLE_PET_LABEL_RE`'s: the pet name alone
                         "师", "社工", "志愿者", "专员", "顾问", "管家")
# A surname said to a caller: after 我姓 / 您姓 (any character: speech recognition may write a rare one
# wrong), or spelled out by its parts after it (阚是门字里面一个敢, 是昝 上面一个处下面一个日).
_SURNAME_SAID_RE = regex.compile(
    r"(?:(?:我|您|你|他|她|患者|病人|本人|免贵)姓(?P<name>[^\s\p{P}名氏什啥甚么别的是叫])(?=[ \t，,。！!？?、]|不是|$)"
    r"|(?<=^|[，,。\s：:姓])(?P<name>[^\P{Han}他她它我你您这那哪谁])是[ \t]?(?=(?:\p{Han}{0,3})(?:上面一个|下面一个|左边一个|"
    r"右边一个|里面一个|外面一个|字旁|字头|字底|字里面|字框))"
    r"|(?<=[姓是])(?P<name>[^\P{Han}他她它我你您这那哪谁])[ \t，,]+(?=(?:\p{Han}{0,3})(?:上面一个|下面一个|左边一个|"
    r"右边一个|里面一个|外面一个|字旁|字头|字底|字里面|字框)))", regex.M)
# A caller checks who answers: 请问是党向阳家吗, 您是邬建英本人吗, 请问是单立新的家属吗: a surname and one or two
# characters before 家 / 本人 / 的家属 / 吗.
_WHO_ANSWERS_RE = regex.compile(
    rf"(?:请问|你好|您好)[，, ]?(?:是|你是|您是)(?P<name>{_SURNAME}\p{{Han}}{{1,2}}?)"
    r"(?=家吗|家嘛|家么|家属吗|本人吗|吗|嘛|的家属|的家人|的爱人|的家|的儿子|的女儿|的妈妈|的爸爸)")
# A role and a pet name as a turn's label (咨询师苗苗：, 客服小美：, 营养师阿珍：, 护士Amy：): the person, not the role.
_ROLE_PET_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?:【[^】\n]{1,20}】|\[[^\]\n]{1,25}\][ \t]*)?(?:心理咨询师|咨询师|护士|医生|医师|药师|营养师|康复师|治疗师|"
    r"社工|客服|助理|志愿者|专员|顾问|管家|健康管理师|个案管理师)"
    r"(?P<name>(?P<d>\p{Han})(?P=d)|[小阿]\p{Han}|[A-Z][a-z]{1,9})[ \t]*[：:](?![ \t]*$)")
# A nickname in brackets after the full name: 卢建功（外号"大卢"）, 蒯国栋（老蒯）, 郑红（小名 红红）: after a word
# that says it is one, whatever it is; without one, 老/小/大/阿 and the same surname.
_NICK_IN_BRACKETS_RE = regex.compile(
    r"(?P<sur>\p{Han})\p{Han}{1,2}[ \t]?[（(][ \t]?(?:(?:外号|绰号|綽號|小名|昵称|暱稱|乳名|又名|人称|人稱)(?:叫|是)?[：: \t]?"
    r"[“\"「『]?(?P<name>\p{Han}{1,4})[”\"」』]?|(?P<name>[老小大阿](?P=sur)))[ \t]?[）)]")
# A letter or a message to a named person: 尊敬的高山先生, 尊敬的林立女士 (a name that is a word too).
_DEAR_NAME_RE = regex.compile(rf"尊敬的[ \t]?(?P<name>{_SURNAME}\p{{Han}}{{0,2}}?)(?=[ \t]?(?:先生|女士|小姐|太太|同学|家长|患者|病友))")
# A Korean name in its own script in brackets after the Chinese one (金顺姬（김순희）).
_HANGUL_NAME_RE = regex.compile(r"(?<=\p{Han}[ \t]?[（(][ \t]?)(?P<name>\p{Hangul}{2,4})(?=[ \t]?[）)])")
# A name letter-spaced on a form, before a title (茲證明 陳 凱 琳 小姐, 黄 伟 先生).
_SPACED_TITLED_RE = regex.compile(
    rf"(?<![\p{{Han}}])(?P<name>{_SURNAME}(?:[ ]\p{{Han}}){{1,2}})(?=[ ]?(?:小姐|先生|女士|太太|醫生|医生|護士|护士|同學|同学))")
# A lone surname signing a record's line (医师：解, 记录者：郦): the field, a colon and one character at the line's end.
_SIGNED_SURNAME_RE = regex.compile(
    rf"(?m)(?:医师|醫師|医生|醫生|护士|護士|经治医师|主治医师|记录者|記錄者|记录人|签名|簽名|签字|簽字)[ \t]*[：:][ \t]*"
    rf"(?P<name>{_SURNAME})[ \t]*$")
_NOT_SIGNED = frozenset("好对是嗯哦可行要不没有啊呢吧无否同已")
# A school class as rosters write it (四(2)班, 初二（4）, 五年级(3)): the gate of the pupil rule.
_CLASS_SEEN = regex.compile(r"[一二三四五六七八九][ \t]?(?:年级)?[（(]\d{1,2}[）)]")
# Cheap literal checks that keep the rules above off the texts that cannot hold what they look for.
_NICK_BRACKET_GATE = regex.compile(r"[（(][ \t]?(?:外号|绰号|綽號|小名|昵称|暱稱|乳名|又名|人称|人稱|[老小大阿]\p{Han}[ \t]?[）)])")
_HANGUL_SEEN = regex.compile(r"\p{Hangul}")
_SPACED_TITLE_GATE = regex.compile(r"\p{Han}[ ]\p{Han}[ ]?(?:\p{Han}[ ]?)?(?:小姐|先生|女士|太太|醫生|医生|護士|护士|同學|同学)")
_SPELLED_PARTS_SEEN = regex.compile(r"上面一个|下面一个|左边一个|右边一个|里面一个|外面一个|字旁|字头|字底|字里面|字框")
# A Latin title, then a Han name of two or three characters standing alone (by Dr. 區頌恩, Dr 禤志华,).
_LATIN_TITLE_HAN_NAME_RE = regex.compile(
    r"(?<![A-Za-z])(?:Dr|Prof|Mr|Mrs|Ms|Miss)\.?[ \t]?(?P<name>\p{Han}{2,3})(?=[ \t]*(?:[，,。.;；:：)）/|]|$))", regex.M)
# What a person says in a chat turn: I or you, a question's or a request's particle, thanks.
_CHAT_TURN_RE = regex.compile(r"[我你您咱]|吗|呢|吧|啊|呀|哈|谢谢|好的|嗯|[？?]")
# A relative's screen name: a name, 他/她 and the kin word (翠花她闺女, 建国他儿子).
_KIN_HANDLE_RE = regex.compile(r"[他她](?:闺女|女儿|儿子|老婆|老公|媳妇|妈|爸|娘|爹|孙子|孙女|姐|哥|弟|妹)$")
# A chat turn's label in Latin letters joined to Han or digits by an underscore (Dr_许：, doc_王医生：):
# a screen name.
_UNDERSCORE_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?P<name>[A-Za-z][A-Za-z0-9]{0,11}_[\u4e00-\u9fffA-Za-z0-9_]{1,15})[ \t]*[：:](?![ \t]*$)")
# A chat turn's label in Latin letters, said in Chinese (Cathy：…, Kelvin Wong: …, [12/3 21:05] Ka Yan: …,
# Jenny 黄：…, Amy_Lin：…): one to three capitalised words, joined by a space or an underscore, and
# perhaps a Han surname after them. See ChineseNameRecognizer._latin_labels for what makes it a name.
_LATIN_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?:【[^】\n]{1,20}】|\[[^\]\n]{1,25}\][ \t]*)?"
    r"(?P<name>(?P<words>[A-Z][a-z]{1,11}(?:[ _][A-Z][a-z]{1,11}){0,2})(?:[ _]?(?P<han>[\u4e00-\u9fff]))?)"
    r"[ \t]*[：:](?=[^\n]*[\u4e00-\u9fff])")
# A chat turn's label that joins a member's Han nickname or kin word and the name they go by (家怡 Ka Yi：,
# 大佬 Ben：, 大姐 王秀兰：, 阿嬤的孫子 小傑：), an English name and 仔 or 妹 (Kelvin仔：), or a screen
# name with an emoji after it (小雨点🌧：, 媽咪❤️：): the whole label is the member's handle.
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]\ufe0f?"
_MIXED_LABEL_RE = regex.compile(
    rf"(?m)^[ \t]*{_LABEL_PREFIX}(?P<name>(?P<han>[\u4e00-\u9fff]{{1,6}}) (?:(?P<lat>[A-Z][a-z]{{1,11}}(?: [A-Z][a-z]{{1,11}})?)"
    r"|(?P<hname>[\u4e00-\u9fff]{2,3}))"
    r"|(?P<eng>[A-Z][a-z]{1,11})[仔妹]"
    rf"|(?P<emo>[\u4e00-\u9fff]{{2,5}}){_EMOJI}"
    r"|老(?P<lao>[\u4e00-\u9fff])[（(][^（）()\n：:]{1,12}[）)])[ \t]*[：:](?![ \t]*$)")
# A kin word or a relation that may open such a label (大姐, 細妹, 阿嬤的孫子).
def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


# Marks that tick or cross a checklist's item (✅已完成：, ❌未完成：, ☑️已预约：, ⭕待安排：).
_CHECK_MARKS = frozenset("\u2705\u274c\u274e\u2611\u2714\u2716\u2b55\u2b1c\u2b1b\u26a0\u2757\u2753")


def _talks(text: str, pos: int) -> bool:
    """The turn from pos to its line's end says something as a person would (Mandarin or Cantonese)."""
    end = _line_end(text, pos)
    return _CHAT_TURN_RE.search(text, pos, end) is not None or _CANTONESE_TURN_RE.search(text, pos, end) is not None


_MIXED_KIN_END = tuple("姐哥弟妹姨叔伯舅姑婶嬸嫂爸妈媽公婆嬤嫲子女儿兒孙孫佬")
# What a turn said in Cantonese has: its particles and its words for I, he, not, is, done.
_CANTONESE_TURN_RE = regex.compile(r"[嘛咗係唔佢喇啦咩嘅吖喺冇]")
# A romanised Cantonese or Mandarin syllable (Ka, Yan, Ah, Keung, Boon, Heng): an initial, vowels and
# at most a nasal or a stop after them.
_ROMAN_SYLLABLE_RE = regex.compile(r"(?:ch|sh|ts|kw|gw|ng|zh|[bcdfghjklmnpqrstwxyz])?[aeiouy]{1,3}(?:ng|ck|[nmkpthw])?")
# Capitalised words that open a label as a role, a field or a greeting, not as a name.
_LATIN_LABEL_NOT_WORDS = frozenset({"dr", "doctor", "nurse", "patient", "pt", "mom", "mum", "dad", "mama", "papa", "admin",
                                    "system", "bot", "note", "re", "tel", "fax", "email", "name", "date", "time", "bed",
                                    "ward", "dept", "room", "case", "age", "sex", "hi", "hello", "dear", "sir", "madam",
                                    "mr", "mrs", "ms", "miss", "prof", "team", "group", "user", "guest", "host", "me",
                                    "you", "staff", "care", "home", "baby", "son", "daughter", "wife", "husband", "sis",
                                    "bro", "auntie", "aunty", "uncle", "grandma", "grandpa", "ai", "app", "auto", "info",
                                    "tips", "plan", "step", "day", "week", "bp", "hr", "so", "pa", "ma", "ba", "yo"})
_PARENT_LABEL_WORDS = frozenset({"妈妈", "爸爸", "妈咪", "麻麻", "粑粑", "爹地", "奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷"})
_LABEL_LINE_RE = regex.compile(r"(?m)^[ \t]*(?:【[^】\n]{1,20}】|\[[^\]\n]{1,25}\][ \t]*)?[^\s：:，,。]{2,12}[：:]")
# What a label puts before a parent word or 老X that is a role or a relation, not a screen name
# (孩子妈妈：, 患者爸爸：, 邻居奶奶：, 护士老李： is the title rule's).
_NICK_LABEL_NOT_PRE = ("孩子", "宝宝", "宝贝", "小孩", "患者", "病人", "患儿", "家长", "家属", "学生", "同学", "邻居", "同事",
                       "朋友", "病友", "隔壁", "对面", "我家", "我们", "你家", "他家", "她家", "楼下", "楼上", "小区", "的",
                       "医生", "护士", "主任", "大夫", "医师", "药师", "老师", "护工", "保姆", "阿姨", "群主", "管理")
# A group's owner or admin named by the group's notice (群主糖友老陈，, 管理员小糖豆，): the screen name up
# to a pause.
_GROUP_ROLE_NAME_RE = regex.compile(
    r"(?:群主|管理员|群管理|群管|版主)(?:是|为)?(?P<name>[\u4e00-\u9fff]{2,5}?)(?=[，,。；;、（(！!]|\s|$)")
_GROUP_ROLE_SURNAME_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?:群主|管理员|群管理|群管)(?P<name>[" + "".join(sorted(set(lexicon.SURNAMES_1) - _LONE_NOT_SURNAME)) + "])"
    r"(?:姐|哥|叔|姨|老师|阿姨|大姐|大哥)[ \t]*[：:]")
# A nurse or a doctor a chat's label calls by 小 or 老 and the surname (护士小周：, 医生老钱：).
_TITLED_XIAO_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?:[\u4e00-\u9fff]{1,3}?)?(?:护士|医生|大夫|药师|医助|助理)(?P<name>[小老][\u4e00-\u9fff])[ \t]*[：:]")
# A speaker named in lower-case pinyin, two or three syllables (junhao：, yuqing：, zhangwei：).
_PY_SYL = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
           r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)")
_PINYIN_ROLE_LABELS = frozenset({"yisheng", "hushi", "huanzhe", "bingren", "jiashu", "zhuren", "laoshi", "daifu", "kefu",
                                 "guanli", "xitong", "wode", "nihao", "baobao", "mama", "baba", "laogong", "laopo"})
_PINYIN_SPEAKER_RE = regex.compile(rf"(?m)^[ \t]*(?P<name>(?:{_PY_SYL}){{2,3}})[ \t]*[：:](?![ \t]*$)")
# A two-character surname after a person field, a line break, then the given name (患者：欧阳↵晓丽).
_BROKEN_COMPOUND_RE = regex.compile(
    r"(?:患者|病人|患儿|姓\s?名)[ \t:：]*(?P<name>(?:" + "|".join(sorted(_COMPOUNDS, key=len, reverse=True))
    + r")\n[\u4e00-\u9fff]{1,2}?)(?=[ \u3000，,。；;]|\n|$)")
# The same break after a one-character surname in a form's name field (姓名：周↵晓梅  门诊号…): the given
# name closes at the form's gap, a tab or the line's end.
# A form's next label is no given name (姓名：刘↵职业  退休, 姓名：陈↵民族  汉族).
_FORM_LABELS_NEXT = r"(?!职业|民族|籍贯|婚姻|婚否|性别|年龄|出生|住址|地址|电话|科室|床号|单位|学历|文化|宗教|国籍|血型|身份)"
_BROKEN_SINGLE_RE = regex.compile(
    rf"(?:姓\s?名)[ \t:：]*(?P<name>[{_SURNAME_CHARS}]\n(?![男女]){_FORM_LABELS_NEXT}[\u4e00-\u9fff]{{1,2}}?)"
    r"(?=[ \u3000]{2,}|\t|\n|$)")
# A bed number, then two or three characters up to a pause: 12床高峰，, 14床万俟雪；.
_BED_NAME_RE = regex.compile(r"(?<![\d床])\d{1,3}\s?床\s?(?P<name>[\u4e00-\u9fff]{2,3}?)(?=[，,；;、：:（(]|\s|$)")
_BED_NUMBER_RE = regex.compile(r"(?<![\d床])\d{1,3}\s?床")
_BED_SURNAME_RE = regex.compile(rf"(?<![\d床])\d{{1,3}}\s?床\s?(?P<name>[{_SURNAME_CHARS}])(?=[（(])")
# Characters of the words a roster puts after a bed other than a name (今日, 空床, 患者, 术后, 出院).
_BED_NOT_CHARS = frozenset("今昨明晨夜日周空患者病属术后前出入院转科号位次床例")
# A sender line of a chat screenshot: the name alone, then the clock (海棠 22:41).
_SENDER_CLOCK_RE = regex.compile(r"(?m)^[ \t]*(?P<name>[\u4e00-\u9fff]{2,6})[ \t]+(?:[01]?\d|2[0-3])[:：][0-5]\d[ \t]*$")
# Characters of the time words and roles a screenshot also puts before a clock (昨天, 下午, 星期三, 家属).
# 阿妈, 阿哥, 阿妹, 阿嬷, 阿母: kin a family calls so, no nickname, however rare the word (阿嬷 and 阿嫲 are
# southern grandmothers jieba scarcely knows).
_KIN_SECOND = frozenset("妈爸奶爷叔妹哥姐弟兄嫂囡爹娘伯公婆姨舅姑婶嬷嫲母")
_SENDER_NOT_CHARS = frozenset("天午晚早夜晨周期年月日号时分今昨前后上下本患者属生士师任")


def _message_follows(norm: str, end: int) -> bool:
    """A sender's line (ending at `end`) is followed by a message line: not the text's end, not a blank
    line and not another word-and-clock line (起床 06:30↵散步 07:00↵… is a day's schedule, no chat)."""
    if not norm.startswith("\n", end):
        return False
    nxt = norm.find("\n", end + 1)
    line = norm[end + 1 : nxt if nxt != -1 else len(norm)]
    return bool(line.strip()) and _SENDER_CLOCK_RE.match(line) is None


_SPEAKER_LINE_RE = regex.compile(r"(?m)^[ \t]*(?:【[^】\n]{1,20}】)?[^\s：:，,。]{2,12}[：:]")
# A whole name of Tibetan, Turkic, Mongolian or Yi parts (格桑卓玛, 斯琴高娃), for the spaced run after 姓名.
_MINORITY_NAME_RE = regex.compile("(?:" + "|".join(sorted(lexicon.MINORITY_NAME_PARTS, key=len, reverse=True)) + "){2,3}")
# A form's name field spaced out by OCR with no Han surname in it (姓 名 ： 格 桑 卓 玛   科 室) or with
# a two-character surname kept whole (姓  名 ：诸葛 明 亮): the surname-led cue rules skip it, the
# minority parts or the compound surname vouch for it.
_SPACED_NAME_FIELD_RE = regex.compile(
    r"(?:姓\s{0,2}名|患\s?者|病\s?人)\s{0,2}[：:]\s*(?P<name>[\u4e00-\u9fff]{1,2}(?: [\u4e00-\u9fff]){1,5})(?= {2,}|\s*[|｜\n]|\s*$)")
# A follow-up call asks for the household by the patient's name (请问是谷大勇家吗, 这里是刘建华家吧).
_HOUSEHOLD_RE = regex.compile(
    r"(?:请问是|请问这是|这里是|这是|是不是|是)(?P<name>[\u4e00-\u9fff]{2,3}?)(?:的)?家(?:吗|吧|嘛|么|里|属吗|人吗)")
# An English given name and the Chinese surname after it (我是Lily 林, 我叫Kevin 陈): how a writer
# mixes the two in a message.
_LATIN_GIVEN_HAN_SURNAME_RE = regex.compile(
    rf"(?:我是|我叫|I am|I'm|Im)\s?(?P<name>[A-Z][a-z]{{2,10}}\s?{_SURNAME})(?=[\s，,。！!]|$)")
# A writer naming themself by a pet name: 我是小芳, 我叫阿珍 (小 or 阿 and one character, then a pause).
_SELF_NICK_RE = regex.compile(r"(?:我是|我叫|俺是)(?P<name>[小阿][\u4e00-\u9fff])(?=[\s，,。！!～~]|$)")
# A child's sibling-rank pet name the writer gives as their own, then the real one: 我叫二丫，大名…
_SELF_RANK_NICK_RE = regex.compile(r"(?:我叫|俺叫|小名叫|小名)(?P<name>[大二三四五六七八九][丫妞娃蛋妹毛宝伢])(?=[\s，,。！!～~]|$)")
# A parent labels a group-chat turn by the child's pet name: 小米粒妈妈：, 阿福爸爸：, after a
# line start or the group's name (家长群｜).
_PET_PARENT_LABEL_RE = regex.compile(
    r"(?m)(?:^|[｜|】])[ \t]*(?P<name>[小阿][\u4e00-\u9fff]{1,2}?)(?:妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|妈|爸)[ \t]*[：:]")
# A child's pet name before the parent it stands for: 胖虎他妈打电话来, 壮壮她爸问 (孩子他妈 is a word).
_NICK_PARENT_RE = regex.compile(
    r"(?<=^|[\s，,。；;！!？?：:])(?P<name>[\u4e00-\u9fff]{2})(?=(?:他|她)(?:妈|爸|奶奶|爷爷|姥姥|姥爷|外婆|外公))")
# The same child's name with the parent's word right after it (嘟嘟妈妈问, 晓婷妈妈你好): only a doubled
# pet name or two given-name characters, as 孩子妈妈 and 同学爸爸 are everyday words.
# Cheap literal checks before the two patterns above and below: they start with a lookbehind and
# would otherwise be tried at every character of every text.
_PARENT_WORDS = ("妈妈", "爸爸", "奶奶", "爷爷", "姥姥", "姥爷", "外婆", "外公")
_PARENT_AFTER_PRONOUN = tuple(p + k for p in "他她" for k in ("妈", "爸", "奶奶", "爷爷", "姥姥", "姥爷", "外婆", "外公"))
_NAME_PARENT_RE = regex.compile(
    r"(?<=^|[\s，,。；;！!？?：:])(?P<name>[\u4e00-\u9fff]{2})(?=(?:妈妈|爸爸|奶奶|爷爷|姥姥|姥爷|外婆|外公)"
    r"(?:你好|您好|问|说|来|打|让|想|在|，|,|：|:|\s|$))")
_SPEAKER_NOT_NAMES = frozenset({"主诉", "诊断", "处理", "查体", "方案", "建议", "结论", "意见", "印象", "备注", "时间", "日期",
                                "地点", "电话", "地址", "姓名", "性别", "年龄", "单位", "职业", "民族", "籍贯", "婚姻", "部位",
                                "结果", "原因", "用法", "用量", "剂量", "频次", "医嘱", "病史", "过敏", "回复", "回答", "问题",
                                # who speaks to a shop, a service or a group, by role (顾客：, 客户：, 乘客：)
                                "顾客", "客户", "买家", "卖家", "店家", "司机", "游客", "访客", "乘客", "网友", "群友", "路人"})
_NOT_VOCATIVES = frozenset({"亲们", "老铁", "宝子", "姐妹", "兄弟", "朋友", "家人", "各位", "大家", "医生", "大夫", "护士", "老师",
                            "宝贝", "亲爱", "妈妈", "爸爸", "老公", "老婆", "小白", "小宝"})
# Dr. 林你好, Prof. 陈，: a Latin title before a Chinese surname, alone or with a given name.
_LATIN_TITLE_SURNAME_RE = regex.compile(
    rf"(?<![A-Za-z])(?:Dr|Prof|Mr|Mrs|Ms|Miss)\.?\s?(?P<name>{_SURNAME})(?P<alone>(?=[\s，,。:：!！?？你您的]|$))?")
# A nickname made from the given name before the full name in brackets: 小杰（患儿，严俊杰）.
_NICK_OF_NAME_RE = regex.compile(
    r"(?P<nick>[小阿](?P<c>[\u4e00-\u9fff])|(?P<c>[\u4e00-\u9fff])(?P=c))"  # 小杰 / 安安（大名令狐安然）
    r"\s?[（(][^（）()]{0,6}?[\u4e00-\u9fff]{1,2}(?P=c)[\u4e00-\u9fff]?\s?[）)，,]")
# A relative at the bedside by a pet name (家属小芳陪护, 陪护人：阿珍): 小/阿 and one character right
# after the cue, then what the relative does or a pause.
_RELATIVE_PET_RE = regex.compile(
    r"(?:家属|陪护人?|陪同人?)[：:]?(?P<name>[小阿][\u4e00-\u9fff])"
    r"(?=陪护|陪同|陪床|陪伴|在旁|在场|签字|代诉|诉|说|称|表示|要求|同意|拒绝|[，,。；;]|\s|$)")
# A nickname the text marks as one: 小鹿（群昵称）：, 二丫，大名吕思雨, 小米粒（戚沐阳）: a pet name of 小
# and one or two characters right before a full name in brackets, a speaker's label marked 昵称 in
# brackets (a bare 豆豆（昵称） stays), or a run before 大名/学名 (the child's registered name), at a
# line's or a field's start.
_NICK_MARKED_RE = regex.compile(
    r"(?:(?<=^|\n|[：:])\s?)(?P<nick>[\u4e00-\u9fff]{2,4})\s?(?:(?P<marked>[（(](?:群|微信|网络)?昵称[）)])(?=[：:])|[，,]\s?(?:大名|学名)(?=[\u4e00-\u9fff]))")
# A pet name of 小 before the full name in brackets, bare or glossed as the registered one (小宝（大名谭…）).
_XIAO_NICK_RE = regex.compile(
    rf"(?P<nick>小[\u4e00-\u9fff]{{1,2}})[（(](?P<glossed>大名|学名|本名|真名)?[：:]?(?={_SURNAME}[\u4e00-\u9fff]{{1,2}}[）)])")
# A form's name field holding a two- or three-character run that the next field's label or the line
# end closes (姓名：平安　性别：男): whatever the run is, the form calls it the name.
_FORM_NAME_FIELD_RE = regex.compile(
    # a printed slip may space the name's characters out (姓 名：李  娜   门诊号)
    r"(?:^|(?<=[\s|｜]))(?:患者|病人|就诊人|患儿|儿童)?姓[ \t]?名[ \t]*[:：][ \t　]*"
    r"(?P<name>[\u4e00-\u9fff](?:[ \t　]{0,2}[\u4e00-\u9fff]){1,2})"
    r"(?=[ \t　|｜]+(?:性[ \t]?别|年[ \t]?龄|出生|民族|科室|床号|病案|住院|门诊|身份)|[ \t　]*(?:\n|$))")
_NOT_FORM_NAMES = frozenset({"不详", "未知", "匿名", "无名", "无名氏", "保密", "待定", "待查", "同上", "见上", "空白", "未填",
                             "未留", "不明", "患者", "本人", "家属", "签名", "手写", "签字"})
# A word the brackets after it call a pet name: 石头（小名，大名石磊）, 豆豆(乳名，大名林一凡).
# The label must go on to the full name (小明（小名） alone is a textbook's example, no one).
_NICK_LABELLED_RE = regex.compile(r"(?P<nick>[\u4e00-\u9fff]{2})\s?[（(]\s?(?:小名|乳名|昵称|外号)\s?[，,、；;]\s?(?:大名|学名|本名|全名)")
# A chat member's handle made of a child's pet name and the parent (@小鱼妈妈, @团团爸): the pet
# name names the child wherever else the chat writes it (小鱼今早咳嗽, 我们团团).
_KIN_WORDS_OF_HANDLES = frozenset({"宝宝", "宝贝", "孩子", "儿子", "女儿", "闺女", "大宝", "二宝", "三宝", "小宝", "老大", "老二",
                                   "老三", "孙子", "孙女", "外孙", "双胞", "二胎", "新手", "全职", "准妈", "群里"})
_PARENT_HANDLE_RE = regex.compile(
    r"@(?P<nick>[\u4e00-\u9fff]{2})(?:妈妈|爸爸|妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷)(?=[\s：:，,]|$)")

# A clinician's role right before their name, then what they do or a colon (主治医师江河查房, 值班医生
# 林立：12床…, 值班医生向前查看后): after a role and before a ward act, even a word (江河, 林立) is the
# person. Only surname-led runs of two or three characters; adverbs (及时, 仔细) are vetoed by their tags.
_CLINICIAN_ROLES = ("主治医师", "主任医师", "副主任医师", "住院医师", "主治医生", "值班医生", "值班医师", "主刀医生", "管床医生",
                    "经治医生", "责任护士", "主管护士", "值班护士", "医生", "医师", "大夫", "护士长", "护士", "药师")
_ROLE_ACTS = r"(?:查房|查看|看过|会诊|指示|交代|签字|签名|[：:])"
_ANY_SURNAME_CLASS = "[" + "".join(sorted(_ANY_SURNAME_CHARS)) + "]"
_ROLE_NAME_ACT_RE = regex.compile(
    rf"(?:{_alt(_CLINICIAN_ROLES)})(?P<name>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?|{_ANY_SURNAME_CLASS}[\u4e00-\u9fff]{{1,2}}?)(?={_ROLE_ACTS})")
# A nurse or doctor the note says it told or called (已电话通知病房护士甘露。, 已告知值班医生高明，): after
# a verb of notifying and the role, the run up to the pause is whom, a word (甘露, 高明) or not.
_NOTIFY_ROLE_NAME_RE = regex.compile(
    rf"(?:通知|告知|联系|呼叫|报告|汇报|转告|请示)了?[\u4e00-\u9fff]{{0,4}}?(?:{_alt(_CLINICIAN_ROLES)})"
    rf"(?P<name>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?)(?=[，,。；;！!\s]|$)")
_ROLE_NAME_NOT_TAGS = ("d", "ad", "p", "c", "r", "m", "u", "q", "a", "f")
# A role and the surname alone before a colon or 说 (药师樊：, 护士长欧阳说, 医生闻：): a staff member
# the note or the chat calls by surname. Surnames that are adverbs or verbs there (医生常说, 医生都说,
# 医生所说, 护士长说) are no name.
_ROLE_SURNAME_RE = regex.compile(
    rf"(?:{_alt(_CLINICIAN_ROLES)}|主任|技师|治疗师)(?P<name>{_alt(sorted(lexicon.SURNAMES_2, key=len, reverse=True))}|{_ANY_SURNAME_CLASS})(?=[：:]|说)")
_ROLE_SURNAME_NOT = frozenset("常都后曾会能和向来查也总全多少单时应成于明长所双包一再同共余那这何是更最很") | _LONE_NOT_SURNAME
# A vocative after a speaker's label (医生：向东，你这个检查…; 护士：翠花，该换药了): the first two
# characters of the turn, then a pause.
_SPEAKER_ROLES = ("医生", "大夫", "医师", "护士", "护士长", "药师", "主任", "家属", "患者", "病人", "客服", "随访员", "护工")
_ADDRESS_NOUNS = frozenset({"同志", "师傅", "先生", "女士", "小姐", "老人", "孩子", "朋友", "大哥", "大姐", "美女", "帅哥", "老乡",
                            "家长", "病人", "患者", "老师", "同学", "小伙", "姑娘", "宝贝", "亲爱", "兄弟", "姐妹", "大家", "各位"})
_LABEL_VOCATIVE_RE = regex.compile(
    rf"(?:{_alt(_SPEAKER_ROLES)})[ \t]*[：:][ \t]*(?P<name>[\u4e00-\u9fff]{{2}})[，,](?P<you>[ \t]*[你您])?")
# A patient called by the given name alone (患者晓婷今日…, 患者春燕诉…): two characters typical of given
# names that no dictionary knows, then what a note says next about the patient.
_GIVEN_TYPICAL = frozenset("晓婷燕欣雨梓涵轩浩宇涛杰伟静丽娟芳敏慧佳怡琳雪颖倩莹蕾璐瑶洁霞萍玲红梅兰英秀华春明亮强军志勇斌磊"
                           "鹏飞辉超俊峰诗思嘉悦彤玉珍凤翠桂娥琴丹妍媛娜婕雯薇蓉茜婉婧琪瑞祥福贵荣德海波泽宏鑫紫依铭睿博豪晨旭昊花娇卫爱民")
_PATIENT_GIVEN_RE = regex.compile(
    r"(?:患者|患儿|病人|产妇)(?P<name>[\u4e00-\u9fff]{2})"
    r"(?=今日|今天|昨日|昨晚|昨天|诉|自诉|精神|一般情况|术后|入院|出院|夜间|目前|病情|近日|[，,]\s?[男女诉])")
# A family's pet name for its child (我们家胖虎今年6岁, 我家豆包最近…): 家 and a pet name no dictionary
# knows, then an age, a time or a pause.
_FAMILY_PET_RE = regex.compile(
    r"(?:我们家|我家|俺家|咱家)(?:的)?(?P<name>[\u4e00-\u9fff]{2})"
    r"(?=今年|最近|这两天|这几天|昨天|昨晚|今天|今早|一直|老是|总是|[，,]|\d{1,2}岁)")
_GENERIC_FAMILY = frozenset({"狗狗", "猫猫", "猫咪", "爸妈", "老小", "大人", "小孩", "孩儿", "娃儿", "宝宝", "宝贝", "老头", "老太", "老伴",
                             "亲家", "媳妇", "女婿", "儿媳", "孙儿", "外孙", "小狗", "小猫", "老狗", "二胎", "老大", "老二", "老三"})
# A doubled pet name opening a line, then what the child did or has (团团的黄疸值…, 豆豆昨晚又吐了).
_DOUBLED_PET_RE = regex.compile(
    r"[ \t]*(?P<name>(?P<c>[\u4e00-\u9fff])(?P=c))(?=的|今天|昨天|昨晚|今早|这两天|这几天|最近|一直|今年|又|还是|老是|总是)")
# A colour's or a skin's state doubled then 的 after a word describes it (屁股红红的, 肿肿的), though
# the same double names a child elsewhere (红红妈妈：).
_STATE_DOUBLE_CHARS = frozenset("红黄白黑紫青绿肿软硬干湿烫凉热冰痒痛酸麻胀粗细圆扁胖瘦亮暗")
_NOT_PET_DOUBLES = frozenset({"常常", "刚刚", "慢慢", "天天", "渐渐", "往往", "偏偏", "好好", "统统", "明明", "仅仅", "稍稍", "悄悄",
                              "微微", "轻轻", "早早", "久久", "多多", "每每", "年年", "月月", "时时", "处处", "样样", "人人",
                              "看看", "试试", "想想", "说说", "谢谢", "哈哈", "呵呵", "嘿嘿", "嗯嗯", "乖乖", "宝宝", "星星",
                              "娃娃", "妈妈", "爸爸", "奶奶", "爷爷", "姥姥", "婆婆", "公公", "哥哥", "姐姐", "弟弟", "妹妹",
                              "叔叔", "伯伯", "舅舅", "姑姑", "婶婶", "家家", "个个", "种种", "点点", "一一", "层层", "声声"})
# A ward handover list, one bed a line (3床 钟声 肺炎\n5床 秦岭 术后第1天): the run between the bed and
# the next space is the patient, a word (秦岭) or not, once two lines share the shape.
_WARD_STATUS = frozenset({"出院", "入院", "新入", "转科", "转出", "转入", "空床", "加床", "待床", "请假", "外出", "手术", "死亡", "自动出院",
                          "待出院", "预出院", "病危", "病重", "一级", "二级", "特级", "护理"})
_BED_LIST_ROW_RE = regex.compile(r"(?m)^[ \t]*\d{1,3}[ \t]?床[ \t]+(?P<name>[\u4e00-\u9fff]{2,3})(?=[ \t]+\S)")
# Hong Kong romanisation: a Cantonese surname, then the given name's syllables joined by a hyphen with
# the second in lower case (Chan Tai-man, Wong Ka-wai, Lee Siu-ming), a shape no drug or test takes.
_HK_SURNAMES = ("Chan", "Wong", "Lee", "Cheung", "Lau", "Leung", "Ho", "Ng", "Chow", "Tsang", "Lam", "Yip", "Tang", "Kwok",
                "Chu", "Fung", "Lai", "Mak", "Yeung", "Tse", "Cheng", "Law", "Kwan", "Lo", "Siu", "Choi", "Au", "Yu", "Tam",
                "Hui", "Chiu", "Tong", "Poon", "Szeto", "Ma", "Wu", "Ko", "Yuen", "Fong", "Kong", "Pang", "Chung", "Chau",
                "Li", "Lui", "Wan", "Yau", "Sin", "Tai", "Kam", "Ip", "Hung", "Chong", "Lok", "Mok", "To", "Tsui", "Wai")
_HK_NAME_RE = regex.compile(
    rf"(?<![A-Za-z])(?P<name>(?:{'|'.join(_HK_SURNAMES)})[ ]{{1,2}}[A-Z][a-z]{{1,5}}-[a-z]{{2,6}})(?![A-Za-z\-])")

# The surnames Singapore and Malaysia romanise in Hokkien or Teochew (Tan, Lim, Goh, Ong), with Hong
# Kong's: a three-word name opens with one (Tan Mei Ling, Lim Boon Heng, Chan Ka Wai).
_SG_SURNAMES = ("Tan", "Lim", "Goh", "Ong", "Teo", "Koh", "Chua", "Toh", "Tay", "Yeo", "Low", "Sim", "Seah", "Quek", "Neo",
                "Chia", "Foo", "Soh", "Ang", "Khoo", "Ho", "Lee", "Loh", "Phua", "Teh", "Yap", "Yong", "Kwek", "Pang")
_ROMAN_THREE_RE = regex.compile(
    rf"(?<![A-Za-z])(?P<name>(?:{'|'.join(sorted(set(_HK_SURNAMES + _SG_SURNAMES), key=len, reverse=True))})"
    r" (?P<given>[A-Z][a-z]{1,5} [A-Z][a-z]{1,5}))(?![A-Za-z\-])")
_ROMAN_SURNAME_FIRST = frozenset(w[0] for w in _HK_SURNAMES + _SG_SURNAMES)
# Name, sex and age in a row (小满，男，2岁3个月; 平安（男，5岁）): a record's opening triple vouches
# for a name that is a word or has no surname. Matched at each 男/女 found by str.find, looking back.
_SEX_AGE_AFTER_RE = regex.compile(r"(?:男|女)性?[，,、\s]\s?(?:\d{1,3}\s?(?:岁|周岁|歲|个月|月龄|天)|[一二三四五六七八九十]{1,3}岁)")
_SYMPTOM_LAST = frozenset("痛疼痒咳嗽喘热晕吐泻闷胀肿烧血疮癣炎瘤癌斑疹麻木酸软")
_BRACKET_AGE_BEFORE_RE = regex.compile(r"[（(]\s?\d{1,3}\s?(?:岁|周岁)")
# A name signing off a message: after its last sentence or on its last line, a name alone
# (…请将病理报告发送至此邮箱。王磊, …谢谢！\n—— 林静).
_SIGN_OFF_RE = regex.compile(r"(?:[。！!？?]|\n)[ \t]*(?:[-—～~]{1,2}[ \t]?)?(?P<name>[\u4e00-\u9fff]{2,3})[ \t。.！!]*$")
_PRONOUNS = frozenset("我你您他她它咱俺们")
_APPOSED_NAME_RE = regex.compile(
    r"(?:(?<=^|[\s，,。；;！!？?：:、])|(?<=跟|和|说|让|给|问|找|陪|带|劝))(?P<name>[\u4e00-\u9fff]{2})"
    r"(?=[他她](?:娘|妈|爸|爹|哥|姐|弟|妹|爷爷|奶奶|老婆|老公|媳妇|儿子|女儿|闺女|平时|以前|一直|最近|总是|老是))")
_NOT_NAME_TAGS = ("r", "t", "c", "d", "p", "v", "a", "m", "q", "f", "u")
_ROLE_DASH_LABEL_RE = regex.compile(
    rf"(?m)^[ \t]*{_LABEL_PREFIX}[\u4e00-\u9fff]{{2,8}}[ \t]?[-－][ \t]?(?P<name>[\u4e00-\u9fff]{{2,3}})[ \t]*[：:](?![ \t]*$)")
_OPENED_RECORD_RE = regex.compile(r"(?:调阅|查看|查阅|打开|调取|修改|浏览|导出|打印|复印)(?P<name>[\u4e00-\u9fff]{2,3}?)的?病历")
_GUNIANG_RE = regex.compile("(?P<name>[" + "".join(sorted(set(lexicon.SURNAMES_1) - _LONE_NOT_SURNAME)) + "])姑娘")
_DASH_SURNAME_SIGN_RE = regex.compile(r"(?m)(?:——|--)[ \t]?(?P<name>[\u4e00-\u9fff])[ \t。.！!]*$")
_DASH_SIGN_RE = regex.compile(r"(?m)^[ \t]*(?:——|—|--|～)[ \t]?(?P<name>[\u4e00-\u9fff]{2,3})[ \t]*$")
_LABEL_NAME_RE = regex.compile(r"(?m)^[ \t]*[^\s：:，,。]{2,8}[：:][ \t]*(?P<name>[\u4e00-\u9fff]{2,3})(?=[，,])")
_TRIPLE_NAME_START = frozenset("：:\n。；;\t ")
_TRIPLE_CUES = ("患者", "患儿", "病人", "姓名", "宝宝", "孩子")
_NOT_TRIPLE_NAMES = frozenset({"患者", "患儿", "病人", "本人", "家属", "病例", "病历", "记录", "病史", "简介", "小孩", "孩子", "宝宝",
                               "男孩", "女孩", "老人", "儿童", "婴儿", "新生儿", "产妇", "孕妇", "基本信息", "一般资料",
                               # a note's shorthand for the patient's state (患者神清，男，60岁)
                               "神清", "神志", "神志清", "神萎", "神差", "神可", "精神可", "意识清", "清醒", "嗜睡", "纳差", "纳可",
                               "眠差", "眠可", "体健", "一般", "既往", "平素", "现年", "今年"})


_ENGLISH_GIVEN: frozenset[str] | None = None


def _english_given_names() -> frozenset[str]:
    """English given names (Faker's American and British lists, and the Hong Kong favourites they
    lack: Kelvin, Winnie, Ivan): what a Hong Kong or overseas member of a Chinese chat goes by."""
    global _ENGLISH_GIVEN
    if _ENGLISH_GIVEN is None:
        names = {"Kelvin", "Winnie", "Ivan", "Ken", "Kenny", "Ricky", "Sammi", "Fanny", "Jacky", "Wing", "Vivian", "Candy",
                 "Connie", "Gigi", "Yoyo", "Coco", "Eason", "Alvin", "Calvin", "Derek", "Eric", "Jason", "Kevin", "Terry",
                 "Tommy", "Peggy", "Ada", "Iris", "Mandy", "Cindy", "Wendy", "Sandy", "Teresa", "Queenie", "Karen", "Joyce"}
        try:
            from faker.providers.person.en_GB import Provider as GB
            from faker.providers.person.en_US import Provider as US

            names |= set(US.first_names) | set(GB.first_names)
        except Exception:  # noqa: BLE001 - faker is a deid dependency; the short list still works
            pass
        _ENGLISH_GIVEN = frozenset(names)
    return _ENGLISH_GIVEN


class ChineseNameRecognizer(EntityRecognizer):
    """Chinese person names from titles, cue words and jieba's word segmentation.

    Signals, strongest first: a title after the name (王医生, 李娜女士), a strong cue before it
    (姓名：, 家属), a weak cue (患者张伟) checked against clinical words, a "name，男/女",
    "name主诉" or "name开具" shape, and finally jieba: an out-of-vocabulary 2-3 character token
    that starts with a common surname is almost always a name in consultation text. Eponyms
    (马凡综合征, 川崎病) are excluded by what follows them.
    """

    def __init__(self, supported_language: str = "zh", use_jieba: bool = True) -> None:
        self.use_jieba = use_jieba
        super().__init__(supported_entities=[PERSON], name="ZhNameRecognizer", supported_language=supported_language)

    def load(self) -> None:
        jieba = ready_jieba()
        self._jieba = jieba
        self._freq = jieba.dt.FREQ
        self._tags = jieba.posseg.dt.word_tag_tab
        zh_patterns._JIEBA_FREQ = self._freq
        # Next to a cue or a title, rare 百家姓 surnames (仉, 訾, 亓官) count too.
        single, double = rare_surnames(self._freq)
        self._rare_single = frozenset(single)
        cued = "(?:" + "|".join([*lexicon.SURNAMES_2, *double]) + "|[" + _SURNAME_CHARS + "".join(sorted(single)) + "])"
        title = "(?:" + "|".join([*lexicon.SURNAMES_2, *double]) + "|[" + _SURNAME_CHARS + "".join(
            sorted(single | lexicon.SURNAMES_TITLE_ONLY)) + "])"
        self._cued_surname_re = regex.compile(cued)
        self._xing_re = regex.compile(rf"(?<!百)姓(?P<name>{cued})(?![名氏别])")
        # A title form, then the full name in brackets with the same surname: 宁大爷（宁国栋）,
        # 王阿姨(王秀兰). The repeated surname is the proof, whatever the given name looks like.
        self._title_bracket_re = regex.compile(
            rf"(?P<sur>{_TITLE_SURNAME})(?:{_alt(lexicon.TITLES_ZH)})\s?[（(]\s?(?P<name>(?P=sur)[\u4e00-\u9fff]{{1,2}})\s?[）)]")
        # Any rare character may be a surname (禚, 綦, 爨 are on no list) when a cue introduces a
        # 2-3 character token that ends at punctuation and is no dictionary word.
        self._rare_cued_re = regex.compile(
            rf"(?:{_alt([*lexicon.NAME_CUES_ZH_STRONG, *lexicon.NAME_CUES_ZH_WEAK])})[\s:：]*"
            r"(?P<name>[\u4e00-\u9fff]{2,3})(?=[，,。、；;：:\s（(]|$)")
        self._title_re = regex.compile(rf"(?P<name>{title}{_GIVEN}{{0,2}}?)(?:{_alt(lexicon.TITLES_ZH)})")
        self._title_surname_re = regex.compile(title)
        self._strong_cue_re = regex.compile(
            # a voice transcript's filler may sit between (我叫呃黄志明, 名字是，嗯，韦丽)
            rf"(?:{_alt(lexicon.NAME_CUES_ZH_STRONG, spaced=True)})[\s:：|｜]*(?:是|为)?[\s:：]*"
            rf"(?:(?:呃|嗯|额|啊|就是|那个)[\s，,]*)?(?={cued})")
        self._weak_cue_re = regex.compile(rf"(?:{_alt(lexicon.NAME_CUES_ZH_WEAK)})[\s:：]*(?={cued})")
        any_char = "[" + "".join(sorted(_ANY_SURNAME_CHARS | lexicon.SURNAMES_REGIONAL)) + "]"
        # A surname alone (or with 某, 同学, 医生 …), then the full name with that surname in brackets, after
        # a note of its own if any: 赵（赵晨阳）, 王同学（王可乐）, 丁（劳务派遣，丁晓冬）, 区医生（区嘉敏）.
        self._surname_full_bracket_re = regex.compile(
            rf"(?<![\u4e00-\u9fff])(?P<sur>{any_char[:-1]}区])(?:某|同学|医生|老师|阿婆|阿公|阿姨|先生|女士|律师|警官)?[ \t]?[（(][ \t]?"
            r"(?:[^（）()\n，,]{1,8}[，,、][ \t]?)?(?P<full>(?P=sur)\p{Han}{1,2}?)(?=[ \t]?[）)，,、])")
        # A pupil after the class: 四(2)班 盘小龙（11/16）, 二(1) 王阿支, 初二（4）班 程子墨, and the classmates
        # listed after them (、李文（11/17）、奉雪梅). The class vouches for a surname that is a word too (安, 于).
        self._class_name_re = regex.compile(
            rf"(?:[一二三四五六七八九]|初[一二三]|高[一二三])(?:年级)?[（(]\d{{1,2}}[）)]班?[ \t|｜]*"
            rf"(?P<name>{any_char}(?=同学)|{any_char}\p{{Han}}{{1,2}}?(?=[ \t]*(?:[（(—\-、，,|｜\n]|$)))")
        self._class_list_next_re = regex.compile(
            rf"(?:[ \t]*[（(][^（）()\n]{{1,12}}[）)])?[ \t]*、[ \t]*(?P<name>{any_char}\p{{Han}}{{1,2}}?)(?=[ \t]*(?:[（(、，,；;。|｜\n]|$))")
        # A role or a kin word, then a surname and the form of address that stands for the person (班主任：于老师,
        # 主治：玄医师, 老板梁哥, 村民颜伯, 婆婆娄氏, 老板孔某): the cue vouches for a surname that is a word too (于, 关).
        # (the surname and its title are searched first, the cue then read backwards: one alternation of some
        # three hundred cues over every text would cost more than all the rest of this rule)
        self._title_cues = tuple(sorted({*lexicon.NAME_CUES_ZH_STRONG, *lexicon.NAME_CUES_ZH_WEAK, *lexicon.STAFF_CUES_ZH},
                                        key=len, reverse=True))
        # staff roles are weak cues too, scanned for only in texts that hold one (see lexicon.STAFF_CUES_ZH)
        self._staff_gate = ContainsAny(*lexicon.STAFF_CUES_ZH)
        self._staff_cue_re = regex.compile(rf"(?:{_alt(lexicon.STAFF_CUES_ZH)})[\s:：]*(?={cued})")
        self._title_surname_chars = _ANY_SURNAME_CHARS | lexicon.SURNAMES_REGIONAL
        self._cue_title_re = regex.compile(
            r"(?:老师|医师|医生|律师|大夫|警官|主任|师傅|阿姨|奶奶|爷爷|同学|哥|姐|伯|叔|姨|婶|嫂|氏|某(?![日时天年月地处种些]))"
            r"(?![\u4e00-\u9fff]{0,1}[：:])")
        self._cue_surname_re = regex.compile(rf"(?:{cued})$")
        # a department between the cue and the name: 接诊医生：内分泌科蓝海涛, 报案人：医务部甘露
        self._weak_cue_dept_re = regex.compile(
            rf"(?:{_alt(lexicon.NAME_CUES_ZH_WEAK)})[\s:：]*[\u4e00-\u9fff]{{1,6}}?(?:科|部|病区|中心)(?={cued})")
        # A bed number is a weak cue too (8床韦美香, 15床 甘志刚; not 8床需要换药: 需 opens no name),
        # and a bracketed one follows a name (雷德华（22床）). Both run only on texts with 床.
        self._bed_cue_re = regex.compile(BED_NUM_START + rf"\d{{1,3}}\s?床(?:号)?[\s:：]*(?={cued})")
        self._glued_follow_re = regex.compile(rf"(?P<name>{cued}{_GIVEN}{{1,2}}?)(?={_alt(lexicon.NAME_FOLLOWERS_ZH)})")
        self._bed_follow_re = regex.compile(rf"(?P<name>{cued}{_GIVEN}{{1,2}}?)(?=[（(]\d{{1,3}}\s?床)")
        from mediscope.deid.recognizers.zh_names import ChineseClauseNameRecognizer

        # Names by their place in the clause (no cue next to them); run from here so that the
        # names listed next to any found name (刘芳、陈刚) can be collected over both.
        self._clause = ChineseClauseNameRecognizer(self.supported_language)
        self._name_given = given_name_chars()  # only the given names' own characters (not 好 of 祝好)
        self._cities = _place_names(self._tags, self._freq)[1]
        any_surname = "(?:" + "|".join(sorted({*lexicon.SURNAMES_2, *lexicon.BAIJIAXING_2}, key=len, reverse=True)) + "|[" + "".join(
            sorted(set(lexicon.BAIJIAXING) | lexicon.SURNAMES_1 | lexicon.SURNAMES_REGIONAL)) + "])"
        # Both role patterns open with the same cue words: find the first cue once, and start both
        # scans there (most texts name no role and skip them).
        self._role_any_re = regex.compile(_alt(lexicon.ROLE_NAME_CUES_ZH))
        self._role_lone_re = regex.compile(rf"(?:{_alt(lexicon.ROLE_NAME_CUES_ZH)})[\s:：]*(?P<name>[\u4e00-\u9fff])")
        self._role_cue_re = regex.compile(
            rf"(?P<cue>{_alt(lexicon.ROLE_NAME_CUES_ZH)})[\s:：]*(?P<name>{any_surname}[\u4e00-\u9fff]{{1,2}}?)"
            r"(?=[，,。.、；;：:\s（(）)|｜]|在|是|的|陪|于|因|签|$)")

    def _result(self, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=PERSON,
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: f"{self.name}.{how}",
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )

    def _rare_ok(self, cand: str) -> bool:
        """A name with a rare surname must not be a dictionary word at all (麻醉, 麻烦, 羊癫疯).

        Common surnames go through the usual checks; for rare ones even a low-count dictionary
        word is far more likely than a person, so any dictionary entry vetoes it.
        """
        cand = cand.replace(" ", "")
        if cand[:2] in lexicon.SURNAMES_2 or cand[:1] in lexicon.SURNAMES_1:
            return True
        if cand[:2] in _COMPOUNDS:
            # 司空明远, 第五 (主任): the compound itself is often a word (司空 308, 第五 1391), the
            # whole name is not; a compound alone must not be an everyday word (东方 3993).
            return self._freq.get(cand, 0) == 0 if len(cand) > 2 else self._freq.get(cand, 0) < 2000
        return all(self._freq.get(k, 0) == 0 for k in {cand, cand[:2], cand[:3]} if len(k) >= 2)

    def _ends_word(self, text: str, pos: int) -> bool:
        """Whether the character at `pos` is the end of a multi-character word to its left."""
        left = text[max(0, pos - 5) : pos + 1]
        tokens = self._jieba.lcut(left, HMM=False)
        # Without the HMM every multi-character token is a dictionary word.
        return bool(tokens) and len(tokens[-1]) >= 2

    def _common_word(self, word: str, min_freq: int = 100) -> bool:
        return self._freq.get(word, 0) >= min_freq

    def _name_at(self, text: str, start: int, surname_re: regex.Pattern = _SURNAME_RE) -> int:
        """End offset of the name starting at `start`: surname + 1-2 given characters.

        The given name stops at a character that starts the next word (张伟主诉 -> 张伟) and
        jieba decides between 2 and 3 characters when both are possible.
        """
        m = surname_re.match(text, start)
        if m is None:
            return start
        pos = m.end()
        given = 0
        while pos < len(text) and given < 2 and "\u4e00" <= text[pos] <= "\u9fff":
            if text[pos] in lexicon.NOT_GIVEN_NAME_CHARS and text[pos] not in "小大老长" and not (
                    text[pos] == "妹" and given == 1 and text[pos - 1] in "阿二三四五六七小秀细"):
                break  # but 罗阿妹, 韦二妹: 妹 closes many women's names in the south
            given += 1
            pos += 1
        if given == 2:
            tokens = self._jieba.lcut(text[start : min(len(text), start + 6)])
            if tokens and 2 <= len(tokens[0]) < pos - start:
                # jieba sees a 2-char name followed by a word: 张伟主诉 / 李娜今天
                if self._common_word(text[start + len(tokens[0]) : pos + 1], 1):
                    return start + len(tokens[0])
        return pos

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and PERSON not in entities:
            return []
        out: list[RecognizerResult] = []
        norm = normalize(text)

        taken = -1
        # Overlapped, so that a rejected scan (缴费|人温先生: 费 closes 缴费) leaves the surname
        # after it free (温先生); a scan inside a name already taken is skipped.
        for m in self._title_re.finditer(norm, overlapped=True):
            s, e = m.span("name")
            if s < taken:
                continue
            # "谢谢王医生", "感谢王医生": the scan may start inside a word before the real surname.
            while e - s > 1 and norm[s : s + 2] not in _COMPOUNDS and self._title_surname_re.match(norm, s + 1) and (
                self._common_word(norm[s : s + 2]) or (s > 0 and self._common_word(norm[s - 1 : s + 1]))
            ):
                s += 1
            if (e - s == 3 and self._title_surname_re.match(norm, s + 2) and self._common_word(norm[s : s + 2])
                    and not self._tags.get(norm[s : s + 2], "").startswith("nr") and not _is_clinical(norm[s:e])):
                s += 2  # 路人张先生, 邻居王阿姨: a word before the surname (but 高峰 opens a name: 高峰华先生)
            if s > 0 and self._ends_word(norm, s):
                continue  # 谢谢医生, 平时医生, 过程中医生: the "surname" closes a word on its left
            if not _PRONOUNS.isdisjoint(norm[s + 1 : e]):
                continue  # 祝愿您婆婆: a pronoun before the title, no given name
            if e - s == 2 and norm[s:e] not in _COMPOUNDS and self._common_word(norm[s:e], 1000) and not self._tags.get(
                    norm[s:e], "").startswith("nr"):
                continue  # 转出单位医生: surname and given name make an everyday word (单位)
            if e - s >= 3 and self._common_word(norm[s + 1 : e], 5000):
                continue  # 段时间医生: the "given name" is a very common word (建国 is not that common)
            if e - s >= 2 and _is_clinical(norm[s:e]) or not self._rare_ok(norm[s:e]):
                continue
            if e - s == 1 and s > 0 and norm[s - 1] == "小" and norm[s - 2 : s - 1] not in ("大", "小"):
                s -= 1  # 儿科小周医生, 找小李医生: the junior's 小 goes with the surname, as in 护士小周
            out.append(self._result(s, e, 0.85, "title"))
            taken = m.end()

        for m in self._rare_cued_re.finditer(norm, overlapped=True):
            s, e = m.span("name")
            cand = norm[s:e]
            if self._freq.get(cand[0], 0) >= RARE_CUED_MAX_FREQ or cand[0] in lexicon.NOT_GIVEN_NAME_CHARS:
                continue  # only characters that are rare on their own (禚 0, 爨 42; not 补 3259)
            if self._common_word(cand[1:], 1000):
                continue  # 妈妈补身体: the rest is an everyday word, not a given name
            if any(ch in lexicon.NEVER_IN_GIVEN_NAME for ch in cand) or _is_clinical(cand, norm[e : e + 3]):
                continue
            if any(self._freq.get(k, 0) for k in {cand, cand[:2]}) or self._is_word(cand):
                continue
            if any(cand.endswith(t) for t in lexicon.TITLES_ZH):
                continue  # 我是康医生: surname + title, the title rule's business
            out.append(self._result(s, e, 0.7, "rare_cued"))

        first_role = self._role_any_re.search(norm)
        role_from = first_role.start() if first_role else len(norm) + 1
        for m in self._role_cue_re.finditer(norm, role_from):
            s, e = m.span("name")
            cand = norm[s:e]
            # 大 and 小 are function-word characters that given names use all the time (大海, 小凤)
            if _is_clinical(cand, norm[e : e + 3], self._tags) or any(
                    ch in lexicon.NEVER_IN_GIVEN_NAME and ch not in "大小" for ch in cand[1:]):
                continue
            if self._freq.get(cand, 0) > 0 and not self._tags.get(cand, "").startswith("nr"):
                continue  # 麻醉：全麻, 药师：审核: a word after the role, not a name
            if m.group("cue").endswith("助手") and not (
                    cand[:2] in lexicon.SURNAMES_2 or cand[:2] in lexicon.BAIJIAXING_2 or cand[:1] in lexicon.SURNAMES_1):
                continue  # 助手扶镜, 助手拉钩: an operation note's assistant acts; only a common surname names one
            title = next((t for t in _CUT_TITLES if cand.endswith(t)), None)
            if title and len(cand) - len(title) in (1, 2):
                e -= len(title)  # 术者海主任: the surname after the role names the person, the title stays
            out.append(self._result(s, e, 0.85, "role_cue"))

        for m in self._role_lone_re.finditer(norm, role_from):  # 主刀 晁 一助 樊, 麻醉医师蒯 术前访视
            s = m.start("name")
            if self._common_word(norm[s - 1 : s + 1], 1) or (m.start() > 0 and self._common_word(norm[m.start() - 1 : m.start() + 1], 1)):
                continue  # 辅助手段: the role word sits inside other words (辅助, 手段)
            if self._lone_surname(norm, s) and not any(r.start <= s < r.end for r in out):
                out.append(self._result(s, s + 1, 0.8, "lone_surname"))

        for m in self._cue_title_re.finditer(norm):
            s = m.start() - 1  # the surname right before the title (or a compound's two characters)
            if s < 1:
                continue
            two = self._cue_surname_re.search(norm, max(0, s - 1), m.start()) if norm[s] not in self._title_surname_chars else None
            start = two.start() if two is not None else s
            if (two is None and norm[s] not in self._title_surname_chars) or any(r.start <= start < r.end for r in out):
                continue
            if norm[max(0, start - 12) : start].rstrip(" \t\u3000:：").endswith(self._title_cues):
                out.append(self._result(start, m.start(), 0.8, "cue_surname_title"))
        if "（" in norm or "(" in norm:
            for m in self._surname_full_bracket_re.finditer(norm):
                if not self._is_word(m.group("full")):
                    out += [self._result(*m.span("sur"), 0.8, "surname_before_full_name"),
                            self._result(*m.span("full"), 0.8, "surname_before_full_name")]
            if _CLASS_SEEN.search(norm):
                for m in self._class_name_re.finditer(norm):
                    pos, cand = m.end(), m
                    while cand is not None and (len(cand.group("name")) == 1 or not self._is_word(cand.group("name"))
                                                and not _is_clinical(cand.group("name"))):
                        out.append(self._result(*cand.span("name"), 0.75, "pupil_after_class"))
                        pos = cand.end()
                        cand = self._class_list_next_re.match(norm, pos)

        for m in self._title_bracket_re.finditer(norm):
            out.append(self._result(*m.span("name"), 0.85, "title_bracket"))

        for m in self._xing_re.finditer(norm):  # 我姓马, 患者姓王, 姓乜
            out.append(self._result(*m.span("name"), 0.85, "xing"))
        if "是" in norm and ("请问" in norm or "你好" in norm or "您好" in norm):
            out += [self._result(*m.span("name"), 0.75, "who_answers") for m in _WHO_ANSWERS_RE.finditer(norm)
                    if not _is_clinical(m.group("name")) and self._freq.get(m.group("name"), 0) < 50
                    and not m.group("name").endswith(_CUT_TITLES) and m.group("name")[-1] not in "医护主老师"]
        if "：" in norm or ":" in norm:
            out += [self._result(*m.span("name"), 0.75, "role_pet_label") for m in _ROLE_PET_LABEL_RE.finditer(norm)
                    if m.group("name") not in _XIAO_NOT_SPEAKER and m.group("name") not in _NOT_VOCATIVES]
        if ("（" in norm or "(" in norm) and _NICK_BRACKET_GATE.search(norm):
            out += [self._result(*m.span("name"), 0.75, "nick_in_brackets") for m in _NICK_IN_BRACKETS_RE.finditer(norm)
                    if not _is_clinical(m.group("name"))]
        if _HANGUL_SEEN.search(norm):
            out += [self._result(*m.span("name"), 0.8, "hangul_name") for m in _HANGUL_NAME_RE.finditer(norm)]
        if "尊敬的" in norm:
            out += [self._result(*m.span("name"), 0.8, "dear_name") for m in _DEAR_NAME_RE.finditer(norm)]
        if " " in norm and _SPACED_TITLE_GATE.search(norm):
            out += [self._result(*m.span("name"), 0.75, "spaced_titled") for m in _SPACED_TITLED_RE.finditer(norm)
                    if not any(ch in _FUNCTION_CHARS for ch in m.group("name")[1:])]
        if "：" in norm or ":" in norm:
            out += [self._result(*m.span("name"), 0.75, "signed_surname") for m in _SIGNED_SURNAME_RE.finditer(norm)
                    if m.group("name") not in _NOT_SIGNED]
        if "姓" in norm or _SPELLED_PARTS_SEEN.search(norm):
            # a surname said on the phone, whatever the character (我姓攒 不是 是昝), and one spelled out by
            # its parts (阚是门字里面一个敢, 是昝 上面一个处下面一个日)
            out += [self._result(*m.span("name"), 0.8, "surname_said") for m in _SURNAME_SAID_RE.finditer(norm)]

        for m in self._strong_cue_re.finditer(norm):
            s = m.end()
            # After 姓名：/就诊人： a short run of CJK ending at punctuation is the whole name
            # (张三丰, even with "number" characters); otherwise cut it like any other name.
            whole = _WHOLE_NAME_RE.match(norm, s) or _SPACED_NAME_RE.match(norm, s)
            if whole and (whole.group(0) in _SPEECH_VERBS or whole.group(0)[:2] in _SPEECH_VERBS and whole.group(0)[2:] in ("称", "如下")):
                continue  # 家属陈述：… is what the family said, 陈 no surname here
            if whole and whole.group(0) in KINSHIP_WORDS:
                continue  # 监护人：母亲 樊桂香: the relation, the name after it (found as one on its own)
            if whole:
                title = next((t for t in lexicon.TITLES_ZH if whole.group(0).endswith(t) and len(whole.group(0)) - len(t) in (1, 2)), None)
                if title is None and len(whole.group(0)) == 2 and (
                        whole.group(0)[1] == "太" or whole.group(0)[1] in _CANTONESE_ADDRESS and "联" in m.group(0)):
                    # 联系人：梁太 (Mrs Leung), 联络人：陈生 (Mr Chan), 联系人：曾伯: Hong Kong's forms of address
                    # after the surname, as the statistical model's names are cut
                    title = whole.group(0)[1]
                # (one character before the title is the surname whatever it is: 主治：玄医师)
                if title and (len(whole.group(0)) - len(title) == 1 or _TITLE_SURNAME_RE.fullmatch(whole.group(0)[: -len(title)])):
                    out.append(self._result(s, whole.end() - len(title), 0.9, "strong_cue"))  # 我叫黎女士: the surname
                    continue
                n_chars = sum(1 for ch in whole.group(0) if ch != " ")
                if n_chars == 2 and " " in whole.group(0):
                    # 姓名 仝 冬\n梅   性别: OCR broke a spaced name's last character onto the next line
                    # (one character standing alone before the form's next gap)
                    tail = _SPACED_BROKEN_TAIL_RE.match(norm, whole.end())
                    if tail is not None:
                        out.append(self._result(s, tail.end(), 0.9, "strong_cue_spaced"))
                        continue
                if n_chars <= 3 or (n_chars == 4 and (norm[s : s + 2] in _COMPOUNDS or self._two_surname_name(whole.group(0)))):
                    out.append(self._result(s, whole.end(), 0.9, "strong_cue"))
                    continue
            broken = _LINE_BROKEN_NAME_RE.match(norm, s)
            if broken and "\n" in broken.group(0) and broken.group(0)[-1] not in "男女":
                cand = broken.group(0).replace(" ", "").replace("\n", "")
                if self._rare_ok(cand) and not (_is_clinical(cand) or self._is_word(cand) and not self._tags.get(cand, "").startswith("nr")):
                    out.append(self._result(s, broken.end(), 0.9, "strong_cue_line_broken"))
                    continue
            if self._lone_surname(norm, s):
                out.append(self._result(s, s + 1, 0.85, "lone_surname"))  # 主治医师：蓝  随访电话
                continue
            spaced_end = _spaced_name_end(norm, s)
            if spaced_end and self._rare_ok(norm[s:spaced_end]):
                out.append(self._result(s, spaced_end, 0.9, "strong_cue_spaced"))
                continue
            e = self._name_at(norm, s, self._cued_surname_re)
            if e - s >= 2 and self._rare_ok(norm[s:e]) and not (
                self._is_word(norm[s:e]) and not self._tags.get(norm[s:e], "").startswith("nr")
            ):
                out.append(self._result(s, e, 0.9, "strong_cue"))  # not 家属商量后: a word, not a name

        bed = "床" in norm
        dept = "科" in norm or "部" in norm or "病区" in norm or "中心" in norm
        for m in (*self._weak_cue_re.finditer(norm), *(self._staff_cue_re.finditer(norm) if self._staff_gate(norm) else ()),
                  *(self._bed_cue_re.finditer(norm) if bed else ()),
                  *(self._weak_cue_dept_re.finditer(norm) if dept else ())):
            s = m.end()
            spaced_end = _spaced_name_end(norm, s)
            if spaced_end:
                # 患者綦 玉 兰: OCR put a space between every character of the name.
                cand = norm[s:spaced_end].replace(" ", "")
                if not (_is_clinical(cand, norm[spaced_end : spaced_end + 3]) or self._is_word(cand)
                        or not self._rare_ok(cand)):
                    out.append(self._result(s, spaced_end, 0.75, "weak_cue_spaced"))
                    continue
            if norm[s : s + 1] == "方" and norm[m.start() : s].rstrip("：: ").endswith(_PARTY_CUES):
                continue  # 被告方认为, 原告方: the party's side, no one named 方
            if s > m.start() and norm[s - 1 : s + 1] in _TITLE_WORDS:
                continue  # 调解员：车主任: the cue's last character opens a title (主任), no name follows
            # (after a bed number a bracket does not close the field: 23床 鲍（术后第二天） is one bed, no roster)
            if self._lone_surname(norm, s, bracket_closes=m.re is not self._bed_cue_re) and not norm[m.start() : s].startswith(_LONE_NOT_CUES):
                out.append(self._result(s, s + 1, 0.75, "lone_surname"))  # 患者蒲，曾在; 值班医生：翟  交班
                continue
            whole = _WHOLE_NAME_RE.match(norm, s)
            if whole and len(whole.group(0)) == 4 and self._two_surname_name(whole.group(0)):
                out.append(self._result(s, whole.end(), 0.75, "weak_cue"))  # 患者：周吴悦然，女
                continue
            if norm.startswith(_CUT_TITLES, s + 1):
                continue  # 患者谢老爷子: a surname and a title, the title rule's (谢老 is no name)
            e = self._name_at(norm, s, self._cued_surname_re)
            cand = norm[s:e]
            if e - s < 2 or _is_clinical(cand, norm[e : e + 3]) or _never_given(cand, self._freq):
                continue
            if self._is_word(cand) and not (self._word_named(norm, e, cand, s) or (
                    m.re is self._bed_cue_re and _BED_WORD_NAME_RE.match(norm, e) and not self._tags.get(cand, "").startswith("v"))):
                continue  # but 12床甘露（糖尿病足）: after a bed, a word before its diagnosis in brackets
            if len(cand) == 3 and self._freq.get(cand[1:], 0) >= 1000 and self._tags.get(cand[1:], "")[:1] in ("v", "a", "d", "c", "p"):
                continue  # 患儿常合并先天性心脏病: a surname-like adverb and a verb, not a name
            if not self._rare_ok(cand):
                continue
            if norm[s : s + 2] in self._cities and not _GENDER_NEXT.match(norm, e):
                continue  # 我是贺州八步人, 我是柳州的: a hometown after 我是, not a name
            out.append(self._result(s, e, 0.75, "weak_cue"))

        follow_res = ((_FOLLOW_RE, "follow_cue"), (self._glued_follow_re, "follow_cue"),
                      *(((self._bed_follow_re, "follow_cue"),) if bed else ()))
        for rx, how in follow_res:
            for m in rx.finditer(norm):
                s, e = m.span("name")
                cand = norm[s:e]
                gendered = _GENDER_NEXT.match(norm, e) is not None  # 高超，男，45岁: name shape wins
                kin = rx is self._glued_follow_re and norm[max(0, s - 3) : s].endswith(_KIN_BEFORE_WORD_NAME)
                if _is_clinical(cand, norm[e : e + 3]) or _never_given(cand) or (self._is_word(cand) and not (gendered or kin)):
                    continue
                if not self._rare_ok(cand) or cand.endswith("族"):
                    continue  # 蒙古族，男: a people before the sex, not a name
                if how == "follow_cue" and rx is self._glued_follow_re and s > 0 and self._common_word(norm[s - 1 : s + 1], 1):
                    continue
                if not (gendered or kin) and self._freq.get(cand, 0) > 0 and not self._tags.get(cand, "").startswith("nr"):
                    continue  # 起搏器程控记录: a dictionary word (程控) before 记录 names a record, not its writer
                out.append(self._result(s, e, 0.75, how))

        # jieba candidates need a person cue nearby anyway, so only the blocks near a cue are
        # segmented (most of the cost of this recognizer). jieba cuts each run of Han/ASCII
        # characters on its own, so cutting just those runs gives the very tokens a cut of the
        # whole text would give there.
        if self.use_jieba:
            windows = [(m.start() - _CUE_REACH, m.end() + _CUE_REACH) for m in _PERSON_CONTEXT_RE.finditer(norm)]
            if windows:
                for block in self._jieba.re_han_default.finditer(norm):
                    if not any(block.start() < b and block.end() > a for a, b in windows):
                        continue
                    pos = block.start()
                    for tok in self._jieba.cut(block.group(0)):
                        n = len(tok)
                        if 2 <= n <= 4 and _SURNAME_RE.match(tok) and self._jieba_name(tok, norm, pos):
                            # 曾伯, 曾太: a surname and a Cantonese form of address; the surname names him
                            end = pos + 1 if n == 2 and tok[1] in _CANTONESE_ADDRESS else pos + n
                            out.append(self._result(pos, end, 0.6, "jieba"))
                        pos += n
        # Re-stamped with this recognizer's id: Presidio drops results whose id is not a
        # registered recognizer's.
        surname_cuts = {r.start for r in out if r.end - r.start == 1}
        for r in self._clause.analyze(text, [PERSON]):
            how = r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY].rsplit(".", 1)[-1]
            end = r.end
            if end - r.start == 2 and r.start in surname_cuts and norm[r.start + 1] in _CANTONESE_ADDRESS:
                end -= 1  # 联系人：陈伯: the cue's cut names the surname, not 伯 as a given name
            out.append(self._result(r.start, end, r.score, how))
        if out and ("、" in norm or "和" in norm or "及" in norm or "与" in norm):
            out += [self._result(a, b, 0.65, "listed") for a, b in self._clause.listed(norm, [(r.start, r.end) for r in out])]
        out += self._family_shapes(norm)
        if (sign := _SIGN_OFF_RE.search(norm, max(0, len(norm) - 12))) is not None and self._uncued_name_ok(sign.group("name")):
            out.append(self._result(*sign.span("name"), 0.7, "sign_off"))
        if "—" in norm or "--" in norm or "～" in norm:
            # ——婉婷 on a line of its own: a message signed with the given name alone
            for m in _DASH_SIGN_RE.finditer(norm):
                cand = m.group("name")
                if self._uncued_name_ok(cand) or len(cand) == 2 and all(
                        ch in self._name_given or ch in _GIVEN_TYPICAL for ch in cand) and (
                        self._freq.get(cand, 0) == 0 or self._freq[cand] < 100 and self._tags.get(cand, "").startswith("nr")):
                    out.append(self._result(*m.span("name"), 0.7, "sign_off"))
            # …明早查INR。——邵: a note signed with the surname alone after a double dash, at the line's end
            for m in _DASH_SURNAME_SIGN_RE.finditer(norm):
                if m.group("name") in lexicon.SURNAMES_1 and m.group("name") not in _LONE_NOT_SURNAME:
                    out.append(self._result(*m.span("name"), 0.7, "sign_off"))
        if "病历" in norm:
            # 调阅高秀梅病历, 查看王磊的病历: a system log names whose record was opened
            for m in _OPENED_RECORD_RE.finditer(norm):
                if self._uncued_name_ok(m.group("name")) and not _is_clinical(m.group("name")):
                    out.append(self._result(*m.span("name"), 0.75, "opened_record"))
        if "姑娘" in norm:
            # 李姑娘话听日覆诊, 问陈姑娘: Hong Kong's word for a nurse after her surname (and in Mandarin a
            # young woman addressed by her surname): the surname names her, as 孟老师 names 孟
            for m in _GUNIANG_RE.finditer(norm):
                s = m.start("name")
                if not (s > 0 and self._common_word(norm[s - 1 : s + 1], 50)):  # 水平姑娘? a word's end
                    out.append(self._result(s, s + 1, 0.75, "title"))
        if "他" in norm or "她" in norm:
            # 建华他哥, 二狗他娘: a name, then 他/她 and a kin word or what the person always does
            for m in _APPOSED_NAME_RE.finditer(norm):
                cand = m.group("name")
                freq = self._freq.get(cand, 0)
                if freq >= 500 or self._tags.get(cand, "").startswith(_NOT_NAME_TAGS) or _is_clinical(cand):
                    continue
                rank_nick = freq == 0 and cand[0] in "二三四五六七八九" and cand[1] not in _KIN_SECOND  # 二狗, 三丫
                if not rank_nick and (any(ch in lexicon.NOT_GIVEN_NAME_CHARS or ch in _KIN_SECOND for ch in cand)
                                      or cand in _GENERIC_FAMILY):
                    continue
                if freq == 0 or all(ch in self._name_given or ch in _GIVEN_TYPICAL for ch in cand):
                    out.append(self._result(*m.span("name"), 0.65, "apposed"))
        if "-" in norm or "－" in norm:
            # 爱心志愿者-小敏：, 药房-蒋琳：: a chat label of a role or a team, a dash, then the member's name
            for m in _ROLE_DASH_LABEL_RE.finditer(norm):
                cand = m.group("name")
                if (cand[0] in "小阿" and len(cand) == 2 and cand[1] in self._clause.given and cand[1] not in _KIN_SECOND
                        and self._freq.get(cand, 0) < 50) or self._uncued_name_ok(cand):
                    out.append(self._result(*m.span("name"), 0.7, "role_dash_label"))
        if "：" in norm or ":" in norm:
            # 预约信息：宋佳，12月18日…, 肿瘤科会诊：于海洋，肺癌…: a line's label, then a name alone before a pause
            out += [self._result(*m.span("name"), 0.7, "label_name") for m in _LABEL_NAME_RE.finditer(norm)
                    if self._uncued_name_ok(m.group("name"))]
        for r in out:
            if r.end - r.start == 2 and norm[r.start : r.end] in _COMPOUNDS and norm[r.end : r.end + 1] == " ":
                spaced = _SPACED_GIVEN_RE.match(norm, r.end)
                if spaced and not _is_clinical(norm[r.end :].strip()[:2]) and not any(
                        ch in lexicon.NOT_GIVEN_NAME_CHARS for ch in spaced.group(0).strip()):
                    r.end = spaced.end()  # 姓 名：申屠 志远: the given name after the gap
                    continue
            # 冼婆婆, 丁老太: a surname and a form of address; only the surname names the person
            if r.end - r.start == 3 and norm[r.start + 1 : r.end] in _ADDRESS_FORMS:
                r.end = r.start + 1
            elif r.end - r.start >= 3 and norm[r.start : r.end].endswith(_CUT_TITLES):
                title = next(t for t in _CUT_TITLES if norm[r.start : r.end].endswith(t))
                if _TITLE_SURNAME_RE.fullmatch(norm, r.start, r.end - len(title)) or (
                        r.end - len(title) - r.start == 1 and norm[r.start] in _ANY_SURNAME_CHARS):
                    r.end -= len(title)  # 主刀：岳主任: the surname names the person, the title stays
        # 客服：您好, 程控医生：: a job or a desk (程 and 客 may be surnames) names no one
        return [r for r in out if norm[r.start : r.end] not in lexicon.ROLE_WORDS_ZH]

    def _uncued_name_ok(self, cand: str) -> bool:
        """A name with no cue (a message's signature, a field's value): a common surname and
        given-name characters that make no word (王磊), or a full name jieba knows as a person's
        (于海洋); not a closing phrase (谢谢, 此致) or a clinical word (黄芪, 白芍)."""
        sur = cand[:2] if cand[:2] in lexicon.SURNAMES_2 else cand[:1]
        given = cand[len(sur) :]
        freq = self._freq.get(cand, 0)
        # a full name jieba knows as a person's (于海洋 29, nr) may have a surname that is a word too
        known = len(cand) == 3 and freq < 100 and self._tags.get(cand, "").startswith("nr")
        if not given or (len(sur) == 1 and sur not in lexicon.SURNAMES_1 and not (known and sur in _ANY_SURNAME_CHARS)):
            return False
        if not all(ch in self._name_given or ch in _GIVEN_TYPICAL for ch in given):
            return False
        return (freq == 0 or known) and not _is_clinical(cand)

    def _family_shapes(self, norm: str) -> list[RecognizerResult]:
        """Names of shapes that no dictionary knows: a surname and a birth rank (吴老二, 张老三), a
        Dai name after a family word (玉腊的老公岩温), a surname after a Latin title (Dr. 林) and a
        nickname before the full name it comes from (小杰（患儿，严俊杰）)."""
        out: list[RecognizerResult] = []
        if "医嘱" in norm and "遵" in norm:  # 遵丁医嘱予曲马多: the doctor whose order was followed
            out += [self._result(*m.span("name"), 0.75, "order_of") for m in _ORDER_OF_RE.finditer(norm)]
        if "阿訇" in norm or "伊玛目" in norm:
            out += [self._result(*m.span("name"), 0.8, "imam") for m in _IMAM_RE.finditer(norm)]
        if "老" in norm:
            out += [self._result(*m.span("name"), 0.75, "birth_rank") for m in _BIRTH_RANK_RE.finditer(norm)]
        if not _DAI_FIRST.isdisjoint(norm):
            for m in _DAI_RE.finditer(norm):
                cand = m.group("name")
                if (self._freq.get(cand, 0) == 0 and self._freq.get(cand[:2], 0) == 0
                        and not _is_clinical(cand, norm[m.end() : m.end() + 3])):
                    out.append(self._result(*m.span("name"), 0.75, "dai"))
        if any(c in norm for c in _RARE_COMPOUNDS):
            for m in _COMPOUND_NAME_RE.finditer(norm):
                s, e = m.span("name")
                if e - s == 4 and self._freq.get(norm[s + 2 : e], 0) >= 1000:
                    e = s + 2  # 欧阳明天来: the surname alone, then a word
                elif norm[e - 1] in _FUNCTION_CHARS or (e - s == 4 and self._freq.get(norm[e - 1 : e + 1], 0) >= 100):
                    e -= 1  # 皇甫丽在场: the second "given" character opens the next word
                if not _is_clinical(norm[s:e]):
                    out.append(self._result(s, e, 0.75, "rare_compound"))
        if "老" in norm or "小" in norm:
            for m in (m for i in _lao_xiao_positions(norm) if (m := _LAO_NICK_RE.match(norm, i)) is not None):
                nick = m.group("name")
                if nick in _LAO_NOT_NICK or self._freq.get(norm[m.start() : m.end() + 1], 0) != 0:
                    continue
                if nick[0] == "小" and (self._freq.get(nick, 0) >= 100 or self._tags.get(nick, "").startswith(("d", "a", "v", "m"))):
                    continue  # 小米, 小马, 小白: words; 小董 21, 小周 3 name a junior colleague
                if nick[0] == "老" and norm[m.start() - 1 : m.start()] == "的" and self._freq.get(nick, 0) >= 100:
                    continue  # 我的老乡, 他的老师: after 的 only a pair that is no word
                if nick[0] == "老" and self._freq.get(nick, 0) >= 400:
                    continue  # 老师, 老人, 老板, 老公: words (老王 190, 老李 298 are what people call a Wang, a Li)
                out.append(self._result(*m.span("name"), 0.7, "lao_nick"))
        for m in _GIVEN_ALONE_RE.finditer(norm):
            if self._freq.get(m.group("name"), 0) <= 5:
                out.append(self._result(*m.span("name"), 0.7, "given_alone"))
        if not _KIN_TITLE_CHARS.isdisjoint(norm) or "舅" in norm or "伯" in norm:
            out += [self._result(*m.span("name"), 0.7, "given_kin_title") for m in _GIVEN_KIN_TITLE_RE.finditer(norm)
                    if self._given_kin_title_ok(m.group("name"))]
        if any(w in norm for w in _KIN_GIVEN_GATE):
            out += [self._result(*m.span("name"), 0.7, "kin_given") for m in _KIN_GIVEN_RE.finditer(norm, overlapped=True)
                    if self._kin_given_ok(norm, *m.span("name"))]
        if "阿" in norm:
            for m in _A_NICK_RE.finditer(norm):
                s, e = m.span("name")
                if (all(self._freq.get(norm[s:k], 0) == 0 for k in range(s + 2, min(len(norm), s + 5) + 1))
                        and norm[e : e + 1] not in _DRUG_NEXT and norm[s + 1] not in _KIN_SECOND):
                    out.append(self._result(s, e, 0.7, "a_nick"))
        if "我是" in norm or "这里是" in norm or "这边是" in norm:
            for m in _SELF_AFTER_PLACE_RE.finditer(norm):
                cand = m.group("name")
                listed = len(cand) == 3 and self._tags.get(cand, "").startswith("nr")  # 段正淳, 贾宝玉: jieba knows them
                if (cand[0] in _ANY_SURNAME_CHARS and (self._freq.get(cand, 0) == 0 or listed) and not _never_given(cand, self._freq)
                        and not _is_clinical(cand, norm[m.end() : m.end() + 3]) and (listed or not self._is_word(cand[1:]))):
                    out.append(self._result(*m.span("name"), 0.7, "self_after_place"))
        if not _KIN_TITLE_CHARS.isdisjoint(norm):
            for m in _KIN_TITLE_RE.finditer(norm):
                if self._freq.get(norm[m.start("name") : m.end("name") + 1], 0) < 5:
                    out.append(self._result(*m.span("name"), 0.7, "kin_title"))
        if "(" in norm or "（" in norm:
            for m in _HAN_THEN_LATIN_RE.finditer(norm):
                words = regex.split(r"[ \-]", m.group("name").lower())
                if not any(w in lexicon.EPONYMS_EN or w in lexicon.CLINICAL_VOCAB_EN or w in lexicon.CLINICAL_WORDS_EN
                           for w in (*words, " ".join(words))) and not (
                        words[-1].endswith(_LATIN_DRUG_ENDINGS) or norm[: m.start("name")].rstrip(" （(")[-1:] in lexicon.CHEMISTRY_CHARS):
                    # 卡比馬唑（Carbimazole）: a drug's name in Latin letters after its Chinese name
                    out.append(self._result(*m.span("name"), 0.7, "han_then_latin"))
        if "  " in norm or "\n" in norm or "|" in norm:
            for m in _SPACED_NAME_FIELD_RE.finditer(norm):
                joined = m.group("name").replace(" ", "")
                compound = joined[:2] in _COMPOUNDS and m.group("name")[2:3] == " " and len(joined) in (3, 4) and not (
                    _is_clinical(joined) or _never_given(joined, self._freq))
                if compound or (" " in m.group("name")[:2] and _MINORITY_NAME_RE.fullmatch(joined)):
                    out.append(self._result(*m.span("name"), 0.75, "spaced_name_field"))
        if "家" in norm:
            for m in _HOUSEHOLD_RE.finditer(norm):
                cand = m.group("name")
                if not (cand[0] in _ANY_SURNAME_CHARS or cand[:2] in _COMPOUNDS) or len(cand) == 2 and cand in _COMPOUNDS:
                    continue
                # 大 and 小 are given-name characters here as in _name_at (谷大勇, 王小红)
                never = any(ch in lexicon.NEVER_IN_GIVEN_NAME and ch not in "大小" for ch in cand[1:])
                if (self._freq.get(cand, 0) == 0 or self._tags.get(cand, "").startswith("nr")) and not (
                        _is_clinical(cand) or never or any(ch in _FUNCTION_CHARS for ch in cand)):
                    out.append(self._result(*m.span("name"), 0.7, "household"))
        for m in _LATIN_GIVEN_HAN_SURNAME_RE.finditer(norm):
            if m.group("name").split()[0].lower() not in lexicon.CLINICAL_VOCAB_EN:
                out.append(self._result(*m.span("name"), 0.75, "latin_given_han_surname"))
        if "名" in norm:
            out += [self._result(*m.span("name"), 0.8, "form_name_field") for m in _FORM_NAME_FIELD_RE.finditer(norm)
                    if regex.sub(r"[ \t　]", "", m.group("name")) not in _NOT_FORM_NAMES]
        if "@" in norm:
            for m in _PARENT_HANDLE_RE.finditer(norm):
                nick = m.group("nick")
                # the handle vouches for a pet name that is a word as well (小鱼, 团团), not for a
                # role, a pronoun or anything clinical (@医生妈妈, @我家妈妈)
                if (nick in _NOT_VOCATIVES or nick in _NOT_CHILD_NAMES or nick in _KIN_WORDS_OF_HANDLES or _is_clinical(nick)
                        or any(ch in _FUNCTION_CHARS for ch in nick) or self._freq.get(nick, 0) >= 1000):
                    continue
                for k in regex.finditer(regex.escape(nick), norm):
                    if norm[k.start() - 1 : k.start()] != "@":
                        out.append(self._result(k.start(), k.end(), 0.7, "parent_handle_nick"))
            for m in _AT_NAME_RE.finditer(norm):
                cand = m.group("name")
                if not (_is_clinical(cand) or self._is_word(cand) or _never_given(cand, self._freq)) and self._rare_ok(cand):
                    out.append(self._result(*m.span("name"), 0.75, "at_name"))
        if "\n" in norm and ("：" in norm or ":" in norm):
            out += self._speakers(norm)
            out += self._nick_labels(norm)
            out += self._latin_labels(norm)
            out += self._mixed_labels(norm)
            out += self._one_off_labels(norm)
        if "群" in norm:
            for m in _GROUP_ROLE_NAME_RE.finditer(norm):
                cand = m.group("name")
                # a clause after the role (群主会定期发布, 管理员负责审核) has a verb or an adverb in it
                clause = any(self._tags.get(cand[i : i + 2], "")[:1] in ("v", "d", "p", "c")
                             for i in range(len(cand) - 1))
                if not (clause or _is_clinical(cand) or cand in _NOT_VOCATIVES or any(w in cand for w in _NICK_LABEL_NOT_PRE)
                        or self._freq.get(cand, 0) >= 100):
                    out.append(self._result(*m.span("name"), 0.7, "group_role_name"))
            # 群主叶姐：大家别随便改剂量: the group's owner labelled by surname and a form of address;
            # the surname names her, as 孟老师 names 孟
            for m in _GROUP_ROLE_SURNAME_LABEL_RE.finditer(norm):
                out.append(self._result(*m.span("name"), 0.7, "group_role_name"))
        if "床" in norm:
            out += self._bed_roster(norm)
        if "\n" in norm:
            out += self._broken_compound(norm)
        if "你" in norm or "您" in norm:
            # only a line's start can open an address (晓明，你…): match there, not at every character
            for m in (m for i in _line_starts(norm) if (m := _VOCATIVE_RE.match(norm, i)) is not None):
                if self._pet_name_ok(m.group("name")) and all(ch in self._clause.given for ch in m.group("name")):
                    out.append(self._result(*m.span("name"), 0.7, "vocative"))
        if "我" in norm or "俺" in norm:
            for m in _SELF_NICK_RE.finditer(norm):
                if self._pet_name_ok(m.group("name")):
                    out.append(self._result(*m.span("name"), 0.7, "self_nick"))
        if "叫" in norm or "小名" in norm:
            out += [self._result(*m.span("name"), 0.7, "self_rank_nick") for m in _SELF_RANK_NICK_RE.finditer(norm)]
        if "：" in norm or ":" in norm:
            for m in _PET_PARENT_LABEL_RE.finditer(norm):
                cand = m.group("name")
                if self._pet_parent_ok(cand):
                    # the child is the same name wherever the chat writes it (患儿小米粒（大名…）)
                    out += [self._result(k.start(), k.end(), 0.7, "pet_parent_label") for k in regex.finditer(cand, norm)]
        if any(w in norm for w in _PARENT_AFTER_PRONOUN):
            for m in _NICK_PARENT_RE.finditer(norm):
                if self._pet_name_ok(m.group("name"), rustic=True):
                    out.append(self._result(*m.span("name"), 0.7, "nick_parent"))
        for m in _NAME_PARENT_RE.finditer(norm) if any(w in norm for w in _PARENT_WORDS) else ():
            cand = m.group("name")
            if self._pet_name_ok(cand) and (cand[0] == cand[1] or all(ch in self._clause.given for ch in cand)):
                if norm[m.end() + 2 : m.end() + 3] in ("：", ":") and self._freq.get(cand, 0) == 0:
                    # 佳怡爸爸：今天佳怡化疗…: a chat turn labelled by the child's name, which no dictionary
                    # knows; the child is the same name wherever the chat writes it
                    out += [self._result(k.start(), k.end(), 0.7, "name_parent_label") for k in regex.finditer(regex.escape(cand), norm)]
                else:
                    out.append(self._result(*m.span("name"), 0.7, "name_parent"))
            elif (cand[0] == cand[1] and cand not in _NOT_PET_DOUBLES and cand not in _NOT_CHILD_NAMES
                    and norm[m.end() + 2 : m.end() + 3] in ("：", ":") and self._freq.get(cand, 0) < 1000):
                # 安安妈妈：… labels a chat turn by the child's doubled pet name, which a dictionary may
                # know as a word (安安, 乐乐); the child is the same name wherever the chat writes it
                out += [self._result(k.start(), k.end(), 0.7, "name_parent_label") for k in regex.finditer(regex.escape(cand), norm)]
        if "叫" in norm:
            for m in _CHILD_WORD_NAME_RE.finditer(norm):
                if not _is_clinical(m.group("name")):
                    out.append(self._result(*m.span("name"), 0.7, "child_word_name"))
        if "是" in norm:
            for m in _CHILD_PARENT_RE.finditer(norm):
                if m.group("name") not in _NOT_CHILD_NAMES:
                    out.append(self._result(*m.span("name"), 0.7, "child_of_parent"))
        if "号" in norm or "ID" in norm or "床" in norm:
            for m in _NAME_AFTER_ID_RE.finditer(norm):
                cand = m.group("name")
                if (self._freq.get(cand, 0) == 0 and not _never_given(cand, self._freq)
                        and not _is_clinical(cand, norm[m.end() : m.end() + 3])):
                    out.append(self._result(*m.span("name"), 0.75, "after_id_value"))
        if "（" in norm or "(" in norm:
            for m in _LATIN_THEN_HAN_RE.finditer(norm):
                cand = m.group("name")
                if m.group("translit") is not None:
                    if _FOREIGN_RE.fullmatch(cand) and self._freq.get(cand, 0) < 500:  # Maria Gonzalez（玛丽亚）
                        out.append(self._result(*m.span("name"), 0.75, "latin_then_han"))
                elif self._freq.get(cand, 0) == 0 and not _is_clinical(cand):
                    out.append(self._result(*m.span("name"), 0.8, "latin_then_han"))
                    # the Latin name before it is the same person's (Zhang Yiran（张一然）, Kevin（梁家豪）)
                    lat = _LATIN_NAME_BEFORE_RE.search(norm, max(0, m.start() - 40), m.start())
                    if lat is not None:
                        words = lat.group("name").split()
                        while words and words[0].lower().rstrip(".") in _LATIN_NAME_OPENERS:
                            words.pop(0)
                        if words:
                            out.append(self._result(lat.end("name") - len(" ".join(words)), lat.end("name"), 0.75,
                                                    "latin_before_han"))
        if "Dr" in norm or "Prof" in norm or "Mr" in norm or "Ms" in norm or "Miss" in norm:
            for m in _LATIN_TITLE_SURNAME_RE.finditer(norm):
                s = m.start("name")
                e = m.end("name") if m.group("alone") is not None else self._name_at(norm, s)
                if e > s:
                    out.append(self._result(s, e, 0.8, "latin_title"))
            # a full name in its own script after the title, a rare or a traditional surname too
            # (Reported: 17-Mar-2026 by Dr. 區頌恩): two or three characters standing alone
            for m in _LATIN_TITLE_HAN_NAME_RE.finditer(norm):
                cand = m.group("name")
                if not (_is_clinical(cand) or any(ch in _FUNCTION_CHARS for ch in cand) or self._freq.get(cand, 0) >= 50):
                    out.append(self._result(*m.span("name"), 0.75, "latin_title_han_name"))
        if "家属" in norm or "陪" in norm:
            for m in _RELATIVE_PET_RE.finditer(norm):  # 家属小芳陪护: the relative by a pet name
                if self._pet_name_ok(m.group("name")):
                    out.append(self._result(*m.span("name"), 0.7, "family_pet_name"))
        marked_nick = "昵称" in norm or "大名" in norm or "学名" in norm
        xiao_nick = "小" in norm and ("（" in norm or "(" in norm)
        if marked_nick or xiao_nick:
            for m in (*(_NICK_MARKED_RE.finditer(norm) if marked_nick else ()),
                      *(_XIAO_NICK_RE.finditer(norm) if xiao_nick else ())):
                nick = m.group("nick")
                marked = m.groupdict().get("marked") is not None  # 小鹿（群昵称）: the text says it is a nickname
                # 小宝（大名谭子轩）: a word the gloss says is the child's other name (小宝, 小虎) is the pet name
                glossed = m.groupdict().get("glossed") is not None
                if glossed and not _is_clinical(nick) and not any(ch in _FUNCTION_CHARS for ch in nick):
                    out.append(self._result(*m.span("nick"), 0.75, "nick_marked"))
                    continue
                if not (_is_clinical(nick) or nick in _NOT_CHILD_NAMES or (self._freq.get(nick, 0) >= 50 and not marked)
                        or any(ch in _FUNCTION_CHARS for ch in nick)):
                    out.append(self._result(*m.span("nick"), 0.75, "nick_marked"))
        if "（" in norm or "(" in norm:
            out += [self._result(*m.span("nick"), 0.75, "nick_of_name") for m in _NICK_OF_NAME_RE.finditer(norm)]
            out += [self._result(*m.span("nick"), 0.75, "nick_of_name") for m in _SURNAME_NICK_OF_NAME_RE.finditer(norm)]
            out += [self._result(*m.span("nick"), 0.75, "nick_labelled") for m in _NICK_LABELLED_RE.finditer(norm)
                    if not _is_clinical(m.group("nick")) or self._freq.get(m.group("nick"), 0) < 5000]
        out += self._role_and_pet_names(norm)
        return out

    def _role_and_pet_names(self, norm: str) -> list[RecognizerResult]:
        """Names a cue word vouches for though the name is a word or has no surname: a clinician's
        role before their name or surname, a speaker's vocative, a patient's given name alone, a
        family's pet name and Hong Kong romanised names. Each pattern waits for a literal in the text."""
        out: list[RecognizerResult] = []
        if any(r in norm for r in ("医", "护士", "大夫", "药师", "主任", "技师", "治疗师")):
            for m in _ROLE_NAME_ACT_RE.finditer(norm):
                cand = m.group("name")
                tag = self._tags.get(cand, "")
                if (_is_clinical(cand) or any(ch in _FUNCTION_CHARS for ch in cand)
                        or tag.startswith(_ROLE_NAME_NOT_TAGS) or _never_given(cand)):
                    continue
                if cand[0] not in _SURNAME_CHARS and self._freq.get(cand, 0) >= 100 and not tag.startswith("nr"):
                    continue  # a rare surname's character opening a word (医生亲自查看) is no name
                out.append(self._result(*m.span("name"), 0.75, "role_name_act"))
            if any(v in norm for v in ("通知", "告知", "联系", "呼叫", "报告", "汇报", "转告", "请示")):
                for m in _NOTIFY_ROLE_NAME_RE.finditer(norm):
                    cand = m.group("name")
                    # whom a note told may be a word a clinical list holds too (甘露), not a common one
                    clinical = _is_clinical(cand) and (len(cand) > 2 or self._freq.get(cand, 0) >= 500)
                    if not (clinical or any(ch in _FUNCTION_CHARS for ch in cand) or _never_given(cand)
                            or self._tags.get(cand, "").startswith(("d", "ad", "p", "c", "r", "m", "u", "q", "f"))):
                        out.append(self._result(*m.span("name"), 0.75, "notify_role_name"))
            for m in _ROLE_SURNAME_RE.finditer(norm):
                if m.group("name") not in _ROLE_SURNAME_NOT:
                    out.append(self._result(*m.span("name"), 0.75, "role_surname"))
        if "：" in norm or ":" in norm:
            for m in _LABEL_VOCATIVE_RE.finditer(norm):
                cand = m.group("name")
                if cand in _ADDRESS_FORMS or cand in _NOT_VOCATIVES or _is_clinical(cand) or any(
                        ch in _FUNCTION_CHARS for ch in cand):
                    continue
                tag, freq = self._tags.get(cand, ""), self._freq.get(cand, 0)
                # before 你/您 a name jieba knows (向东, 海燕) or a word of given-name characters (远航) is
                # a name, but no way of addressing anyone (同志, 师傅); otherwise only a pair no dictionary knows
                if (m.group("you") and cand not in _ADDRESS_NOUNS and (tag.startswith("nr") or (
                        freq < 2000 and not tag.startswith(_ROLE_NAME_NOT_TAGS + ("t", "y", "e"))
                        and all(ch in self._clause.given for ch in cand)))
                        or freq == 0 and all(ch in _GIVEN_TYPICAL for ch in cand)):
                    out.append(self._result(*m.span("name"), 0.7, "label_vocative"))
        if "患" in norm or "病人" in norm or "产妇" in norm:
            for m in _PATIENT_GIVEN_RE.finditer(norm):
                cand = m.group("name")
                if self._freq.get(cand, 0) == 0 and all(ch in _GIVEN_TYPICAL for ch in cand) and not _is_clinical(cand):
                    out.append(self._result(*m.span("name"), 0.7, "patient_given"))
        if "家" in norm:
            for m in _FAMILY_PET_RE.finditer(norm):
                cand = m.group("name")
                # after 我家 a rare noun is the child's pet name too (糖豆 18), not a generic one (狗狗, 爸妈)
                rare_noun = (self._freq.get(cand, 0) < 100 and self._tags.get(cand, "n")[:1] == "n" and cand not in _GENERIC_FAMILY
                             and cand not in _NOT_CHILD_NAMES and cand not in _KIN_WORDS_OF_HANDLES and not _is_clinical(cand)
                             and not any(ch in _FUNCTION_CHARS for ch in cand))
                if cand not in _GENERIC_FAMILY and (self._pet_name_ok(cand) or rare_noun):
                    out.append(self._result(*m.span("name"), 0.7, "family_pet"))
        for m in (m for i in _line_starts(norm) if (m := _DOUBLED_PET_RE.match(norm, i)) is not None):
            cand = m.group("name")
            if cand not in _NOT_PET_DOUBLES and not _is_clinical(cand) and cand[0] not in _FUNCTION_CHARS:
                out.append(self._result(*m.span("name"), 0.7, "doubled_pet"))
        if "床" in norm and "\n" in norm:
            rows = list(_BED_LIST_ROW_RE.finditer(norm))
            for m in rows if len(rows) >= 2 else ():
                cand = m.group("name")
                tag = self._tags.get(cand, "")
                # a ward status (出院 n 166, 空床) in the name's slot: common nouns other than names and places
                common_noun = tag[:1] == "n" and tag[:2] not in ("nr", "ns", "nz") and self._freq.get(cand, 0) >= 100
                if not (_is_clinical(cand) or cand in _NOT_FORM_NAMES or cand in _WARD_STATUS or common_noun
                        or any(ch in _FUNCTION_CHARS for ch in cand)
                        or tag[:1] in ("v", "d", "a", "p", "c", "r", "m", "q", "f", "t", "u")):
                    out.append(self._result(*m.span("name"), 0.7, "bed_list_row"))
        if "-" in norm:
            out += [self._result(*m.span("name"), 0.8, "hk_romanised") for m in _HK_NAME_RE.finditer(norm)]
        if " " in norm and not _ROMAN_SURNAME_FIRST.isdisjoint(norm):
            # Lim Boon Heng, Tan Mei Ling: a Singapore, Malaysia or Hong Kong surname, then the given
            # name's two syllables, each capitalised
            out += [self._result(*m.span("name"), 0.75, "roman_three") for m in _ROMAN_THREE_RE.finditer(norm)
                    if all(_ROMAN_SYLLABLE_RE.fullmatch(w.lower()) for w in m.group("given").split())]
        if "男" in norm or "女" in norm or "岁" in norm:
            out += self._sex_age_triples(norm)
        return out

    def _sex_age_triples(self, norm: str) -> list[RecognizerResult]:
        """A two- or three-character run before `，男，5岁` or `（女，3岁`, opening a line, a field or a
        sentence or right after 患者: the triple names the patient whatever the run is."""
        out: list[RecognizerResult] = []
        for ch in "男女":
            i = norm.find(ch)
            while i >= 0:
                if _SEX_AGE_AFTER_RE.match(norm, i):
                    j = i - 1
                    while j >= 0 and norm[j] == " ":
                        j -= 1
                    if j >= 2 and norm[j] in "，,（(":
                        for n in (2, 3):
                            s = j - n
                            cand = norm[s:j]
                            if s < 0 or not all("\u4e00" <= c <= "\u9fff" for c in cand):
                                continue
                            if not (s == 0 or norm[s - 1] in _TRIPLE_NAME_START or norm[max(0, s - 2) : s] in _TRIPLE_CUES):
                                continue
                            if (cand in _NOT_TRIPLE_NAMES or cand in _NOT_FORM_NAMES or cand in _SPEAKER_NOT_NAMES or _is_clinical(cand)
                                    or any(c in _FUNCTION_CHARS for c in cand) or cand.endswith("族")
                                    or self._common_noun(cand, cued=norm[max(0, s - 2) : s] in _TRIPLE_CUES)):
                                break
                            out.append(self._result(s, j, 0.75, "sex_age_triple"))
                            break
                i = norm.find(ch, i + 1)
        # 雍和平（96岁）: a run, then only the age in brackets
        i = norm.find("岁")
        while i >= 0:
            m = _BRACKET_AGE_BEFORE_RE.search(norm, max(0, i - 6), i + 1)
            if m is not None and m.end() == i + 1 and norm[i + 1 : i + 2] in ("）", ")"):
                self._triple_name(norm, m.start(), out)
            i = norm.find("岁", i + 1)
        return out

    def _common_noun(self, cand: str, cued: bool = False) -> bool:
        """A heading rather than a name before a sex and an age (口腔，女，5岁: a body part, a verb, a
        time word); words that are names too (平安, 星辰) are rarer or adjectives. After 患者 (患者向前，
        男，12岁) only a complaint or a word opening a longer run is no name."""
        tag, freq = self._tags.get(cand, ""), self._freq.get(cand, 0)
        if len(cand) == 3 and self._is_word(cand):
            return True  # 患者精神可，女，45岁: a word opens the run
        if cand[-1] in _SYMPTOM_LAST:
            return True  # 腹痛，男，45岁: a complaint as a heading
        if cued:
            return False
        return (tag.startswith("n") and not tag.startswith("nr") and freq >= 300) or (
            freq >= 100 and tag[:1] in ("v", "d", "p", "c", "r", "m", "q", "f", "t", "u"))

    def _triple_name(self, norm: str, j: int, out: list[RecognizerResult]) -> None:
        """The two- or three-character run that ends at `j` (a bracket before an age), if a line, a
        field or 患者 opens it."""
        for n in (2, 3):
            s = j - n
            cand = norm[s:j]
            if s < 0 or not all("\u4e00" <= c <= "\u9fff" for c in cand):
                continue
            if not (s == 0 or norm[s - 1] in _TRIPLE_NAME_START or norm[max(0, s - 2) : s] in _TRIPLE_CUES):
                continue
            # 和 is a given-name character too (雍和平), only not the first
            if not (cand in _NOT_TRIPLE_NAMES or cand in _NOT_FORM_NAMES or cand in _SPEAKER_NOT_NAMES or _is_clinical(cand)
                    or cand[0] in _FUNCTION_CHARS or any(c in _FUNCTION_CHARS and c != "和" for c in cand) or cand.endswith("族")
                    or self._common_noun(cand, cued=norm[max(0, s - 2) : s] in _TRIPLE_CUES)):
                out.append(self._result(s, j, 0.75, "name_age_bracket"))
            return

    def _speakers(self, norm: str) -> list[RecognizerResult]:
        """Names that open the lines of a chat (马建军：发我看看 / 包钢：好的 谢谢), where someone speaks
        twice (a list of headings has no repeated label). A surname and a given name no dictionary
        knows is a speaker's name; a word (包钢) only when it speaks twice and is a rare one. Roles
        (医生：, 家属：, 随访员：) open no surname and stay."""
        labels = [lab.strip().split("】")[-1] for lab in _SPEAKER_LINE_RE.findall(norm)]
        out: list[RecognizerResult] = self._screenshot_senders(norm)
        if len(labels) >= 2 and any(any(t in lab for t in _CLINICIAN_LABEL_WORDS) for lab in labels):
            # a clinician answers at the start of a line: a consultation chat even when no one speaks
            # twice; its other speakers' 阿强：, 老汤：, junhao： are people's names
            out += self._chat_nicknames(norm)
        if len(labels) == len(set(labels)):
            return out + self._screen_labels(norm, labels)  # no one speaks twice: a list of headings, not a chat
        if not out:
            out += self._chat_nicknames(norm)
        out += self._screen_labels(norm, labels)
        found = [m for m in _SPEAKER_RE.finditer(norm) if m.group("name")[0] in _ANY_SURNAME_CHARS
                 or m.group("name")[:2] in _COMPOUNDS]
        counts: dict[str, int] = {}
        for m in found:
            counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
        for m in found:
            cand = m.group("name")
            if _is_clinical(cand) or _never_given(cand, self._freq) or cand in _SPEAKER_NOT_NAMES:
                continue
            if len(cand) == 4 and cand[:2] not in _COMPOUNDS:
                continue  # four characters make a name only with a two-character surname (欧阳娜娜)
            if cand.endswith(_CUT_TITLES) or any(t in cand for t in ("医生", "护士", "主任", "老师", "家属", "患者")):
                continue  # 赫连雪护士：, 王医生：: the title rule's business
            freq = self._freq.get(cand, 0)
            if not (freq == 0 or self._tags.get(cand, "").startswith("nr") or (counts[cand] >= 2 and freq < 100)):
                continue
            out.append(self._result(*m.span("name"), 0.7, "speaker"))
        return out

    def _screen_labels(self, norm: str, labels: list[str]) -> list[RecognizerResult]:
        """Screen names as a chat's turn labels: four to eight Han characters that open two turns or
        more (阳光小雨：, 风中的蒲公英：) and are no role, heading, clinical or dictionary word, wherever
        the chat writes them; a label in Latin letters joined by an underscore (Dr_许：) where the
        chat has another label."""
        out: list[RecognizerResult] = []
        counts: dict[str, int] = {}
        for m in _SCREEN_LABEL_RE.finditer(norm):
            counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
        if len(set(labels)) < 2 and len(counts) < 2:  # (a label after a bracketed time is in counts only)
            return out
        talkers = sum(1 for n in counts.values() if n >= 2)
        chat_said = talkers >= 2 and any(_CHAT_TURN_RE.search(norm[m.end() : norm.find("\n", m.end()) % (len(norm) + 1)])
                                         for m in _SCREEN_LABEL_RE.finditer(norm))
        for cand, n in counts.items():
            # (a word that opens clinical phrases may open a screen name: 阳光小雨, so no prefix veto)
            if n < 2 or any(w in cand for w in _SCREEN_LABEL_NOT_WORDS):
                continue
            if len(cand) < 4:
                # 大熊：, 小鱼儿：: a nickname's shape, no kin word, where two members speak twice or more
                if (talkers < 2 or not _SHORT_SCREEN_RE.fullmatch(cand) or cand[1] in _SHORT_SCREEN_NOT_SECOND
                        or cand in _LAO_NOT_SPEAKER or cand in _NOT_CHILD_NAMES or cand in _ADDRESS_NOUNS
                        or cand in lexicon.ROLE_WORDS_ZH or self._freq.get(cand, 0) >= 100
                        or self._tags.get(cand, "").startswith(_NOT_NAME_TAGS) or _is_clinical(cand)):
                    continue
            elif self._freq.get(cand, 0):
                continue
            turns = regex.findall(rf"(?m)^[ \t]*{_LABEL_PREFIX}{regex.escape(cand)}[ \t]*[：:](.*)$", norm)
            if not any(_CHAT_TURN_RE.search(t) for t in turns) and not (chat_said and _KIN_HANDLE_RE.search(cand)):
                continue  # a heading's lines (急性心梗：溶栓) say nothing as a person would
                # (a relative's handle, 翠花她闺女：透了, may only answer in a chat whose other turns talk)
            out += [self._result(k.start(), k.end(), 0.7, "screen_label") for k in regex.finditer(regex.escape(cand), norm)]
            if (kin := _KIN_HANDLE_RE.search(cand)) is not None and kin.start() >= 2:
                # 翠花她闺女：… / 老王头：翠花今天透析了吗: the relative's handle names 翠花, who is talked about too
                part = cand[: kin.start()]
                out += [self._result(k.start(), k.end(), 0.7, "screen_label") for k in regex.finditer(regex.escape(part), norm)
                        if not norm.startswith(cand, k.start())]
        for m in _UNDERSCORE_LABEL_RE.finditer(norm):
            if regex.search(r"[\u4e00-\u9fff]", m.group("name")):
                out.append(self._result(*m.span("name"), 0.7, "underscore_label"))
        return out

    def _one_off_labels(self, norm: str) -> list[RecognizerResult]:
        """A chat member's label with a screen name's shape (see `_ONE_OFF_LABEL_RE`), even where the
        member speaks once, in a text of two turns or more; wherever the chat writes it."""
        out: list[RecognizerResult] = []
        if len(_CHAT_LINE_RE.findall(norm)) < 2:
            return out
        for m in _ONE_OFF_LABEL_RE.finditer(norm):
            cand = m.group("name")
            if any(w in cand for w in _SCREEN_LABEL_NOT_WORDS):
                continue  # 📌温馨提示：, ⚠️注意事项：: a heading with an emoji
            if _LABEL_NOTE_ABOUT_NAME_RE.search(cand):
                cand = regex.split(r"[（(]", cand, maxsplit=1)[0]  # 小鹿（群昵称）：the note says what the name is
            # (@阿珍（透析8年） 少吃香蕉: the name as the chat shows it; 🌻向日葵： is @向日葵 too)
            bare = regex.sub(r"^[^\u4e00-\u9fffA-Za-z0-9_]+", "", cand)
            if bare != cand and not _talks(norm, m.end()) and (cand[0] in _CHECK_MARKS or not any(
                    _talks(norm, k.end()) for k in _CHAT_LINE_RE.finditer(norm))):
                continue  # ✅已完成：抽血, ❌未完成：CT检查: a checklist's mark and item, whose line says nothing
            for name in {cand, bare} if len(bare) >= 2 else {cand}:
                out += [self._result(k.start(), k.end(), 0.7, "one_off_label") for k in regex.finditer(regex.escape(name), norm)]
        if _CHAT_HEADER_RE.match(norm) and any(_CHAT_TURN_RE.search(norm, m.end(), _line_end(norm, m.end()))
                                                for m in _CHAT_LINE_RE.finditer(norm)):
            out += self._header_chat_labels(norm)
        return out + self._free_one_off_labels(norm)

    def _free_one_off_labels(self, norm: str) -> list[RecognizerResult]:
        """A chat member's free screen name that opens a single turn (无糖可乐：…, 棉花糖阿姨：…, 暖阳里的猫：…),
        where two turns or more talk as people do: four to ten Han characters no dictionary knows as one
        word, no role, heading, field, question or clinical word, whose own turn talks too. (Screen
        names that open two turns are `_screen_labels`'; a record's field labels say nothing as a person
        would, and the dictionary and the word lists keep 病情描述： or 想得到怎样的帮助： out.)"""
        if sum(1 for m in _CHAT_LINE_RE.finditer(norm) if _talks(norm, m.end())) < 2:
            return []  # fewer than two labelled lines that talk: a form or a list of headings
        talking = [m for m in _FREE_LABEL_RE.finditer(norm) if _talks(norm, m.end())]
        out: list[RecognizerResult] = []
        for m in talking:
            cand = m.group("name")
            if (self._freq.get(cand, 0) or any(w in cand for w in _SCREEN_LABEL_NOT_WORDS)
                    or any(w in cand for w in _CLINICIAN_LABEL_WORDS) or any(w in cand for w in _FREE_LABEL_NOT_WORDS)
                    or cand.endswith(FIELD_LABEL_ENDS) or cand.endswith(_CUT_TITLES) or _is_clinical(cand)
                    or cand[-1] in _DRUG_NEXT or cand.endswith(lexicon.DRUG_ENDINGS_ZH)):
                continue
            out.append(self._result(*m.span("name"), 0.7, "free_one_off_label"))
        return out

    def _header_chat_labels(self, norm: str) -> list[RecognizerResult]:
        """In a chat export under its group's name, every member's label is a handle, even a kin word
        (二姐：, 妈：) or a nickname that speaks once (阿飞：, 胖虎：); not a role, a field or a word."""
        out: list[RecognizerResult] = []
        seen: set[str] = set()
        turns: dict[str, int] = {}
        for m in _HEADER_CHAT_LABEL_RE.finditer(norm):
            turns[m.group("name")] = turns.get(m.group("name"), 0) + 1
        for m in _HEADER_CHAT_LABEL_RE.finditer(norm):
            cand = m.group("name")
            if cand in seen or len(cand) == 1 and not _KIN_LABEL_RE.fullmatch(cand):
                continue
            seen.add(cand)
            if not _KIN_LABEL_RE.fullmatch(cand):
                freq = self._freq.get(cand, 0)
                if (any(w in cand for w in _SCREEN_LABEL_NOT_WORDS) or any(w in cand for w in _CLINICIAN_LABEL_WORDS)
                        or cand in lexicon.ROLE_WORDS_ZH or cand in _ADDRESS_NOUNS or cand in _LAO_NOT_SPEAKER
                        or cand in _SPEAKER_NOT_NAMES
                        or cand.endswith(FIELD_LABEL_ENDS) or cand.endswith(_CUT_TITLES) or _is_clinical(cand)
                        # a word only as a label that opens two turns (铁牛：… 铁牛：…; not 附言：)
                        or (freq > 0 and not self._tags.get(cand, "").startswith("nr") and (freq >= 100 or turns[cand] < 2))
                        or "群" in cand
                        or len(cand) >= 3 and (cand[-1] in _DRUG_NEXT or cand[-1] == "胍" or cand.endswith(lexicon.DRUG_ENDINGS_ZH))
                        or self._tags.get(cand, "").startswith(_NOT_NAME_TAGS)):
                    continue
            out += [self._result(k.start(), k.end(), 0.7, "header_chat_label")
                    for k in regex.finditer(rf"(?m)(?<=^[ \t]*{_LABEL_PREFIX}){regex.escape(cand)}(?=[ \t]*[：:])", norm)]
            if not _KIN_LABEL_RE.fullmatch(cand):
                # the member as the others write them (晓东：… / 妈：晓东你到了吗)
                out += [self._result(k.start(), k.end(), 0.7, "header_chat_label") for k in regex.finditer(regex.escape(cand), norm)]
        return out

    def _latin_labels(self, norm: str) -> list[RecognizerResult]:
        """A chat in Chinese whose members' labels are Latin names (Cathy：, Kelvin Wong：, Ka Yan：,
        Jenny 黄：, Amy_Lin：): where two turns or more open with a label, a label whose words are an
        English given name, a romanised surname after a given name, or romanised syllables alone
        (two of them or more: Ah Keung), with perhaps a Han surname after them, is the member's name.
        A role, a field or a greeting (Dr：, Patient：, Note：, Hi：) is none."""
        found = list(_LATIN_LABEL_RE.finditer(norm))
        if not found or len({m.start() for m in _LABEL_LINE_RE.finditer(norm)} | {m.start() for m in found}) < 2:
            return []
        turns = [norm[m.end() : norm.find("\n", m.end()) % (len(norm) + 1)] for m in found]
        if not any(_CHAT_TURN_RE.search(t) or _CANTONESE_TURN_RE.search(t) for t in turns):
            return []  # field labels (Mark：右侧, Site：左臂) say nothing as a person would
        out: list[RecognizerResult] = []
        for m in found:
            words = regex.split(r"[ _]", m.group("words"))
            low = [w.lower() for w in words]
            if any(w in _LATIN_LABEL_NOT_WORDS for w in low):
                continue
            han = m.group("han")
            if han is not None and han not in _ANY_SURNAME_CHARS:
                continue
            english = words[0] in _english_given_names()
            roman = all(_ROMAN_SYLLABLE_RE.fullmatch(w) for w in low)
            surname_last = len(words) >= 2 and (words[-1] in _HK_SURNAMES or _ROMAN_SYLLABLE_RE.fullmatch(low[-1]) is not None)
            if english and (len(words) == 1 or surname_last) or roman and (len(words) >= 2 or han is not None):
                out.append(self._result(*m.span("name"), 0.7, "latin_label"))
        return out

    def _mixed_labels(self, norm: str) -> list[RecognizerResult]:
        """A chat member's label of mixed shape (see `_MIXED_LABEL_RE`) where two turns or more open
        with a label and some turn talks as a person would: a Han nickname or kin word with an English
        given name or romanised syllables after it, a kin word with a name (a surname and a given
        name, or 小/阿 and one character), an English name and 仔/妹, 老 and a surname with the note a
        patients' group asks for; a name with an emoji after it where it opens two turns. A role or a
        heading (家属 Amy：, 提醒🔔：) is none."""
        found = list(_MIXED_LABEL_RE.finditer(norm))
        if not found:
            return []
        lines = {_line_start(norm, m.start()): m.end() for m in _CHAT_LINE_RE.finditer(norm)}
        for other in (found, _LATIN_LABEL_RE.finditer(norm)):  # (labels with a space: 家怡 Ka Yi：, Wendy 陳：)
            lines.update({_line_start(norm, m.start()): m.end() for m in other})
        if len(lines) < 2 or not any(_talks(norm, e) for e in lines.values()):
            return []
        counts: dict[str, int] = {}
        for m in found:
            counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
        out: list[RecognizerResult] = []
        seen: set[str] = set()
        for m in found:
            cand = m.group("name")
            if cand in seen:
                continue
            seen.add(cand)
            han = m.group("han") or m.group("emo") or ""
            if han and (any(w in han for w in _SCREEN_LABEL_NOT_WORDS) or any(w in han for w in _CLINICIAN_LABEL_WORDS)
                        or _is_clinical(han) or han.endswith(FIELD_LABEL_ENDS)):
                continue
            if m.group("lat") is not None:
                words = m.group("lat").split(" ")
                low = [w.lower() for w in words]
                if any(w in _LATIN_LABEL_NOT_WORDS for w in low):
                    continue
                if not (words[0] in _english_given_names() or all(_ROMAN_SYLLABLE_RE.fullmatch(w) for w in low)):
                    continue
            elif m.group("hname") is not None:
                hn = m.group("hname")
                if not (han.endswith(_MIXED_KIN_END) or _KIN_LABEL_RE.fullmatch(han)):
                    continue
                if not (hn[0] in _ANY_SURNAME_CHARS or hn[0] in "小阿" and len(hn) == 2) or _is_clinical(hn):
                    continue
            elif m.group("eng") is not None:
                if m.group("eng") not in _english_given_names():
                    continue
            elif m.group("emo") is not None:
                # 小雨点🌧：… twice, and its turns talk; not a heading's (重要❗：空腹抽血)
                if counts[cand] < 2 or not any(_talks(norm, k.end()) for k in found if k.group("name") == cand):
                    continue
            elif m.group("lao") not in lexicon.SURNAMES_1 or "老" + m.group("lao") in _LAO_NOT_SPEAKER:
                continue
            out += [self._result(k.start(), k.end(), 0.7, "mixed_label") for k in regex.finditer(regex.escape(cand), norm)]
        return out

    def _pet_parent_ok(self, cand: str) -> bool:
        """小米粒 of 小米粒妈妈：, 阿福 of 阿福爸爸：: a pet name of 小 or 阿, no word of its own."""
        return (cand[1] not in _NICK_NOT_SECOND and cand[1:] not in _NOT_CHILD_NAMES and not _is_clinical(cand)
                and self._freq.get(cand, 0) < 50)

    def _nick_labels(self, norm: str) -> list[RecognizerResult]:
        """Screen names of a chat's members as its turns' labels (小雨妈妈：, 胖虎爸爸：, 向日葵姐姐：,
        阳光老李：) where two turns or more open with a label: the whole label is the member's name,
        wherever the chat writes it. A role or a relation before the parent word (孩子妈妈：,
        患者家属：) or a clinician's title (护士老李：) is no screen name."""
        if len(_LABEL_LINE_RE.findall(norm)) < 2:
            return []
        out: list[RecognizerResult] = []
        for m in _TITLED_XIAO_LABEL_RE.finditer(norm):
            cand = m.group("name")
            if cand[1] in lexicon.SURNAMES_1 and cand not in _LAO_NOT_SPEAKER and cand not in _LAO_NOT_NICK:
                out.append(self._result(*m.span("name"), 0.7, "titled_label"))
        for m in _NICK_LABEL_RE.finditer(norm):
            cand = m.group("name")
            if m.group("oldman") is not None:
                if m.group("oldman") in lexicon.SURNAMES_1:  # 老王头：, not 老实头 or 老毛病
                    out += [self._result(k.start(), k.end(), 0.7, "nick_label") for k in regex.finditer(regex.escape(cand), norm)]
                continue
            pet = m.group("pet")
            pre = pet or m.group("pre")
            if any(w in pre for w in _NICK_LABEL_NOT_PRE) or pre in _NOT_VOCATIVES or pre in _SPEAKER_NOT_NAMES:
                continue
            if m.group("kin") in ("妈", "爸") and not pet and pre[0] != pre[-1]:
                continue  # 果果爸：, but 张大妈： is a surname and a form of address
            if m.group("kin") is not None and pre[0] in "小阿" and self._pet_parent_ok(pre):
                continue  # 阿福爸爸：: the child's pet name is the pet-parent rule's (阿福)
            if m.group("sur") is not None:
                # a word and 老 with a surname reads as a screen name whatever the word (阳光老李：)
                if m.group("sur") not in lexicon.SURNAMES_1 or "老" + m.group("sur") in _LAO_NOT_SPEAKER:
                    continue
            elif _is_clinical(pre) or _is_clinical(cand):
                continue
            out += [self._result(k.start(), k.end(), 0.7, "nick_label") for k in regex.finditer(regex.escape(cand), norm)]
            out += self._label_pets(norm, {pre[:2], (m.group("d2") or "") * 2})
        return out

    def _label_pets(self, norm: str, names: set[str]) -> list[RecognizerResult]:
        """A child's doubled pet name inside a parent's chat label (糖糖麻麻, 甜甜的外婆) is the child
        wherever the chat writes it (糖糖今天尿量…)."""
        return [self._result(k.start(), k.end(), 0.7, "label_pet") for name in names
                if len(name) == 2 and name[0] == name[1] and name not in _NOT_PET_DOUBLES and name not in _NOT_CHILD_NAMES
                for k in regex.finditer(name, norm)
                if not (name[0] in _STATE_DOUBLE_CHARS and norm[k.end() : k.end() + 1] in ("的", "地")
                        and "\u4e00" <= norm[k.start() - 1 : k.start()] <= "\u9fff")]

    def _broken_compound(self, norm: str) -> list[RecognizerResult]:
        """A form or a scan breaks the line inside a name after its two-character surname (患者：欧阳
        ↵晓丽, 姓 名：万俟↵雪): the surname after a person field, the break, one or two given-name
        characters up to a gap or a pause make one name."""
        out: list[RecognizerResult] = []
        for m in (*_BROKEN_COMPOUND_RE.finditer(norm), *_BROKEN_SINGLE_RE.finditer(norm)):
            given = m.group("name").split("\n")[1]
            if all(ch in self._clause.given for ch in given) and not _is_clinical(given):
                out.append(self._result(*m.span("name"), 0.7, "broken_compound"))
        return out

    def _no_listed_name(self, cand: str) -> bool:
        """What a roster or a screenshot lists by a bed or a clock yet names no one: a clinical word,
        a speaker's role or a vocative. A word that opens clinical phrases elsewhere (高峰期, 夏天易中暑)
        stands alone there; the dictionary's name or time words pass, its findings (高热 a, 黄疸 n) do not."""
        clinical = _is_clinical(cand) and self._tags.get(cand, "") not in ("nr", "nrfg", "t")
        return clinical or cand in _SPEAKER_NOT_NAMES or cand in _NOT_VOCATIVES

    def _bed_roster(self, norm: str) -> list[RecognizerResult]:
        """A handover's roster of beds (12床高峰，…；13床夏天，…): where two beds or more are listed
        each with what follows a pause, the word after a bed number that opens with a surname is
        the patient's name, even a word (高峰, 夏天), wherever the handover writes it; a clinical
        word (12床高热) or a time or role word (3床今日, 5床患者) is not. In a list of two beds or more, a
        surname alone before a bracket (41床 钟（术后）) is the patient's too."""
        found = list(_BED_NAME_RE.finditer(norm))
        out: list[RecognizerResult] = []
        if len(_BED_NUMBER_RE.findall(norm)) >= 2:
            # 41床 钟（术后）: a surname alone before a bracket, in a list of beds (that spot only: the
            # character elsewhere is any word's)
            out += [self._result(*m.span("name"), 0.7, "bed_roster_surname") for m in _BED_SURNAME_RE.finditer(norm)
                    if m.group("name") not in _BED_NOT_CHARS]
        if len(found) < 2:
            return out
        for m in found:
            cand = m.group("name")
            if not (cand[0] in _ANY_SURNAME_CHARS or cand[:2] in _COMPOUNDS or cand in lexicon.MINORITY_NAME_PARTS):
                continue  # a Han surname opens it, or it is a Tibetan, Mongolian, Uyghur or Yi name (8床诺敏)
            if (self._no_listed_name(cand) or cand in _ADDRESS_FORMS
                    or any(ch in _BED_NOT_CHARS for ch in cand) or _never_given(cand, self._freq)):
                continue
            # the roster's name is the same patient where the handover opens a clause with it (高峰：PCI
            #术后…), not inside a phrase (晨间血压高峰)
            out += [self._result(k.start(), k.end(), 0.7, "bed_roster") for k in regex.finditer(cand, norm)
                    if k.start() == m.start("name") or not "\u4e00" <= norm[k.start() - 1 : k.start()] <= "\u9fff"]
        return out

    def _screenshot_senders(self, norm: str) -> list[RecognizerResult]:
        """A chat screenshot read back as text puts each sender alone on a line with the clock
        (海棠 22:41 / 诺敏 22:43): two such lines make the names senders, wherever the chat writes
        them. A time word (昨天 22:41, 下午 3:05) or a role (医生 09:12) is no sender."""
        found = [m for m in _SENDER_CLOCK_RE.finditer(norm) if _message_follows(norm, m.end())]
        if len(found) < 2:
            return []
        out: list[RecognizerResult] = []
        for cand in {m.group("name") for m in found}:
            if (self._no_listed_name(cand) or any(ch in _SENDER_NOT_CHARS for ch in cand)
                    or any(t in cand for t in _CLINICIAN_LABEL_WORDS) or self._activity(cand)):
                continue
            out += [self._result(k.start(), k.end(), 0.7, "screenshot_sender") for k in regex.finditer(cand, norm)]
            if cand[2:] in _PARENT_LABEL_WORDS:
                out += self._label_pets(norm, {cand[:2]})
        return out

    def _activity(self, cand: str) -> bool:
        """A day's schedule line rather than a screen name: four characters or more opening with a
        verb that is no word with the next character, then a dictionary word (去菜市场买菜, 接孙女放学;
        not 追风少年, 看海的人)."""
        return (len(cand) >= 4 and self._tags.get(cand[0], "").startswith("v") and not self._freq.get(cand[:2])
                and any(self._freq.get(cand[1 : 1 + k], 0) > 0 for k in (2, 3, 4)))

    def _chat_nicknames(self, norm: str) -> list[RecognizerResult]:
        """Speakers of a chat known by a nickname: 阿 and a given name no dictionary knows (阿强：, not
        阿姨：) or a rare word when the label speaks twice (阿明：), 老 and a surname (老汤：, not 老师： or 老公：), or a given name in lower-case pinyin
        (junhao：, yuqing：); each is the same name wherever the chat writes it."""
        out: list[RecognizerResult] = []
        counts: dict[str, int] = {}
        for m in _SPEAKER_RE.finditer(norm):
            counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
        for m in _SPEAKER_RE.finditer(norm):
            cand = m.group("name")
            if (len(cand) == 2 and cand[0] == "阿" and cand[1] in self._clause.given and cand[1] not in _KIN_SECOND
                    and (self._freq.get(cand, 0) == 0 or (counts[cand] >= 2 and self._freq.get(cand, 0) < 100
                                                          and cand[1] not in _NICK_NOT_SECOND))
                    and cand[1] not in lexicon.NOT_GIVEN_NAME_CHARS and not _is_clinical(cand)):
                out += [self._result(k.start(), k.end(), 0.7, "speaker") for k in regex.finditer(cand, norm)
                        if not self._freq.get(norm[k.start() : k.end() + 1], 0)]
            elif (len(cand) == 2 and cand[0] == "老" and cand[1] in lexicon.SURNAMES_1 and cand not in _LAO_NOT_NICK
                    and cand not in _LAO_NOT_SPEAKER):
                out += [self._result(k.start(), k.end(), 0.7, "speaker") for k in regex.finditer(cand, norm)]
            elif len(cand) == 2 and cand[0] == "小" and cand[1] in lexicon.SURNAMES_1 and cand not in _XIAO_NOT_SPEAKER:
                # 小何：, 小高：: 小 and a surname, as colleagues and friends call one another
                out += [self._result(k.start(), k.end(), 0.7, "speaker") for k in regex.finditer(cand, norm)]
        if any("a" <= ch <= "z" for ch in norm):
            for m in _PINYIN_SPEAKER_RE.finditer(norm):
                if m.group("name") not in _PINYIN_ROLE_LABELS:
                    out.append(self._result(*m.span("name"), 0.7, "speaker_pinyin"))
        return out

    def _given_kin_title_ok(self, cand: str) -> bool:
        """Both characters common in given names and the pair a name, a place-like name (建国) or a rare
        word, no everyday word (国家) and nothing clinical."""
        if (cand in _NOT_CHILD_NAMES or cand in _NOT_VOCATIVES or cand in _GENERIC_FAMILY or _is_clinical(cand)
                or any(ch in _FUNCTION_CHARS or ch in _KIN_SECOND for ch in cand)
                or not all(ch in self._name_given or ch in _GIVEN_TYPICAL for ch in cand)):
            return False
        freq = self._freq.get(cand, 0)
        return freq <= 100 or self._tags.get(cand, "")[:2] in ("nr", "ns", "nz")

    def _kin_given_ok(self, norm: str, s: int, e: int) -> bool:
        """Two characters after a relative's word are the relative's given name when both are common in
        given names (秀珍, 海燕, 晓东) and they make no everyday word (宝宝, 明天, 平时), or when 小 opens a
        pet name that is not a common word (小雨, not 小心); and the name does not go on (刘海|波)."""
        cand = norm[s:e]
        if (cand in _NOT_CHILD_NAMES or cand in _NOT_VOCATIVES or cand in _GENERIC_FAMILY or cand in _KIN_WORDS_OF_HANDLES
                or _is_clinical(cand, norm[e : e + 3]) or any(ch in _FUNCTION_CHARS for ch in cand)):
            return False
        freq = self._freq.get(cand, 0)
        if cand[0] == "小":
            if not (cand[1] in self._name_given or cand[1] in _GIVEN_TYPICAL) or freq >= 1000:
                return False
        elif not all(ch in self._name_given or ch in _GIVEN_TYPICAL for ch in cand) or (
                freq > 100 and not (self._tags.get(cand, "").startswith("nr") and freq < 200)):
            return False
        nxt = norm[e : e + 1]
        if nxt and (nxt in self._name_given or nxt in _GIVEN_TYPICAL) and self._freq.get(norm[e - 1 : e + 1], 0) < 100:
            return False  # 我老公刘海波: a three-character name goes on
        return not (nxt and self._common_word(norm[e - 1 : e + 1], 100))  # 我妈英语: the second character opens a word

    def _pet_name_ok(self, cand: str, rustic: bool = False) -> bool:
        """A given name or pet name standing alone (晓明, 小芳, 胖虎): no dictionary word (孩子, 各位),
        no character that never ends up in a name, nothing clinical. A `rustic` pet name before
        他妈/她爸 may be made of anything (狗蛋, 铁柱): the parent after it vouches for it."""
        freq = self._freq.get(cand, 0)
        if cand in _NOT_VOCATIVES or cand in _NOT_CHILD_NAMES or _is_clinical(cand):
            return False
        if freq >= 5 and not (self._tags.get(cand, "").startswith("nr") and freq < 60):
            return False  # 秀英 18, 志强 15 are given names jieba knows; 宝贝, 小宝, 丽丽 are words too
        if any(ch in _FUNCTION_CHARS for ch in cand):
            return False  # 他说他爸爸, 我是她妈妈: pronouns and verbs, not a name
        return rustic or not any(ch in lexicon.NEVER_IN_GIVEN_NAME for ch in cand)

    def _jieba_name(self, tok: str, text: str, pos: int) -> bool:
        """An out-of-vocabulary jieba token shaped like a name, with a person cue nearby.

        jieba's HMM invents many "words" (金标法, 易起, 周胎) and its dictionary tags plenty of
        ordinary words as `nr` (范畴, 安抚, 谢谢), so only OOV tokens count, and only when a
        person cue (患者, 医生, 先生, 电话, 岁 ...) sits within a few characters.
        """
        if not all("\u4e00" <= ch <= "\u9fff" for ch in tok) or self._freq.get(tok, 0) > 0:
            return False
        compound = tok[:2] in lexicon.SURNAMES_2
        given = tok[2:] if compound else tok[1:]
        n = len(tok)
        if not given or (n == 4 and not compound) or tok[-1] in lexicon.NOT_GIVEN_NAME_CHARS:
            return False
        if any(ch in lexicon.NEVER_IN_GIVEN_NAME for ch in given):
            return False
        if len(given) == 2 and self._common_word(given, 300):
            return False
        if _is_clinical(tok, text[pos + n : pos + n + 3]):
            return False
        if tok.endswith(lexicon.DRUG_ENDINGS_ZH):
            return False  # 佐米|曲普坦, 依那|普利: the end of a drug's name that jieba cut off
        if text[pos + n : pos + n + 1] in _DRUG_NEXT:
            return False  # 罗匹尼罗, 普拉克索: the start of a transliterated drug name
        if _GIVEN_DRUG_BEFORE.search(text, max(0, pos - 4), pos):
            return False  # 予曲马多口服, 给予甲钴胺: what is given or taken is a drug, not a person
        if _DOSE_AFTER.match(text, pos + n):
            return False  # 予利伐沙班15mg: a dose follows a drug, never a person
        window = text[max(0, pos - 10) : pos] + "|" + text[pos + n : pos + n + 10]
        return any(c in window for c in lexicon.PERSON_CONTEXT_ZH)

    def _two_surname_name(self, cand: str) -> bool:
        """陈林思远, 周吴悦然: a father's and a mother's surname before a two-character given name.

        Only after a cue and closed by punctuation; no part may be an everyday word (王府井大街
        is no name: 王府 is a word)."""
        if not (len(cand) == 4 and cand[0] in lexicon.SURNAMES_1 and cand[1] in lexicon.SURNAMES_1):
            return False
        if self._freq.get(cand, 0) or self._freq.get(cand[:2], 0) or self._freq.get(cand[1:3], 0):
            return False
        given = cand[2:]
        return not self._common_word(given, 1000) and not _is_clinical(cand) and not any(
            (ch in lexicon.NEVER_IN_GIVEN_NAME and ch not in "可如正然") or ch in lexicon.NOT_GIVEN_NAME_CHARS for ch in given)

    def _lone_surname(self, norm: str, s: int, bracket_closes: bool = True) -> bool:
        """A surname alone right after a cue, closing its field: 值班医生：翟  交班时间, 患者蒲，曾在,
        收款员：逯   2026年 (a form or a signature gives only the surname). The field must close at
        punctuation, a line end or a gap of two spaces; the character must be a common surname
        that is no everyday adjective (患者高，血压 is not meant)."""
        ch = norm[s : s + 1]
        if not ch or not (ch in lexicon.SURNAMES_1 or ch in self._rare_single):
            return False
        # 随访医生：解（心内科）: a field's value, then the clinician's department in brackets, is a
        # surname even when the character is an everyday word (解, 高, 单) elsewhere.
        if s > 0 and norm[s - 1] in "：:" and _LONE_DEPT_RE.match(norm, s + 1) is not None:
            return True
        if ch in _LONE_NOT_SURNAME:
            return False
        if (end := _LONE_END_RE.match(norm, s + 1)) is not None and (bracket_closes or end.group().strip(" \u3000") not in ("（", "(")):
            return True
        # 交班护士：罗 接班：吴佳: a field's value, then one space and the form's next label, closes the
        # field whatever the surname
        if s > 0 and norm[s - 1] in "：:" and _NEXT_LABEL_RE.match(norm, s + 1) is not None:
            return True
        # 诊治医生蹇 血尿酸, 送检医生晁 类风湿因子: one space closes the field when the character is
        # rarely anything but a surname (晁 262, 樊 299; not 李, 张, 高) and a word, not one more
        # character of a spaced name, comes after it.
        if self._freq.get(ch, 0) >= _LONE_SPACE_MAX_FREQ:
            return False
        # 心内科医生晏说可以出院, 请示上级医生覃后: the same rare surname before what the doctor did
        return (norm[s + 1 : s + 2] == " " and _LONE_AFTER_SPACE_RE.match(norm, s + 2) is not None) or (
            _LONE_ACTS_RE.match(norm, s + 1) is not None)

    def _word_named(self, norm: str, e: int, cand: str, s: int = 0) -> bool:
        """A name that is an everyday word (高山, 钱塘, 甘露, 林立) right after a person cue, vouched
        for by what follows: the sex, the age, 于 and a date, a record's next field or what the
        patient said (患者高山，男, 雍和平（96岁）, 患者高山于2026年3月1日, 患者钱塘 植入日期, 患者江山诉头晕). A verb or a noun
        after the cue (患者平素体健) has no such follower."""
        if self._tags.get(cand, "")[:1] in ("v", "d", "a", "p", "c", "m", "r", "t", "f"):
            return False  # 患者平安: an adjective or a verb, not a name
        if s > 0 and norm[s - 1] in "：:" and _FIELD_END_RE.match(norm, e):
            return True  # 陪护：高山 (end of the field): a form's value after a person's label
        return _WORD_NAME_FOLLOW_RE.match(norm, e) is not None

    def _is_word(self, cand: str) -> bool:
        """A common dictionary word (not a name) such as 高热, 白细胞, 左侧."""
        # a surname and 国 is an ancient state (吴国, 赵国, 韩国) and opens many names (吴国平, 赵国强): only
        # the whole is looked up there
        keys = (cand,) if cand[:2] in _COMPOUNDS or (len(cand) == 3 and cand[1] == "国") else (cand, cand[:2])
        # Names that made it into the dictionary have low counts (王英 76, 张建华 2) or a person
        # tag (李强 nrfg); jieba also tags some ordinary words `nr` (范畴 925), hence the cap.
        for k in keys:
            freq = self._freq.get(k, 0)
            if freq >= 100 and not (self._tags.get(k, "").startswith("nr") and freq < 500):
                return True
        return False
