"""Every reader on the real shared samples: counts, roles, languages, ids and provenance."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from mediscope.io.registry import READERS, make_reader
from mediscope.record import Record
from mediscope.rejects import Rejection


def read_all(fmt: str, path: Path, **options: object) -> tuple[list[Record], list[Rejection]]:
    items = list(make_reader(fmt, str(path), **options))
    recs = [i for i in items if isinstance(i, Record)]
    rejs = [i for i in items if isinstance(i, Rejection)]
    assert len(recs) + len(rejs) == len(items)
    return recs, rejs


def test_cmtmedqa_multiturn_and_safety_items(shared_data: Path) -> None:
    recs, rejs = read_all("cmtmedqa", shared_data / "zhongjing_cmtmedqa/CMtMedQA_test.sample.json")
    assert not rejs
    assert len(recs) == 300  # 250 multi-turn + 50 safety items
    first = recs[0]
    assert first.source.original_id == "j4219"
    assert first.meta == {"cate1": "肿瘤科", "cate2": "肿瘤科"}
    assert first.turns[0].text.startswith("医生，我得了恶性乳腺癌中期")
    assert first.turns[-1].text.startswith("不客气")
    assert [t.role for t in first.turns] == ["patient", "doctor"] * (len(first.turns) // 2)
    assert sum(r.meta.get("category") == "safety" for r in recs) == 50
    assert Counter(r.lang for r in recs)["zh"] == 300
    assert max(len(r.turns) for r in recs) >= 6


def test_huatuo26m_list_fields(shared_data: Path) -> None:
    recs, rejs = read_all("huatuo26m", shared_data / "zhongjing_cmtmedqa/huatuo26M_test.first300.json")
    assert not rejs and len(recs) == 300
    assert recs[0].kind == "qa"
    assert recs[0].turns[0].text == "做了腰间盘穿丁手术后，用盐泡脚可以吗"
    assert len({r.id for r in recs}) == 300  # ids are empty in the source: ours must still be unique


def test_meddialog_cases(shared_data: Path) -> None:
    recs, rejs = read_all("meddialog", shared_data / "huatuogpt_eval/Med-dialog_100.json")
    assert not rejs and len(recs) == 100
    assert recs[0].kind == "consultation"
    assert recs[0].meta["department"] == "皮肤科"
    assert "指甲营养不良" in recs[0].turns[0].text
    assert recs[0].case_id == "meddialog:62963"


def test_disc_conversations(shared_data: Path) -> None:
    path = shared_data / "disc_medllm/test_examples.jsonl"
    recs, rejs = read_all("disc", path)
    n_lines = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert not rejs and len(recs) == n_lines
    assert recs[0].source.original_id == "01-94236"
    assert recs[0].turns[0].role == "patient" and recs[0].turns[1].role == "doctor"
    assert all(t.role in ("patient", "doctor", "system") for r in recs for t in r.turns)


def test_bianque_literal_backslash_n(shared_data: Path) -> None:
    path = shared_data / "bianque/cMedialog_example.csv"
    recs, rejs = read_all("bianque", path)
    with path.open(encoding="utf-8", newline="") as fh:
        n_rows = sum(1 for _ in csv.DictReader(fh))
    assert len(recs) + len(rejs) == n_rows and not rejs
    for rec in recs:
        assert rec.turns[-1].role == "doctor" and rec.turns[-1].text
        assert all("\\n" not in t.text for t in rec.turns)  # literal separators consumed
        assert not any(t.text.startswith(("病人：", "医生：")) for t in rec.turns)
    assert all(len(r.turns) == 2 for r in recs)  # this sample's contexts are single exchanges


def test_bianque_multiturn_context(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    context = "病人：头痛三天\\n医生：发烧吗？\\n病人：不发烧\\n医生："
    path.write_text(f'"input","target","answer_choice","type"\n"{context}","建议休息","","dialogue"\n', encoding="utf-8")
    recs, rejs = read_all("bianque", path)
    assert not rejs
    assert [(t.role, t.text) for t in recs[0].turns] == [
        ("patient", "头痛三天"), ("doctor", "发烧吗？"), ("patient", "不发烧"), ("doctor", "建议休息")]


def test_cmdd_gb18030_detected_not_mangled(shared_data: Path) -> None:
    path = next((shared_data / "toyhom_cmdd").glob("*.csv"))
    recs, rejs = read_all("cmdd", path)
    text = path.read_bytes().decode("gb18030")
    expected = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(recs) + len(rejs) == len(expected)
    assert len(recs) >= len(expected) - 1  # the snapshot's last row may be cut mid-field
    assert recs[0].turns[0].text == expected[0]["ask"]
    assert recs[0].meta["department"] == "心血管科"
    assert all("\ufffd" not in t.text for r in recs for t in r.turns)
    assert any("\n" in r.turns[1].text for r in recs)  # embedded newlines survived


def test_cmdd_wrong_explicit_encoding_is_rejected(shared_data: Path) -> None:
    path = next((shared_data / "toyhom_cmdd").glob("*.csv"))
    recs, rejs = read_all("cmdd", path, encoding="utf-8")
    assert not recs and [r.reason for r in rejs] == ["encoding"]


def test_meddiagnose_sample_with_images(repo_root: Path) -> None:
    recs, rejs = read_all("meddiagnose", repo_root / "examples/sample/consultations.csv")
    assert [r.reason for r in rejs] == ["empty_dialogue"]
    by_id = {r.source.original_id: r for r in recs}
    rash = by_id["MS-0001"]
    assert rash.turns[0].role == "patient" and len(rash.turns[0].images) == 1
    assert "<attachment>" not in rash.turns[0].text
    img = rash.image(rash.turns[0].images[0])
    assert (img.width, img.height) == (640, 480) and img.format == "PNG" and len(img.sha256) == 64
    assert by_id["MS-0003"].lang == "en" and by_id["MS-0001"].lang == "zh"


def test_meddiagnose_missing_image_rejected(tmp_path: Path) -> None:
    csv_path = tmp_path / "d.csv"
    csv_path.write_text('Id,Response\n1,"患者：看看这个<attachment>nope.png<attachment>\n医生：好的"\n', encoding="utf-8")
    recs, rejs = read_all("meddiagnose", csv_path)
    assert not recs and rejs[0].reason == "unreadable_image" and "nope.png" in rejs[0].detail


def test_meddiagnose_attachment_outside_folder_rejected(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    csv_path = tmp_path / "d.csv"
    csv_path.write_text('Id,Response\n1,"患者：<attachment>../d.csv<attachment>看\n医生：好"\n', encoding="utf-8")
    recs, rejs = read_all("meddiagnose", csv_path)
    assert not recs and rejs[0].reason == "invalid_record"


def test_image_folder_with_sidecar(repo_root: Path, tmp_path: Path) -> None:
    case = tmp_path / "patient-1"
    case.mkdir()
    (case / "a.png").write_bytes((repo_root / "examples/sample/images/rash.png").read_bytes())
    (case / "a.txt").write_text("右前臂红色斑丘疹", encoding="utf-8")
    (case / "b.png").write_bytes(b"not an image")
    recs, rejs = read_all("images", tmp_path)
    assert len(recs) == 1 and recs[0].reports[0].text == "右前臂红色斑丘疹"
    assert recs[0].case_id == "images:patient-1" and recs[0].images[0].data is not None
    assert [r.reason for r in rejs] == ["unreadable_image"]


def test_records_jsonl_and_parquet_round_trip(tmp_path: Path, shared_data: Path) -> None:
    from mediscope.io.shards import write_records

    recs, _ = read_all("cmtmedqa", shared_data / "zhongjing_cmtmedqa/CMtMedQA_test.sample.json")
    write_records(recs[:20], tmp_path / "r.jsonl")
    write_records(recs[:20], tmp_path / "r.parquet")
    assert read_all("jsonl", tmp_path / "r.jsonl")[0] == recs[:20]
    assert read_all("parquet", tmp_path / "r.parquet")[0] == recs[:20]


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_format_reports_missing_input_clearly(fmt: str, tmp_path: Path) -> None:
    try:
        reader = make_reader(fmt, str(tmp_path / "missing.file"))
    except LookupError as exc:  # an optional extra is not installed
        pytest.skip(str(exc))
    items = list(reader)
    assert items and all(isinstance(i, Rejection) for i in items)
    assert items[0].reason in ("io_error", "unreadable_image", "missing_field", "invalid_record")
