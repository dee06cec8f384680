"""Home-care rotas and carers' logs, call-centre and video-visit records, custody, forces and
occupational paperwork: people named by their place in a layout (a shift slot, a log line's author,
a speaker's bracket), staff and service numbers, housing units, prisons and bases, workplaces after
their label. Every positive uses strings found in no data file; the negatives are look-alikes that
must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


def _by_rule(text: str, rule: str, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if s.recognizer.endswith("." + rule)]


class TestChineseRotas:
    ROTA = "【郗奶奶照护排班】\n3/4 周一　白班：“糯米”　夜班：砚秋\n3/5 周二　白班：郗文澜　夜班：护工岑阿姨\n"

    def test_each_shift_slot_names_its_person(self):
        found = _found(self.ROTA, lang="zh")
        for name in ("糯米", "砚秋", "郗文澜"):
            assert name in found, found

    def test_the_month_and_day_before_a_weekday_is_a_date(self):
        found = _found(self.ROTA, "DATE_TIME", "zh")
        assert "3/4" in found and "3/5" in found, found

    def test_a_role_on_the_rota_is_not_a_name(self):
        assert "护工岑阿姨" not in _found(self.ROTA, "PERSON", "zh")

    @pytest.mark.parametrize("text", ["夜班：平稳，无特殊。\n白班：患者安静入睡。", "交班记录\n夜班：安静\n"])
    def test_a_nursing_note_shift_report_is_not_a_rota(self, text):
        assert _found(text, "PERSON", "zh") == []

    @pytest.mark.parametrize("text", ["剂量调整为3/4片，一日两次。", "仅1/3的患者出现皮疹。"])
    def test_a_fraction_without_a_weekday_is_no_date(self, text):
        assert _found(text, "DATE_TIME", "zh") == []


class TestChineseLogLines:
    def test_a_log_line_author_and_staff_number_after_the_date(self):
        text = "护理员日志\n7.14 糜秀禾(QX-20417)：上午翻身两次，皮肤完好。\n"
        found = _found(text, lang="zh")
        assert "糜秀禾" in found and "QX-20417" in found, found

    def test_a_lab_value_in_brackets_is_no_log_author(self):
        text = "7.14 血常规(2024)：白细胞偏高。"
        assert "血常规" not in _found(text, "PERSON", "zh")

    def test_a_speaker_named_in_brackets_after_the_role(self):
        text = "医生：您好，能看到画面吗？\n家属（覃向晚）：能看到，我是他女儿。\n"
        assert "覃向晚" in _found(text, "PERSON", "zh")

    def test_a_system_log_account_and_its_owner(self):
        text = "2024-05-03 09:12:44　qiuyan.lab（邱妍）　10.8.3.21　调阅病历\n"
        found = _found(text, lang="zh")
        assert "qiuyan.lab" in found and "邱妍" in found, found

    def test_an_account_whose_bracket_names_no_one(self):
        text = "患者：wuxiaoqing（本人）\n主诉：咳嗽三天"
        assert "本人" not in _found(text, lang="zh")

    def test_the_authors_of_a_chat_export(self):
        text = "请明早留门。\n山水有相逢 2025-02-03 08:10\n好的，我在家。\nxiaoyu-0921 2025-02-03 08:22\n收到。\n"
        found = _found(text, lang="zh")  # (the second author's span may be merged with its date's)
        assert "山水有相逢" in found and any("xiaoyu-0921" in f for f in found), found

    def test_a_record_title_over_its_date_is_no_author(self):
        text = "门诊病历 2025-02-03 08:10\n主诉：头痛两天。\n"
        assert "门诊病历" not in _found(text, lang="zh")

    def test_a_card_tail_read_out_by_an_insurer(self):
        assert "1379" in _found("续期保费从尾号1379信用卡扣款失败。", lang="zh")

    def test_a_tail_that_is_no_card(self):
        assert _found("血压尾号读数偏高，复测后正常。", lang="zh") == []


class TestChineseCustodyAndForces:
    @pytest.mark.parametrize("text, want", [
        ("部别：68417部队二营卫生队", "68417部队"),
        ("现押于五监区，由管教陪同。", "五监区"),
        ("监室：4区12监室", "4区12监室"),
        ("送押单位：柳州市第三看守所", "柳州市第三看守所"),
        ("该犯现押于平凉监狱。", "平凉监狱"),
    ])
    def test_units_sections_and_named_prisons_are_places(self, text, want):
        assert want in _found(text, "LOCATION", "zh"), _found(text, lang="zh")

    def test_a_prison_with_no_name_is_no_place(self):
        assert _found("病情加重时转至当地看守所医务室。", "LOCATION", "zh") == []

    @pytest.mark.parametrize("text, want", [
        ("押解车辆：桂K·4471警", "桂K·4471警"),
        ("车号WJ川·B2208", "WJ川·B2208"),
    ])
    def test_police_and_armed_police_plates(self, text, want):
        assert want in _found(text, "LICENSE_PLATE", "zh")

    @pytest.mark.parametrize("text, want", [
        ("士兵证号川字第2019377402号", "川字第2019377402号"),
        ("编号：〔2025〕狱医转字第0412号", "〔2025〕狱医转字第0412号"),
        ("决定书号 渝公渝（治）决字〔2025〕第005926号", "渝公渝（治）决字〔2025〕第005926号"),
    ])
    def test_document_numbers_of_the_zi_di_form(self, text, want):
        assert any(want in f for f in _found(text, lang="zh")), _found(text, lang="zh")

    def test_a_workplace_after_its_label(self):
        text = "用人单位：滨州市沾化区马尚镇××耐火材料厂\n工种：装窑工"
        assert "滨州市沾化区马尚镇××耐火材料厂" in _found(text, "LOCATION", "zh")

    @pytest.mark.parametrize("text", ["单位：mmol/L", "转入单位：衡水市人民医院", "用人单位：沧州市某机械有限公司"])
    def test_a_unit_of_measure_a_hospital_or_a_masked_firm_is_no_workplace(self, text):
        assert not any(len(f) > 6 for f in _found(text, "LOCATION", "zh")), _found(text, lang="zh")

    def test_a_quarantine_room(self):
        assert "1413" in _found("隔离观察：房间：1413，每日测温两次。", "LOCATION", "zh")

    def test_staff_cues_of_call_centres_and_forces(self):
        text = "受理坐席：晏若溪（工号55120）\n复查军医：宁致远"
        found = _found(text, "PERSON", "zh")
        assert "晏若溪" in found and "宁致远" in found, found

    def test_a_list_goes_on_past_a_bracket(self):
        text = "照护者：樊绮（儿媳）、樊远舟\n"
        assert "樊远舟" in _found(text, "PERSON", "zh")

    def test_regional_surnames_after_a_form_label(self):
        assert "招慧敏" in _found("紧急联系人：招慧敏（女儿）", "PERSON", "zh")


class TestEnglishRotasAndCallLogs:
    ROTA = "  Mon 3/9 - Peregrine / agency\n  Tue 3/10 - Osric (neighbour) / Wren\n"

    def test_the_people_on_a_rota_line(self):
        found = _found(self.ROTA, "PERSON")
        for name in ("Peregrine", "Osric", "Wren"):
            assert name in found, found

    def test_an_agency_slot_is_no_name(self):
        assert "agency" not in _found(self.ROTA)

    @pytest.mark.parametrize("text, code", [
        ("Carer: Ottoline Vance (Staff no. QR-5512)", "QR-5512"),
        ("[03/11/2025 0940 hrs] Gus emp 64081: refund issued", "64081"),
        ("Transferred to Ambrose Tillery (RX4410).", "RX4410"),
    ])
    def test_staff_and_agent_numbers(self, text, code):
        assert code in _found(text), _found(text)

    @pytest.mark.parametrize("text", ["Started Ibrutinib (PCI-32765) last week.", "Insurance Claim Form (UB-04) attached."])
    def test_a_drug_or_a_form_code_after_its_name_is_no_staff_code(self, text):
        assert _by_rule(text, "code_after_full_name") == []

    def test_initials_after_a_log_stamp_and_at_a_line_end(self):
        text = "[2025-04-02 14:10] Q.V. reviewed claim.\nLeft the spare key in the blue tin. DW\n"
        found = _found(text, "PERSON")
        assert "Q.V." in found and "DW" in found, found

    @pytest.mark.parametrize("text", ["Gave 1 g paracetamol IV. OK\n", "completed by RN Ottilie Brandt on the ward"])
    def test_clinical_capitals_are_no_initials(self, text):
        assert "OK" not in _found(text) and "RN" not in _found(text)

    def test_a_screen_name_a_video_visit_shows(self):
        text = 'Patient joined as "pemberton_77"; carer display_name="ivo.harte3" ip=203.0.113.9'
        found = _found(text, "SOCIAL_HANDLE")
        assert "pemberton_77" in found and "ivo.harte3" in found, found

    def test_the_last_four_of_a_social_security_number(self):
        assert "1291" in _found("Verified DOB, last 4 SSN 1291, address on file.")

    def test_month_day_after_a_due_or_set_for_cue(self):
        found = _found("Follow-up task set for 11/14. Appeal due 12/2.", "DATE_TIME")
        assert "11/14" in found and "12/2" in found, found

    def test_a_dose_fraction_is_no_date(self):
        assert _found("Take 1/2 tab nightly.", "DATE_TIME") == []


class TestEnglishCustodyAndForces:
    @pytest.mark.parametrize("text, want", [
        ("Housing assigned: Pod 2B, Cell 31, upper bunk", "Pod 2B, Cell 31, upper bunk"),
        ("Wing/Cell: C-Wing 2-09", "C-Wing 2-09"),
        ("Barracks: Bldg 4410, Rm 118A", "Bldg 4410, Rm 118A"),
        ("Facility: Blackwater Ridge Correctional Facility, Unit 4", "Blackwater Ridge Correctional Facility"),
        ("Unit: 2d Bn, Camp Pendleton, CA", "Camp Pendleton"),
        ("Last duty station: Minot AFB", "Minot AFB"),
    ])
    def test_housing_prisons_and_bases_are_places(self, text, want):
        assert any(want in f for f in _found(text, "LOCATION")), _found(text)

    @pytest.mark.parametrize("text", ["Cell: 555-0193-2211", "Housing: stable, lives with partner", "The prison nurse saw him."])
    def test_a_phone_a_plain_answer_or_a_prison_in_general_is_no_place(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    @pytest.mark.parametrize("text, want", [
        ("Prisoner no.: B4471KX   Wing", "B4471KX"),
        ("NYSID 07713390L", "07713390L"),
        ("PMKeyS: 8810442", "8810442"),
        ("BATTLE ROSTER #: KT5520   EVAC", "KT5520"),
    ])
    def test_custody_and_service_numbers(self, text, want):
        assert want in _found(text), _found(text)

    def test_a_service_count_is_no_number(self):
        assert _found("Service 12 units transfused.", "ID_NUMBER") == []

    @pytest.mark.parametrize("text", [
        "Service: RAF 1991-1999; then civilian work as a welder.",
        "Prior service: USMC 2011, honourable discharge.",
        "Crisis line service 24/7 for carers.",
    ])
    def test_a_force_and_its_years_or_an_hours_claim_is_no_service_number(self, text):
        assert _found(text, "ID_NUMBER") == [], _found(text)

    def test_a_travel_vaccination_certificate_number(self):
        assert "IE-YF-2231904" in _found("Yellow fever given, ICVP no. IE-YF-2231904; Typhim Vi also given."), _found(
            "Yellow fever given, ICVP no. IE-YF-2231904; Typhim Vi also given.")

    @pytest.mark.parametrize("text, want", [
        ("Admit: 5/9/2024 @ 2315", "5/9/2024 @ 2315"),
        ("Date/Time of injury: 141530ZMAR24", "141530ZMAR24"),
        ("(0010,0030) PatientBirthDate : 19620415", "19620415"),
    ])
    def test_dates_of_custody_forces_and_dicom_records(self, text, want):
        assert any(want in f for f in _found(text, "DATE_TIME")), _found(text)

    @pytest.mark.parametrize("text, want", [
        ("Member: Violet Thornquist   Member ID: 7Q2-BB1", "Violet Thornquist"),
        ("Client: MEADOW, Harriet    DOB", "MEADOW, Harriet"),
        ("Detainee: Ossai, Chinedu", "Ossai"),
    ])
    def test_record_fields_that_name_a_person(self, text, want):
        assert any(want in f for f in _found(text, "PERSON")), _found(text)

    def test_a_member_field_holding_an_insurer_is_no_name(self):
        assert _found("Member: Sunfield Mutual plan", "PERSON") == []


class TestChineseTablesSetWithSpaces:
    SHEET = ("尘肺随访名单\n工号　　姓名　　　肺功能(FEV1%)　结论\n"
             "YL-8825　苟长庚　　78　　　　观察对象\n"
             "YL-8826　祁雁秋　　61　　　　复查（伴咳嗽，SpO2 95%）\n"
             "备注：均已电话通知。")

    def test_the_name_and_number_columns_under_a_header_of_labels(self):
        found = _found(self.SHEET, lang="zh")
        for value in ("苟长庚", "祁雁秋", "YL-8825"):
            assert value in found, found

    def test_a_row_may_leave_its_last_cells_empty(self):
        text = "序号 姓名　　　护照号　　　结论　　　　　备注\n01　 柏如松　　KM5530217　合格\n02　 晁星河　　KM5530218　暂缓　　　胸片复查\n"
        found = _found(text, "PERSON", "zh")
        assert "柏如松" in found and "晁星河" in found, found

    @pytest.mark.parametrize("text", [
        "姓名　张某　性别　男\n年龄　四十　科室　内科\n诊断　高血压",  # a form's lines, not a header of labels
        "项目　　结果　　单位\n血红蛋白　　106　　g/L\n白细胞　　12.1　　10^9/L",  # a lab table names no one
    ])
    def test_a_form_or_a_lab_table_is_no_name_column(self, text):
        assert not any(s.recognizer.endswith("gap_column") for s in deidentify_text(text, "zh").spans)
