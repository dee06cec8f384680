from __future__ import annotations

import gc

import pytest

from mediscope.stages.filters.hot import assign, gc_paused

from .conftest import ZH_DIALOGUE, make_record


def test_gc_paused_restores_the_collector_state_even_on_errors():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_assign_sets_the_field_as_a_validated_assignment_would():
    a, b = make_record(ZH_DIALOGUE, lang="und"), make_record(ZH_DIALOGUE, lang="und")
    assign(a, "lang", "zh")
    b.lang = "zh"
    assert a == b and a.model_dump() == b.model_dump()
    assert "lang" in a.model_fields_set
