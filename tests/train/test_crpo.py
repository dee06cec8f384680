"""Real GRPO steps on a tiny Qwen2.5-VL with the counterpart reward and a scripted judge."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DIMS = ("proactiveness", "accuracy", "usefulness", "language")


def _bit(*parts: str) -> bool:
    return hashlib.sha256("|".join(parts).encode()).digest()[0] % 2 == 1


class HashJudge:
    """Deterministic but content-dependent verdicts, so rewards vary inside each group."""

    def __init__(self):
        self.batches: list[int] = []
        self.seen: list[tuple[str, str, str]] = []

    async def compare_many(self, items):
        self.batches.append(len(items))
        out = []
        for ctx, a, b in items:
            self.seen.append((ctx[-1]["content"], a, b))
            out.append({d: ("win" if _bit(a, b, d) else "tie") for d in DIMS})
        return out


class LengthScorer:
    async def score(self, context, response):
        s = 1 + len(response) % 10
        return {d: s for d in DIMS}


def recipe(model_dir: Path, data: Path, out: Path, mode: str = "crpo", adapter: str | None = None):
    from mediscope.train.config import CRPORecipe

    return CRPORecipe(
        name="test",
        model={"path": str(model_dir), "dtype": "float32"},
        data={"path": str(data)},
        output_dir=str(out),
        adapter=adapter,
        reward={"mode": mode, "k": 5},
        trainer={
            "max_steps": 2,
            "per_device_train_batch_size": 4,
            "num_generations": 4,
            "max_completion_length": 8,
            "learning_rate": 1e-2,
            "logging_steps": 1,
            "save_strategy": "no",
            "use_cpu": True,
            "report_to": "none",
            "seed": 0,
        },
    )


def test_crpo_steps_change_adapter_and_reward_matches_judge(tiny_model_dir, crpo_dataset_dir, tmp_path):
    from mediscope.train.crpo import build_crpo_trainer
    from mediscope.train.modeling import adapter_state

    judge = HashJudge()
    trainer, reward = build_crpo_trainer(recipe(tiny_model_dir, crpo_dataset_dir, tmp_path / "out"), judge=judge)
    returned: list[list[float]] = []
    texts: list[str] = []
    call = reward.__call__

    class Recording:
        __name__ = reward.__name__

        def __call__(self, *a, **kw):
            out = call(*a, **kw)
            returned.append(out)
            texts.extend(c[0]["content"] for c in kw["completions"])
            return out

    trainer.reward_funcs[0] = Recording()
    before = adapter_state(trainer.model)
    trainer.train()
    after = adapter_state(trainer.model)
    assert any(not (before[k] == after[k]).all() for k in before)
    # each returned reward is the definition applied to the verdicts the judge gave
    flat = [r for batch in returned for r in batch]
    stored = [f"counterpart {j} answer " + "x" * (3 * j) for j in range(5)]
    expected = [sum(_bit(t, b, d) for b in stored for d in DIMS) / (5 * len(DIMS)) for t in texts]
    assert len(flat) == 2 * 4 and flat == pytest.approx(expected)
    # one judge call per generation batch, each with <= batch x K distinct pairs
    assert len(judge.batches) == 2 and all(0 < n <= 4 * 5 for n in judge.batches)
    # the counterparts the judge saw are the stored ones, the context is the patient's last turn
    assert {b for _, _, b in judge.seen} == set(stored)
    assert {c for c, _, _ in judge.seen} <= {"两周了。"}
    logged = [h["rewards/crpo_reward/mean"] for h in trainer.state.log_history if "rewards/crpo_reward/mean" in h]
    assert logged == pytest.approx([sum(b) / len(b) for b in returned])  # what TRL optimised is our reward
    assert set(reward.last_stats) >= {f"win_rate/{d}" for d in DIMS}
    # per-dimension win rates reach the trainer's logs
    assert all(f"crpo_reward/win_rate/{d}" in trainer.state.log_history[0] for d in DIMS)


def test_grpo_absolute_mode_runs_without_counterparts(tiny_model_dir, mm_dataset, tmp_path):
    from mediscope.train.crpo import run_crpo

    out = run_crpo(recipe(tiny_model_dir, mm_dataset, tmp_path / "abs", mode="grpo-absolute"), judge=LengthScorer())
    assert out.global_step == 2
    assert (out.adapter_dir / "adapter_model.safetensors").is_file()
