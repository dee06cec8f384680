"""DICOM: PS3.15 Annex E header scrubbing on the pydicom sample files, pixels to PNG."""

from __future__ import annotations

import io
import json

import pydicom
import pytest
from PIL import Image as PILImage

from mediscope.deid.image.dicom import (
    DicomError,
    DicomReason,
    deterministic_uid,
    header_summary,
    read_dataset,
    render_frame,
    scrub_dataset,
)
from mediscope.io.dicom import DicomReader
from mediscope.rejects import Rejection

from .helpers import write_dicom_with_text

# identifying values present in the sample headers (see the samples' SOURCE.txt)
SAMPLE_PHI = [
    "CompressedSamples",
    "1CT1",
    "4MR1",
    "Sssssss",
    "021234567",
    "AKH - WIEN",
    "Waehringer",
    "8000000000330109",
    "meduser",
    "Galliera",
    "642341",
    "19710123",
    "id00001",
    "Last^First",
    "JANCT000",
    "Test^S R",
    "Phantom30sep",
    "dmason",
    "JFK IMAGING",
]


@pytest.fixture(scope="module")
def dicom_dir(shared_data):
    return shared_data / "pydicom_testfiles"


def test_reader_over_samples_scrubs_everything(dicom_dir):
    items = list(DicomReader({"path": str(dicom_dir), "case_salt": "site-secret"}))
    records = [i for i in items if not isinstance(i, Rejection)]
    rejects = {i.detail.split(":")[0]: i.reason for i in items if isinstance(i, Rejection)}
    kinds = {r.source.original_id: r.kind for r in records}
    assert kinds["CT_small.dcm"] == "image" and kinds["examples_overlay.dcm"] == "image"
    assert kinds["test-SR.dcm"] == "report" and kinds["reportsi.dcm"] == "report"
    assert rejects["no_meta.dcm"] == DicomReason.UNREADABLE
    assert (
        rejects["rtplan.dcm"] == DicomReason.NO_PIXELS
        and rejects["waveform_ecg.dcm"] == DicomReason.NO_PIXELS
    )
    assert "LICENSE" not in rejects and "README.txt" not in rejects  # not DICOM, not even tried
    for rec in records:
        dumped = rec.model_copy(update={"images": []}).model_dump_json()
        for phi in SAMPLE_PHI:
            assert phi not in dumped, (rec.source.original_id, phi)
        assert rec.meta["dicom"]["PatientIdentityRemoved"] == "YES"
    for rej in items:
        if isinstance(rej, Rejection):
            assert not any(phi in rej.to_json() for phi in SAMPLE_PHI)


def test_case_key_groups_a_patient_without_storing_the_id(dicom_dir):
    def case(name, salt):
        rec = next(iter(DicomReader({"path": str(dicom_dir / name), "case_salt": salt})))
        return rec.case_id

    assert case("MR_small.dcm", "s1") == case("MR_small_implicit.dcm", "s1")
    assert case("MR_small.dcm", "s1") != case("CT_small.dcm", "s1")
    assert case("MR_small.dcm", "s1") != case("MR_small.dcm", "s2")
    assert "4MR1" not in case("MR_small.dcm", "s1")


def test_scrub_applies_basic_profile(dicom_dir):
    ds = pydicom.dcmread(dicom_dir / "examples_overlay.dcm")
    old_uid = str(ds.SOPInstanceUID)
    assert any(el.tag.is_private for el in ds)
    summary = scrub_dataset(ds, salt="k")
    assert str(ds.get("PatientName", "")) == ""
    assert str(ds.get("PatientID", "")) in ("", "ANONYMIZED")
    assert "InstitutionAddress" not in ds and str(ds.get("OperatorsName", "")) == ""
    assert str(ds.get("PatientBirthDate", "")) in ("", "00010101")
    assert not any(el.tag.is_private for el in ds)
    assert str(ds.SOPInstanceUID) == deterministic_uid(old_uid, "k") != old_uid
    assert ds.PatientIdentityRemoved == "YES"
    assert ds.DeidentificationMethodCodeSequence[0].CodeValue == "113100"
    assert summary.removed > 10 and summary.private_removed > 0
    # overlay planes may hold drawn text: their data is removed
    assert not [el for el in ds if 0x6000 <= el.tag.group <= 0x60FF and el.tag.element == 0x3000]


def test_uids_consistent_across_files_of_a_study(dicom_dir):
    a = pydicom.dcmread(dicom_dir / "MR_small.dcm")
    b = pydicom.dcmread(dicom_dir / "MR_small_implicit.dcm")
    assert a.StudyInstanceUID == b.StudyInstanceUID
    scrub_dataset(a, salt="x")
    scrub_dataset(b, salt="x")
    assert a.StudyInstanceUID == b.StudyInstanceUID


def test_nested_person_names_emptied(dicom_dir):
    ds = pydicom.dcmread(dicom_dir / "test-SR.dcm")
    scrub_dataset(ds)
    dumped = json.dumps(ds.to_json_dict(bulk_data_threshold=1, bulk_data_element_handler=lambda el: ""))
    assert "Test^S R" not in dumped


def test_render_ct_to_8bit(dicom_dir):
    ds = pydicom.dcmread(dicom_dir / "CT_small.dcm")
    im = render_frame(ds)
    assert im.mode == "L" and im.size == (128, 128)
    lo, hi = im.getextrema()
    assert hi - lo > 100  # windowed, not flat
    assert header_summary(ds)["Modality"] == "CT"


def test_render_jpeg2000_with_plugin(dicom_dir):
    pytest.importorskip("openjpeg")
    im = render_frame(pydicom.dcmread(dicom_dir / "GDCMJ2K_TextGBR.dcm"))
    assert im.mode == "RGB" and im.size == (400, 400)


def test_bad_dicom_inputs(tmp_path, dicom_dir):
    with pytest.raises(DicomError) as exc:
        read_dataset(b"hello, not dicom" * 50, name="x.dcm")
    assert exc.value.reason == DicomReason.UNREADABLE
    data = (dicom_dir / "CT_small.dcm").read_bytes()
    (tmp_path / "trunc.dcm").write_bytes(data[: len(data) // 2])
    (tmp_path / "zero.dcm").write_bytes(b"")
    items = list(DicomReader({"path": str(tmp_path)}))
    assert all(isinstance(i, Rejection) for i in items)
    assert {i.reason for i in items} <= {DicomReason.UNREADABLE, DicomReason.PIXEL_DECODE}
    assert len(items) == 2


def test_burned_in_flag_reaches_meta(tmp_path):
    im = PILImage.new("L", (200, 80), 0)
    write_dicom_with_text(
        tmp_path / "a.dcm", im, patient_name="Zhang^Wei", patient_id="P123", burned_in="YES"
    )
    rec = next(iter(DicomReader({"path": str(tmp_path / "a.dcm")})))
    assert rec.meta["dicom"]["burned_in_annotation"] == "YES"
    assert "Zhang" not in rec.model_dump_json() and "Springfield" not in rec.model_dump_json()
    png = PILImage.open(io.BytesIO(rec.images[0].data))
    assert png.size == (200, 80)
