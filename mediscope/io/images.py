"""A folder of clinical images (photos, scans, report pictures), one record per image.

A sidecar `NAME.txt` beside `NAME.png` is taken as the image's findings/report text. Sub-folders
are treated as cases by default (`case_from: folder`), because a hospital export usually puts one
patient's pictures together and those must never be split across train and test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from mediscope.io.base import InputError, Reader, ReaderConfig, Reason, load_image
from mediscope.io.text import guess_lang
from mediscope.record import Record, Report, Source, stable_id
from mediscope.rejects import Rejection

SIDE_CAR_SUFFIXES = {".txt", ".json", ".md"}


class ImageFolderConfig(ReaderConfig):
    case_from: Literal["folder", "file"] = Field(default="folder", description="Case key: parent folder or file.")
    keep_bytes: bool = Field(default=True, description="Embed image bytes in records (else keep paths).")
    report_kind: str = Field(default="findings", description="Report kind given to sidecar text.")


class ImageFolderReader(Reader):
    name = "images"
    description = "Folder of images (recursive); NAME.txt beside an image is its findings text"
    config_class = ImageFolderConfig
    config: ImageFolderConfig

    def items(self) -> Iterator[Record | Rejection]:
        if not self.path.is_dir():
            yield self.reject(Reason.IO_ERROR, f"{self.path} is not a folder")
            return
        files = sorted(p for p in self.path.rglob("*") if p.is_file() and p.suffix.lower() not in SIDE_CAR_SUFFIXES)
        for row, file in enumerate(files):
            rel = file.relative_to(self.path).as_posix()
            try:
                img = load_image(file, self.config.max_image_mb, keep_bytes=self.config.keep_bytes)
                reports = []
                sidecar = file.with_suffix(".txt")
                if sidecar.is_file():
                    reports.append(Report(kind=self.config.report_kind, text=self.read_text(sidecar), image=img.id))
                else:
                    reports.append(Report(kind=self.config.report_kind, text=None, image=img.id))
            except InputError as exc:
                yield self.reject(exc.reason, f"{rel}: {exc.detail}", row=row)
                continue
            case = file.parent.relative_to(self.path).as_posix() if self.config.case_from == "folder" else rel
            text = " ".join(r.text or "" for r in reports)
            yield Record(
                id=stable_id(self.name, rel),
                kind="image",
                source=Source(dataset=self.name, file=str(file), row=row, original_id=rel),
                lang=guess_lang(text),
                case_id=f"{self.name}:{case or rel}",
                images=[img],
                reports=reports,
            )
