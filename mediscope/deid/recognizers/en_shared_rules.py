"""Regex rules that hold in any language: plates, handles and web addresses, IBANs, VINs, long numbers.

Both the English analyzer and the Chinese one (through `en.build_shared_for`) load these rules, so they
live apart from the English-only identifier, address, date and NER modules.
"""

from __future__ import annotations

import re

import regex

from mediscope.deid.recognizers.base import Rule, contains_any, digit_count_between, has_digit, luhn_ok
from mediscope.deid.recognizers.en_lexicon import english_words, is_english
from mediscope.deid.recognizers.en_patterns import (
    CUE_GAP_EN,
    S,
    _digit_and,
    _grouped_phone_ok,
    _iban_ok,
    _ocr_ssn_ok,
    _seen,
    _ssn_ok,
)
from mediscope.deid.recognizers.en_places import city_gazetteer
from mediscope.deid.recognizers.en_vocab import _COMMON_WORDS, _STATES
from mediscope.deid.types import (
    ACCOUNT_NUMBER,
    CREDIT_CARD,
    DEVICE_ID,
    EMAIL_ADDRESS,
    ID_NUMBER,
    INSURANCE_ID,
    IP_ADDRESS,
    LICENSE_PLATE,
    LOCATION,
    PHONE_NUMBER,
    SOCIAL_HANDLE,
    URL,
    US_SSN,
)

# ---- licence plates ----------------------------------------------------------------------------
#
# A plate is a short run of capitals and digits, a shape lab codes ("CD34", "HB45"), genes
# ("KRAS G12C") and flow markers share. What tells them apart is a vehicle nearby, so every rule
# needs a vehicle word shortly before the value; the national shapes distinctive enough on their
# own (UK "WN19 XKP", French "FG-582-LT", German "M-RK 4821") may sit further from it.
_VEHICLE = (r"(?i:\b(?:licen[cs]e\s+plates?|number\s+plates?|plates?|reg(?:istration)?|rego|vehicles?|cars?|van|truck|"
            r"lorry|pick-?up|suv|motorbike|motorcycle|moped|scooter|taxi|cab|tags?|parking\s+(?:permit|pass))\b\.?)")
_PLATE_DISTINCT = r"[A-Z]{2}\d{2}[ ]?[A-Z]{3}|[A-Z]{2}-\d{3}-[A-Z]{2}|[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]?\d{1,4}[EH]?"
_PLATE_GENERIC = (r"[A-Z]{1,3}[\- ]\d{2,4}(?:[\- ][A-Z]{1,3})?|\d{1,3}[\- ][A-Z]{2,3}(?:[\- ]\d{1,4})?|\d[A-Z]{3}[\- ]\d{3}|"
                  r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{5,8}")
_UK_POSTCODE = regex.compile(r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}")



_LABELLED_LINE = regex.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?[^\s:]{2,30}:[ \t]")


# A code or a virus's name that opens a result's line like a login would (covid19: neg, sars2: ...).
_NOT_LOGIN_STARTS = ("covid", "sars", "hiv", "hpv", "hbv", "hcv", "ebv", "cmv", "rsv", "cd", "il", "ca", "ce", "icd", "hl7", "pid",
                     "obx", "pv1", "msh", "nte", "orc", "obr", "evn", "pd1")

# Accounts of machines, not people, as logs print them ("user=system", "operator=-").
SYSTEM_ACCOUNTS = frozenset({"admin", "administrator", "root", "system", "guest", "unknown", "none", "null", "anonymous",
                             "service", "svc", "batch", "scheduler", "interface", "hl7", "test", "-", "n/a"})

# A service's account speaks in a chat too, and is no one's: clinic_bot, ward7_desk, pharmacy_team.
SERVICE_LOGIN_ENDS = ("bot", "desk", "admin", "system", "team", "support", "helpdesk", "station", "noreply", "no_reply", "office",
                       "reception", "alerts", "notify", "service", "job", "task", "cron", "script", "daemon")


def is_service_login(value: str) -> bool:
    """A machine's or a desk's login (clinic_bot, batch_job, system_admin), no one's."""
    low = value.lower()
    return low in SYSTEM_ACCOUNTS or low.endswith(SERVICE_LOGIN_ENDS) or regex.split(r"[_.]", low)[0] in SYSTEM_ACCOUNTS


_SHORT_FIELD_WORDS = frozenset({"up", "in", "of", "to", "on", "by", "at", "no", "id"})


def is_field_name(value: str) -> bool:
    """A form's or an app's field written as code (follow_up, blood_sugar, next_step): English words
    joined by an underscore or a dot, no digit. A login holds a digit, an initial or a word no
    dictionary has (kopi_peng_88, annie.b, keri_m)."""
    parts = regex.split(r"[_.]", value.lower())
    return not any(ch.isdigit() or ch in "'’" for ch in value) and all(
        (len(p) >= 3 or p in _SHORT_FIELD_WORDS) and is_english(p) for p in parts)


def _login_speaker_ok(value: str) -> bool:
    return not value.startswith(_NOT_LOGIN_STARTS) and not is_service_login(value) and not is_field_name(value)


def _two_labelled_lines(text: str) -> bool:
    """Two lines or more open with a label and a colon: a chat, a thread or a transcript."""
    return ":" in text and "\n" in text and len(_LABELLED_LINE.findall(text)) >= 2

def _plate_ok(value: str) -> bool:
    alnum = [ch for ch in value if ch.isalnum()]
    if not 4 <= len(alnum) <= 9 or not any(ch.isdigit() for ch in alnum) or not any(ch.isalpha() for ch in alnum):
        return False
    if len(alnum) == 4 and "-" not in value:
        return False
    if value.split(None, 1)[0].upper() in _SCORE_ABBREVIATIONS:
        return False  # "GCS 15", "NIHSS 4", "ESI 2": a clinical score beside a crash history, not a plate
    return not _UK_POSTCODE.fullmatch(value)


# Scores and scales written as a short capital word and a number, which look like a plate's letters and digits.
_SCORE_ABBREVIATIONS = frozenset({"GCS", "NIHSS", "ESI", "ASA", "ECOG", "NYHA", "BMI", "AVPU", "RASS", "CAM", "MEWS", "NEWS",
                                  "PEWS", "APGAR", "CTAS", "ATS", "ISS", "RTS", "TIMI", "HEART", "MMSE", "MOCA", "PHQ", "GAD",
                                  "AUDIT", "CIWA", "COWS", "VAS", "NRS", "EDSS", "MRC", "KPS", "SOFA", "QSOFA", "CURB", "WFNS"})


def plate_rules() -> list[Rule]:
    near = r"(?:(?![.;!?](?:\s|$))[^\n]){0,25}?"  # a few words, within the sentence
    far = r"(?:(?![.;!?](?:\s|$))[^\n]){0,90}?"
    edge = r"(?<![A-Za-z0-9\-])"
    end = r"(?![A-Za-z0-9]|-[A-Za-z0-9])"
    gate = _seen(r"(?i)\b(?:plates?|reg|rego|registration|registered|vehicles?|cars?|van|truck|lorry|pick-?up|suv|motorbike|"
                 r"motorcycle|moped|scooter|taxi|cab|tags?|parking)\b")
    # Two rules, not one with two branches: a far match would swallow a nearer vehicle word
    # ("vehicle pass for X (plate BHT 5521) and Y (HH-AV 309)").
    return [
        Rule("plate_near_vehicle", LICENSE_PLATE,
             rf"{_VEHICLE}{near}{edge}(?P<phi>{_PLATE_DISTINCT}|{_PLATE_GENERIC}){end}", 0.8,
             validator=_plate_ok, needs=gate, flags=0),
        Rule("plate_national", LICENSE_PLATE, rf"{_VEHICLE}{far}{edge}(?P<phi>{_PLATE_DISTINCT}){end}", 0.75,
             validator=_plate_ok, needs=gate, flags=0),
    ]


# ---- social handles, IPv6: in any language ------------------------------------------------------
_PLATFORM = (r"(?i:instagram|insta|ig|twitter|tiktok|tik\s+tok|snapchat|telegram|wechat|weixin|facebook|fb|threads|"
             r"discord|skype|kik|reddit|youtube|tumblr|bluesky|mastodon|linkedin|x\.com|weibo|douyin|xiaohongshu|rednote|"
             r"kuaishou|bilibili)")
_PLATFORM_CJK = (r"抖音|微博|小红书|快手|[Bb]站|哔哩哔哩|知乎|公众号|视频号|微信|头条|豆瓣|贴吧|(?i:weibo|douyin|xiaohongshu|rednote|"
                 r"kuaishou|bilibili|zhihu|wechat|weixin|tiktok|instagram|insta|ig|twitter)")
_AT_UNITS = frozenset({"am", "pm", "h", "hr", "hrs", "hrly", "wk", "wks", "w", "d", "m", "mo", "mth", "mths", "min", "mins",
                       "mg", "ml", "kg", "g", "x", "yo", "yrs", "y", "s", "sec", "secs"})
_HANDLE_WORD = regex.compile(r"[A-Za-z]{3,}")


def _at_handle_ok(value: str) -> bool:
    """"@kim.sleeps", "@tiredmama_of3"; not "@night", "@home" (shorthand for "at")."""
    body = value.lstrip("@")
    if len(body) < 3 or not any(ch.isalpha() for ch in body):
        return False
    lead = regex.match(r"\d+([A-Za-z]+)$", body)
    if lead and (lead.group(1).lower() in _AT_UNITS or is_english(lead.group(1).lower(), english_words())):
        return False  # "@2weeks", "@8pm", "@10mins": "at" a time
    if any(ch in "._" or ch.isdigit() for ch in body) or any(ch.isupper() for ch in body[1:]):
        return True
    return not is_english(body.lower(), english_words()) and body.lower() not in _COMMON_WORDS


def _cued_handle_ok(value: str) -> bool:
    """After a platform name: an id with a dot, underscore or digit among its letters."""
    body = value.lstrip("@")
    if value.startswith("@"):
        return _at_handle_ok(value)
    # (short letter groups joined by an underscore count too: "zw_sd1999")
    if not (_HANDLE_WORD.search(body) or "_" in body and sum(ch.isalpha() for ch in body) >= 4) or regex.fullmatch(
            r"[vV]?[\d.]+", body):
        return False
    return any(ch in "._" or ch.isdigit() for ch in body)


def _ipv6_ok(value: str) -> bool:
    import ipaddress

    addr = value.split("%")[0]
    # The recognizer trims colons off a value's ends: "::ffff:198.51.100.23" arrives without its "::".
    for form in (addr, "::" + addr) if "." in addr else (addr,):
        try:
            ipaddress.IPv6Address(form)
            break
        except ValueError:
            continue
    else:
        return False
    groups = [g for g in addr.split(":") if g]
    # "12::30" parses, but no one writes an address that way; a real one has three groups or hex letters.
    return len(groups) >= 3 or any(ch in "abcdefABCDEF" for g in groups for ch in g)


def _cjk_handle_ok(value: str) -> bool:
    """Two or more characters, not a particle or pronoun after a bare "@" ("说@了我")."""
    body = value[1:]
    return len(body) >= 2 and body[0] not in "了过着我你他她它的地得是在"


_NOT_LOGIN_ENDINGS = (".com", ".org", ".net", ".gov", ".edu", ".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".txt", ".csv",
                      ".xls", ".xlsx", ".cn", ".uk", ".au", ".io", ".nz", ".ca", ".zip", ".dcm", ".html", ".json", ".xml")


def _sender_login_ok(value: str) -> bool:
    """A person's login, not a file's or a site's name, nor a system's own account (noreply, clinic_bot)."""
    return not value.endswith(_NOT_LOGIN_ENDINGS) and not is_service_login(value)


def net_rules() -> list[Rule]:
    """Social-media handles and IPv6 addresses: the same shapes in English and Chinese text.

    Edges are ASCII classes, not `\\b`: in Chinese text a CJK character is a word character.
    """
    login = r"[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]"
    return [
        # A portal's or an app's sender by its login, after the message header's word: "From: jmorales_1987
        # (Javier Morales)", "From: mk.osei", "Portal msg 03/18 06:40 from bigdaddy_tony62:", "Cloud account
        # ifeoma.nwosu.fam." (a login with a dot or an underscore in it, or letters then digits; not a file
        # or a web domain: report.pdf, clinic.org)
        Rule("sender_login", SOCIAL_HANDLE,
             r"(?:(?<![A-Za-z])(?:From|Sender|Sent by|User(?:name)?|Login|Account|Acct)[ \t]*:[ \t]*"
             r"|(?<![A-Za-z])(?i:portal|secure|app)[ ](?i:message|msg)[^\n]{0,30}?[ ](?i:from)[ ]"
             r"|(?<![A-Za-z])(?i:cloud|portal|app|user|patient)[ ](?i:account|login|username)[ ])"
             r"(?P<phi>[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]{3,}\d{2,4})(?![\w@\-]|\.\w)", 0.75,
             validator=_sender_login_ok, needs=contains_any("from", "sender", "sent by", "user", "login", "account", "acct"),
             flags=0),
        # An audit trail's or an EDC system's user by its login, next to the time it acted: "2025-06-11 09:14
        # jnakamura_dm (Data Manager):", "质疑（dm_wangyt 2025-09-02）", "countersigned by sgreene_cra".
        # A login of lower case joined by an underscore; a service's account (clinic_bot) is no one.
        Rule("login_by_timestamp", SOCIAL_HANDLE,
             rf"(?<![A-Za-z0-9_.\-@])(?P<phi>{login})(?=[ \t]+(?:19|20)\d\d[\-/]\d\d[\-/]\d\d)"
             rf"|(?<=(?:19|20)\d\d[\-/]\d\d[\-/]\d\d[ T]\d\d:\d\d(?::\d\d)?Z?[ \t]+)(?P<phi>{login})(?![A-Za-z0-9_\-@]|\.[A-Za-z0-9])"
             rf"|(?<=\b(?i:by|user|operator|操作人|操作员|修改人)[ \t]+)(?P<phi>{login})(?![A-Za-z0-9_\-@]|\.[A-Za-z0-9])",
             0.75, validator=lambda v: not is_service_login(v), needs=contains_any("_"),
             flags=0),
        # A log's login as a key and its value: "grader=jmcallister", "操作员=xcdental_zhou", "user=kpatel2"
        Rule("login_key_value", SOCIAL_HANDLE,
             r"(?:(?<![A-Za-z])(?i:user|username|login|operator|grader|uploader|reviewer|author)|操作员|操作人|用户|上传人)="
             r"(?P<phi>[A-Za-z][A-Za-z0-9._\-]{2,30})(?![\w@])", 0.75,
             validator=lambda v: not is_service_login(v), needs=contains_any("="), flags=0),
        # A screen name after its label, with no quotes: 患者昵称：草莓味的小熊, 微信名：栗子酥酥 (up to a gap or a mark)
        Rule("screen_name_after_label", SOCIAL_HANDLE,
             r"(?:昵称|暱稱|网名|網名|微信名|微信昵称|用户昵称)[ \t]*[:：][ \t]*(?P<phi>[^\s，,。；;：:（）()“”\"「」]{2,16})"
             r"(?=[ \t\u3000]|$|\n|[，,。；;（(])", 0.75,
             needs=contains_any("昵称", "暱稱", "网名", "網名", "微信名"), flags=0),
        # A screen name in quotes after the word for it: 交友软件昵称“蓝色海岸_33”, one known as "beachbear_fl".
        # (after an English word only a login's shape: goes by "Zee" is a person's nickname, the name rules')
        Rule("quoted_screen_name", SOCIAL_HANDLE,
             r"(?:(?:昵称|网名|用户名|账号名|群昵称)[ \t]*(?:[为是叫:：][ \t]*)?[“\"「『](?P<phi>[^”\"」』\n]{2,24})[”\"」』]"
             r"|(?i:known\s+as|goes\s+by|user\s?name|handle|screen\s+name|nickname|profile\s+name)[ \t]*[:：]?[ \t]*[“\"]"
             r"(?P<phi>(?=[^”\"\s]*[_\d])[A-Za-z0-9_.\-]{3,30})[”\"])", 0.75,
             needs=_seen(r"昵称|网名|用户名|账号名|(?i:known\s+as|goes\s+by|user\s?name|handle|screen\s+name|nickname|profile\s+name)"),
             flags=0),
        Rule("handle_at", SOCIAL_HANDLE,
             r"(?<![A-Za-z0-9._%+\-@/])(?P<phi>@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![A-Za-z0-9_@]|\.[A-Za-z0-9])",
             0.8, validator=_at_handle_ok, needs=contains_any("@"), flags=0),
        # "on wechat, my id is wu_xiaoling88": a few words may sit between the platform and its id.
        Rule("handle_cued_id", SOCIAL_HANDLE,
             rf"(?<![A-Za-z]){_PLATFORM}(?![A-Za-z])[^\n.;]{{0,30}}?\b(?i:id|handle|username|user\s*name|account)\s*(?:[:：=]|\s(?i:is)|(?=\s+@?[A-Za-z0-9_.\-]*[_\d][A-Za-z0-9_.\-]*\)))\s*"
             r"(?P<phi>@?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,38}[A-Za-z0-9_])(?![A-Za-z0-9_@]|\.[A-Za-z0-9])",
             0.8, validator=_cued_handle_ok,
             needs=contains_any("insta", "ig ", "ig:", "twitter", "tiktok", "snapchat", "telegram", "wechat", "weixin",
                                "facebook", "fb", "discord", "skype", "kik", "reddit", "line", "weibo", "douyin",
                                "xiaohongshu", "rednote", "kuaishou", "bilibili"), flags=0),
        Rule("handle_cued", SOCIAL_HANDLE,
             rf"(?<![A-Za-z]){_PLATFORM}(?![A-Za-z])(?:\s*(?i:id|handle|username|user\s*name|account|acct|name))?"
             r"(?:\s*[:：=(]\s*|\s+(?i:is|as|at|@|-)\s+|\s+)(?:(?i:is|as)\s+)?"
             r"(?P<phi>@?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,38}[A-Za-z0-9_])(?![A-Za-z0-9_@]|\.[A-Za-z0-9])",
             0.8, validator=_cued_handle_ok,
             needs=contains_any("insta", "ig ", "ig:", "ig(", "twitter", "tiktok", "tik tok", "snapchat", "telegram", "wechat",
                                "weixin", "facebook", "fb", "threads", "discord", "skype", "kik", "reddit", "youtube",
                                "tumblr", "bluesky", "mastodon", "linkedin", "x.com", "weibo", "douyin", "xiaohongshu",
                                "rednote", "kuaishou", "bilibili"),
             flags=0),
        # A login with a dot or underscore after a session or account label, platform unnamed:
        # "participant: aroha.ngata", "username = t_fifita".
        Rule("username_cued", SOCIAL_HANDLE,
             r"(?<=\b(?i:participant|attendee|user(?:\s*name)?|login|log-in|account|screen\s*name|display\s*name)\s*[:=]\s*)"
             r"(?P<phi>[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+)(?![A-Za-z0-9_@]|\.[A-Za-z0-9])",
             0.75, needs=_seen(r"(?i)(?:participant|attendee|user|login|log-in|account|name) ?[:=] ?[a-z0-9]+[._]"), flags=0),
        # "(user tnakashima84)", "username jsmith_22": letters run into digits or an underscore.
        Rule("username_bare", SOCIAL_HANDLE,
             r"(?<=\b(?i:user(?:\s*name)?|login|log-in|userid|user\s+id)\s+)"
             r"(?P<phi>[a-z][a-z]{2,}[a-z0-9]*(?:\d{2,}|_[a-z0-9]+)[a-z0-9_]*)(?![A-Za-z0-9_@]|\.[A-Za-z0-9])",
             0.75, needs=_seen(r"(?i)(?:user|login|log-in|userid|username) [a-z]{3,}[a-z0-9]*(?:\d\d|_)"), flags=0),
        # Reddit's "u/name": units ("u/kg", "u/min", "u/day") share the prefix, so the name must carry
        # an underscore or a digit, or follow a username/reddit cue.
        Rule("handle_reddit_user", SOCIAL_HANDLE,
             r"(?<![A-Za-z0-9_/])(?P<phi>u/(?=[A-Za-z0-9_\-]*[_\d])[A-Za-z0-9_\-]{3,20})(?![A-Za-z0-9_\-/])",
             0.8, needs=contains_any("u/"), flags=0),
        # A forum or chat member's screen name of joined capitalised words opening a line, where two lines
        # or more open with a label: "BiscuitBarrel77: DS had ...", "WelshCakesAndTea: Anyone had ...".
        # Three words joined, or two and digits (a product's name is rarely either: "MyChart:", "PubMed:").
        Rule("camel_case_speaker", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?(?P<phi>(?:[A-Z][a-z]+){3,6}\d{0,4}|(?:[A-Z][a-z]+){2}\d{1,4})(?=:[ \t])",
             0.75, validator=_not_a_metadata_key, needs=_two_labelled_lines, flags=0),
        # A chat member's login opening a turn, where two lines or more open with a label: lower case joined
        # by an underscore or a dot, or run into digits ("kopi_peng_88: anyone know ...", "jo.ellis: same").
        # Lower case only, and not a lab's or a bug's name (covid19:, h.pylori: has one letter before the dot).
        Rule("login_speaker", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?(?P<phi>[a-z][a-z0-9]{1,15}(?:[_.][a-z0-9]{1,15}){1,3}|[a-z]{3,15}\d{2,4})"
             r"(?=:[ \t]*\S)",
             0.75, validator=_login_speaker_ok, needs=_two_labelled_lines, flags=0),
        # An Indian UPI address a payment was made from (farhan.sid@okhdfc, 98450xxxxx@ybl): a payment
        # handle, typed as a handle (an account number needs a digit, and a UPI id often has none).
        Rule("upi_id", SOCIAL_HANDLE,
             r"(?<![\w.@\-])(?P<phi>[A-Za-z0-9][A-Za-z0-9._\-]{1,40}@(?:okhdfcbank|okhdfc|okicici|oksbi|okaxis|ybl|ibl|axl|paytm|"
             r"apl|upi|hdfcbank|icici|sbi|axisbank|kotak|yesbank|idfcbank))(?![\w.@\-])", 0.85,
             needs=contains_any("@ok", "@ybl", "@ibl", "@axl", "@paytm", "@apl", "@upi", "@hdfc", "@icici", "@sbi", "@axis",
                                "@kotak", "@yes", "@idfc")),
        # a reply's author opening its line, as a thread prints it ("↳ u/pumpchick: yes, check ...")
        Rule("handle_reddit_reply", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?:[↳>\-*•][ \t]*)?(?P<phi>u/[A-Za-z][A-Za-z0-9_\-]{2,19}):",
             0.8, needs=contains_any("u/"), flags=0),
        Rule("handle_reddit_user_cued", SOCIAL_HANDLE,
             r"(?i:reddit|username|user\s+name|handle|forum)[^\n.;]{0,20}?(?<![A-Za-z0-9_/])(?P<phi>u/[A-Za-z][A-Za-z0-9_\-]{2,19})(?![A-Za-z0-9_\-/])",
             0.8, needs=contains_any("u/"), flags=0),
        # Handles in Chinese script after a platform: "抖音号@骨科小王医生说…", "weibo @心内科张医生".
        # A Chinese handle has no edge of its own, so it ends at a space or punctuation or
        # before the verb or place word that follows it (说, 私信, 发帖, 分享, 那里, 的视频 …).
        Rule("handle_cjk", SOCIAL_HANDLE,
             rf"(?:{_PLATFORM_CJK})[^\n。；;，,@]{{0,8}}?(?P<phi>@[\p{{Han}}A-Za-z0-9_·\-]{{1,20}}?)"
             r"(?=[\s\p{P}]|$|(?:说|私信|发帖|发布|分享|那里|那儿|那边|里|上面|上|看到|看|讲|推荐|提到|评论|主页|留言|问|回复|发了|发过|发|"
             r"直播|视频|的(?:视频|直播|帖子|文章|笔记|主页|评论|分享)|账号|求助|咨询|科普|也|都|和|跟|给|让|在))",
             0.8, validator=_cjk_handle_ok, needs=contains_any("@"), flags=0),
        # "抖音号：tangtang_mama88", "小红书号 9581123477", "快手号:ks_lily": a Latin id after a Chinese platform's 号.
        Rule("handle_cjk_latin", SOCIAL_HANDLE,
             rf"(?:{_PLATFORM_CJK})(?:号|ID|id|账号|帐号)\s*(?:[:：是为]\s*)?(?P<phi>[A-Za-z0-9_][A-Za-z0-9_.\-]{{2,38}}[A-Za-z0-9_])(?![A-Za-z0-9_@.\-])",
             0.85, validator=lambda v: _cued_handle_ok(v) or v.isdigit() and 5 <= len(v) <= 12,
             needs=contains_any("抖音", "微博", "小红书", "快手", "站", "哔哩", "知乎", "公众号", "视频号", "微信", "头条", "豆瓣",
                                "贴吧"), flags=0),
        Rule("ipv6", IP_ADDRESS,
             r"(?<![0-9A-Za-z_:.])(?P<phi>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?:%[0-9A-Za-z]{1,15})?)"
             r"(?![0-9A-Za-z_:]|\.\d)",
             0.85, validator=_ipv6_ok, needs=_seen(r":[0-9A-Fa-f]{0,4}:"), flags=0),
    ]



# ---- vehicle identification numbers and Medicare beneficiary identifiers -------------------------
_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
               "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_shape(value: str) -> bool:
    letters = sum(ch.isalpha() for ch in value)
    return len(value) == 17 and letters >= 2 and 17 - letters >= 5 and value[-4:].isdigit()


def _vin_ok(value: str) -> bool:
    """ISO 3779 as North America uses it: position 9 is a mod-11 check digit ("X" for 10).
    Seventeen capitals and digits pass by chance 1 time in 11, so an uncued one needs it."""
    if not _vin_shape(value):
        return False
    total = sum(_VIN_VALUES[ch] * w for ch, w in zip(value, _VIN_WEIGHTS, strict=True))
    check = total % 11
    return value[8] == ("X" if check == 10 else str(check))


# A Medicare Beneficiary Identifier: 11 characters, each position drawn from a fixed set
# (digits 1-9 first, letters without S L O I B Z), so the shape alone is rare in clinical text.
_MBI_L = "[AC-HJKMNP-RT-Y]"
_MBI_A = "[AC-HJKMNP-RT-Y0-9]"
_MBI = rf"[1-9]{_MBI_L}{_MBI_A}\d-?{_MBI_L}{_MBI_A}\d-?{_MBI_L}{{2}}\d{{2}}"


_CAP_LOWER = re.compile(r"[A-Z][a-z]")


def _LATIN_CITY_IN_CJK_SEEN(text: str) -> bool:
    return ("在" in text or "住" in text or "来自" in text or "老家" in text or "搬" in text or "定居" in text or "移民" in text
            or "现居" in text) and _CAP_LOWER.search(text) is not None


_MOBILE_RE = re.compile(r"(?<!\d)(?:07\d{3} ?\d{3}|[6-9]\d{4} \d{5})")


def _MOBILE_SEEN(text: str) -> bool:
    return ("07" in text or " " in text) and _MOBILE_RE.search(text) is not None


def _gazetteer_city(value: str) -> bool:
    return city_gazetteer().tier(value) is not None and value.lower() not in _STATES


# Words of a camera's or a scanner's metadata keys, which print as joined capitalised words before a colon
# just as a forum's screen names do (DateTimeOriginal:, PatientBirthDate:, LensModel:, ExposureTime:).
_METADATA_KEY_WORDS = regex.compile(r"(?:Date|Time|Name|Size|Value|Type|Mode|Model|Number|Width|Height|Version|Original|Digitized"
                                    r"|Offset|Make|Lens|Exposure|Resolution|Orientation|Software|Modality|Description|Length)(?=[A-Z\d]|$)")


def _not_a_metadata_key(value: str) -> bool:
    return _METADATA_KEY_WORDS.search(value) is None


def shared_rules() -> list[Rule]:
    """Rules valid in any language: SSN, cards, international phones, long numbers, plates."""
    return [
        # In English or Chinese text: districts and new areas of Chinese cities in pinyin: "Haidian District, Beijing",
        # "Shenzhen Nanshan district", "Pudong New Area", "Wuhou district Chengdu".
        Rule("district", LOCATION,
             r"(?<![A-Za-z0-9'’\-])(?P<phi>(?:\p{Lu}\p{Ll}+[ ]+)?(?!(?:School|Health|Water|Fire|Business|Financial|Medical|Historic|Federal|Judicial|"
             r"Congressional|Electoral|Postal|Sanitary|Hospital|Irrigation|Special|Improvement|The|This|That|Our|Your|Their|Each|Every|"
             r"Rural|Urban|Local|Same|Other|Whole)\b)\p{Lu}\p{Ll}+[ ]+(?i:district|new[ ]+area|county|qu|xian|zhen|jiedao|cun)"
             r"(?:,?[ ]+(?!(?:Dr|Mr|Mrs|Ms|Hospital|Nurse|General|Council|Court|Health|Office|Clinic|Police|Team)\b)\p{Lu}\p{Ll}{2,}(?=[\s,.;:)]|$))?)"
             r"(?!\s+(?i:nurse|nurses|council|hospital|general|health|court|judge|attorney|office|clinic|team|police|manager)\b)(?![A-Za-z0-9\-])",
             0.8, needs=contains_any("district", "new area", "county", " qu", " xian", " zhen", "jiedao", " cun"), flags=0),
        # A device's unique identifier as its GS1 label prints it, application identifiers in brackets:
        # "(01)00643169007222(17)270630(21)SN4471902" (the product, the expiry and the serial; the serial makes it one device).
        Rule("udi_gs1", DEVICE_ID, r"(?P<phi>\(01\)\d{14}(?:\((?:10|11|17|21|240|30)\)[A-Za-z0-9\-]{1,20}){1,4})(?![A-Za-z0-9])", 0.9,
             needs=contains_any("(01)"), flags=0),
        # A serial with a dotted part after its cue, as lens implants and dental implants print it: "Serial 27183647.011",
        # "序列号：021.5410-SN77H10934" (six digits or more, so that no dose or value reads as one).
        Rule("serial_dotted", DEVICE_ID,
             r"(?:序列号|(?<![A-Za-z])(?:S/N|SN)(?![A-Za-z])|\b(?i:serial)(?:[ ](?i:number|no\.?|#))?)[ \t]*[:：#]?[ \t]*"
             r"(?P<phi>[A-Z0-9]{2,}(?:-[A-Z0-9]+)*\.[A-Z0-9]{2,}(?:[.\-][A-Z0-9]+)*)(?![\w.\-])", 0.9,
             validator=lambda v: sum(ch.isdigit() for ch in v) >= 6, needs=contains_any("序列号", "sn", "s/n", "serial"), flags=0),
        # A UPS parcel's tracking number (1Z, then sixteen letters and digits): a lab's or a pharmacy's delivery to one patient.
        Rule("ups_tracking", ID_NUMBER, r"(?<![A-Za-z0-9])(?P<phi>1Z[0-9A-Z]{16})(?![A-Za-z0-9])", 0.85,
             validator=lambda v: sum(ch.isdigit() for ch in v) >= 8, needs=contains_any("1Z"), flags=0),
        # Vehicle identification numbers (17 characters, no I, O or Q): a valid check digit, or a cue.
        Rule("vin_checked", LICENSE_PLATE, r"(?<![A-Za-z0-9])(?P<phi>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])", 0.85,
             validator=_vin_ok, needs=_seen(r"[A-HJ-NPR-Z0-9]{17}"), flags=0),
        Rule("vin_cued", LICENSE_PLATE,
             r"(?:\b(?i:VIN|chassis|frame)(?:\s*(?i:no\.?|number|#))?|车架号|车辆识别(?:代号|码)|识别代码)\s*[:：#]?\s*"
             r"(?P<phi>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])", 0.9,
             validator=_vin_shape, needs=_seen(r"[A-HJ-NPR-Z0-9]{17}"), flags=0),
        # Medicare MBIs as printed on the card ("1EG4-TE5-MK72"): the dashed shape stands alone.
        Rule("mbi_dashed", INSURANCE_ID, rf"(?<![A-Za-z0-9\-])(?P<phi>[1-9]{_MBI_L}{_MBI_A}\d-{_MBI_L}{_MBI_A}\d-{_MBI_L}{{2}}\d{{2}})(?![A-Za-z0-9\-])",
             0.85, needs=_digit_and(r"-[A-Z]{2}\d{2}"), flags=0),
        Rule("ssn", US_SSN, r"(?<![\d\-])(?P<phi>\d{3}[ \-.]\d{2}[ \-.]\d{4})(?![\d\-])", 0.85, validator=_ssn_ok,
             needs=has_digit),
        # OCR letter-spacing of the printed 3-2-4 shape: "4 4 1 - 0 9 - 7 7 3 2".
        # a masked number that still shows the last four: "SSN match on last 4 (xxx-xx-6614)", "***-**-2210"
        Rule("ssn_masked", US_SSN, r"(?<![\w*\-])(?P<phi>(?:[xX]{3}|\*{3})-(?:[xX]{2}|\*{2})-\d{4})(?![\w\-])", 0.85,
             needs=contains_any("xxx-xx-", "XXX-XX-", "***-**-")),
        Rule("ssn_letter_spaced", US_SSN,
             r"(?<![\d\-])(?P<phi>\d[ ]\d[ ]\d[ ]{1,2}-[ ]{1,2}\d[ ]\d[ ]{1,2}-[ ]{1,2}\d[ ]\d[ ]\d[ ]\d)(?![ ]?\d)", 0.85,
             validator=_ssn_ok, needs=_digit_and(r"\d \d \d {1,2}-")),
        # OCR swaps in the dashed 3-2-4 shape: "5O3-7l-2248" (O for 0, l or I for 1).
        Rule("ssn_ocr_swapped", US_SSN, r"(?<![\w\-])(?P<phi>[0-9OIl]{3}-[0-9OIl]{2}-[0-9OIl]{4})(?![\w\-])", 0.8,
             validator=_ocr_ssn_ok, needs=_seen(r"[OIl0-9]{3}-[OIl0-9]{2}-"), flags=0),
        Rule("ssn_cued", US_SSN, rf"(?:ssn|social security(?: number)?|SS#){CUE_GAP_EN}(?P<phi>\d{{3}}[ \-.]?\d{{2}}[ \-.]?\d{{4}})(?!\d)",
             0.95, needs=has_digit),
        # The same after its label, letter-spaced with no dashes, the groups set apart by wider gaps:
        # "SSN 5 2 3  4 4  1 9 0 8".
        Rule("ssn_cued_letter_spaced", US_SSN,
             rf"(?:ssn|social security(?: number)?|SS#){CUE_GAP_EN}(?P<phi>\d[ ]\d[ ]\d[ ]{{1,3}}\d[ ]\d[ ]{{1,3}}\d[ ]\d[ ]\d[ ]\d)(?![ ]?\d)",
             0.9, validator=_ssn_ok, needs=_digit_and(r"\d \d \d {1,3}\d \d")),
        # The last four digits of a social security number, which are identifying on their own:
        # "SSN last4 6621", "SSN (last 4): 0932", "social security ending in 4471"; the words the other way round too:
        # "last 4 SSN 6022", and a form's "Last4: 4471".
        Rule("ssn_last_four", US_SSN,
             # (not one already masked to its last four, "SSN xxx-xx-4471": the writer has de-identified it)
             r"(?:\b(?i:ssn|social\s+security(?:\s+(?:number|no\.?))?|SS#)\s*[#:(]?\s*(?i:last\s*(?:4|four)(?:\s+digits)?|ending(?:\s+in)?)\)?"
             r"|(?<![\w])(?i:last[ ]?(?:4|four)[ ](?:of[ ])?(?:the[ ])?(?:ssn|social\s+security(?:\s+number)?)|last4))"
             r"\s*[:#]?\s*(?P<phi>\d{4})(?![\d\-])",
             0.85, needs=has_digit),
        Rule("credit_card", CREDIT_CARD,
             rf"(?<![\dA-Za-z])(?P<phi>\d{{4}}(?:{S}\d{{4}}){{2}}{S}\d{{1,4}}(?:{S}\d{{1,3}})?)(?!\d)", 0.9,
             validator=luhn_ok, needs=has_digit),
        Rule("credit_card_amex", CREDIT_CARD, rf"(?<!\d)(?P<phi>3[47]\d{{2}}{S}\d{{6}}{S}\d{{5}})(?!\d)", 0.9,
             validator=luhn_ok, needs=has_digit),
        Rule("phone_intl", PHONE_NUMBER,
             r"(?<![\w+])(?<!\b(?i:NDC|UPC|GTIN|SKU)(?:\s*(?i:no\.?|code|#))?\s*[:#]?\s*)(?P<phi>(?:\+|00)[1-9]\d{0,2}(?:[ .\-]?\(?\d{1,5}\)?){2,6})(?!\d)", 0.8,
             validator=digit_count_between(8, 15), needs=has_digit),
        Rule("phone_us", PHONE_NUMBER,
             r"(?<![\dA-Za-z])(?P<phi>(?:\+?1[ .\-]?)?\(?[2-9]\d{2}\)?[ .\-]{0,2}\d{3}[ .\-]{0,2}\d{4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?)(?!\d)",
             0.8, needs=has_digit),
        Rule("phone_cued", PHONE_NUMBER,
             r"(?:phone|tel|telephone|mobile|cell|fax|pager|call(?: me| us| her| him)?(?: at| on)?|ring(?: me)?(?: on| at)?|contact(?: number)?|reach (?:me|her|him|us) (?:at|on)"
             r"|(?-i:HP|H/P|hp)(?: no\.?)?|handphone)"  # (Singapore's and Malaysia's "HP 9178 2264": the handphone)
             r"[\s.:#\-]*(?:is|at|number|no\.?)?[\s.:#\-]*(?P<phi>\+?\(?\d[\d\s\-().]{5,30}\d)",
             0.85, validator=digit_count_between(7, 15), needs=has_digit),
        # A trunk prefix in brackets: "(0)20 7123 4567", "+44 (0)161 496 0000".
        Rule("phone_trunk", PHONE_NUMBER, r"(?<![\w)])(?P<phi>\(0\)\s?\d{1,5}(?:[ .\-]?\d{2,4}){2,3})(?!\d)", 0.8,
             validator=digit_count_between(8, 13), needs=contains_any("(0)")),
        # National numbers with a trunk zero and mixed separators: "070-123 45 67", "0161-496 0000".
        Rule("phone_trunk_mixed", PHONE_NUMBER,
             r"(?<![\d.,:/\-])(?<!\b(?i:NDC|UPC|GTIN|SKU)(?:\s*(?i:no\.?|code|#))?\s*[:#]?\s*)"  # "NDC 0003-0894-21": a drug's code
             r"(?P<phi>0\d{1,4}[\- ]\d{2,4}(?:[ \-]\d{2,4}){1,3})(?![\d,]|\.\d)",
             0.6, validator=_grouped_phone_ok, needs=_digit_and(r"(?<!\d)0\d{1,4}[\- ]\d")),
        # National formats without a country code: "9472 7916", "01.84.17.61.18", "78 651 450".
        Rule("phone_grouped", PHONE_NUMBER,
             r"(?<![\d.,:/\-])(?<!(?:批号|批次|(?i:lot|batch|NDC|UPC|GTIN|SKU)(?:\s*(?i:no\.?|number|code|#))?)\s*[:：]?\s*)"
             r"(?P<phi>\(?\d{2,5}\)?(?P<sep>[ .\-])\d{2,4}(?:(?P=sep)\d{2,4}){1,3})(?![\d,]|\.\d|\s*(?:mg|ml|mmol|kg|g\b|%|mmhg|bpm))",
             0.6, validator=_grouped_phone_ok, needs=has_digit),
        # Hong Kong's and Singapore's eight digits in two fours, with no cue: "兒子手提：6388 2019", "Wife Siti
        # 9127 4480", "(NS, 9734 1182)". A year's 2024 or 1998 never opens one; a dose's or a count's unit never
        # follows, nor a third group (a card's or an account's run).
        Rule("phone_hk_sg", PHONE_NUMBER,
             r"(?<![\d.,/\-+#])(?<!\d:)(?<!\d )(?P<phi>(?!19|20)[235689]\d{3} \d{4})"
             r"(?![\d,]|\.\d| \d|\s?(?i:mg|ml|mmol|kg|g\b|%|mmhg|bpm|units?|iu|cells|copies|元|次|个|例|人|份|ml))",
             0.6, validator=lambda v: not any(g.endswith("000") for g in v.split()),  # 5000 1000: round counts
             needs=_digit_and(r"(?<!\d)[235689]\d{3} \d{4}(?!\d)")),
        # Mobiles without a cue: UK "07700 900123", Indian "98450 27713" (five and five).
        Rule("phone_mobile_national", PHONE_NUMBER,
             r"(?<![\d.,:/\-+])(?P<phi>07\d{3}[ ]?\d{6}|07\d{3}[ ]\d{3}[ ]\d{3}|[6-9]\d{4}[ ]\d{5})(?![\d,]|\.\d)",
             0.7, needs=_MOBILE_SEEN),
        # A city in Latin letters inside Chinese text: "住在Vancouver", "来自 Toronto".
        Rule("latin_city_in_chinese", LOCATION,
             r"(?:住在|住|来自|老家(?:在|是)?|现居|居住在|搬到|搬去|定居(?:在)?|移民到|生活在|工作在|在)\s?"
             r"(?P<phi>\p{Lu}[a-z]+(?:[ \-]\p{Lu}[a-z]+){0,2})(?![A-Za-z])",
             0.75, validator=_gazetteer_city, needs=_LATIN_CITY_IN_CJK_SEEN, flags=0),
        # A run of 9+ digits (any grouping) left unexplained is an identifier of some kind.
        Rule("long_number", ID_NUMBER,
             # a medicine's or a vaccine's lot number is no identifier of the patient (批号 20240315, Lot 123456789)
             r"(?<![\dA-Za-z.])(?<!(?:批号|批次|批號|生产批号|(?i:lot|batch|NDC|UPC|GTIN|SKU)(?:\s*(?i:no\.?|number|code|#))?)\s*[:：]?\s*)"
             r"(?P<phi>\d(?:[ \-]?\d){8,24})(?!\d|\.\d)"
             r"(?!\s*(?:元|块|万|千|美元|人民币|毫|mg|ml|g\b|kg|IU|U/L|次|个|天|周|月|年|岁|%|dollars|usd|rmb))",
             0.6, needs=has_digit),
        # IBANs ("GB02RVXB01271286793653", "DE89 3704 0044 0532 0130 00"): bank accounts, checksummed.
        Rule("iban", ACCOUNT_NUMBER, r"(?<![A-Za-z0-9])(?P<phi>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])",
             0.9, validator=_iban_ok, needs=_digit_and(r"[A-Z]{2}\d{2}"), flags=0),
        # a bank branch's code (IFSC HDFC0001234, SWIFT/BIC) names the branch, not the customer;
        # a drug's approval number (国药准字H20051408, 批准文号：Z20025123) names the product
        Rule("alnum_id", ID_NUMBER, r"(?<![A-Za-z0-9\-])(?<!\b(?:IFSC|SWIFT|BIC|MICR)(?:\s*(?i:code))?\s*[:#]?\s*)"
             r"(?<!(?:准字|批准文号|批准号)\s*[:：]?\s*)(?P<phi>(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z]{1,4}(?:\d{1,2}-[A-Z]|-\d{2,4}-|-?)\d{5,}[A-Z0-9\-]*(?:\([0-9A-Z]\))?)(?![A-Za-z0-9])",
             0.55, needs=has_digit, flags=0),
    ]


_TLDS = r"(?:com|cn|net|org|edu|gov|int|mil|io|info|biz|me|cc|tv|top|xyz|site|online|app|hk|tw|jp|uk|us|de)"


def web_rules() -> list[Rule]:
    """E-mail, URL and IP with ASCII-only edges.

    Presidio's built-ins rely on `\\b`, and in Chinese text a CJK character counts as a word
    character: "邮箱zhang@qq.com谢谢" is missed and "我的邮箱是zhang@163.com" comes back with the
    Chinese prefix glued on. These patterns stop at the first non-ASCII character instead.
    """
    return [
        Rule("email", EMAIL_ADDRESS,
             r"(?<![A-Za-z0-9._%+\-])(?P<phi>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24})(?![A-Za-z0-9\-])",
             1.0, needs=contains_any("@"), flags=0),
        Rule("url", URL, r"(?P<phi>(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+)", 0.9,
             needs=contains_any("http", "www."), flags=regex.IGNORECASE),
        Rule("domain", URL,
             rf"(?<![A-Za-z0-9@.\-])(?P<phi>(?:[A-Za-z0-9\-]+\.)+{_TLDS}(?:/[A-Za-z0-9\-._~/?#=&%]*)?)(?![A-Za-z0-9\-])",
             0.6, needs=contains_any("."), flags=regex.IGNORECASE),
        Rule("ipv4", IP_ADDRESS,
             r"(?<![\d.])(?P<phi>(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?![\d.])",
             0.85, needs=has_digit),
    ]
