"""The public functions and the Deidentifier: offsets, operators, consistency, verification."""

from __future__ import annotations

import re

import pytest

from mediscope.deid import DeidConfig, Deidentifier, DeidError, PhiSpan
from mediscope.deid.engine import resolve_overlaps
from mediscope.record import Record, Report, Source, Turn

ZH = "患者张伟，电话13812345678，2023年3月5日入院，帕金森病史5年。"
EN = "Patient John Smith, MRN 12345678, seen on March 3, 2023 for Parkinson's disease."


def test_public_functions_offsets_refer_to_original():
    from mediscope.deid import analyze_batch, analyze_text, deidentify_text

    spans = analyze_text(ZH, "zh")
    assert {ZH[s.start : s.end] for s in spans} == {"张伟", "13812345678", "2023年3月5日"}
    res = deidentify_text(ZH, "zh")
    assert "张伟" not in res.text and "13812345678" not in res.text and "帕金森病史5年" in res.text
    assert [(s.start, s.end) for s in res.spans] == sorted((s.start, s.end) for s in spans)
    assert all(s.operator in ("surrogate", "shift") for s in res.spans)
    batch = analyze_batch([ZH, EN], "auto")
    assert len(batch) == 2 and {EN[s.start : s.end] for s in batch[1]} >= {"John Smith", "12345678", "March 3, 2023"}


def test_auto_language(deider):
    assert deider.resolve_lang(ZH, "auto") == "zh"
    assert deider.resolve_lang(EN, "auto") == "en"
    assert deider.resolve_lang("Dr. Smith 说患者张伟的 MRI 正常，follow up next week please", "auto") == "mixed"


def test_mixed_text_runs_both_analyzers(deider):
    text = "患者张伟 was seen by Dr. Alice Wong，电话13812345678"
    got = {text[s.start : s.end] for s in deider.analyze_text(text, "auto")}
    assert {"张伟", "Alice Wong", "13812345678"} <= got


def test_operators_placeholder_mask_keep():
    d = Deidentifier(DeidConfig(operators={"PERSON": "placeholder", "PHONE_NUMBER": "mask", "DATE_TIME": "keep"}))
    res = d.deidentify_text(ZH, "zh")
    assert "<PERSON>" in res.text and "***********" in res.text and "2023年3月5日" in res.text


def test_unknown_operator_is_rejected_by_config():
    with pytest.raises(ValueError):
        DeidConfig(operators={"PERSON": "scramble"})


def test_record_one_surrogate_map_per_case(deider):
    rec = Record(
        id="r1", source=Source(dataset="t"), case_id="case-1", lang="zh",
        turns=[Turn(role="patient", text="医生您好，我是张伟，头痛三天。"), Turn(role="doctor", text="张伟您好，请做头颅CT。")],
        reports=[Report(kind="lab", text="姓名：张伟  结果：正常")],
    )
    out = deider.deidentify_record(rec)
    names = set()
    for _field, text in out.texts():
        assert "张伟" not in text
    for span in out.deid.spans:
        if span.entity_type == "PERSON":
            field_text = dict(out.texts())[span.field]
            names.add(field_text[span.start : span.start + 2])
    fake = out.turns[1].text[:2]
    assert fake in out.turns[0].text and fake in out.reports[0].text
    assert out.deid.status.value == "passed" and out.deid.engine.startswith("mediscope.deid/")
    # spans carry positions, never the PHI text itself
    assert "张伟" not in out.deid.model_dump_json()
    # the input record is untouched
    assert "张伟" in rec.turns[0].text


def test_verification_catches_a_leak(monkeypatch, deider):
    from mediscope.deid.types import DeidResult

    d = Deidentifier()
    d._pipes = deider._pipes  # reuse loaded engines
    monkeypatch.setattr(d, "apply", lambda text, spans, lang, factory: DeidResult(text=text, spans=spans, lang=lang))
    with pytest.raises(DeidError):
        d.deidentify_text(ZH, "zh")


def test_resolve_overlaps_unions_spans():
    spans = [PhiSpan(0, 5, "ID_NUMBER", 0.6, "a"), PhiSpan(3, 9, "PHONE_NUMBER", 0.95, "b"), PhiSpan(12, 14, "PERSON", 0.8, "c")]
    out = resolve_overlaps(spans)
    assert [(s.start, s.end, s.entity_type) for s in out] == [(0, 9, "PHONE_NUMBER"), (12, 14, "PERSON")]


def test_empty_and_phi_free_texts(deider):
    assert deider.deidentify_text("", "zh").text == ""
    res = deider.deidentify_text("建议多喝水，注意休息。", "zh")
    assert res.text == "建议多喝水，注意休息。" and res.spans == []


def test_unsupported_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unsupported language"):
        Deidentifier()._build("fr")


@pytest.mark.slow
def test_fast_path_matches_presidio_analyzer_engine(deider):
    """The batched path must find exactly what `AnalyzerEngine.analyze` finds with the same registry."""
    from mediscope.deid.evaluation import load_evalset

    items = load_evalset()
    for lang in ("zh", "en"):
        texts = [it.text for it in items if it.lang == lang][:120]
        fast = deider.analyze_batch(texts, lang)
        slow = deider.analyze_with_presidio(texts, lang)
        assert [[(s.start, s.end, s.entity_type) for s in x] for x in fast] == \
               [[(s.start, s.end, s.entity_type) for s in x] for x in slow]


def test_batch_of_records_isolates_a_failing_record(deider, monkeypatch):
    recs = [Record(id=f"r{i}", source=Source(dataset="t"), case_id=f"c{i}", lang="zh",
                   turns=[Turn(role="patient", text=t)]) for i, t in enumerate(["我是张伟", "电话13812345678", "多喝水"])]
    original = deider._replace

    def flaky(texts, langs, spans, case_key):
        if case_key == "c1":
            raise DeidError("boom")
        return original(texts, langs, spans, case_key)

    monkeypatch.setattr(deider, "_replace", flaky)
    out = deider.deidentify_records(recs)
    assert isinstance(out[1], DeidError)
    assert out[0].deid.status.value == "passed" and "张伟" not in out[0].turns[0].text
    assert out[2].turns[0].text == "多喝水"


@pytest.mark.slow
def test_parallel_analyzer_matches_single_process(deider):
    from mediscope.deid.parallel import ParallelAnalyzer

    texts = [ZH, EN, "多喝水", "Call 555-123-4567"] * 3
    with ParallelAnalyzer(workers=2, chunk_size=4) as pa:
        par = pa.analyze(texts, "auto")
    single = deider.analyze_batch(texts, "auto")
    assert [[(s.start, s.end) for s in x] for x in par] == [[(s.start, s.end) for s in x] for x in single]


def test_record_fields_get_their_own_language(deider):
    rec = Record(id="m", source=Source(dataset="t"), case_id="cm", lang="zh",
                 turns=[Turn(role="patient", text="我是张伟，这是我的英文报告。")],
                 reports=[Report(kind="lab", text="Patient: John Smith. Seen by Dr. Alice Wong on March 3, 2023.")])
    out = deider.deidentify_record(rec)
    report = out.reports[0].text
    assert "John Smith" not in report and "Alice Wong" not in report and "March 3, 2023" not in report
    # an English name gets an English surrogate even in a Chinese record
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in report)


@pytest.mark.parametrize("operators", [{}, {"PERSON": "placeholder"}, {"PERSON": "keep"}, {"PHONE_NUMBER": "redact"},
                                       {"PERSON": "mask"}])
def test_record_spans_point_at_their_replacement(deider, operators):
    """out_start/out_end locate each replacement in the de-identified text of its field."""
    d = deider if not operators else Deidentifier({"operators": {"DATE_TIME": "shift", **operators}})
    rec = Record.model_validate({
        "id": "r-offsets", "source": {"dataset": "t"}, "case_id": "c-offsets", "lang": "mixed",
        "turns": [
            {"role": "patient", "text": "我叫张伟，电话13812345678，2023年3月5日开始头痛。"},
            {"role": "doctor", "text": "张伟你好，请把报告发到 zhangwei@example.com 。"},
            {"role": "patient", "text": "Call John Smith at (415) 555-0132 on 03/14/2023, he lives at 12 Oak Street."},
        ],
    })
    out = d.deidentify_record(rec)
    texts = {path: text for path, text in out.texts()}
    originals = {path: text for path, text in rec.texts()}
    assert len(out.deid.spans) >= 5  # names, phones, dates, e-mail, address
    for s in out.deid.spans:
        assert s.out_start is not None and s.out_end is not None, s
        shown = texts[s.field][s.out_start : s.out_end]
        original = originals[s.field][s.start : s.end]
        if s.operator == "keep":
            assert shown == original
        elif s.operator == "redact":
            assert shown == ""
        else:
            assert shown and shown != original, (s, shown)
            if s.operator == "placeholder":
                assert shown == f"<{s.entity_type}>"
            if s.operator == "mask":
                assert set(shown.replace(" ", "")) == {"*"}


def test_ner_runs_only_on_lines_that_may_hold_an_entity(deider):
    """Lines of ordinary words skip the model; entities of the other lines keep full-text offsets."""
    from mediscope.deid.engine import _needs_ner

    assert not _needs_ner("The rash improved after two days.")
    assert not _needs_ner("blood pressure 120/80, no fever")
    assert _needs_ner("Seen with Okonkwo today.") and _needs_ner("Okonkwo was seen today.")
    text = "The cough is better.\nno fever since monday.\nHer neighbour Adaeze Okonkwo drove her in from Enugu."
    found = {(s.entity_type, text[s.start : s.end]) for s in deider.analyze_text(text, "en")}
    assert ("PERSON", "Adaeze Okonkwo") in found
    assert all(s.start > text.index("\nHer") for s in deider.analyze_text(text, "en"))


def test_a_phone_number_read_out_in_words_is_found_in_a_text_without_digits(deider):
    text = "Please call me back at three one two, four four one, eight nine zero six after lunch."
    spans = deider.analyze_batch([text], "en")[0]
    assert [(s.entity_type, text[s.start : s.end]) for s in spans] == [
        ("PHONE_NUMBER", "three one two, four four one, eight nine zero six")]
    assert deider.analyze_batch(["He had one or two drinks, then three more."], "en")[0] == []


def test_a_place_found_once_is_replaced_at_every_mention(deider):
    """A place the rules catch in one sentence and miss in another would otherwise survive there
    and make verification reject the whole record; the same holds for a number or an id."""
    text = "Moved from Kesennuma last year; Kesennuma clinic has the old chart. Call 0226-22-4410, or 0226-22-4410 after 5."
    spans = [PhiSpan(11, 20, "LOCATION", 0.85, "rule"), PhiSpan(73, 85, "PHONE_NUMBER", 0.9, "rule")]
    out = deider.propagate([text], [spans])[0]
    assert [(text[s.start : s.end], s.entity_type) for s in out] == [
        ("Kesennuma", "LOCATION"), ("Kesennuma", "LOCATION"), ("0226-22-4410", "PHONE_NUMBER"), ("0226-22-4410", "PHONE_NUMBER")
    ]


def test_dates_ages_and_short_values_are_not_carried_to_other_mentions(deider):
    """The same date or age elsewhere in a case can be clinical ("day 3"); a two-letter value
    occurs by chance; a value inside a longer word is another word."""
    text = "Seen 3/4, repeat 3/4 dose. Age 93; 93 mmHg. Lives in Ely; Elyria and Ely Road differ."
    spans = [PhiSpan(5, 8, "DATE_TIME", 0.9, "r"), PhiSpan(31, 33, "AGE", 0.9, "r"), PhiSpan(53, 56, "LOCATION", 0.9, "r")]
    out = deider.propagate([text], [spans])[0]
    assert [text[s.start : s.end] for s in out] == ["3/4", "93", "Ely", "Ely"]
    assert out[-1].start == text.index("Ely Road")


def test_a_lower_case_chat_name_found_once_is_replaced_at_every_whole_word_mention(deider):
    """Chats write names in lower case ("its jess"); found once and left elsewhere, the copies made
    verification reject the record. Only whole words go: "jessamine" is another word."""
    text = "jess: hi its jess\nDr Patel: thanks jess, the jessamine tea is fine."
    first = text.index("its jess") + 4
    out = deider.propagate([text], [[PhiSpan(first, first + 4, "PERSON", 0.8, "r")]])[0]
    assert [text[s.start : s.end] for s in out] == ["jess", "jess", "jess"]
    assert all(s.entity_type == "PERSON" for s in out)


def test_a_lower_case_chat_name_no_longer_rejects_the_record(monkeypatch, deider):
    text = "jess: hi dr its jess, mum's sugar was 18.2\nDr Anjali Patel: thanks jess, any Lantus?"
    first = text.index("its jess") + 4
    found = [PhiSpan(first, first + 4, "PERSON", 0.8, "r")]
    monkeypatch.setattr(deider, "analyze_batch", lambda texts, lang="auto": [list(found) for _ in texts])
    out = deider.deidentify_text(text, "en").text
    assert not re.search(r"\bjess\b", out, re.IGNORECASE) and "18.2" in out and "Lantus" in out


def test_a_repeated_place_no_longer_rejects_the_record(monkeypatch, deider):
    """End to end, with the detector made to find only the second mention of the town (as happens
    on real text when the first opens the sentence): the copy is replaced too, where before it
    failed verification and the record was rejected."""
    text = "Tomakomai had given Tomakomai his address: 0412 Rua Campos 77."
    second = text.index("Tomakomai", 1)
    found = [PhiSpan(second, second + len("Tomakomai"), "LOCATION", 0.85, "spacy")]
    for config, raises in ((DeidConfig(), False), (DeidConfig(propagate_values=False), True)):
        d = Deidentifier(config)
        d._pipes = deider._pipes  # reuse loaded engines
        monkeypatch.setattr(d, "analyze_batch", lambda texts, lang="auto": [list(found) for _ in texts])
        if raises:
            with pytest.raises(DeidError, match="survived replacement"):
                d.deidentify_text(text, "en")
        else:
            assert "Tomakomai" not in d.deidentify_text(text, "en").text
