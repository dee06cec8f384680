"""Numbers and initials of clinical research paperwork, in both languages.

A trial, a cohort or a biobank names its people by codes, not by names: a subject's screening,
randomisation and study numbers (Subject 114-0027, 受试者筛选号：SCR-0107-023, 随机号 RND-1587), a
sample's id (样本编号, Sample kit ID), a participant's initials (Initials: APM, 姓名缩写：ZHLM), and the
safety reports filed about them (报告编号, MFR control no.). Each code is as identifying as a medical
record number, since the site's enrolment log maps it back to the person.

The cue words are the forms' own, the values are codes (capitals, digits, dashes, three digits or
more), so a protocol's name after its cue (方案：LUMOS-3) or a visit window is no match. Codes in a
list or a table's column that carry no cue of their own are found by `record_siblings` from the ones
found here.
"""

from __future__ import annotations

from mediscope.deid.recognizers.base import Rule, contains_any
from mediscope.deid.recognizers.en_patterns import _seen
from mediscope.deid.types import ACCOUNT_NUMBER, ID_NUMBER, MEDICAL_RECORD_NUMBER, PERSON

# A code: capitals and digits in one to five dash-joined parts, three digits or more (SCR-0107-023,
# 0912-S001, UKB-P0331-SR01, R2024-0311).
_CODE = r"(?=(?:[A-Z\-]*\d){3})[A-Z0-9]{1,14}(?:-[A-Z0-9]{1,10}){0,4}"
_CODE_END = r"(?![A-Za-z0-9\-])"
# Initials as forms write them: ZHLM, D.Q.H., W-YQ, J-PL, M-K.
_INITIALS = r"[A-Z](?:[.\-]?[A-Z]){1,4}\.?"

# (a subject, a participant, an IVF couple, cycle or embryo is a person's whatever follows; a study's, a
# kit's, a screening's or a donor's word only
# with its number word after it: "Study: XY-0912" names a compound, "Study ID 4471-0006" a person)
_NUMBER_WORD = r"\s*(?i:no\.?|number|num|nr|id|#|code|ref)"
_SUBJECT_CUES_EN = (
    rf"(?i:subj(?:ect)?|participant|enrollee|enrolee|couple|cycle|embryo)(?:{_NUMBER_WORD})?"
    rf"|(?i:donor|recipient){_NUMBER_WORD}"
    r"|(?i:screening|screen|randomi[sz]ation|rand\.?|enrol(?:l)?ment|study|(?:sample|specimen)(?:\s+kit)?|kit|aliquot"
    rf"|biobank|cohort){_NUMBER_WORD}")
_SUBJECT_CUES_ZH = (
    r"受试者(?:筛选号|筛选编号|随机号|编号|号|编码|代码|ID|id)?|受試者(?:篩選號|隨機號|編號|號)?|研究编号|研究編號|随机号|隨機號"
    r"|随机编号|筛选号|篩選號|入组号|入组编号|参与者编号|队列编号|样品编号|问卷编号|调查编号|个案编号|[（(]编号")
_REPORT_CUES = (
    r"报告编号|報告編號|企业控制号|生产企业控制号|個案編號|(?i:mfr|manufacturer)\s+(?i:control)\s+(?i:no\.?|number)"
    r"|(?i:safety\s+)?(?i:report|case)\s+(?i:no\.?|number|id|ref(?:erence)?)|(?i:ref(?:erence)?)(?:\s+(?i:no\.?|number))?"
    r"|(?i:badge)(?:\s+(?i:no\.?|id|number|#))?|(?i:claim)(?:\(s\)|s)?(?:\s+(?i:no\.?|number|#|id|ref))?"
    # a run sheet's or an incident report's number with letters in it: Run # R31-260316-004, incident
    # report #IR-2026-0077
    r"|(?i:run|trip|incident(?:\s+report)?|report)\s*(?i:no\.|number|#)")
# Letters after "checked" or "signed" that are a test, a team or a ward, no one's initials.
_NOT_INITIALS = frozenset({"CT", "MRI", "ECG", "EKG", "EEG", "DNR", "ICU", "ED", "GP", "BP", "HR", "PT", "OT", "RN", "MD", "NP", "PA",
                           "AE", "SAE", "CRF", "ICF", "IRB", "EDC", "OK", "NO", "YES", "NA", "PI", "CRA", "CRC", "SDV", "USS", "CXR"})
_GAP = r"[ \t]*(?:[:：#=\-]|No\.?|no\.?)?[ \t]*"


_SUBJECT_SEEN_EN = _seen(r"(?i)subj|participant|enrol|screen|rand|study|sample|specimen|kit|aliquot|biobank|cohort|couple|cycle|embryo"
                         r"|donor|recipient")
_SUBJECT_SEEN_ZH = _seen(r"受试者|受試者|研究编号|研究編號|随机|隨機|筛选|篩選|入组|参与者|队列|样品编号|问卷编号|调查编号|个案编号|编号")
_REPORT_SEEN = _seen(r"(?i)报告编号|報告編號|控制号|個案編號|control|report|case|ref|badge|claim|run|trip|incident")


def _code_ok(value: str) -> bool:
    """A subject's or a sample's code, not a year (2025), a date (2025-06-09) nor a range (135-145)."""
    digits = sum(ch.isdigit() for ch in value)
    parts = value.split("-")
    if digits < 3 or value.isdigit() and len(value) == 4:
        return False
    if all(p.isdigit() for p in parts) and len(parts) == 3 and len(parts[0]) in (2, 4) and len(parts[-1]) in (2, 4):
        return False  # 2025-06-09, 09-06-2025
    return True


def _lettered_code_ok(value: str) -> bool:
    """After a loose cue (ref, report no.) only a code with a letter in it: not a reference range."""
    return _code_ok(value) and any(ch.isalpha() for ch in value)


_ENGLISH_LAYOUTS = frozenset({"billing_or_carrier_number", "consent_box_initials", "name_before_study_role", "name_before_subject_code", "receipt_number",
                               "quoted_initials", "subj_prefixed_number"})


def research_id_rules(lang: str) -> list[Rule]:
    cues = _SUBJECT_CUES_ZH if lang == "zh" else _SUBJECT_CUES_EN
    rules = [
        # the subjects a monitor's source-data verification covered: SDV完成：05-0031、…, Subjects reviewed (100% SDV): 310-004
        Rule("sdv_subject", MEDICAL_RECORD_NUMBER, rf"SDV[^:：\n]{{0,12}}[:：][ \t]*(?P<phi>{_CODE}){_CODE_END}", 0.8,
             validator=_code_ok, needs=contains_any("SDV"), flags=0),
        Rule("subject_number", MEDICAL_RECORD_NUMBER, rf"(?<![A-Za-z])(?:{cues}){_GAP}(?P<phi>{_CODE}){_CODE_END}", 0.85,
             validator=_code_ok, needs=_SUBJECT_SEEN_ZH if lang == "zh" else _SUBJECT_SEEN_EN, flags=0),
        # a subject's number with its cue glued on, as a CRF's header prints it: SUBJ 0117, SUBJ-0221
        Rule("subj_prefixed_number", MEDICAL_RECORD_NUMBER, r"(?<![A-Za-z])(?P<phi>SUBJ[ \-]?\d{3,6})(?![\w\-])", 0.85,
             needs=contains_any("SUBJ"), flags=0),
        # (OCR reads the I of INITIALS as l: "PATlENT lNITIALS: K.L.")
        Rule("subject_initials", PERSON,
             r"(?:(?i:(?:subject|participant|pat[il1]ent|pt\.?|name)\s+)?(?i:[il1]n[il1]t[il1]als)|姓名缩写|姓名縮寫|缩写|縮寫|姓名首字母|首字母缩写)"
             rf"{_GAP}(?P<phi>{_INITIALS})(?![A-Za-z])", 0.8,
             needs=contains_any("nitials", "NITIALS", "缩写", "縮寫", "首字母"), flags=0),
        # Initials quoted after the act of initialling: initialled consent "S.K.", 签名缩写“ZWQ”
        Rule("quoted_initials", PERSON,
             rf"(?i:initialled|initialed|initials)(?:[ \t]+[a-z]+){{0,2}}[ \t]*[\"“](?P<phi>{_INITIALS})[\"”]", 0.75,
             needs=contains_any("nitial"), flags=0),
        # A consent form's boxes initialled by the participant: "MO I agree to …", "JT  I do NOT agree …".
        Rule("consent_box_initials", PERSON,
             r"(?m)^[ \t]*(?:\[[ xX✓]?\][ \t]*)?(?P<phi>[A-Z]{2,3})[ \t]+(?=I (?:agree|do|understand|consent|have|give|confirm|wish|would|am)\b)",
             0.75, needs=contains_any("I agree", "I do", "I understand", "I consent", "I have", "I give", "I confirm"), flags=0),
        # Initials after who checked, signed or called, at the end of the entry: "eligible - checked PW",
        # "Caller: KP" (not a test's or a ward's letters: CT, ECG, ICU).
        Rule("initials_after_act", PERSON,
             r"(?<![A-Za-z])(?i:checked|verified|reviewed|signed|entered|witnessed|countersigned|caller|interviewer|initialled)"
             r"(?:[ \t]+(?i:by))?[ \t]*[:\-]?[ \t]*(?P<phi>[A-Z]{2,3})(?=[ \t]*(?:$|\n|[.,;)]))",
             0.7, validator=lambda v: v not in _NOT_INITIALS,
             needs=_seen(r"(?i)checked|verified|reviewed|signed|entered|witnessed|caller|interviewer|initialled"), flags=0),
        # Trial staff by name before their role in brackets: "Hye-jin Park (CRA)", "B. Ocampo (PI)".
        Rule("name_before_study_role", PERSON,
             r"(?P<phi>(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.)(?:[ ][A-Z][a-zà-ÿ'’\-]+){1,2})[ ]\((?:CRA|CRC|PI|Sub-?I|SC|DM|Monitor|Study Coordinator"
             r"|Investigator|Co-?I|Study Nurse|Research Nurse)\)", 0.75, needs=contains_any("(CRA)", "(CRC)", "(PI)", "(Sub", "(SC)", "(DM)",
                                                                                          "(Monitor)", "(Study", "(Investigator)",
                                                                                          "(Co", "(Research"), flags=0),
        # A subject named, then its code in brackets: "subject Hunter Vasquez (221-009)", "Rose (SUBJ 0117)".
        Rule("code_after_subject_name", MEDICAL_RECORD_NUMBER,
             rf"(?i:subject|participant|受试者|受試者)[ \t]*(?:[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}}|[\u4e00-\u9fff]{{2,4}})[ \t]?[（(]"
             rf"(?P<phi>{_CODE}){_CODE_END}(?=[)）])", 0.8, validator=_code_ok, needs=_seen(r"(?i)subject|participant|受试者|受試者"),
             flags=0),
        Rule("name_before_subject_code", PERSON,
             r"(?m)(?:^|(?<=[.;:,]\s))(?P<phi>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})[ ]\((?=SUBJ[ \-]?\d|(?i:subject)\s)", 0.7,
             needs=contains_any("(SUBJ", "(Subject", "(subject"), flags=0),
        Rule("safety_report_number", ID_NUMBER, rf"(?:{_REPORT_CUES}){_GAP}(?P<phi>{_CODE}){_CODE_END}", 0.8,
             validator=_lettered_code_ok, needs=_REPORT_SEEN, flags=0),
        # a bill's or a carrier's number in digits: "Billing #: 048221", "DOT # 2847719" (a run sheet's is
        # en_identifiers' ems_run_number)
        Rule("billing_or_carrier_number", ID_NUMBER,
             r"(?<![A-Za-z])(?i:billing|dot|usdot|mc)\s*(?i:no\.|number|#)[ \t]*[:：]?[ \t]*(?P<phi>\d{5,10})(?![\w\-])",
             0.75, needs=_seen(r"(?i)billing|dot|mc"), flags=0),
        Rule("invoice_number", ACCOUNT_NUMBER, rf"(?i:invoice|發票|发票)(?:\s*(?i:no\.?|number|#)|号|號)?{_GAP}(?P<phi>{_CODE}){_CODE_END}",
             0.8, validator=_lettered_code_ok, needs=contains_any("nvoice", "NVOICE", "發票", "发票"), flags=0),
        # a receipt's own number, digits only as tills print them: "RECEIPT No. 0023918"
        Rule("receipt_number", ACCOUNT_NUMBER, r"(?i:receipt)\s*(?i:no\.?|number|#)[ \t]*[:：]?[ \t]*(?P<phi>\d{5,12})(?![\w\-])",
             0.8, needs=_seen("(?i)receipt"), flags=0),
    ]
    if lang == "zh":  # (the rules for English forms' layouts only)
        rules = [r for r in rules if r.name not in _ENGLISH_LAYOUTS]
    if lang == "zh":
        # A decision or a certificate about one person, by its issuing office's number: 工伤认定书编号：
        # 甘人社工伤〔2021〕0347号 (a policy's number, 国卫办〔2021〕12号, has no such cue)
        rules.append(Rule("certificate_number", ID_NUMBER,
                          r"(?:认定书|决定书|鉴定书|裁决书|判决书|证明书|结论书)(?:编号|号|文号)?[ \t]*[:：]?[ \t]*"
                          r"(?P<phi>[\u4e00-\u9fff]{1,8}[〔\[（(](?:19|20)\d\d[〕\]）)]第?\d{1,6}号)", 0.8,
                          needs=contains_any("书"), flags=0))
        # 08-007号受试者: the code before the word for the subject
        rules.append(Rule("code_before_subject", MEDICAL_RECORD_NUMBER,
                          rf"(?<![A-Za-z0-9\-])(?P<phi>{_CODE})(?=号?受试者|號?受試者)", 0.8, validator=_code_ok,
                          needs=contains_any("受试者", "受試者"), flags=0))
    return rules
