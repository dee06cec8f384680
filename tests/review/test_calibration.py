"""Judge calibration files and math, offline (the server round trip is in test_server_calibration)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediscope.review.calibration import (
    CalibrationInputError,
    ExpertChoice,
    absolute_to_outcome,
    compare,
    expert_consensus,
    read_pairs,
    read_verdicts,
)


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_verdict_formats_both_modes(tmp_path: Path) -> None:
    rel = _write(tmp_path / "rel.jsonl", [
        {"pair_id": "p1", "mode": "relative", "verdict": {"proactiveness": "win", "accuracy": "tie", "usefulness": "loss", "language": "win"}},
        {"pair_id": "p2", "verdict": {"proactiveness": "A", "accuracy": {"winner": "B", "reason": "x"}, "usefulness": {"outcome": "tie"}, "language": "tie"}},
    ])
    judged, modes = read_verdicts(rel)
    assert judged["p1"] == {"proactiveness": "win", "accuracy": "tie", "usefulness": "loss", "language": "win"}
    assert judged["p2"] == {"proactiveness": "win", "accuracy": "loss", "usefulness": "tie", "language": "tie"}
    assert modes == {"relative": 2}
    ab = _write(tmp_path / "abs.jsonl", [
        {"pair_id": "p1", "mode": "absolute", "scores_a": {"proactiveness": 8, "accuracy": {"score": 6}, "usefulness": 5, "language": 7},
         "scores_b": {"proactiveness": 6, "accuracy": {"score": 6}, "usefulness": 7, "language": 6.5}},
    ])
    judged, modes = read_verdicts(ab, tie_margin=0.5)
    assert judged["p1"] == {"proactiveness": "win", "accuracy": "tie", "usefulness": "loss", "language": "tie"}
    assert modes == {"absolute": 1}
    assert absolute_to_outcome(7, 6.5) == "win" and absolute_to_outcome(6, 6) == "tie"


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ("{not json", "not valid JSON"),
        ('{"verdict": {}}', "missing pair_id"),
        ('{"pair_id": "p", "verdict": {"accuracy": "better"}}', "unknown pairwise outcome"),
        ('{"pair_id": "p", "mode": "absolute", "scores_a": {"accuracy": "x"}, "scores_b": {"accuracy": 1}}', "bad absolute"),
        ('{"pair_id": "p", "mode": "odd", "verdict": {}}', "unknown mode"),
    ],
)
def test_bad_verdict_lines_name_file_and_line(tmp_path: Path, line: str, match: str) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text('{"pair_id": "ok", "verdict": {"accuracy": "win"}}\n' + line + "\n")
    with pytest.raises(CalibrationInputError, match=match) as err:
        read_verdicts(path)
    assert f"{path}:2" in str(err.value)


def test_bad_pairs_are_refused(tmp_path: Path) -> None:
    good = {"pair_id": "p1", "context": [{"role": "user", "content": "头疼三天"}], "a": "x", "b": "y"}
    ok = _write(tmp_path / "ok.jsonl", [good])
    assert read_pairs(ok)[0].context[0].content == "头疼三天"
    with pytest.raises(CalibrationInputError, match="duplicate pair_id"):
        read_pairs(_write(tmp_path / "dup.jsonl", [good, good]))
    with pytest.raises(CalibrationInputError, match=r"bad.jsonl:1: not a pair"):
        read_pairs(_write(tmp_path / "bad.jsonl", [{"pair_id": "p", "context": [], "a": "x", "b": "y"}]))


def test_consensus_and_kappa_per_dimension() -> None:
    entries = [
        ExpertChoice("p1", "e1", {"accuracy": "win"}), ExpertChoice("p1", "e2", {"accuracy": "win"}),
        ExpertChoice("p2", "e1", {"accuracy": "win"}), ExpertChoice("p2", "e2", {"accuracy": "loss"}),  # split -> tie
        ExpertChoice("p3", "e1", {"accuracy": "loss"}),
        ExpertChoice("p4", "e1", {"accuracy": "tie"}),
    ]
    consensus = expert_consensus(entries)
    assert {p: d["accuracy"] for p, d in consensus.items()} == {"p1": "win", "p2": "tie", "p3": "loss", "p4": "tie"}
    judge = {"p1": {"accuracy": "win"}, "p2": {"accuracy": "tie"}, "p3": {"accuracy": "win"}, "p4": {"accuracy": "loss"}, "p9": {"accuracy": "win"}}
    rep = compare(consensus, judge)
    acc = next(d for d in rep.dimensions if d.dimension == "accuracy")
    # expert: win tie loss tie; judge: win tie win loss -> p_o 2/4;
    # p_e = P(win) .25*.5 + P(tie) .5*.25 + P(loss) .25*.25 = .3125 -> kappa (.5 - .3125) / .6875
    assert acc.n == 4
    assert acc.agreement == pytest.approx(0.5)
    assert acc.kappa == pytest.approx((0.5 - 0.3125) / 0.6875)
    assert acc.confusion == {"loss>win": 1, "tie>loss": 1, "tie>tie": 1, "win>win": 1}
    assert rep.pairs_both == 4 and rep.pairs_judge == 5
    proact = next(d for d in rep.dimensions if d.dimension == "proactiveness")
    assert proact.n == 0
    assert rep.overall.n == 4
