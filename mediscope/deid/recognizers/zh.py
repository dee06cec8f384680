"""Chinese PHI recognizers: identifiers by pattern + checksum, names by surname + cue + jieba.

This module only assembles them (`build_zh_recognizers`; their order there decides between
overlapping spans). Each family lives in its own module: zh_identifiers, zh_dates, zh_addresses,
zh_places, zh_person (cue names), zh_names (clause names), zh_tables and zh_ner, with what several
of them share in zh_patterns.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from mediscope.deid.recognizers.base import RegexRecognizer
from mediscope.deid.recognizers.zh_addresses import address_rules
from mediscope.deid.recognizers.zh_dates import zh_date_age_rules
from mediscope.deid.recognizers.zh_identifiers import OcrFoldedRecognizer, zh_identifier_rules
from mediscope.deid.recognizers.zh_person import ChineseNameRecognizer
from mediscope.deid.recognizers.zh_places import ChineseInstitutionPlaceRecognizer, ChinesePlaceRecognizer
from mediscope.deid.recognizers.zh_spoken import zh_spoken_rules
from mediscope.deid.recognizers.zh_tables import ChineseTableColumnRecognizer


def build_zh_recognizers(use_jieba: bool = True, statistical_ner: bool = True) -> list[EntityRecognizer]:
    recognizers: list[EntityRecognizer] = [
        ChinesePlaceRecognizer(),
        ChineseInstitutionPlaceRecognizer(),
        RegexRecognizer("ZhIdentifierRecognizer", zh_identifier_rules(), "zh"),
        RegexRecognizer("ZhDateAgeRecognizer", zh_date_age_rules(), "zh"),
        RegexRecognizer("ZhAddressRecognizer", address_rules(), "zh"),
        RegexRecognizer("ZhSpokenRecognizer", zh_spoken_rules(), "zh"),
        OcrFoldedRecognizer("ZhOcrFoldedRecognizer", [*zh_identifier_rules(), *zh_date_age_rules()]),
        ChineseNameRecognizer("zh", use_jieba=use_jieba),
        ChineseTableColumnRecognizer(),
    ]
    if statistical_ner:
        from mediscope.deid.recognizers.zh_ner import ChineseStatisticalNerRecognizer

        recognizers.append(ChineseStatisticalNerRecognizer())
    return recognizers
