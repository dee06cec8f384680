"""Thirty-third round of English recall. Every positive uses strings found in no data file; the
negatives are look-alikes that must stay text."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text


def _found(text: str, entity: str | None = None, lang: str = "en") -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


class TestChatLogins:
    def test_a_login_opening_a_turn_and_the_chats_other_members(self):
        text = ("sunny_day_77: anyone tried the new insulin pump?\nbluebird skies: yes mine works fine\n"
                "Admin: please no brand names\nsunny_day_77: thanks")
        found = _found(text, "SOCIAL_HANDLE")
        assert found.count("sunny_day_77") == 2 and "bluebird skies" in found and "Admin" not in found, found

    @pytest.mark.parametrize("text", ["covid19: negative\ninfluenza: positive", "Patient: tired\nDoctor: since when?",
                                      "Assessment: stable\nPlan: review in clinic",
                                      "triage_bot: your number is called\nfront_desk: please come in"])
    def test_results_roles_and_headings_stay(self, text):
        assert _found(text, "SOCIAL_HANDLE") == [], _found(text)

    def test_one_label_line_is_no_chat(self):
        assert _found("jo_ellis: see you at the clinic", "SOCIAL_HANDLE") == []

    def test_a_service_account_in_a_members_chat_stays(self):
        text = "jo_ellis: is the clinic open?\nreception_bot: Opening hours are 8-6.\njo_ellis: thanks"
        assert _found(text, "SOCIAL_HANDLE") == ["jo_ellis", "jo_ellis"], _found(text)
