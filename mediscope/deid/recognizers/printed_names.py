"""Names and numbers as labels, cards, imaging headers, phone screens and notes lay them out.

Text that comes out of a photo or a scan has a layout instead of sentences: a DICOM header dump
(`(0010,0010) PN [ZHAO^GUILAN]`), a name masked by the app that printed it (莫*婷, 王*明), a name
letter-spaced on a wristband before the sex and age (骆 小 北  男 36), a chat screen's title bar
with the contact's name between the back arrow and the call buttons (<  返回   珍珍不吃香菜   ···),
a label's `SURNAME, Given` before the sex and age. None of these has a cue word, and each shape is
specific enough to stand without one. The rules serve both languages (one list per language).
"""

from __future__ import annotations

import regex

from mediscope.deid import lexicon
from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.types import (
    AGE,
    CN_ID_CARD,
    DATE_TIME,
    DEVICE_ID,
    ID_NUMBER,
    LOCATION,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    SOCIAL_HANDLE,
)

_SURNAME = "(?:" + "|".join(lexicon.SURNAMES_2) + "|[" + "".join(sorted(lexicon.SURNAMES_1)) + "])"
_MASK = "[*＊○●]"
# Surnames that are no everyday word of place, time or direction before 某 (于某日, 向某处, 在某地, 其某).
_SURNAME_NO_WORD = "(?:" + "|".join(lexicon.SURNAMES_2) + "|[" + "".join(
    sorted(set(lexicon.SURNAMES_1) - set("于向从和与在其将对把以由为同及被给让比跟每各这那另该本"))) + "])"

# DICOM attributes that identify a person, by tag: what each holds.
_DICOM_TAGS = {
    PERSON: ("0010,0010", "0008,0090", "0008,1050", "0008,1070", "0032,1032", "0010,1060"),
    MEDICAL_RECORD_NUMBER: ("0010,0020", "0008,0050", "0010,1000", "0020,0010", "0038,0010"),
    DATE_TIME: ("0010,0030", "0008,0020", "0008,0021", "0008,0022", "0008,0023", "0008,0012", "0038,0020"),
    DEVICE_ID: ("0018,1000",),
    LOCATION: ("0010,1040",),
}


def _dicom_rule(entity: str, tags: tuple[str, ...]) -> Rule:
    alt = "|".join(regex.escape(t) for t in tags)
    return Rule(f"dicom_{entity.lower()}", entity,
                rf"\((?i:{alt})\)[ \t]*(?:[A-Z]{{2}}[ \t]*)?[\[:=][ \t]*(?P<phi>[^\]\n\t]*[^\]\s])[ \t]*\]?",
                0.9, needs=contains_any(*(f"({t}" for t in tags), *(f"({t.lower()}" for t in tags)), flags=0)


def _spaced_name_ok(value: str) -> bool:
    """A spaced field label (金 额, 单 价, 高 危) reads as a dictionary word once its gaps close; a
    name does not."""
    import jieba

    joined = "".join(value.split())
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    return not (freq.get(joined, 0) or (len(joined) == 3 and freq.get(joined[1:], 0) >= 1000))


def _signed_name_ok(value: str, max_freq: int = 300) -> bool:
    """A name that signs or heads a note, or fills a pharmacy's role box: no common dictionary word
    (谢谢, 完成) and no clinical word. A dash signature allows a commoner word (二柱 256) than a box
    or a heading line, where field words stand (小结, 无误: `_boxed_name_ok`)."""
    import jieba

    from mediscope.deid.recognizers.zh_names import _is_clinical

    value = value.strip()
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    if (freq.get(value, 0) >= max_freq or _is_clinical(value) or value.endswith(lexicon.TITLES_ZH)
            or value[-1] in _ADDRESS_ENDS):
        return False  # (王老师: the title rule takes the surname; 二柱 256 and 朵朵 44 are pet names)
    tokens = jieba.lcut(value, HMM=False)
    return len(tokens) == 1 or not any(len(tok) >= 2 and freq.get(tok, 0) >= 300 for tok in tokens)


def _boxed_name_ok(value: str) -> bool:
    return _signed_name_ok(value, max_freq=50)


# Field and heading words a template may wrap in underscores (_备注_：): no one's screen name.
_NOTE_LABELS = frozenset({"备注", "注意", "说明", "提示", "诊断", "处理", "医嘱", "标题", "内容", "回复", "问题", "答案", "结果",
                          "姓名", "日期", "时间", "地址", "电话", "主诉", "现病史", "既往史", "用法", "用量", "附件", "摘要"})


_FULL_NAME = regex.compile(rf"{_SURNAME}[\u4e00-\u9fff]{{1,2}}")
# The last character of a form of address (张嫂, 李姐, 王叔): the name rules keep the surname alone.
_ADDRESS_ENDS = "姐哥叔姨伯婆公妈爸嫂弟妹"


def _mention_ok(value: str) -> bool:
    """@马医生, @张姐, @姑姑 address a person by title or kinship (the name rules take the surname):
    only a screen name is a handle here."""
    from mediscope.deid.recognizers.zh_names import KINSHIP_WORDS

    core = value.lstrip("@")
    if _FULL_NAME.fullmatch(core):
        return False  # @周建平: a person's name, which the name rules report without the @
    return not (core.endswith(lexicon.TITLES_ZH) or core in KINSHIP_WORDS or core[-1] in _ADDRESS_ENDS)


def _decorated_label_ok(value: str) -> bool:
    import jieba

    jieba.dt.check_initialized()
    core = value.strip("~_")
    return core not in _NOTE_LABELS and jieba.dt.FREQ.get(core, 0) < 1000


# Two-character words that start like a pet name (小学, 阿姨): no one's name after a kin word.
_PET_NAME_WORDS = frozenset({"小学", "小时", "小便", "小孩", "小儿", "小姐", "小组", "小区", "小说", "小心", "小腿", "小指", "小肠", "小脑",
                             "小米", "小吃", "小麦", "小型", "小于", "小康", "小伙", "小号", "小名", "小事", "小病", "阿姨", "阿婆",
                             "阿公", "阿伯", "阿叔", "阿司"})
_LATIN_WORD = regex.compile(r"[A-Z][a-z]")


def _has_latin_word(text: str) -> bool:
    """A capital then a small letter somewhere: the least a Latin name needs (CT, MRI, B超 do not have it)."""
    return _LATIN_WORD.search(text) is not None


def _latin_word_and_bracket(text: str) -> bool:
    return ("（" in text or "(" in text) and _LATIN_WORD.search(text) is not None


def _han_transcription_ok(value: str) -> bool:
    """Chinese characters in brackets after a Latin name that are a name, not a gloss (Hope Clinic（医院）)."""
    import jieba

    jieba.dt.check_initialized()
    return not value.endswith(("医院", "诊所", "中心", "公司", "大学", "学院", "药房", "科", "病", "症", "籍", "族", "人", "工", "员",
                               "士", "师", "属", "官", "语", "文", "医生", "护士", "患者", "家属", "翻译")) and (
        value[0] in lexicon.SURNAMES_1 or jieba.dt.FREQ.get(value, 0) < 50)


def _masked_number_ok(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    stars = sum(ch in "*＊" for ch in value)
    return digits >= 4 and stars >= 4 and digits + stars >= 10


def _dicom_age_ok(value: str) -> bool:
    return value.isdigit() and int(value) >= 90


# The title bar of a chat screen: a back arrow (and 返回/Back), the contact's name, then the call
# and menu buttons or a member count. The name is the contact's screen name.
_CHAT_TITLE = (r"(?m)^[ \t]*[<〈←‹][ \t]*(?:返回|Back)?[ \t]{2,}(?P<phi>[^\s<〈←‹(（][^\n]{0,24}?)"
               r"(?:[ \t]*[(（]\d{1,3}[)）])?[ \t]{2,}(?:[·…⋮≡☰]|📞|📹|$)")


def _label_name_ok(value: str) -> bool:
    """Capitals on a label may be a heading (URGENT REVIEW, CBC, DIFF): a name's words are all in the
    name lists, or at least one is no English word; none is a clinical word or lacks a vowel (CBC)."""
    from mediscope.deid.recognizers.en_lexicon import all_person_names, english_words, is_english

    words = [w.lower() for w in regex.findall(r"[A-Za-z']+", value) if len(w) > 1]
    if not words or any(not regex.search(r"[aeiouy]", w) and w != "ng" for w in words):
        return False
    given, surnames = all_person_names()
    known = given | surnames
    if any((w in lexicon.CLINICAL_WORDS_EN or w in lexicon.CLINICAL_VOCAB_EN) and w not in known for w in words):
        return False
    vocab = english_words()
    return all(w in known for w in words) or any(not is_english(w, vocab) for w in words)


# Japanese surnames as Chinese text writes them, less those that are Chinese words or places too (中山, 金子,
# 小山, 原, 林, 森).
_JAPANESE_SURNAMES = (
    "佐佐木", "长谷川", "佐藤", "铃木", "高桥", "田中", "伊藤", "渡边", "山本", "中村", "小林", "加藤", "吉田", "山田", "山口",
    "松本", "井上", "木村", "清水", "山崎", "池田", "桥本", "阿部", "石川", "山下", "中岛", "石井", "前田", "冈田", "藤田",
    "后藤", "近藤", "村上", "远藤", "青木", "坂本", "斋藤", "福田", "西村", "藤井", "冈本", "藤原", "三浦", "原田", "松田",
    "竹内", "田村", "森田", "柴田", "酒井", "工藤", "横山", "宫崎", "宫本", "内田", "高木", "安藤", "岛田", "谷口", "丸山",
    "藤本", "村田", "武田", "杉山", "增田", "大塚", "菅原", "久保", "松井", "千叶", "岩崎", "樱井", "木下", "野口", "松尾",
    "菊地", "野村", "新井", "小野寺", "渡部",
)


# Labels a time follows that are no speaker's: a field, a day part.
_NOT_CHAT_SPEAKERS = frozenset({"时间", "日期", "今天", "昨天", "明天", "上午", "下午", "晚上", "早上", "中午", "凌晨", "夜间", "time", "date",
                                "today", "yesterday", "tomorrow", "start", "end", "from", "to", "at", "on", "am", "pm", "开始",
                                "结束", "预约", "复诊", "采血", "服药", "给药", "入院", "出院", "手术", "查房", "交班", "接班"})


def _chat_speaker_ok(value: str) -> bool:
    """A speaker before a time, not a field that holds a time (采血时间 12:30：, Start time 09:00:)."""
    # (a family chat's 細佬 10:32： is a relation)
    from mediscope.deid.recognizers.zh_names import KINSHIP_WORDS

    v = value.strip().lower()
    return (v not in _NOT_CHAT_SPEAKERS and v not in KINSHIP_WORDS and not v.endswith(("时间", "日期", "time", "date"))
            and not any(ch.isdigit() for ch in v))


# Capitalised words after a relative's word that are no name: an app, a drug, a place, a test.
_NOT_LATIN_NAMES = frozenset({"whatsapp", "wechat", "line", "facebook", "email", "iphone", "android", "app", "ok", "icu", "ct",
                              "mri", "covid", "hiv", "hpv", "uber", "grab", "google", "zoom", "teams", "skype", "panadol"})


_COUNT_BEFORE_LIST = regex.compile(r"\d[ ]?(?:人|名|例)[（(：:]")


def _roster_given_ok(value: str) -> bool:
    """A given name, or a capitalised word that is no English one (Mereana, Tui): not "Grade B." nor "Type A."."""
    from mediscope.deid.recognizers.en_lexicon import english_words, is_english
    from mediscope.deid.recognizers.en_names import _english_given_names

    first = value.split()[0].lower()
    return first in _english_given_names() or first in ("ivy", "chase", "grace", "dawn", "hunter") or not is_english(first, english_words())


def printed_name_rules(lang: str) -> list[Rule]:
    rules = [
        # A DICOM person name: family^given^middle, as headers and film prints write it.
        Rule("dicom_caret_name", PERSON,
             r"(?<![\w^])(?P<phi>[A-Z][A-Za-z'\-]+\^[A-Z][A-Za-z'\-]*(?:\^[A-Za-z'\-.]*){0,3})(?![\w^])",
             0.85, needs=lambda t: "^" in t, flags=0),
        *(_dicom_rule(entity, tags) for entity, tags in _DICOM_TAGS.items()),
        # The age attribute keeps its unit letter out, and only ages of 90 or more are PHI: AS [092Y].
        Rule("dicom_age", AGE, r"\((?i:0010,1010)\)[ \t]*(?:AS[ \t]*)?[\[:=][ \t]*(?P<phi>\d{2,3})[YyMWD]", 0.85,
             validator=_dicom_age_ok, needs=contains_any("(0010,1010)"), flags=0),
        Rule("chat_title_bar", SOCIAL_HANDLE, _CHAT_TITLE, 0.75, needs=contains_any("<", "〈", "←", "‹"), flags=0),
        # A chat export's author line, the handle then a dash and the time it posted, as Discord
        # copies it: "nightowl_nurse — 03/16/2026 2:14 AM", "栗子 — 今天 21:03".
        # (detection reads a normalised copy, where the em dash is a hyphen; a login has no space and
        # holds a digit, _ or . or is lower case: "Note - 03/16/2026" is a heading)
        Rule("chat_author_dash_time", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?P<phi>(?=[^\s]*[_.\d]|[a-z]+[ \t])[^\s\-:：]{3,30})[ \t]+-[ \t]+"
             r"(?:\d{1,2}/\d{1,2}/\d{2,4}|Today|Yesterday|今天|昨天)\b",
             0.75, needs=contains_any(" - "), flags=0),
        # Malay and Indian names on Malaysian and Singapore cards: a son or daughter of (A/L, A/P) or
        # bin/binti/bte before the father's name ("MUTHU A/L RAMASAMY", "Nur Aisyah bte Rahman").
        Rule("patronymic_name", PERSON,
             r"(?<![\w/])(?!(?:Dr|Mr|Mrs|Ms|Mdm|Madam|Encik|Puan|Cik|Dato|Datin|Prof|Tuan)\b)"
             r"(?P<phi>[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2} (?:A/L|A/P|a/l|a/p|s/o|d/o|S/O|D/O|bin|binti|binte|bte|bt\.|BIN|BINTI|BINTE|BTE)"
             r" [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?)(?![\w/])",
             0.8, needs=contains_any("A/L", "A/P", "a/l", "a/p", "s/o", "d/o", "S/O", "D/O", " bin ", " binti ", " binte ", " bte ",
                                     " bt.", " BIN ", " BINTI ", " BINTE ", " BTE "),
             flags=0),
        # A surname with its particle after a given name: "Johannes van der Berg", "Anneke du Plessis", "Ma. Luisa
        # dela Cruz", "Olivia St. John", "Cletus Mc Intyre". The lower-case particle between two capitalised
        # words marks a name; an eponym's syndrome or a hospital's or a street's word after it does not.
        Rule("particle_surname", PERSON,
             # (nor a street's abbreviation after a house number: "1180 W Division St. Fall from wall")
             r"(?<![\w'’\-.])(?!(?<=\d{1,6}[ ](?:[NSEW][ ])?)[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ]St\b)(?!(?:The|Hospital|Clinic|Centro|Casa|Rio|Puerto|Santa|San|Los|Las|El|La"
             r"|Universidad|University|Dr|Mr|Mrs|Ms|Pt|Patient|Route|Rue|Calle|Avenida|Via)\b)"
             r"(?P<phi>(?:Ma\.[ ])?[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ](?:van der|van den|van de|van|von der|von|de la|de los|de las|del|dela"
             r"|de|du|da|di|dos|das|della|le|ten|ter|St\.?|Mc|Mac)[ ][A-Z][a-z'’\-]+)(?![\w'’\-])"
             r"(?![ ](?i:syndrome|disease|sign|test|hospital|clinic|university|street|st\b|road|rd\b|avenue|ave\b|medical|centre"
             r"|center|health|institute|college|church|school|park|lane|way|drive))",
             0.75, needs=contains_any(" van ", " von ", " de ", " del ", " dela ", " du ", " da ", " di ", " dos ", " das ",
                                      " della ", " le ", " ten ", " ter ", " St ", " St. ", " Mc ", " Mac "),
             flags=0),
        # A WhatsApp export's line: "[14/02/25, 21:07] Kemi Ogunleye: Pls who is on call" - the author is the
        # contact as the phone saved them, a name or a number.
        Rule("chat_export_author", PERSON,
             r"(?m)^[ \t]*\[\d{1,2}/\d{1,2}/\d{2,4},?[ ]\d{1,2}:\d{2}(?::\d{2})?(?:[ ]?[AaPp][Mm])?\][ ]?"
             r"(?P<phi>[^:\n\[\]]{2,40}?):[ ]",
             0.8, needs=contains_any("] "), flags=0),
        # A roster's member by given name and initial, in a table's cell: "| Dawn M. | IOP-3377 |", "| Sam "Sammy" W. |".
        Rule("roster_given_initial", PERSON,
             r"(?<=(?:^|\n)[ \t]*\d{0,3}[ \t]*\|[ \t]{0,3})(?P<phi>\p{Lu}\p{Ll}{1,14}(?:[ ][\"“]\p{Lu}[^\"”\n|]{0,12}[\"”])?[ ]\p{Lu}\.)"
             r"(?=[ \t]*\|)",
             0.75, validator=_roster_given_ok, needs=contains_any("|"), flags=0),
        # The same export from an Android phone: "18/05/2024, 21:03 - Gaz: Rough one", "… - Kev (facilitator): …"
        # (the bracketed role is no part of the name).
        Rule("chat_export_author_dash", PERSON,
             r"(?m)^[ \t]*\d{1,2}/\d{1,2}/\d{2,4},?[ ]\d{1,2}:\d{2}(?::\d{2})?(?:[ ]?[AaPp][Mm])?[ ]-[ ]"
             r"(?P<phi>[^:\n\[\]()]{2,40}?)(?:[ ]\([^()\n]{2,20}\))?:[ ]",
             0.8, needs=contains_any(" - "), flags=0),
        # A card or id number with its middle masked still shows its ends: 3306**********2218,
        # 6228 48** **** 3371, **** **** 7731.
        # (glued to the Chinese word before it too: 身份证4101**********5526)
        Rule("masked_number", ID_NUMBER,
             r"(?<![A-Za-z0-9_*＊])(?P<phi>(?:[\d*＊]{2,6}[ \-]?){2,5}[\d*＊]{2,6})(?![A-Za-z0-9_*＊])",
             0.7, validator=_masked_number_ok, needs=contains_any("**", "＊＊"), flags=0),
        # A resident card's number masked to its ends after its cue: 身份证号5401021968****0052.
        Rule("masked_cn_id", CN_ID_CARD,
             r"(?:身份证|身份证号|身份证号码|公民身份号码|证件号|证件号码)[ \t:：]{0,3}"
             r"(?P<phi>(?=[\d*＊]{17}[\dXx*＊](?![A-Za-z0-9_*＊]))\d{1,10}[*＊]{4,14}[\d*＊]{0,6}[\dXx])",
             0.85, needs=contains_any("**", "＊＊"), flags=0),
    ]
    rules.append(
        # A chat export's speaker before the time it posted (晴川阁下 08:12：, Mary Tan 21:07:): a screen name or a
        # name, whatever its words; also after a bracketed group name on the same line ([临床药学群] 药事小蜜蜂：).
        Rule("chat_label_with_time", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?(?P<phi>[^\s:：\[\]()（）]{2,16}(?:[ ][A-Z][a-z]{1,15})?)[ \t]+"
             r"(?:\d{1,2}/\d{1,2}[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?!\d)[ \t]*[：:](?!\d)",
             0.75, validator=_chat_speaker_ok,
             needs=lambda t: ":" in t or "：" in t, flags=0))
    rules.append(
        Rule("chat_label_after_group", SOCIAL_HANDLE,
             r"(?m)^[ \t]*\[[^\]\n]{1,20}(?:群|group|Group|chat|Chat)\][ \t]*(?P<phi>[^\s:：\[\]]{2,16})[ \t]*[：:]",
             0.75, validator=_chat_speaker_ok, needs=contains_any("群]", "roup]", "hat]"),
             flags=0))
    rules.append(
        # A screen name with its WeChat id in brackets: 暖暖的太阳(wxid_8kd92ls0q)：
        Rule("handle_before_wxid", SOCIAL_HANDLE, r"(?P<phi>[^\s:：()（）\[\]]{2,16})[(（]wxid_", 0.8,
             needs=contains_any("wxid_"), flags=0))
    rules.append(
        # A Vietnamese name with its middle name (Thị for a woman, Văn for a man): "Nguyễn Thị Thu", "Tran Van Hai".
        Rule("vietnamese_name", PERSON,
             r"(?<![\w'’\-])(?P<phi>(?:Nguyễn|Nguyen|Trần|Tran|Lê|Phạm|Pham|Hoàng|Hoang|Huỳnh|Huynh|Phan|Vũ|Võ|Đặng|Dang|Bùi|Bui|Đỗ|Do"
             r"|Ngô|Ngo|Dương|Duong|Lý|Đinh|Dinh|Trương|Truong)[ ](?:Thị|Thi|Văn|Van)[ ]\p{Lu}[\p{Ll}\p{M}]+(?:[ ]\p{Lu}[\p{Ll}\p{M}]+)?)"
             r"(?![\w'’\-])", 0.8, needs=contains_any(" Thị ", " Thi ", " Văn ", " Van "), flags=0))
    if lang == "zh":
        rules += [
            # A chat's speaker after the time a message was sent, with a role or a department after the name:
            # "[20:58] 赵恺-正畸：", "9/4 15:21 杨帆(地区医院眼科)：" (a surname and one or two characters; the role stays)
            Rule("timed_speaker_with_role", PERSON,
                 r"(?m)^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|(?:\d{1,2}[/.\-]\d{1,2}[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?)[ \t]*"
                 rf"(?P<phi>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?)(?:[（(][^（）()\n]{{1,12}}[）)]|[\-—][\u4e00-\u9fffA-Za-z]{{1,8}})[ \t]*[：:]",
                 0.75, validator=_signed_name_ok, needs=contains_any(":"), flags=0),
            # A list's or a triage sheet's row that gives the name, then the sex (and the age) in the next cells:
            # "SC-0215   陈加才      男    92", "2　　任银花　　90　　女" (cells set off by two spaces or more)
            Rule("name_before_sex_cell", PERSON,
                 rf"(?:(?<=^|\n)[ \t\u3000]*|(?<=[ \t\u3000]{{2}}))(?P<phi>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?)[ \t\u3000]{{2,}}"
                 r"(?:\d{1,3}[ \t\u3000]{2,})?[男女](?=[ \t\u3000]{2,}|[ \t\u3000]*(?:\n|$))",
                 0.75, validator=_signed_name_ok, needs=contains_any("男", "女"), flags=0),
            # ... and an age over 89 in the cell after or before the sex: "男    92", "90　　女"
            Rule("age_beside_sex_cell", AGE,
                 # (not a measure whose unit stands in the next cell: 男    92    kg)
                 r"(?:(?<=[男女][ \t\u3000]{2,})(?P<phi>9\d|1[01]\d)(?=[ \t\u3000]{2,}+(?!(?i:kg|mmhg|cm|bpm|mg|ml|g/l|%|次|/))|[ \t\u3000]*(?:\n|$))"
                 r"|(?<=[\u4e00-\u9fff][ \t\u3000]{2,})(?P<phi>9\d|1[01]\d)(?=[ \t\u3000]{2,}[男女](?:[ \t\u3000]{2,}|[ \t\u3000]*(?:\n|$))))",
                 0.7, needs=contains_any("男", "女"), flags=0),
            # A parent named in brackets after 家长 by kind: 家长(母柳), 家长（父亲 石磊）
            Rule("parent_in_brackets", PERSON,
                 rf"家长[（(][ ]?(?:母亲|父亲|妈妈|爸爸|母|父)[ ]?(?P<phi>{_SURNAME}[\u4e00-\u9fff]{{0,2}}?)[）)]",
                 0.75, needs=contains_any("家长"), flags=0),
            # A resident's full name and age in brackets after what the staff call them: 傅爷爷（傅振邦，95）, 梅子（陶梅，80）
            Rule("name_and_age_in_brackets", PERSON,
                 rf"[（(](?P<phi>{_SURNAME}[\u4e00-\u9fff]{{1,2}}?)[，,][ ]?\d{{1,3}}岁?[）)]",
                 0.75, validator=_signed_name_ok, needs=contains_any("（", "("), flags=0),
            # The people a count stands for, listed after it: PPD强阳性3人（储一鸣、牟欣然、宗悦）, 密接2人：甘露、韦雪。
            # Each a surname and one or two characters, no dictionary word.
            Rule("counted_people", PERSON,
                 rf"(?<=\d{{1,3}}[ ]?(?:人|名|例)[（(：:][ ]?(?:[\u4e00-\u9fff]{{2,4}}、)*)(?P<phi>{_SURNAME}[\u4e00-\u9fff]{{1,2}})"
                 r"(?=[、）)。；;，,]|$)", 0.7, validator=_signed_name_ok,
                 needs=lambda t: "、" in t and _COUNT_BEFORE_LIST.search(t) is not None, flags=0),
            # A Japanese name in a note about a Japanese patient or family (日本籍, 日籍): a listed surname and
            # one to three given characters (佐藤结衣, 佐藤健一). Not the surname alone (桥本医生): the eponym of the
            # same note (桥本甲状腺炎) would be replaced with it, or left and fail verification.
            Rule("japanese_name", PERSON,
                 rf"(?P<phi>(?:{'|'.join(_JAPANESE_SURNAMES)})"
                 r"(?:(?!医生|医师|先生|女士|老师|护士|小姐|甲状腺|病|综合征|氏|家|的|在|是|和|说|也|都|就|又|还|已|向|给|把|被|对|从|到|于|为|与|及|等"
                 r"|陪|来|去|带|称|诉|要|会|能|同|随|入|出|自|因|患|诊|现|今|昨|明|前|后|曾|一直|表示|女|男|，)"
                 r"[\u4e00-\u9fff]){1,3})(?!甲状腺|病|综合征|氏|脑|肾|症)", 0.75, needs=contains_any("日本", "日籍")),
            # A name in Latin letters right after a relative's or a carer's word in a Chinese note: 女儿Serene会说华语,
            # 外傭Siti Rahayu話, 孙子Wong Jun Jie. (Read after normalisation: 外傭 is 外佣, 看護 is 看护.)
            Rule("latin_name_after_kin", PERSON,
                 r"(?:女儿|儿子|孙子|孙女|外孙|外孙女|丈夫|老公|先生|妻子|太太|老婆|朋友|同事|同学|外佣|菲佣|印佣|家佣|佣人|看护|护工|保姆"
                 r"|妈妈|爸爸|母亲|父亲|姐姐|妹妹|哥哥|弟弟|家属|联系人|侄子|侄女|女婿|儿媳|男友|女友|室友"
                 # (and the people of an emergency or a claim: 路人Lily Tan, 随行翻译：Farzaneh, 核保主任 Vincent TSANG,
                 # Husband Zhou Kai, Crew He Jun)
                 r"|路人|翻译|随行翻译|社工|护工|主任|专员|经理|调查员|理赔员|会员|被保险人|投保人|来电人|报案人"
                 r"|(?i:husband|wife|son|daughter|mother|father|crew|caller|parent|guardian|interpreter))[:：]?[ \t]?"
                 r"(?:(?:Mr|Mrs|Ms|Miss|Dr|MR|MRS|MS|MISS|DR)\.?[ ])?(?P<phi>\p{Lu}[\p{Ll}\p{M}]+,[ ]\p{Lu}[\p{Ll}\p{M}]+"
                 r"|(?<=(?:Mr|Mrs|Ms|Miss|Dr|MR|MRS|MS|MISS|DR)\.?[ ])\p{Lu}{2,}(?![A-Za-z])"
                 r"|\p{Lu}[\p{Ll}\p{M}]+(?:[ \-](?:\p{Lu}[\p{Ll}\p{M}]+|\p{Lu}{2,}(?![\p{Ll}])|\p{Lu}\.)){0,3})(?![A-Za-z])",
                 0.75, validator=lambda v: v.split()[0].lower() not in _NOT_LATIN_NAMES, needs=_has_latin_word, flags=0),
            # A name an app masked: 莫*婷, 吕**, 冉*, 王*明, 欧阳*, 郑○豪. What is left still narrows
            # down who it is, and the masked character may be the only one missing.
            Rule("masked_name", PERSON,
                 rf"(?<![*＊○●A-Za-z0-9])(?P<phi>{_SURNAME}(?:{_MASK}{{1,2}}(?:[\u4e00-\u9fff](?![\u4e00-\u9fff]))?|[\u4e00-\u9fff]{_MASK}))"
                 rf"(?!{_MASK})", 0.75, needs=contains_any("*", "＊", "○", "●"), flags=0),
            # A name a statement or a judgment writes half-hidden: 常某醉酒驾车, 证人韦某称, 被告王某某 (the
            # surname is still the person's; not 于某日, 向某医院, 某某公司: no surname that is also a word
            # of place or time, nor 某 before a thing's word)
            Rule("surname_mou", PERSON,
                 rf"(?<![某\u4e00-\u9fff](?<![医员者人子女妻夫父母友主告属婿媳兄弟姐妹生师长]))(?P<phi>{_SURNAME_NO_WORD}某某?)"
                 r"(?![某日天年月时些种个处地项次类方院所司店部校厂局村镇区市省县乡家单公品物件样])", 0.7,
                 needs=contains_any("某"), flags=0),
            # A child's or a grandchild's pet name after the kin word: 曾孙小满（2岁）, 孙女阿珠, (not 女儿小学,
            # 儿子小便: a word of two characters that names a thing).
            Rule("kin_pet_name", PERSON,
                 r"(?:曾孙女?|重孙女?|孙子|孙女|外孙女?|儿子|女儿|侄子|侄女|外甥女?|小儿子|小女儿)(?P<phi>[小阿][\u4e00-\u9fff])"
                 r"(?=[（(，,、。；;\s]|$)", 0.7, validator=lambda v: v not in _PET_NAME_WORDS,
                 needs=contains_any("孙", "儿", "女", "侄", "甥")),
            # A name written twice, in Latin letters and in Chinese characters beside it in brackets: Li Na（李娜）,
            # Ahmad Karimi（阿赫迈德）, 李娜（Li Na）. Each form is the person's.
            Rule("latin_name_before_han", PERSON,
                 r"(?<![A-Za-z])(?!(?:Pt|Patient|Mr|Mrs|Ms|Miss|Dr|Bed|Name|Husband|Wife|Son|Daughter|Mother|Father|Crew)\b)"
                 r"(?P<phi>\p{Lu}[\p{Ll}]+(?:[ \-]\p{Lu}[\p{Ll}]+){1,2})[ ]?[（(](?=[\u4e00-\u9fff]{2,5}[）)])", 0.7,
                 validator=lambda v: v.split()[0].lower() not in _NOT_LATIN_NAMES, needs=_latin_word_and_bracket, flags=0),
            Rule("han_name_after_latin", PERSON,
                 r"(?<![A-Za-z])\p{Lu}[\p{Ll}]+(?:[ \-]\p{Lu}[\p{Ll}]+){1,2}[ ]?[（(](?P<phi>[\u4e00-\u9fff]{2,5})[）)]", 0.7,
                 validator=_han_transcription_ok, needs=_latin_word_and_bracket, flags=0),
            # A group chat's speaker whose screen name wears ASCII decorations (风吹麦浪_：, ~小太阳~：) and
            # a mention of a Chinese screen name (@风吹麦浪_): both are handles whatever the words.
            Rule("decorated_chat_label", SOCIAL_HANDLE,
                 # (not markdown's emphasis around a field's name: *注意*：, __备注__：)
                 r"(?m)^[ \t]*(?P<phi>[~_]?[\u4e00-\u9fff]{2,10}[~_]|[~_][\u4e00-\u9fff]{2,10}[~_]?)[ \t]*[：:](?![ \t]*$)",
                 0.75, validator=_decorated_label_ok, needs=contains_any("_", "~"), flags=0),
            Rule("han_mention", SOCIAL_HANDLE,
                 r"(?<![\w@.])(?P<phi>@(?!所有人|全体)[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9_~\-]{1,19})", 0.75,
                 validator=_mention_ok, needs=contains_any("@"), flags=0),
            # Who dispensed and who checked, in a pharmacy bag's or an infusion card's boxes:
            # 调配 区  核对 麦志恒, 配:欣欣 (a surname alone, a full name or a pet name).
            Rule("pharmacy_role_name", PERSON,
                 r"(?:调配|配药|核对|发药|审核|复核|审方|(?<![\u4e00-\u9fff])配)[ \t]*[:：]?[ \t]*"
                 r"(?P<phi>[\u4e00-\u9fff]{1,3})(?=[ \t]{2,}|[ \t]*$)",
                 0.7, validator=_boxed_name_ok, needs=contains_any("调配", "配药", "核对", "发药", "审核", "复核", "审方", "配")),
            # A note signed with a dash (——大勇) or addressed to someone on its first line (小敏:).
            Rule("dash_signature", PERSON, r"(?m)(?:——|--|—)[ \t]*(?P<phi>[\u4e00-\u9fff]{2,3})[ \t]*$", 0.7,
                 validator=_signed_name_ok, needs=contains_any("—", "--")),
            Rule("note_addressee", PERSON,
                 rf"(?m)^[ \t]*(?P<phi>[小阿][\u4e00-\u9fff]|{_SURNAME}[\u4e00-\u9fff]{{1,2}})[ \t]*[:：][ \t]*\n",
                 0.7, validator=_boxed_name_ok, needs=contains_any(":\n", "：\n", ": \n", "： \n")),
            # A name letter-spaced on a label, a wristband or a card before the sex, the age or a bed
            # (骆 小 北  男 36, 曾 国 强  42  床), or alone on its line above the card's number.
            Rule("spaced_label_name", PERSON,
                 rf"(?m)^[ \t]*(?P<phi>{_SURNAME}(?:[ \u3000][\u4e00-\u9fff]){{1,2}})"
                 r"(?=[ \t\u3000]+(?:[男女](?![\u4e00-\u9fff])|性别|\d{1,3}(?:岁|Y|[ \t]*$|[ \t]+床))"
                 r"|[ \t]*\n[ \t]*(?:[A-Z]{0,2}[0-9OolI]{6,}|社会保障号|公民身份|身份证))",
                 0.75, validator=_spaced_name_ok, needs=lambda t: " " in t or "\u3000" in t, flags=0),
        ]
    else:
        rules += [
            # A label's SURNAME, Given before the sex and age, the room or a record number:
            # "REYES, MA. CRISTINA     F 47Y", "PATTERSON, Ray    Rm 412-B".
            Rule("label_surname_comma_given", PERSON,
                 r"(?m)^[ \t]*(?P<phi>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2}, [A-Z][A-Za-z'\-]*\.?(?: [A-Z][A-Za-z'\-]*\.?){0,2})"
                 r"(?=[ \t]{2,}(?:[MF]\b|\d|Rm\b|Room\b|Bed\b|MRN\b|DOB\b|Age\b|NHI\b|Hosp|Ward\b))",
                 0.75, validator=_label_name_ok, needs=lambda t: ", " in t, flags=0),
            # A name in capitals alone on its line, right above the date of birth: "HOPE BAKER\nDOB: …".
            Rule("caps_name_above_dob", PERSON,
                 r"(?m)^[ \t]*(?P<phi>[A-Z][A-Z'\-]+(?: [A-Z]\.?)?(?: [A-Z][A-Z'\-]+){1,2})[ \t]*\n[ \t]*"
                 r"(?:DOB|D\.O\.B|Born|BORN|Date of Birth|DATE OF BIRTH)\b",
                 0.75, validator=_label_name_ok,
                 needs=contains_any("DOB", "D.O.B", "Born", "BORN", "Date of Birth", "DATE OF BIRTH"), flags=0),
        ]
    return rules
