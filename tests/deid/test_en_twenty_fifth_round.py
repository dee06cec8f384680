"""Twenty-fifth round of English recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text (or keep their old span)."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestSingaporeBlockAddress:
    """A Singapore housing block: "Blk", the street with its number, the "#floor-unit"; one span."""

    @pytest.mark.parametrize(
        "text, address",
        [
            ("Lives alone at Blk 219 Serangoon Ave 4, #06-118, daughter visits daily.", "Blk 219 Serangoon Ave 4, #06-118"),
            ("Home: Blk 14 Hougang Lorong 3 #02-07", "Blk 14 Hougang Lorong 3 #02-07"),
            ("Address Blk 507B Yishun Ring Rd #10-1442, lift upgraded", "Blk 507B Yishun Ring Rd #10-1442"),
            ("residing at Blk 61 Marine Parade Central #09-33 with her son", "Blk 61 Marine Parade Central #09-33"),
            ("Block 88 Woodlands Crescent #04-210", "Block 88 Woodlands Crescent #04-210"),
        ],
    )
    def test_block_address_found(self, text: str, address: str) -> None:
        assert address in _found(text, "LOCATION"), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Block 2 Ward 5 has two beds free",
            "AV Block 2 on the ECG, Mobitz Type II suspected",
            "Block 3 of the trial enrolled 40 patients",
            "Nerve block 2 Lignocaine 1% given",
        ],
    )
    def test_block_look_alikes_stay_text(self, text: str) -> None:
        assert _found(text, "LOCATION") == [], _found(text)


class TestRecordNumberTableColumn:
    """A table whose header names a record-number column: the cell under it in every row is the
    record number, in bar tables and in tables aligned by spaces."""

    def test_bar_table(self) -> None:
        text = ("| Patient | MRN | Ward |\n|---|---|---|\n| Tobias Wren | 71190352 | 4B |\n"
                "| Ines Carvalho | 71190388 | 6A |")
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert "71190352" in found and "71190388" in found, found

    def test_space_aligned_table(self) -> None:
        text = ("Patient           URN        Admitted\nQuill, Harold     U4417208   03/02/2024\n"
                "Marsh, Edie       U4417291   03/02/2024\nOkoro, Ben        4417305    04/02/2024")
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert {"U4417208", "U4417291", "4417305"} <= set(found), found

    @pytest.mark.parametrize(
        "text",
        [
            "| Test | Result | Units |\n|---|---|---|\n| Sodium | 13500 | mmol/L |",
            "MRN  12345678 verified\n55555 units of heparin given",
            "| MRN | Dose |\n|---|---|\n| pending | 25000 IU |",
            "Name          MRN         DOB\nsee attached  (pending)    12/03/1950",
        ],
    )
    def test_no_record_number_column_value(self, text: str) -> None:
        found = _found(text, "MEDICAL_RECORD_NUMBER")
        assert all(v in ("12345678",) for v in found), found
