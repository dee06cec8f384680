"""The fast detection path finds exactly what a plain Presidio loop finds.

Every speed-up of `Deidentifier.analyze_batch` (batched NER on the lines that need it, no
shared tok2vec, entity and literal pre-filters, the process pool) must leave the spans alone.
The reference is `AnalyzerEngine.analyze` called per text over the same recognizers with the
stock spaCy pipeline, on the shipped evaluation set and on real consultation text.
"""

from __future__ import annotations

import pytest
import regex

from mediscope.deid.recognizers.base import Rule, literal_prefilters


def _keys(spans_per_text):
    return [[(s.start, s.end, s.entity_type) for s in spans] for spans in spans_per_text]


def _orphaned(deider, texts: list[str], lang: str) -> set[int]:
    """Texts on which a registered recognizer returns a result stamped with ANOTHER recognizer's
    id (one it runs inside itself). `AnalyzerEngine` silently drops such results in its context
    step, so there the plain Presidio path loses findings the engine keeps."""
    from presidio_analyzer import RecognizerResult

    recognizers = deider._pipe(lang).analyzer.registry.recognizers
    ids = {r.id for r in recognizers}
    out = set()
    for i, text in enumerate(texts):
        for rec in recognizers:
            for r in rec.analyze(text, rec.supported_entities, None) or ():
                if (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, rec.id) not in ids:
                    out.add(i)
    return out


def _assert_same(deider, texts: list[str], lang: str) -> None:
    """Fast path == plain Presidio, text by text."""
    fast = _keys(deider.analyze_batch(texts, lang))
    slow = _keys(deider.analyze_with_presidio(texts, lang, stock=True))
    differ = [i for i in range(len(texts)) if fast[i] != slow[i]]
    assert not differ, [(texts[i][:80], fast[i], slow[i]) for i in differ[:5]]


def _real_texts(root, n: int) -> list[str]:
    """Turns and reports of the public consultation samples, read with the project's readers."""
    from mediscope.io.registry import make_reader
    from mediscope.record import Record

    sources = [("cmtmedqa", "zhongjing_cmtmedqa/CMtMedQA_test.sample.json"), ("disc", "disc_medllm/test_examples.jsonl"),
               ("meddialog", "huatuogpt_eval/Med-dialog_100.json"), ("bianque", "bianque/cMedialog_example.csv"),
               ("cmdd", "toyhom_cmdd/样例_内科5000-6000.head.gb18030.csv")]
    texts: list[str] = []
    for name, rel in sources:
        path = root / rel
        if path.exists():
            recs = [r for r in make_reader(name, str(path)) if isinstance(r, Record)]
            texts += [t for r in recs for _, t in r.texts() if t.strip()][: n // len(sources)]
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_batch_path_equals_plain_presidio_on_the_eval_set(deider, lang):
    from mediscope.deid.evaluation import load_evalset

    texts = [it.text for it in load_evalset() if it.lang == lang]
    assert sum(map(len, deider.analyze_batch(texts, lang))) > 100  # dense with PHI: real findings compared
    _assert_same(deider, texts, lang)


@pytest.mark.slow
def test_batch_path_equals_plain_presidio_on_real_text(deider, shared_data):
    texts = _real_texts(shared_data, 400)
    if len(texts) < 50:
        pytest.skip("public consultation samples not available")
    synth = shared_data / "presidio_research" / "synth_dataset_v2.first500.json"
    english = []
    if synth.exists():
        import json

        english = [row["full_text"] for row in json.loads(synth.read_text(encoding="utf-8"))[:80]]
    for lang, sample in (("zh", texts), ("en", texts[:100] + english)):
        _assert_same(deider, sample, lang)


def test_recognizer_results_carry_their_own_identifier(deider):
    """A recognizer that runs another inside itself must re-stamp the results with its own id:
    `AnalyzerEngine` silently drops results whose id is not a registered recognizer's, so the
    plain Presidio path would lose findings the engine keeps (the equivalence tests above fail)."""
    from mediscope.deid.evaluation import load_evalset

    texts = [it.text for it in load_evalset()] + ["我叫司马云，今年24岁，空腹血糖7.8mmol/L。"]
    for lang in ("zh", "en"):
        assert not _orphaned(deider, texts, lang), lang


def test_literal_prefilters_never_reject_a_text_the_rule_matches(deider):
    """For every rule of both languages: a text its pattern matches always passes its pre-filter."""
    from mediscope.deid.evaluation import load_evalset
    from mediscope.deid.normalize import normalize

    texts = [normalize(it.text) for it in load_evalset()]
    texts += ["ＭＲＮ：１２３４５６７８", "K1 kelvin sign", "mrn 1234567", "Ｍrn 99", "住 院 号 123456"]
    checked = skipped = 0
    for lang in ("zh", "en"):
        for rec in deider._pipe(lang).analyzer.registry.recognizers:
            for rule in getattr(rec, "rules", []):
                for text in texts:
                    ok = rule.can_match(text)
                    skipped += not ok
                    checked += 1
                    if not ok:
                        assert rule.compiled.search(text) is None, (rec.name, rule.name, text)
    assert skipped > checked // 4  # the pre-filters do skip work


def test_literal_prefilter_derivation():
    cued = literal_prefilters(r"(?:住院号|门诊号)[\s:：]*(?P<phi>\d{6,10})", 0)
    assert len(cued) == 1 and cued[0][1] == frozenset("住门")  # first characters, then the strings
    assert cued[0][2].search("门诊号123456") and not cued[0][2].search("住院三天")
    # required parts of a sequence all count; optional ones do not
    assert {c[1] for c in literal_prefilters(r"(?:省)?[^我]{1,8}?市[^我]{1,8}?(?:区|县)", 0)} == \
        {frozenset("市"), frozenset("区县")}
    # equal requirements of different rules are one check object (their result is shared per text)
    assert literal_prefilters(r"市\d", 0)[0] is literal_prefilters(r"[市]x?", 0)[0]
    assert literal_prefilters(r"(?:ab)?\d+", 0) == ()
    # an alternative without a literal voids the alternation's requirement
    assert literal_prefilters(r"(?:路|\d)x?", 0) == ()
    # patterns the standard parser would read differently get no pre-filter
    for pattern in (r"[[:alpha:]]+号", r"(?:号码){e<=1}", r"(?i)mrn", r"\p{Han}+号"):
        assert literal_prefilters(pattern, 0) == (), pattern
    assert literal_prefilters(r"abc", regex.VERSION1) == ()


def test_case_insensitive_rules_shortcut_letters_only_where_folding_is_plain():
    rule = Rule("t", "ID_NUMBER", r"mrn\s*(?P<phi>\d+)", 0.9)  # IGNORECASE by default
    assert rule.can_match("MRN 123") and rule.can_match("Mrn: 5")
    assert not rule.can_match("record 123")
    assert not rule.can_match("病历号 123") and rule.can_match("患者 MRN 123")  # Chinese text too
    # U+017F LONG S matches s and U+0130 matches i, though they do not lower-case to them
    for pattern, text in ((r"ssn\d", "\u017fsn1"), (r"id\d", "\u0130d1"), (r"k\d", "\u212a1")):
        rule = Rule("f", "ID_NUMBER", pattern, 0.9)
        assert rule.compiled.search(text) and rule.can_match(text), pattern
    cjk = Rule("c", "ID_NUMBER", r"住院号\s*(?P<phi>\d+)", 0.9)
    assert cjk.can_match("住院号 1") and not cjk.can_match("住院 1")


@pytest.mark.slow
def test_pool_with_inherited_engine_equals_single_process(deider):
    from mediscope.deid.evaluation import load_evalset
    from mediscope.deid.parallel import ParallelAnalyzer

    items = load_evalset()
    texts = [it.text for it in items][:120]
    with ParallelAnalyzer(workers=2, deidentifier=deider, min_chunk=8) as pa:
        pooled = pa.analyze(texts, "auto")
        assert pa.worker_cpu > 0
    assert _keys(pooled) == _keys(deider.analyze_batch(texts, "auto"))


def test_pool_worker_warms_its_engine_on_shipped_texts_of_each_language(monkeypatch):
    """A worker's initializer runs evaluation texts through its engine before taking work."""
    from mediscope.deid import parallel

    seen: list[tuple[str, int, bool]] = []

    class Recorder:
        def analyze_batch(self, texts, lang):
            from mediscope.deid.normalize import has_cjk

            seen.append((lang, len(texts), all(has_cjk(t) == (lang == "zh") for t in texts)))
            return [[] for _ in texts]

    monkeypatch.setattr(parallel, "_WORKER", parallel._WORKER)  # restored after the test
    monkeypatch.setattr(parallel, "_INHERIT", Recorder())
    monkeypatch.setattr(parallel, "gc", type("G", (), {"freeze": staticmethod(lambda: None)}))
    parallel._init({}, ("zh", "en"), 7)
    assert seen == [("zh", 7, True), ("en", 7, True)]
    seen.clear()
    parallel._init({}, ("en",), 0)
    assert seen == []


def test_engine_skips_a_recognizer_whose_gate_says_no(deider, monkeypatch):
    text = "患者张伟，男，45岁，头痛三天。"
    assert any(s.entity_type == "PERSON" for s in deider.analyze_text(text, "zh"))
    names = [r for r in deider._pipe("zh").analyzer.registry.recognizers if "PERSON" in r.supported_entities]
    asked: list[str] = []
    for rec in names:
        monkeypatch.setattr(rec, "can_match", lambda t: asked.append(t) or False, raising=False)
    assert not any(s.entity_type == "PERSON" for s in deider.analyze_text(text, "zh"))
    assert asked and all(t == text for t in asked)


def test_unicode_tables_behind_the_prefilters():
    """The digit class covers every `str.isdigit()` character, and FOLD_SPECIALS lists every
    non-ASCII character that `regex` IGNORECASE matches to an ASCII letter it does not lower to."""
    from mediscope.deid.normalize import DIGIT_RE
    from mediscope.deid.recognizers.base import FOLD_SPECIALS

    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert all(DIGIT_RE.match(ch) for ch in chars if ch.isdigit())
    letter = regex.compile("[a-z]", regex.IGNORECASE)
    specials = {ch for ch in chars if not ch.isascii() and letter.fullmatch(ch)
                and ch.lower() not in "abcdefghijklmnopqrstuvwxyz"}
    assert specials <= FOLD_SPECIALS


def test_prefix_gate_is_a_necessary_condition():
    from mediscope.deid.recognizers.base import PrefixGate

    names = ["杭州", "南宁", "乌鲁木齐", "长春"]
    gate = PrefixGate(names)
    pattern = regex.compile("(?:" + "|".join(names) + ")+")
    texts = ["我在杭州上班", "广西南宁人", "头痛三天", "乌鲁木齐市", "长期服药", "杭", "", "ＡＢ长春"]
    for text in texts:
        if pattern.search(text):
            assert gate(text), text
    assert not gate("头痛三天") and not gate("杭") and not gate("")
    assert not gate("长期服药") and gate("长春新碱")  # the gate passes a drug too; the recognizer decides
    assert PrefixGate(["市", "县城"])("到县里")  # one-character words: any first character
