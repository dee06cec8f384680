"""Twenty-second round of English rules. Precision: a lab or disease label opening two lines of chat
("hba1c: up again") is no screen name; eponyms listed in a differential ("1. Conn, Bartter") are no
"Last, First" name; a theatre district before a plural noun ("2 Broadway shows") is no street.
Every positive uses strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import Deidentifier

_D = Deidentifier()


def _found(text: str, entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in _D.analyze_text(text, "en") if entity is None or s.entity_type == entity]


class TestLabWordsAreNoScreenNames:
    @pytest.mark.parametrize(
        "text, word",
        [
            ("me: how did the bloods go\nhba1c: climbing again, 8.4 this time\nme: ugh sorry\nhba1c: yes and the gp wants a review", "hba1c"),
            ("sis: any news from the clinic\ncovid19: negative again this morning\nsis: phew\ncovid19: yep all clear now thanks", "covid19"),
        ],
    )
    def test_lab_label_stays(self, text: str, word: str) -> None:
        assert not any(word in f for f in _found(text)), _found(text)

    def test_a_screen_name_with_digits_is_still_found(self) -> None:
        text = "kez4u: running late for the physio slot\nme: no worries\nkez4u: there in ten minutes or so"
        assert "kez4u" in _found(text, "PERSON")


class TestEponymListsAreNoNames:
    @pytest.mark.parametrize(
        "text, word",
        [
            ("Hypokalaemia with alkalosis, differential:\n1. Conn, Bartter\n2. Liddle\n3. diuretics", "Conn"),
            ("Causes of short stature considered:\n1. Turner, Noonan\n2. GH deficiency", "Turner"),
            ("Low K, think of Conn, Bartter and Gitelman syndromes before diuretics.", "Conn"),
            ("Fatigue, low Na, ddx:\n- Addison\n- SIADH\n- hypothyroid", "Addison"),
        ],
    )
    def test_eponyms_stay(self, text: str, word: str) -> None:
        assert not any(word in f for f in _found(text)), _found(text)

    @pytest.mark.parametrize(
        "text, name",
        [
            ("Clinic list:\n1. Wilson, Harriet\n2. Okonkwo, Chidi", "Wilson, Harriet"),
            ("Patient: Bell, Oluwaseun\nDOB: 03/04/1961", "Bell, Oluwaseun"),
        ],
    )
    def test_names_in_lists_stay_found(self, text: str, name: str) -> None:
        assert name in _found(text, "PERSON")


class TestBroadwayShowsAreNoAddress:
    @pytest.mark.parametrize("text", ["we caught 2 Broadway shows on the trip, knee held up fine",
                                      "she booked 4 Broadway tickets for her birthday"])
    def test_shows_stay(self, text: str) -> None:
        assert not any("Broadway" in f for f in _found(text)), _found(text)

    @pytest.mark.parametrize(
        "text, addr",
        [
            ("Home address: 4417 Broadway, Apt 2C, New York", "4417 Broadway"),
            ("moved to 880 W Broadway in the spring", "880 W Broadway"),
        ],
    )
    def test_numbered_broadway_is_found(self, text: str, addr: str) -> None:
        assert any(addr in f for f in _found(text, "LOCATION")), _found(text)
