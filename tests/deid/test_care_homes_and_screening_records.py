"""Care homes, communities and residents' rooms, the staff who sign screening rosters, lab dockets
and shift notes, and the traces a photo or a device leaves in a record (a camera's timestamp, GPS
coordinates, serials). Every positive uses strings found in no data file; the negatives are
look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.recognizers.en_signer_column import signer_column_spans as en_signer_column_spans
from mediscope.deid.recognizers.row_tags import row_tag_spans
from mediscope.deid.recognizers.zh_tables import signer_column_spans


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestChineseCareHomes:
    @pytest.mark.parametrize("text, want", [
        ("【松鹤园护理院·三病区】夜班交接", "松鹤园护理院"),
        ("入住机构：余杭区良渚街道康馨养老公寓", "余杭区良渚街道康馨养老公寓"),
        ("老人原住在福安颐养中心，今日转入。", "福安颐养中心"),
        ("（临安市於潜镇敬老院）", "临安市於潜镇敬老院"),
    ])
    def test_a_named_care_home_is_the_residents_place(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "家属打算把老人送到了一家私立养老院。",
        "建议考虑公办养老院或社区养老服务。",
        "本养老院实行二十四小时值班。",
        "目前乡镇敬老院床位紧张。",
    ])
    def test_a_kind_of_care_home_is_no_place(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    @pytest.mark.parametrize("text, want", [
        ("所属社区：桂香里社区　　建档编号", "桂香里社区"),
        ("下午去梧桐湾社区随访两户。", "梧桐湾社区"),
    ])
    def test_a_named_community(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "考虑社区获得性肺炎，予头孢曲松抗感染。",
        "建议社区家庭医生定期随访。",
        "出院后转社区康复。",
        "所在社区已安排网格员上门。",
        "患者参加社区义诊时发现血压高。",
    ])
    def test_the_community_as_a_service_is_no_place(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    @pytest.mark.parametrize("text, want", [
        ("3）416房  沈桂兰  女  90岁", "416房"),
        ("我是218房老人的儿子。", "218房"),
        ("· 12号房老人夜间起床两次。", "12号房"),
        ("房号：西楼308   评估工具：Braden", "西楼308"),
    ])
    def test_a_residents_room(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "心电图示2020房颤，心室率快。",
        "两房一厅，房间朝南。",
        "本月房费1800元已交。",
    ])
    def test_a_rooms_look_alikes_stay(self, text):
        assert _found(text, "LOCATION") == [], _found(text)


class TestChineseSigners:
    @pytest.mark.parametrize("text, want", [
        ("技工：雷振邦　　质检：饶　　快递单号", ["雷振邦", "饶"]),
        ("验光师：甄  取镜日期：2025-01-03", ["甄"]),
        ("验光师：甄　取镜日期：2025-01-03", ["甄"]),  # (one full-width space: the next label is no given name)
        ("导出人：蔺  2025-02-11 09:30", ["蔺"]),
        ("交班：黎晓红   接班：詹", ["黎晓红", "詹"]),
        ("采血人：祝芳\n家庭住址：", ["祝芳"]),
    ])
    def test_a_signer_after_the_docket_or_the_handover_label(self, text, want):
        found = _found(text, "PERSON")
        assert all(w in found for w in want), found
        assert not any(f.startswith(w) and f != w for f in found for w in want), found  # no span runs on past the name

    @pytest.mark.parametrize("text", [
        "交班时患者安静入睡，接班护士已知晓。",
        "技工费另计，质检合格后发货。",
    ])
    def test_the_shift_words_in_prose_name_nobody(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestPhotoMetadata:
    @pytest.mark.parametrize("text, want, lang", [
        ("  DateTimeOriginal: 2025:03:07 08:12:55\n  Make: Apple", "2025:03:07 08:12:55", "en"),
        ("├ 拍摄时间：2025:02:19 21:03:40\n├ 设备：华为", "2025:02:19 21:03:40", "zh"),
    ])
    def test_a_cameras_timestamp_is_a_date(self, text, want, lang):
        assert want in _found(text, "DATE_TIME", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, want, lang", [
        ("  GPS: 35.2271 N, 80.8431 W\n  Caption: rash", "35.2271 N, 80.8431 W", "en"),
        ("Found at 39°44′21″N 104°59′05″W by the ranger.", "39°44′21″N 104°59′05″W", "en"),
        ("GPS: 47.6062, -122.3321 (home)", "47.6062, -122.3321", "en"),
        ("├ GPS：N 22°32′41.2″ E 114°03′17.9″", "N 22°32′41.2″ E 114°03′17.9″", "zh"),
        ("（系统定位：28.2282N,112.9388E，误差约80米）", "28.2282N,112.9388E", "zh"),
    ])
    def test_gps_coordinates_locate_the_patient(self, text, want, lang):
        assert want in _found(text, "LOCATION", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, lang", [
        ("Ratios 1.2345, 2.3456 on the assay; time 12:30:15.", "en"),
        ("Version 2024:1 build; lead II axis 45°.", "en"),
        ("血糖 5.2345, 6.1234 mmol/L，两次复测。", "zh"),
    ])
    def test_numbers_that_only_look_like_a_position_or_a_timestamp(self, text, lang):
        found = [s.entity_type for s in deidentify_text(text, lang).spans]
        assert "LOCATION" not in found and "DATE_TIME" not in found, _found(text, lang=lang)

    def test_a_metadata_key_is_no_forum_screen_name(self):
        text = "IMG_2207.HEIC\n  DateTimeOriginal: 2025:03:07 08:12:55\n  LensModel: iPhone back camera\n  ExposureTime: 1/120\n"
        assert _found(text, "SOCIAL_HANDLE", "en") == [], _found(text, lang="en")


class TestSerialsParcelsAndChatTimes:
    @pytest.mark.parametrize("text, want, entity, lang", [
        ("IOL SN60WF +20.5 D   Serial 30571248.017   Exp 2028-01", "30571248.017", "DEVICE_ID", "en"),
        ("植入体 序列号：033.4120-SN81K20557", "033.4120-SN81K20557", "DEVICE_ID", "zh"),
        ("UDI: (01)00643169112358(17)280331(21)SN5520813", "(01)00643169112358(17)280331(21)SN5520813", "DEVICE_ID", "en"),
        ("Crown shipped UPS 1Z4F82A10398117765 on Friday.", "1Z4F82A10398117765", "ID_NUMBER", "en"),
        ("Mar 3, 2025 · 9:14 PM  Priya: the patch is itchy", "Mar 3, 2025 · 9:14 PM", "DATE_TIME", "en"),
        ("Sent Mar 3, 2025, 9:20 am from the app", "Mar 3, 2025, 9:20 am", "DATE_TIME", "en"),
    ])
    def test_found_whole(self, text, want, entity, lang):
        assert want in _found(text, entity, lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text", [
        "Serial 12.50 troponin, repeat in 3 h.",
        "Model 1Z-200 pump, settings unchanged.",
    ])
    def test_look_alikes_stay(self, text):
        found = [s.entity_type for s in deidentify_text(text, "en").spans]
        assert "DEVICE_ID" not in found and "ID_NUMBER" not in found, _found(text, lang="en")


class TestRowTags:
    def test_triage_tags_opening_each_row(self):
        text = ("MCI – coach rollover – triage sheet 2\nTag       Cat   Name                 Dest.\n"
                "KT-0417   P1    Nadia Farouk         Royal Infirmary\nKT-0418   P2    M, unknown, ~40      Royal Infirmary\n"
                "KT-0419   P3    Owen Pryce           walked\n")
        found = _found(text, "ID_NUMBER", "en")
        assert {"KT-0417", "KT-0418", "KT-0419"} <= set(found), found

    def test_a_pad_of_numbered_tags(self):
        text = "Tag no.    Colour   Age/Sex\n3308815    RED      24 M\n3308816    YELLOW   61 F\n3308819    GREEN    9 F\n"
        found = _found(text, "ID_NUMBER", "en")
        assert {"3308815", "3308816", "3308819"} <= set(found), found

    def test_chinese_casualty_list(self):
        text = "标签号    姓名      性别  伤情\nGZ-Y-014    黎伟强    男    左胫骨骨折\nGZ-Y-015    不详      女    头皮裂伤\n"
        found = _found(text, "ID_NUMBER", "zh")
        assert {"GZ-Y-014", "GZ-Y-015"} <= set(found), found

    @pytest.mark.parametrize("text", [
        # a single row's code, short bed codes, codes of a coding system, numbers far apart
        "Item       Qty\nRX-20417   2 boxes\nplus gauze\n",
        "Bed      Status\nB-101    clean\nB-102    occupied\n",
        "Code       Description\nICD-1041   placeholder\nICD-1042   placeholder\n",
        "Count      Group\n1200000    A\n5300000    B\n9800000    C\n",
    ])
    def test_codes_that_are_no_ones_tag(self, text):
        assert row_tag_spans(text) == []


class TestSignerColumn:
    def test_the_signer_ending_each_row_of_a_gap_table(self):
        text = ("光疗记录\n次数  日期         剂量(mJ/cm²)  反应        操作者\n 1   03-02      300          无红斑      冼\n"
                " 2   03-05      350          轻度红斑    冼\n 3   03-09      400          无          荀雅琴\n\n备注：按时复诊。")
        found = _found(text, "PERSON")
        assert found.count("冼") == 2 and "荀雅琴" in found, found

    def test_the_signer_column_of_a_pipe_table_with_two_signers(self):
        text = ("| 日期 | 药品 | 剂量 | 早 | 晚 | 发药人 |\n| 02-11 | 二甲双胍 | 0.5g | ✓ | ✓ | 幸/竺 |\n"
                "| 02-12 | 二甲双胍 | 0.5g | ✓ |  | 竺 |\n")
        found = _found(text, "PERSON")
        assert "幸" in found and found.count("竺") >= 2, found

    @pytest.mark.parametrize("text", [
        # a repeat mark, a role and a sentence in the signer's column; a table whose last header is no signer
        "日期   项目   结果   执行\n03-01  换药   好转   同上\n03-02  换药   好转   家长\n03-03  换药   好转   学生自行涂药后校医查看\n",
        "日期   项目   结果   备注\n03-01  换药   好转   王\n03-02  换药   好转   李\n",
    ])
    def test_what_is_no_signer_stays(self, text):
        assert signer_column_spans(text) == []


class TestEnglishSignerColumn:
    def test_initials_and_a_given_name_under_the_signers_header(self):
        text = ("Date       Weight   Centile   Comment                        Init.\n"
                "02.03.25   3.90kg   50th      feeding well                   PH\n"
                "16.03.25   4.30kg   50th      mild colic                     PH/LT\n"
                "30.03.25   4.75kg   50th      thriving                       Maeve\n")
        found = _found(text, "PERSON", "en")
        assert found.count("PH") == 2 and "LT" in found and "Maeve" in found, found

    @pytest.mark.parametrize("text", [
        # the last header is no signer's label; the column holds route codes and a word
        "Date       Drug          Dose     Route\n02.03.25   ceftriaxone   1 g      IV\n03.03.25   ceftriaxone   1 g      IV\n",
        "Date       Drug          Dose     Init.\n02.03.25   ceftriaxone   1 g      IV\n03.03.25   ceftriaxone   1 g      held\n",
    ])
    def test_what_is_no_signer_stays(self, text):
        assert en_signer_column_spans(text) == []

    def test_a_note_signed_after_a_spaced_dash(self):
        text = "03/04/25 D: Walked to the lounge. Ate well.  – QF\n03/04/25 N: Slept through.  – HW\n"
        found = _found(text, "PERSON", "en")
        assert "QF" in found and "HW" in found, found


class TestChineseLunarAndVisitDates:
    @pytest.mark.parametrize("text, want", [
        ("出生：1941年农历腊月廿三\n籍贯：福建", "1941年农历腊月廿三"),
        ("时值癸卯年九月初九（重阳）来诊。", "癸卯年九月初九"),
        ("一诊 5.06：咳嗽两周\n二诊 5.13：咳减", "5.06"),
        ("初诊：8/19 舌红苔黄", "8/19"),
    ])
    def test_found(self, text, want):
        assert want in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "癸卯年生人，属兔。",
        "初诊 0.5g 每日三次",
    ])
    def test_a_cycle_year_alone_or_a_dose_stays(self, text):
        assert _found(text, "DATE_TIME") == [], _found(text)


class TestChineseRowsAndBrackets:
    @pytest.mark.parametrize("text, want", [
        ("[21:14] 侯振宇-口腔正畸：\n复诊时带保持器", ["侯振宇"]),
        ("5/7 09:02 喻欣然(县医院眼科)：建议尽快激光", ["喻欣然"]),
        ("HZ-0311   尉迟蕙      女    94       黄\n", ["尉迟蕙", "94"]),
        ("3　　龚桂英　　91　　女　　左眼\n", ["龚桂英", "91"]),
        ("2024-05-02 家长(父卜)来电询问复查时间", ["卜"]),
        ("· 邵奶奶（邵秀琴，93）——晚饭吃了半碗", ["邵秀琴"]),
    ])
    def test_found(self, text, want):
        found = _found(text)
        assert all(w in found for w in want), found

    @pytest.mark.parametrize("text", [
        "[21:14] 系统-提醒：请按时复诊",
        "体重    男    92    kg 超重\n",
        "（青霉素，10天）停药后好转",
    ])
    def test_look_alikes_stay(self, text):
        found = [s.entity_type for s in deidentify_text(text, "zh").spans]
        assert "PERSON" not in found and "AGE" not in found, _found(text)


class TestEnglishChartNamesAndAges:
    @pytest.mark.parametrize("text, want", [
        ("Pt Rosalind 'Roz' Keating   DOB 03/12/2009", "Rosalind 'Roz' Keating"),
        ("Client: Winifred ('Winnie') Ashcombe-Lyle   Age 95", "Winifred ('Winnie') Ashcombe-Lyle"),
    ])
    def test_a_name_with_its_nickname_in_single_quotes_or_brackets(self, text, want):
        assert want in _found(text, "PERSON", "en"), _found(text, lang="en")

    def test_a_sentences_quoted_word_is_no_nickname(self):
        assert _found("We met at The 'Blue' Lagoon Cafe near the clinic.", "PERSON", "en") == []

    @pytest.mark.parametrize("text, want", [
        ("Mrs Edith Carrow – 97, chest infection, on amoxicillin.", "97"),
        ("- Rm 12 Mr. Abernethy-Lowe: 101 today, cake at 3pm.", "101"),
        ("Pt: Okafor, Benedict  M  93\nNarrative:", "93"),
    ])
    def test_an_age_over_89_after_a_name(self, text, want):
        assert want in _found(text, "AGE", "en"), _found(text, lang="en")

    def test_a_count_after_a_name_is_no_age(self):
        assert _found("Dr Miriam Oakes: 95 patients seen this week.", "AGE", "en") == []

    def test_who_came_at_a_time_in_a_nurses_log(self):
        text = "Health office log\n1305  Harriet Ngata (gr 4) – grazed knee\n0800  Ward Round     all beds\n"
        found = _found(text, "PERSON", "en")
        assert "Harriet Ngata" in found and "Ward Round" not in found, found


class TestEnglishRegisterNumbers:
    @pytest.mark.parametrize("text, want", [
        ("Care plan ID: QB 55120938   Carer: daughter", "QB 55120938"),
        ("Orthodontist (GDC 204417)", "204417"),
        ("Metro EMS      PCR #: MET25-118204      Date: 04/02/2025", "MET25-118204"),
        ("Practitioner: Aroha Tane (ACC provider K2291)", "K2291"),
    ])
    def test_found(self, text, want):
        assert want in _found(text, "ID_NUMBER", "en") + _found(text, "INSURANCE_ID", "en"), _found(text, lang="en")

    @pytest.mark.parametrize("text", [
        "PCR positive for influenza A; repeat PCR in 48 h.",
        "Assay ID: CT 2024 11 pending",
    ])
    def test_look_alikes_stay(self, text):
        found = [s.entity_type for s in deidentify_text(text, "en").spans]
        assert "ID_NUMBER" not in found, _found(text, lang="en")


class TestChineseSchoolsAndAddressTails:
    @pytest.mark.parametrize("text, want", [
        ("您的孩子（东湖明德实验小学四年级3班）视力下降", "东湖明德实验小学"),
        ("學校：沙田區聖保祿小學　　學生編號", "沙田區聖保祿小學"),
        ("女儿在育英中学初二(5)班", "育英中学"),
        ("住址：嘉兴市南湖区中山东路520号锦绣名都7幢1203", "嘉兴市南湖区中山东路520号锦绣名都7幢1203"),
        ("家庭住址：兰州市城关区雁滩街道农科院家属院3-1-502\n电话", "兰州市城关区雁滩街道农科院家属院3-1-502"),
    ])
    def test_found_whole(self, text, want):
        assert want in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text", [
        "孩子在本校小学三年级就读，该小学五年级有300人。",
        "兹有一所普通中学三年级学生来诊。",
        "就读学校：一所普通中学",
    ])
    def test_no_school_named(self, text):
        assert _found(text, "LOCATION") == [], _found(text)


class TestLoginsAndScreenNames:
    @pytest.mark.parametrize("text, want, lang", [
        ("2025-03-02T10:11:12Z grader=tbrennan grade=R2M0", "tbrennan", "en"),
        ("2025-03-02 10:11:12 INFO  上传完成  操作员=smile_lab_wu", "smile_lab_wu", "zh"),
        ("患者昵称：柠檬不酸的猫　　实名：", "柠檬不酸的猫", "zh"),
    ])
    def test_found(self, text, want, lang):
        assert want in _found(text, "SOCIAL_HANDLE", lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, lang", [
        ("if x=y then user=admin and operator=system", "en"),
        ("昵称：无", "zh"),
    ])
    def test_look_alikes_stay(self, text, lang):
        assert _found(text, "SOCIAL_HANDLE", lang) == [], _found(text, lang=lang)


class TestReviewLookAlikes:
    """Look-alikes a review of the round's rules turned up: each stays text (or keeps its date)."""

    @pytest.mark.parametrize("text", [
        "转至康复护理院继续治疗。", "目前在专业护理院。", "于社会福利院长大。", "患者常在网上社区分享病情。",
        "心室率150房扑，予胺碘酮。", "（3120房早/24h）", "。患儿为小学三年级学生。",
    ])
    def test_chinese_places_that_are_none(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    def test_status_words_in_a_signer_column(self):
        text = "日期  项目  结果  执行\n03-01  换药  好转  已执行\n03-02  换药  好转  完成\n03-03  换药  好转  值班医生\n"
        assert signer_column_spans(text) == []

    def test_a_route_code_in_an_empty_signer_cell(self):
        text = "Date    Drug          Dose   Init.\n01/03   Paracetamol   1g     PRN\n02/03   Paracetamol   1g     NBM\n"
        assert en_signer_column_spans(text) == []

    @pytest.mark.parametrize("text", ["DOD: 12/03/2024", "Booking 14/06/2024 for review", "home care service 3x/week",
                                      "Service: 24hrs cover"])
    def test_dates_and_frequencies_after_custody_or_service_words(self, text):
        assert _found(text, "ID_NUMBER", "en") == [], _found(text, lang="en")

    def test_a_day_after_a_labels_colon_is_still_a_date(self):
        assert "14 Feb" in _found("Admitted:14 Feb for review", "DATE_TIME", "en")

    def test_a_logs_dates_opening_rows_are_no_tags(self):
        assert row_tag_spans("20240301    fever\n20240302    better\n20240303    home\n") == []
