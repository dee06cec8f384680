"""Twenty-first round of Chinese recall: chat members' screen names as their turns' labels
(桃桃妈妈：, 月亮姐姐：, 晨跑老韩：), a nurse's 小/老 and surname label (护士小邹：), a group's owner and
admin named by its notice (群主…，管理员…，). Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, "zh").spans if entity is None or s.entity_type == entity]


class TestChatScreenNameLabels:
    @pytest.mark.parametrize(
        "text, name",
        [
            ("桃桃妈妈：医生，孩子还在咳\n葛医生：雾化继续做三天\n桃桃妈妈：收到", "桃桃妈妈"),
            ("壮壮爸爸：体温38.5要紧吗？\n值班医生：先物理降温", "壮壮爸爸"),
            ("月亮姐姐：我的甲功复查正常了\n海边散步：恭喜恭喜", "月亮姐姐"),
            ("晨跑老韩：血压今天135/80\n苗护士：很好，继续保持\n晨跑老韩：好嘞", "晨跑老韩"),
            ("护士小邹：请把检验单发群里\n葛医生：我看一下", "小邹"),
        ],
    )
    def test_label_is_a_name(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text, word",
        [
            ("孩子妈妈：医生，孩子还在咳\n医生：雾化继续做三天", "孩子妈妈"),
            ("患者家属：今天能出院吗？\n医生：明天", "患者家属"),
            ("邻居奶奶：她早上摔了一跤\n医生：头部有外伤吗", "邻居奶奶"),
            ("主诉：头痛三天\n诊断：偏头痛", "主诉"),
        ],
    )
    def test_role_label_stays(self, text: str, word: str) -> None:
        assert not any(word in f for f in _found(text, "PERSON"))


class TestGroupRoleNames:
    @pytest.mark.parametrize(
        "text, name",
        [
            ("群公告：群主控糖老宋，管理员小甜橙，入群请改备注。", "控糖老宋"),
            ("群公告：群主控糖老宋，管理员小甜橙，入群请改备注。", "小甜橙"),
        ],
    )
    def test_owner_and_admin(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize(
        "text",
        ["本群群主会定期发布复诊提醒，管理员负责审核。", "群主：请勿发广告，管理员：已禁言"],
    )
    def test_no_name_after_role(self, text: str) -> None:
        assert _found(text, "PERSON") == []


class TestGlossedPetName:
    @pytest.mark.parametrize(
        "text, name",
        [
            ("患儿小宝（大名柏思源），手足口病，予对症处理。", "小宝"),
            ("门诊：小虎（学名：扈嘉祺）咳嗽三天。", "小虎"),
        ],
    )
    def test_pet_name_before_gloss(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize("text", ["小剂量（王教授方案）起始。", "小儿（常见）发热处理。"])
    def test_no_gloss_no_pet_name(self, text: str) -> None:
        assert not any(w in _found(text, "PERSON") for w in ("小剂量", "小儿"))


class TestKinTitleBeforeYou:
    @pytest.mark.parametrize(
        "text, name",
        [("护士：滕叔您把药盒拍给我看看。", "滕"), ("钟姐你明天空腹来抽血。", "钟")],
    )
    def test_surname_of_kin_title(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")

    @pytest.mark.parametrize("text", ["大叔您先坐。", "阿姨你好，请排队。"])
    def test_kin_word_alone_stays(self, text: str) -> None:
        assert _found(text, "PERSON") == []


class TestLineBrokenRecordNumber:
    @pytest.mark.parametrize(
        "text, mrn",
        [
            ("住院号：HZ31877\n40263  姓名：殷秀琴", "HZ31877\n40263"),
            ("门诊号：5520913\n884，复诊", "5520913\n884"),
        ],
    )
    def test_number_goes_on(self, text: str, mrn: str) -> None:
        assert mrn in _found(text, "MEDICAL_RECORD_NUMBER")

    @pytest.mark.parametrize(
        "text, mrn",
        [("住院号：HZ31877\n12床 殷秀琴", "HZ31877"), ("门诊号：5520913\n2026年1月复诊", "5520913")],
    )
    def test_next_line_stays_its_own(self, text: str, mrn: str) -> None:
        assert mrn in _found(text, "MEDICAL_RECORD_NUMBER")


class TestLogLineMonthDay:
    def test_month_day_opens_a_log_line(self) -> None:
        text = "护理记录\n2025-11-20 患者入院，体温38.2℃\n2025-11-22 体温下降\n11-25 拔除尿管"
        assert "11-25" in _found(text, "DATE_TIME")

    @pytest.mark.parametrize(
        "text",
        ["2025-11-20 查房\n10-12 次/分，律齐", "护理记录\n11-25 拔除尿管", "2025-11-20 查房\n05-10 mg 口服"],
    )
    def test_range_or_no_log_stays(self, text: str) -> None:
        assert not any(f in ("10-12", "11-25", "05-10") for f in _found(text, "DATE_TIME"))


class TestSumuTownship:
    def test_city_then_sumu(self) -> None:
        assert "满洲里市新开河苏木" in _found("牧民，住满洲里市新开河苏木，放牧为生。", "LOCATION")

    @pytest.mark.parametrize("text", ["处方：当归、苏木、红花各10g。", "本市产苏木，活血化瘀。"])
    def test_herb_stays(self, text: str) -> None:
        assert not any("苏木" in f for f in _found(text, "LOCATION"))


class TestAddressFloorAndFlat:
    @pytest.mark.parametrize(
        "text, addr",
        [
            ("地址：大埔廣福邨廣仁樓9樓907室\n診斷：糖尿病", "大埔廣福邨廣仁樓9樓907室"),
            ("地址：佛山市禅城区金鹰楼15层1502室，电话", "佛山市禅城区金鹰楼15层1502室"),
        ],
    )
    def test_floor_and_flat_go_on(self, text: str, addr: str) -> None:
        assert addr in _found(text, "LOCATION")


@pytest.mark.slow
def test_eighteenth_blind_set_chinese(deider):
    """The eighteenth blind set's Chinese texts, opened after its one blind scoring: recall 0.882
    with the rules before this round, 0.953 after (precision 0.995; the one false positive is a
    doctor's surname the labels mark once of two times)."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / "heldout18.jsonl"]) if i.lang == "zh"], deider)
    assert report.recall >= 0.95, report.missed
    assert report.precision >= 0.99, report.false_positives
    assert report.preservation >= 1.0, report.clobbered
