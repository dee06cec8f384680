"""Insurance, legal and emergency paperwork: case numbers, badges, incident places, log-line dates,
parties and kin before names, portal logins, residents' rooms. Every positive uses strings found in
no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestCaseNumbers:
    @pytest.mark.parametrize("text, number, lang", [
        ("(2024)苏0508民初4471号 原告诉称", "(2024)苏0508民初4471号", "zh"),
        ("委托法院案号：（2023）浙01民终9036号", "（2023）浙01民终9036号", "zh"),
        ("（2025）明律函字第112号\n致：某保险公司", "（2025）明律函字第112号", "zh"),
        ("鉴定编号：苏鼎司鉴〔2024〕临鉴字第0588号", "苏鼎司鉴〔2024〕临鉴字第0588号", "zh"),
        ("本院参照闽正司鉴〔2025〕法鉴字第77号意见", "闽正司鉴〔2025〕法鉴字第77号", "zh"),
        ("结论书编号：杭劳鉴〔2024〕第2290号", "杭劳鉴〔2024〕第2290号", "zh"),
        ("协议编号：宁医调协〔2025〕118号", "宁医调协〔2025〕118号", "zh"),
        ("Plaintiff v. Defendant, Case 3:24-cv-00872, filed", "3:24-cv-00872", "en"),
        ("Docket: MID-L-004512-24\nClient", "MID-L-004512-24", "en"),
        ("R. Okafor, Esq., Texas Bar No. 24087716", "24087716", "en"),
    ])
    def test_a_persons_case_by_its_number(self, text, number, lang):
        assert number in _found(text, "ID_NUMBER", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text", [
        "依据国卫办医发〔2023〕41号文件执行",  # a ministry's circular: no one's case
        "参照劳社部发〔2004〕18号规定",
        "（2024）年度体检共3人",  # a year in brackets before a count
    ])
    def test_circulars_and_years_stay(self, text):
        assert _found(text, "ID_NUMBER", "zh") == [], _found(text, lang="zh")

    def test_a_claims_list_shares_its_cue(self):
        found = _found("Claim(s): 31877B20456, 31877B20457\nDear Ms. Ortega:", "ID_NUMBER")
        assert "31877B20456" in found and "31877B20457" in found, found

    @pytest.mark.parametrize("text, number", [
        ("EMS run # M14-260402-007\nDate of call", "M14-260402-007"),
        ("SNF incident report #FR-2025-0311. Resident fell", "FR-2025-0311"),
        ("Dr Amadi   Billing #: 772104   Tel 555-0199", "772104"),
        ("tractor-trailer, DOT # 3318842, driver uninjured", "3318842"),
    ])
    def test_run_incident_billing_and_carrier_numbers(self, text, number):
        assert number in _found(text, "ID_NUMBER"), _found(text)

    def test_a_run_count_stays(self):
        assert _found("Run # 4 of the night, no transport", "ID_NUMBER") == []


class TestBadgesAndPlates:
    @pytest.mark.parametrize("text, badge", [
        ("Crew: T. Nakamura EMT-P #3398, L. Ferreira EMT-B #6120", "3398"),
        ("Crew: T. Nakamura EMT-P #3398, L. Ferreira EMT-B #6120", "6120"),
        ("statement taken by Trooper Kowalski (badge 2047).", "2047"),
        ("escorted by PD (Ofc. Mbeki #5521) under petition", "5521"),
        ("Officer Hannah Strauss, #8804, on scene", "8804"),
    ])
    def test_the_badge_of_who_attended(self, text, badge):
        assert badge in _found(text, "ID_NUMBER"), _found(text)

    def test_a_suture_size_after_an_officer_stays(self):
        assert _found("Officer Patel held pressure; 2 #10 sutures placed", "ID_NUMBER") == []

    @pytest.mark.parametrize("text, name", [
        ("statement taken by Trooper Kowalski (badge 2047).", "Kowalski"),
        ("escorted by PD (Ofc. Mbeki #5521) under petition", "Mbeki"),
        ("Sgt. Lindahl took the report", "Lindahl"),
    ])
    def test_an_officers_rank_titles_the_name_and_stays_out_of_it(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    def test_a_plate_with_its_state(self):
        assert "KTW 7731" in _found("Unit 2: KTW 7731 (OH), driver uninjured", "LICENSE_PLATE")

    def test_a_crash_reports_unit_is_no_address(self):
        assert _found("Unit 2: KTW 7731 (OH), driver uninjured", "LOCATION") == []

    @pytest.mark.parametrize("text, number", [
        ("现场由派出所民警（警号051288）见证", "051288"),
        ("咨询编号：TOX-HZ-250611-014　来电人", "TOX-HZ-250611-014"),
        ("长护险评估号LTC-SZ-2025-30418，评估员入户", "LTC-SZ-2025-30418"),
        ("院前急救出车单　№ 0047712", "0047712"),
    ])
    def test_chinese_badge_case_and_form_numbers(self, text, number):
        assert number in _found(text, "ID_NUMBER", "zh"), _found(text, lang="zh")

    def test_a_policy_in_traditional_script_and_a_clerks_extension(self):
        assert "PRU-HK-40018827" in _found("Re: 保單PRU-HK-40018827 理賠通知", "INSURANCE_ID", "zh")
        assert "400-880-1234转5561" in _found("请联系理赔专员，电话400-880-1234转5561。", "PHONE_NUMBER", "zh")

    def test_a_specimens_number(self):
        assert "SP2511-0082" in _found("留取痰标本编号SP2511-0082送检", "MEDICAL_RECORD_NUMBER", "zh")


class TestIncidentPlaces:
    @pytest.mark.parametrize("text, place", [
        ("Location: I-94 EB near mile marker 212, rollover", "I-94 EB near mile marker 212"),
        ("stopped at US-31 SB, Exit 88 off-ramp. Pt crowning", "US-31 SB, Exit 88 off-ramp"),
        ("struck at the intersection of Kirby Dr and Westheimer Rd and spun", "Kirby Dr and Westheimer Rd"),
        ("Scene: Northgate Climbing, 1180 W Division St. Fall from wall", "Northgate Climbing, 1180 W Division St"),
        ("Resident seen at Willow Bend Nursing, Rm 207-B this morning", "Willow Bend Nursing, Rm 207-B"),
        ("EMS brought her from Pinecrest Apartments, c/o dyspnea", "Pinecrest Apartments"),
        ("CALLER: 1418 North Halvorsen, apartment 2B, door is open", "1418 North Halvorsen, apartment 2B"),
        ("Loc: Maplewood Commons Bldg D, Rm 118, Dayton.", "Maplewood Commons Bldg D, Rm 118"),
    ])
    def test_english_scenes(self, text, place):
        assert place in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "Started on I-131 trial drug last week",  # a highway's shape with no direction, mile or exit
        "Referred to Lakeside Clinic, 22 Harbour Rd for follow-up",  # the clinic's name stays out of the address
        "Needs Cardiac Rehabilitation, Rm 4 booked",
        "Take 2 West Ward, unit 4 first",  # a ward, no street
    ])
    def test_english_look_alikes(self, text):
        assert not any(p.startswith(("I-131", "Lakeside", "Cardiac", "2 West")) for p in _found(text, "LOCATION")), _found(text)

    @pytest.mark.parametrize("text, place", [
        ("事故地点：京港澳高速K592+400北行方向", "京港澳高速K592+400北行方向"),
        ("车辆距长沙西收费站约1公里", "长沙西收费站"),
        ("乘客在五一广场地铁站站台晕倒", "五一广场地铁站"),
        ("民警在解放路桥洞下发现患者", "解放路桥洞"),
        ("走失老人最后出现在人民公园东门", "人民公园东门"),
        ("住址：西城区广安门外南滨河路27号增3号楼2门502", "西城区广安门外南滨河路27号增3号楼2门502"),
        ("户籍：晋江市安海镇前埔村后厝16号", "晋江市安海镇前埔村后厝16号"),
    ])
    def test_chinese_scenes_and_address_tails(self, text, place):
        assert place in _found(text, "LOCATION", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text", ["坐地铁到火车站再转车", "高速公路上车多", "他每天去公园散步", "入住302室观察", "地点：302室",
                                      "住院部3号楼5单元"])
    def test_chinese_look_alikes(self, text):
        assert _found(text, "LOCATION", "zh") == [], _found(text, lang="zh")

    @pytest.mark.parametrize("text, room", [
        ("老人说住7号楼2单元1103，忘带钥匙", "7号楼2单元1103"),
        ("房间：颐康苑2层215室B床\n夜间安睡", "颐康苑2层215室B床"),
        ("10:20 家属探望316室何奶奶", "316室"),
    ])
    def test_a_flat_and_a_residents_room(self, text, room):
        assert room in _found(text, "LOCATION", "zh"), _found(text, lang="zh")


class TestLogDates:
    @pytest.mark.parametrize("text, date, lang", [
        ("5/9 电话随访，患者诉头晕减轻", "5/9", "zh"),
        ("6.14晚，家属来电称血压偏高", "6.14", "zh"),
        ("11/2 LM for clmt re: IME scheduling", "11/2", "en"),
        ("随访记录 4月18日 09:42：患者自诉无不适", "4月18日 09:42", "zh"),
        ("Seen at the fairground tent, Aug 3, 2025 1415. Pt alert", "Aug 3, 2025 1415", "en"),
        ("住院号B17-2204（2024/06/11-06/19），出院带药", "06/19", "zh"),
        ("ICU handover 4/11 06:45：Bed 2 stable", "4/11 06:45", "zh"),
    ])
    def test_dates_of_a_log_and_their_times_and_ranges(self, text, date, lang):
        assert date in _found(text, "DATE_TIME", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, lang", [
        ("3.5 小时后症状缓解", "zh"),
        ("1/2 片口服，每日两次", "zh"),
        ("2.5倍于正常上限", "zh"),
        ("3/4 of the dose was given", "en"),
    ])
    def test_fractions_and_decimals_at_a_lines_start_stay(self, text, lang):
        assert _found(text, "DATE_TIME", lang) == [], _found(text, lang=lang)


class TestPeople:
    @pytest.mark.parametrize("text, name", [
        ("原告欧阳慧琳诉被告某保险公司", "欧阳慧琳"),
        ("被告祁建军辩称", "祁建军"),
        ("犬主隆海涛当场赔礼", "隆海涛"),
        ("站务员甄可欣使用AED", "甄可欣"),
        ("长子公冶文博（139 2051 7788）到场", "公冶文博"),
        ("儿媳龚丽萍，长孙公冶浩然", "龚丽萍"),
        ("委托外甥敖子轩代为办理", "敖子轩"),
        ("询问人：甄、邝志远", "甄"),
        ("材料齐全。\n受理：晏  2025年5月6日", "晏"),
        ("接诊医生：心内科闫志豪\n视频链接", "闫志豪"),
        ("随村医岳德胜入户随访", "岳德胜"),
        ("由邻居詹大姐帮忙照看", "詹"),
        ("曾孙小禾（3岁）也来了", "小禾"),
        ("监控显示，卜某酒后驾车", "卜某"),
    ])
    def test_chinese_parties_kin_and_signatures(self, text, name):
        assert name in _found(text, "PERSON", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text", ["被告方认为责任在医院", "于某日下午发病", "向某医院咨询", "某某公司出具证明", "患者内科住院",
                                      "儿子小便正常", "她大姐来了"])
    def test_chinese_look_alikes(self, text):
        assert _found(text, "PERSON", "zh") == [], _found(text, lang="zh")

    def test_a_phone_in_brackets_leaves_the_bracket(self):
        assert "139 2051 7788" in _found("长子公冶文博（139 2051 7788）到场", "PHONE_NUMBER", "zh")

    @pytest.mark.parametrize("text, number", [
        ("来电号码口述“幺五二，七七零三，八幺四六”", "幺五二，七七零三，八幺四六"),
        ("回拨电话幺三九、二二八四、零六七一。", "幺三九、二二八四、零六七一"),
    ])
    def test_a_number_read_out_in_groups(self, text, number):
        assert number in _found(text, "PHONE_NUMBER", "zh")

    def test_a_numbered_list_stays(self):
        assert _found("第一、二、三、四条均已告知", "PHONE_NUMBER", "zh") == []

    @pytest.mark.parametrize("text, number", [
        ("身份证号3301061975****2216", "3301061975****2216"),
        ("访客 登记 身份证3205**********7731　体温36.6℃", "3205**********7731"),
    ])
    def test_a_masked_resident_card(self, text, number):
        assert number in _found(text, lang="zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text, name", [
        ("交班 Bed 3 Wang Lei（王磊），SVT 已转复", "Wang Lei"),
        ("交班 Bed 3 Wang Lei（王磊），SVT 已转复", "王磊"),
        ("路人Grace Lim报称老人已苏醒", "Grace Lim"),
        ("核保经理 Kelvin CHAN　2025/04/02", "Kelvin CHAN"),
        ("会员：Schneider, Lukas（德籍）", "Schneider, Lukas"),
    ])
    def test_latin_names_in_chinese_notes(self, text, name):
        assert name in _found(text, "PERSON", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text, name", [
        ("Referral from Dr. Sorrento's office received", "Sorrento"),
        ("Left message with Colette DeVaux today.", "Colette DeVaux"),
        ("Caller: Amber Whitcombe (sister) from work", "Amber Whitcombe"),
        ("Telehealth 4/2/25: Ruby-Jean Okonkwo, 3y, fever", "Ruby-Jean Okonkwo"),
        ("site contact safety officer Ray Tolliver at the plant", "Ray Tolliver"),
    ])
    def test_english_names_the_model_cut_or_dropped(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "Edema, Brain Non-enhancing Tumor noted",
        "Walk in at 910 Lakeshore Dr Pharmacy any day",
    ])
    def test_english_look_alikes(self, text):
        assert _found(text, "PERSON") == [], _found(text)

    @pytest.mark.parametrize("text, login", [
        ("Secure message\nFrom: rtakahashi_88 (Ren Takahashi)   Sent", "rtakahashi_88"),
        ("Billing message\nFrom: dl.moreau\n\"charged twice\"", "dl.moreau"),
        ("Glucose data synced. Cloud account amaka.eze.home.\nTIR 61%", "amaka.eze.home"),
        ("Portal msg 04/02 07:10 from tigerlily_77: \"out of pills\"", "tigerlily_77"),
    ])
    def test_a_senders_login(self, text, login):
        assert login in _found(text, "SOCIAL_HANDLE"), _found(text)

    @pytest.mark.parametrize("text", ["From: noreply.alerts\nSubject: results", "See attached from: scan_0412.pdf"])
    def test_a_systems_account_and_a_file_stay(self, text):
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)

    def test_a_worn_devices_long_serial(self):
        assert "HX-W210-70331942" in _found("weight synced from the scale (device HX-W210-70331942) at 06:10", "DEVICE_ID")

    @pytest.mark.parametrize("text, age", [("Insured age at claim: 93", "93"), ("Age at death: 101", "101")])
    def test_an_age_at_an_event(self, text, age):
        assert age in _found(text, "AGE")


class TestTimedConsultationChat:
    def test_the_patients_screen_name_in_a_timed_chat_with_a_doctor(self):
        text = ("2026-05-02 21:14　小雨点点：医生您好，孩子发烧两天了还在咳\n21:20　邬医生：您好，体温最高多少？\n"
                "21:22　小雨点点：最高三十九度，吃了退烧药")
        assert _found(text, "SOCIAL_HANDLE", "zh").count("小雨点点") == 2, _found(text, lang="zh")

    @pytest.mark.parametrize("text", [
        "08:00 体温：36.5\n09:00 医生：查房，病情平稳无特殊\n12:00 体温：37.0\n14:00 护理：翻身拍背并协助进食",
        "20:01　患者家属：医生您好，老人今天吃得很少\n20:05　医生：先观察，明天复诊",
    ])
    def test_a_vitals_log_and_a_role_stay(self, text):
        assert _found(text, "SOCIAL_HANDLE", "zh") == [], _found(text, lang="zh")

