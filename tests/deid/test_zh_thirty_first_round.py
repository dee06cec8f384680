"""Thirty-first round of Chinese recall: a receipt's or invoice's number after its label, a month and
day typed without 日 before what was done that day. Every positive uses strings found in no data file;
the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "zh") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestReceiptNumbers:
    @pytest.mark.parametrize("text, number", [
        ("门诊收费票据\n票据号码：0O7731526   开票日期：2026-04-11", "0O7731526"),
        ("发票号码：00918273 金额：126.50元", "00918273"),
        ("收据号 2026041900312，请妥善保管", "2026041900312"),
        ("单据号码：B20260419  经办人：自助机", "B20260419"),
    ])
    def test_the_number_on_a_patients_bill_is_found(self, text, number):
        assert number in _found(text), _found(text)

    @pytest.mark.parametrize("text", ["票据号码：见背面", "发票号码请填写在下方", "收据号码：（空）"])
    def test_a_label_with_no_number_gives_nothing(self, text):
        assert _found(text) == [], _found(text)


class TestMonthDayWithoutRi:
    @pytest.mark.parametrize("text, date", [
        ("我4月23打的第二针，今天胳膊还疼", "4月23"),
        ("上回是10月7做的肠镜", "10月7"),
        ("外婆5月19住的院", "5月19"),
        ("血糖是6月2晚上测的", "6月2晚上"),
        ("挂的号是7月15上午", "7月15上午"),
        ("8月30那天开始发烧", "8月30"),
    ])
    def test_a_typed_month_and_day_is_found(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "怀孕3月5天做的NT",
        "这个药2月吃了16天",
        "一共3月5次去复查",
        "3月5晚餐后血糖偏高",
        "他2023年3月5去的",
    ])
    def test_counts_and_meals_stay(self, text):
        found = _found(text, "DATE_TIME")
        assert not {"3月5", "2月16", "3月5晚"} & set(found), found


class TestNamesAfterFamilyWords:
    """heldout31's narratives: a relative named by the given name alone, or after a Cantonese or a
    family-history kin word."""

    @pytest.mark.parametrize("text, name", [
        ("先证者有一兄喻博文、一妹喻晓岚，均未筛查", "喻晓岚"),
        ("小姑淑珍周末从佛山过来换班", "淑珍"),
        ("二舅符国梁有乙肝", "符国梁"),
        ("佢个仔冼永康住喺隔篱", "冼永康"),
        ("我同细佬阿骏轮流陪夜", "阿骏"),
        ("伊讲囡儿秀兰昨日夜里没来", "秀兰"),
        ("大仔Leopold每个礼拜同佢视像", "Leopold"),
        ("阿婆的女儿丽琼说周末会带增稠剂来", "丽琼"),
        ("蔡玉芬的先生邝志坚上个月中风", "邝志坚"),
    ])
    def test_the_relative_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", [
        "我姑父挺胖，今年查出来有高血压",
        "随着宝宝月龄的增长会改善",
        "父亲微信联系不上",
        "我爸建议我去复查",
        "我老公说明天来",
        "小姑家里有事来不了",
        "孩子体重偏轻",
    ])
    def test_what_follows_a_family_word_that_is_no_name_stays(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestScheduleDates:
    """heldout30's vaccination booklets, shift logs, slips and specimen labels."""

    @pytest.mark.parametrize("text, date", [
        ("狂犬病疫苗 5针法\n第1针 4/6 ✓\n第2针 4/9 ✓", "4/6"),
        ("第3剂 5/20 已接种", "5/20"),
        ("阿公说下次6/3再去抽血", "6/3"),
        ("4.22 夜班\n15床 COPD 夜间SpO2 89%", "4.22 夜班"),
        ("离体时间 14:05 4/19\n送检医生", "14:05 4/19"),
        ("               4/18(日)\n阿芬：阿嬤今天回診", "4/18(日)"),
        ("日期 Date: 23/05/2026 (六) 10:15AM", "23/05/2026 (六) 10:15AM"),
        ("日期:115/04/21(二) 下午診", "115/04/21(二) 下午"),
        ("日期 19-APR-2026 22:08", "19-APR-2026 22:08"),
        ("27号下午空腹去抽血", "27号下午"),
    ])
    def test_the_day_is_found_whole(self, text, date):
        assert date in _found(text, "DATE_TIME"), _found(text)

    @pytest.mark.parametrize("text", [
        "钾离子上次5.8，医生说香蕉不能吃",
        "第3次 2.5mg 口服",
        "10:30 1/2片 口服",
        "3号床 夜间无特殊",
        "5号楼下午停水",
    ])
    def test_doses_beds_and_readings_stay(self, text):
        assert _found(text, "DATE_TIME") == [], _found(text)


class TestNotesAndChatLabels:
    @pytest.mark.parametrize("text, value", [
        ("诊断: 急性咽炎\n调配 邬晓燕  核对 郦春生\n2026/04/09", "邬晓燕"),
        ("2026-04-14 13:20  配:朵朵", "朵朵"),
        ("（便签照片）\n小蔓:\n外婆的地高辛从今晚起减半", "小蔓"),
        ("记得带医保卡!!\n            ——二柱", "二柱"),
        ("病友群(312)\n山茶花开_：我妈化疗第三次了\n~向日葵~：加油", "~向日葵~"),
        ("~向日葵~：@山茶花开_ 宣武医院看的", "@山茶花开_"),
        ("Seen by: Dr Siti Hajar binti Kamal", "Siti Hajar binti Kamal"),
    ])
    def test_the_signer_addressee_or_screen_name_is_found(self, text, value):
        found = _found(text)
        assert value in found or value.strip("_") in found, found

    @pytest.mark.parametrize("text", [
        "诊断：\n感冒", "小结：\n病情稳定", "王老师：\n您好", "谢谢——完", "配：生理盐水 100ml",
        "核对 无误  签字", "*注意*：空腹", "__备注__：无", "_备注_：无", "@所有人 明天停诊",
    ])
    def test_labels_and_markup_stay(self, text):
        found = _found(text, "PERSON") + _found(text, "SOCIAL_HANDLE")
        assert not [f for f in found if f not in ("王",)], found


class TestPlacesAndRoles:
    @pytest.mark.parametrize("text, place", [
        ("妹妹從台南開車上來陪我", "台南"),
        ("兩個仔都移咗民去多倫多", "多倫多"),
        ("阿媽返屯門煲湯", "屯門"),
        ("温阿婆住槟城老家", "槟城"),
        ("每週三次在新莊的診所洗腎", "新莊"),
    ])
    def test_a_town_of_hong_kong_taiwan_malaysia_or_abroad_is_found(self, text, place):
        assert any(place in f for f in _found(text, "LOCATION")), _found(text)

    @pytest.mark.parametrize("text", ["淡水不够喝", "买了芙蓉糕", "树林里散步"])
    def test_place_names_that_are_words_stay(self, text):
        assert _found(text, "LOCATION") == [], _found(text)

    @pytest.mark.parametrize("text, name", [
        ("证人祁立军陈述：当天中午", "祁立军"),
        ("醫務社工：個案邝太，老公邝永康腦退化", "邝永康"),
    ])
    def test_a_witness_or_a_case_is_named(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["个案管理：个案情况稳定", "证人证言如下", "案主自述糖尿病十几年"])
    def test_the_role_words_alone_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestCardTailsAndSpokenLandlines:
    @pytest.mark.parametrize("text, value", [
        ("付款方式  建设银行储蓄卡(3307)", "3307"),
        ("请核对医保卡尾号 5521。", "5521"),
        ("家属说白天打座机 0571-八六二三 四四零九", "0571-八六二三 四四零九"),
    ])
    def test_the_value_is_found(self, text, value):
        assert value in _found(text), _found(text)

    @pytest.mark.parametrize("text", ["一共0531个样本", "血压130-一百四十", "手机尾号不清楚", "信用卡(未绑定)"])
    def test_counts_and_readings_stay(self, text):
        assert _found(text) == [], _found(text)
