"""Twenty-seventh round of English recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text (or keep their old span)."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestTownNamingHealthCentre:
    """A town the gazetteer lacks, named by its health centre or polyclinic ("Jurong Polyclinic",
    "Levenshulme Health Centre"): the town is a place."""

    @pytest.mark.parametrize(
        "text, town",
        [
            ("Review in 4 weeks at Punggol Polyclinic for HbA1c.", "Punggol"),
            ("Referring GP: Dr Okafor, Burngreave Health Centre", "Burngreave"),
            ("Kilkeel Medical Centre - practice nurse note\nBP 142/88", "Kilkeel"),
            ("Letter copied to Otorohanga Medical Practice.", "Otorohanga"),
        ],
    )
    def test_town_found(self, text: str, town: str) -> None:
        assert any(town in f for f in _found(text, "LOCATION")), _found(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Seen at the Harbourview Medical Centre for wound care.",
            "Refer to Mental Health Centre for CBT.",
            "Booked at Community Health Centre next week.",
            "Sunrise Medical Centre called about the INR result.",
            "Follow up in the Rheumatology Health Centre clinic.",
        ],
    )
    def test_no_place(self, text: str) -> None:
        assert _found(text, "LOCATION") == [], _found(text)


class TestPronounAfterCueIsNoName:
    """A cue word ending one line ("… about my daughter", "Clinic → Patient") and a pronoun opening
    the next: the pronoun is no name."""

    @pytest.mark.parametrize(
        "text",
        [
            "Subject: refill for my daughter\nMy daughter has run out of her inhaler.",
            "Pharmacy → Patient\nWe have your prescription ready for collection.",
            "Re: my husband\nOur GP says to ring the ward.",
        ],
    )
    def test_no_name(self, text: str) -> None:
        assert _found(text, "PERSON") == [], _found(text)

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Message from patient\nWynona Castellane asked for a callback.", "Wynona Castellane"),
            ("Next of kin: daughter Theodora", "Theodora"),
        ],
    )
    def test_name_kept(self, text: str, name: str) -> None:
        assert any(name in f for f in _found(text, "PERSON")), _found(text)
