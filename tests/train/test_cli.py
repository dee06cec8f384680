"""`mediscope train ...` verbs: help, errors, and a CPU run of each on the tiny model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mediscope.cli import app

runner = CliRunner()

SMOKE = [
    "model.dtype=float32",
    "model.attn_implementation=null",
    "model.min_pixels=null",
    "model.max_pixels=null",
    "trainer.max_steps=1",
    "trainer.use_cpu=true",
    "trainer.bf16=false",
    "trainer.gradient_checkpointing=false",
    "trainer.eval_strategy=no",
    "trainer.save_strategy=no",
    "trainer.per_device_train_batch_size=2",
    "trainer.gradient_accumulation_steps=1",
]


def _sets(*items: str) -> list[str]:
    out: list[str] = []
    for item in items:
        out += ["--set", item]
    return out


def _last_json(output: str) -> dict:
    line = [ln for ln in output.strip().splitlines() if ln.startswith('{"')][-1]
    return json.loads(line)


@pytest.mark.parametrize("verb", [[], ["sft"], ["crpo"], ["counterparts"], ["tiny-model"]])
def test_help(verb):
    result = runner.invoke(app, ["train", *verb, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_bad_recipe_and_wrong_stage(tmp_path: Path, repo_root: Path):
    bad = tmp_path / "r.yaml"
    bad.write_text("stage: sft\nname: x\nmodel: {path: m}\ndata: {path: d}\noutput_dir: o\nlroa: {}\n")
    result = runner.invoke(app, ["train", "sft", "--recipe", str(bad)])
    assert result.exit_code != 0 and "lroa" in result.output
    result = runner.invoke(app, ["train", "sft", "--recipe", str(repo_root / "train" / "crpo.yaml")])
    assert result.exit_code != 0 and "crpo recipe" in result.output
    result = runner.invoke(app, ["train", "crpo", "--recipe", str(repo_root / "train" / "crpo.yaml"), "--set", "oops"])
    assert result.exit_code != 0


@pytest.mark.slow
def test_tiny_model_verb(tmp_path: Path):
    result = runner.invoke(app, ["train", "tiny-model", str(tmp_path / "m"), "--hidden", "32"])
    assert result.exit_code == 0, result.output
    cfg = json.loads((tmp_path / "m" / "config.json").read_text())
    assert cfg["model_type"] == "qwen2_5_vl" and cfg["text_config"]["hidden_size"] == 32
    assert runner.invoke(app, ["train", "tiny-model", str(tmp_path / "x"), "--hidden", "30"]).exit_code != 0


@pytest.mark.slow
def test_sft_text_then_multimodal_verbs(repo_root: Path, tiny_model_dir, text_dataset, mm_dataset, tmp_path: Path):
    text = runner.invoke(app, [
        "train", "sft", "--recipe", str(repo_root / "train" / "sft_text.yaml"),
        *_sets(*SMOKE, f"model.path={tiny_model_dir}", f"data.path={text_dataset}", f"output_dir={tmp_path / 'text'}"),
    ])
    assert text.exit_code == 0, text.output
    adapter = _last_json(text.output)["adapter"]
    assert (Path(adapter) / "adapter_config.json").is_file()
    mm = runner.invoke(app, [
        "train", "sft", "--recipe", str(repo_root / "train" / "sft_multimodal.yaml"),
        *_sets(*SMOKE, f"model.path={tiny_model_dir}", f"data.path={mm_dataset}", f"adapter={adapter}",
               f"output_dir={tmp_path / 'mm'}"),
    ])
    assert mm.exit_code == 0, mm.output
    assert _last_json(mm.output)["global_step"] == 1


@pytest.mark.slow
def test_counterparts_and_crpo_verbs(repo_root: Path, tiny_model_dir, mm_dataset, tmp_path: Path):
    from mediscope.testing import ChatServer, task_router

    pytest.importorskip("mediscope.judge")
    from mediscope.testing import judge_responder

    def answer(body):
        if body["model"] == "judge":
            return task_router(pairwise_judge=judge_responder(lambda d, a, b: "A" if len(a) > len(b) else "B"))(body)
        return f"{body['model']} thinks you should rest"

    recipe = str(repo_root / "train" / "crpo.yaml")
    with ChatServer(responder=answer) as server:
        models = "[" + ", ".join(
            f"{{name: cp{j}, model: m{j}, base_url: '{server.base_url}'}}" for j in range(2)
        ) + "]"
        common = [
            f"counterparts.models={models}", "reward.k=2", f"counterparts.cache_dir={tmp_path / 'cache'}",
            f"judge.cache_dir={tmp_path / 'cache'}", "judge.model=judge", f"judge.base_url={server.base_url}",
        ]
        cp = runner.invoke(app, [
            "train", "counterparts", "--recipe", recipe, "--output", str(tmp_path / "cp"), "--no-images",
            *_sets(*common, f"data.path={mm_dataset}"),
        ])
        assert cp.exit_code == 0, cp.output
        assert _last_json(cp.output)["rows"] == {"train": 8}
        run = runner.invoke(app, [
            "train", "crpo", "--recipe", recipe,
            *_sets(*common, *SMOKE, f"model.path={tiny_model_dir}", f"data.path={tmp_path / 'cp'}", "adapter=null",
                   "trainer.per_device_train_batch_size=4", "trainer.num_generations=2",
                   "trainer.max_completion_length=6", f"output_dir={tmp_path / 'crpo'}"),
        ])
        assert run.exit_code == 0, run.output
        judged = [b for b in server.bodies if b["model"] == "judge"]
    assert _last_json(run.output)["global_step"] == 1
    assert len(judged) == 2 * 4 * 2  # both orders x 4 completions x K=2 (distinct pairs)


def test_clear_errors_for_missing_data_and_missing_key(repo_root: Path, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("MEDISCOPE_LLM_BASE_URL", raising=False)
    result = runner.invoke(app, [
        "train", "counterparts", "--recipe", str(repo_root / "train" / "crpo.yaml"), "--output", str(tmp_path / "o"),
        "--set", f"data.path={tmp_path / 'missing'}",
    ])
    assert result.exit_code == 2
    assert "OPENAI_API_KEY" in result.output  # the hosted counterpart needs a key: refused before any call
    result = runner.invoke(app, [
        "train", "counterparts", "--recipe", str(repo_root / "train" / "crpo.yaml"), "--output", str(tmp_path / "o"),
        "--set", f"data.path={tmp_path / 'missing'}",
        "--set", "counterparts.models=[{name: a, model: m, base_url: 'http://127.0.0.1:9/v1'}]", "--set", "reward.k=1",
    ])
    assert result.exit_code == 2 and "no such dataset folder" in result.output
