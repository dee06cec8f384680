"""PHI in machine records pasted into text: HL7 v2 segments, FHIR/JSON fields and key=value logs.

Hospital exports reach the corpus as text: an ADT message in a ticket, a FHIR resource in an e-mail,
an audit log in an incident report. There the meaning of a value is its position or its key, not the
words around it: `PID|1||0098812^^^FYEY^MR||宇文^晓光||19790921` carries a record number, a name and a
birth date with no cue any prose rule reads, and a name split by carets is no name to a name rule.
This recognizer reads those positions and keys the way the standards define them (HL7 v2 field
numbers, FHIR element names) and reports each value with its type; the prose around them is left
to the other recognizers. It works the same in both languages.

Written by hand rather than with an HL7 or FHIR parser because de-identification needs character
offsets into the original text, which parsers do not keep, and because the records arrive cut,
wrapped and embedded in prose, which parsers reject.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from mediscope.deid.recognizers.en_shared_rules import SYSTEM_ACCOUNTS
from mediscope.deid.recognizers.pipe_fields import FIELD_WORDS
from mediscope.deid.types import (
    ACCOUNT_NUMBER,
    AGE,
    DATE_TIME,
    DEVICE_ID,
    EMAIL_ADDRESS,
    ID_NUMBER,
    INSURANCE_ID,
    LOCATION,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PHONE_NUMBER,
    SOCIAL_HANDLE,
    US_SSN,
    ZIP_CODE,
)

# ---- HL7 v2 ----------------------------------------------------------------------------------------

# How a field's value is read: an identifier (CX: the first component), a person's name (XPN:
# family^given^middle), a clinician (XCN: id^family^given^middle), an address (XAD), a phone (XTN) or
# a timestamp (TS).
_ID, _NAME, _CLINICIAN, _ADDRESS, _PHONE, _TIME = "id", "name", "clinician", "address", "phone", "time"

# Segment -> field number -> (how it is read, the type of an identifier). Field numbers as the
# standard counts them (MSH-7 is the message's time: MSH-1 is the separator itself).
_HL7_FIELDS: dict[str, dict[int, tuple[str, str]]] = {
    "MSH": {7: (_TIME, DATE_TIME)},
    "EVN": {2: (_TIME, DATE_TIME), 6: (_TIME, DATE_TIME)},
    "PID": {2: (_ID, MEDICAL_RECORD_NUMBER), 3: (_ID, MEDICAL_RECORD_NUMBER), 4: (_ID, MEDICAL_RECORD_NUMBER),
            5: (_NAME, PERSON), 6: (_NAME, PERSON), 7: (_TIME, DATE_TIME), 9: (_NAME, PERSON),
            11: (_ADDRESS, LOCATION), 13: (_PHONE, PHONE_NUMBER), 14: (_PHONE, PHONE_NUMBER),
            18: (_ID, ACCOUNT_NUMBER), 19: (_ID, US_SSN), 20: (_ID, ID_NUMBER), 21: (_ID, MEDICAL_RECORD_NUMBER),
            29: (_TIME, DATE_TIME)},
    "PD1": {4: (_CLINICIAN, PERSON)},
    "NK1": {2: (_NAME, PERSON), 4: (_ADDRESS, LOCATION), 5: (_PHONE, PHONE_NUMBER), 6: (_PHONE, PHONE_NUMBER),
            30: (_NAME, PERSON), 31: (_PHONE, PHONE_NUMBER), 32: (_ADDRESS, LOCATION), 33: (_ID, ID_NUMBER)},
    "PV1": {7: (_CLINICIAN, PERSON), 8: (_CLINICIAN, PERSON), 9: (_CLINICIAN, PERSON), 17: (_CLINICIAN, PERSON),
            19: (_ID, MEDICAL_RECORD_NUMBER), 44: (_TIME, DATE_TIME), 45: (_TIME, DATE_TIME),
            50: (_ID, MEDICAL_RECORD_NUMBER)},
    "ORC": {2: (_ID, MEDICAL_RECORD_NUMBER), 3: (_ID, MEDICAL_RECORD_NUMBER), 9: (_TIME, DATE_TIME),
            10: (_CLINICIAN, PERSON), 11: (_CLINICIAN, PERSON), 12: (_CLINICIAN, PERSON)},
    "OBR": {2: (_ID, MEDICAL_RECORD_NUMBER), 3: (_ID, MEDICAL_RECORD_NUMBER), 7: (_TIME, DATE_TIME),
            8: (_TIME, DATE_TIME), 14: (_TIME, DATE_TIME), 16: (_CLINICIAN, PERSON), 22: (_TIME, DATE_TIME),
            28: (_CLINICIAN, PERSON)},
    "OBX": {14: (_TIME, DATE_TIME), 16: (_CLINICIAN, PERSON)},
    "IN1": {16: (_NAME, PERSON), 18: (_TIME, DATE_TIME), 19: (_ADDRESS, LOCATION), 36: (_ID, INSURANCE_ID),
            49: (_ID, ID_NUMBER)},
    "GT1": {3: (_NAME, PERSON), 5: (_ADDRESS, LOCATION), 6: (_PHONE, PHONE_NUMBER), 7: (_PHONE, PHONE_NUMBER),
            8: (_TIME, DATE_TIME), 12: (_ID, US_SSN)},
    "AIP": {3: (_CLINICIAN, PERSON)},
    "MRG": {1: (_ID, MEDICAL_RECORD_NUMBER), 2: (_ID, MEDICAL_RECORD_NUMBER), 3: (_ID, MEDICAL_RECORD_NUMBER),
            7: (_NAME, PERSON)},
}
_SEGMENT_RE = regex.compile(r"(?m)^[ \t]*(?P<seg>" + "|".join(_HL7_FIELDS) + r")\|(?P<body>[^\r\n]*)")
# A timestamp holds a day (YYYYMMDD, and maybe the time and zone after it); a year alone is no PHI.
_HL7_TIME_RE = regex.compile(r"(?:19|20)\d{6}(?:\d{2,6}(?:\.\d+)?)?(?:[+\-]\d{4})?")


def _pieces(start: int, value: str, sep: str) -> list[tuple[int, str]]:
    """`value` split on `sep`, each piece with its offset in the text."""
    out, pos = [], start
    for piece in value.split(sep):
        out.append((pos, piece))
        pos += len(piece) + 1
    return out


def _hl7_spans(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _SEGMENT_RE.finditer(text):
        seg, fields = m.group("seg"), _HL7_FIELDS[m.group("seg")]
        first = 2 if seg == "MSH" else 1  # MSH-2 is the first piece after "MSH|"
        for number, (pos, field) in enumerate(_pieces(m.start("body"), m.group("body"), "|"), start=first):
            how = fields.get(number)
            if how is None or not field.strip():
                continue
            for rpos, rep in _pieces(pos, field, "~"):
                out += _hl7_value(rpos, rep, *how)
    return out


def _hl7_value(pos: int, value: str, how: str, entity: str) -> list[tuple[int, int, str]]:
    comps = _pieces(pos, value, "^")

    def span(parts: list[tuple[int, str]], etype: str) -> list[tuple[int, int, str]]:
        filled = [(p, v) for p, v in parts if v.strip()]
        if not filled:
            return []
        return [(filled[0][0], filled[-1][0] + len(filled[-1][1]), etype)]

    if how == _ID:
        p, v = comps[0]
        return [(p, p + len(v), entity)] if any(ch.isdigit() for ch in v) else []
    if how == _NAME:  # family^given^middle: one person, one span
        return span(comps[:3], PERSON) if any(ch.isalpha() for _, v in comps[:3] for ch in v) else []
    if how == _CLINICIAN:  # id^family^given^middle
        found = []
        p, v = comps[0]
        if any(ch.isdigit() for ch in v):
            found.append((p, p + len(v), ID_NUMBER))
        names = comps[1:4]
        if any(ch.isalpha() for _, v in names for ch in v):
            found += span(names, PERSON)
        elif not found and any(ch.isalpha() for ch in v):
            found.append((p, p + len(v), PERSON))  # a name alone in the first component
        return found
    if how == _ADDRESS:  # street^other^city^state^zip^country^type^other geographic^county
        found = []
        for i, etype in ((0, LOCATION), (1, LOCATION), (2, LOCATION), (4, ZIP_CODE), (8, LOCATION)):
            if i < len(comps) and comps[i][1].strip():
                p, v = comps[i]
                found.append((p, p + len(v), etype))
        return found
    if how == _PHONE:  # number^use^equipment^email^country^area^local
        found = []
        for i, etype in ((0, PHONE_NUMBER), (3, EMAIL_ADDRESS), (5, PHONE_NUMBER), (6, PHONE_NUMBER)):
            if i < len(comps) and comps[i][1].strip() and (etype == EMAIL_ADDRESS or any(ch.isdigit() for ch in comps[i][1])):
                p, v = comps[i]
                found.append((p, p + len(v), etype))
        return found
    p, v = comps[0]  # a timestamp
    t = _HL7_TIME_RE.match(v)
    return [(p, p + t.end(), DATE_TIME)] if t else []


# ---- FHIR and other JSON -------------------------------------------------------------------------

# A key and its string value, or its array of strings: "family":"Abernathy-Cruz", "given":["Luz","Marina"].
_JSON_PAIR_RE = regex.compile(r'"(?P<key>[A-Za-z_][\w]*)"\s*:\s*(?P<val>"(?:[^"\\\n]|\\.)*"|\[\s*"(?:[^\]\n])*?\])')
_JSON_STRING_RE = regex.compile(r'"((?:[^"\\\n]|\\.)*)"')
_JSON_KEYS: dict[str, str] = {
    # names (FHIR HumanName) and the common flat keys of hospital JSON
    "family": PERSON, "given": PERSON, "patientName": PERSON, "patient_name": PERSON, "fullName": PERSON,
    "full_name": PERSON, "firstName": PERSON, "lastName": PERSON, "first_name": PERSON, "last_name": PERSON,
    # dates tied to the person or the encounter
    "birthDate": DATE_TIME, "deceasedDateTime": DATE_TIME, "effectiveDateTime": DATE_TIME, "issued": DATE_TIME,
    "authoredOn": DATE_TIME, "recordedDate": DATE_TIME, "onsetDateTime": DATE_TIME, "occurrenceDateTime": DATE_TIME,
    "start": DATE_TIME, "end": DATE_TIME, "date": DATE_TIME, "dob": DATE_TIME, "birth_date": DATE_TIME,
    "admitDate": DATE_TIME, "dischargeDate": DATE_TIME,
    # address (FHIR Address) and contact
    "line": LOCATION, "city": LOCATION, "district": LOCATION, "postalCode": ZIP_CODE,
    # numbers
    "serialNumber": DEVICE_ID, "subscriberId": INSURANCE_ID, "memberId": INSURANCE_ID, "mrn": MEDICAL_RECORD_NUMBER,
    "patientId": MEDICAL_RECORD_NUMBER, "patient_id": MEDICAL_RECORD_NUMBER, "inpatient_no": MEDICAL_RECORD_NUMBER,
    "outpatient_no": MEDICAL_RECORD_NUMBER, "admission_no": MEDICAL_RECORD_NUMBER, "visit_no": MEDICAL_RECORD_NUMBER,
    "case_no": MEDICAL_RECORD_NUMBER, "openid": SOCIAL_HANDLE, "unionid": SOCIAL_HANDLE, "wechat": SOCIAL_HANDLE,
    "wxid": SOCIAL_HANDLE, "phone": PHONE_NUMBER, "mobile": PHONE_NUMBER, "tel": PHONE_NUMBER,
    "discharge": DATE_TIME, "admission": DATE_TIME, "admit_date": DATE_TIME, "discharge_date": DATE_TIME,
    "visit_date": DATE_TIME,
}
# A bare "name" is a person's only in an element that stands for one: {"patient":{"name":"鲍海燕"}}.
_NAME_PARENTS = frozenset({"patient", "Patient", "subject", "contact", "guardian", "relative", "person", "doctor",
                           "physician", "nurse", "emergencyContact", "emergency_contact", "kin", "nextOfKin"})
_DATE_SHAPE = regex.compile(r"(?:19|20)\d{2}[\-/.]\d{1,2}(?:[\-/.]\d{1,2})?|\d{1,2}[\-/.]\d{1,2}[\-/.](?:19|20)\d{2}")
# An element whose "display" names a person, and whose "reference" points at one.
_PERSON_PARENTS = frozenset({
    "subject", "patient", "performer", "participant", "individual", "practitioner", "requester", "author",
    "recorder", "asserter", "attester", "generalPractitioner", "beneficiary", "subscriber", "policyHolder", "actor",
    "agent", "who", "informant", "sender", "recipient", "encounterParticipant", "contact", "careManager",
})
_KEY_BEFORE_RE = regex.compile(r'"(?P<key>[A-Za-z_]\w*)"\s*:$')
_REFERENCE_RE = regex.compile(r'"reference"\s*:\s*"(?:Patient|RelatedPerson|Person)/(?P<id>[^"/\s]+)"')
# A person's display may carry a credential or a role after the name: "Tobias Grünewald, MD", "鲁雨桐 护士".
_DISPLAY_TAIL_RE = regex.compile(
    r"(?:,?\s+(?:MD|DO|RN|NP|PA|PhD|MBBS|FRCP|FRACP|MRCP|Dr\.?)|,\s*[^,]*|\s+(?:护士|医生|医师|主任|药师|技师)\S*)$")
_SYSTEM_TYPES = (("ssn", US_SSN), ("mrn", MEDICAL_RECORD_NUMBER), ("passport", ID_NUMBER), ("nhs", INSURANCE_ID),
                 ("medicare", INSURANCE_ID), ("medicaid", INSURANCE_ID), ("insurance", INSURANCE_ID), ("hcn", INSURANCE_ID))


def _parent_key(text: str, pos: int) -> str | None:
    """The key of the element that holds the value at `pos`: the key before the innermost open
    brace, or before the open bracket of the array that brace sits in (`"identifier":[{…},{…`)."""
    depth = 0
    for i in range(pos - 1, max(-1, pos - 600), -1):
        ch = text[i]
        if ch in "}]":
            depth += 1
        elif ch in "{[":
            if depth:
                depth -= 1
                continue
            before = text[max(0, i - 60) : i].rstrip()
            if before.endswith(("[", ",")) and ch == "{":
                continue  # an object in an array: the array's key names it
            key = _KEY_BEFORE_RE.search(before)
            return key.group("key") if key else None
    return None


def _json_spans(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _JSON_PAIR_RE.finditer(text):
        key, vs = m.group("key"), m.start("val")
        etype = _JSON_KEYS.get(key)
        strings = [(vs + s.start(1), s.group(1)) for s in _JSON_STRING_RE.finditer(m.group("val"))]
        if key == "display" and _parent_key(text, m.start()) in _PERSON_PARENTS:
            for p, v in strings:
                name = _DISPLAY_TAIL_RE.sub("", v).strip()
                if name and any(ch.isalpha() for ch in name) and not any(ch.isdigit() for ch in name):
                    out.append((p, p + len(name), PERSON))
            continue
        if key == "name" and _parent_key(text, m.start()) in _NAME_PARENTS:
            etype = PERSON
        if key == "value":
            parent = _parent_key(text, m.start())
            if parent == "identifier":
                system = text[max(0, m.start() - 160) : m.start()].lower()
                sys_at = system.rfind('"system"')
                kind = next((t for word, t in _SYSTEM_TYPES if sys_at >= 0 and word in system[sys_at:]), MEDICAL_RECORD_NUMBER)
                out += [(p, p + len(v), kind) for p, v in strings if any(ch.isdigit() for ch in v)]
            continue
        if etype is None:
            continue
        for p, v in strings:
            if not v.strip():
                continue
            if etype == DATE_TIME and not _DATE_SHAPE.match(v):
                continue
            if etype in (PERSON, LOCATION) and not any(ch.isalpha() for ch in v):
                continue
            if etype in (DEVICE_ID, INSURANCE_ID, MEDICAL_RECORD_NUMBER, ZIP_CODE, PHONE_NUMBER) and not any(ch.isdigit() for ch in v):
                continue
            out.append((p, p + len(v), etype))
    out += [(m.start("id"), m.end("id"), MEDICAL_RECORD_NUMBER) for m in _REFERENCE_RE.finditer(text)
            if any(ch.isdigit() for ch in m.group("id"))]
    return out


# ---- key=value logs ------------------------------------------------------------------------------

_LOG_KEYS: dict[str, str] = {
    "patient_name": PERSON, "pt_name": PERSON, "patientname": PERSON, "patient": PERSON,
    "user": SOCIAL_HANDLE, "username": SOCIAL_HANDLE, "user_name": SOCIAL_HANDLE, "login": SOCIAL_HANDLE,
    "userid": SOCIAL_HANDLE, "user_id": SOCIAL_HANDLE, "operator": SOCIAL_HANDLE,
    "emp_no": ID_NUMBER, "empno": ID_NUMBER, "staff_id": ID_NUMBER, "employee_id": ID_NUMBER,
    "patient_mrn": MEDICAL_RECORD_NUMBER, "mrn": MEDICAL_RECORD_NUMBER, "patient_id": MEDICAL_RECORD_NUMBER,
    "pid": MEDICAL_RECORD_NUMBER, "visit_id": MEDICAL_RECORD_NUMBER, "encounter_id": MEDICAL_RECORD_NUMBER,
    "dob": DATE_TIME, "birth_date": DATE_TIME, "phone": PHONE_NUMBER, "mobile": PHONE_NUMBER,
    # DICOM attributes as a header dump prints them: PatientName=卢^思思 PatientBirthDate=19870614
    "patientid": MEDICAL_RECORD_NUMBER, "accessionnumber": MEDICAL_RECORD_NUMBER, "patientbirthdate": DATE_TIME,
    "studydate": DATE_TIME, "seriesdate": DATE_TIME, "acquisitiondate": DATE_TIME, "contentdate": DATE_TIME,
    "referringphysician": PERSON, "referringphysicianname": PERSON, "performingphysicianname": PERSON,
    "operatorsname": PERSON, "physiciansofrecord": PERSON, "otherpatientnames": PERSON,
}
_LOG_PAIR_RE = regex.compile(
    r"(?<![\w.])(?P<key>" + "|".join(sorted(_LOG_KEYS, key=len, reverse=True)) + r")="
    r"(?:\"(?P<q>[^\"\n]{1,60})\"|(?P<v>[^\s,;\"]{1,60}))", regex.IGNORECASE)


def _log_spans(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _LOG_PAIR_RE.finditer(text):
        etype = _LOG_KEYS[m.group("key").lower()]
        grp = "q" if m.group("q") is not None else "v"
        value = m.group(grp).strip()
        if not value or value.lower() in SYSTEM_ACCOUNTS:
            continue
        if etype in (MEDICAL_RECORD_NUMBER, ID_NUMBER, PHONE_NUMBER, DATE_TIME) and not any(ch.isdigit() for ch in value):
            continue
        if etype == PERSON and (any(ch.isdigit() for ch in value) or not any(ch.isalpha() for ch in value)):
            continue
        out.append((m.start(grp), m.start(grp) + len(m.group(grp).rstrip()), etype))
    return out


# ---- delimited tables with a header line ----------------------------------------------------------

# Column heads of exports and manifests and what the cells below them hold (CSV, TSV or pipe rows):
# the cells carry no cue of their own, so the header is the only thing that says what they are.
_COLUMNS: dict[str, str] = {
    **dict.fromkeys(("name", "patient", "patient name", "patientname", "pt name", "full name", "surname", "first name",
                     "last name", "given name", "family name", "doctor", "consultant", "attending", "physician", "gp",
                     "nurse", "contact", "next of kin", "nok", "caller", "driver", "姓名", "患者", "患者姓名", "病人",
                     "病人姓名", "主管医生", "主治医师", "主治医生", "经治医生", "医生", "医师", "护士", "责任护士", "联系人",
                     "家属", "家属姓名", "签名", "操作员", "开单医生"), PERSON),
    **dict.fromkeys(("mrn", "uhid", "urn", "hosp no", "hospital no", "hospital number", "patient id", "patientid",
                     "pid", "accession", "accession no", "accession number", "specimen id", "visit id", "encounter id",
                     "住院号", "门诊号", "病案号", "病历号", "就诊号", "登记号", "患者id", "病人id", "就诊卡号", "检查号",
                     "标本号", "条码号",
                     # a trial's, a cohort's or a biobank's codes for its people and their samples
                     "subject", "subject id", "subject no", "subject number", "subj", "participant", "participant id",
                     "screening no", "screening id", "scr no", "rand no", "randomisation no", "randomization no", "sample id",
                     "sample no", "受试者", "受试者编号", "受试者号", "受試者", "受試者編號", "筛选号", "随机号", "研究编号",
                     "样本编号", "样本号"), MEDICAL_RECORD_NUMBER),
    **dict.fromkeys(("initials", "subject initials", "pt initials", "姓名缩写", "缩写", "reported by", "报告人", "investigator",
                     "研究者", "访员", "调查员", "interviewer"), PERSON),
    **dict.fromkeys(("dob", "date of birth", "birth date", "birthdate", "admit date", "admission date", "discharge date",
                     "visit date", "appointment", "appt", "collected", "collection date", "出生日期", "入院时间", "入院日期",
                     "出院时间", "出院日期", "就诊日期", "就诊时间", "预约时间", "采集时间", "送检时间",
                     "onset", "onset date", "date of onset", "date reported", "date screened", "date of death", "consent date",
                     "date consented", "发病日期", "发生日期", "报告日期", "死亡日期", "签署日期", "随机日期", "筛选日期"), DATE_TIME),
    **dict.fromkeys(("phone", "mobile", "tel", "telephone", "contact number", "cell", "电话", "联系电话", "手机", "手机号"),
                    PHONE_NUMBER),
    **dict.fromkeys(("aadhaar", "nric", "passport", "passport no", "national id", "身份证", "身份证号"), ID_NUMBER),
    **dict.fromkeys(("ssn",), US_SSN),
    **dict.fromkeys(("nhs no", "nhs number", "medicare", "medicare no", "insurance no", "member id", "policy no",
                     "医保号", "医保卡号", "社保卡号"), INSURANCE_ID),
    **dict.fromkeys(("address", "city", "town", "suburb", "village", "住址", "地址", "家庭住址", "现住址"), LOCATION),
    **dict.fromkeys(("postcode", "zip", "zip code", "邮编"), ZIP_CODE),
    **dict.fromkeys(("user", "username", "user name", "login", "operator id", "user id", "userid"), SOCIAL_HANDLE),
    **dict.fromkeys(("email", "e-mail", "邮箱"), EMAIL_ADDRESS),
    **dict.fromkeys(("age", "年龄"), AGE),
}
_CSV_CELL_RE = regex.compile(r'[ \t]*(?:"(?:[^"]|"")*"|[^,\n]*)')
_HEAD_NORM_RE = regex.compile(r"[\s_.#:：()（）\-]+")


def _cells(text: str, start: int, end: int, delim: str) -> list[tuple[int, int]]:
    """The cells of one line, each as (start, end) without the spaces around it."""
    out = []
    if delim == ",":
        pos = start
        while pos <= end:
            m = _CSV_CELL_RE.match(text, pos, end)
            a, b = m.start(), m.end()
            out.append((a, b))
            pos = b + 1
    else:
        pos = start
        for piece in text[start:end].split(delim):
            out.append((pos, pos + len(piece)))
            pos += len(piece) + 1
    if delim == "|":  # "| a | b |": the pipes at the ends open and close the row, no cell lies outside them
        if not text[start:end].split("|")[0].strip():
            out = out[1:]
        if out and not text[start:end].split("|")[-1].strip():
            out = out[:-1]
    trimmed = []
    for a, b in out:
        while a < b and text[a] in " \t\"":
            a += 1
        while b > a and text[b - 1] in " \t\"":
            b -= 1
        trimmed.append((a, b))
    return trimmed


def _head(cell: str) -> str:
    return _HEAD_NORM_RE.sub(" ", cell.lower()).strip()


def _cell_ok(value: str, etype: str) -> bool:
    digits = any(ch.isdigit() for ch in value)
    if etype == PERSON:
        return not digits and any(ch.isalpha() for ch in value) and len(value) <= 40
    if etype == LOCATION:
        return any(ch.isalpha() for ch in value)
    if etype == AGE:
        return value.isdigit() and 90 <= int(value) < 130
    if etype in (SOCIAL_HANDLE, EMAIL_ADDRESS):
        return bool(value) and " " not in value
    return digits


def _table_spans(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    lines = [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        a, b = lines[i]
        line = text[a:b]
        delim = "\t" if "\t" in line else "," if line.count(",") >= 2 else "|" if line.count("|") >= 2 else None
        if delim is None or any(ch.isdigit() for ch in line):
            i += 1
            continue
        head = _cells(text, a, b, delim)
        names = [_head(text[x:y]) for x, y in head]
        typed = {k: _COLUMNS[n] for k, n in enumerate(names) if n in _COLUMNS}
        # a header names two PHI columns at least, and every cell of it is a short label: "| Name | Lucía
        # Ferreira |" is a form's field, not a table's head
        if len(head) < 3 or len(typed) < 2 or not all(n and len(n.split()) <= 4 for n in names):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j][0] == lines[j - 1][1] + 1 and delim in text[lines[j][0] : lines[j][1]]:
            row = _cells(text, *lines[j], delim)
            if row and (_head(text[row[0][0] : row[0][1]]) in _COLUMNS or _head(text[row[0][0] : row[0][1]]) in FIELD_WORDS):
                j += 1
                continue  # | 诊断 | 急性心梗 | | |: a form's line set in the table, its label where a value would be
            if len(row) == len(head):
                usable = typed
            else:  # a comma inside a free-text cell shifts what follows it: trust the columns before it
                usable = {k: t for k, t in typed.items() if all(q in typed for q in range(k + 1))}
            for k, etype in usable.items():
                if k < len(row):
                    x, y = row[k]
                    if y > x and _cell_ok(text[x:y], etype):
                        out.append((x, y, etype))
            j += 1
        i = j
    return out


# A timestamp as ISO 8601 writes it, date and time glued by a T: 2024-12-02T23:17:45+08:00.
_ISO_TIMESTAMP_RE = regex.compile(
    r"(?<![\w\-])(?:19|20)\d{2}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+\-][0-2]\d:?[0-5]\d)?(?![\w])")


class StructuredRecordRecognizer(EntityRecognizer):
    """Values of HL7 v2 fields, FHIR/JSON keys and key=value log pairs, typed by their position or key."""

    ENTITIES = [AGE, PERSON, DATE_TIME, MEDICAL_RECORD_NUMBER, ACCOUNT_NUMBER, US_SSN, ID_NUMBER, LOCATION, ZIP_CODE,
                PHONE_NUMBER, EMAIL_ADDRESS, INSURANCE_ID, DEVICE_ID, SOCIAL_HANDLE]

    def __init__(self, lang: str) -> None:
        super().__init__(supported_entities=self.ENTITIES, name="StructuredRecordRecognizer", supported_language=lang)

    def load(self) -> None:
        pass

    def can_match(self, text: str) -> bool:
        return ("|" in text or '":' in text or '" :' in text or "=" in text or "T" in text
                or ("\n" in text and ("," in text or "\t" in text)))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found: list[tuple[int, int, str]] = []
        if "|" in text:
            found += _hl7_spans(text)
        if '"' in text and ":" in text:
            found += _json_spans(text)
        if "=" in text:
            found += _log_spans(text)
        if "\n" in text and ("," in text or "\t" in text or "|" in text):
            found += _table_spans(text)
        if "T" in text:
            found += [(m.start(), m.end(), DATE_TIME) for m in _ISO_TIMESTAMP_RE.finditer(text)]
        wanted = set(entities)
        return [RecognizerResult(t, s, e, 0.85, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                for s, e, t in sorted(set(found)) if t in wanted and e > s]
