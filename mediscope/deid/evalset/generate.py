"""Generate the de-identification evaluation set (zh + en) with gold PHI and clinical spans.

    python -m mediscope.deid.evalset.generate            # rewrites zh.jsonl and en.jsonl here

Templates use three markups, resolved left to right while offsets are tracked:
- `{TYPE}`: a fresh value from a generator below (Faker zh_CN / en_US, fixed seeds), gold PHI;
- `<TYPE|literal>`: hand-written PHI (hard cases: glued names, split numbers, OCR spacing);
- `[[term]]`: a clinical term that must survive unchanged (drugs, eponyms, doses, vitals).
Output lines: {"id", "lang", "text", "phi": [{"start","end","type"}], "clinical": [{"start","end"}]}.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from faker import Faker
from faker.providers.date_time import change_year

HERE = Path(__file__).resolve().parent
# Faker's data changes between releases; the shipped files were generated with this version.
GENERATED_WITH_FAKER = "40.63.0"
EVAL_FILES = {"zh.jsonl": HERE / "zh.jsonl", "en.jsonl": HERE / "en.jsonl"}

# Dates are drawn relative to this day, not to the day the generator runs, so the set is the
# same file on every day (Faker's "today" and date_of_birth read the clock); it is the day the
# shipped files were generated.
REFERENCE_DATE = date(2026, 11, 26)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _recent_date(f: Faker, years: int = 6) -> date:
    """Faker's `date_between(start_date="-6y", end_date="today")` with today fixed."""
    return f.date_between_dates(date_start=REFERENCE_DATE + timedelta(days=-365.24 * years), date_end=REFERENCE_DATE)


def _cn_resident_id(f: Faker, min_age: int = 18, max_age: int = 90) -> str:
    """Faker zh_CN's `ssn()` (same draws, same checksum) with today fixed: the birth date inside
    the number is counted back from REFERENCE_DATE."""
    from faker.providers.ssn.zh_CN import Provider as CnSsn

    age = timedelta(days=f.random_int(min_age * 365, max_age * 365))
    body = f.numerify(f.random_element(CnSsn.area_codes) + (REFERENCE_DATE - age).strftime("%Y%m%d") + "##")
    body += f.random.choice("0123456789")
    return body + str((1 - 2 * int(body, 13)) % 11).replace("10", "X")


def _date_of_birth(f: Faker, minimum_age: int, maximum_age: int) -> date:
    """Faker's `date_of_birth(minimum_age=..., maximum_age=...)` with today fixed."""
    start = change_year(REFERENCE_DATE, -(maximum_age + 1))
    dob = f.date_time_ad(start_datetime=start, end_datetime=change_year(REFERENCE_DATE, -minimum_age)).date()
    return dob if dob != start else dob + timedelta(days=1)


def _fw(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def _luhn_complete(body: str) -> str:
    digits = [int(c) for c in body]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


class ZhValues:
    def __init__(self, seed: int) -> None:
        self.f = Faker("zh_CN")
        self.f.seed_instance(seed)
        self.r = random.Random(seed)

    def NAME(self) -> str:
        if self.r.random() < 0.05:
            return self.r.choice(["欧阳", "司马", "诸葛", "上官"]) + self.f.first_name()
        return self.f.name()

    def SURNAME(self) -> str:
        return self.f.last_name()[:1]

    def MOBILE(self) -> str:
        n = self.f.phone_number()
        style = self.r.randrange(7)
        if style == 1:
            return f"{n[:3]} {n[3:7]} {n[7:]}"
        if style == 2:
            return f"{n[:3]}-{n[3:7]}-{n[7:]}"
        if style == 3:
            return f"+86 {n}"
        if style == 4:
            return _fw(n)
        if style == 5:
            return " ".join(n)
        if style == 6:
            return _fw(f"{n[:3]} {n[3:7]} {n[7:]}")
        return n

    def LANDLINE(self) -> str:
        area = self.r.choice(["010", "021", "020", "0755", "0571", "028", "027", "0532"])
        local = str(self.r.randint(2, 8)) + "".join(str(self.r.randint(0, 9)) for _ in range(7 if len(area) == 3 else 6))
        style = self.r.randrange(5)
        if style == 1:
            return f"({area}){local}"
        if style == 2:
            return f"{area} {local[:4]} {local[4:]}"
        if style == 3:
            return f"{area}-{local}转{self.r.randint(100, 999)}"
        if style == 4:
            return f"（{area}）{local[:4]}-{local[4:]}"
        return f"{area}-{local}"

    def ID(self) -> str:
        n = _cn_resident_id(self.f)
        style = self.r.randrange(4)
        if style == 1:
            return f"{n[:6]} {n[6:14]} {n[14:]}"
        if style == 2:
            return _fw(n)
        return n

    def MRN(self) -> str:
        return self.r.choice(["ZY", "MZ", "", "BA", ""]) + "".join(str(self.r.randint(0, 9)) for _ in range(self.r.randint(6, 10)))

    def INSURANCE(self) -> str:
        return self.r.choice(["", "YB", "SB"]) + "".join(str(self.r.randint(0, 9)) for _ in range(self.r.randint(9, 16)))

    def BANK(self) -> str:
        body = "62" + "".join(str(self.r.randint(0, 9)) for _ in range(16))
        n = _luhn_complete(body)
        return " ".join(n[i : i + 4] for i in range(0, len(n), 4)) if self.r.random() < 0.5 else n

    def WECHAT(self) -> str:
        return self.r.choice(["wxid_", "", "zh", "li"]) + self.f.user_name()[:8] + str(self.r.randint(10, 999))

    def QQ(self) -> str:
        return str(self.r.randint(10000, 9999999999))

    def ADDRESS(self) -> str:
        f, r = self.f, self.r
        road = f.last_name() + r.choice(["华", "兴", "安", "明", "光", "新", "和", "平", "阳", "山"]) + r.choice(["路", "街", "大道"])
        estate = r.choice(["幸福", "阳光", "锦绣", "翠湖", "金色", "东方", "滨江", "书香"]) + r.choice(["小区", "花园", "家园", "苑"])
        style = r.randrange(5)
        city = f.city_name() + "市"
        district = f.district() + "区"
        if style == 0:
            return f"{city}{district}{road}{r.randint(1, 999)}号"
        if style == 1:
            return f"{f.province()}{city}{district}{road}{r.randint(1, 999)}号{estate}{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(101, 2899)}室"
        if style == 2:
            return f"{city}{district}{estate}{r.randint(1, 30)}号楼{r.randint(101, 2899)}室"
        if style == 3:
            return f"{f.province()}{city}{f.district()}县{f.last_name()}{r.choice(['家', '庄', '河'])}镇{f.last_name()}{r.choice(['家村', '庄村', '湾村'])}{r.randint(1, 12)}组"
        return f"{district}{road}{r.randint(1, 999)}弄{r.randint(1, 50)}号{r.randint(101, 999)}室"

    def DATE(self) -> str:
        d = _recent_date(self.f)
        style = self.r.randrange(6)
        if style == 0:
            return f"{d.year}年{d.month}月{d.day}日"
        if style == 1:
            return d.strftime("%Y-%m-%d")
        if style == 2:
            return d.strftime("%Y/%m/%d")
        if style == 3:
            return f"{d.month}月{d.day}日"
        if style == 4:
            return f"{d.year}.{d.month:02d}.{d.day:02d}"
        return f"{d.year}年{d.month}月{d.day}号"

    def BIRTH(self) -> str:
        d = _date_of_birth(self.f, minimum_age=1, maximum_age=95)
        return f"{d.year}年{d.month}月{d.day}日" if self.r.random() < 0.6 else d.strftime("%Y-%m-%d")

    def AGE90(self) -> str:
        return str(self.r.randint(90, 104))

    def PLATE(self) -> str:
        return self.r.choice("京沪粤浙苏川鲁豫") + self.r.choice("ABCDEFG") + "".join(
            self.r.choice("0123456789ABCDEFGHJK") for _ in range(5))

    def EMAIL(self) -> str:
        return self.f.email()

    def ZIP(self) -> str:
        return str(self.r.randint(100000, 859999))


class EnValues:
    def __init__(self, seed: int) -> None:
        self.f = Faker("en_US")
        self.f.seed_instance(seed)
        self.r = random.Random(seed)

    def NAME(self) -> str:
        return f"{self.f.first_name()} {self.f.last_name()}"

    def FIRST(self) -> str:
        return self.f.first_name()

    def LAST(self) -> str:
        return self.f.last_name()

    def PHONE(self) -> str:
        a, b, c = self.r.randint(201, 989), self.r.randint(200, 999), self.r.randint(0, 9999)
        style = self.r.randrange(5)
        return [f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"+1 {a} {b} {c:04d}", f"{a} {b} {c:04d}"][style]

    def SSN(self) -> str:
        return f"{self.r.randint(100, 665)}-{self.r.randint(10, 99)}-{self.r.randint(1000, 9999)}"

    def MRN(self) -> str:
        return self.r.choice(["", "MR", "A"]) + str(self.r.randint(100000, 99999999))

    def ACCOUNT(self) -> str:
        return str(self.r.randint(10000000, 9999999999))

    def INSURANCE(self) -> str:
        return self.r.choice(["XYZ", "BCB", "W", "H"]) + str(self.r.randint(10000000, 999999999))

    def ADDRESS(self) -> str:
        return self.f.street_address()

    def CITY(self) -> str:
        return self.f.city()

    def ZIP(self) -> str:
        return self.f.zipcode()

    def STATE(self) -> str:
        return self.f.state_abbr()

    def DATE(self) -> str:
        d = _recent_date(self.f)
        style = self.r.randrange(6)
        return [d.strftime("%B %d, %Y").replace(" 0", " "), d.strftime("%m/%d/%Y"), d.strftime("%Y-%m-%d"),
                f"{d.day} {d.strftime('%B')} {d.year}", d.strftime("%b %d").replace(" 0", " "),
                d.strftime("%m/%d/%y")][style]

    def AGE90(self) -> str:
        return str(self.r.randint(90, 104))

    def EMAIL(self) -> str:
        return self.f.email()

    def URL(self) -> str:
        return self.f.url()

    def IP(self) -> str:
        return self.f.ipv4()

    def PLATE(self) -> str:
        return self.f.license_plate()

    def DEVICE(self) -> str:
        return self.r.choice(["SN", "PM", "DEV-"]) + str(self.r.randint(1000000, 99999999))


# (value generator name, gold entity type)
ZH_TYPES = {
    "NAME": "PERSON", "SURNAME": "PERSON", "MOBILE": "PHONE_NUMBER", "LANDLINE": "PHONE_NUMBER",
    "ID": "CN_ID_CARD", "MRN": "MEDICAL_RECORD_NUMBER", "INSURANCE": "INSURANCE_ID", "BANK": "ACCOUNT_NUMBER",
    "WECHAT": "SOCIAL_HANDLE", "QQ": "SOCIAL_HANDLE", "ADDRESS": "LOCATION", "DATE": "DATE_TIME",
    "BIRTH": "DATE_TIME", "AGE90": "AGE", "PLATE": "LICENSE_PLATE", "EMAIL": "EMAIL_ADDRESS", "ZIP": "ZIP_CODE",
}
EN_TYPES = {
    "NAME": "PERSON", "FIRST": "PERSON", "LAST": "PERSON", "PHONE": "PHONE_NUMBER", "SSN": "US_SSN",
    "MRN": "MEDICAL_RECORD_NUMBER", "ACCOUNT": "ACCOUNT_NUMBER", "INSURANCE": "INSURANCE_ID",
    "ADDRESS": "LOCATION", "CITY": "LOCATION", "ZIP": "ZIP_CODE", "DATE": "DATE_TIME", "AGE90": "AGE",
    "EMAIL": "EMAIL_ADDRESS", "URL": "URL", "IP": "IP_ADDRESS", "PLATE": "LICENSE_PLATE", "DEVICE": "DEVICE_ID",
}

ZH_TEMPLATES = [
    "患者{NAME}，男，{AGE}岁，因[[头痛]][[3天]]于{DATE}入院。",
    "姓名：{NAME}  性别：女  出生日期：{BIRTH}  身份证号：{ID}  联系电话：{MOBILE}",
    "{NAME}主诉[[反复胸闷]][[两周]]，既往[[高血压]]病史[[5年]]，口服[[氨氯地平5mg]]。",
    "您好，我是{SURNAME}医生，您的检查结果显示[[白细胞]]偏高，[[血红蛋白]]正常。",
    "家属{NAME}（电话{MOBILE}）陪同就诊，患者[[帕金森病]]史[[8年]]，服用[[多巴丝肼]]。",
    "住院号：{MRN}，门诊号：{MRN}，入院日期{DATE}，出院日期{DATE}。",
    "医保卡号{INSURANCE}，银行卡号{BANK}，请核对。",
    "有问题可以加我微信{WECHAT}，或者QQ：{QQ}，也可以打座机{LANDLINE}。",
    "家住{ADDRESS}，近日出现[[发热]]，[[体温38.5℃]]，[[心率110次/分]]。",
    "{NAME}女士您好，[[霍奇金淋巴瘤]]需要进一步做[[PET-CT]]检查。",
    "谢谢{SURNAME}主任！我妈妈今年{AGE90}岁了，[[阿尔茨海默病]]加重，记忆力下降。",
    "主治医师：{NAME}  审核医师：{NAME}  报告日期：{DATE}",
    "我叫{NAME}，今年{AGE}岁，[[空腹血糖7.8mmol/L]]，[[糖化血红蛋白8.1%]]，在吃[[二甲双胍]]。",
    "患儿{NAME}，{BIRTH}出生，[[川崎病]]恢复期，监护人{NAME}，手机{MOBILE}。",
    "车牌号{PLATE}的车主在停车场晕倒，送至[[急诊科]]，[[血压90/60mmHg]]。",
    "请把报告发到邮箱{EMAIL}，地址是{ADDRESS}，邮编{ZIP}。",
    "{SURNAME}大夫，我父亲{NAME}，{AGE90}岁，[[房颤]]在吃[[华法林]]，[[INR 2.5]]。",
    "复诊时间：{DATE}上午，挂[[神经内科]]{SURNAME}教授的号。",
    "联系人：{NAME}，联系电话：{LANDLINE}，现住址：{ADDRESS}",
    "{NAME}于{DATE}行[[腹腔镜胆囊切除术]]，术后[[第3天]]出院，[[甘油三酯]]偏高。",
    "病人{NAME}自述[[左侧]]肢体无力，[[高热]]不退，[[黄疸]]明显，请{SURNAME}主任会诊。",
    "中药方：[[黄芪]]、[[白术]]、[[柴胡]]、[[陈皮]]、[[王不留行]]、[[金银花]]，{NAME}开具。",
    "身份证{ID}，医保号{INSURANCE}，病案号{MRN}。",
    "你好{SURNAME}医生，我老公{NAME}的[[克罗恩病]]复发了，能加您微信吗？我的是{WECHAT}。",
    "{DATE}复查[[谷丙转氨酶]]56U/L，[[桥本甲状腺炎]]，[[左甲状腺素钠50μg]]。",
]

ZH_HARD = [
    "<PERSON|张伟>主诉[[头痛]][[3天]]，伴[[恶心]]。",
    "<PERSON|李娜>因[[咳嗽]]就诊，<PERSON|王>医生开了[[阿莫西林]]。",
    "电话：<PHONE_NUMBER|1 3 8 0 0 1 3 8 0 0 0>（OCR），备用<PHONE_NUMBER|138-0013-8001>。",
    "身份证号：<CN_ID_CARD|110101 19900307 4514>，手机<PHONE_NUMBER|１３９１２３４５６７８>。",
    "<PERSON|欧阳娜娜>，女，<AGE|96>岁，[[帕金森病]]，[[布洛芬缓释胶囊0.3g]]每日两次。",
    "<DATE_TIME|二〇二三年三月五日>入院，<DATE_TIME|三月十二日>出院，住院[[7天]]。",
    "住 院 号：<MEDICAL_RECORD_NUMBER|ZY 2023 0815>，床号[[12床]]。",
    "<PERSON|刘洋>说：<PERSON|陈静>护士，我明天来复查。",
    "地址：<LOCATION|上海市浦东新区张江路88弄5号1202室>，电话<PHONE_NUMBER|021-5080 1234>",
    "QQ号<SOCIAL_HANDLE|8 8 6 5 4 3 2 1>，微信<SOCIAL_HANDLE|zhang_wei_1988>",
    "[[唐氏综合征]]筛查低风险，[[马凡综合征]]待排，<PERSON|赵敏>签名。",
    "谢谢<PERSON|孙>大夫，<PERSON|孙>大夫说[[血压140/90mmHg]]要吃[[缬沙坦]]。",
    "患者<PERSON|黄小明>，男，<DATE_TIME|2019年7月>起[[血糖升高]]。",
    "我是<PERSON|周杰>的妈妈，孩子[[发热39℃]]，昨天<DATE_TIME|3月8日>开始。",
    "就诊卡号<MEDICAL_RECORD_NUMBER|0012345678>，银行卡<ACCOUNT_NUMBER|6222 0212 3456 7890 128>。",
    "出生日期：<DATE_TIME|19850612>，联系电话<PHONE_NUMBER|(0755)8888-6666>。",
    "[[心内科]]<PERSON|郑>主任查房：[[窦性心律]]，[[心率72次/分]]，[[BNP 450pg/ml]]。",
    "<PERSON|司马光>老先生，<AGE|九十二>岁，[[慢阻肺]]急性加重。",
]

EN_TEMPLATES = [
    "Patient {NAME}, a {AGE}-year-old man, was admitted on {DATE} with [[chest pain]] for [[3 days]].",
    "Name: {NAME}  DOB: {DATE}  MRN: {MRN}  Phone: {PHONE}",
    "Dr. {LAST} reviewed the [[MRI]]; findings are consistent with [[Parkinson's disease]].",
    "{NAME} reports [[headache]] and [[nausea]]; [[BP 142/88 mmHg]], [[HR 72]], [[temperature 38.2 C]].",
    "Please call me at {PHONE} or email {EMAIL} about my mother's [[Alzheimer's disease]].",
    "Mr. {LAST} lives at {ADDRESS}, {CITY}, {STATE} {ZIP}.",
    "Insurance ID {INSURANCE}, account number {ACCOUNT}, SSN {SSN}.",
    "My grandmother is {AGE90} years old and has [[Hodgkin lymphoma]]; she takes [[metformin 500 mg]] twice daily.",
    "Seen by {NAME} in [[cardiology]] on {DATE}; follow-up on {DATE}.",
    "The patient portal is {URL}; login from IP {IP} was flagged.",
    "Pacemaker serial number {DEVICE}, implanted {DATE} by Dr. {NAME}.",
    "Emergency contact: {NAME} (daughter), {PHONE}.",
    "[[Crohn's disease]] flare; [[CRP 45 mg/L]], started [[prednisone 40 mg]]. Signed: {NAME}, MD",
    "Hi, I'm {NAME}. I've had [[Bell's palsy]] since {DATE}, is [[acyclovir]] still useful?",
    "Ms. {LAST} ({AGE90} y/o) was transferred from {CITY} for [[Guillain-Barre syndrome]].",
    "License plate {PLATE} was recorded at the [[emergency department]] entrance; driver {NAME}.",
    "Medical record number {MRN}; admission {DATE}; discharge {DATE}; [[HbA1c 7.2%]].",
    "Mrs. {NAME} says her husband {FIRST} took [[warfarin]] and [[atorvastatin 20 mg]].",
    "{NAME}, {AGE} y/o, presents with [[Cushing's syndrome]]; [[cortisol 28 ug/dL]]. Tel: {PHONE}",
    "Member ID {INSURANCE} for {NAME}; group number {ACCOUNT}.",
]
EN_HARD = [
    "<PERSON|John Smith> complained of [[Graves' disease]] symptoms; <PERSON|Smith> was given [[methimazole]].",
    "Call <PHONE_NUMBER|5 5 5 - 8 6 7 - 5 3 0 9> (scanned form).",
    "SSN: <US_SSN|123 45 6789>; MRN <MEDICAL_RECORD_NUMBER|00 12 34 56>.",
    "<PERSON|Maria Garcia>, <AGE|93>, [[Down syndrome]] and [[Epstein-Barr virus]] serology negative.",
    "Born <DATE_TIME|03/14/1931>, now <AGE|ninety-three> years old, [[Lou Gehrig's disease]] suspected.",
    "Dr. <PERSON|O'Brien> ordered a [[CT]] and an [[EKG]]; [[HR 110]], [[SpO2 94%]].",
    "Address: <LOCATION|742 Evergreen Terrace>, <LOCATION|Springfield>; ZIP <ZIP_CODE|49007>.",
    "[[Hodgkin]] and [[non-Hodgkin lymphoma]] were discussed with <PERSON|Ahmed Khan> on <DATE_TIME|12 Jan 2024>.",
]


def _render(template: str, values, types: dict[str, str], ages: list[int], r: random.Random):
    text = ""
    phi: list[dict] = []
    clinical: list[dict] = []
    pattern = re.compile(r"\{(\w+)\}|<(\w+)\|([^>]+)>|\[\[([^\]]+)\]\]")
    pos = 0
    for m in pattern.finditer(template):
        text += template[pos : m.start()]
        pos = m.end()
        if m.group(1):
            key = m.group(1)
            if key == "AGE":
                text += str(r.choice(ages))
                continue
            value = getattr(values, key)()
            if key not in types:  # e.g. a US state: allowed by Safe Harbor, not gold PHI
                text += value
                continue
            phi.append({"start": len(text), "end": len(text) + len(value), "type": types[key]})
            text += value
        elif m.group(2):
            value = m.group(3)
            phi.append({"start": len(text), "end": len(text) + len(value), "type": m.group(2)})
            text += value
        else:
            value = m.group(4)
            clinical.append({"start": len(text), "end": len(text) + len(value)})
            text += value
    text += template[pos:]
    return text, phi, clinical


def _build(lang: str, templates: list[str], hard: list[str], values_cls: Callable, types: dict[str, str],
           repeats: int, seed: int) -> list[dict]:
    rows = []
    r = random.Random(seed)
    ages = list(range(1, 89))
    values = values_cls(seed)
    for rep in range(repeats):
        for i, tpl in enumerate(templates):
            text, phi, clinical = _render(tpl, values, types, ages, r)
            rows.append({"id": f"{lang}-t{i:02d}-{rep}", "lang": lang, "text": text, "phi": phi, "clinical": clinical})
    for i, tpl in enumerate(hard):
        text, phi, clinical = _render(tpl, values, types, ages, r)
        rows.append({"id": f"{lang}-hard-{i:02d}", "lang": lang, "text": text, "phi": phi, "clinical": clinical})
    return rows


def generate(out_dir: Path = HERE) -> dict[str, int]:
    counts = {}
    for lang, rows in (
        ("zh", _build("zh", ZH_TEMPLATES, ZH_HARD, ZhValues, ZH_TYPES, repeats=6, seed=20240601)),
        ("en", _build("en", EN_TEMPLATES, EN_HARD, EnValues, EN_TYPES, repeats=8, seed=20240602)),
    ):
        for row in rows:
            for s in row["phi"] + row["clinical"]:
                assert 0 <= s["start"] < s["end"] <= len(row["text"])
        path = out_dir / f"{lang}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        counts[lang] = sum(len(r["phi"]) for r in rows)
    return counts


if __name__ == "__main__":
    print(generate())
