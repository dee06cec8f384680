"""Chinese shapes of the sixteenth round: a rare surname alone after a role, closed by one space
(送检医生晁 类风湿因子) and rare surnames before a title (庹先生); names that are everyday words,
vouched for by the sex, the age or a date after a person cue (患者高山，男); a given name or a pet
name alone (晓明，你; 我是小芳; 胖虎他妈); minority names after a form's cell border or a form
filler (|姓名|那木汗|, 填表人包乌云); romanised full names in brackets (陳嘉欣（Chan Ka Yan）);
Hong Kong addresses down to the flat; dates of an era (民國68年5月4日) and dates with letters for
digits (2026-0l-05); numbers in a table's cells (|邮编|010020|, |年龄|95|) and a record opened by
number (查看病历00738812). Clinical words, drugs, eponyms and common words next to them stay text."""

from __future__ import annotations

import pytest


def _of(found, text: str, kind: str = "PERSON") -> set[str]:
    return {v for t, v in found(text, "zh") if t == kind}


def _all(found, text: str) -> set[str]:
    return {v for _, v in found(text, "zh")}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("复核药师晁 处方已审核", "晁"),
        ("主管护士樊 交班时间 08:00", "樊"),
        ("检验医生晏 血常规复查", "晏"),
        ("经治医生蹇 出院带药", "蹇"),
        ("患者覃 床号12", "覃"),
    ],
)
def test_a_rare_surname_alone_closed_by_one_space(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "主治医生李 今天查房",  # 李 is too common a character to stand alone before one space
        "患者高 血压控制欠佳",
        "值班医生 樊篱",
        "责任护士 交班",
    ],
)
def test_no_lone_surname_before_one_space_where_none_is_meant(found, text):
    assert not {v for v in _of(found, text) if len(v) == 1}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("门诊记录 庹女士诉头晕两天", "庹"),
        ("请覃主任会诊", "覃"),
        ("陪护蹇阿姨今晚留院", "蹇"),
    ],
)
def test_a_rare_surname_before_a_title(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者黄河，男，52岁，因腹痛入院", "黄河"),
        ("患者金山，女，60岁，反复咳嗽", "金山"),
        ("患者林海于2026年2月3日出现胸痛", "林海"),
        ("患者白云 入院日期2025-12-01", "白云"),
        ("患者高原，男，因头晕就诊", "高原"),
    ],
)
def test_a_word_is_a_name_when_the_sex_the_age_or_a_date_follows_the_cue(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "患者平素体健，无特殊",
        "患者高热，男，3天",
        "患者平安出院",
        "患者神志清楚，精神可",
        "患者于2026年3月1日入院",
    ],
)
def test_no_word_name_after_a_cue_without_such_a_follower(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("雅琴，你的血糖结果出来了，注意饮食", "雅琴"),
        ("思雨 你明天上午来复查甲功", "思雨"),
        ("医生您好，我是小敏 孩子发烧两天了", "小敏"),
        ("我叫阿珍，想问一下胃镜", "阿珍"),
        ("壮壮他爸问雾化还要不要做", "壮壮"),
        ("豆丁她妈刚打电话来", "豆丁"),
    ],
)
def test_a_given_name_or_pet_name_alone(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "孩子他妈打电话来问",
        "各位，你们好，今天讲高血压",
        "医生，你好，我想问一下",
        "头痛，你看要不要查CT",
        "老公他爸住院了",
    ],
)
def test_no_pet_name_where_a_word_stands(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("|姓名|其木德|性别|男|", "其木德"),
        ("| 姓名 | 那木吉拉 | 年龄 | 67 |", "那木吉拉"),
        ("填表人包斯琴  日期2026-03-01", "包斯琴"),
        ("经办人：覃丽  日期：3月1日", "覃丽"),
        ("电话回访 沙玛阿依（彝族） 手机15808841237", "沙玛阿依"),
    ],
)
def test_minority_names_in_tables_and_after_form_fillers(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者黄伟文（Wong Wai Man）复诊", "Wong Wai Man"),
        ("病人李嘉欣（Lee Ka Yan）甲亢", "Lee Ka Yan"),
        ("英文名：患者陈晓宇（Chen Xiaoyu）入院", "Chen Xiaoyu"),
    ],
)
def test_a_romanised_full_name_in_brackets_after_a_name(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "川崎病（Kawasaki Disease）急性期",
        "桥本甲状腺炎（Hashimoto Thyroiditis）",
        "唐氏综合征（Down Syndrome）筛查",
        "甘精胰岛素（Insulin Glargine）10U",
    ],
)
def test_eponyms_and_drugs_in_brackets_stay(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("住址港島北角英皇道250號城市花園3座15樓C室 電話", "港島北角英皇道250號城市花園3座15樓C室"),
        ("地址：新界沙田大圍積輝街10號美田商場2樓", "新界沙田大圍積輝街10號美田商場2樓"),
        ("住九龙尖沙咀广东道30号新港中心8楼A室，电话", "九龙尖沙咀广东道30号新港中心8楼A室"),
    ],
)
def test_a_hong_kong_address_down_to_the_flat(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "他在3号楼5楼住院",
        "去门诊2楼抽血",
        "心内科病房12楼护士站",
    ],
)
def test_floors_of_a_hospital_are_no_address(found, text):
    assert not _of(found, text, "LOCATION")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("出生民国75年10月3日，籍贯台南", "民国75年10月3日"),
        ("生於民國七十年十月二日", "民國七十年十月二日"),
        ("民國102年3月轉診", "民國102年3月"),
        ("入院时间:2025-1O-12 主治", "2025-1O-12"),
        ("复查日期 2024/O3/l5 血常规", "2024/O3/l5"),
    ],
)
def test_era_dates_and_dates_with_letters_for_digits(found, text, value):
    assert value in _of(found, text, "DATE_TIME")


def test_a_code_of_letters_is_no_date(found):
    assert not _of(found, "批次2026-IO-OO已入库", "DATE_TIME")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("|地址|包头市昆都仑区|邮编|014010|", "ZIP_CODE", "014010"),
        ("| 年龄 | 93 | 性别 | 女 |", "AGE", "93"),
        ("| 姓名 | 王某 | 住院号 | 5521870 |", "MEDICAL_RECORD_NUMBER", "5521870"),
        ("审计日志：调阅病历 20261234567 IP 10.2.3.4", "MEDICAL_RECORD_NUMBER", "20261234567"),
    ],
)
def test_numbers_in_table_cells_and_opened_records(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "病历2份已归档",
        "| 项目 | 结果 | 参考值 |\n| ALT | 86 U/L | 9-50 |",
        "| 年龄 | 45 | 性别 | 男 |",
    ],
)
def test_table_values_that_are_no_phi_stay(found, text):
    assert not ({t for t, _ in found(text, "zh")} & {"ZIP_CODE", "AGE", "MEDICAL_RECORD_NUMBER"})


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("设备日志：终端MAC 00-1A-2B-3C-4D-5E 接入", "DEVICE_ID", "00-1A-2B-3C-4D-5E"),
        ("呼吸机编号 PB840-3321A7；模式SIMV", "DEVICE_ID", "PB840-3321A7"),
        ("血透机编号：NIP-2208-B0413", "DEVICE_ID", "NIP-2208-B0413"),
        ("审计：用户 zhangl2023 导出了检验报告", "SOCIAL_HANDLE", "zhangl2023"),
        ("网友甜甜圈_0921说吃了没用", "SOCIAL_HANDLE", "甜甜圈_0921"),
        ("英文小结：admitted 12 March 2025 for pneumonia", "DATE_TIME", "12 March 2025"),
        ("出院日期 Apr 3, 2026 复诊", "DATE_TIME", "Apr 3, 2026"),
    ],
)
def test_devices_logins_and_english_dates_in_chinese_text(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "采血时间 12:30:45 复查",
        "用户反馈很好，继续用药",
        "网友说HbA1c 7.9也不算高",
        "剂量5 mg 2026版指南",
    ],
)
def test_times_and_plain_words_are_no_device_or_handle(found, text):
    assert not ({t for t, _ in found(text, "zh")} & {"DEVICE_ID", "SOCIAL_HANDLE", "DATE_TIME"})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("病友群 @欧阳娜娜 你家孩子好点了吗", "欧阳娜娜"),
        ("@周建平 明天记得空腹", "周建平"),
        ("孩子不舒服 明天再来 ——张嫂", "张"),
        ("5床林海（社区获得性肺炎）今晨体温正常", "林海"),
        ("术前谈话由其子黄河签字", "黄河"),
    ],
)
def test_mentions_signatures_beds_and_signing_relatives(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("病友群\n谭志刚：我妈昨天化疗完吐得厉害\n护士小李：可以用止吐药\n谭志刚：好的", "谭志刚"),
        ("随访录音\n向海：医生我血压还是高\n医生：药按时吃了吗\n向海：吃了", "向海"),
    ],
)
def test_speakers_of_a_chat(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "护理建议：\n温开水：少量多次饮用\n蜂蜜水：睡前一杯\n盐水漱口：每日三次",
        "主诉：头晕3天\n现病史：患者于3天前\n诊断：高血压病\n处理：降压",
        "随访员：您好\n家属：是的\n随访员：好的 再见",
    ],
)
def test_headings_and_roles_are_no_speakers(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("姓 名 ： 斯 琴 高 娃   床 号 ： 3", "斯 琴 高 娃"),
        ("责任护士：扎西 次仁\n交班时间", "扎西 次仁"),
        ("患者那顺 乌日图，男，70岁", "那顺 乌日图"),
    ],
)
def test_spaced_minority_names(covered, text, value):
    assert covered(text, value, "zh")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("出生：民國71.3.9 籍貫台南", "DATE_TIME", "民國71.3.9"),
        ("入院日期：2O25-11-08", "DATE_TIME", "2O25-11-08"),
        ("患者96y，女，跌倒后髋部疼痛", "AGE", "96"),
        ("英文病历：patient 102 years old", "AGE", "102"),
    ],
)
def test_more_era_ocr_and_age_shapes(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "药品批号2026-IO-Ol",
        "有效期至2026-0l-05",
        "民国时期的老药方",
        "患者45y，男",
    ],
)
def test_product_codes_eras_and_younger_ages_stay(found, text):
    assert not ({t for t, _ in found(text, "zh")} & {"DATE_TIME", "AGE"})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("审核者：訾  报告时间：2026-04-02", "訾"),
        ("护理记录 今天刘姨来取药", "刘"),
        ("狗剩他妈说孩子又咳嗽了", "狗剩"),
        ("秀英：你的片子我看了 没大问题", "秀英"),
        ("患者白雪（82岁）反复跌倒", "白雪"),
    ],
)
def test_more_lone_surnames_kin_titles_and_pet_names(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "他说他爸头晕",
        "我是她妈妈，想问一下",
        "新冠，你要注意休息",
        "胸痛：你需要马上去急诊",
        "宝宝，你别怕",
        "@所有人 明天停诊",
        "患者白天嗜睡，于3月加重",
        "患者平素体健，于2026年3月1日",
    ],
)
def test_pronouns_symptoms_and_everyday_words_stay(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("随访员：您好，请问是邵建平家吗？", "PERSON", "邵建平"),
        ("Dr. Wang 您好 我是Grace 周 想问一下复查", "PERSON", "Grace 周"),
        ("我妈12.3入院的 现在还发烧", "DATE_TIME", "12.3"),
        ("住在苏州吴江盛泽，最近咳嗽", "LOCATION", "苏州吴江盛泽"),
    ],
)
def test_households_mixed_names_event_dates_and_towns(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("请问是病人家属吗", "PERSON", "病人"),
        ("是你家吗", "PERSON", "你"),
        ("血糖6.5复查", "DATE_TIME", "6.5"),
        ("在广州天河买药，", "LOCATION", "天河买药"),
        ("在佛山顺德看病", "LOCATION", "顺德看病"),
    ],
)
def test_no_household_date_or_town_where_none_is(found, text, kind, value):
    assert not any(value in v for v in _of(found, text, kind))


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("病人 Leung Siu Fung，男，72岁", "PERSON", "Leung Siu Fung"),
        ("家属：Wong Ka Ho 电话+852 9123 4567", "PERSON", "Wong Ka Ho"),
        ("入院：2O25年12月3日", "DATE_TIME", "2O25年12月3日"),
        ("地址：广州市越秀区中山二路58号（510080）", "ZIP_CODE", "510080"),
        ("思琪妈妈你好，报告出来了", "PERSON", "思琪"),
        ("患者：江河  床号：3", "PERSON", "江河"),
        ("家属：白云\n电话：13800138000", "PERSON", "白云"),
    ],
)
def test_romanised_cued_names_ocr_dates_bracketed_postcodes_and_fields(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "患者 Holter Monitor 24小时",
        "孩子妈妈你好",
        "新手妈妈问宝宝湿疹",
        "患者：平稳\n",
        "家属：同意  签字",
        "服用剂量(100730)",
    ],
)
def test_devices_parents_field_words_and_numbers_stay(found, text):
    assert not ({t for t, _ in found(text, "zh")} & {"PERSON", "ZIP_CODE"})


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("住院號碼：ZY-2026-0031 床號12", "MEDICAL_RECORD_NUMBER", "ZY-2026-0031"),
        ("門診號碼 00391827", "MEDICAL_RECORD_NUMBER", "00391827"),
        ("就診日期：114年11月20日", "DATE_TIME", "114年11月20日"),
        ("住址：九龍城太子道西190號", "LOCATION", "九龍城太子道西190號"),
        ("新界元朗青山公路元朗段1號", "LOCATION", "新界元朗青山公路元朗段1號"),
    ],
)
def test_traditional_record_numbers_taiwan_years_and_hong_kong_roads(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("119年度报告已提交", "DATE_TIME"),
        ("去沙田看病，2号窗口", "LOCATION"),
        ("上水 5号线", "LOCATION"),
    ],
)
def test_no_taiwan_year_or_hong_kong_road_where_none_is(found, text, kind):
    # (no span with the number: the town a patient goes to, 去沙田, is itself a place since the
    # thirty-first round; what must not appear is a road or a year made of the 2号 or the 119)
    assert not [v for v in _of(found, text, kind) if any(ch.isdigit() for ch in v)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("九五高龄的老人，跌倒后", "AGE", "九五"),
        ("老人年逾九十，仍能自理", "AGE", "九十"),
        ("患者，男，104，因肺炎入院", "AGE", "104"),
        ("包头市昆都仑区 014010 电话", "ZIP_CODE", "014010"),
    ],
)
def test_ages_in_words_or_bare_after_the_sex_and_postcodes_after_a_unit(found, text, kind, value):
    assert value in _of(found, text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("患者，男，45，因胸痛入院", "AGE"),
        ("术后已过九十天，切口愈合", "AGE"),
        ("疫苗批号 202311A08", "ZIP_CODE"),
        ("中山路 123456 号", "ZIP_CODE"),
    ],
)
def test_younger_ages_and_batch_numbers_stay(found, text, kind):
    assert not _of(found, text, kind)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("心内科医生晏说可以出院", "晏"),
        ("请示上级医生覃后予以加量", "覃"),
        ("主刀 晁 一助 樊", "樊"),
        ("麻醉医师蒯 术前访视", "蒯"),
        ("患者江山诉头晕两天", "江山"),
    ],
)
def test_a_rare_surname_before_what_the_doctor_did_and_a_word_name_that_speaks(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "按摩器只是一种辅助手段，如果",
        "医生严格说明了风险",
        "医生金说",  # 金 is too common a character to stand for a surname alone
        "患者平时说话不清",
        "患者家属说不用",
    ],
)
def test_role_words_inside_words_and_common_characters_stay(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("孕检：田园，孕16周，唐筛低风险", "田园"),
        ("白雪，女，82岁，跌倒后髋部疼痛", "白雪"),
        ("复诊：金山，男，61岁，血压控制可", "金山"),
    ],
)
def test_a_word_opening_a_clause_is_a_name_before_the_sex_the_age_or_a_pregnancy(found, text, value):
    assert value in _of(found, text)


@pytest.mark.parametrize(
    "text",
    [
        "高热，男，3天",
        "平安，女，出院",
        "头晕，女，45岁",
        "今天，女儿陪同",
    ],
)
def test_symptoms_and_everyday_words_before_the_sex_stay(found, text):
    assert not _of(found, text)


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("随访医生郗 心电图正常", "郗", "心电图"),
        ("责任护士冼 交班时已告知", "冼", "交班"),
        ("复查医生晁 血常规正常", "晁", "血常规"),
    ],
)
def test_a_lone_surname_before_a_spaced_word_leaves_the_word_whole(found, text, value, kept):
    spans = _all(found, text)
    assert value in _of(found, text)
    assert not any(kept[0] in v for v in spans)


def test_a_spaced_name_with_a_two_character_surname_in_a_spaced_form(covered):
    text = "姓  名 ：司空 晓 东      住院号：ZY2026003318"
    assert covered(text, "司空 晓 东", "zh")
