"""English PHI recognizers and the language-independent ones both languages share: the assembly.

The recognizers live by family in their own modules (`en_shared_rules`, `en_identifiers`,
`en_dates`, `en_ner`, with `en_patterns` and `en_vocab` beneath them); this module only builds the
recognizer lists, in the order span conflict resolution depends on. Everything with a fixed shape
is a regex rule; names, cities and some dates come from the filtered spaCy NER (`en_ner`).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer, IpRecognizer, UrlRecognizer

from mediscope.deid.recognizers.address import AddressRecognizer
from mediscope.deid.recognizers.base import RegexRecognizer
from mediscope.deid.recognizers.case_numbers import case_number_rules
from mediscope.deid.recognizers.dashed_codes import dashed_code_rules
from mediscope.deid.recognizers.en_dates import en_date_rules
from mediscope.deid.recognizers.en_identifiers import TableRecordNumberRecognizer, en_identifier_rules
from mediscope.deid.recognizers.en_ner import EnglishNerRecognizer
from mediscope.deid.recognizers.en_shared_rules import net_rules, shared_rules, web_rules
from mediscope.deid.recognizers.en_signer_column import EnglishSignerColumnRecognizer
from mediscope.deid.recognizers.en_spoken import SpokenNameRecognizer, SpokenPlaceRecognizer, en_spoken_rules
from mediscope.deid.recognizers.incident_places import incident_place_rules
from mediscope.deid.recognizers.ocr_folded import OcrFoldedRecognizer
from mediscope.deid.recognizers.photo_metadata import photo_metadata_rules
from mediscope.deid.recognizers.printed_names import printed_name_rules
from mediscope.deid.recognizers.quoted_names import quoted_name_rules
from mediscope.deid.recognizers.research_ids import research_id_rules
from mediscope.deid.recognizers.rotas_and_logs import rota_and_log_rules
from mediscope.deid.recognizers.row_tags import RowTagRecognizer
from mediscope.deid.types import AGE


def builtin_recognizers(lang: str) -> list[EntityRecognizer]:
    """Presidio's own e-mail, URL and IP recognizers, registered for `lang`."""
    return [
        EmailRecognizer(supported_language=lang),
        UrlRecognizer(supported_language=lang),
        IpRecognizer(supported_language=lang),
    ]


def build_en_recognizers() -> list[EntityRecognizer]:
    return [
        *builtin_recognizers("en"),
        RegexRecognizer("SharedIdentifierRecognizer", shared_rules(), "en"),
        RegexRecognizer("NetHandleRecognizer", net_rules(), "en"),
        RegexRecognizer("EnIdentifierRecognizer", en_identifier_rules(), "en"),
        TableRecordNumberRecognizer("en"),
        RowTagRecognizer("en"),
        EnglishSignerColumnRecognizer(),
        RegexRecognizer("EnDateRecognizer", en_date_rules(), "en"),
        RegexRecognizer("PrintedNameRecognizer", printed_name_rules("en"), "en"),
        RegexRecognizer("ResearchIdRecognizer", research_id_rules("en"), "en"),
        RegexRecognizer("CaseNumberRecognizer", case_number_rules("en"), "en"),
        RegexRecognizer("DashedCodeRecognizer", dashed_code_rules(), "en"),
        RegexRecognizer("QuotedNameRecognizer", quoted_name_rules("en"), "en"),
        RegexRecognizer("RotaAndLogRecognizer", rota_and_log_rules("en"), "en"),
        RegexRecognizer("IncidentPlaceRecognizer", incident_place_rules("en"), "en"),
        RegexRecognizer("PhotoMetadataRecognizer", photo_metadata_rules(), "en"),
        # (ages keep their own OCR rules, which know where an age ends: "Age: 9l y/o"; the OCR rules
        # judge the raw text's letters, which on the folded copy would all look like digits)
        OcrFoldedRecognizer("EnOcrFoldedRecognizer", [r for r in (*shared_rules(), *web_rules(), *en_identifier_rules(),
                                                                  *en_date_rules()) if r.entity != AGE and "ocr" not in r.name],
                            "en"),
        RegexRecognizer("EnSpokenRecognizer", en_spoken_rules(), "en"),
        SpokenNameRecognizer("en"),
        SpokenPlaceRecognizer("en"),
        AddressRecognizer("en"),
        EnglishNerRecognizer("en"),
    ]


def build_shared_for(lang: str) -> list[EntityRecognizer]:
    """The language-independent recognizers for a non-English analyzer (zh)."""
    return [RegexRecognizer("WebRecognizer", web_rules(), lang),
            RegexRecognizer("NetHandleRecognizer", net_rules(), lang),
            RegexRecognizer("SharedIdentifierRecognizer", shared_rules(), lang)]
