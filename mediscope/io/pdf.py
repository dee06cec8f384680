"""PDF report reader: text-layer pages keep their text, scanned pages are rendered for OCR.

One record (kind "report") per PDF, one `Report` per page. A page with a usable text layer
contributes its text (de-identified later by the text `deid` stage); a page without one (a scan)
is rendered to PNG at `dpi` and attached as the report's image, so the `image_deid` stage OCRs
it, redacts burned-in PHI and fills the report text with the de-identified OCR text. Document
metadata (author, title, producer) is deliberately not copied: it often names the clinician or
patient.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator

from pydantic import Field

from mediscope.io.base import InputError, Reader, ReaderConfig, Reason, read_bytes_checked
from mediscope.io.text import guess_lang
from mediscope.record import Image, Record, Report, Source, stable_id
from mediscope.rejects import Rejection


class PdfReaderConfig(ReaderConfig):
    dpi: int = Field(default=150, ge=36, le=600, description="Render resolution for scanned pages.")
    min_text_chars: int = Field(
        default=20, ge=0, description="Pages with fewer text-layer characters count as scans."
    )
    max_pages: int = Field(default=200, ge=1, description="PDFs with more pages are rejected.")
    report_kind: str = Field(default="report", description="Kind given to each page's report.")
    password: str | None = Field(default=None, description="Password for encrypted PDFs.")
    max_render_pixels: int = Field(default=25_000_000, gt=0, description="Scanned pages render at most this many pixels.")


class PdfReportReader(Reader):
    name = "pdf"
    description = "PDF reports: text layer per page, scanned pages rendered for OCR"
    config_class = PdfReaderConfig
    config: PdfReaderConfig

    def items(self) -> Iterator[Record | Rejection]:
        if self.path.is_file():
            files = [self.path]
        elif self.path.is_dir():
            files = sorted(p for p in self.path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        else:
            files = []
        if not files:
            yield self.reject(Reason.IO_ERROR, f"no PDF files at {self.path}")
            return
        for row, file in enumerate(files):
            rel = file.name if self.path.is_file() else file.relative_to(self.path).as_posix()
            try:
                yield self.read_pdf(read_bytes_checked(file, self.config.max_file_mb), rel, row, str(file))
            except InputError as exc:
                yield Rejection(
                    reason=exc.reason,
                    detail=f"{rel}: {exc.detail}",
                    source={"dataset": self.name, "file": str(file), "row": row},
                )

    def read_pdf(self, data: bytes, rel: str, row: int, file: str) -> Record:
        import pypdfium2 as pdfium

        if not data:
            raise InputError(Reason.UNREADABLE_IMAGE, "empty file (0 bytes)")
        try:
            pdf = pdfium.PdfDocument(data, password=self.config.password)
        except pdfium.PdfiumError as exc:
            raise InputError("pdf_unreadable", f"cannot open PDF: {exc}") from exc
        try:
            n = len(pdf)
            if n == 0:
                raise InputError("pdf_unreadable", "PDF has no pages")
            if n > self.config.max_pages:
                raise InputError(Reason.OVERSIZE, f"{n} pages, over the {self.config.max_pages} page limit")
            rec_id = stable_id(self.name, rel)
            reports: list[Report] = []
            images: list[Image] = []
            scanned = 0
            for i in range(n):
                page = pdf[i]
                try:
                    textpage = page.get_textpage()
                    text = textpage.get_text_bounded().replace("\r\n", "\n").strip()
                    textpage.close()
                    if len(text) >= self.config.min_text_chars:
                        reports.append(Report(kind=self.config.report_kind, text=text))
                        continue
                    # cap the rendered size: a poster-sized page at full dpi would exhaust memory
                    w_pt, h_pt = page.get_size()
                    scale = self.config.dpi / 72.0
                    if w_pt * h_pt * scale * scale > self.config.max_render_pixels:
                        scale = (self.config.max_render_pixels / max(1.0, w_pt * h_pt)) ** 0.5
                    bitmap = page.render(scale=scale)
                    pil = bitmap.to_pil()
                    buf = io.BytesIO()
                    pil.save(buf, format="PNG")
                    png = buf.getvalue()
                    img = Image(
                        id=f"{rec_id}-p{i + 1}",
                        data=png,
                        sha256=hashlib.sha256(png).hexdigest(),
                        width=pil.width,
                        height=pil.height,
                        format="PNG",
                        name=f"{rec_id}-p{i + 1}.png",
                    )
                    images.append(img)
                    reports.append(Report(kind=self.config.report_kind, text=None, image=img.id))
                    scanned += 1
                except pdfium.PdfiumError as exc:
                    raise InputError("pdf_unreadable", f"page {i + 1}: {exc}") from exc
                finally:
                    page.close()
        finally:
            pdf.close()
        text = "\n".join(r.text or "" for r in reports)
        return Record(
            id=rec_id,
            kind="report",
            source=Source(dataset=self.name, file=file, row=row, original_id=rel),
            lang=guess_lang(text) if text.strip() else "und",
            case_id=f"{self.name}:{rec_id}",
            reports=reports,
            images=images,
            meta={"pdf": {"pages": n, "scanned_pages": scanned}},
        )
