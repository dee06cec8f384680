"""Chinese identifiers by cue word, shape and checksum: identity cards (mainland and Taiwan),
phones, record, insurance and staff numbers, bank accounts, travel and other documents, social
handles, licence plates and device serials.

One family of regex rules (`zh_identifier_rules`, run as the ZhIdentifierRecognizer) with the cue
lists and validators only it uses, kept apart so the identifier rules read as one unit; the table
recognizer reads `MRN_CUES` from here too.
"""

from __future__ import annotations

from itertools import islice

import regex

from mediscope.deid.recognizers.base import (
    Rule,
    cn_id_checksum_ok,
    cn_id_plausible,
    contains_any,
    digit_count_between,
    has_digit,
    luhn_ok,
    ready_jieba,
)
from mediscope.deid.recognizers.zh_dates import COMPACT_DAY
from mediscope.deid.recognizers.zh_names import KINSHIP_WORDS
from mediscope.deid.recognizers.zh_patterns import CJK, S, _alt
from mediscope.deid.types import (
    ACCOUNT_NUMBER,
    CN_ID_CARD,
    DEVICE_ID,
    ID_NUMBER,
    INSURANCE_ID,
    LICENSE_PLATE,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PHONE_NUMBER,
    SOCIAL_HANDLE,
)

# What may sit between a cue and its value: 住院号：, 住院号是, 住院号为 No. ..., and a table's
# cell border (| 病历号 | 3308812 |); 码 after a cue's 号 (住院号码：, 病歷號碼).
CUE_GAP = r"(?:[\s:：#=\-|｜]|(?<=号)码|号码|编号|号|是|为|No\.?|[（(](?:19|20)\d\d[）)]第?)*"  # (2023)第00812号
ID_VALUE = r"(?P<phi>(?=[A-Za-z0-9\-/ ]*\d)[A-Za-z0-9](?:[A-Za-z0-9\-/]|[ ](?=[A-Za-z0-9])){3,32})"


def _ocr_mobile_ok(value: str) -> bool:
    """A mobile read with OCR's l/I for 1 and O/o for 0: some letters, at least seven real digits."""
    letters = sum(ch in "lIOo" for ch in value)
    return 1 <= letters <= 4 and sum(ch.isdigit() for ch in value) >= 7


def _cn_id_validator(value: str) -> float | None:
    if cn_id_checksum_ok(value) and cn_id_plausible(value):
        return 1.0
    return None  # invalid checksum: left to the generic long-number rule


def _platform_id_ok(value: str) -> bool:
    """An account name, not a word: a digit or an underscore, or six Latin characters or more."""
    if any(ch.isdigit() or ch == "_" for ch in value):
        return not (value.isdigit() and len(value) < 5)
    return regex.fullmatch(r"[A-Za-z.\-]{6,30}", value) is not None


_TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # 10..35 in the card's own order


def _handle_not_term(value: str) -> bool:
    """A screen name, not a lab or disease code: a Latin run with capitals and digits (HbA1c,
    COVID19, CA125) is a term unless an underscore or Chinese marks it as a chosen name."""
    latin_only = all(ch.isascii() for ch in value)
    return not (latin_only and "_" not in value and any(ch.isupper() for ch in value))


_CAPS_BEFORE_DIGITS = regex.compile(r"[A-Za-z_]+(?=\d+$)")


def _at_place_label_ok(value: str) -> bool:
    """The part after the @ is a place jieba knows (深圳, 杭州), not a group's everyone (@所有人) or a
    hospital's system."""
    place = value.split("@", 1)[1]
    return ready_jieba().posseg.dt.word_tag_tab.get(place, "") == "ns"


def _han_handle_ok(value: str) -> bool:
    """Chinese, then Latin and digits, is a screen name in lower case (小鱼儿ww2019, 糖糖妈mm2020); in
    capitals it is a lab line's analyte and its code (糖类抗原CA199：, 复查CA125：, 查了CA125)."""
    m = _CAPS_BEFORE_DIGITS.search(value)
    return m is None or not m.group().isupper()


_CHAT_LABEL_LINE = regex.compile(r"(?m)^[ \t]*[^\s：:，,。]{1,16}[ \t]*[：:](?![ \t]*$)")
# Chinese words a report's line label holds with Latin (CT报告：, B超结果：, HPV检测：): no screen name.
LABEL_WORD_CHARS = frozenset("报告结果检查检测复查诊断化验超声影像病理")
# A notice's headings, with or without an emoji (重要❗：, 温馨提示🔔：): no one's name.
NOTICE_HEADINGS = ("重要", "注意", "提醒", "提示", "通知", "公告", "紧急", "必看", "置顶", "备注", "说明", "须知", "温馨")


def _chat_label_ok(value: str) -> bool:
    """A screen name that marks itself (Cici🐱, Amy朵朵, 阿May, 大哥-国栋, 快乐的小鱼2023), not a report's label."""
    han = [ch for ch in value if "\u4e00" <= ch <= "\u9fff"]
    if any(ch in LABEL_WORD_CHARS for ch in han) or "".join(han).startswith(NOTICE_HEADINGS):
        return False
    if "-" in value:  # a kin word or 小/老/阿 and a surname before the hyphen (not 术前-术后)
        left = value.split("-", 1)[0]
        return left in KINSHIP_WORDS or len(left) == 2 and left[0] in "小老阿"
    return True


# A clinician named by surname and title (作者 王医生): the name rules' surname, no screen name. Only the
# clinicians' titles of lexicon.TITLES_ZH: a screen name may well end in 奶奶 or 阿姨 (快乐奶奶).
_TITLE_ENDS = ("医生", "大夫", "医师", "主任", "护士", "教授", "老师", "药师")


def _chat_transcript(text: str) -> bool:
    """Two lines or more open with a label and a colon: a chat or a transcript. (The rule's pre-filter,
    run on every Chinese text: most have no colon and are answered without a scan.)"""
    if "：" not in text and ":" not in text:
        return False
    return len(list(islice(_CHAT_LABEL_LINE.finditer(text), 2))) == 2


# A clause the writer glosses, not a chosen name: it opens with a verb of reporting (网友反映的患者（实名…）)
# or ends on the word for the patient, the family or the staff it speaks about.
_GLOSSED_CLAUSE_OPENERS = ("反映", "反馈", "投诉", "举报", "提到", "提及", "表示", "称", "说", "询问", "咨询", "留言", "描述")
_GLOSSED_CLAUSE_ENDS = ("患者", "病人", "病患", "家属", "医生", "护士", "本人", "病友")


def _nickname_not_clause(value: str) -> bool:
    """A glossed nickname is no clause: it neither opens on a reporting verb (反映, 称, 咨询) nor ends
    on the patient, the family or the staff it speaks about (家属, 医生)."""
    return not (value.startswith(_GLOSSED_CLAUSE_OPENERS) or value.endswith(_GLOSSED_CLAUSE_ENDS))


_COMPACT_DAY = regex.compile(COMPACT_DAY)


def _tw_id_ok(value: str) -> bool:
    """The Taiwan card's checksum: the letter's two digits, then weights 8..1 and 1 on the rest."""
    code = _TW_LETTERS.find(value[0]) + 10
    digits = [code // 10, code % 10, *(int(c) for c in value[1:])]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(d * w for d, w in zip(digits, weights, strict=False)) % 10 == 0


def _luhn_or_none(value: str) -> bool:
    return luhn_ok(value)


MRN_CUES = ("住院号", "门诊号", "病案号", "病历号", "住院病历号", "就诊号", "就诊卡号", "门诊卡号",
            "诊疗卡号", "登记号", "检查号", "影像号", "病理号", "标本号", "ID号", "患者ID", "病人ID",
            "流水号", "挂号单号", "处方号", "住院编号", "门诊编号", "病案编号", "档案号", "健康档案号",
            "就诊卡", "诊疗卡", "病历本号", "检验号", "条码号", "申请单号", "报告单号",
            # appointment, emergency, check-up and hospital-system numbers; barcodes
            "预约号", "预约编号", "急诊号", "急诊编号", "留观号", "体检号", "体检编号", "HIS号", "PID", "检验条码",
            "标本条码", "条形码", "收费单号", "缴费单号", "发票号", "床旁码", "腕带号", "随访编号", "会员号", "会员卡号",
            "就诊ID", "门诊ID", "住院ID", "病历ID", "患者编号", "病人编号", "样本号", "样本编号", "切片号", "蜡块号",
            "透析号", "随访号", "标本编号", "健康卡号", "居民健康卡号", "医疗卡号", "会诊号", "转诊单号", "转诊编号",
            # a receipt's or invoice's number, printed on the patient's own bill (票据号码：0O6612873)
            "票据号", "票据号码", "发票号码", "收据号", "收据号码", "单据号", "单据号码", "处方编号",
            # a pregnancy's, a screening's, a monitoring's or an IVF cycle's own number (建档号, 筛查编号, 周期号)
            "建档号", "建册号", "产检号", "保健手册编号", "手册编号", "筛查编号", "筛查号", "监测号", "周期号", "配型号", "配型检测号",
            "胚胎编号",
            # examination numbers: 心电图号, 胃镜号, 超声号, CT号 ...
            *(exam + suffix for exam in ("心电图", "胃镜", "肠镜", "内镜", "超声", "彩超", "B超", "放射", "CT", "MRI", "MR",
                                         "DR", "核医学", "PET", "病理", "检验", "检查")
              for suffix in ("号", "编号")))
INSURANCE_CUES = ("医保卡号", "医保号", "医保卡", "医保账号", "社保卡号", "社保号", "社保卡",
                  "医疗保险号", "医疗保险卡号", "保险单号", "保单号", "新农合卡号", "新农合号", "参保号",
                  "农合号", "商业保险号", "电子医保凭证", "医保编号", "个人编号", "理赔号", "理赔编号", "报案号", "赔案号",
                  "案件号", "保险卡号", "医保个人编号", "参保人编号",
                  # a Hong Kong or Taiwan policy's number, as its own script writes it: 保單AXA-HK-77821093
                  "保單號碼", "保單號", "保單編號", "保單", "保險單號", "保險單號碼", "保单", "保险单")
ACCOUNT_CUES = ("银行卡号", "银行卡", "银行账号", "银行帐号", "卡号", "账号", "帐号", "账户", "帐户",
                "支付宝账号", "支付宝", "开户账号", "收款账号")
DEVICE_CUES = ("设备号", "设备编号", "序列号", "起搏器编号", "起搏器序列号", "植入物编号", "仪器编号",
               "血糖仪编号", "机身号", "IMEI", "SN码", "S/N",
               # sensors and pumps worn by the patient: 传感器编号3MH01Y8C2A, 泵编号NG4K7Q2M9T
               "传感器编号", "传感器序列号", "探头编号", "发射器编号", "泵编号", "泵序列号", "助听器编号", "耳蜗编号",
               "呼吸机编号", "制氧机编号")
DEVICE_NOUNS = ("泵", "起搏器", "除颤器", "传感器", "发射器", "探头", "助听器", "耳蜗", "呼吸机", "制氧机", "血糖仪",
                "监测仪", "监护仪", "仪器", "设备", "手环", "植入物", "电极", "刺激器",
                # machines a patient is put on, numbered per bed or per session (透析机编号 FMC-4008S-A17725)
                "透析机", "血透机", "终端", "机器")
_DEVICE_NOUN_HIT = contains_any(*DEVICE_NOUNS)
SOCIAL_CUES = ("微信号", "微信", "VX", "vx", "wx", "WX", "WeChat", "wechat", "微信ID")

PLATFORMS_ZH = ("抖音", "微博", "小红书", "快手", "B站", "b站", "哔哩哔哩", "知乎", "视频号", "公众号", "头条", "豆瓣",
                "贴吧", "今日头条", "西瓜视频")
# What follows a handle in a sentence: the verb of the sentence, or where it was seen.
_HANDLE_ENDS = ("说", "私信", "发帖", "发了", "发的", "发布", "发视频", "看到", "上看", "里看", "的视频", "的帖子", "的直播",
                "的评论", "回复", "留言", "直播", "评论", "讲", "提到", "推荐", "分享", "问过", "咨询", "求助", "联系",
                "那里", "那儿", "里面", "上面")
# Identity documents other than the resident card: passports, travel permits, officers' cards,
# licences, household registers, birth certificates.
DOC_ID_CUES = ("护照号", "护照号码", "护照", "通行证号", "通行证号码", "港澳通行证", "台湾通行证", "往来港澳通行证", "回乡证",
               "台胞证", "台胞证号", "台胞证号码", "军官证", "军官证号", "士兵证", "警官证", "驾驶证", "驾驶证号", "驾照号",
               "行驶证号", "户口本编号", "户口簿编号", "户籍编号", "出生医学证明编号", "出生证编号", "出生证明编号", "出生证号",
               "准生证号", "生育服务证号", "残疾证号", "居住证号", "暂住证号", "外国人永久居留证", "永久居留证号", "社会保障号",
               "社保卡号码", "证件号码", "证件编号")
STAFF_ID_CUES = ("工号", "员工号", "职工号", "工作证号", "员工编号", "职工编号", "胸牌号", "执业证号", "执业证书编号",
                 "医师编号", "护士编号", "操作员号", "操作员编号",
                 # a police officer's number (民警鄢警官（警号023417）), a crew member's badge
                 "警号", "警员编号", "警员号", "工牌号")
# The number of one person's case at a hotline, an assessor's, a police desk or an ambulance service:
# 咨询编号：PCC-CD-260320-031, 评估号LTC-CQ-2026-01876, 警情号JQ20260319-0562, 出车单号.
CASE_ID_CUES = ("咨询编号", "咨询号", "评估号", "评估编号", "受理号", "受理编号", "事件编号", "不良事件编号", "警情号",
                "接警号", "接警编号", "出车单号", "出车编号", "投诉编号", "投诉单号", "调解编号", "鉴定编号", "协议编号",
                "案件编号", "工单号", "来电编号", "呼救编号", "任务单号")

_PLATE_CHAR = "A-HJ-NP-Za-hj-np-z"  # plates skip I and O
_PROVINCE_ABBR = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"


# Three numerals, a pause and four more: the least a number read out in groups holds.
_NUMERAL_GROUPS = regex.compile(r"[零〇一二三四五六七八九幺两]{3}[，,、·][零〇一二三四五六七八九幺两]{4}")


def zh_identifier_rules() -> list[Rule]:
    return [
        # 18-digit resident ID (checksum-validated), any grouping.
        Rule("cn_id", CN_ID_CARD,
             rf"(?<![\dA-Za-z])(?P<phi>[1-9](?:{S}\d){{16}}{S}[\dXx])(?![\dA-Za-z])", 1.0,
             validator=_cn_id_validator, needs=has_digit),
        Rule("cn_id_cued", CN_ID_CARD,
             rf"(?:身份证|身份证号|身份证号码|公民身份号码|证件号|证件号码)(?:{CUE_GAP})(?P<phi>\d(?:{S}[\dXx]){{14,17}})(?![\dA-Za-z])",
             0.95, needs=has_digit),
        # Mobiles: 11 digits starting 1[3-9], optional +86 / 0086, any grouping.
        Rule("cn_mobile", PHONE_NUMBER,
             rf"(?<![\dA-Za-z])(?P<phi>(?:(?:\+|00)?\s?\(?86\)?{S})?1{S}[3-9](?:{S}\d){{9}})(?!\d)",
             0.95, needs=has_digit),
        # A mobile written letter-spaced, as a courier's waybill or a scanned form prints it, with wider
        # gaps around its dashes: "1 3 6 - 0 2 2 7 - 4 1 9 5".
        Rule("cn_mobile_letter_spaced", PHONE_NUMBER,
             r"(?<![\dA-Za-z])(?P<phi>1[ ][3-9](?:[ ](?:-[ ])?\d){9})(?![ ]?\d)", 0.9, needs=has_digit),
        # Landlines: 0 + 2-3 digit area code (parenthesised or not) + 7-8 digits, extension.
        Rule("cn_landline", PHONE_NUMBER,
             rf"(?<![\dA-Za-z])(?P<phi>(?:(?:\+|00)?86{S})?(?:\(0\d{{2,3}}\)|0\d{{2,3}}){S}[2-9]\d{{2,3}}{S}\d{{4}}(?:\s*(?:转|分机|ext\.?|x){S}\d{{1,5}})?)(?!\d)",
             0.9, needs=has_digit),
        # (with a person's extension after it: 400-820-5566转3217 reaches one clerk)
        Rule("cn_service", PHONE_NUMBER, rf"(?<!\d)(?P<phi>[48]00{S}\d{{3}}{S}\d{{4}}(?:\s?(?:转|轉|-|ext\.?)\s?\d{{2,6}})?)(?!\d)", 0.85,
             needs=has_digit),
        Rule("phone_cued", PHONE_NUMBER,
             rf"(?:电话|手机|手机号|联系电话|联系方式|座机|传真|固话|TEL|Tel|FAX|Fax|call)(?:{CUE_GAP})(?P<phi>\+?\(?\d[\d\s\-()]{{5,18}}\d)",
             0.85, validator=digit_count_between(7, 15), needs=has_digit),
        # A Hong Kong number (eight digits, 4 4) after a contact word and the contact's name or relation
        # (联络：曾太 2779 3388, 紧急联络人：CHEUNG Mei Kuen（女儿）6234 8891).
        Rule("hk_phone_contact", PHONE_NUMBER,
             r"(?:联络|联系人|联系)[^\d\n。；;]{0,24}?(?<![\d\-/])(?P<phi>[235679]\d{3}[ \-]?\d{4})(?![\d\-/.:]|\s?(?:mg|ml|g|元|块|次|岁|年|号))",
             # not a compact day after the contact (已联系家属，20240320再评估)
             0.8, validator=lambda v: not _COMPACT_DAY.fullmatch(v), needs=contains_any("联络", "联系")),
        # A Hong Kong number (eight digits, 4 4) right after a verb of calling (有咩问题打2958 3312, 致电 3456 7788).
        Rule("hk_phone_call", PHONE_NUMBER,
             r"(?:打|致电|拨打|拨|call)(?:给我|俾我|畀我)?[ \t]?(?<![\d\-/])(?P<phi>[235679]\d{3}[ \-]?\d{4})"
             r"(?![\d\-/.:]|\s?(?:mg|ml|g|元|块|次|岁|年|号|单位|iu|u\b))",
             0.8, validator=lambda v: not _COMPACT_DAY.fullmatch(v), needs=contains_any("打", "致电", "拨", "call")),
        # OCR reads 1 as l or I and 0 as O (联系电话:l38 OO2l 7765): after a phone cue, a mobile's
        # 3-4-4 shape with only those letters for digits, most of it still digits.
        Rule("phone_cued_ocr", PHONE_NUMBER,
             rf"(?:电话|手机|手机号|联系电话|联系方式)(?:{CUE_GAP})(?P<phi>[1lI][3-9][\dlIOo] ?[\dlIOo]{{4}} ?[\dlIOo]{{4}})(?![\dA-Za-z])",
             0.8, validator=_ocr_mobile_ok, needs=has_digit, flags=0),
        # Pagers, extensions and short numbers have 3-8 digits: 呼叫器号 8823, BP机 96123, 分机 8012, 短号 661234.
        Rule("pager_cued", PHONE_NUMBER,
             r"(?:呼叫器|寻呼机|寻呼|BP机|传呼机|传呼|分机|内线|短号|集团短号)(?:号码|号)?(?:是|为)?[\s:：#]*(?P<phi>\d{3,8})(?![\d.])",
             0.85, needs=contains_any("呼", "bp机", "分机", "内线", "短号")),
        Rule("mrn_cued", MEDICAL_RECORD_NUMBER, rf"(?:{_alt(MRN_CUES, spaced=True)})(?:{CUE_GAP}){ID_VALUE}", 0.95,
             needs=has_digit),
        # A scan breaks the line inside the number (住院号：ZY20260↵05121  患者：…): the digits that open
        # the next line belong to it where a wide gap or a pause closes them.
        Rule("mrn_line_broken", MEDICAL_RECORD_NUMBER,
             rf"(?:{_alt(MRN_CUES, spaced=True)})[ \t:：#]*(?P<phi>(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{{4,20}}\n\d{{3,12}})"
             r"(?=[ \t\u3000]{2,}|\t|[ \t]*[，,；;|｜]|[ \t]*(?:\n|$))",  # or the next line (…7721↵WBC 12.6)
             0.95, needs=contains_any("\n"), flags=0),
        # An admission or registration form's heading, then the record's bare number (入院登记 9123613
        # 患者…): six to ten digits alone, no unit or date after them. Eight digits that read as a
        # calendar day (登记表 20240315) are the form's date, date_compact's.
        Rule("mrn_registration", MEDICAL_RECORD_NUMBER,
             r"(?:入院登记|住院登记|门诊登记|入院登记表|住院登记表|登记表)[\s:：#|｜]*(?P<phi>\d{6,10})(?![\d.\-/:年月日号%])",
             0.85, validator=lambda v: not _COMPACT_DAY.fullmatch(v), needs=contains_any("登记")),
        Rule("insurance_cued", INSURANCE_ID, rf"(?:{_alt(INSURANCE_CUES, spaced=True)})(?:{CUE_GAP}){ID_VALUE}", 0.95,
             needs=has_digit),
        Rule("account_cued", ACCOUNT_NUMBER, rf"(?:{_alt(ACCOUNT_CUES, spaced=True)})(?:{CUE_GAP}){ID_VALUE}", 0.9,
             needs=has_digit),
        Rule("bank_card", ACCOUNT_NUMBER,
             rf"(?<![\dA-Za-z])(?P<phi>\d{{4}}(?:{S}\d{{4}}){{2,3}}(?:{S}\d{{1,3}})?)(?!\d)", 0.85,
             validator=_luhn_or_none, needs=has_digit),
        Rule("device_cued", DEVICE_ID, rf"(?:{_alt(DEVICE_CUES, spaced=True)})(?:{CUE_GAP}){ID_VALUE}", 0.9, needs=has_digit),
        # The last four digits a payment or a card shows, still the card's: 招商银行信用卡(6841), 医保卡尾号 7719.
        Rule("card_last_four", ACCOUNT_NUMBER,
             r"(?:(?:信用卡|储蓄卡|借记卡|银行卡|医保卡|社保卡)[\s:：]*[（(](?P<phi>\d{4})[）)]"
             r"|(?:卡|账户|帐户)尾号(?:是|为)?[\s:：]*(?P<phi>\d{4}))(?!\d)", 0.8, needs=contains_any("卡", "尾号")),
        # A bare "SN:" before a serial, as a machine's plate prints it (Fresenius 4008S  SN:1l9278A); not
        # the SN of SNOMED.
        Rule("device_sn_colon", DEVICE_ID, rf"(?<![A-Za-z])SN\s*[:：#]\s*{ID_VALUE}", 0.85, needs=has_digit, flags=0),
        # A worn or implanted device, then its number with 的 or a bare SN between: 泵的编号是MMT-780G-...,
        # 发射器SN：8J2KXP, 呼吸机的序列号为....
        # 传感器：GS3-48K71Q: the device, a colon and a serial (letters and at least two digits, no
        # space: a model name such as MiniMed 780G stays).
        Rule("device_noun_colon", DEVICE_ID,
             rf"(?:{_alt(DEVICE_NOUNS)})\s*[:：]\s*(?P<phi>(?=[A-Za-z0-9\-]*[A-Za-z])(?=(?:[A-Za-z\-]*\d){{2}})[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){{5,24}})(?![A-Za-z0-9\-])",
             0.85, needs=_DEVICE_NOUN_HIT),
        Rule("device_noun_cued", DEVICE_ID,
             # 胰岛素泵（SN：MMT-1780K-A22931）: the serial may open a bracket after the device
             rf"(?:{_alt(DEVICE_NOUNS)})的?\s*[（(]?\s*(?:编号|序列号|机身号|串号|(?<![A-Za-z])(?:SN|S/N)(?![A-Za-z]))(?:{CUE_GAP}){ID_VALUE}",
             0.9, needs=_DEVICE_NOUN_HIT),
        Rule("wechat", SOCIAL_HANDLE,
             rf"(?:{_alt(SOCIAL_CUES)})(?:{CUE_GAP})(?:[^A-Za-z0-9\n。；;]{{0,12}}?)(?P<phi>[A-Za-z][A-Za-z0-9_\-]{{5,19}}|\+?\d[\d \-]{{5,16}}\d)",
             0.9, needs=contains_any("微信", "vx", "wx", "wechat"), flags=0),
        # a WeChat id may carry Chinese after its wxid_ (wxid_爱吃橘子)
        Rule("wxid", SOCIAL_HANDLE, r"(?<![A-Za-z0-9_])(?P<phi>wxid_(?:[A-Za-z0-9_\-]{4,30}|[\u4e00-\u9fffA-Za-z0-9_\-]{2,30}))", 0.95,
             needs=contains_any("wxid_")),
        # Platform-prefixed account ids carry their platform in the name (xhs_lanlan1988, dy_momo0921),
        # like wxid_: no cue needed.
        Rule("platform_prefixed_id", SOCIAL_HANDLE,
             r"(?<![A-Za-z0-9_.\-])(?P<phi>(?:xhs|dy|douyin|wb|weibo|ks|kuaishou|bili)_[A-Za-z0-9_\-]{3,30})(?![A-Za-z0-9_@.])",
             0.9, needs=contains_any("xhs_", "dy_", "douyin_", "wb_", "weibo_", "ks_", "kuaishou_", "bili_"), flags=0),
        # An @mention that mixes Chinese with a run of digits is a chosen handle (@小鹿爱吃草0612),
        # not a colleague's name (@张医生); an email's @ follows Latin, which the look-behind skips.
        Rule("handle_han_digits", SOCIAL_HANDLE,
             r"(?<![A-Za-z0-9._%+\-])(?P<phi>@[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z_]{1,20}\d{2,8})(?![\dA-Za-z_])", 0.85,
             needs=contains_any("@")),
        # A platform's name joined to the account by an underscore (@小红书_甜甜圈妈妈, 抖音_momo): the
        # way a shared profile link or a screenshot writes a handle.
        Rule("platform_underscore_handle", SOCIAL_HANDLE,
             rf"(?<![\w\u4e00-\u9fff])@?(?P<phi>(?:{_alt(PLATFORMS_ZH)})_[\w\u4e00-\u9fff\-]{{2,24}})(?![\w\u4e00-\u9fff\-])",
             0.85, needs=contains_any("_")),
        Rule("qq", SOCIAL_HANDLE, rf"(?:QQ|qq|扣扣|Q号)(?:{CUE_GAP})(?P<phi>[1-9](?:{S}\d){{4,11}})(?!\d)", 0.95,
             needs=contains_any("qq", "扣扣", "q号")),
        # A handle after a platform: 抖音号@骨科小王医生, 在微博@晴天的阿梅1987私信过您. The handle
        # ends at punctuation, a space, or the verb that follows it (说, 私信, 发帖...).
        Rule("platform_handle", SOCIAL_HANDLE,
             rf"(?:{_alt(PLATFORMS_ZH)})(?:号|账号|ID|id|上|里|的)?[^@\n]{{0,4}}?(?P<phi>@[\w\u4e00-\u9fff·\-]{{2,24}}?)"
             rf"(?=[\s，,。.！!？?；;：:、）)“”\"]|$|{_alt(_HANDLE_ENDS)}"
             # a handle's Latin tail after its underscore ends it where Chinese goes on (@抗癌小太阳_阿May自述…)
             r"|(?<=_[\w\u4e00-\u9fff]{0,12}[A-Za-z0-9])[\u4e00-\u9fff])",
             0.85, needs=contains_any("@")),
        # An account name after a platform's id word, no @: 抖音号dy_lanlan0921, 小红书号：xhs_momo2021,
        # B站UID 358221907, 微博名叫可乐加冰_0208. Latin handles end where Latin ends; a handle with
        # Chinese in it ends at punctuation and must hold a Latin letter, digit or underscore.
        Rule("platform_id", SOCIAL_HANDLE,
             rf"(?:{_alt((*PLATFORMS_ZH, '微信'))}|(?<![A-Za-z])LINE(?![A-Za-z]))\s?(?:号|账号|帐号|ID|UID|昵称|名字|用户名|名)(?:是|为|叫)?[\s:：]*"
             rf"(?P<phi>[A-Za-z0-9_][A-Za-z0-9_.\-]{{2,29}}(?<![.\-])(?![A-Za-z0-9_@])"
             rf"|[\u4e00-\u9fffA-Za-z0-9_·\-]{{2,24}}(?=[\s，,。；;！!？?、）)]|$))",
             0.85, validator=_platform_id_ok, needs=contains_any(*PLATFORMS_ZH, "微信", "line")),
        # A group chat's line opening with an @mention before the colon (@小鱼妈妈：医生，…, @团团爸: …):
        # the member's screen name as the chat shows it.
        # A turn's label with an @ inside it (小胖@深圳：, 豆豆妈@杭州：): a screen name that carries where the
        # member lives, as group chats ask their members to write it.
        Rule("chat_label_with_at", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?P<phi>[\u4e00-\u9fffA-Za-z0-9_]{1,10}@[\u4e00-\u9fff]{2,6})[ \t]*[：:]", 0.8,
             validator=_at_place_label_ok, needs=contains_any("@")),
        Rule("chat_at_speaker", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?P<phi>@[\u4e00-\u9fffA-Za-z0-9_·\-]{2,16})[ \t]*[：:]", 0.85,
             needs=contains_any("@")),
        # A network card's address (终端MAC 3C:52:82:A1:7F:09): six pairs of hex digits joined by : or -.
        Rule("mac_address", DEVICE_ID,
             r"(?<![0-9A-Fa-f:\-])(?P<phi>[0-9A-Fa-f]{2}(?P<sep>[:\-])[0-9A-Fa-f]{2}(?:(?P=sep)[0-9A-Fa-f]{2}){4})(?![0-9A-Fa-f:\-])",
             0.9, validator=lambda v: any(ch in "ABCDEFabcdef" for ch in v),  # a clock's 12:30:45 has none
             needs=lambda t: ":" in t or "-" in t, flags=0),
        # The user of an audit log (用户 wujiajun01 从...登录) and a commenter's name with digits after an
        # underscore (网友小鱼儿_8823问): a login that holds a digit, or a screen name joined to its digits.
        Rule("log_user", SOCIAL_HANDLE,
             r"(?:用户|网友|博主|楼主|评论者|操作员|操作者)[\s:：]*(?P<phi>[A-Za-z][A-Za-z0-9_.]{3,29}(?<=\d)(?![A-Za-z0-9_@.])"
             r"|[\u4e00-\u9fffA-Za-z0-9]{1,12}_[A-Za-z0-9]{2,20}(?![A-Za-z0-9_]))", 0.85,
             needs=lambda t: "用户" in t or "网友" in t or "博主" in t or "楼主" in t or "评论" in t or "操作" in t, flags=0),
        # A platform user's screen name: Latin with a digit inside (用户lan8x：), Chinese then Latin and
        # digits (用户小鱼儿ww2019：), or any name the writer glosses with the real one (用户爱吃橘子（实名…）).
        Rule("user_handle", SOCIAL_HANDLE,
             r"(?:用户|网友|楼主|博主)[\s:：]*(?P<phi>[A-Za-z](?=[A-Za-z_.]*\d)[A-Za-z0-9_.]{2,29}(?<![.])(?![A-Za-z0-9_@.])"
             r"|[\u4e00-\u9fff]{1,12}[A-Za-z_]{1,10}\d{2,8}(?![A-Za-z0-9_])"
             r"|[\u4e00-\u9fffA-Za-z0-9_]{2,16}(?=\s?[（(](?:实名|真名|本名|真实姓名)))", 0.85,
             validator=lambda v: any(ch.isascii() for ch in v) and _handle_not_term(v) and _han_handle_ok(v),
             needs=lambda t: "用户" in t or "网友" in t or "楼主" in t or "博主" in t, flags=0),
        # the same glossed screen name all in Chinese (用户爱吃橘子（实名…）) is a nickname: a person's,
        # replaced like a name (a handle's surrogate keeps its Chinese)
        Rule("user_nickname_glossed", PERSON,
             r"(?:用户|网友|楼主|博主)[\s:：]*(?P<phi>[\u4e00-\u9fff]{2,16})(?=\s?[（(](?:实名|真名|本名|真实姓名))", 0.85,
             validator=_nickname_not_clause, needs=contains_any("实名", "真名", "本名", "真实姓名"), flags=0),
        # A chat line opened by a screen name of Chinese, then Latin and digits (小鱼儿ww2019：医生，…).
        Rule("chat_handle_speaker", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?P<phi>[\u4e00-\u9fff]{1,12}[A-Za-z_]{1,10}\d{2,8})[ \t]*[：:]", 0.85,
             validator=_han_handle_ok, needs=has_digit, flags=0),
        # In a chat (two labelled lines or more), a turn's label that marks itself as a screen name: an emoji
        # in it (小妹🌸：, Cici🐱：, 向日葵🌻李姐：), an English name beside Chinese (Amy朵朵：, 阿May：), a role or kin word
        # hyphened to a name (大哥-国栋：, 小宋-规培：), or Chinese with a year after it (快乐的小鱼2023：).
        Rule("chat_label_marked", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?P<phi>[^\s：:，,。@]{0,12}\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F]*"
             r"|[^\s：:，,。@\p{Extended_Pictographic}]{1,12}\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F]*[^\s：:，,。@]{1,8}"
             r"|[A-Z][a-z]{1,9}[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{1,3}[A-Z][a-z]{1,9}"
             r"|[\u4e00-\u9fff]{1,4}-[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{3,12}(?:19|20)\d\d)[ \t]*[：:](?![ \t]*$)", 0.8,
             validator=_chat_label_ok, needs=_chat_transcript, flags=0),
        # In a chat, a turn's label that is a login in Latin letters joined by an underscore or a dot
        # (xiaoqi_mama：郁医生，宝宝…, jason.lee：好的, Tony_wu：我明天上午可以): the member's handle.
        Rule("chat_latin_login_label", SOCIAL_HANDLE,
             r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?(?P<phi>[a-z][a-z0-9]{1,15}(?:[_.][A-Za-z0-9]{1,15}){1,3}|[A-Z][a-z]{1,15}_[A-Za-z0-9]{1,15})[ \t]*[：:](?![ \t]*$)",
             0.8, validator=_handle_not_term, needs=_chat_transcript, flags=0),  # (lower case first: not CT_report：)
        # A forum post's poster by the screen name the forum prints (楼主 向日葵的小确幸 发表于 2025-02-14,
        # 楼主：@内分泌小刘): before 发表于/发布于/发帖, or with its @ after the colon.
        Rule("forum_poster", SOCIAL_HANDLE,
             r"(?:楼主|发帖人|作者|回帖人|层主)(?:[ \t\u3000]+(?P<phi>[^\s：:，,。@]{2,16})(?=[ \t\u3000]*(?:发表于|发布于|发帖|于\s?\d))"
             r"|[ \t]*[：:][ \t]*(?P<phi>@[^\s：:，,。@]{2,16}))", 0.8,
             validator=lambda v: not v.endswith(_TITLE_ENDS), needs=contains_any("楼主", "发帖人", "作者", "回帖人", "层主"),
             flags=0),
        # A forum post's poster and the one a reply answers, by a Latin handle with a digit in it:
        # lan8x 发帖：…, 回复 lan8x：…
        # A reply between two handles, as a forum or a microblog writes it (@小鹿乱撞_Lu 回复 @骨科李大夫：):
        # both handles, whatever they are made of, with their @.
        Rule("reply_handles", SOCIAL_HANDLE,
             r"(?:(?<![A-Za-z0-9._%+\-])(?P<phi>@[^\s@：:，,。！!？?]{2,20})(?=[ \t]?回复[ \t]?@)"
             r"|(?<=回复[ \t]?)(?P<phi>@[^\s@：:，,。！!？?]{2,20})(?=[ \t]?[：:]))", 0.85,
             needs=contains_any("回复"), flags=0),
        Rule("post_handle", SOCIAL_HANDLE,
             r"(?:(?m:^)[ \t]*(?P<phi>[A-Za-z](?=[A-Za-z_.]*\d)[A-Za-z0-9_.]{2,29})\s?(?:发帖|发文|留言|提问|评论)[：:]"
             r"|回复[ \t]?@?(?P<phi>[A-Za-z](?=[A-Za-z_.]*\d)[A-Za-z0-9_.]{2,29})[ \t]?[：:])", 0.85,
             validator=_handle_not_term,
             needs=contains_any("发帖", "发文", "留言", "提问", "评论", "回复"), flags=0),
        # A login name after an account word, no platform: 患者账号 hzy_19770312, APP用户名 lym_19850726.
        # It opens with a letter (a bank account is digits, account_cued's) and holds a digit or _.
        Rule("account_login", SOCIAL_HANDLE,
             r"(?:账号|帐号|用户名|登录名|登录账号|用户ID|昵称)[\s:：]*(?P<phi>[A-Za-z][A-Za-z0-9_.\-]{3,29})(?![A-Za-z0-9_@])",
             0.85, validator=lambda v: any(ch.isdigit() or ch == "_" for ch in v), flags=0),
        # A nickname in brackets after a platform: 在小红书（甜甜不吃糖）上写, 抖音(桃子爱吃梨).
        Rule("platform_bracket", SOCIAL_HANDLE,
             rf"(?:{_alt(PLATFORMS_ZH)})(?:号|账号|上)?\s?[（(]\s?(?P<phi>[^（()）\s，,。]{{2,20}}?)\s?[）)]", 0.8,
             # not a year (小红书（2024）) nor a short word (抖音（短视频）): a nickname is a phrase or has Latin
             validator=lambda v: not v.isdigit() and (len(v) >= 4 or any(ch.isascii() for ch in v)),
             needs=contains_any(*PLATFORMS_ZH)),
        # A bare "ID" before a number is a record's id: （ID 0038821）, ID:A20931 (not B站UID, 微博ID：名字,
        # nor the id of a chat session, an order or a transaction: 会话ID 7f3a-22c1).
        Rule("bare_id", MEDICAL_RECORD_NUMBER,
             r"(?<![A-Za-z])(?<!(?:会话|订单|交易|请求|消息|日志|任务|流程)\s?)ID(?:号)?[\s:：#]*(?P<phi>(?=[A-Za-z0-9_\-]*\d)[A-Za-z0-9][A-Za-z0-9_\-]{4,19})(?![A-Za-z0-9_])",
             0.85, needs=contains_any("ID"), flags=0),
        Rule("doc_id_cued", ID_NUMBER,
             rf"(?:{_alt(DOC_ID_CUES)})(?:{CUE_GAP})(?:[\u4e00-\u9fff]{{1,2}}字第)?{ID_VALUE}", 0.9, needs=has_digit),
        Rule("case_id_cued", ID_NUMBER, rf"(?:{_alt(CASE_ID_CUES)})(?:{CUE_GAP}){ID_VALUE}", 0.85,
             needs=contains_any("编号", "评估号", "受理号", "警情号", "接警号", "单号", "咨询号")),
        # A form's own serial number after the numero sign: 出车记录单　№ 0012637.
        Rule("numero_serial", ID_NUMBER, r"№[ \t:：]*(?P<phi>[A-Z]{0,3}\d{5,12})(?![\dA-Za-z])", 0.75,
             needs=contains_any("№"), flags=0),
        Rule("staff_id_cued", ID_NUMBER, rf"(?:{_alt(STAFF_ID_CUES)})(?:{CUE_GAP}){ID_VALUE}", 0.85,
             needs=contains_any("工号", "员工", "职工", "工作证", "胸牌", "执业证", "医师编号", "护士编号", "操作员", "警号", "警员",
                                "工牌")),
        # A number read out in groups with a pause between them: 幺三八，零二七六，五五幺九.
        Rule("cn_numeral_grouped", PHONE_NUMBER,
             r"(?<![零〇一二三四五六七八九幺两])(?P<phi>[零〇一二三四五六七八九幺两]{3}[，,、·][零〇一二三四五六七八九幺两]{4}[，,、·][零〇一二三四五六七八九幺两]{4}"
             r"|[零〇幺][零〇一二三四五六七八九幺两]{2,3}[，,、·][零〇一二三四五六七八九幺两]{7,8})(?![零〇一二三四五六七八九幺两])", 0.75,
             needs=_NUMERAL_GROUPS.search),
        Rule("cn_numeral_number", PHONE_NUMBER,
             r"(?P<phi>[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖幺](?:[ \-]?[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖幺]){6,17})",
             0.7, validator=lambda v: sum(ch not in " -" for ch in v) >= 7),
        # Province, issuing-office letter, then 5 characters (6 on new-energy plates: 沪AD12345,
        # 沪A12345D), written spaced or lower-case in chat and OCR (沪 A 12345, 浙a12345).
        Rule("plate", LICENSE_PLATE,
             rf"(?P<phi>[{_PROVINCE_ABBR}]\s?[{_PLATE_CHAR}](?:[\s·•・\-]?[{_PLATE_CHAR}0-9]){{5,6}}[挂学警港澳]?)(?![A-Za-z0-9])",
             0.85, validator=lambda v: sum(ch.isdigit() for ch in v) >= 2 and len(v.split()) <= 8, flags=0,
             needs=has_digit),
        # a police car's plate (four characters and 警: 粤S·3827警) and an armed police one (WJ藏·A3371)
        Rule("plate_police", LICENSE_PLATE,
             rf"(?<![A-Za-z0-9])(?P<phi>[{_PROVINCE_ABBR}][A-Z][\s·•・\-]?[0-9A-Z]{{4}}警|WJ[{_PROVINCE_ABBR}]?[\s·•・\-]?[0-9A-Z]{{4,5}})(?![A-Za-z0-9])",
             0.85, validator=lambda v: sum(ch.isdigit() for ch in v) >= 2, needs=contains_any("警", "WJ"), flags=0),
        Rule("plate_cued", LICENSE_PLATE,
             rf"(?:车牌|车牌号|车牌号码)(?:{CUE_GAP})(?P<phi>{CJK}?[A-Za-z][\s·•\-]?[A-Za-z0-9]{{4,6}})", 0.9),
        # A mobile with its middle masked (183****6789) still leaks seven digits of it.
        Rule("cn_mobile_masked", PHONE_NUMBER, r"(?<![\dA-Za-z])(?P<phi>1[3-9]\d[*＊xX]{4}\d{4})(?![\dA-Za-z])", 0.8,
             needs=has_digit),
        # Hong Kong and Macau identity cards carry their check digit in brackets (Y123456(8),
        # 1234567(8)): the shape is an id wherever it stands.
        Rule("hk_macau_id", ID_NUMBER,
             r"(?<![A-Za-z0-9])(?P<phi>(?:[A-Z]{1,2}\d{6}|[1578]\d{6})\s?[（(][0-9A][）)])", 0.9, needs=has_digit),
        # ... its letter spaced off the digits after the card's name (身份證：K 624137(9)); not elsewhere,
        # where "K 4.5" and "Na 138" are values
        Rule("hk_id_spaced", ID_NUMBER,
             r"(?:身份[證证](?:號碼|号码|號|号)?|HKID)[\s:：]*(?P<phi>[A-Z]{1,2}[ \u3000]\d{6}\s?[（(][0-9A][）)])", 0.9,
             needs=has_digit),
        # A Taiwan identity card (A123456789): a letter, the sex digit and eight digits, checked.
        Rule("tw_id", ID_NUMBER, r"(?<![A-Za-z0-9])(?P<phi>[A-Z][12]\d{8})(?![A-Za-z0-9])", 0.85,
             validator=_tw_id_ok, needs=has_digit, flags=0),
    ]
