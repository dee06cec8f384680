"""The image_deid stage: every record kept or rejected, images replaced, report text filled."""

from __future__ import annotations

import hashlib
import io

from PIL import Image as PILImage

from mediscope.deid.image.checks import ImageReason
from mediscope.deid.image.metadata import metadata_keys
from mediscope.record import DeidStatus, Image, Record, Report, Source, Turn
from mediscope.stages.deid.image import DEID_FAILED, ImageDeidStage
from mediscope.stages.registry import resolve_stage

from .conftest import ScriptedEngine, toy_analyzer


def _png_with_exif(layout) -> bytes:
    im = PILImage.new("RGB", (500, 200), "white")
    for _, box in layout:
        im.paste((40, 40, 40), box)
    exif = PILImage.Exif()
    exif[0x010E] = "张伟 13812345678"  # ImageDescription
    buf = io.BytesIO()
    im.save(buf, format="PNG", exif=exif)
    return buf.getvalue()


def _image(data: bytes, image_id: str = "img1", name: str = "zhang_wei.png") -> Image:
    return Image(
        id=image_id,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        width=500,
        height=200,
        format="PNG",
        name=name,
    )


def _record(rid: str, images: list[Image], **kw) -> Record:
    return Record(id=rid, source=Source(dataset="test"), case_id=f"c-{rid}", **kw, images=images)


def _stage(layout, **cfg):
    return ImageDeidStage(cfg, engine=ScriptedEngine(layout), analyzer=toy_analyzer)


def test_alias_resolves_to_stage():
    assert resolve_stage("image_deid") is ImageDeidStage


def test_report_image_redacted_text_filled_metadata_stripped(scripted_layout):
    data = _png_with_exif(scripted_layout)
    assert metadata_keys(data)
    rec = _record("r1", [_image(data)], kind="image", reports=[Report(kind="imaging", image="img1")])
    result = _stage(scripted_layout)([rec])
    assert len(result.kept) == 1 and not result.rejected
    out = result.kept[0]
    img = out.images[0]
    assert img.data != data and img.sha256 == hashlib.sha256(img.data).hexdigest()
    assert img.format == "PNG" and img.name == "img1.png" and img.path is None
    assert metadata_keys(img.data) == {}
    assert out.reports[0].text.splitlines()[:2] == ["姓名：<PERSON> 性别：男", "电话：<PHONE_NUMBER>"]
    spans = [s for s in out.deid.spans if s.field == "images[0]"]
    assert {s.entity_type for s in spans} == {"PERSON", "PHONE_NUMBER"}
    assert all(s.box and s.operator == "redact" for s in spans)
    assert out.deid.status == DeidStatus.passed  # only text is what this stage produced
    assert out.meta["image_deid"]["img1"]["findings"] == 2
    assert out.provenance[-1].stage == "image_deid"
    # the input record was not mutated
    assert rec.images[0].data == data and rec.reports[0].text is None


def test_dialogue_turn_image_keeps_status_pending(scripted_layout):
    data = _png_with_exif(scripted_layout)
    rec = _record("r2", [_image(data)], turns=[Turn(role="patient", text="看看这个报告", images=["img1"])])
    out = _stage(scripted_layout)([rec]).kept[0]
    assert out.deid.status == DeidStatus.pending  # turn text still needs the text de-identifier
    assert out.turns[0].images == ["img1"]


def test_existing_report_text_kept_unless_replace(scripted_layout):
    data = _png_with_exif(scripted_layout)
    rec = _record(
        "r3", [_image(data)], kind="image", reports=[Report(kind="imaging", text="原有文本", image="img1")]
    )
    assert _stage(scripted_layout)([rec]).kept[0].reports[0].text == "原有文本"
    assert "<PERSON>" in _stage(scripted_layout, report_text="replace")([rec]).kept[0].reports[0].text


def test_every_record_leaves_kept_or_rejected(scripted_layout, tmp_path):
    good = _png_with_exif(scripted_layout)
    failed = _record("failed", [_image(good)], kind="image")
    failed.deid.status = DeidStatus.failed
    batch = [
        _record("ok", [_image(good)], kind="image"),
        _record("corrupt", [_image(b"not an image" * 20, name="x.png")], kind="image"),
        _record("wrongext", [_image(good, name="x.jpg")], kind="image"),
        _record(
            "missing",
            [Image(id="m", path=str(tmp_path / "gone.png"), sha256="0" * 64, width=1, height=1)],
            kind="image",
        ),
        failed,
    ]
    result = _stage(scripted_layout)(batch)
    assert [r.id for r in result.kept] == ["ok"]
    reasons = {rej.record_id: rej.reason for rej in result.rejected}
    assert reasons == {
        "corrupt": ImageReason.CORRUPT,
        "wrongext": ImageReason.WRONG_EXTENSION,
        "missing": ImageReason.MISSING,
        "failed": DEID_FAILED,
    }
    assert all(rej.stage == "image_deid" for rej in result.rejected)


def test_residual_phi_rejects_record(scripted_layout):
    data = _png_with_exif(scripted_layout)
    stage = ImageDeidStage({}, engine=ScriptedEngine(scripted_layout, blind=True), analyzer=toy_analyzer)
    result = stage([_record("leaky", [_image(data)], kind="image")])
    assert not result.kept and result.rejected[0].reason == ImageReason.PHI_RESIDUAL


def test_ocr_crash_is_a_rejection(scripted_layout):
    class Broken(ScriptedEngine):
        def read(self, image):
            raise RuntimeError("onnxruntime exploded")

    stage = ImageDeidStage({}, engine=Broken(scripted_layout), analyzer=toy_analyzer)
    result = stage([_record("boom", [_image(_png_with_exif(scripted_layout))], kind="image")])
    assert result.rejected[0].reason == ImageReason.OCR_FAILED
    assert "exploded" in result.rejected[0].detail


def test_image_from_path_relative_to_base_dir(scripted_layout, tmp_path):
    (tmp_path / "a.png").write_bytes(_png_with_exif(scripted_layout))
    rec = _record("p", [Image(id="a", path="a.png", sha256="0" * 64, width=500, height=200)], kind="image")
    out = _stage(scripted_layout, base_dir=str(tmp_path))([rec]).kept[0]
    assert out.images[0].data is not None and out.images[0].path is None


def test_dicom_burned_in_no_skips_ocr(scripted_layout):
    engine = ScriptedEngine(scripted_layout)
    rec = _record(
        "d",
        [_image(_png_with_exif(scripted_layout), name="d.png")],
        kind="image",
        meta={"dicom": {"burned_in_annotation": "NO"}},
    )
    out = ImageDeidStage({}, engine=engine, analyzer=toy_analyzer)([rec]).kept[0]
    assert engine.calls == 0 and "skipped" in out.meta["image_deid"]["img1"]["ocr"]
    assert metadata_keys(out.images[0].data) == {}
    engine2 = ScriptedEngine(scripted_layout)
    ImageDeidStage({"dicom_burned_in": "always"}, engine=engine2, analyzer=toy_analyzer)([rec])
    assert engine2.calls == 2


def test_independent_verifier_catches_what_the_engine_misses(scripted_layout):
    data = _png_with_exif(scripted_layout)
    reader = ScriptedEngine(scripted_layout[2:])  # misses the name and phone lines entirely
    verifier = ScriptedEngine(scripted_layout)  # reads everything
    stage = ImageDeidStage({}, engine=reader, analyzer=toy_analyzer, verifier=verifier)
    out = stage([_record("v", [_image(data)], kind="image")]).kept[0]
    assert verifier.calls >= 1
    assert {s.entity_type for s in out.deid.spans} == {"PERSON", "PHONE_NUMBER"}  # found in pass 2
    assert out.meta["image_deid"]["img1"]["passes"] == 2
