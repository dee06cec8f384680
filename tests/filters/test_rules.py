from __future__ import annotations

import pytest
from pydantic import ValidationError

from mediscope.record import ReviewStatus, Score
from mediscope.stages.filters.reasons import FilterReason as R
from mediscope.stages.filters.repetition import duplicate_ngram_ratio
from mediscope.stages.filters.rules import QualityFilterStage
from mediscope.stages.filters.text import distinct_ratios, ngram_hashes

from .conftest import EN_DIALOGUE, ZH_DIALOGUE, make_record, png_image

NO_PHI = {"residual_phi": {"enabled": False}}


def run(stage, records):
    res = stage(records)
    assert len(res.kept) + len(res.rejected) == len(records)
    return {r.id for r in res.kept}, {j.record_id: j.reason for j in res.rejected}


def test_good_dialogues_pass_and_get_scores_and_language():
    stage = QualityFilterStage(NO_PHI)
    zh = make_record(ZH_DIALOGUE, rid="zh", lang="und")
    en = make_record(EN_DIALOGUE, rid="en", lang="zh")  # wrong declared language gets corrected
    kept, rejected = run(stage, [zh, en])
    assert kept == {"zh", "en"} and not rejected
    assert zh.lang == "zh" and en.lang == "en"
    names = {s.name for s in zh.quality.scores}
    assert {"garbage_ratio", "duplicate_ngram_ratio", "duplicate_turn_ratio", "lang_confidence"} <= names


@pytest.mark.parametrize(
    ("turns", "config", "reason"),
    [
        (ZH_DIALOGUE[:1], {}, R.TOO_FEW_TURNS),
        (ZH_DIALOGUE, {"max_turns": 3}, R.TOO_MANY_TURNS),
        ([ZH_DIALOGUE[0], ZH_DIALOGUE[0], ZH_DIALOGUE[1]], {}, R.ROLE_ALTERNATION),
        ([ZH_DIALOGUE[1], ZH_DIALOGUE[0]], {}, R.ROLE_ALTERNATION),  # doctor speaks first
        (ZH_DIALOGUE[:3], {}, R.ROLE_ALTERNATION),  # ends on the patient
        ([("patient", "痛"), ("doctor", "嗯")], {}, R.TOO_SHORT),
        (ZH_DIALOGUE, {"max_chars": 50}, R.TOO_LONG),
        (ZH_DIALOGUE, {"max_turn_chars": 30}, R.TURN_TOO_LONG),
        ([("patient", "我头痛\ufffd\ufffd\ufffd\x07\x07\x07\x07\x07"), ("doctor", "请问多久了")], {}, R.GARBAGE),
        ([("patient", "我头痛怎么办" * 20), ("doctor", "建议休息多喝水")], {}, R.REPETITION),
        ([("patient", "请问还有什么症状吗"), ("doctor", "请问还有什么症状吗"), ("patient", "请问还有什么症状吗"),
          ("doctor", "请问还有什么症状吗")], {"alternation": False}, R.REPETITION),
        ([("patient", "Bonjour docteur, j'ai mal à la tête depuis trois jours et de la fièvre."),
          ("doctor", "Prenez du paracétamol et reposez-vous bien, buvez beaucoup d'eau.")],
         {"languages": ["zh", "en", "fr"]}, None),
        ([("patient", "Bonjour docteur, j'ai mal à la tête depuis trois jours et de la fièvre."),
          ("doctor", "Prenez du paracétamol et reposez-vous bien, buvez beaucoup d'eau.")], {}, R.LANGUAGE),
    ],
)
def test_each_rule_has_its_reason(turns, config, reason):
    stage = QualityFilterStage({**NO_PHI, **config})
    rec = make_record(turns)
    kept, rejected = run(stage, [rec])
    if reason is None:
        assert kept == {"r1"}
    else:
        assert rejected == {"r1": reason}
        assert rec.quality.reject_reason == reason


def test_system_turn_allowed_only_at_start():
    stage = QualityFilterStage(NO_PHI)
    ok = make_record([("system", "你是一名全科医生。"), *ZH_DIALOGUE], rid="ok")
    bad = make_record([*ZH_DIALOGUE[:2], ("system", "注意"), *ZH_DIALOGUE[2:]], rid="bad")
    kept, rejected = run(stage, [ok, bad])
    assert kept == {"ok"} and rejected == {"bad": R.ROLE_ALTERNATION}


def test_deid_and_review_status_gates():
    stage = QualityFilterStage({**NO_PHI, "review_allowed": ["accepted", "edited"]})
    pending_deid = make_record(ZH_DIALOGUE, rid="d", deid="failed")
    not_reviewed = make_record(ZH_DIALOGUE, rid="p")
    accepted = make_record(ZH_DIALOGUE, rid="a")
    accepted.review.status = ReviewStatus.accepted
    rejected_by_expert = make_record(ZH_DIALOGUE, rid="x")
    rejected_by_expert.review.status = ReviewStatus.rejected
    kept, rejected = run(stage, [pending_deid, not_reviewed, accepted, rejected_by_expert])
    assert kept == {"a"}
    assert rejected == {"d": R.DEID_NOT_PASSED, "p": R.REVIEW_STATUS, "x": R.REVIEW_STATUS}


def test_judge_score_threshold_and_missing_policy():
    low = make_record(ZH_DIALOGUE, rid="low")
    low.quality.scores.append(Score(name="judge_overall", value=4.0))
    high = make_record(ZH_DIALOGUE, rid="high")
    high.quality.scores.append(Score(name="judge_overall", value=8.5))
    missing = make_record(ZH_DIALOGUE, rid="missing")
    keep_missing = QualityFilterStage({**NO_PHI, "scores": {"min_values": {"judge_overall": 6}}})
    assert run(keep_missing, [low, high, missing]) == ({"high", "missing"}, {"low": R.JUDGE_SCORE})
    strict = QualityFilterStage({**NO_PHI, "scores": {"min_values": {"judge_overall": 6}, "missing": "reject"}})
    missing2 = make_record(ZH_DIALOGUE, rid="missing")
    assert run(strict, [missing2]) == (set(), {"missing": R.JUDGE_SCORE})


def test_image_checks_decode_and_min_size():
    good = make_record(ZH_DIALOGUE, rid="good", images=[png_image(size=(64, 64))])
    small = make_record(ZH_DIALOGUE, rid="small", images=[png_image(size=(16, 64))])
    broken_img = png_image()
    broken = make_record(ZH_DIALOGUE, rid="broken", images=[broken_img.model_copy(update={"data": broken_img.data[:60]})])
    stage = QualityFilterStage(NO_PHI)
    kept, rejected = run(stage, [good, small, broken])
    assert kept == {"good"}
    assert rejected == {"small": R.IMAGE_TOO_SMALL, "broken": R.IMAGE_UNDECODABLE}


def test_residual_phi_uses_injected_analyzer_and_ignores_placeholders():
    calls = []

    def analyzer(text, lang):
        calls.append(lang)
        out = []
        for token, etype in (("13812345678", "PHONE_NUMBER"), ("<PERSON>", "PERSON")):
            i = text.find(token)
            if i >= 0:
                out.append({"start": i, "end": i + len(token), "entity_type": etype, "score": 0.9})
        return out

    leaky = make_record([ZH_DIALOGUE[0], ("doctor", "有事打我电话13812345678，注意休息多喝水。")], rid="leaky")
    placeholder = make_record([ZH_DIALOGUE[0], ("doctor", "<PERSON>医生建议您注意休息，多喝水。")], rid="ph")
    stage = QualityFilterStage({"residual_phi": {"min_score": 0.5}}, analyzer=analyzer)
    kept, rejected = run(stage, [leaky, placeholder])
    assert kept == {"ph"} and rejected == {"leaky": R.RESIDUAL_PHI}
    assert calls and set(calls) == {"zh"}
    only_person = QualityFilterStage({"residual_phi": {"entity_types": ["PERSON"]}}, analyzer=analyzer)
    leaky2 = make_record([ZH_DIALOGUE[0], ("doctor", "有事打我电话13812345678，注意休息多喝水。")], rid="leaky")
    assert run(only_person, [leaky2])[0] == {"leaky"}


def test_funnel_counts_per_reason():
    stage = QualityFilterStage(NO_PHI)
    recs = [make_record(ZH_DIALOGUE, rid=f"ok{i}") for i in range(3)] + [
        make_record(ZH_DIALOGUE[:1], rid="short"),
        make_record(ZH_DIALOGUE, rid="nodeid", deid="pending"),
    ]
    stage(recs[:2])
    stage(recs[2:])
    assert stage.funnel.as_dict() == {
        "stage": "filter",
        "in": 5,
        "kept": 3,
        "rejected": {R.TOO_FEW_TURNS: 1, R.DEID_NOT_PASSED: 1},
    }


def test_bad_config_is_an_error():
    with pytest.raises(ValidationError):
        QualityFilterStage({"max_turnz": 3})
    with pytest.raises(ValidationError):
        QualityFilterStage({"residual_phi": {"enable": False}})


def test_vectorized_ngram_ratio_matches_plain_python():
    texts = ["头痛三天了头痛三天了头痛三天了", "ab", "", "hello world hello world", "完全不同的句子内容", "x" * 40]
    hashes, offsets = ngram_hashes(texts, 5)
    ratios = 1 - distinct_ratios(hashes, offsets)
    assert [round(r, 6) for r in ratios] == [round(duplicate_ngram_ratio(t, 5), 6) for t in texts]


def test_batch_normalization_matches_single_record():
    from mediscope.stages.filters.columns import _LAST, normalized_dialogues
    from mediscope.stages.filters.text import normalized_dialogue

    recs = [
        make_record([("patient", "Ｈｅｌｌｏ，  World_x! ①"), ("doctor", "头痛 。。\ue000好")], rid="a"),
        make_record(ZH_DIALOGUE, rid="b"),
        make_record(EN_DIALOGUE, rid="c"),
        make_record([("patient", ""), ("doctor", "ÉCOLE straße")], rid="d"),
    ]
    _LAST.clear()
    assert normalized_dialogues(recs) == [normalized_dialogue(r) for r in recs]


def test_batch_normalization_reuse_never_serves_stale_text():
    from mediscope.stages.filters.columns import normalized_dialogues
    from mediscope.stages.filters.text import normalized_dialogue

    recs = [make_record(ZH_DIALOGUE, rid="b"), make_record(EN_DIALOGUE, rid="c")]
    QualityFilterStage(NO_PHI)(recs)  # the filter leaves its normalized texts for dedup
    first = normalized_dialogues(recs)
    assert first == [normalized_dialogue(r) for r in recs]
    recs[1].turns[1].text = "Take ONE tablet, twice a day."  # edited between two stages
    out = normalized_dialogues(recs)
    assert out == [normalized_dialogue(r) for r in recs]
    assert "Dtakeonetablettwiceaday" in out[1]
    recs[0].turns[0].role = "doctor"  # roles are part of the text too
    assert normalized_dialogues(recs)[0].startswith("D")


def test_filter_scores_replace_same_named_and_keep_others():
    rec = make_record(ZH_DIALOGUE, rid="s")
    rec.quality.scores = [Score(name="judge", value=8.0), Score(name="garbage_ratio", value=0.9)]
    stage = QualityFilterStage(NO_PHI)
    assert run(stage, [rec]) == ({"s"}, {})
    names = [s.name for s in rec.quality.scores]
    assert names.count("garbage_ratio") == 1 and "judge" in names and "duplicate_ngram_ratio" in names
    assert dict((s.name, s.value) for s in rec.quality.scores)["garbage_ratio"] < 0.05


def test_kind_allow_list():
    qa = make_record(ZH_DIALOGUE[:2], rid="qa")
    qa.kind = "qa"
    dialogue = make_record(ZH_DIALOGUE, rid="d")
    stage = QualityFilterStage({**NO_PHI, "kinds": ["dialogue"]})
    assert run(stage, [qa, dialogue]) == ({"d"}, {"qa": R.KIND})


def test_vectorized_alternation_matches_the_per_record_rule():
    import random

    from mediscope.stages.filters.columns import TurnColumns

    rnd = random.Random(7)
    recs = []
    for i in range(400):
        roles = [rnd.choice(["patient", "doctor", "system"]) for _ in range(rnd.randint(0, 6))]
        if i % 3 == 0:  # mostly well-formed, so both outcomes are common
            roles = ["system"] * rnd.randint(0, 2) + ["patient", "doctor"] * rnd.randint(1, 3)
        recs.append(make_record([(r, f"第{j}句话") for j, r in enumerate(roles)], rid=f"r{i}"))
    for config in ({}, {"first_speaker": "any"}, {"last_speaker": "any"}):
        stage = QualityFilterStage({**NO_PHI, **config})
        bad = stage._bad_alternation(TurnColumns.of(recs))
        expected = [stage._alternation_problem(r) is not None for r in recs]
        assert bad.tolist() == expected
        assert 50 < sum(expected) < 350
        # and through the stage itself (role codes computed by Polars there)
        _, rejected = run(stage, recs)
        has_two = [len(r.turns) >= 2 for r in recs]
        got = [rejected.get(r.id) == R.ROLE_ALTERNATION for r, ok in zip(recs, has_two, strict=True) if ok]
        assert got == [e for e, ok in zip(expected, has_two, strict=True) if ok]


def test_reports_count_in_length_and_dedup_text():
    from mediscope.record import Report
    from mediscope.stages.filters.columns import TurnColumns, normalized_dialogues
    from mediscope.stages.filters.text import dialogue_text, normalized_dialogue

    with_report = make_record([("patient", "头痛"), ("doctor", "多休息")], rid="rep")
    with_report.reports = [Report(kind="lab", text="血常规：白细胞 12.5×10^9/L，偏高。"), Report(kind="imaging")]
    empty = make_record([], rid="empty")
    plain = make_record(ZH_DIALOGUE, rid="plain")
    recs = [with_report, empty, plain]
    assert TurnColumns.of(recs).dialogue_texts() == [dialogue_text(r, with_roles=False) for r in recs]
    assert normalized_dialogues(recs) == [normalized_dialogue(r) for r in recs]
    # the report makes the short dialogue long enough to pass the length rule
    kept, rejected = run(QualityFilterStage(NO_PHI), [with_report])
    assert kept == {"rep"}


def test_character_class_counts_equal_polars_regex_counts():
    import polars as pl

    from mediscope.stages.filters.repetition import GARBAGE_CHARS
    from mediscope.stages.filters.text import char_class_counts, codepoints

    texts = ["医生您好，我头痛。\n", "ÃÂ¤Ã\x00\x01\x02\ufffd\ufffd看病", "", "Hello\tworld \u3000 〇々𠀀𪚥 e\u0301 😀 \x7f",
             "\u200b\u2028\ue000 ①②Ⅻ ﬁ", "\r\n\x0b\x0c\x1c\x85\xa0"]
    patterns = (GARBAGE_CHARS, r"\p{Han}", r"\s")
    counts = char_class_counts(*codepoints(texts), patterns)
    for pat, got in zip(patterns, counts, strict=True):
        assert got.tolist() == pl.Series(texts).str.count_matches(pat).to_list(), pat
    assert counts[1].tolist()[0] == 7 and counts[0].tolist()[1] > 4
