"""Offset-to-box mapping, analyzer adaptation and OCR result parsing (no OCR run)."""

from __future__ import annotations

import pytest

from mediscope.deid.image.analyzer import (
    Finding,
    LineAnalyzer,
    line_languages,
    merge_findings,
    resolve_analyzer,
)
from mediscope.deid.image.redact import pad_box, span_box
from mediscope.ocr import OcrUnavailable, create_engine
from mediscope.ocr.base import OcrLine, quad_to_box, sort_lines, split_box
from mediscope.ocr.paddle import PaddleOcrEngine, parse_paddle_result
from mediscope.ocr.rapid import align_char_boxes


def test_split_box_gives_cjk_double_width_and_covers_the_line():
    boxes = split_box((0, 0, 300, 30), "张伟ab")
    assert len(boxes) == 4
    widths = [b[2] - b[0] for b in boxes]
    assert widths[0] >= 2 * widths[2] - 2  # CJK ~ twice a Latin letter
    assert boxes[0][0] == 0 and boxes[-1][2] == 300
    assert all(b[1] == 0 and b[3] == 30 for b in boxes)


def test_span_box_unions_chars_and_skips_spaces():
    line = OcrLine(
        text="ab cd",
        box=(0, 10, 100, 30),
        score=1.0,
        char_boxes=[(0, 12, 10, 28), (10, 12, 20, 28), None, (30, 11, 40, 29), (40, 12, 50, 28)],
    )
    assert span_box(line, 1, 4) == (10, 10, 40, 30)  # vertical extent of the line
    assert span_box(line, 2, 3) is None


def test_ocr_line_rejects_misaligned_boxes():
    with pytest.raises(ValueError):
        OcrLine(text="abc", box=(0, 0, 10, 10), score=1.0, char_boxes=[(0, 0, 1, 1)])


def test_pad_box_is_clipped_to_image():
    assert pad_box((5, 5, 50, 20), line_height=20, size=(52, 100), pad_px=2, pad_ratio=0.5) == (0, 0, 52, 30)
    assert pad_box((10, 10, 20, 20), line_height=10, size=(100, 100), pad_px=4, pad_ratio=0.1) == (
        6,
        6,
        24,
        24,
    )


def test_align_char_boxes_uses_glyph_boxes_and_falls_back():
    quads = [
        ("张", 1.0, [[0, 0], [20, 0], [20, 30], [0, 30]]),
        ("伟", 1.0, [[22, 0], [40, 0], [40, 30], [22, 30]]),
        ("A", 1.0, [[50, 0], [60, 0], [60, 30], [50, 30]]),
    ]
    boxes = align_char_boxes("张伟 A", (0, 0, 60, 30), quads)
    assert boxes == [(0, 0, 20, 30), (22, 0, 40, 30), None, (50, 0, 60, 30)]
    fallback = align_char_boxes("张伟 AB", (0, 0, 60, 30), quads)  # one glyph missing
    assert len(fallback) == 5 and all(b is not None for b in fallback)


def test_quad_to_box_and_reading_order():
    assert quad_to_box([[1.2, 2.7], [10.5, 2.0], [10.1, 9.9], [1.0, 9.0]]) == (1, 2, 11, 10)
    a = OcrLine("second row", (0, 50, 100, 70), 1.0)
    b = OcrLine("right", (120, 12, 200, 30), 1.0)
    c = OcrLine("left", (0, 10, 100, 30), 1.0)
    assert [ln.text for ln in sort_lines([a, b, c])] == ["left", "right", "second row"]


def test_line_languages_by_script():
    assert line_languages("Patient: John Smith") == ["en"]
    assert line_languages("姓名：张伟") == ["zh"]
    assert line_languages("姓名：John Smith") == ["zh", "en"]
    assert line_languages("13812345678") == ["en"]
    assert line_languages("姓名：张伟", default="en") == ["en", "zh"]


def test_line_analyzer_merges_overlaps_and_filters_scores():
    def analyzer(text, lang):
        return [
            {"start": 0, "end": 4, "entity_type": "PERSON", "score": 0.5},
            {"start": 2, "end": 8, "entity_type": "ID", "score": 0.9},
            {"start": 10, "end": 12, "entity_type": "AGE", "score": 0.1},
        ]

    found = LineAnalyzer(analyzer, min_score=0.3)("0123456789abcdef")
    assert found == [Finding(0, 8, "ID", 0.9, None)]
    assert merge_findings([Finding(5, 50, "X", 1.0)], 10) == [Finding(5, 10, "X", 1.0)]


def test_resolve_analyzer_errors():
    with pytest.raises(ValueError):
        resolve_analyzer("no_colon_here")
    with pytest.raises(ModuleNotFoundError):
        resolve_analyzer("not_a_module_xyz:fn")
    assert resolve_analyzer("os.path:join")("a", "b") == "a/b"


def test_parse_paddle_results_v3_and_v2():
    v3 = [
        {
            "rec_texts": ["姓名：张伟", " "],
            "rec_scores": [0.98, 0.2],
            "rec_polys": [[[10, 10], [110, 10], [110, 40], [10, 40]], [[0, 0], [1, 0], [1, 1], [0, 1]]],
        }
    ]
    lines = parse_paddle_result(v3)
    assert [ln.text for ln in lines] == ["姓名：张伟"] and lines[0].box == (10, 10, 110, 40)
    assert len(lines[0].char_boxes) == 5
    v2 = [[[[[0, 50], [80, 50], [80, 70], [0, 70]], ("MRN 12345678", 0.9)]]]
    assert parse_paddle_result(v2)[0].text == "MRN 12345678"
    assert parse_paddle_result([None]) == []


def test_paddle_needs_local_model_dirs(tmp_path):
    with pytest.raises(OcrUnavailable, match="det_model_dir"):
        PaddleOcrEngine()
    with pytest.raises(OcrUnavailable, match="not a directory"):
        PaddleOcrEngine(det_model_dir=str(tmp_path / "nope"), rec_model_dir=str(tmp_path))


def test_unknown_engine():
    with pytest.raises(ValueError, match="unknown OCR engine"):
        create_engine("nonexistent")
