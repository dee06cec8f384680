"""Twenty-second round of Chinese de-identification: clauses, lab values and kin words that looked
like PHI (网友反映的患者（实名…）, 凝血时间 12/11/10 秒, 阿嬷 alone), a registration form's date
(登记表 20240315). Every positive uses strings found in no data file; the negatives are look-alikes
that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestGlossedClauseIsNoNickname:
    @pytest.mark.parametrize(
        "text",
        [
            "有用户反映的患者（实名登记）已回访",
            "网友投诉的病人（真名未公开）昨日出院",
            "楼主提到的家属（实名认证）没有来",
        ],
    )
    def test_clause_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == []

    @pytest.mark.parametrize(
        "text, nick",
        [("用户晚霞满天（实名：略）说血糖偏高", "晚霞满天"), ("网友爱喝豆浆（真名保密）留言", "爱喝豆浆")],
    )
    def test_nickname_goes(self, text: str, nick: str) -> None:
        assert nick in _found(text, "PERSON")


class TestLabValueWithUnitIsNoDate:
    @pytest.mark.parametrize(
        "text",
        [
            "凝血时间 12/11/10 秒，较前缩短",
            "出血时间 09/08/07s",
            "活化凝血时间 11/10/9 秒",
            "PT时间：12/1/10秒",
        ],
    )
    def test_serial_values_stay(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == []

    @pytest.mark.parametrize(
        "text, date",
        [("随访日期：25/7/9 复查", "25/7/9"), ("19/06/24 周一复查", "19/06/24"), ("3/4/26 复诊", "3/4/26")],
    )
    def test_dates_still_go(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME")


class TestRegistrationFormDate:
    @pytest.mark.parametrize("text, date", [("见门诊登记表 20230917，已签字", "20230917"), ("登记表：20251102 填写完整", "20251102")])
    def test_calendar_day_is_a_date(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME")
        assert date not in _found(text, "MEDICAL_RECORD_NUMBER")

    @pytest.mark.parametrize("text, mrn", [("住院登记 6610384 患者入科", "6610384"), ("登记表 20251399 已归档", "20251399")])
    def test_record_number_stays(self, text: str, mrn: str) -> None:
        assert mrn in _found(text, "MEDICAL_RECORD_NUMBER")


class TestKinWordAloneIsNoName:
    @pytest.mark.parametrize(
        "text",
        [
            "阿嬷说她夜里睡不着",
            "阿嫲最近咳嗽",
            "阿母：医生，药怎么吃\n医生：一天两次\n阿母：好",
        ],
    )
    def test_kin_word_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == []

    @pytest.mark.parametrize("text, nick", [("阿杰最近总说胸闷", "阿杰"), ("外孙阿亮发烧两天", "阿亮")])
    def test_a_nickname_goes(self, text: str, nick: str) -> None:
        assert nick in _found(text, "PERSON")


class TestCityInHospitalName:
    @pytest.mark.parametrize("text, city", [("已转武汉协和医院 心内科", "武汉"), ("术后回武汉协和医院复诊", "武汉")])
    def test_city_goes(self, text: str, city: str) -> None:
        assert city in _found(text, "LOCATION")

    @pytest.mark.parametrize("text", ["在瑞金医院门诊看过", "北京协和医院会诊", "转中山医院进一步治疗"])
    def test_named_hospital_stays(self, text: str) -> None:
        assert _found(text, "LOCATION") == []


class TestAddressAfterVisitVerb:
    @pytest.mark.parametrize(
        "text, addr",
        [
            ("行程：曾到访西城区金融街18号，无发热", "西城区金融街18号"),
            ("前天去过海淀区五道口东路7号", "海淀区五道口东路7号"),
            ("现住通州区宋庄村北路6号", "通州区宋庄村北路6号"),
            ("家在丰台区马家堡村东路3号", "丰台区马家堡村东路3号"),
        ],
    )
    def test_address_whole_without_verb(self, text: str, addr: str) -> None:
        assert addr in _found(text, "LOCATION")


class TestNamesAsIdentityPapersPrintThem:
    @pytest.mark.parametrize(
        "text, name",
        [
            ("病人：TSANG Wai Kit，男，68岁", "TSANG Wai Kit"),
            ("Name: YEUNG, Hoi-Ling 楊凱玲", "YEUNG, Hoi-Ling"),
            ("主诊医生 Dr. KWOK Man Chun 已阅", "KWOK Man Chun"),
            ("由姑娘Miss TAM跟进", "TAM"),
            ("外籍患者Sofia MARTINEZ，发热三天", "Sofia MARTINEZ"),
            ("陪诊者Jason (王志强) 称", "Jason"),
        ],
    )
    def test_latin_name_goes(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    def test_chinese_name_beside_it_goes(self) -> None:
        assert "王大伟" in _found("Patient: WONG Tai Wai 王大伟\nHKID: Z765432(1)", "PERSON")

    @pytest.mark.parametrize("text", ["NG Tube 置入后回抽胃液", "复查LDL Chol 3.2", "HO Chi Minh市旅行史"])
    def test_look_alikes_stay(self, text: str) -> None:
        assert _found(text, "PERSON") == []

    def test_titled_doctor_beside_it_is_no_chinese_name(self) -> None:
        assert "张医生" not in _found("CHAN Tai Man 张医生看过", "PERSON")


class TestSurnameAndElderForm:
    @pytest.mark.parametrize(
        "text, surname",
        [
            ("莫阿公今日进食呛咳", "莫"),
            ("患者韦老爷子，九十三岁，肺部感染", "韦"),
            ("邓阿伯下午来换药", "邓"),
            ("苏姐上个月做的胃镜", "苏"),
            ("黎哥前天摔了一跤", "黎"),
        ],
    )
    def test_surname_alone_goes(self, text: str, surname: str) -> None:
        found = _found(text, "PERSON")
        assert surname in found and not any(len(f) > 1 for f in found)

    @pytest.mark.parametrize("text", ["阿公今日进食呛咳", "老爷子说头晕", "表姐上个月来过", "空姐最近很忙"])
    def test_elder_form_alone_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == []


class TestDoseEndsADrug:
    @pytest.mark.parametrize("text", ["房颤，CHA2DS2-VASc 4分，予利伐沙班20mg qd，患者同意。", "患者九十岁，房颤，予利伐沙班10mg qd。"])
    def test_drug_stays(self, text: str) -> None:
        assert not any("沙班" in f for f in _found(text, "PERSON"))


class TestParentScreenNames:
    @pytest.mark.parametrize(
        "text, name",
        [
            ("妞妞妈咪：医生，孩子咳了一晚上\n医生：有痰吗？\n妞妞妈咪：有黄痰", "妞妞妈咪"),
            ("贝贝的奶奶：他今天没吃饭\n医生：精神怎么样\n贝贝的奶奶：蔫蔫的", "贝贝的奶奶"),
            ("[06/02 19:40] 壮壮爸: 孩子拉肚子\n[06/02 19:45] 医生: 几次了？\n[06/02 19:47] 壮壮爸: 四次", "壮壮爸"),
            ("老赵头：我血压145\n护士小马：今天药吃了吗\n老赵头：吃了", "老赵头"),
            ("社区医生小董：体检报告出来了\n乐乐奶奶：好的谢谢", "小董"),
        ],
    )
    def test_label_goes(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text, pet",
        [
            ("甜甜麻麻 20:11\n宝宝吐了两次\n值班医生 20:15\n甜甜现在精神怎么样？", "甜甜"),
            ("[05/01 08:00] 朵朵爸: 发烧了\n[05/01 08:05] 医生: 朵朵几岁？", "朵朵"),
        ],
    )
    def test_childs_pet_name_goes(self, text: str, pet: str) -> None:
        assert pet in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text, word",
        [
            ("张大妈：我头晕\n医生：量血压了吗\n张大妈：量了", "张大妈"),
            ("孩子他妈：发烧了\n医生：多少度\n孩子他妈：38度", "孩子他妈"),
            ("宝宝的妈：发烧了\n医生：多少度\n宝宝的妈：38度", "宝宝的妈"),
            ("老实头：这是我的网名\n医生：好的\n老实头：谢谢", "老实头"),
        ],
    )
    def test_role_or_word_stays(self, text: str, word: str) -> None:
        assert word not in _found(text, "PERSON")


class TestHongKongEstatesAndContacts:
    @pytest.mark.parametrize(
        "text, addr",
        [
            ("独居于屯门兆康苑B座1603室，女儿每周探望", "屯门兆康苑B座1603室"),
            ("住九龙黄大仙竹园北邨桃园楼12楼，独居", "九龙黄大仙竹园北邨桃园楼12楼"),
            ("病人住葵涌石荫邨第一座，由女儿照顾", "葵涌石荫邨"),
            ("平日在旺角朗豪坊商场做清洁", "旺角朗豪坊商场"),
        ],
    )
    def test_estate_goes(self, text: str, addr: str) -> None:
        assert any(addr in f for f in _found(text, "LOCATION"))

    @pytest.mark.parametrize("text", ["社区卫生服务中心随访", "中心静脉压 12cmH2O", "去沙田医院复诊后好转"])
    def test_no_estate(self, text: str) -> None:
        assert not any(len(f) > 2 for f in _found(text, "LOCATION"))

    @pytest.mark.parametrize(
        "text, phone",
        [("聯絡：黎太 2668 0413。", "2668 0413"), ("紧急联络人：LAU Ka Yee（媳妇）9345 1120", "9345 1120")],
    )
    def test_contact_number_goes(self, text: str, phone: str) -> None:
        assert phone in _found(text, "PHONE_NUMBER")

    @pytest.mark.parametrize("text", ["联系社工，2024 年再评估", "联系家属，已交押金 5000 元"])
    def test_no_contact_number(self, text: str) -> None:
        assert _found(text, "PHONE_NUMBER") == []

    @pytest.mark.parametrize(
        "text, surname",
        [("冯伯，九十二岁，独居，今日跌倒", "冯"), ("紧急联系人：梁太 9876 2231", "梁")],
    )
    def test_cantonese_address_is_the_surname(self, text: str, surname: str) -> None:
        found = _found(text, "PERSON")
        assert surname in found and not any(f.startswith(surname) and len(f) == 2 for f in found)


class TestDatesOfVisits:
    @pytest.mark.parametrize(
        "text, date",
        [
            ("行阑尾切除术，25/7/14出院", "25/7/14"),
            ("伤口愈合可，17号拆线", "17号"),
            ("先回家观察，3号上午再来", "3号上午"),  # (the part of the day joins the day since the thirty-first round)
        ],
    )
    def test_date_goes(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME")

    @pytest.mark.parametrize(
        "text", ["术后3号拆线", "每月15号复查血常规", "8号床复查血常规", "送2号手术间", "第3号复查结果"]
    )
    def test_no_date(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == []


class TestLineBrokenFormFields:
    @pytest.mark.parametrize(
        "text, name",
        [("化验单  姓名：郑\n丽华  门诊号：MZ33\n81  \n项目 结果", "郑\n丽华"), ("姓名：韩\n冬\t性别：男", "韩\n冬")],
    )
    def test_broken_name_goes(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    def test_broken_number_goes_to_the_line_end(self) -> None:
        assert "MZ0812\n4409" in _found("门诊号：MZ0812\n4409\nHGB 98g/L", "MEDICAL_RECORD_NUMBER")

    @pytest.mark.parametrize("text", ["姓名：王\n女  45岁", "患者：王\n女  45岁"])
    def test_sex_is_no_given_name(self, text: str) -> None:
        assert not any("女" in f for f in _found(text, "PERSON"))


class TestRoadsAfterCityAndLanes:
    @pytest.mark.parametrize(
        "text, place",
        [("以前在杭州凤起路开小卖部", "杭州凤起路"), ("住泉州市鲤城区中山路井亭巷。", "泉州市鲤城区中山路井亭巷")],
    )
    def test_place_goes_whole(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    @pytest.mark.parametrize("text, city", [("从杭州一路开车过来", "杭州"), ("我去杭州路上堵车", "杭州")])
    def test_city_alone(self, text: str, city: str) -> None:
        assert _found(text, "LOCATION") == [city]

    def test_handle_ends_after_its_latin_tail(self) -> None:
        found = _found("小红书用户@爱跑步的小鹿_Lulu自述跑步后膝痛，本名陆佳", "SOCIAL_HANDLE")
        assert found == ["@爱跑步的小鹿_Lulu"]


class TestEstateBuildingAndPartner:
    @pytest.mark.parametrize(
        "text, addr",
        [("她住在江边，锦绣家园5栋2单元302，独居", "锦绣家园5栋2单元302"), ("搬去了翠湖雅苑C座1106室", "翠湖雅苑C座1106室")],
    )
    def test_estate_with_building_goes(self, text: str, addr: str) -> None:
        assert addr in _found(text, "LOCATION")

    @pytest.mark.parametrize("text", ["心内科住院部3栋5楼", "在花园3栋跑步", "每天傍晚散步花园3栋楼下"])
    def test_no_estate(self, text: str) -> None:
        assert _found(text, "LOCATION") == []

    @pytest.mark.parametrize("text, name", [("男友Jason陪同就诊", "Jason"), ("女友Emily在旁", "Emily")])
    def test_partner_name_goes(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")


class TestSurnameAndGuoNames:
    @pytest.mark.parametrize(
        "text, name", [("吴国华于2023.11.2行膝关节置换术", "吴国华"), ("秦国栋于3月2日入院", "秦国栋")]
    )
    def test_name_goes(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize("text", ["韩国人，男，45岁", "韩国队员于2024年来华"])
    def test_country_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == []


class TestNeighbourhoodAfterCity:
    @pytest.mark.parametrize(
        "text, place",
        [("周末在武汉光谷步行街附近摔倒", "武汉光谷步行街"), ("退休后住在西安钟楼附近", "西安钟楼")],
    )
    def test_place_goes_whole(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    @pytest.mark.parametrize("text", ["在杭州西湖边散步后胸闷", "他在杭州上班"])
    def test_city_alone(self, text: str) -> None:
        assert _found(text, "LOCATION") == ["杭州"]


class TestSignedNoteDate:
    def test_date_after_the_signer_goes(self) -> None:
        assert "11/3" in _found("双肺呼吸音清。\n记录者：蓝雨桐 11/3", "DATE_TIME")

    @pytest.mark.parametrize("text", ["记录者：血糖 7/8", "签名：卢刚 2/3 片"])
    def test_no_date(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == []


@pytest.mark.slow
def test_twelfth_chinese_dev_set(deider):
    """dev_zh12, written blind for this round: recall 0.761 with the rules before it (precision 0.984,
    preservation 0.975), 0.956 after (precision 0.993, preservation 0.990), with its labels brought to
    the older sets' conventions (titled clinicians' labels, lunar dates, relative day and clock)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "dev_zh12.jsonl"]) if i.lang == "zh"], deider)
    assert report.recall >= 0.95, report.missed
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 0.99, report.clobbered


@pytest.mark.slow
def test_eighteenth_blind_set_chinese_after_this_round(deider):
    """heldout18's Chinese texts: recall 0.957 and precision 0.995 at this round's start, 0.981 and
    1.000 after it (a surname and a form of address relabelled as the surname alone)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout18.jsonl"]) if i.lang == "zh"], deider)
    assert report.recall >= 0.98, report.missed
    # (0.995 since the research-paperwork round: 受试者编号S-017 is a participant's code, which the set
    # left unlabelled)
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 1.0, report.clobbered


class TestJuniorAndSurnameBeforeTitle:
    @pytest.mark.parametrize("text, name", [("内科小钟医生 08:15\n请空腹抽血", "小钟"), ("明天去找小韦医生复查", "小韦")])
    def test_xiao_and_surname_go(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    def test_da_xiao_stays_out(self) -> None:
        assert "小王" not in _found("大小王医生都来了", "PERSON")
