"""The multi-core path of the filter and dedup stages decides exactly as one process does."""

from __future__ import annotations

import multiprocessing
import os
import random

import numpy as np
import pytest

from mediscope.record import ProvenanceEntry, Record
from mediscope.stages.base import SharedProvenanceEntry
from mediscope.stages.filters import measures
from mediscope.stages.filters.dedup import DedupStage
from mediscope.stages.filters.parallel import WorkerError, WorkerPool, available_cores
from mediscope.stages.filters.reasons import FilterReason as R
from mediscope.stages.filters.rules import QualityFilterStage

from .conftest import make_record

SYMPTOMS = ["头痛", "发热", "咳嗽", "胸闷", "腹泻", "恶心", "乏力", "失眠", "皮疹", "心悸"]
EN = ["headache", "fever", "cough", "nausea", "fatigue", "a rash"]


def _dialogue(rnd: random.Random) -> list[tuple[str, str]]:
    if rnd.random() < 0.2:
        s = rnd.choice(EN)
        return [("patient", f"Hello doctor, I have had {s} for {rnd.randint(1, 30)} days, what should I do?"),
                ("doctor", f"Rest, drink fluids and come back in {rnd.randint(2, 9)} days if the {s} persists.")]
    a, b = rnd.sample(SYMPTOMS, 2)
    return [("patient", f"医生您好，我{rnd.randint(1, 30)}天前开始{a}，还有点{b}，体温{rnd.randint(365, 395) / 10}度。"),
            ("doctor", f"请问{a}是持续的吗？有没有{rnd.choice(SYMPTOMS)}？今年多大了？"),
            ("patient", f"间断的，今年{rnd.randint(18, 80)}岁，以前有{rnd.choice(SYMPTOMS)}的毛病。"),
            ("doctor", f"建议多休息，{rnd.randint(2, 14)}天后复诊，如有{rnd.choice(SYMPTOMS)}及时就医。")]


def _records(n: int, seed: int = 3) -> list[Record]:
    """Dialogues with exact and near copies of earlier ones (often across batch boundaries) and junk."""
    rnd = random.Random(seed)
    made: list[list[tuple[str, str]]] = []
    out = []
    for i in range(n):
        u = rnd.random()
        if u < 0.08 and made:
            turns = list(rnd.choice(made))  # exact copy
        elif u < 0.18 and made:
            turns = list(rnd.choice(made))
            j = rnd.randrange(len(turns))
            turns[j] = (turns[j][0], turns[j][1][:-4] + "好的谢谢")  # near copy
        elif u < 0.22:
            turns = [("patient", "在吗"), ("doctor", "在")]
        elif u < 0.25:
            turns = [("patient", "怎么办" * 20), ("doctor", "建议就医" * 8)]
        elif u < 0.27:
            turns = _dialogue(rnd)[:3]
        elif u < 0.28:
            turns = [("patient", "Bonjour docteur, j'ai mal à la tête depuis trois jours."),
                     ("doctor", "Reposez-vous et buvez beaucoup d'eau, revenez dans deux jours.")]
        else:
            turns = _dialogue(rnd)
            made.append(turns)
        out.append(make_record(turns, rid=f"r{i:05d}", lang="und"))
    return out


def _decide(workers: int, batches: list[list[Record]], dedup_workers: int | None = None,
            edit: bool = False) -> tuple[dict[str, tuple], list[int]]:
    """Every record's outcome (reason and detail, or kept with its language and scores), and how
    many parts the filter's workers and dedup's threads computed and dedup took from the filter."""
    flt = QualityFilterStage({"residual_phi": {"enabled": False}, "workers": workers, "parallel_min_records": 64})
    dedup = DedupStage({"workers": dedup_workers or workers, "parallel_min_records": 64})
    out: dict[str, tuple] = {}
    used = [0, 0, 0]
    flt.ensure_setup()  # as the runner does: every stage is set up before the first batch
    dedup.ensure_setup()
    if workers > 1:  # start the filter's worker process now, so that every batch uses it
        assert flt._pool_for(10**6) is None  # still starting: that batch would stay in-process
        flt._pool.wait_ready(60)
    try:
        for batch in batches:
            r1 = flt(batch)
            if edit:  # edited between the stages: dedup must not use hashes of the old text
                for rec in r1.kept[::50]:
                    rec.turns[-1].text += "另外注意复查"
            r2 = dedup(r1.kept)
            for rej in r1.rejected + r2.rejected:
                out[rej.record_id] = (rej.reason, rej.detail, rej.stage)
            for rec in r2.kept:
                out[rec.id] = ("kept", rec.lang, [(s.name, s.value) for s in rec.quality.scores],
                               [p.stage for p in rec.provenance])
        used = [st._pool.jobs if st._pool is not None else 0 for st in (flt, dedup)] + [dedup.prefetched]
    finally:
        flt.teardown()
        dedup.teardown()
    return out, used


needs_two_cores = pytest.mark.skipif(available_cores() < 2, reason="the stages use one core where only one is available")


@pytest.mark.slow
@needs_two_cores
@pytest.mark.parametrize("edit", [False, True])
def test_parallel_decisions_equal_single_process(edit):
    records = _records(3000)
    batches = [records[i:i + 700] for i in range(0, 3000, 700)]

    def copy() -> list[list[Record]]:
        return [[r.model_copy(deep=True) for r in b] for b in batches]

    single, used = _decide(1, copy(), edit=edit)
    assert used == [0, 0, 0]
    # filter measures in a worker process, which also hashes for dedup (every batch)
    parallel, used = _decide(2, copy(), edit=edit)
    if edit:  # the offered hashes no longer match: dedup hashed itself (threads), never stale
        assert used == [len(batches), len(batches), 0]
    else:  # per batch: one measured part and one hashing job in the worker; dedup hashed nothing
        filtered_out = sum(1 for v in parallel.values() if v[0] != "kept" and v[2] == "filter")
        assert used == [2 * len(batches), 0, len(records) - filtered_out]
    assert parallel == single
    # filter in one process, dedup hashing in threads
    threaded, used = _decide(1, copy(), dedup_workers=2, edit=edit)
    assert used == [0, len(batches), 0]
    assert threaded == single
    reasons = [v[0] for v in single.values()]
    # the sample exercises every path: duplicates (many across batch boundaries), junk, language
    for reason in (R.EXACT_DUPLICATE, R.NEAR_DUPLICATE, R.TOO_SHORT, R.REPETITION, R.ROLE_ALTERNATION, R.LANGUAGE):
        assert reasons.count(reason) >= 5, reason
    assert {v[1] for v in single.values() if v[0] == "kept"} == {"zh", "en"}


def _crash_in_worker(*args):
    """Runs as the filter's worker function: dies in a worker process, works in the parent."""
    if multiprocessing.parent_process() is not None:
        os._exit(7)
    return measures.measure_part_in_worker(*args)


@pytest.mark.slow
@needs_two_cores
def test_worker_crash_is_a_clear_error_not_a_hang(monkeypatch):
    import mediscope.stages.filters.rules as rules

    monkeypatch.setattr(rules, "measure_part_in_worker", _crash_in_worker)
    stage = QualityFilterStage({"residual_phi": {"enabled": False}, "workers": 2, "parallel_min_records": 8})
    recs = _records(40)
    stage.ensure_setup()
    stage._pool_for(len(recs))
    stage._pool.wait_ready(60)
    with pytest.raises(WorkerError, match="worker process died"):
        stage(recs)
    assert stage._pool is not None and stage._pool.closed  # the broken pool was shut down
    stage.teardown()
    # one process still works, and gives the normal answer
    monkeypatch.undo()
    single = QualityFilterStage({"residual_phi": {"enabled": False}, "workers": 1})
    assert len(single(_records(40)).kept) > 0


def _raise_value_error(x):
    raise ValueError(f"bad part {x}")


def _double(x):
    return 2 * x


def test_worker_exception_is_re_raised_and_pool_splits_by_weight():
    pool = WorkerPool(2, name="test", threads=True)
    try:
        assert pool.run_parts(_double, _double, [(1,), (5,)]) == [2, 10]
        with pytest.raises(ValueError, match="bad part 5"):
            pool.run_parts(_double, _raise_value_error, [(1,), (5,)])
        cuts = pool.split(np.array([10, 10, 10, 10, 1000, 0, 0]))
        assert cuts[0] == 0 and cuts[-1] == 7 and 0 < cuts[1] <= 5
        assert pool.split(np.zeros(0)) == [0, 0, 0]
    finally:
        pool.close()
    assert pool.closed
    with pytest.raises(ValueError):
        WorkerPool(1, name="one")
    from mediscope.stages.filters.parallel import effective_workers

    assert effective_workers(1) == 1 and effective_workers(10_000) == available_cores()


def test_small_batches_stay_in_process():
    stage = QualityFilterStage({"residual_phi": {"enabled": False}, "workers": 2})
    stage(_records(30))
    assert stage._pool is None


def test_kept_records_share_one_frozen_provenance_entry_per_batch():
    recs = [make_record([("patient", f"医生您好我头痛{i}天了怎么办"), ("doctor", "建议休息多喝水按时复诊")], rid=f"p{i}")
            for i in range(3)]
    stage = QualityFilterStage({"residual_phi": {"enabled": False}, "workers": 1})
    kept = stage(recs).kept
    assert len(kept) == 3
    entries = [r.provenance[-1] for r in kept]
    assert all(e is entries[0] for e in entries) and isinstance(entries[0], SharedProvenanceEntry)
    with pytest.raises(Exception, match="frozen"):
        entries[0].note = "edited for one record"
    back = Record.model_validate_json(kept[0].model_dump_json())
    assert type(back.provenance[-1]) is ProvenanceEntry and back == kept[0]


def test_workers_do_not_change_the_config_hash():
    for cls, other in ((QualityFilterStage, {"min_chars": 12}), (DedupStage, {"threshold": 0.9})):
        one, two = cls({"workers": 1}), cls({"workers": 2, "parallel_min_records": 8})
        assert one.config_hash == two.config_hash
        assert one.config_hash != cls({"workers": 1, **other}).config_hash
