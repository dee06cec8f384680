"""Redaction and verification logic with a scripted OCR engine (deterministic, no models)."""

from __future__ import annotations

from PIL import Image as PILImage

from mediscope.deid.image.analyzer import LineAnalyzer
from mediscope.deid.image.redact import ImageRedactor

from .conftest import ScriptedEngine, toy_analyzer


def _white():
    return PILImage.new("RGB", (500, 200), "white")


def _ink(image, layout):
    """Put dark pixels where the scripted text is, so the engine has something to 'read'."""
    im = image.copy()
    for _, (x0, y0, x1, y1) in layout:
        im.paste((40, 40, 40), (x0, y0, x1, y1))
    return im


def test_redacts_phi_boxes_and_keeps_clinical_text(scripted_layout):
    engine = ScriptedEngine(scripted_layout)
    red = ImageRedactor(engine, LineAnalyzer(toy_analyzer))
    out = red.redact(_ink(_white(), scripted_layout))
    assert out.ok and out.passes == 1
    types = sorted(f.entity_type for f in out.findings)
    assert types == ["PERSON", "PHONE_NUMBER"]
    # the name's pixels are now fill-coloured, the findings line is untouched
    name = next(f for f in out.findings if f.entity_type == "PERSON")
    cx, cy = (name.box[0] + name.box[2]) // 2, (name.box[1] + name.box[3]) // 2
    assert out.image.getpixel((cx, cy)) == (0, 0, 0)
    assert out.image.getpixel((200, 130)) == (40, 40, 40)
    # offsets refer to the joined OCR text
    assert out.text[name.text_start : name.text_end] == "张伟"
    assert out.deidentified_text().splitlines() == [
        "姓名：<PERSON> 性别：男",
        "电话：<PHONE_NUMBER>",
        "所见：右肺结节",
    ]
    assert engine.calls == 2  # read + one verification read


def test_unredactable_phi_is_reported_residual(scripted_layout):
    engine = ScriptedEngine(scripted_layout, blind=True)  # keeps "reading" PHI whatever we fill
    red = ImageRedactor(engine, LineAnalyzer(toy_analyzer), max_passes=2)
    out = red.redact(_ink(_white(), scripted_layout))
    assert not out.ok
    assert "PERSON" in out.residual and "REDACTED_TEXT_READABLE" in out.residual
    assert engine.calls == 3  # read, verify pass 1, verify pass 2


def test_second_pass_fixes_boxes_the_first_missed(scripted_layout):
    # the first pass pads nothing and the analyzer misses the phone (found only on re-read)
    seen = {"n": 0}

    def late_analyzer(text, lang):
        seen["n"] += 1
        spans = toy_analyzer(text, lang)
        if seen["n"] <= 3:  # first read: 3 lines
            spans = [s for s in spans if s["entity_type"] != "PHONE_NUMBER"]
        return spans

    engine = ScriptedEngine(scripted_layout)
    red = ImageRedactor(engine, LineAnalyzer(late_analyzer), max_passes=2)
    out = red.redact(_ink(_white(), scripted_layout))
    assert out.ok and out.passes == 2
    assert {f.entity_type for f in out.findings if f.passno == 2} == {"PHONE_NUMBER"}
    # report text only replaces first-pass findings; verification decided the image is clean
    assert "<PERSON>" in out.deidentified_text()


def test_no_verify_reads_once(scripted_layout):
    engine = ScriptedEngine(scripted_layout, blind=True)
    out = ImageRedactor(engine, LineAnalyzer(toy_analyzer), verify=False).redact(
        _ink(_white(), scripted_layout)
    )
    assert out.ok and engine.calls == 1


def test_clean_image_is_read_once():
    layout = [("所见：右肺结节", (10, 110, 290, 150))]
    engine = ScriptedEngine(layout)
    out = ImageRedactor(engine, LineAnalyzer(toy_analyzer)).redact(_ink(_white(), layout))
    assert out.ok and not out.findings and engine.calls == 1
