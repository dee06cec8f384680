"""Chinese PHI recognizers: identifiers by pattern + checksum, names by surname + cue + jieba.

This module only assembles them (`build_zh_recognizers`; their order there decides between
overlapping spans). Each family lives in its own module: zh_identifiers, zh_dates, zh_addresses,
zh_places, zh_person (cue names), zh_names (clause names), zh_tables and zh_ner, with what several
of them share in zh_patterns.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from mediscope.deid.recognizers.base import RegexRecognizer
from mediscope.deid.recognizers.care_homes import care_home_rules
from mediscope.deid.recognizers.case_numbers import case_number_rules
from mediscope.deid.recognizers.dashed_codes import dashed_code_rules
from mediscope.deid.recognizers.en_shared_rules import shared_rules, web_rules
from mediscope.deid.recognizers.incident_places import incident_place_rules
from mediscope.deid.recognizers.ocr_folded import OcrFoldedRecognizer
from mediscope.deid.recognizers.photo_metadata import photo_metadata_rules
from mediscope.deid.recognizers.printed_names import printed_name_rules
from mediscope.deid.recognizers.quoted_names import quoted_name_rules
from mediscope.deid.recognizers.research_ids import research_id_rules
from mediscope.deid.recognizers.rotas_and_logs import rota_and_log_rules
from mediscope.deid.recognizers.row_tags import RowTagRecognizer
from mediscope.deid.recognizers.zh_addresses import address_rules
from mediscope.deid.recognizers.zh_dates import zh_date_age_rules
from mediscope.deid.recognizers.zh_identifiers import zh_identifier_rules
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
        RegexRecognizer("PrintedNameRecognizer", printed_name_rules("zh"), "zh"),
        RegexRecognizer("ResearchIdRecognizer", research_id_rules("zh"), "zh"),
        RegexRecognizer("CaseNumberRecognizer", case_number_rules("zh"), "zh"),
        RegexRecognizer("DashedCodeRecognizer", dashed_code_rules(), "zh"),
        RegexRecognizer("QuotedNameRecognizer", quoted_name_rules("zh"), "zh"),
        RegexRecognizer("RotaAndLogRecognizer", rota_and_log_rules("zh"), "zh"),
        RegexRecognizer("IncidentPlaceRecognizer", incident_place_rules("zh"), "zh"),
        RegexRecognizer("PhotoMetadataRecognizer", photo_metadata_rules(), "zh"),
        RegexRecognizer("CareHomeRecognizer", care_home_rules(), "zh"),
        OcrFoldedRecognizer("ZhOcrFoldedRecognizer", [*(r for r in (*shared_rules(), *web_rules()) if "ocr" not in r.name),
                                                        *zh_identifier_rules(), *zh_date_age_rules(),
                                                        *(r for r in address_rules() if r.name == "postcode")]),
        ChineseNameRecognizer("zh", use_jieba=use_jieba),
        ChineseTableColumnRecognizer(),
        RowTagRecognizer("zh"),
    ]
    if statistical_ner:
        from mediscope.deid.recognizers.zh_ner import ChineseStatisticalNerRecognizer

        recognizers.append(ChineseStatisticalNerRecognizer())
    return recognizers
