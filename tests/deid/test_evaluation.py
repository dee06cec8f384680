"""The shipped evaluation set: targets on recall and preservation, plus presidio-research data."""

from __future__ import annotations

import json

import pytest

from mediscope.deid.evaluation import EvalItem, evaluate, load_evalset, presidio_research_items, score
from mediscope.deid.types import PhiSpan


def test_shipped_set_is_large_and_well_formed():
    items = load_evalset()
    langs = {it.lang for it in items}
    assert langs == {"zh", "en"}
    for lang in langs:
        assert sum(len(it.phi) for it in items if it.lang == lang) >= 300
    for it in items:
        for s in it.phi + it.clinical:
            assert 0 <= s["start"] < s["end"] <= len(it.text)


def test_generator_reproduces_the_shipped_set(tmp_path):
    from importlib.metadata import version

    from mediscope.deid.evalset.generate import EVAL_FILES, GENERATED_WITH_FAKER, generate

    counts = generate(tmp_path)
    assert counts["zh"] >= 300 and counts["en"] >= 300
    if version("faker") != GENERATED_WITH_FAKER:
        pytest.skip(f"shipped set was generated with Faker {GENERATED_WITH_FAKER}, not {version('faker')}")
    for name in EVAL_FILES:
        assert (tmp_path / name).read_text(encoding="utf-8") == (EVAL_FILES[name]).read_text(encoding="utf-8")


@pytest.mark.slow
def test_recall_and_preservation_targets(deider):
    report = evaluate(load_evalset(), deider)
    assert report.recall >= 0.99, report.missed[:10]
    assert report.preservation >= 0.95, report.clobbered[:10]
    assert report.precision >= 0.9, report.false_positives[:10]
    for lang in ("zh", "en"):
        sub = evaluate([it for it in load_evalset() if it.lang == lang], deider)
        assert sub.recall >= 0.98, (lang, sub.missed[:10])


@pytest.mark.slow
def test_presidio_research_synthetic_sample(deider, shared_data):
    """Presidio's own synthetic set: international names/addresses, so recall is lower there.

    Measured: PERSON 0.82, phones 0.97, locations 0.70 (street addresses of many countries;
    bare cities and countries outside an address are the rest), postcodes 0.62 (0.77 once
    "zip code is 35350" counted as a cue), overall 0.80
    at precision 0.91 (before: PERSON 0.76, phones 0.83, locations 0.35, overall 0.62);
    e-mail/credit card/SSN/IP/URL/dates 1.0 (bare years and weekdays are not gold: Safe Harbor
    allows them). The floors below catch regressions; `mediscope deid-eval` prints the rest.
    """
    items = presidio_research_items(shared_data / "presidio_research" / "synth_dataset_v2.first500.json")
    report = evaluate(items, deider)
    per = report.per_type
    for etype in ("EMAIL_ADDRESS", "CREDIT_CARD", "US_SSN", "IP_ADDRESS"):
        assert per[etype].recall >= 0.95, etype
    assert per["PHONE_NUMBER"].recall >= 0.93
    assert per["PERSON"].recall >= 0.8
    assert per["LOCATION"].recall >= 0.67
    assert per["ZIP_CODE"].recall >= 0.7
    assert per["DATE_TIME"].recall >= 0.9
    assert report.recall >= 0.77
    assert report.precision >= 0.88


def test_scoring_rules():
    item = EvalItem(id="x", lang="en", text="John Smith has HIV", phi=[{"start": 0, "end": 10, "type": "PERSON"}],
                    clinical=[{"start": 15, "end": 18}])
    full = score([item], [[PhiSpan(0, 10, "PERSON", 0.9, "t")]])
    assert full.recall == 1.0 and full.precision == 1.0 and full.preservation == 1.0
    partial = score([item], [[PhiSpan(0, 4, "PERSON", 0.9, "t"), PhiSpan(15, 18, "ORG", 0.9, "t")]])
    assert partial.recall == 0.0 and partial.precision == 0.5 and partial.preservation == 0.0


def test_bad_eval_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"no_text": 1}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_evalset([bad])
    with pytest.raises(FileNotFoundError):
        load_evalset([tmp_path / "missing.jsonl"])


def test_eval_files_in_common_variants(tmp_path, deider):
    variant = tmp_path / "v.json"
    variant.write_text(json.dumps([{"full_text": "Call Anna at 555-123-4567", "lang": "en",
                                    "spans": [{"start_position": 13, "end_position": 25, "entity_type": "PHONE_NUMBER"}]}]),
                       encoding="utf-8")
    items = load_evalset([variant])
    assert items[0].phi == [{"start": 13, "end": 25, "type": "PHONE_NUMBER"}]
    assert evaluate(items, deider).recall == 1.0


def test_scoring_counts_a_found_name_at_its_other_occurrences_as_replacement_does(deider):
    text = "患者张伟主诉头痛三天。昨天张伟吃完饭就吐，张伟的血压160/95。"
    gold = [{"start": i, "end": i + 2, "type": "PERSON"} for i in range(len(text)) if text.startswith("张伟", i)]
    item = EvalItem(id="x", lang="zh", text=text, phi=gold, clinical=[])

    class FirstOnly:
        """The real engine, but its detector reports only the first name it finds."""

        def analyze_batch(self, texts, lang):
            return [[s for s in spans if s.entity_type == "PERSON"][:1] for spans in deider.analyze_batch(texts, lang)]

        def propagate(self, texts, spans):
            return deider.propagate(texts, spans)

    assert evaluate([item], FirstOnly(), propagate=False).recall == pytest.approx(1 / 3)
    assert evaluate([item], FirstOnly()).recall == 1.0
    # and that is what de-identification does with the spans it found
    [first] = FirstOnly().analyze_batch([text], "zh")[0]
    result = deider.apply(text, deider.propagate([text], [[first]])[0], "zh", deider.factory_for("x"))
    assert "张伟" not in result.text


@pytest.mark.slow
def test_held_out_texts(deider):
    """Hand-written texts the rules were never tuned on (international addresses, rare surnames).

    Measured: 0.65 before the address/name work, 0.80 at its first measurement, 0.88 after later
    address-block changes driven by presidio-research misses (en 0.90, zh 0.85), 0.94 after the
    rare-character/relation-word/UK-unit rules (en 0.98, zh 0.90); precision and preservation
    1.0. Its misses (rare surnames with no cue, OCR-spaced rare surnames, "pt arjun mehta") were
    then the aim of the clause-position name rules and the English name gazetteers: 1.000 since,
    so it is no longer blind and guards against regressions only.
    """
    _assert_floors(deider, "heldout.jsonl", recall=0.98, precision=0.95, preservation=0.95)


@pytest.mark.slow
def test_second_held_out_texts(deider):
    """A second hand-written set, committed before the rules it measures were written.

    Measured: 0.78 before (en 0.84, zh 0.69; precision 0.98), 0.94 after the rare-character
    surname, 姓/叫 cue, city-name, relation-word and UK/continental postcode rules (en 0.97,
    zh 0.88; precision 0.96: 香港 on its own and a sentence-opening "Email" are the false
    positives). Preservation 1.0 both times. Its misses were printed while the rules were
    written (the rules follow the known-miss classes, but "Gardens" as a street type and the
    bare-city rule came after seeing it), so treat the gain as partly seen rather than blind.
    1.000 (precision 0.98) after the clause-position names and English gazetteers.
    """
    _assert_floors(deider, "heldout2.jsonl", recall=0.98, precision=0.95, preservation=0.95)


@pytest.mark.slow
def test_third_held_out_texts_written_blind(deider):
    """120 texts (385 PHI, 445 clinical terms) written by someone who never read the recognizers,
    then scored once before and once after a round of recall work that never saw it.

    Measured: recall 0.834 (precision 0.958, preservation 0.987) when written; 0.888 (precision
    0.960, preservation 0.987) after the clause-position Chinese names, English name/city
    gazetteers and date/address rules. Below the 0.99 target: minority and nickname Chinese names
    (次旦, 格桑梅朵, 豆豆, 阿依古丽·吐尔逊), rare surnames with no cue (禤, 眭, 钟离), ALL-CAPS
    "SURNAME,GIVEN" forms, licence plates and social handles are still missed. Its misses have
    now been seen, so it is no longer blind; the floor only guards against regressions.
    0.995 (precision 0.997, preservation 1.0) after the next round, which worked on those misses.
    """
    _assert_floors(deider, "heldout3.jsonl", recall=0.99, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_fourth_heldout_set_floors(deider):
    """140 texts (409 PHI, 529 clinical terms, 39 PHI-free), written blind like the third.

    Scored once, blind, after a round of rules written on the third set's miss classes: recall
    0.858 (0.863 counting a found name at its other occurrences), precision 0.962, preservation
    0.991. Its misses were then worked on (names after bed numbers and roles, dates with times,
    handles in Chinese script, VINs, caps forms with padded commas...): 0.983, precision 1.0,
    preservation 1.0. No longer blind; the floor guards against regressions.
    """
    _assert_floors(deider, "heldout4.jsonl", recall=0.98, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_fifth_heldout_set_floors(deider):
    """140 texts (359 PHI, 494 clinical terms, 42 PHI-free), written blind while the rules for
    the fourth set's misses were being written, and scored once after them: recall 0.936
    (characters 0.950), precision 0.973, preservation 0.986 — the current honest figure on
    unseen text, below the 0.99 target. Misses: Yi/Mongolian names with no cue (沙马拉且,
    包额尔敦), nicknames (阿华, 阿玲), relative dates (去年10月, 98年3月), villages, Indian
    addresses, ages written bare, lower-case names; false names on drug brand = generic pairs
    and herbal remedies (St John's wort, Dong quai). Now seen: the floor guards regressions.
    1.000 (precision 0.997, preservation 1.0) after the round that worked on those misses.
    Precision 0.989 since a worded date keeps its clock ("Mon 8 Dec at 14:20", the newer sets'
    convention; this set labels the day alone).
    """
    _assert_floors(deider, "heldout5.jsonl", recall=0.99, precision=0.985, preservation=0.99)


@pytest.mark.slow
def test_sixth_heldout_set_floors(deider):
    """160 texts (463 PHI, 573 clinical terms, 40 PHI-free), written blind while the fifth set's
    misses were worked on, and scored once after that round: recall 0.905 (characters 0.949),
    precision 0.966, preservation 0.991; the engine before that round scored 0.860 on it.
    Misses: names after role words (术者, 麻醉, 劳动者, 大名), Dai and Hui names, Irish and French
    compound names, bare lower-case given names after a relative, partial months (5月下旬,
    2019年底), county-town chains, UK and Pacific streets, letter-spaced record numbers. Then
    worked on: 1.000, precision 0.996, preservation 1.0. No longer blind.
    """
    _assert_floors(deider, "heldout6.jsonl", recall=0.99, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_seventh_heldout_set_floors(deider):
    """160 texts (439 PHI, 511 clinical terms, 47 PHI-free), written blind while the sixth set's
    misses were worked on, and scored once after that round: recall 0.925 (characters 0.940),
    precision 0.971, preservation 0.996 — the honest figure on unseen text now (the engine two
    rounds earlier: 0.879). Misses: names with a rare compound or Dai surname and no cue
    (赫连博, 刀玉罕), bare 老周/秀芝, lower-case given names, handles without a platform word,
    an IPv6 in Chinese text, letter-spaced dates and SSNs, neighbourhoods typed in lower case.
    Then a short round on those misses: 0.954 (precision 0.978, preservation 0.998); after the
    next rounds 0.989. No longer blind.
    """
    _assert_floors(deider, "heldout7.jsonl", recall=0.98, precision=0.98, preservation=0.99)


@pytest.mark.slow
def test_eighth_heldout_set_floors(deider):
    """120 texts (315 PHI, 271 clinical terms, 34 PHI-free), written blind while the seventh set's
    misses were worked on, and scored once after that round: recall 0.924 (characters 0.946),
    precision 0.986, preservation 1.000 (the engine three rounds earlier: 0.867). Some misses are
    boundaries: its gold keeps titles inside names ("Mrs. Nomvula Dlamini"), which the other sets
    leave out. Then worked on: 0.984 (precision 0.997). No longer blind.
    """
    _assert_floors(deider, "heldout8.jsonl", recall=0.97, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_ninth_and_tenth_heldout_set_floors(deider):
    """Two sets written blind (160 texts each; 534 and 495 PHI) while the LAC tagger, the
    institution-place policy and a round of rules went in, scored once after them: ninth 0.916
    (characters 0.942, precision 0.970; the engine before the round 0.903), tenth 0.895
    (characters 0.923, precision 0.985; before 0.877). Misses: addresses typed with spaces between
    their parts, ages whose gold includes the unit, cue-less names, lower-case US addresses,
    street corners. Then a short round on those misses: 0.940 and 0.929. No longer blind.
    """
    _assert_floors(deider, "heldout9.jsonl", recall=0.96, precision=0.96, preservation=0.99)
    _assert_floors(deider, "heldout10.jsonl", recall=0.95, precision=0.98, preservation=0.98)


@pytest.mark.slow
def test_eleventh_heldout_set_floors(deider):
    """160 texts (455 PHI, 385 clinical terms, 42 PHI-free), written blind during the short round
    on the ninth and tenth sets and scored once after it: recall 0.949 (characters 0.970),
    precision 0.991, preservation 0.995 (the engine at the start of those rounds: 0.936; the round
    itself added nothing on this set). Misses: names with no cue (钟慧, 段正淳) or a compound
    surname (贺兰明月, 申屠 亮), a Uyghur name, a street crossing, lower-case "jake o'neill",
    "Tanaka, Haruto", a pipe-separated birth date. Worked on since: 1.000.
    """
    _assert_floors(deider, "heldout11.jsonl", recall=0.99, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_twelfth_and_thirteenth_heldout_set_floors(deider):
    """Two sets written blind (160 texts each; 493 and 472 PHI), scored once after a round of
    rules: twelfth 0.919 (characters 0.938, precision 0.976), thirteenth 0.892 (characters 0.919,
    precision 0.968; the engine before the round 0.913 and 0.888). Misses: OCR-spaced names,
    names that are ordinary words, lower-case chat names and towns, "Town, ST", rural addresses,
    ids after labels. Then a short round on them: 0.931 and 0.903, precision 0.998 and 0.991; after
    the next two rounds 0.994 and 0.983.
    """
    _assert_floors(deider, "heldout12.jsonl", recall=0.99, precision=0.99, preservation=0.99)
    _assert_floors(deider, "heldout13.jsonl", recall=0.98, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_fourteenth_heldout_set_floors(deider):
    """160 texts (485 PHI, 377 clinical terms, 40 PHI-free), written blind during the short round
    on the twelfth and thirteenth sets and scored once after it: recall 0.915 (characters 0.944),
    precision 0.987, preservation 0.997 (zh 0.915, en 0.916; the engine at the start of those rounds:
    0.903). Misses: a surname alone (蹇, 庹, 晏), Mongolian names, names that are words (高山, 林立),
    a Hong Kong address, a Minguo date, lower-case chat names, Welsh and Canadian rural addresses,
    record numbers of unusual shape (RX8 44102, LUTH/22/0918). Worked on since: 0.994.
    """
    _assert_floors(deider, "heldout14.jsonl", recall=0.99, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_fifteenth_heldout_set_floors(deider):
    """160 texts (522 PHI, 366 clinical terms, 44 PHI-free), written blind during the round on the
    twelfth to fourteenth sets and scored once after it: recall 0.900 (characters 0.933), precision
    0.964, preservation 0.984 (zh 0.901, en 0.900; the engine at the start of that round 0.893, two
    rounds earlier 0.881). Misses: names that are ordinary words (高兴, 夏天, 黎明, 江河), pet names
    and @-handles in group chats, OCR letters for digits (l38 OO2l 7765, 5O3-7l-2248), Scottish,
    Irish, Māori and Ghanaian addresses, ages whose gold keeps the unit; eponyms before a disease
    word were replaced (Ewing sarcoma, Pancoast tumor, Baker's cyst). Worked on since: 0.979,
    precision 0.994, preservation 1.000; after the next round 0.992.
    """
    _assert_floors(deider, "heldout15.jsonl", recall=0.99, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_sixteenth_heldout_set_floors(deider):
    """160 texts (533 PHI, 556 clinical terms, 41 PHI-free), written blind during the round on
    fresh dev sets (dev_zh10, dev_en13) and scored once after it: recall 0.861 (characters 0.914),
    precision 0.970, preservation 0.995 (zh 0.835, en 0.886) -- the same recall as the engine at the
    start of that round. Misses: OCR letters in ages, dates and phones (9l岁, 6l7-38O-2297), worded
    ages over 89 (90余岁, 虚岁九十八), pinyin and pet names in Chinese chats, rare surnames (母, 仝),
    hospital names the writer counted as places, Native and Indian addresses; clinical words taken
    for places or people (Melanoma, Ventricular tachycardia, Prolastin). Worked on since: 0.944,
    precision 0.990, preservation 1.000.
    """
    _assert_floors(deider, "heldout16.jsonl", recall=0.94, precision=0.98, preservation=0.99)


@pytest.mark.slow
def test_seventeenth_heldout_set_floors(deider):
    """120 texts (373 PHI, 181 clinical terms, 30 PHI-free), written blind at the end of the
    rounds on the sixteenth set and scored once, not worked on: recall 0.909 (characters 0.935),
    precision 0.994, preservation 1.000 (zh 0.894, en 0.924; the engine before the four rounds of
    that landing 0.901). Of its 34 misses, 9 are relative days with no calendar date (上周五, last
    Monday, Thanksgiving) and 5 are ages over 89 whose number was replaced but whose gold keeps the
    unit (93 years old); the rest: OCR letters (l36-O2l8-7745, Ch3lsea, 9l), chat handles, Mongolian
    names with a dot, a clinic's name with its address, bare record numbers. Worked on since
    (twentieth round): 0.954, precision 0.995.
    """
    _assert_floors(deider, "heldout17.jsonl", recall=0.95, precision=0.99, preservation=0.99)


@pytest.mark.slow
def test_eighteenth_heldout_set_floors(deider):
    """140 texts (441 PHI, 339 clinical terms, 25 PHI-free), written blind while the recognizer
    modules were split and a round ran on two fresh dev sets (dev_zh11, dev_en14) and heldout17;
    scored once after that round: recall 0.893 (characters 0.942), precision 0.972, preservation
    0.982 (zh 0.882, en 0.904); the engine at the start of the round 0.889. Misses: chat nicknames
    (小雨妈妈, 阳光老李, 向日葵姐姐, jess), surname + kin word (覃阿婆, 胡阿姨), Hong Kong estates
    and romanised names, letter-spaced OCR'd names and streets, ids after unusual labels; clinical
    eponyms and lab values taken for PHI (Hx Hodgkin's, Duchenne, Hb 102 g/L). Worked on since
    (a short round, then a round with two fresh dev sets): 0.980, precision 0.991, preservation
    1.000. Labels aligned with the older sets on the way (a surname and a form of address is the
    surname alone, 覃阿婆 → 覃; a chat writer's name is labelled at each mention): 441 → 444 PHI.
    """
    # (precision 0.99 until an appointment's day took its "at 9:30" time too: the set labels "Mar 24" alone)
    _assert_floors(deider, "heldout18.jsonl", recall=0.97, precision=0.98, preservation=0.99)


@pytest.mark.slow
def test_nineteenth_heldout_set_floors(deider):
    """140 texts (428 PHI, 503 clinical terms, 19 PHI-free), written blind while a round ran on
    two fresh dev sets (dev_zh12, dev_en15) and heldout18; scored once after that round: recall
    0.897 (characters 0.939), precision 0.990, preservation 0.998 (zh 0.886, en 0.908); the
    engine at the start of the round 0.883. A quarter of the misses are chat speakers' screen
    names (阳光小雨, 风中的蒲公英, Tina B, Jess 🌸, lxd_rad2021: handles 0.39), then chat-log
    day/month + clock stamps (10/3 08:12), names with no cue (宋佳, 于海洋, jake), a surname and
    a kin word (龙叔, 任姐), Singapore blocks. Worked on since (one short round): 0.946,
    precision 0.995, preservation 1.000. One label aligned (社区医生小夏： → 小夏).
    """
    _assert_floors(deider, "heldout19.jsonl", recall=0.94, precision=0.99, preservation=0.99)



@pytest.mark.slow
def test_twentieth_and_twenty_first_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (439 and 448 PHI), written while a round ran on two fresh
    dev sets (dev_zh13, dev_en16); scored once after that round: recall 0.900 and 0.904
    (characters 0.928, 0.927), precision 0.983 and 0.991; the engine at the round's start 0.888
    and 0.902. Misses: chat labels (Latin names in Chinese chats, handles with a place or a note),
    Singapore housing blocks, addresses typed with spaced numbers, a surname alone on slips,
    record numbers in table columns. Worked on since (one short round): 0.970 and 0.973,
    precision 0.989 and 0.998, preservation 0.994 and 0.995.
    """
    _assert_floors(deider, "heldout20.jsonl", recall=0.97, precision=0.98, preservation=0.99)
    _assert_floors(deider, "heldout21.jsonl", recall=0.97, precision=0.99, preservation=0.99)


def test_twenty_second_and_twenty_third_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (479 and 480 PHI), written outside the repository while a
    round ran on two fresh dev sets (dev_zh14, dev_en17); scored once after that round, rules
    alone: recall 0.942 and 0.829 (characters 0.950, 0.899), precision 0.952 and 0.948, kept 0.993
    and 0.990 (the engine at the round's start: 0.942 and 0.827). The twenty-third leans on Hong
    Kong, Taiwan and Singapore Chinese (zh 0.779) and British, Irish, Australian and Indian English
    (en 0.878). Worked on since (one short round): 0.946 and 0.885, precision 0.961 and 0.950,
    kept 0.993 and 0.990. With the trained tagger: see tests/deid/test_trained_ner.py."""
    # (precision 0.96 until an appointment's day took its "at 9am" time too: "fri 10/25" is labelled alone)
    _assert_floors(deider, "heldout22.jsonl", recall=0.94, precision=0.95, preservation=0.99)
    _assert_floors(deider, "heldout23.jsonl", recall=0.88, precision=0.95, preservation=0.99)


def test_twenty_fourth_and_twenty_fifth_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (479 and 450 PHI), written outside the repository before a
    round on speech (dev_zh15, dev_en18); scored once after that round, rules alone: recall 0.931
    and 0.893 (characters 0.950, 0.930), precision 0.968 and 0.969, kept 0.998 and 0.993 (the engine
    at the round's start: 0.931 and 0.889). The twenty-fourth leans on documents and OCR'd forms
    (zh 0.942, en 0.919), the twenty-fifth on speech and chat (zh 0.883, en 0.903). Worked on since
    (one short round on spoken addresses and dates): 0.931 and 0.900. With the trained tagger: see
    tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout24.jsonl", recall=0.93, precision=0.96, preservation=0.99)
    _assert_floors(deider, "heldout25.jsonl", recall=0.90, precision=0.96, preservation=0.99)


def test_twenty_sixth_and_twenty_seventh_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (481 and 484 PHI), written outside the repository and scored
    once on the engine as it stood, before anyone read them, rules alone: recall 0.881 and 0.919
    (characters 0.926, 0.950), precision 0.955 and 0.953, kept 0.986 and 0.995. The twenty-sixth
    leans on hospital work notes (handovers, nursing, triage, pharmacy, psychiatric notes; zh 0.892,
    en 0.873), the twenty-seventh on text by or for patients and families (letters, forums,
    fundraising appeals, sick notes, obituaries; zh 0.894, en 0.942). Worked on since (one round on
    ward lists, forms, bookings, chat labels and forum posters): 0.940 and 0.948, precision 0.958 and 0.954. With
    the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout26.jsonl", recall=0.93, precision=0.95, preservation=0.98)
    _assert_floors(deider, "heldout27.jsonl", recall=0.94, precision=0.95, preservation=0.99)


def test_twenty_eighth_and_twenty_ninth_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (497 and 499 PHI), written outside the repository and scored
    once before anyone read them, rules alone: recall 0.897 and 0.830 (characters 0.927, 0.891),
    precision 0.949 and 0.957, kept 0.994 and 0.989 (the engine at the session's start: 0.895 and
    0.824). The twenty-eighth leans on clinical paperwork (referral letters, discharge summaries,
    prescriptions, lab and imaging reports, certificates, claims, OCR'd forms; zh 0.894, en 0.900),
    the twenty-ninth on conversations (consultation apps, family and patient groups, transcribed
    calls, portal messages, forums, code-switching; zh 0.798, en 0.863). Worked on since (one round on
    screen names, chat exports, names in capitals, nicknames in brackets, forms, identifiers and
    timestamps): 0.950 and 0.880, precision 0.953 and 0.969. With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout28.jsonl", recall=0.94, precision=0.945, preservation=0.99)
    _assert_floors(deider, "heldout29.jsonl", recall=0.87, precision=0.96, preservation=0.98)


def _assert_floors(deider, name: str, *, recall: float, precision: float, preservation: float) -> None:
    """Score one of the hand-written sets in tests/deid/data against its floors."""
    from pathlib import Path

    report = evaluate(load_evalset([Path(__file__).parent / "data" / name]), deider)
    assert report.recall >= recall, report.missed
    assert report.precision >= precision, report.false_positives
    assert report.preservation >= preservation, report.clobbered


def test_thirtieth_and_thirty_first_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (519 and 491 PHI), written outside the repository from a
    conventions brief and scored once before anyone read them, rules alone: recall 0.738 and 0.809
    (characters 0.789, 0.872), precision 0.942 and 0.976, kept 0.977 and 0.993 (the engine at the
    session's start: 0.736 and 0.809). The thirtieth is text out of images and small print
    (wristbands, tube and pharmacy labels, DICOM headers, card scans, slips, receipts, waybills,
    vaccination booklets, app screenshots; heavy OCR noise; zh 0.730, en 0.748), the thirty-first
    narrative prose about people (case, family and social histories, pedigrees, statements, diaries,
    care-home logs; zh 0.713, en 0.903). Worked on since (one round: OCR'd numbers read back, printed
    layouts, family words before given names, schedule dates, overseas towns): 0.929 and 0.870,
    precision 0.962 and 0.978. With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout30.jsonl", recall=0.92, precision=0.955, preservation=0.97)
    _assert_floors(deider, "heldout31.jsonl", recall=0.86, precision=0.97, preservation=0.99)


def test_thirty_second_and_thirty_third_heldout_set_floors(deider):
    """Two blind sets of 140 texts each (1,059 and 952 PHI), written outside the repository from a
    conventions brief and scored once before anyone read them, rules alone: recall 0.872 and 0.897
    (zh 0.861 / en 0.881 and zh 0.872 / en 0.918), precision 0.973 and 0.961, kept 0.997 and 1.000 (the
    engine at the session's start the same). The thirty-second is records in transit (e-mails,
    handovers, pager and SMS text, HL7 v2 and FHIR exports, CSV and TSV rows, audit logs, tickets, call
    transcripts), the thirty-third clinical text from many regions with the names people really have
    (Hong Kong, Macau and Taiwan records, minority, Japanese, Korean and romanised names in Chinese;
    English records from twenty countries). Worked on since (one round: machine records read by
    position and key, address tails, Taiwan's slash dates, compound surnames, particle surnames,
    facilities named after people, eight-digit phones, chat labels, Japanese names, numbers read out
    with their dashes): 0.939 and 0.935, precision 0.975 and 0.971. With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout32.jsonl", recall=0.93, precision=0.97, preservation=0.99)
    _assert_floors(deider, "heldout33.jsonl", recall=0.925, precision=0.965, preservation=0.99)


def test_thirty_fourth_to_thirty_sixth_heldout_set_floors(deider):
    """Three blind sets of 140 texts each (1,018, 581 and 885 PHI), written outside the repository from a
    conventions brief and scored once before anyone read them, rules alone: recall 0.779, 0.898 and 0.759
    (zh 0.759 / en 0.799, zh 0.894 / en 0.903, zh 0.746 / en 0.773), precision 0.970, 0.978 and 0.936.
    The thirty-fourth and thirty-sixth are research and public-health paperwork by two writers (trial
    CRFs, SAE narratives, consent signature blocks, EDC queries, epidemiological traces and
    close-contact lists, registries, biobank manifests, outbreak line lists), the thirty-fifth specialty
    and allied-health clinics (obstetric, neonatal, dental, eye, hearing, rehabilitation, dialysis, IVF,
    transplant, occupational check-ups). One round worked on the thirty-fourth and thirty-fifth (subject,
    sample and site codes, initials, what found codes and dates vouch for, EDC logins, trace venues and
    roads, a chat's other speakers): 0.923 and 0.952, precision 0.975 and 0.979. The thirty-sixth was
    not read (one diff listing showed the values of spans newly found on it, not its texts or misses):
    it measures how far that round carries to unseen text of its genre, 0.759 -> 0.841, precision 0.940.
    With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout34.jsonl", recall=0.92, precision=0.97, preservation=0.99)
    _assert_floors(deider, "heldout35.jsonl", recall=0.95, precision=0.975, preservation=0.99)
    # (precision 0.934 after the round on heldout40/41, whose codes and surnames it could not be read for)
    _assert_floors(deider, "heldout36.jsonl", recall=0.84, precision=0.93, preservation=0.98)


def test_thirty_seventh_to_thirty_ninth_heldout_set_floors(deider):
    """Three blind sets of 140 texts each (1,185, 908 and 1,012 PHI), written outside the repository from a
    conventions brief and scored once before anyone read them, rules alone: recall 0.933, 0.865 and 0.895
    (zh 0.906 / en 0.956, zh 0.845 / en 0.884, zh 0.878 / en 0.913), precision 0.954, 0.976 and 0.960.
    The thirty-seventh and thirty-ninth are insurance, legal and compensation paperwork by two writers
    (claims and adjusters' notes, work-injury and disability assessments, court-commissioned appraisals,
    lawyers' letters, IME reports, subpoenas, fundraising pages, depositions), the thirty-eighth emergency
    and remote care (dispatch logs, run sheets, ED handovers, poison-centre calls, internet-hospital chats,
    nursing-home and hospice notes). One round worked on the thirty-seventh and thirty-eighth (court,
    appraisal and docket numbers, badges, highway and roadside scenes, parties and kin before names, log
    lines' dates, portal logins, residents' rooms, a timed consultation chat's patients): 0.978 and 0.961,
    precision 0.954 and 0.977. The thirty-ninth was not read (its writer's report quoted three of its records): it measures how far that
    round carries to unseen text of its genre, 0.895 -> 0.915, precision 0.960 (0.900 -> 0.919 without
    the three quoted records). With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout37.jsonl", recall=0.975, precision=0.95, preservation=0.99)
    _assert_floors(deider, "heldout38.jsonl", recall=0.955, precision=0.97, preservation=0.98)
    _assert_floors(deider, "heldout39.jsonl", recall=0.91, precision=0.955, preservation=0.99)


def test_fortieth_to_forty_second_heldout_set_floors(deider):
    """Three blind sets of 140 texts each (3,011, 2,081 and 2,442 PHI), written outside the repository from a
    conventions brief and scored once before anyone read them, rules alone: recall 0.826, 0.852 and 0.862
    (zh 0.782 / en 0.859, zh 0.833 / en 0.869, zh 0.818 / en 0.899), precision 0.906, 0.901 and 0.953. The
    fortieth is mental-health and social-work files (admissions and holds, crisis lines, safeguarding and
    child-protection referrals, guardianship, methadone clinics, peer groups), the forty-first pharmacy,
    vaccination, school and occupational-health paperwork, the forty-second genetics and pathology reports
    and patients in public (crowdfunding, news, obituaries, prayer lists; twenty Traditional Chinese
    records). Their writers label schools, employers and pharmacies with their place, not batch numbers;
    precision counts that. One round worked on the fortieth and forty-first (dash-joined case codes,
    nicknames and handles in quotes, staff signing with the surname alone, schools and communities after
    their place, rooms of a block, workplace and college numbers, employers with their place; then pupils
    after their class, surnames before the full name in brackets, group chats' members, towns after their
    district, venues, short dates after a meeting or a plan, care-file fields): 0.896 and 0.910. The
    forty-second, of another genre, was not read: 0.862 -> 0.875. With the trained tagger: see
    tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout40.jsonl", recall=0.89, precision=0.905, preservation=0.995)
    _assert_floors(deider, "heldout41.jsonl", recall=0.905, precision=0.895, preservation=0.98)
    _assert_floors(deider, "heldout42.jsonl", recall=0.87, precision=0.95, preservation=0.995)


def test_forty_third_to_forty_sixth_heldout_set_floors(deider):
    """Four blind sets of 140 texts each (3,122, 1,916, 1,661 and 1,857 PHI), written outside the repository
    from the conventions brief. The forty-third is home-care and hospice logs, telemedicine transcripts,
    insurance call-centre notes and palliative family meetings; the forty-fourth military and prison health,
    travel and refugee screening, radiology and lab orders, mining and factory injuries; the forty-fifth Hong
    Kong and Taiwan clinics in Traditional Chinese, rabies and zoonosis, e-prescription platforms, sports
    medicine and UK, Australian, Indian and Canadian records; the forty-sixth IVF labs, dialysis run sheets,
    transplant coordination, blood donation and aesthetic clinics. First sight, rules alone: 0.856, 0.818 and
    0.865 (the forty-sixth, written during the round, 0.808 on the engine after its first two passes),
    precision 0.978, 0.943, 0.947 and 0.958. One round worked on the forty-third and forty-fourth (rotas'
    shift slots, carers' log lines with their staff numbers, speakers named in brackets, call-centre and
    custody roles as cues, staff, agent, custody and service numbers, screen names of video visits, housing
    units, named prisons and bases, workplaces after their label, document numbers of the 字第…号 form, police
    plates, chat exports' authors, tables set with spaces): 0.929 and 0.879. The forty-fifth and forty-sixth were not read: 0.866 and
    0.808. With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout43.jsonl", recall=0.925, precision=0.975, preservation=0.995)
    _assert_floors(deider, "heldout44.jsonl", recall=0.87, precision=0.94, preservation=0.995)
    _assert_floors(deider, "heldout45.jsonl", recall=0.86, precision=0.945, preservation=0.98)
    _assert_floors(deider, "heldout46.jsonl", recall=0.80, precision=0.955, preservation=0.98)


def test_forty_seventh_to_forty_ninth_heldout_set_floors(deider):
    """Three blind sets of 140 texts each (1,759, 1,532 and 2,134 PHI), written outside the repository from the
    conventions brief. The forty-seventh is teledermatology photo consults with their metadata, eye clinics,
    school nurses and paediatric growth records, dental labs and orthodontics; the forty-eighth care homes'
    handovers, ambulance and disaster triage, Chinese medicine clinics and maternal and child health booklets;
    the forty-ninth prior authorisation appeals, coroners' and forensic reports, involuntary admission papers,
    genetic pedigrees and travel vaccination. First sight, rules alone: 0.885, 0.807 and 0.888, precision 0.933,
    0.931 and 0.948. One round worked on the forty-seventh and forty-eighth (care homes, communities and rooms,
    signers of dockets and shift notes, photo timestamps and GPS positions, dotted serials and UDI strings, row
    tags of triage sheets, signer columns in both languages, lunar and numbered-visit dates, names and ages by
    their row or bracket, schools with a class, quoted nicknames, logins as key=value): 0.917 and 0.871. The
    forty-ninth was not read: 0.889. With the trained tagger: see tests/deid/test_trained_ner.py."""
    _assert_floors(deider, "heldout47.jsonl", recall=0.91, precision=0.93, preservation=0.98)
    _assert_floors(deider, "heldout48.jsonl", recall=0.865, precision=0.93, preservation=0.975)
    _assert_floors(deider, "heldout49.jsonl", recall=0.885, precision=0.945, preservation=0.99)
