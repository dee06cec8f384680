"""PDF reports: text layers become report text, scanned pages become images for OCR."""

from __future__ import annotations

import io

from PIL import Image as PILImage

from mediscope.io.pdf import PdfReportReader
from mediscope.rejects import Rejection

from .helpers import scanned_pdf, text_pdf


def test_text_layer_pdf(tmp_path):
    (tmp_path / "r.pdf").write_bytes(
        text_pdf(["Radiology report", "Patient: John Smith", "Impression: no acute findings"])
    )
    rec = next(iter(PdfReportReader({"path": str(tmp_path / "r.pdf")})))
    assert rec.kind == "report" and not rec.images
    assert "Patient: John Smith" in rec.reports[0].text and "no acute findings" in rec.reports[0].text
    assert rec.lang == "en" and rec.meta["pdf"] == {"pages": 1, "scanned_pages": 0}


def test_scanned_pdf_rendered_to_image(tmp_path):
    page = PILImage.new("RGB", (400, 300), "white")
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf(page, dpi=100))
    rec = next(iter(PdfReportReader({"path": str(tmp_path), "dpi": 150})))
    assert rec.reports[0].text is None and rec.reports[0].image == rec.images[0].id
    png = PILImage.open(io.BytesIO(rec.images[0].data))
    assert abs(png.size[0] - 600) <= 1 and abs(png.size[1] - 450) <= 1  # 4x3 inches at 150 dpi
    assert rec.meta["pdf"]["scanned_pages"] == 1


def test_bad_pdfs_rejected(tmp_path):
    good = text_pdf(["x" * 40])
    (tmp_path / "a_empty.pdf").write_bytes(b"")
    (tmp_path / "b_junk.pdf").write_bytes(b"%PDF-1.4 garbage garbage")
    (tmp_path / "c_trunc.pdf").write_bytes(good[:40])
    (tmp_path / "d_good.pdf").write_bytes(good)
    items = list(PdfReportReader({"path": str(tmp_path)}))
    assert [isinstance(i, Rejection) for i in items] == [True, True, True, False]
    assert items[1].reason == "pdf_unreadable" and items[2].reason == "pdf_unreadable"
    many = list(PdfReportReader({"path": str(tmp_path / "d_good.pdf"), "max_pages": 1}))
    assert not isinstance(many[0], Rejection)


def test_huge_scanned_page_render_is_capped(tmp_path):
    (tmp_path / "big.pdf").write_bytes(scanned_pdf(PILImage.new("RGB", (400, 300), "white"), dpi=100))
    rec = next(iter(PdfReportReader({"path": str(tmp_path / "big.pdf"), "dpi": 600, "max_render_pixels": 100_000})))
    png = PILImage.open(io.BytesIO(rec.images[0].data))
    assert png.size[0] * png.size[1] <= 101_000 and png.size[0] > png.size[1]
