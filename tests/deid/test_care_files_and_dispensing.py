"""Mental-health and social-work files, pharmacy, vaccination, school and occupational-health
paperwork: staff who sign with a surname alone, schools and workplaces named with their place,
rooms of a block, prescription and register numbers, employers before their address. Every
positive uses strings found in no data file; the negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestCityNamedWithItsShi:
    @pytest.mark.parametrize("text", ["她老家在芒市，去年搬来。", "芒市人，务农"])
    def test_a_city_whose_name_ends_in_shi_is_found_and_breaks_nothing(self, text):
        assert "芒市" in _found(text, "LOCATION", "zh")
