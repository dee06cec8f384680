"""Twenty-fifth round of Chinese recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestSpacedHouseNumber:
    """A typed address that spaces its numbers off their units (江滨路 36 号 7 栋 1102 室) keeps the
    building and the flat after the house number, as the unspaced form does; so does an estate
    named by its garden's section (东园二区)."""

    @pytest.mark.parametrize(
        "text, place",
        [
            ("现住址：柳州市城中区江滨路 36 号 7 栋 1102 室", "柳州市城中区江滨路 36 号 7 栋 1102 室"),
            ("地址：湘潭市雨湖区建设北路 9 号 4 栋 3 单元 602", "湘潭市雨湖区建设北路 9 号 4 栋 3 单元 602"),
            ("家庭住址：苏州市姑苏区干将路 356 号金城广场 B 座 905 室，", "苏州市姑苏区干将路 356 号金城广场 B 座 905 室"),
            ("住北京市海淀区清河东园二区18号楼3单元402，糖尿病", "北京市海淀区清河东园二区18号楼3单元402"),
        ],
    )
    def test_whole_address(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    @pytest.mark.parametrize(
        "text, word",
        [
            ("住南宁市民族大道166号2单元 2023年搬来", "2023"),
            ("住南宁市民族大道166号3栋 2024年来诊", "2024"),
        ],
    )
    def test_year_after_block_stays(self, text: str, word: str) -> None:
        assert not any(word in f for f in _found(text, "LOCATION"))


class TestUsDateWithClock:
    """A month/day/year date keeps the clock after it, as a chat export writes each turn's stamp
    ([4/27/2025 08:14])."""

    @pytest.mark.parametrize(
        "text, date",
        [
            ("[4/27/2025 08:14] 阿May: 阿爸今朝量咗血壓", "4/27/2025 08:14"),
            ("入院 11/9/2023 22:40，急诊转入", "11/9/2023 22:40"),
        ],
    )
    def test_date_and_clock(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME")

    def test_count_after_date_stays(self) -> None:
        assert "11/9/2023" in _found("发药 11/9/2023 12 片", "DATE_TIME")


class TestLatinChatLabels:
    """A chat in Chinese whose members' labels are Latin names: an English given name (Doris：), a
    given name and a romanised surname (Ivan Cheung：), romanised syllables (Wai Kit：), or a given
    name with a Han surname (Gloria 林：, Tina_Xu：). Field labels and roles stay."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Doris: 我阿媽今日覆診\nIvan Cheung: 醫生點講？", "Doris"),
            ("Doris: 我阿媽今日覆診\nIvan Cheung: 醫生點講？", "Ivan Cheung"),
            ("[08:01] Wai Kit: 阿爺食咗藥未\n[08:03] Mei Fong: 食咗喇", "Wai Kit"),
            ("[08:01] Wai Kit: 阿爺食咗藥未\n[08:03] Mei Fong: 食咗喇", "Mei Fong"),
            ("Gloria 林：我妈明天复查\n芳姐：几点？", "Gloria 林"),
            ("【病友群】\n向日葵：大家好\nTina_Xu：我下周去拿药", "Tina_Xu"),
        ],
    )
    def test_label_is_a_name(self, text: str, name: str) -> None:
        assert name in _found(text)

    @pytest.mark.parametrize(
        "text, word",
        [
            ("Mark: 右侧\nSite: 左臂", "Mark"),
            ("Note: 我们建议复查\nPlan: 继续观察", "Note"),
            ("Patient: 我头痛\nDoctor: 多久了？", "Patient"),
            ("Dr Chan: 你血糖高\nNurse Lee: 好的", "Nurse Lee"),
            ("Pain Score: 我觉得3分\nSleep: 好吗", "Pain Score"),
        ],
    )
    def test_field_or_role_stays(self, text: str, word: str) -> None:
        assert word not in _found(text)


class TestSurnameAloneOnSlipsAndNotes:
    """A surname alone names the person: after a lab slip's or a shift note's role (检验者:, 交班人：)
    closing its field with the next label after one space, signed after a double dash (——蔡), or
    before 姑娘 (Hong Kong's nurse, 梁姑娘话…)."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("检验者:许  审核者:范丽芳", "许"),
            ("采样者：潘  核对者：郑晓东", "潘"),
            ("交班护士：孙 接班：卢小燕", "孙"),
            ("值班医生：罗 日期：3月2日", "罗"),
            ("3床今晚停用肝素，明早复查凝血。——蔡", "蔡"),
            ("梁姑娘话听日要空肚抽血", "梁"),
            ("问下冯姑娘几点覆诊", "冯"),
        ],
    )
    def test_surname_found(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text",
        [
            "检验者需核对标本后签字",
            "执行者签名后生效",
            "患者：高 血压：150/90",
            "明早复查血常规——完",
            "她是个好姑娘，很乖",
            "这个小姑娘很怕打针",
            "邻居家姑娘来看她",
        ],
    )
    def test_no_name(self, text: str) -> None:
        assert _found(text, "PERSON") == []


class TestDayThatSomethingBegan:
    """The day of the month alone before what began or was taken off that day (7号那天, 19号开始,
    26号请假), and a month/day before 再次/来诊 or 起 and a symptom (4/17再次来诊, 10.26起腹泻)."""

    @pytest.mark.parametrize(
        "text, date",
        [
            ("奶奶说7号那天就开始不吃饭了", "7号"),
            ("孩子19号开始拉肚子", "19号"),
            ("我26号请假带他去复查", "26号"),
            ("血压平稳；4/17再次来诊，诉乏力", "4/17"),
            ("陶欣然 10.26起腹泻 每日5次", "10.26"),
        ],
    )
    def test_day_found(self, text: str, date: str) -> None:
        assert date in _found(text, "DATE_TIME")

    @pytest.mark.parametrize(
        "text",
        ["排到3号开始叫号", "2号楼开始装修", "3号床那天换了药", "血糖 7.8起床后测", "每月15号取药"],
    )
    def test_no_date(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == []


class TestSingaporeNamesAndFlats:
    """In a Chinese note, a romanised three-word name that opens with a Singapore, Malaysia or Hong
    Kong surname (Goh Siew Lan, Chan Tai Man) is a name, and a housing-board flat with its # unit
    (Blk 58 Toa Payoh Lorong 4 #05-233) an address."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("病人 Goh Siew Lan 吴秀兰，咳嗽两周", "Goh Siew Lan"),
            ("家属 Chan Tai Man 来电询问", "Chan Tai Man"),
            ("Name: Ong Kah Hock 王家福\nIC: S7123456D", "Ong Kah Hock"),
        ],
    )
    def test_name_found(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text, place",
        [
            ("住址：Blk 58 Bedok North Ave 4 #05-233，电话 9123 4567", "Blk 58 Bedok North Ave 4 #05-233"),
            ("住 Blk 204B Serangoon Central #11-87, Singapore 552204，独居", "Blk 204B Serangoon Central #11-87, Singapore 552204"),
        ],
    )
    def test_flat_found(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    @pytest.mark.parametrize("text", ["复查 Tan Is Good 阳性", "研究分 Block 2 进行随访", "Ho Chi Minh 市出差"])
    def test_no_phi(self, text: str) -> None:
        assert _found(text) == []


class TestOpenedRecordPartnerAndVaccinee:
    """Whose record a system log opened (调阅邹美华病历, 查看郑凯的病历), a partner after 女友/男友,
    and a vaccinee after 接种人."""

    @pytest.mark.parametrize(
        "text, name",
        [
            ("审计：用户lihua07登录并调阅邹美华病历（编号见附件）", "邹美华"),
            ("操作记录：医生账号查看郑凯的病历", "郑凯"),
            ("他与男友杜明轩同住", "杜明轩"),
            ("接种人庞可馨，出生日期见附表", "庞可馨"),
        ],
    )
    def test_name_found(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text",
        ["调阅电子病历后补录", "查看全部病历", "打印住院病历一份", "查阅既往病历资料", "他女友很支持他", "接种人需留观30分钟"],
    )
    def test_no_name(self, text: str) -> None:
        assert _found(text, "PERSON") == []


class TestLiveInEstateLeavesZai:
    """After 住在, the estate's span opens after 在, also when its name is short (住在老小区里)."""

    @pytest.mark.parametrize(
        "text, place",
        [("老人住在老小区里", "老小区"), ("她住在金苑，", "金苑"), ("他住在碧水花园那边", "碧水花园")],
    )
    def test_span_opens_after_zai(self, text: str, place: str) -> None:
        found = _found(text, "LOCATION")
        assert not any(f.startswith("在") for f in found)
        assert place in found or not found


class TestAtRoadAvenue:
    """A 大道 where someone was is found without 路 or 街 anywhere else in the text (在深南大道附近晕倒),
    and pathways of the body (视觉通路, 神经通路) or a way of life (康复之路) are no roads."""

    @pytest.mark.parametrize(
        "text, place",
        [("老人在滨海大道附近晕倒。", "滨海大道"), ("患者在世纪大道摔倒", "世纪大道")],
    )
    def test_avenue_found(self, text: str, place: str) -> None:
        assert place in _found(text, "LOCATION")

    @pytest.mark.parametrize(
        "text",
        ["病变在视觉通路。", "问题出在神经通路，", "病灶在听觉传导通路。", "阻塞在侧支旁路，", "他在康复之路上走得很稳"],
    )
    def test_pathway_stays(self, text: str) -> None:
        assert _found(text, "LOCATION") == []


class TestQueueNumberIsNoDay:
    """A queue number called to go somewhere (护士喊5号去3诊室, 请7号去, 轮到9号开始) is no day of
    the month."""

    @pytest.mark.parametrize(
        "text",
        ["护士喊5号去3诊室。", "请7号去B超室", "让12号去抽血", "轮到9号开始检查", "排8号那天人很多"],
    )
    def test_no_date(self, text: str) -> None:
        assert _found(text, "DATE_TIME") == []

    def test_day_still_found(self) -> None:
        assert "5号" in _found("他说5号去外地，回来再复查", "DATE_TIME")


class TestClockFieldIsNoCompactDate:
    """Six digits after a 时间 label are a clock (采血时间：101125 is 10:11:25), not a compact date;
    after 日期 they stay a date."""

    def test_clock_stays(self) -> None:
        assert _found("采血时间：101125", "DATE_TIME") == []

    def test_date_label_kept(self) -> None:
        assert "240315" in _found("采血日期：240315", "DATE_TIME")


class TestAgeAnswerNeedsItsQuestion:
    """The answer after an age question is the age only when nothing else was asked after it
    (老人家多大了？体重呢？ → 92 is no age)."""

    def test_second_question_blocks(self) -> None:
        assert _found("医生：老人家多大了？体重呢？\n家属：92，", "AGE") == []

    def test_answer_found(self) -> None:
        assert "92" in _found("医生：老人家多大了？\n家属：92，", "AGE")


class TestGenericPlaceNearIsNoPlace:
    """A kind of place before 那边 (城中村, 市区, 郊区, 乡下) is no place's name; a district is."""

    @pytest.mark.parametrize("text", ["在城中村那边住", "去市区那边看病", "到郊区附近钓鱼", "在乡下那边养老"])
    def test_no_place(self, text: str) -> None:
        assert _found(text, "LOCATION") == []


class TestLookAlikesThatReachTheirRules:
    """Negatives that reach the rule they guard: a trip to town before a building number (the stem
    before 城 is two characters, so the 进/县 veto is what stops it), and a country signed after a
    double dash."""

    @pytest.mark.parametrize("text", ["他说是天天进城3座", "到了小县城3栋"])
    def test_town_trip_is_no_estate(self, text: str) -> None:
        assert _found(text, "LOCATION") == []

    def test_country_after_dash_is_no_name(self) -> None:
        assert _found("谢谢医生\n——美国", "PERSON") == []


class TestReplyHandlesAndCalledNumber:
    """Both handles of a reply (@晚风徐来_Yi 回复 @骨科赵大夫：), and a Hong Kong number after a verb
    of calling (有事打3187 6620)."""

    @pytest.mark.parametrize(
        "text, value",
        [
            ("@晚风徐来_Yi 回复 @骨科赵大夫：术后多久能游泳？", "@晚风徐来_Yi"),
            ("@晚风徐来_Yi 回复 @骨科赵大夫：术后多久能游泳？", "@骨科赵大夫"),
            ("有咩事打3187 6620搵我", "3187 6620"),
            ("请致电 6543 2109 预约", "6543 2109"),
        ],
    )
    def test_found(self, text: str, value: str) -> None:
        assert value in _found(text)

    @pytest.mark.parametrize("text", ["请回复：是否同意手术", "每天打2000 单位胰岛素", "打3000 ml 补液"])
    def test_no_phi(self, text: str) -> None:
        assert _found(text) == []


class TestNoNameInDrugsVerbsAndRowLabels:
    """The end of a triptan's name (佐米|曲普坦), a title-only surname before a verb (家属应留意) and a
    table row's label under the name column (| 诊断 | …) are no names; a table whose header ends in
    医嘱 still names its patients (| 9床 | 钟某 |)."""

    @pytest.mark.parametrize(
        "text",
        ["既往偏头痛，予利扎曲普坦，丈夫陪同。", "家属应留意夜间血压。", "| 姓名 | 性别 |\n| 诊断 | 心衰 |\n| 年龄 | 70 |"],
    )
    def test_no_name(self, text: str) -> None:
        assert _found(text, "PERSON") == []

    def test_name_kept(self) -> None:
        assert "应晓燕" in _found("家属应晓燕，电话见下", "PERSON")

    def test_table_with_orders_column(self) -> None:
        text = "| 床号 | 姓名 | 医嘱 |\n| 8床 | 喻某 | 吸氧 |\n| 9床 | 钟某 | 禁食 |"
        assert {"喻某", "钟某"} <= set(_found(text, "PERSON"))


class TestRelativesHandleThatOnlyAnswers:
    """A relative's screen name (桂兰她儿子：) that speaks twice but only answers is the member's name
    where the chat's other turns talk; a list of headings with one chatty line stays."""

    def test_handle_found(self) -> None:
        text = "老周头：桂兰今天抽血了吗\n桂兰她儿子：抽了，下周三出结果\n老周头：空腹血糖多少\n桂兰她儿子：6.1"
        assert "桂兰她儿子" in _found(text)

    def test_headings_stay(self) -> None:
        assert _found("早餐建议：你可以吃燕麦吗\n午餐搭配：米饭\n早餐建议：鸡蛋\n午餐搭配：青菜") == []

    def test_name_inside_handle_found_where_talked_about(self) -> None:
        text = "老周头：桂兰今天抽血了吗\n桂兰她儿子：抽了，下周三出结果\n老周头：空腹血糖多少\n桂兰她儿子：6.1"
        assert "桂兰" in _found(text, "PERSON")


class TestXiaoSurnameSpeaker:
    """In a chat, a turn's label of 小 and a surname (小蒋：) is a member's name, as 老 and a surname
    is; a form's 小计： and 小结： stay."""

    def test_speaker_found(self) -> None:
        text = "阿芬：我今天血压又高了\n小蒋：我下周去复查\n阿芬：好的"
        assert "小蒋" in _found(text, "PERSON")

    def test_form_words_stay(self) -> None:
        assert _found("医生：今天怎么样\n小计：300元\n医生：好的\n小结：好转", "PERSON") == []


class TestGroupOwnerBySurname:
    """A chat turn labelled by the group's role, a surname and a form of address (群主柳姐：) names the
    surname; a role with no surname (群主大姐：) stays."""

    def test_surname_found(self) -> None:
        assert "柳" in _found("群聊\n阿强：收到\n群主柳姐：大家按时吃药哈", "PERSON")

    def test_no_surname(self) -> None:
        assert _found("群公告\n群主大姐：别发广告", "PERSON") == []


class TestChatLabelWithAt:
    """A turn's label with an @ and a place inside it (豆豆妈@杭州：) is a screen name; an email in a
    field and a hospital system's label stay what they are."""

    def test_label_found(self) -> None:
        assert "豆豆妈@杭州" in _found("【病友群】\n豆豆妈@杭州：孩子今天退烧了吗\n阿梅：退了", "SOCIAL_HANDLE")

    @pytest.mark.parametrize("text", ["邮箱：abc@qq.com", "user@医院：请登录", "admin@系统：已备份"])
    def test_no_handle(self, text: str) -> None:
        assert _found(text, "SOCIAL_HANDLE") == []


@pytest.mark.slow
def test_twentieth_blind_set_chinese(deider):
    """The twentieth blind set's Chinese texts, opened after its one blind scoring: recall 0.878 with
    the rules before this round (precision 0.991, preservation 1.000), 0.969 after (0.996, 1.000)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout20.jsonl"]) if i.lang == "zh"], deider)
    assert report.recall >= 0.96, report.missed
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 1.0, report.clobbered


@pytest.mark.slow
def test_twenty_first_blind_set_chinese(deider):
    """The twenty-first blind set's Chinese texts, opened after its one blind scoring: recall 0.894
    with the rules before this round (precision 0.990, preservation 0.995), 0.982 after (1.000, 1.000)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout21.jsonl"]) if i.lang == "zh"], deider)
    assert report.recall >= 0.98, report.missed
    assert report.precision >= 1.0, report.false_positives
    assert report.preservation >= 1.0, report.clobbered
