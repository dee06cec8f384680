"""Mental-health and social-work files, pharmacy, vaccination, school and occupational-health
paperwork: staff who sign with a surname alone, schools and workplaces named with their place,
rooms of a block, prescription and register numbers, employers before their address. Every
positive uses strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestCityNamedWithItsShi:
    @pytest.mark.parametrize("text", ["她老家在芒市，去年搬来。", "芒市人，务农"])
    def test_a_city_whose_name_ends_in_shi_is_found_and_breaks_nothing(self, text):
        assert "芒市" in _found(text, "LOCATION", "zh")


class TestDashedCaseCodes:
    @pytest.mark.parametrize("text, code, lang", [
        ("接报编号：HZ-XC-2025-0917-03\n儿童信息", "HZ-XC-2025-0917-03", "zh"),
        ("个案号 NB-FBP-2025-042，社工：", "NB-FBP-2025-042", "zh"),
        ("| 2025-06-11 | 王某 | 330521-SF-044 | 75mg |", "330521-SF-044", "zh"),
        ("Intake no: KTR-25-0311-8820   Received", "KTR-25-0311-8820", "en"),
        ("Logged to safeguarding as MASH-WLV-2025-00417.", "MASH-WLV-2025-00417", "en"),
    ])
    def test_a_case_code_is_found_without_its_label(self, text, code, lang):
        assert code in _found(text, lang=lang), _found(text, lang=lang)

    @pytest.mark.parametrize("text, lang", [
        ("Protocol BXR-4410-301 (phase 3) screening visit", "en"),
        ("flu vaccine, batch FLQ-2025-288, left deltoid", "en"),
        ("coded as ICD-10-CM-2025 and SARS-CoV-2 PCR negative", "en"),
        ("按JKL-2207-II-105方案规定，第3周期", "zh"),
        ("|美托洛尔|25 mg|bid|UK-UK-2018|持续|", "zh"),
    ])
    def test_protocols_batches_and_coding_systems_stay(self, text, lang):
        assert _found(text, "ID_NUMBER", lang) == [], _found(text, lang=lang)


class TestStaffByTheirSurname:
    @pytest.mark.parametrize("text, name", [
        ("复核人：校医 滕\n----------", "滕"),
        ("夜班  厂医：郜  护士：宁晓雯", "郜"),
        ("审方：药剂科  核对发药：蒯\n取药人", "蒯"),
        ("处理：联系包保民警：眭\n日期", "眭"),
        ("心理评估师：戈（国家二级心理咨询师）", "戈"),
        ("班主任覃｜136 2210 0457", "覃"),
        ("报告人：站长 犹  0851-6627013", "犹"),
        ("审判员：撒（撒文强）\n书记员", "撒"),
    ])
    def test_a_role_then_a_surname_alone(self, text, name):
        assert name in _found(text, "PERSON", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text, name", [
        ("辅导员：于老师\n辅导时间：周三", "于"),
        ("在汽修厂打工，老板邝哥，月薪三千", "邝"),
        ("夜里被村民樊伯发现送回", "樊"),
        ("婆婆晏氏常骂她", "晏"),
        ("欠款方为档口老板祁某，已约谈", "祁"),
    ])
    def test_a_cue_then_a_surname_and_its_form_of_address(self, text, name):
        assert any(name in f for f in _found(text, "PERSON", "zh")), _found(text, lang="zh")

    @pytest.mark.parametrize("text", [
        "患者盘腿坐在床上，线上问诊后妥善保管药物",
        "家属于某日自行停药",
        "班主任反映孩子上课走神，校医建议休息",
        "科主任查房后同意出院",
        "老板说了算，老板娘记账",
    ])
    def test_words_after_the_same_roles_stay(self, text):
        assert _found(text, "PERSON", "zh") == [], _found(text, lang="zh")


class TestQuotedNames:
    @pytest.mark.parametrize("text, name, lang", [
        ('家属补充：患者小时候外号"柱子"，不爱说话', "柱子", "zh"),
        ("母亲说她乳名“妞妞”，现读初二", "妞妞", "zh"),
        ('来电者自称"阿青"，约30岁', "阿青", "zh"),
        ('班里一个叫"二胖"的同学常欺负他', "二胖", "zh"),
        ('her uncle Desmond ("Dez") drove her home', "Dez", "en"),
        ('a friend "Sparrow" sold her the pills', "Sparrow", "en"),
        ('first gave her name as "Rosie" then as Rosalind', "Rosie", "en"),
    ])
    def test_a_nickname_in_quotes_after_its_cue(self, text, name, lang):
        assert name in _found(text, "PERSON", lang), _found(text, lang=lang)

    def test_a_full_name_with_the_nickname_inside(self):
        assert 'Declan "Deco" Furlong' in _found('Partner: Declan "Deco" Furlong, 34', "PERSON")

    def test_a_kin_word_inside_the_quotes_stays_out(self):
        found = _found('a neighbour "Auntie Bev" checks on her', "PERSON")
        assert "Bev" in found and "Auntie Bev" not in found, found

    @pytest.mark.parametrize("text, handle", [
        ('孩子的游戏ID "河西小旋风Z"，每晚在线', "河西小旋风Z"),
        ("女友的抖音号“xiaoyu_0825”已拉黑", "xiaoyu_0825"),
    ])
    def test_a_handle_in_quotes_after_its_platform(self, text, handle):
        assert handle in _found(text, "SOCIAL_HANDLE", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text, lang", [
        ('他自称"有人在跟踪我"，拒绝进食', "zh"),
        ("病区微信群「神内一病区护理」通知交班", "zh"),
        ('Patient said "No" twice. Dx "Anxiety" noted.', "en"),
    ])
    def test_speech_and_ward_groups_stay(self, text, lang):
        assert _found(text, "PERSON", lang) + _found(text, "SOCIAL_HANDLE", lang) == [], _found(text, lang=lang)


class TestSchoolsCommunitiesAndRooms:
    @pytest.mark.parametrize("text, place", [
        ("学校：鸡西市鸡冠区向阳小学   年级：三年级", "鸡西市鸡冠区向阳小学"),
        ("曲靖市麒麟区三宝镇星星幼儿园  晨检记录", "曲靖市麒麟区三宝镇星星幼儿园"),
        ("就读于醴陵市第四中学，住校", "醴陵市第四中学"),
        ("户籍：蚌埠市龙子湖区解放街道锦绣社区\n现住", "蚌埠市龙子湖区解放街道锦绣社区"),
    ])
    def test_a_school_or_a_community_after_its_place(self, text, place):
        assert place in _found(text, "LOCATION", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text, place", [
        ("转诊至临沂市第一中心医院", "临沂市第一中心"),
        ("参加绍兴市中学生运动会", "绍兴市中学"),
        ("金水区花园路街道社区卫生服务中心接种", "社区卫生"),
    ])
    def test_hospitals_pupils_and_community_clinics_are_not_extended(self, text, place):
        assert not any(place in f for f in _found(text, "LOCATION", "zh")), _found(text, lang="zh")

    @pytest.mark.parametrize("text, room", [
        ("现住：翠微小区12-2-302\n邮编", "翠微小区12-2-302"),
        ("房间：C栋115/C栋117", "C栋115"),
        ("3. 3楼305房 李奶奶：夜间躁动", "3楼305房"),
        ("（工号 HW-2231，宿舍D栋412）发热", "宿舍D栋412"),
        ("学号 2022104417，荷园6舍2单元306，醉酒", "荷园6舍2单元306"),
    ])
    def test_a_room_under_a_named_block(self, text, room):
        assert room in _found(text, "LOCATION", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text", ["患者于3楼手术室行手术", "每日上下3楼锻炼1000步", "住院楼5楼502为示教室"])
    def test_floors_and_ward_buildings_stay(self, text):
        assert _found(text, "LOCATION", "zh") == [], _found(text, lang="zh")


class TestRegistersAndEmployers:
    @pytest.mark.parametrize("text, number", [
        ("Employee # KWT-0419   Job title: welder", "KWT-0419"),
        ("Clock no: BX-2207   DOB 03-Mar-1980", "BX-2207"),
        ("remanded, prison no. B4471KQ, at HMP Bristol", "B4471KQ"),
        ("TDCJ# 01944218. Visits Sunday", "01944218"),
        ("Dr H. Okoro (CPSO #80417)", "80417"),
        ("Signed: L. Tait, LICSW #204118", "204118"),
        ("active scripts: Rx 5521907  lisinopril 10mg", "5521907"),
    ])
    def test_a_workplace_prison_or_college_number(self, text, number):
        assert number in _found(text, "ID_NUMBER"), _found(text)

    @pytest.mark.parametrize("text", [
        "Claim filed 2024-05-01 by mother", "Regular insulin 10 units; licensed 2019",
        "Pharmacist prescribing under Ontario Reg. 256/24", "Rx 100 mg daily for 5 days", "the 2019 file shows",
    ])
    def test_years_doses_and_regulations_stay(self, text):
        assert _found(text, "ID_NUMBER") == [], _found(text)

    @pytest.mark.parametrize("text, place", [
        ("Employer: Harlow Steel Fabricators Ltd, 14 Mill Lane, Dudley\nExam date", "Harlow Steel Fabricators Ltd, 14 Mill Lane, Dudley"),
        ("Employer: Ridgeback Haulage, Mildura VIC\nExam date", "Ridgeback Haulage, Mildura VIC"),
        ("School: Kingsmead Grammar, Bellingen (Yr 10)", "Kingsmead Grammar, Bellingen"),
        ("Residence: Alder Court, room 2208, Guelph   Cell 519", "Alder Court, room 2208, Guelph"),
    ])
    def test_an_organisation_with_its_place_after_its_label(self, text, place):
        assert place in _found(text), _found(text)  # (one span; a firm's name may lend it the person's label)

    @pytest.mark.parametrize("text", [
        "Referred by: Department of Psychiatry, University Hospital Kerry", "Employer: self-employed", "School: year 9, repeating",
    ])
    def test_care_settings_and_plain_values_are_no_organisation_place(self, text):
        assert not any("," in f for f in _found(text, "LOCATION")), _found(text)


class TestTableHeaders:
    def test_a_name_column_labelled_twice(self):
        text = "序号｜姓名/昵称｜门诊号｜本次状态\n1｜邝美云｜W0091144｜到\n2｜高山｜W0092210｜请假"
        found = _found(text, lang="zh")
        assert "邝美云" in found and "高山" in found, found


class TestRostersAndChats:
    @pytest.mark.parametrize("text, names", [
        ("五(3) | 钱（钱思源） | 哮喘，随身带药", ["钱", "钱思源"]),
        ("外包工 晏（派遣，晏小川）  男  31岁", ["晏", "晏小川"]),
        ("检查医生：区医生（区慧琳）\n家长签名", ["区", "区慧琳"]),
    ])
    def test_a_surname_then_the_full_name_in_brackets(self, text, names):
        found = _found(text, "PERSON", "zh")
        assert all(n in found for n in names), found

    @pytest.mark.parametrize("text, names", [
        ("续发：三(1)班 蓝小海（10/08）、施文（10/09）、庞雪琪（10/11）；", ["蓝小海", "施文", "庞雪琪"]),
        ("  二(4) 禄阿妹 —— 发热", ["禄阿妹"]),
        ("09:40  四年级(1)班 滕同学 跑步时扭伤", ["滕"]),
    ])
    def test_pupils_after_their_class(self, text, names):
        found = _found(text, "PERSON", "zh")
        assert all(any(f.startswith(n) for f in found) for n in names), found  # (滕同学 may keep its 同学)

    @pytest.mark.parametrize("text", ["三(2)班 同学们 发热 5 人", "第三(2)条 规定如下", "高一(3)班 全体同学 停课"])
    def test_classes_without_a_pupil_stay(self, text):
        assert _found(text, "PERSON", "zh") == [], _found(text, lang="zh")

    def test_a_peer_support_chat_names_its_members(self):
        text = ("21:02 一棵小松树：今晚又失眠了 脑子停不下来\n21:04 晓晓-同伴支持员：@一棵小松树 抱抱，要不要说说\n"
                "21:09 夜猫子阿成：我上周也这样，后来跟医生说了")
        found = _found(text, "SOCIAL_HANDLE", "zh")
        assert "一棵小松树" in found and "夜猫子阿成" in found, found

    def test_a_vitals_log_is_no_chat(self):
        assert _found("08:00 体温：36.5\n08:30 血压：130/80 患者自诉头晕好转", "SOCIAL_HANDLE", "zh") == []

    def test_an_android_chat_export_names_its_authors(self):
        text = ("03/02/2025, 20:11 - Robbo: Hard week lads, back on the drink\n"
                "03/02/2025, 20:15 - Tam (facilitator): Robbo, well done for saying it")
        found = _found(text, "PERSON")
        assert "Robbo" in found and "Tam" in found and "Tam (facilitator)" not in found, found

    def test_the_export_notice_is_no_author(self):
        assert _found("12/03/2024, 10:00 - Messages and calls are end-to-end encrypted.", "PERSON") == []

    def test_a_roster_member_by_given_name_and_initial(self):
        text = "# | Name | Card | Attended\n1 | Kirra P. | QWE1188 | Y\n2 | Grade B. | x | y"
        found = _found(text, "PERSON")
        assert any(f.startswith("Kirra P") for f in found) and not any(f.startswith("Grade") for f in found), found


class TestShortDatesAfterTheirEvent:
    @pytest.mark.parametrize("text, date", [
        ("The school scheduled it for 3/18. Mum agreed", "3/18"),
        ("family meeting 2/27.", "2/27"),
        ("Sublocade (last inj 6/02); sleeping better", "6/02"),
        ("discharge planned 21/07.", "21/07"),
    ])
    def test_a_month_day_after_a_meeting_a_plan_or_an_injection(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", ["meeting 3/4 of the staff agreed", "scheduled for 2/3 doses", "power 4/5 both legs"])
    def test_fractions_and_grades_stay(self, text):
        assert _found(text, "DATE_TIME") == [], _found(text)


class TestTownsAndVenues:
    @pytest.mark.parametrize("text, place", [
        ("二哥说自己在兴化区钓鱼镇种地走不开", "兴化区钓鱼镇"),
        ("出院后暂住娘家（江都区仙女镇），由母亲照料", "江都区仙女镇"),
        ("现与外婆住黄家坝镇石门组。", "黄家坝镇石门组"),
        ("称老人回了都匀县沙寨乡老家", "都匀县沙寨乡"),
    ])
    def test_a_district_and_its_town_with_no_city(self, text, place):
        assert place in _found(text, "LOCATION", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text", ["病区护理站镇静药管理", "全县乡镇卫生院均已覆盖", "本区街道办事处通知"])
    def test_areas_and_generic_units_stay(self, text):
        assert _found(text, "LOCATION", "zh") == [], _found(text, lang="zh")

    @pytest.mark.parametrize("text, place", [
        ("你要不要来我们楼下梧桐公园走走", "梧桐公园"),
        ("她说女儿在西山公园等她", "西山公园"),
        ("清明陪同去南山公墓祭扫", "南山公墓"),
        ("本人称在瑞丽口岸朋友家里住了两晚", "瑞丽口岸"),
    ])
    def test_a_named_venue_where_someone_was(self, text, place):
        assert place in _found(text, "LOCATION", "zh"), _found(text, lang="zh")

    @pytest.mark.parametrize("text", ["每天在公园走走", "在人民公园走走", "去码头边看看"])
    def test_generic_venues_stay(self, text):
        assert _found(text, "LOCATION", "zh") == [], _found(text, lang="zh")


class TestRelativesTowns:
    @pytest.mark.parametrize("text, town", [
        ("Supports: aunt Maisie in Kirriemuir (\"she gets it\")", "Kirriemuir"),
        ("his cousin Rangi in Opotiki offered to help", "Opotiki"),
    ])
    def test_a_relative_and_the_town_they_are_in(self, text, town):
        assert town in _found(text), _found(text)  # (spaCy may call the town a person; the span is replaced either way)

    @pytest.mark.parametrize("text", ["her son in ICU since Monday", "mother in March said no", "brother at Christmas only",
                                      "sister in Year 9 at school"])
    def test_wards_months_holidays_and_years_stay(self, text):
        assert _found(text, "LOCATION") == [], _found(text)


class TestCareFileFields:
    @pytest.mark.parametrize("text, name", [
        ("Reporter: Eleri Prydderch, CPN, Swansea", "Eleri Prydderch"),
        ("Crisis Supporter: Kerensa (CS ID 4419)", "Kerensa"),
        ("Adult at risk: Ffion Bevan   DOB 02/03/1950", "Ffion Bevan"),
    ])
    def test_a_name_after_a_care_file_field(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["Nurse: please check BP at 6", "Nurse: Okay, any pain today?", "Peer: none assigned",
                                      "Child: 7 years old"])
    def test_field_values_that_are_no_name_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)
