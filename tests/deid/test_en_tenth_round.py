"""The tenth round's English shapes, each with look-alikes that must stay text.

OCR letter-spacing of month-first dates and of social security numbers, and the look-alikes
(spaced lab values, ranges, ordinary dates) that must not turn into either.
"""

from __future__ import annotations

import pytest


def _values(found, text: str, types: tuple[str, ...] = ()) -> set[str]:
    return {v for t, v in found(text, "en") if not types or t in types}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("D.O.B. : 0 7 / 2 2 / 1 9 5 5", "0 7 / 2 2 / 1 9 5 5"),
        ("DOB 1 2 / 3 1 / 1 9 4 0 (faxed)", "1 2 / 3 1 / 1 9 4 0"),
        ("D O B :  2 8 . 0 2 . 1 9 6 1", "2 8 . 0 2 . 1 9 6 1"),
    ],
)
def test_letter_spaced_dates_either_order(found, text, value):
    assert value in _values(found, text, ("DATE_TIME",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("S S N :  4 4 1 - 0 9 - 7 7 3 2", "4 4 1 - 0 9 - 7 7 3 2"),
        ("social security 5 3 0 - 1 1 - 2 0 4 8 on file", "5 3 0 - 1 1 - 2 0 4 8"),
    ],
)
def test_letter_spaced_ssn(found, text, value):
    assert value in _values(found, text, ("US_SSN",))


@pytest.mark.parametrize(
    "text",
    [
        "BP 1 2 0 / 8 0 at rest, HR 7 2.",
        "Scores 9 9 9 - 1 2 - 3 4 5 6 are test placeholders.",
        "Grades 1 - 2 - 3 recorded for each lesion.",
        "Counts 4 4 1 - 0 9 - 7 7 3 cells per field.",
    ],
)
def test_letter_spaced_look_alikes_stay(found, text):
    assert not _values(found, text, ("US_SSN", "DATE_TIME"))


@pytest.mark.parametrize(
    "text",
    [
        "Parkinson's disease: consider rasagiline; Hoehn and Yahr stage 2.",
        "Knee OA, Kellgren and Lawrence grade III on x-ray.",
        "SAH, Hunt and Hess grade 2, coiled.",
        "Hawkins and Neer tests positive on the left.",
    ],
)
def test_eponym_pairs_stay_text(found, text):
    assert not _values(found, text, ("PERSON", "LOCATION"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Seen with Maria and Peter today, both well.", {"Maria", "Peter"}),
        ("Dr. Hunt and Dr. Hess reviewed the scan.", {"Hunt", "Hess"}),
    ],
)
def test_names_joined_by_and_stay_names(found, text, names):
    got = _values(found, text, ("PERSON",))
    assert all(any(n in v for v in got) for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Insured's ID: W244871093   Patient: LEE, JI-HOON\nAddress: 5520 Wilshire Blvd", "LEE, JI-HOON"),
        ("Specimen label: ADEBAYO, T | MRN 3349901 | collected 02/28/25", "ADEBAYO, T"),
        ("Ward list:\nOKONKWO, C\nBRANNIGAN, MAEVE", "OKONKWO, C"),
        ("Name: CHOI, MIN-JUN  DOB on file", "CHOI, MIN-JUN"),
    ],
)
def test_cued_caps_last_first(found, text, name):
    assert name in _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    "text",
    [
        "Dx: COPD, CHF\nPlan: home",
        "ALLERGIES: NKDA, PCN | meds reviewed",
        "Meds: ASPIRIN, PLAVIX | continue",
        "Drug: HUMIRA, ADALIMUMAB\nDose: 40 mg",
        "Dx: TYPE, NON-INSULIN\nstable",
    ],
)
def test_caps_lists_after_labels_stay(found, text):
    assert not _values(found, text, ("PERSON",))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-- R. Okeke, PGY-2, pager x5521", "x5521"),
        ("Registrar on bleep x.4410 overnight.", "x.4410"),
    ],
)
def test_pager_with_x_prefix(found, text, value):
    assert value in _values(found, text, ("PHONE_NUMBER",))


@pytest.mark.parametrize("text", ["Pager x2 doses of naloxone given.", "Bleep x 3 attempts, no answer."])
def test_pager_counts_stay(found, text):
    assert not _values(found, text, ("PHONE_NUMBER",))


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("Prior Authorization Request\nMember: Jamal Abdul-Rahman   Member ID: XZH884512307", "Member", "Jamal Abdul-Rahman"),
        ("Subscriber: Maria Gonzalez   Subscriber ID: 8812", "Maria Gonzalez   Subscriber", "Maria Gonzalez"),
        ("Handoff: bed 12 Mr. Nwosu on insulin drip", "Handoff", "Nwosu"),
        ("Claimant: Teodora Bălan, policy on file", "Claimant", "Teodora Bălan"),
    ],
)
def test_role_labels_are_not_people(found, text, label, name):
    got = _values(found, text, ("PERSON",))
    assert label not in got
    assert any(name in v for v in got)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My username on the patient forum is u/ironlung_deb, diagnosed in 2021.", "u/ironlung_deb"),
        ("I posted as u/k9walker about the rash.", "u/k9walker"),
        ("on reddit I'm u/breathless if you want the photos", "u/breathless"),
    ],
)
def test_reddit_user_handles(found, text, value):
    assert value in _values(found, text, ("SOCIAL_HANDLE",))


@pytest.mark.parametrize(
    "text",
    [
        "heparin 18 u/kg/h, insulin 0.1 u/kg",
        "u/o 30 ml/h, u/s abdomen booked, 5 u/min",
        "Dose 2 u/day titrated up; see r/diabetes for the forum thread.",
    ],
)
def test_units_are_not_reddit_handles(found, text):
    assert not _values(found, text, ("SOCIAL_HANDLE",))
