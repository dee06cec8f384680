"""Thirty-second round of Chinese recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestNicknamesBeforeWhatTheyDid:
    """A 小/老/阿 nickname after a role or a reminder, before what the person did or was told."""

    @pytest.mark.parametrize("text, name", [
        ("已通知小谷注意留置针", "小谷"),
        ("白班的小俞注意他下午的血糖", "小俞"),
        ("保姆阿翠曾说老人夜里起来三次", "阿翠"),
        ("闺蜜阿娟陪我做的穿刺", "阿娟"),
        ("。阿榮話佢琴晚冇瞓", "阿榮"),
    ])
    def test_the_nickname_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["已提醒老人注意防跌倒", "通知老师注意孩子体温", "提醒小心注意台阶", "告诉阿姨注意饮食",
                                      "老公阿司匹林一直在吃", "他，老是来晚"])
    def test_words_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestGenerationNamesAfterFamilyWords:
    @pytest.mark.parametrize("text, name", [("她一直喊我妈红梅，其实红梅是她妹妹", "红梅"), ("我爸卫国，一直在工地干活", "卫国")])
    def test_a_name_that_is_a_word_is_the_relatives(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["我爸国庆回来看我", "我们建设新家园", "我爸爱国，也爱家"])
    def test_other_words_after_a_family_word_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestAddressTails:
    """An address goes on past the unit its rule ended at: a hamlet, a tribe's settlement, a farm, a lane,
    a second building or a block-unit-flat run."""

    @pytest.mark.parametrize("text, address", [
        ("住钦州市灵山县檀圩镇那隆屯，家中养猪", "钦州市灵山县檀圩镇那隆屯"),
        ("住台東縣海端鄉霧鹿部落 由村長陪同", "台東縣海端鄉霧鹿部落"),
        ("住汕头市潮阳区和平镇练北农场东区8号，务农", "汕头市潮阳区和平镇练北农场东区8号"),
        ("地址：泉州市鲤城区中山路旧馆里23号 电话", "泉州市鲤城区中山路旧馆里23号"),
        ("住长春市朝阳区红旗街道安达社区5-2-302。", "长春市朝阳区红旗街道安达社区5-2-302"),
        ("地址：湛江市霞山区人民大道南61号3-1-702 收件人", "湛江市霞山区人民大道南61号3-1-702"),
    ])
    def test_the_whole_address_is_one_span(self, text, address):
        assert address in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize("text, place", [("住朝阳区 2024-03-05来诊", "朝阳区"), ("住海淀区3次就诊", "海淀区")])
    def test_a_date_or_a_count_after_the_address_stays_out(self, text, place):
        assert place in _found(text, "LOCATION"), _found(text)


class TestTaiwanSlashDates:
    @pytest.mark.parametrize("text, date", [
        ("門診 112/11/08 複診 112/11/22", "112/11/08"),
        ("預約 114/06/30 09:30 回診，空腹抽血", "114/06/30 09:30"),
        ("巡迴醫療 113/04/16 霧鹿部落", "113/04/16"),
    ])
    def test_the_date_is_found(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", ["血壓 110/07/05 mmHg", "門診量 3/4/5 人次", "医嘱 120/80"])
    def test_readings_stay(self, text):
        assert _found(text, "DATE_TIME") == [], _found(text)


class TestRareCompoundSurnames:
    @pytest.mark.parametrize("text, name", [("家属公冶明、申屠红在场签字", "申屠红"), ("陪护：澹台秀梅", "澹台秀梅"),
                                            ("宇文浩今天发热38.5℃", "宇文浩")])
    def test_a_compound_surname_and_its_given_name_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["东方医院心内科", "长孙在外地上学", "司空见惯的术后反应"])
    def test_words_of_the_same_characters_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestLatinNamesAfterFamilyWords:
    @pytest.mark.parametrize("text, name", [("女儿Maricel负责喂药", "Maricel"), ("外傭Dewi Lestari話婆婆夜晚咳", "Dewi Lestari"),
                                            ("看護Trần Thị Mai陪同", "Trần Thị Mai")])
    def test_the_name_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["女儿WhatsApp通知我", "丈夫MRI检查未见异常", "儿子Panadol吃了两粒"])
    def test_apps_tests_and_drugs_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestEightDigitPhonesOfHongKongAndSingapore:
    @pytest.mark.parametrize("text, phone", [("仔仔手提：6391 2207", "6391 2207"), ("WhatsApp：9182 4406　email", "9182 4406"),
                                             ("姪女（5530 7719）每日探望", "5530 7719")])
    def test_the_number_is_found(self, text, phone):
        assert phone in _found(text, "PHONE_NUMBER"), _found(text)

    @pytest.mark.parametrize("text", ["共 5000 1000 份", "2024 0312 入院", "卡号 6225 8812 3345 6678"])
    def test_counts_years_and_card_runs_are_no_phone(self, text):
        assert _found(text, "PHONE_NUMBER") == [], _found(text)


class TestChatLabelsWithATime:
    @pytest.mark.parametrize("text, label", [
        ("[心内科工作群]\n半夏微凉 07:58：@小方 12床家属到了吗\n骆一鸣 08:01：到了", "半夏微凉"),
        ("[心内科工作群]\n半夏微凉 07:58：@小方 12床家属到了吗\n骆一鸣 08:01：到了", "骆一鸣"),
        ("[护理质控群] 静待花开：@全体成员 今天查跌倒评估", "静待花开"),
        ("[微信聊天记录]\n向阳而生(wxid_q81mz3k2)：医生我妈退烧了", "向阳而生"),
    ])
    def test_the_speaker_is_found(self, text, label):
        assert label in _found(text), _found(text)

    @pytest.mark.parametrize("text", ["采血时间 12:30:45 复查", "采血时间 07:30：空腹", "查房 09:00：主任带组", "[备注] 服药：饭后",
                                      "[家庭群] 二姐：明天我陪妈去", "大舅 20:15：收到"])
    def test_fields_and_family_labels_stay(self, text):
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)


class TestJapaneseNamesInANoteAboutAJapaneseFamily:
    @pytest.mark.parametrize("text, name", [("日本籍，母亲铃木美咲陪同就诊", "铃木美咲"), ("患者渡边翔太，男，日籍留学生", "渡边翔太")])
    def test_the_name_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    def test_the_eponym_stays_whole(self):
        out = deidentify_text("日本籍患者，既往桥本甲状腺炎，外院诊断川崎病", "zh").text
        assert "桥本甲状腺炎" in out and "川崎病" in out, out
