"""Thirty-second round of English recall and precision. Every positive uses strings found in no data file;
the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestParticleSurnames:
    @pytest.mark.parametrize("text, name", [
        ("2. Pieter van den Heever – hernia repair", "Pieter van den Heever"),
        ("Seen with Marguerite du Toit, 61F, of Paarl", "Marguerite du Toit"),
        ("Ma. Teresa dela Rosa, 38/F, from Brgy. Malinta", "Ma. Teresa dela Rosa"),
        ("Circulating: Declan Mac Giolla", "Declan Mac Giolla"),
    ])
    def test_the_whole_name_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)

    @pytest.mark.parametrize("text", ["features of Cornelia de Lange syndrome", "admitted to Hospital de la Santa Creu",
                                      "went to Rio de Janeiro in May"])
    def test_eponyms_and_places_are_no_particle_name(self, text):
        assert not any(" de " in f for f in _found(text, "PERSON")), _found(text)


class TestSonOfAndDaughterOf:
    @pytest.mark.parametrize("text, name", [("Pt: Karuppiah s/o Veerasamy   NRIC: S1234567D", "Karuppiah s/o Veerasamy"),
                                            ("Siti Aminah binte Jaafar, 52F", "Siti Aminah binte Jaafar")])
    def test_the_whole_name_is_found(self, text, name):
        assert name in _found(text, "PERSON"), _found(text)


class TestChatExportsAndVietnameseNames:
    def test_the_author_of_a_whatsapp_export_line(self):
        text = "[03/11/25, 22:41] Chiamaka Eze: who has bed 4 tonight?"
        assert "Chiamaka Eze" in _found(text, "PERSON"), _found(text)

    def test_a_vietnamese_name_with_its_middle_name(self):
        assert "Phạm Văn Long" in _found("Interpreter: Phạm Văn Long (family friend)", "PERSON")

    @pytest.mark.parametrize("text", ["[12:01] note: BP rechecked", "Van der Waals forces aside"])
    def test_look_alikes_stay(self, text):
        assert _found(text, "PERSON") == [], _found(text)


class TestFacilitiesNamedAfterPeople:
    @pytest.mark.parametrize("text", ["Transferred to Mulago National Referral Hospital", "Follow-up at Charlotte Maxeke Academic Hospital",
                                      "Referred to Hospital Raja Perempuan Zainab II"])
    def test_the_facility_is_no_person(self, text):
        assert _found(text, "PERSON") == [], _found(text)

    def test_a_name_before_a_hospital_number_label_is_still_a_person(self):
        assert any("Obafemi" in f for f in _found("Name: Obafemi Adewale Hospital No: 55120", "PERSON"))


class TestNumbersReadOutWithDashesOrASpelledLetter:
    @pytest.mark.parametrize("text, value", [
        ("caller: it's K as in kilo seven seven one nine oh two four four agent: thanks",
         "K as in kilo seven seven one nine oh two four four"),
        ("my social is four one two dash seven seven dash nine oh two one and", "four one two dash seven seven dash nine oh two one"),
    ])
    def test_the_number_is_found(self, text, value):
        assert value in _found(text), _found(text)

    @pytest.mark.parametrize("text", ["take two dash three tablets", "one two three dash four", "B as in bravo, yes"])
    def test_short_counts_stay(self, text):
        assert _found(text, "ID_NUMBER") == [], _found(text)
