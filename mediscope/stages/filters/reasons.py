"""Reject reason codes of the filter and dedup stages (stable strings: reports group by them)."""

from __future__ import annotations


class FilterReason:
    KIND = "kind"
    TOO_FEW_TURNS = "too_few_turns"
    TOO_MANY_TURNS = "too_many_turns"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    TURN_TOO_LONG = "turn_too_long"
    ROLE_ALTERNATION = "role_alternation"
    LANGUAGE = "language"
    REPETITION = "repetition"
    GARBAGE = "garbage"
    RESIDUAL_PHI = "residual_phi"
    DEID_NOT_PASSED = "deid_not_passed"
    REVIEW_STATUS = "review_status"
    IMAGE_UNDECODABLE = "image_undecodable"
    IMAGE_TOO_SMALL = "image_too_small"
    JUDGE_SCORE = "judge_score"
    EXACT_DUPLICATE = "exact_duplicate"
    NEAR_DUPLICATE = "near_duplicate"
    NEAR_DUPLICATE_IMAGE = "near_duplicate_image"
