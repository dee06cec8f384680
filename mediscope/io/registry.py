"""Reader names (as used by `mediscope ingest --format` and pipeline YAML) -> classes.

Modules are imported on demand, so readers needing an optional extra (DICOM, PDF) cost nothing
until used, and a missing extra gives an error naming the extra.
"""

from __future__ import annotations

import importlib

from mediscope.io.base import Reader

READERS: dict[str, str] = {
    "jsonl": "mediscope.io.records:JsonlRecordReader",
    "parquet": "mediscope.io.records:ParquetRecordReader",
    "cmtmedqa": "mediscope.io.cmtmedqa:CMtMedQAReader",
    "huatuo26m": "mediscope.io.huatuo26m:Huatuo26MReader",
    "meddialog": "mediscope.io.meddialog:MedDialogReader",
    "disc": "mediscope.io.disc:DiscReader",
    "bianque": "mediscope.io.bianque:BianQueReader",
    "cmdd": "mediscope.io.csvrows:CmddReader",
    "csv": "mediscope.io.csvrows:CsvQAReader",
    "meddiagnose": "mediscope.io.meddiagnose:MedDiagnoseReader",
    "images": "mediscope.io.images:ImageFolderReader",
    "dicom": "mediscope.io.dicom:DicomReader",
    "pdf": "mediscope.io.pdf:PdfReportReader",
}

_EXTRAS = {"dicom": "ocr", "pdf": "ocr"}


def reader_class(name: str) -> type[Reader]:
    target = READERS.get(name, name)
    if ":" not in target:
        raise LookupError(f"unknown format {name!r}; known formats: {', '.join(sorted(READERS))}")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        extra = _EXTRAS.get(name)
        hint = f" (pip install 'mediscope[{extra}]')" if extra else ""
        raise LookupError(f"format {name!r} is unavailable: {exc}{hint}") from exc
    cls = getattr(module, attr, None)
    if not (isinstance(cls, type) and issubclass(cls, Reader)):
        raise LookupError(f"{target} is not a mediscope Reader")
    return cls


def make_reader(name: str, path: str, **options: object) -> Reader:
    cls = reader_class(name)
    return cls(cls.config_class.model_validate({"path": path, **options}))
