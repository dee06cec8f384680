"""Codes in three or more dash-joined parts, with letters and four digits or more, in both languages.

Case files, hotlines, registers and referrals number a person's case with the office's own
letters, a year and a serial (BJ-QX-2023-1025-07, SJZ-RX-24-08-1193, CKSL-CP-2024-01652,
330106-SF-017, INC-SL4-0117-02), under whatever label the office uses (接报编号, 个案号, 转介编号,
Intake no, Safeguarding log, centre code) or under none, in a table's column. The label is
open-ended, the shape is not: on the labelled sets 601 such codes were PHI and 7 were not (four
trial protocols, a vaccine batch). So the shape is found without a cue, and what names a product
or a protocol right before it (Protocol, batch, lot, 批号, 方案号, model) keeps it out, as do the
codes of standards and coding systems (ICD-10-CM, SARS-CoV-2, ISO-15189-2022).
"""

from __future__ import annotations

from mediscope.deid.recognizers.base import Rule
from mediscope.deid.recognizers.en_patterns import _seen
from mediscope.deid.types import ID_NUMBER

# Words right before a code that make it a product's, a protocol's or a standard's number.
_NOT_PERSONAL_CUES = (r"(?i:protocol|study\s+drug|batch|lot|model|version|ver\.?|catalog(?:ue)?|cat\.?|part|ref\.?\s+std"
                      r"|standard|kit\s+lot|sku|product)|方案号|方案编号|方案|批号|批次|型号|版本|版本号|标准|货号|规格")
# Prefixes of coding systems, standards and organisms: no one's case.
_NOT_PERSONAL_PREFIXES = ("ICD", "DSM", "ISO", "IEC", "IEEE", "SARS", "COVID", "HL7", "LOINC", "SNOMED", "HLA", "CYP", "NCT",
                          "GB", "YY", "WS", "EN", "ASTM", "CLSI", "MERS", "HIV", "HPV", "H1N1", "H3N2", "ATC", "CPT", "MIL")


def _personal_code_ok(value: str) -> bool:
    """Letters in it, four digits or more, and no coding system's or standard's prefix."""
    if value.upper().startswith(_NOT_PERSONAL_PREFIXES) or "UK-UK" in value or "UNK" in value:
        return False  # (and a date not known: UK-UK-2016, UNK-UNK-2019)
    return any(ch.isalpha() for ch in value) and sum(ch.isdigit() for ch in value) >= 4


def dashed_code_rules() -> list[Rule]:
    return [
        Rule("dashed_case_code", ID_NUMBER,
             rf"(?<![A-Za-z0-9\-/.#])(?<!(?:{_NOT_PERSONAL_CUES})[\s:：#.]{{0,3}})"
             r"(?P<phi>[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,10}){2,5})(?![A-Za-z0-9\-/])"
             # (a protocol's, a study's or a control's number before its word: SHR-1701-III-302方案, ABC-1234-5678 lab control)
             r"(?![ \t]?(?:方案|研究|试验|試驗|质控|(?i:protocol|study|trial|(?:lab[ ])?control|reagent|calibrator|kit|lot)\b))",
             0.7, validator=_personal_code_ok, needs=_seen(r"[A-Z0-9]-[A-Z0-9]{1,10}-[A-Z0-9]"), flags=0),
    ]
