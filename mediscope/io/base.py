"""The reader protocol and the checks every reader shares.

A reader yields, in a deterministic order, either a `Record` or a `Rejection` for each input
item. Determinism is what makes resume work: the runner skips the items of finished shards by
position. Shared checks (size limits, strict decoding, image decoding) live here so every format
rejects bad input the same way, with the same reason codes.
"""

from __future__ import annotations

import hashlib
import io
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from mediscope.record import Image, Record
from mediscope.rejects import Rejection

log = logging.getLogger(__name__)

MiB = 1024 * 1024


class Reason:
    """Machine-readable rejection reasons used by readers (stages add their own)."""

    BROKEN_JSON = "broken_json"
    ENCODING = "encoding"
    MISSING_FIELD = "missing_field"
    EMPTY_DIALOGUE = "empty_dialogue"
    UNREADABLE_IMAGE = "unreadable_image"
    OVERSIZE = "oversize"
    INVALID_RECORD = "invalid_record"
    IO_ERROR = "io_error"
    UNSUPPORTED = "unsupported"


class InputError(Exception):
    """A problem with one input item; becomes a `Rejection` with `reason`."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class ReaderConfig(BaseModel):
    """Options common to all readers; format-specific readers extend it."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Input file or folder.")
    encoding: str = Field(default="auto", description="Text encoding, or 'auto' to detect it.")
    max_file_mb: float = Field(default=2048, gt=0, description="Files larger than this are rejected.")
    max_image_mb: float = Field(default=50, gt=0, description="Images larger than this are rejected.")
    image_dir: str | None = Field(default=None, description="Where referenced images live.")
    limit: int | None = Field(default=None, ge=1, description="Stop after this many input items.")


class Reader(ABC):
    """Base class: subclasses implement `items()`; iteration applies `limit` and shared checks."""

    name: ClassVar[str] = "reader"
    description: ClassVar[str] = ""
    config_class: ClassVar[type[ReaderConfig]] = ReaderConfig

    def __init__(self, config: ReaderConfig | dict[str, Any]) -> None:
        if isinstance(config, dict):
            config = self.config_class.model_validate(config)
        self.config = config
        self.path = Path(config.path)

    @abstractmethod
    def items(self) -> Iterator[Record | Rejection]:
        """Yield one Record or Rejection per input item, in a stable order."""

    def __iter__(self) -> Iterator[Record | Rejection]:
        n = 0
        for item in self.items():
            if isinstance(item, Rejection):
                item.stage = item.stage or f"read:{self.name}"
            else:
                problem = check_record(item)
                if problem is not None:
                    item = Rejection(reason=problem[0], detail=problem[1], record=item, stage=f"read:{self.name}")
            yield item
            n += 1
            if self.config.limit is not None and n >= self.config.limit:
                return

    # -- helpers for subclasses -------------------------------------------------------------
    def reject(self, reason: str, detail: str, *, row: int | None = None, raw: str | None = None) -> Rejection:
        return Rejection(
            reason=reason,
            detail=detail,
            raw=raw,
            source={"dataset": self.name, "file": str(self.path), "row": row},
        )

    def read_bytes(self, path: Path | None = None) -> bytes:
        return read_bytes_checked(path or self.path, self.config.max_file_mb)

    def read_text(self, path: Path | None = None) -> str:
        data = self.read_bytes(path)
        text, enc = decode_text(data, self.config.encoding)
        log.debug("decoded %s as %s", path or self.path, enc)
        return text


def check_record(rec: Record) -> tuple[str, str] | None:
    """Shared sanity checks after a reader built a record: empty content is a rejection."""
    if rec.kind in ("dialogue", "qa", "consultation", "vqa"):
        if not rec.turns:
            return Reason.EMPTY_DIALOGUE, "record has no turns"
        empty = [i for i, t in enumerate(rec.turns) if not t.text.strip() and not t.images]
        if empty:
            return Reason.EMPTY_DIALOGUE, f"empty turn(s) at index {empty}"
    elif rec.kind == "report":
        if not any((r.text and r.text.strip()) or r.image for r in rec.reports):
            return Reason.EMPTY_DIALOGUE, "report has neither text nor image"
    elif rec.kind == "image" and not rec.images:
        return Reason.UNREADABLE_IMAGE, "image record without an image"
    return None


def read_bytes_checked(path: Path, max_mb: float) -> bytes:
    """Read a file, refusing missing, oversize files up front (before loading them)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(Reason.IO_ERROR, f"cannot stat {path}: {exc}") from exc
    if size > max_mb * MiB:
        raise InputError(Reason.OVERSIZE, f"{path} is {size / MiB:.1f} MiB, over the {max_mb:g} MiB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(Reason.IO_ERROR, f"cannot read {path}: {exc}") from exc


_FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")


def decode_text(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """Decode strictly: wrong bytes raise instead of becoming U+FFFD.

    With 'auto', UTF-8 (with or without BOM) is tried first because it almost never decodes
    non-UTF-8 text by accident; then charset-normalizer's best guess; then common Chinese
    encodings. GB18030 is a superset of GBK/GB2312, so it is used in their place.
    """
    if encoding != "auto":
        enc = _canonical(encoding)
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(Reason.ENCODING, f"not valid {encoding}: {exc}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(Reason.ENCODING, f"UTF-8 BOM but invalid UTF-8: {exc}") from exc
    candidates: list[str] = ["utf-8"]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 4 * MiB]).best()
        if best is not None:
            candidates.append(_canonical(best.encoding))
    except Exception:  # pragma: no cover - detector failure just means fewer candidates
        log.debug("charset detection failed", exc_info=True)
    candidates += list(_FALLBACK_ENCODINGS)
    seen: set[str] = set()
    for enc in candidates:
        if enc in seen:
            continue
        seen.add(enc)
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(Reason.ENCODING, f"could not decode as any of {sorted(seen)}; pass --encoding")


def _canonical(name: str) -> str:
    n = name.lower().replace("_", "-")
    return "gb18030" if n in {"gbk", "gb2312", "cp936", "gb18030"} else n


def load_image(path: Path, max_mb: float, *, image_id: str | None = None, keep_bytes: bool = False) -> Image:
    """Decode an image fully (not just its header) and describe it; raise InputError if bad."""
    data = read_bytes_checked(path, max_mb)
    img = image_from_bytes(data, max_mb=max_mb, name=path.name, image_id=image_id)
    if keep_bytes:
        return img
    return img.model_copy(update={"data": None, "path": str(path)})


def image_from_bytes(data: bytes, *, max_mb: float = 50, name: str | None = None, image_id: str | None = None) -> Image:
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    if not data:
        raise InputError(Reason.UNREADABLE_IMAGE, f"{name or 'image'} is empty (0 bytes)")
    if len(data) > max_mb * MiB:
        raise InputError(Reason.OVERSIZE, f"{name or 'image'} is {len(data) / MiB:.1f} MiB, over {max_mb:g} MiB")
    try:
        with PILImage.open(io.BytesIO(data)) as im:
            fmt = im.format
            im.load()  # full decode: truncated files fail here, not later in training
            width, height = im.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as exc:
        raise InputError(Reason.UNREADABLE_IMAGE, f"{name or 'image'} cannot be decoded: {exc}") from exc
    digest = hashlib.sha256(data).hexdigest()
    return Image(
        id=image_id or digest[:16],
        data=data,
        sha256=digest,
        width=width,
        height=height,
        format=fmt,
        name=name,
    )
