"""Twenty-seventh round of English recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text (or keep their old span)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediscope.deid import deidentify_text

DATA = Path(__file__).parent / "data"


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


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, recall, precision, preservation",
    [
        # measured 0.937, 0.946, 0.991 after this round (0.936, 0.931 at first sight)
        ("heldout22.jsonl", 0.93, 0.94, 0.99),
        # measured 0.894, 0.935, 0.985 after this round (0.878, 0.934 at first sight)
        ("heldout23.jsonl", 0.89, 0.93, 0.98),
    ],
)
def test_blind_set_english_floor(deider, name: str, recall: float, precision: float, preservation: float) -> None:
    """The English texts of the twenty-second and twenty-third blind sets, rules alone."""
    from mediscope.deid.evaluation import evaluate, load_evalset

    report = evaluate([i for i in load_evalset([DATA / name]) if i.lang == "en"], deider)
    assert report.recall >= recall, report.missed
    assert report.precision >= precision, report.false_positives
    assert report.preservation >= preservation, report.clobbered


class TestMeetingSenderHyphenatedWord:
    """A meeting chat's "From <x> to Everyone:" with a hyphenated word is no handle; a device's or a
    user's name still is."""

    @pytest.mark.parametrize(
        "text",
        [
            "09:10 From x-ray to Everyone: films are up",
            "09:11 From follow-up to Everyone: booked for Tuesday",
            "09:12 From front-desk to Everyone: next patient is here",
            "09:13 From post-op to Everyone: obs stable",
        ],
    )
    def test_no_handle(self, text: str) -> None:
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)

    @pytest.mark.parametrize(
        "text, handle",
        [
            ("14:02 From ipad-lorcan to Everyone: muted sorry", "ipad-lorcan"),
            ("14:03 From t_okonkwo to Everyone: agreed", "t_okonkwo"),
        ],
    )
    def test_handle_found(self, text: str, handle: str) -> None:
        assert handle in _found(text, "SOCIAL_HANDLE"), _found(text)
