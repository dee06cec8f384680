"""`mediscope eval generate | judge | winrate` end to end against the loopback server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mediscope.cli import app
from mediscope.testing import ChatServer, length_judge, position_biased_judge

runner = CliRunner()


def _run(args: list[str]) -> str:
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _answer_by_model(body: dict) -> str:
    # a "model" whose answer length depends on its name, so the length judge prefers one model
    if body["model"] == "strong":
        return "请问症状持续多久了？有没有发热？建议完善血常规检查，必要时就医。"
    return "多休息。"


def test_generate_judge_winrate_pipeline(tmp_path: Path, repo_root: Path, shared_data: Path) -> None:
    sample = repo_root / "examples/sample/consultations.csv"
    with ChatServer(responder=_answer_by_model) as server:
        for name in ("strong", "weak"):
            _run(
                [
                    "eval",
                    "generate",
                    "-i",
                    str(sample),
                    "-b",
                    "meddiagnose",
                    "-o",
                    str(tmp_path / f"{name}.jsonl"),
                    "--base-url",
                    server.base_url,
                    "--model",
                    name,
                    "--cache-dir",
                    str(tmp_path / "cache"),
                ]
            )
        # the rash case shows an image: it is sent as an image part on the patient turn
        image_parts = [
            p
            for b in server.bodies
            for m in b["messages"]
            if isinstance(m["content"], list)
            for p in m["content"]
            if p["type"] == "image_url"
        ]
        assert image_parts and image_parts[0]["image_url"]["url"].startswith("data:image/png;base64,")
    rows = [json.loads(line) for line in (tmp_path / "strong.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and rows[0]["model"] == "strong" and rows[0]["context"][-1]["role"] == "user"
    assert rows[0]["reference"] and rows[0]["response"].startswith("请问")

    with ChatServer(responder=length_judge()) as judge_server:
        _run(
            [
                "eval",
                "judge",
                "--candidate",
                str(tmp_path / "strong.jsonl"),
                "--baseline",
                str(tmp_path / "weak.jsonl"),
                "-o",
                str(tmp_path / "verdicts.jsonl"),
                "--base-url",
                judge_server.base_url,
                "--model",
                "judge",
                "--cache-dir",
                str(tmp_path / "cache"),
            ]
        )
    verdicts = [
        json.loads(line) for line in (tmp_path / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(verdicts) == len(rows)
    assert all(v["outcomes"]["accuracy"] == "win" and v["baseline"] == "weak" for v in verdicts)
    assert len(judge_server.requests) == 2 * len(rows)

    out = _run(
        [
            "eval",
            "winrate",
            str(tmp_path / "verdicts.jsonl"),
            "-o",
            str(tmp_path / "report.json"),
            "--n-boot",
            "200",
        ]
    )
    assert "strong vs weak" in out
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    overall = report["baselines"]["weak"]["overall"]
    assert overall["win"] == 1.0 and overall["n"] == len(rows)


def test_winrate_on_pairs_file_with_biased_judge_is_all_ties(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {
            "id": str(i),
            "context": [{"role": "user", "content": f"问题{i}"}],
            "candidate": f"答{i}",
            "baselines": {"gpt": f"另一个回答{i}", "qwen": f"回答{i}!"},
        }
        for i in range(5)
    ]
    pairs.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    with ChatServer(responder=position_biased_judge()) as server:
        _run(
            [
                "eval",
                "winrate",
                str(pairs),
                "-o",
                str(tmp_path / "r.json"),
                "--base-url",
                server.base_url,
                "--model",
                "judge",
                "--cache-dir",
                str(tmp_path / "cache"),
                "--n-boot",
                "200",
            ]
        )
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["baselines"]
    assert set(report) == {"gpt", "qwen"}
    assert all(report[b][d]["tie"] == 1.0 for b in report for d in report[b])
    # the diagnostic shows why: the two orders never agreed
    agreement = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["order_agreement"]
    assert agreement["gpt"] == {"proactiveness": 0.0, "accuracy": 0.0, "usefulness": 0.0, "language": 0.0}


def test_generate_cmtmedqa_limit(tmp_path: Path, shared_data: Path) -> None:
    path = shared_data / "zhongjing_cmtmedqa/CMtMedQA_test.sample.json"
    with ChatServer(responder=lambda b: "好的") as server:
        _run(
            [
                "eval",
                "generate",
                "-i",
                str(path),
                "-b",
                "cmtmedqa",
                "--limit",
                "7",
                "-o",
                str(tmp_path / "r.jsonl"),
                "--base-url",
                server.base_url,
                "--model",
                "m",
                "--cache-dir",
                str(tmp_path / "c"),
            ]
        )
        assert len(server.requests) == 7
    rows = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(rows[0])
    assert (
        len(rows) == 7
        and first["id"] == "j4219"
        and first["context"][-1]["content"] == "我知道了，谢谢医生的解答。"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json\n", "not valid JSON"), ('{"id": "1"}\n', "neither a verdicts file")],
)
def test_winrate_bad_input_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", "winrate", str(f)])
    assert result.exit_code == 2 and message in " ".join(result.output.split())


def test_judge_needs_inputs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "judge", "-o", str(tmp_path / "v.jsonl")])
    assert result.exit_code == 2 and "--candidate" in " ".join(result.output.split())


def test_judge_absolute_mode_on_pairs(tmp_path: Path) -> None:
    from mediscope.testing import absolute_responder

    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {
            "id": "1",
            "context": [{"role": "user", "content": "发烧"}],
            "candidate": "请问体温多少度？",
            "baselines": {"b": "吃药"},
        }
    ]
    pairs.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n", encoding="utf-8")
    with ChatServer(responder=absolute_responder(lambda d, r: 9 if "？" in r else 4)) as server:
        _run(
            [
                "eval",
                "judge",
                "--pairs",
                str(pairs),
                "--mode",
                "absolute",
                "-o",
                str(tmp_path / "v.jsonl"),
                "--base-url",
                server.base_url,
                "--model",
                "judge",
                "--cache-dir",
                str(tmp_path / "c"),
            ]
        )
    (verdict,) = [
        json.loads(line) for line in (tmp_path / "v.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert verdict["mode"] == "absolute" and verdict["judge"].startswith("judge_absolute.v1@")
    assert set(verdict["outcomes"].values()) == {"win"}


def test_generate_unknown_benchmark_format(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(
        app, ["eval", "generate", "-i", str(f), "-o", str(tmp_path / "o.jsonl"), "-b", "nope"]
    )
    assert result.exit_code == 2 and "unknown format" in " ".join(result.output.split())
