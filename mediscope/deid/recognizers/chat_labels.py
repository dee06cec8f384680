"""The other speakers of a chat whose one speaker is known to be a screen name.

A group chat or a forum thread copied as text opens each turn with the member's screen name and a
colon (小雨点：我也是那款, 阳光总在风雨后：有没有透析的病友). A screen name can be any phrase, so no rule
on the label alone tells it from a form's field (现病史：) or a speaker's role (医生：). But once one
label of the transcript is known to be a handle (an emoji in it, an @, a login), the transcript is a
chat, and the other labels of the same shape are its other members. This step runs after the
recognizers, on their spans, so it works from what they found rather than from cue words.

Roles, kin words, field labels, notices and service accounts (clinic_bot) stay out: in a chat as much as in a form they name no one.
"""

from __future__ import annotations

import regex

from mediscope.deid.recognizers.en_shared_rules import is_field_name, is_service_login
from mediscope.deid.recognizers.zh_identifiers import LABEL_WORD_CHARS, NOTICE_HEADINGS
from mediscope.deid.recognizers.zh_names import KINSHIP_WORDS
from mediscope.deid.recognizers.zh_person import FIELD_LABEL_ENDS
from mediscope.deid.recognizers.zh_tables import LABEL_ENDS
from mediscope.deid.types import PhiSpan

SOCIAL_HANDLE = "SOCIAL_HANDLE"

# A turn's label: a line's first one to three words, then a colon and the turn's text on the same line.
_TURN_LABEL = regex.compile(
    r"(?m)^[ \t]*(?P<label>@?[^\s：:，,。！!？?\[\]【】《》<>（）()@]{1,16}(?:[ ][^\s：:，,。！!？?\[\]【】《》<>（）()@]{1,16}){0,2})"
    r"[ \t]*[：:](?=[ \t]*\S)")

# Who speaks without being anyone in particular: roles, the system, a post's parts.
_ROLES_ZH = frozenset({
    "医生", "患者", "病人", "家属", "护士", "系统", "系统提示", "系统消息", "管理员", "群主", "群管", "客服", "助手", "小助手",
    "机器人", "主持人", "记者", "问", "答", "我", "你", "他", "她", "回复", "评论", "评论区", "标题", "楼主", "作者", "时间",
    "日期", "地点", "内容", "备注", "主任", "专家", "药师", "医助", "患儿", "宝妈", "宝爸", "用户", "网友", "博主", "粉丝",
    "原文", "正文", "话题", "来源", "链接", "转发", "点赞", "小妹", "小弟", "IP属地", "属地", "发布于", "编辑于",
    "患者家属", "患者本人", "患儿家长", "家长", "患方", "本人", "咨询者", "提问者",
})
_ROLES_EN = frozenset({
    "patient", "pt", "doctor", "dr", "nurse", "rn", "md", "caller", "agent", "operator", "admin", "system", "bot", "me", "you",
    "q", "a", "question", "answer", "note", "notes", "re", "subject", "from", "to", "cc", "bcc", "date", "time", "reply",
    "comment", "comments", "mum", "mom", "dad", "son", "daughter", "wife", "husband", "staff", "clinician", "pharmacist",
    "gp", "interpreter", "translator", "moderator", "host", "user", "guest", "title", "source", "link", "tags", "status",
    "location", "update", "edited", "sent", "received", "ip",
})
_TITLE_WORDS_EN = frozenset({"dr", "dr.", "nurse", "doctor", "prof", "prof."})
_CLINICIAN_ENDS_ZH = ("医生", "护士", "主任", "老师", "大夫", "药师")
# Who runs a peer-support or a counselling group's chat (阿禾-同伴支持员：, 社工小林：): such a chat is people
# talking, like a consultation, not a log's readings.
_SUPPORTER_ENDS_ZH = ("支持员", "社工", "咨询师", "志愿者", "管理员", "群主", "督导", "主持人")
_FIELD_ENDS = LABEL_ENDS | frozenset(FIELD_LABEL_ENDS)


def _names_no_one(label: str) -> bool:
    """A role, a kin word, a field's or a notice's label: in a chat too it is nobody's screen name."""
    value = label.lstrip("@").strip()
    if not value or value.isdigit():
        return True
    han = "".join(ch for ch in value if "\u4e00" <= ch <= "\u9fff")
    if han and (han in _ROLES_ZH or value in _ROLES_ZH or han in KINSHIP_WORDS or any(ch in LABEL_WORD_CHARS for ch in han)
                or han.startswith(NOTICE_HEADINGS) or han.endswith(_CLINICIAN_ENDS_ZH)
                or (han == value and han[-1] in _FIELD_ENDS)):
        return True
    low = value.lower()
    return (low in _ROLES_EN or low.split()[0] in _TITLE_WORDS_EN
            or value.isascii() and (is_service_login(value) or ("_" in value or "." in value) and is_field_name(value)))


def _bare(value: str) -> str:
    return value.lstrip("@").strip()


def sibling_chat_labels(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and, when one turn's label is a detected screen name, the other members' labels."""
    if "：" not in text and ":" not in text or not any(s.entity_type == SOCIAL_HANDLE for s in spans):
        return spans
    labels = [(m.start("label"), m.end("label"), m.group("label")) for m in _TURN_LABEL.finditer(text)]
    if not labels:  # (one label is enough when it is a handle found elsewhere: @雨后彩虹 … 雨后彩虹：)
        return spans
    handles = {_bare(text[s.start:s.end]) for s in spans if s.entity_type == SOCIAL_HANDLE}

    def is_handle(start: int, end: int, value: str) -> bool:
        core = start + (len(value) - len(value.lstrip("@")))
        return _bare(value) in handles or any(
            s.entity_type == SOCIAL_HANDLE and s.start <= core and s.end >= end for s in spans)

    if not any(is_handle(*label) for label in labels):
        return spans
    found = [PhiSpan(start, end, SOCIAL_HANDLE, 0.7, "chat_sibling_label") for start, end, value in labels
             if not any(s.start < end and s.end > start for s in spans) and not _names_no_one(value)]
    return spans + found if found else spans


# A consultation app's export: each turn opens with its clock time (and the day, on the first turn of a
# day), then the speaker and a colon: "2026-03-21 10:45　晚风不吹了：医生您好…", "10:52　勾医生：您好…".
_TIMED_TURN = regex.compile(
    r"(?m)^[ \t]*(?:(?:19|20)?\d{2}[/\-.]\d{1,2}[/\-.]\d{1,2}[ \t\u3000]+)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?[ \t\u3000]+"
    r"(?P<label>[^\s：:，,。！!？?\[\]【】《》<>（）()@]{2,16})[ \t]*[：:](?P<said>[^\n]*)")
_SPEECH = regex.compile(r"[\u4e00-\u9fff]{4}")


def timed_chat_labels(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` and the patients' screen names of a timed doctor-patient chat.

    The chat must show a clinician's or a group supporter's turn (勾医生：, 医生：, 阿禾-同伴支持员：): a nursing or a vitals log times its lines the
    same way (08:00 体温：36.5), but no one in it speaks to a doctor. A label counts when one of its turns
    says something (four Chinese characters in a row), not a reading."""
    if ":" not in text and "：" not in text:
        return spans
    turns = list(_TIMED_TURN.finditer(text))
    if len(turns) < 2 or not any(_bare(m.group("label")).endswith((*_CLINICIAN_ENDS_ZH, *_SUPPORTER_ENDS_ZH))
                                 or _bare(m.group("label")) == "医生" for m in turns):
        return spans
    speaking = {m.group("label") for m in turns if _SPEECH.search(m.group("said"))}
    found = [PhiSpan(m.start("label"), m.end("label"), SOCIAL_HANDLE, 0.7, "timed_chat_label") for m in turns
             if m.group("label") in speaking and not _names_no_one(m.group("label"))
             and not any(s.start < m.end("label") and s.end > m.start("label") for s in spans)]
    return spans + found if found else spans

