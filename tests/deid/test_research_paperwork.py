"""Research and public-health paperwork: subject and sample codes, initials, safety-report numbers,
EDC logins, and the codes and short dates a record's found ones vouch for. Every positive uses
strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.recognizers.date_siblings import sibling_short_dates
from mediscope.deid.recognizers.record_siblings import sibling_record_codes
from mediscope.deid.types import PhiSpan


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestSubjectCodes:
    @pytest.mark.parametrize("text, code, lang", [
        ("Subject No. 227-0418 | Initials TRW", "227-0418", "en"),
        ("Participant QX7-0552 missed the week 12 visit", "QX7-0552", "en"),
        ("Randomisation number: K4417-02 assigned by IWRS", "K4417-02", "en"),
        ("Sample kit ID: BIO-NZ-771204 received frozen", "BIO-NZ-771204", "en"),
        ("SUBJ 0388 phoned about nausea", "SUBJ 0388", "en"),
        ("受试者筛选号：SC-0415-017　入组日期待定", "SC-0415-017", "zh"),
        ("随机号：RA-2291，已发药", "RA-2291", "zh"),
        ("儿童（编号CH-09-4471）由父亲陪同", "CH-09-4471", "zh"),
        ("监查发现09-114号受试者漏记不良事件", "09-114", "zh"),
    ])
    def test_a_subjects_code_after_its_cue(self, text, code, lang):
        assert code in _found(text, "MEDICAL_RECORD_NUMBER", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, lang", [
        ("Study: QX-4417 versus placebo in moderate asthma", "en"),  # a compound's code after the study's word
        ("Subject: 2nd dose reminder", "en"),  # an e-mail's subject line
        ("Screening 16 Jan 2026, randomisation 30 Jan 2026", "en"),
        ("Subject ref range 135-145 mmol/L", "en"),
        ("方案：NOVA-3（QX-0912治疗银屑病）", "zh"),
    ])
    def test_studies_compounds_and_dates_stay(self, text, lang):
        assert _found(text, "MEDICAL_RECORD_NUMBER", lang) == [], _found(text, lang=lang)


class TestInitialsAndReports:
    @pytest.mark.parametrize("text, initials, lang", [
        ("Subject initials: R.T.K.  Site 44", "R.T.K.", "en"),
        ("Initials - BPQ", "BPQ", "en"),
        ("姓名缩写：WJQX　性别：女", "WJQX", "zh"),
        ("受试者 0412-009（HJY）按时返院", "HJY", "zh"),
    ])
    def test_a_participants_initials(self, text, initials, lang):
        assert initials in _found(text, "PERSON", lang), _found(text, lang=lang)

    def test_an_abbreviation_after_a_lab_code_stays(self):
        assert _found("CA125 (IFCC) 35 U/mL; HbA1c (DCCT) 7.1%", "PERSON") == []

    @pytest.mark.parametrize("text, number, entity, lang", [
        ("MFR CONTROL NO.: GB-KT-2026-330184", "GB-KT-2026-330184", "ID_NUMBER", "en"),
        ("Inbound call, ref PV-CALL-770142", "PV-CALL-770142", "ID_NUMBER", "en"),
        ("报告编号：SAE-CN-2026-01188　首次报告", "SAE-CN-2026-01188", "ID_NUMBER", "zh"),
        ("Invoice no. INV-KQ-2026-0712 for travel", "INV-KQ-2026-0712", "ACCOUNT_NUMBER", "en"),
    ])
    def test_a_reports_or_an_invoices_number(self, text, number, entity, lang):
        assert number in _found(text, entity, lang), _found(text, lang=lang)

    def test_a_reference_range_after_ref_stays(self):
        assert _found("Sodium 139 (ref 135-145)", "ID_NUMBER") == []


class TestCodesARecordVouchesFor:
    def test_codes_of_the_same_shape_in_a_list(self):
        text = "Subject 418-0021 re-consented.\nSDV pending for 418-0027 and 418-0033."
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert {"418-0021", "418-0027", "418-0033"} <= set(found), found

    def test_subjects_that_open_with_the_sites_number(self):
        text = "Site 227 (Cardiology). Findings: 227-004 missed ECG; 227-011 dosing error."
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert "227-004" in found and "227-011" in found, found

    def test_a_bare_run_of_digits_vouches_for_nothing(self):
        text = "MRN 44871203, seen 20260312 and 20260318"
        spans = [PhiSpan(4, 12, "MEDICAL_RECORD_NUMBER", 0.9, "mrn_cued")]
        assert sibling_record_codes(text, spans) == spans

    def test_without_a_record_number_or_a_site_nothing_is_added(self):
        text = "Doses 10-20 mg, ranges 135-145"
        assert sibling_record_codes(text, []) == []

    def test_a_site_number_does_not_take_a_dose_range(self):
        assert _found("Site 12 nurse gave 12-24 units over the day", "MEDICAL_RECORD_NUMBER") == []


class TestShortDatesOfANamedMonth:
    @pytest.mark.parametrize("text, dates, lang", [
        ("入住：2023-10-02 22:10\n每日体温：10/03 36.6℃；10/04 36.8℃", ["10/03", "10/04"], "zh"),
        ("访视日期：2026-03-09至03-10　监查员到场", ["03-10"], "zh"),
        ("Exposure at the pool party on Jun 14; second dose given 6/21, excluded until 7/2", ["6/21", "7/2"], "en"),
    ])
    def test_month_day_pairs_of_that_month(self, text, dates, lang):
        found = _found(text, "DATE_TIME", lang)
        assert all(d in found for d in dates), found

    @pytest.mark.parametrize("text, lang", [
        ("Seen 2026-03-04. Pain 3/10, 3/7 cough, GCS 3/15", "en"),
        ("2026年3月4日 手术切除2/3胃，浸润1/3宫颈壁，每次1/2片", "zh"),
        ("Card exp 03/29, visited on 2026-03-02", "en"),
    ])
    def test_scores_fractions_and_expiries_stay(self, text, lang):
        found = [d for d in _found(text, "DATE_TIME", lang) if "/" in d and len(d) <= 5]
        assert found == [], found

    def test_no_full_date_no_short_date(self):
        text = "每日体温：10/03 36.6℃；10/04 36.8℃"
        assert sibling_short_dates(text, []) == []


class TestLoginsAndScreenNames:
    @pytest.mark.parametrize("text, login, lang", [
        ("2026-01-07 10:22 pkowalski_dm (Data Manager): please verify", "pkowalski_dm", "en"),
        ("e-signature countersigned by lhartley_cra", "lhartley_cra", "en"),
        ("质疑（zm_liuqing 2026-02-11）：体重单位有误", "zm_liuqing", "zh"),
        ('met through an app, known as "reef_runner_77"', "reef_runner_77", "en"),
        ("自述交友软件昵称“晚风_0512”已注销", "晚风_0512", "zh"),
    ])
    def test_a_login_by_its_time_or_its_word(self, text, login, lang):
        assert login in _found(text, "SOCIAL_HANDLE", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text", ["2026-01-07 10:22 clinic_bot: reminder sent", "triggered by batch_job at night",
                                      "set by system_admin"])
    def test_service_accounts_stay(self, text):
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)


class TestSpecialtyClinicNumbers:
    @pytest.mark.parametrize("text, number, lang", [
        ("建档号：FY2026-01183　下次产检：3月2日", "FY2026-01183", "zh"),
        ("新生儿听力筛查编号QT2602-0117，复筛待约", "QT2602-0117", "zh"),
        ("夫妇档案号：ART-2026-0412　周期号：Z2026-0412-03", "Z2026-0412-03", "zh"),
        ("动态心电监测号HX-2603-021", "HX-2603-021", "zh"),
    ])
    def test_a_pregnancy_screening_or_cycle_number(self, text, number, lang):
        assert number in _found(text, "MEDICAL_RECORD_NUMBER", lang), _found(text, lang=lang)

    def test_a_couples_cycle_and_embryo_codes_extend_its_id(self):
        text = "Couple ID KLM-2207 / cycle KLM-2207-C2. Two blastocysts frozen: KLM-2207-C2-E1, KLM-2207-C2-E2."
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert {"KLM-2207", "KLM-2207-C2", "KLM-2207-C2-E1", "KLM-2207-C2-E2"} <= set(found), found

    @pytest.mark.parametrize("text, value, entity", [
        ("pick-up at arrivals (van plate KT 551-208)", "KT 551-208", "LICENSE_PLATE"),
        ("Driver: Ron Ashby, CDL K552-1180-4471", "K552-1180-4471", "ID_NUMBER"),
        ("Optometrist: P. Danvers, GOC 01-44719", "01-44719", "ID_NUMBER"),
        ("WorkCover claim WC-2024-1187-VIC accepted", "WC-2024-1187-VIC", "ID_NUMBER"),
        ("RECEIPT No. 0048812\nPaid by card", "0048812", "ACCOUNT_NUMBER"),
    ])
    def test_plates_licences_claims_and_receipts(self, text, value, entity):
        assert value in _found(text, entity), _found(text)

    @pytest.mark.parametrize("text", ["Plate count 150 x10^9/L", "claim form sent", "receipt number to follow"])
    def test_words_without_their_numbers_stay(self, text):
        assert _found(text) == [], _found(text)


class TestAMentionedMembersOwnTurn:
    def test_the_bare_name_of_an_at_mention_is_the_same_handle(self):
        text = "[Twin mums group]\n@tide_pool_mama your scan looks fine.\ntide_pool_mama: thanks, feeling better."
        found = _found(text, "SOCIAL_HANDLE")
        assert "tide_pool_mama" in found and "@tide_pool_mama" in found, found


class TestDaysOfASession:
    @pytest.mark.parametrize("text, date, lang", [
        ("继续口服阿司匹林。复诊11-24。", "11-24", "zh"),
        ("言语治疗记录　10-17\n患儿构音清晰度提高", "10-17", "zh"),
        ("儿保门诊　周四 9/18　复查", "周四 9/18", "zh"),
        ("DIALYSIS RUN SHEET   Thu 05-Mar-2026   Chair 2", "Thu 05-Mar-2026", "en"),
    ])
    def test_the_day_with_its_cue_title_or_weekday(self, text, date, lang):
        assert date in _found(text, "DATE_TIME", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, lang", [("每次服用1-2片，3-4周后复查", "zh"), ("血压12-8kPa", "zh"),
                                            ("检查记录　共3页", "zh")])
    def test_doses_ranges_and_counts_stay(self, text, lang):
        assert _found(text, "DATE_TIME", lang) == [], _found(text, lang=lang)


class TestAgesAfterNames:
    def test_an_age_over_89_right_after_a_name(self):
        assert "94" in _found("Glaucoma clinic: Margarethe Vollmer, 94. POAG, on latanoprost.", "AGE")

    @pytest.mark.parametrize("text", ["Glaucoma clinic: Margarethe Vollmer, 64. POAG", "Ward 7, 94 beds, fully staffed"])
    def test_a_younger_age_or_a_count_stays(self, text):
        assert _found(text, "AGE") == [], _found(text)


class TestStaffInitialsAndRoles:
    @pytest.mark.parametrize("text, name", [
        ("Please initial each box:\nTG I agree to take part.\nTG I do NOT agree to recontact.", "TG"),
        ("Eligibility 4.2 - met - checked RJ", "RJ"),
        ("Phone screen done.\nInterviewer: DW", "DW"),
        ("Attendees: Ngozi Eze (PI), Min-seo Cho (CRA).", "Min-seo Cho"),
        ("2. PATlENT lNITIALS: T.V.  2a. COUNTRY", "T.V."),
        ("Nadia (SUBJ 0412) phoned about a rash", "Nadia"),
    ])
    def test_initials_and_names_by_their_role(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["Scan checked CT.", "Consent reviewed: ICF.", "Form signed OK.",
                                      "I agree with the plan. OK I will come."])
    def test_tests_forms_and_words_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)

    def test_a_code_in_brackets_after_a_named_subject(self):
        assert "318-027" in _found("Query raised on subject Ilse Marten (318-027) today.", "MEDICAL_RECORD_NUMBER")

    @pytest.mark.parametrize("text", ["SSN on file: xxx-xx-3381.", "last four ***-**-5520 confirmed"])
    def test_a_masked_ssn_shows_its_last_four(self, text):
        assert any(v[-4:].isdigit() for v in _found(text, "US_SSN")), _found(text)

    def test_a_login_before_a_full_stop(self):
        assert "qa_lindberg" in _found("Discrepancy flagged by qa_lindberg.", "SOCIAL_HANDLE")

    def test_a_nickname_in_quotes_stays_a_persons(self):
        found = deidentify_text('Wheeze clinic: Tama Reid, goes by "Koro", spacer reviewed.', "en").spans
        assert all(s.entity_type != "SOCIAL_HANDLE" for s in found)


class TestTracesOfPeopleAndRoads:
    @pytest.mark.parametrize("text, names", [
        ("筛查结果：阳性2人（祁思远、闫若溪），均已转诊", ["祁思远", "闫若溪"]),
        ("密接3人：柏文静、卞晓东、宓佳。", ["柏文静", "卞晓东", "宓佳"]),
    ])
    def test_the_people_a_count_lists(self, text, names):
        found = _found(text, "PERSON", "zh")
        assert all(n in found for n in names), found

    @pytest.mark.parametrize("text", ["共3例（均为女性），无死亡", "2人（男1女1）"])
    def test_a_counts_breakdown_stays(self, text):
        assert _found(text, "PERSON", "zh") == [], _found(text, lang="zh")

    def test_roads_a_trace_went_by(self):
        found = _found("19:10骑电动车经梧桐路、解放西路回家，途中未停留。", "LOCATION", "zh")
        assert "梧桐路" in found and "解放西路" in found, found

    @pytest.mark.parametrize("text", ["经马路回家", "沿公路走了半小时", "经道路运输"])
    def test_everyday_roads_stay(self, text):
        assert _found(text, "LOCATION", "zh") == [], _found(text, lang="zh")

    @pytest.mark.parametrize("text, surname", [("同事王雪、祁店长均为密接", "祁"), ("店主甘老板已纳入管理", "甘")])
    def test_a_surname_before_a_shops_or_a_firms_title(self, text, surname):
        assert surname in _found(text, "PERSON", "zh"), _found(text, lang="zh")


class TestQuotedNicknames:
    @pytest.mark.parametrize("text, name", [('Name: Rhys Tudor (goes by "RT")', "RT"), ('prefers to be called "Bex"', "Bex")])
    def test_a_nickname_in_quotes(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ['a drug called "Keppra"', 'the pt prefers "Ensure" shakes'])
    def test_a_product_in_quotes_stays(self, text):
        assert _found(text, "PERSON") == [], _found(text)

    @pytest.mark.parametrize("text", ["follow_up: review in two weeks\nnext_step: call the nurse",
                                      "[ward chat]\nmo.k: obs fine\nfollow_up: clinic\nmo.k: noted"])
    def test_field_names_written_as_code_are_no_logins(self, text):
        assert not any("_" in v for v in _found(text, "SOCIAL_HANDLE")), _found(text)


class TestAlliedHealthAndCertificates:
    @pytest.mark.parametrize("text, name", [("Audiologist: Aoibheann; review in 6 weeks", "Aoibheann"),
                                            ("Orthoptist: Tavita Leaupepe", "Tavita Leaupepe"),
                                            ('capacity confirmed; initialled consent "P.R.". Next visit', "P.R.")])
    def test_a_clinicians_name_after_the_role_and_quoted_initials(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["Dentist: none registered", "Audiologist: pending referral"])
    def test_a_role_without_a_name_stays(self, text):
        assert _found(text, "PERSON") == [], _found(text)

    def test_a_decision_about_one_person_by_its_number(self):
        found = _found("职业病鉴定书编号：渝职鉴〔2023〕0118号。", "ID_NUMBER", "zh")
        assert "渝职鉴〔2023〕0118号" in found, found

    def test_a_policy_documents_number_stays(self):
        assert _found("依据国卫办医发〔2023〕12号文件执行", "ID_NUMBER", "zh") == []
