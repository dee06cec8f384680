"""The `redact-images` and `dicom-scrub` verbs."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mediscope.cli import app
from mediscope.deid.image.metadata import metadata_keys
from mediscope.deid.image.synthetic import make_report

runner = CliRunner()


def _audit(out):
    return [json.loads(line) for line in (out / "audit.jsonl").read_text(encoding="utf-8").splitlines()]


def test_dicom_scrub_writes_png_and_clean_headers(shared_data, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(
        app, ["dicom-scrub", str(shared_data / "pydicom_testfiles"), "-o", str(out), "--redact", "never"]
    )
    assert res.exit_code == 0, res.output
    audit = {e["input"]: e for e in _audit(out)}
    assert audit["no_meta.dcm"]["reason"] == "dicom_unreadable"
    ct = audit["CT_small.dcm"]
    assert ct["status"] == "ok" and (out / ct["image"]).is_file() and "CT_small" not in ct["image"]
    header = json.loads((out / ct["header"]).read_text(encoding="utf-8"))
    assert header["attributes"]["PatientIdentityRemoved"] == "YES"
    blob = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.json"))
    for phi in ("CompressedSamples", "1CT1", "Sssssss", "021234567", "Galliera", "JFK IMAGING"):
        assert phi not in blob
    assert "rtplan.dcm" in audit and "image" not in audit["rtplan.dcm"]  # header only


def test_cli_errors_are_clear(tmp_path):
    res = runner.invoke(app, ["dicom-scrub", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 2 and "input not found" in res.output
    (tmp_path / "empty").mkdir()
    res = runner.invoke(app, ["redact-images", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 2 and "no image files" in res.output


@pytest.mark.slow
def test_redact_images_end_to_end(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    make_report(3, "zh").image.save(src / "张伟_报告.png")
    (src / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    out = tmp_path / "out"
    res = runner.invoke(app, ["redact-images", str(src), "-o", str(out), "--threads", "2"])
    assert res.exit_code == 0, res.output
    audit = {e["input"]: e for e in _audit(out)}
    assert audit["broken.jpg"]["status"] == "rejected" and audit["broken.jpg"]["reason"].startswith("image_")
    ok = audit["张伟_报告.png"]
    assert ok["status"] == "ok" and "张伟" not in ok["output"]
    assert {s["entity_type"] for s in ok["spans"]} >= {"PERSON", "PHONE_NUMBER"}
    assert metadata_keys((out / ok["output"]).read_bytes()) == {}
