"""Identifiers, dates and phones that OCR wrote with letters for digits (recognizers/ocr_folded.py),
in both languages: the fold keeps every offset, reads back only number-like tokens, and the engine
finds what the plain rules find once the digits are read back. The values are found in no data file."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.recognizers.ocr_folded import ocr_fold


def _found(text: str, lang: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestFold:
    @pytest.mark.parametrize("text, folded", [
        ("call l86 O2l7 S5O9 now", "call 186 0217 5509 now"),
        ("NRIC: S4Sl2O87J", "NRIC: S4512087J"),  # the id's letter prefix and check letter stay
        ("HKID Y4O3217(5)", "HKID Y403217(5)"),
        ("Ex: MR2603l5OO21", "Ex: MR2603150021"),
        ("GSM O7O6 811", "GSM 0706 811"),  # no id begins with O
        ("1 3 6 - 0 2 2 7 - 4 1 9 S", "1 3 6 - 0 2 2 7 - 4 1 9 5"),
    ])
    def test_number_like_tokens_are_read_back_in_place(self, text, folded):
        assert ocr_fold(text) == folded
        assert len(folded) == len(text)

    @pytest.mark.parametrize("text", [
        "COVID-19 swab negative", "T2DM on SGLT2i", "SpO2 94% on 2L", "S1 S2 normal, no S3",
        "IgG 12 g/L, lol", "code 2026-IO-OO", "At 2 I went home",
        "call me at 0494 92 82 32 I'd like to", "rooms 12 14 I think",
    ])
    def test_words_codes_and_clinical_shorthand_stay(self, text):
        assert ocr_fold(text) is None


class TestOcrNumbers:
    @pytest.mark.parametrize("text, lang, value", [
        ("Hosp No KQ7 O5l286", "en", "KQ7 O5l286"),
        ("Medicare 3l84 6O2l9 1-2", "en", "3l84 6O2l9 1-2"),
        ("ring her son on O7812 4O6 l93", "en", "O7812 4O6 l93"),
        ("ID No: 79O3l5S2O4O88", "en", "79O3l5S2O4O88"),
        ("home monitor IP 81.14O.2.l7", "en", "81.14O.2.l7"),
        ("Admitted O9-APR-2O26", "en", "O9-APR-2O26"),
        ("GMS No: 7l6S224B", "en", "7l6S224B"),
        ("身分證:F12O3S8829", "zh", "F12O3S8829"),
        ("电话：139 0S71 44O2", "zh", "139 0S71 44O2"),
        ("邮编 51O6OO", "zh", "51O6OO"),
        ("血液透析机 SN:4l7730B", "zh", "4l7730B"),
        ("收件人 庞女士 1 5 8 - 2 0 3 3 - 7 6 1 S", "zh", "1 5 8 - 2 0 3 3 - 7 6 1 S"),
    ])
    def test_a_value_with_ocr_letters_is_found(self, text, lang, value):
        assert value in _found(text, lang), _found(text, lang)

    @pytest.mark.parametrize("text, lang", [
        ("ICD-10 E11.9，SNOMED 44054006。", "zh"),
        ("COVID-19 PCR on 2 occasions, SpO2 95%, T2DM", "en"),
        ("Lot 2O26-13-O9 on the box", "en"),
    ])
    def test_codes_and_shorthand_give_no_identifier(self, text, lang):
        found = [(s.entity_type, text[s.start : s.end]) for s in deidentify_text(text, lang).spans]
        assert not [v for t, v in found if t != "DATE_TIME"] and not [v for t, v in found if "13" in v], found
