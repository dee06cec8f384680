"""`publish_dataset`: records -> a Hugging Face `datasets` folder (Parquet shards + card).

Layout: `<out>/data/<split>-00000-of-0000N-<fingerprint>.parquet` and `<out>/README.md` whose
YAML `configs` section lists each split's files, so `datasets.load_dataset(<out>)` and the Hub viewer need no
loading script. The folder is built next to its destination and renamed into place, so a failed
publish never leaves a half-written dataset where a trainer could pick it up.

Safety: a record whose `deid.status` is not `passed`, or whose images skipped the image
de-identification stage, is refused and written to a rejects file
*outside* the dataset folder (`<out>.rejects.jsonl` by default), so it can never be uploaded.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from mediscope.privacy import images_deidentified
from mediscope.publish.card import CardStats, render_card
from mediscope.publish.convert import features, record_to_row, row_nbytes
from mediscope.publish.splits import SPLITS, assign_splits
from mediscope.record import Record
from mediscope.rejects import Rejection

log = logging.getLogger(__name__)

DEFAULT_RATIOS = {"train": 0.9, "validation": 0.05, "test": 0.05}


class PublishOptions(BaseModel):
    """Options of `publish_dataset` (also the `publish.options` section of a pipeline YAML)."""

    model_config = {"extra": "forbid"}

    name: str = Field(default="MediScope", description="Pretty name on the dataset card.")
    description: str = Field(
        default="De-identified multimodal doctor-patient dialogues built with mediscope "
        "(after PulseMind, arXiv 2601.07344).",
    )
    license: str = Field(default="cc-by-nc-4.0", description="SPDX-like licence id for the card.")
    ratios: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_RATIOS))
    salt: str = Field(default="mediscope", description="Split hash salt; keep it across versions.")
    max_shard_mb: float = Field(default=256, gt=0, description="Upper bound on a Parquet shard's size.")
    overwrite: bool = False
    rejects_path: str | None = Field(default=None, description="Default: <output_dir>.rejects.jsonl")
    image_base_dir: str | None = Field(default=None, description="Resolve relative image paths here.")
    push_to_hub: str | None = Field(default=None, description="Hub repo id 'owner/name' to upload to.")
    private: bool = True
    token: str | None = Field(default=None, description="Hub token (default: huggingface_hub's login).")


class SplitSummary(BaseModel):
    records: int = 0
    cases: int = 0
    images: int = 0
    shards: int = 0
    bytes: int = 0


class PublishSummary(BaseModel):
    output_dir: str
    splits: dict[str, SplitSummary]
    rejected: dict[str, int]
    rejects_path: str | None
    split_method: str
    languages: dict[str, int]
    hub_url: str | None = None

    @property
    def total(self) -> int:
        return sum(s.records for s in self.splits.values())


def _records(source: Iterable[Record] | str | Path) -> Iterable[Record]:
    if isinstance(source, (str, Path)):
        from mediscope.io.shards import iter_records

        return _Reiterable(Path(source), iter_records)
    return source


class _Reiterable:
    """A path that can be iterated twice (split assignment needs all case ids first)."""

    def __init__(self, path: Path, reader: Any) -> None:
        self.path, self.reader = path, reader

    def __iter__(self) -> Iterator[Record]:
        return iter(self.reader(self.path))


def _refusal(rec: Record) -> tuple[str, str] | None:
    if rec.deid.status.value != "passed":
        return "deid_not_passed", f"deid.status is {rec.deid.status.value!r}; only 'passed' is published"
    if not images_deidentified(rec):
        return "images_not_deidentified", "record has images that did not pass the image_deid stage (OCR redaction)"
    if not rec.turns:
        return "no_turns", "record has no turns; the published schema holds conversations"
    return None


def _fingerprint(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:10]


class _ShardWriter:
    """Buffers rows of one split and flushes a Parquet shard when the size bound is reached."""

    def __init__(self, split: str, data_dir: Path, max_bytes: int) -> None:
        self.split, self.data_dir, self.max_bytes = split, data_dir, max_bytes
        self.rows: list[dict[str, Any]] = []
        self.pending = 0
        self.paths: list[Path] = []

    def add(self, row: dict[str, Any]) -> None:
        size = row_nbytes(row)
        if self.rows and self.pending + size > self.max_bytes:
            self.flush()
        self.rows.append(row)
        self.pending += size

    def flush(self) -> None:
        if not self.rows:
            return
        import datasets as ds
        import pyarrow.parquet as pq

        path = self.data_dir / f"{self.split}-tmp{len(self.paths):05d}.parquet"
        # The Arrow table carries the `datasets` features (Image included) in its schema
        # metadata, so load_dataset restores them; written directly to skip datasets' progress bar.
        table = ds.Dataset.from_list(self.rows, features=features()).data.table
        pq.write_table(table, path, compression="zstd")
        self.paths.append(path)
        self.rows, self.pending = [], 0

    def finalize(self) -> list[Path]:
        self.flush()
        n = len(self.paths)
        final = []
        for i, p in enumerate(self.paths):
            # A content fingerprint in the name: `datasets` keys its cache on the folder name and
            # the card's data_files, so a re-publish under the same names would load stale rows.
            fp = _fingerprint(p)
            target = p.with_name(f"{self.split}-{i:05d}-of-{n:05d}-{fp}.parquet")
            p.rename(target)
            final.append(target)
        return final


def publish_dataset(records: Iterable[Record] | str | Path, output_dir: str | Path,
                    **options: Any) -> PublishSummary:
    """Write an HF dataset folder from records (or a run's output path); see `PublishOptions`."""
    opts = PublishOptions.model_validate(options)
    out = Path(output_dir)
    if out.exists() and any(out.iterdir()) and not opts.overwrite:
        raise FileExistsError(f"{out} exists and is not empty; pass overwrite=True (--overwrite) to replace it")
    rejects_path = Path(opts.rejects_path) if opts.rejects_path else out.with_name(out.name + ".rejects.jsonl")
    image_base = Path(opts.image_base_dir) if opts.image_base_dir else None
    source = _records(records)
    if not isinstance(source, _Reiterable):
        source = list(source)

    case_ids = (r.case_id for r in source if _refusal(r) is None)
    mapping, method = assign_splits(case_ids, opts.ratios, salt=opts.salt)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    data_dir = tmp / "data"
    data_dir.mkdir()
    writers = {s: _ShardWriter(s, data_dir, int(opts.max_shard_mb * 1024 * 1024)) for s in SPLITS}
    stats = CardStats()
    rejected: Counter[str] = Counter()
    rejects_path.parent.mkdir(parents=True, exist_ok=True)
    rejects_tmp = rejects_path.with_name(rejects_path.name + ".tmp")
    try:
        with rejects_tmp.open("w", encoding="utf-8") as rej_file:
            for rec in source:
                problem = _refusal(rec)
                row = None
                if problem is None:
                    try:
                        row = record_to_row(rec, image_base_dir=image_base)
                    except OSError as exc:
                        problem = ("unreadable_image", f"image bytes could not be read: {exc}")
                if problem is not None or row is None:
                    reason, detail = problem or ("invalid", "no row")
                    rejected[reason] += 1
                    rej = Rejection(reason=reason, detail=detail, record=rec, stage="publish")
                    rej_file.write(rej.to_json() + "\n")
                    continue
                split = mapping[rec.case_id]
                writers[split].add(row)
                stats.add(
                    split,
                    row,
                    deid_engine=rec.deid.engine,
                    entities=[s.entity_type for s in rec.deid.spans],
                    stages=[f"{p.stage} v{p.version}" for p in rec.provenance],
                    review=rec.review.status.value,
                )
        files = {s: writers[s].finalize() for s in SPLITS}
        split_files = {s: [f"data/{p.name}" for p in files[s]] for s in SPLITS if files[s]}
        if not split_files:
            raise ValueError("nothing to publish: every record was refused (see the rejects file)")
        card = render_card(stats, name=opts.name, license=opts.license, description=opts.description,
                           split_files=split_files, method=method)
        (tmp / "README.md").write_text(card, encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        rejects_tmp.unlink(missing_ok=True)
        raise
    if rejected:
        rejects_tmp.replace(rejects_path)
    else:
        rejects_tmp.unlink(missing_ok=True)
        rejects_path.unlink(missing_ok=True)

    summary = PublishSummary(
        output_dir=str(out),
        splits={
            s: SplitSummary(
                records=stats.records[s],
                cases=len(stats.cases.get(s, ())),
                images=stats.images[s],
                shards=len(files[s]),
                bytes=sum((out / "data" / p.name).stat().st_size for p in files[s]),
            )
            for s in SPLITS
        },
        rejected=dict(rejected),
        rejects_path=str(rejects_path) if rejected else None,
        split_method=method,
        languages=dict(stats.languages),
    )
    if opts.push_to_hub:
        from mediscope.publish.hub import push_folder

        summary.hub_url = push_folder(out, opts.push_to_hub, private=opts.private, token=opts.token)
    log.info("published %d record(s) to %s (%s)", summary.total, out,
             ", ".join(f"{s}={v.records}" for s, v in summary.splits.items()))
    return summary
