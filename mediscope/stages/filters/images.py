"""Image checks: decodable, big enough, and perceptual hashes for near-duplicate search.

A pHash (64 bits, via `imagehash`) survives re-encoding, resizing and small crops, so a scan
uploaded twice as PNG and JPEG still collides. Near-duplicate search uses multi-index hashing:
split each hash into `max_distance + 1` chunks; by the pigeonhole principle two hashes within
Hamming distance `max_distance` share at least one chunk exactly, so a dict lookup per chunk
finds all candidates without comparing against every stored hash.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image as PILImage

from mediscope.record import Image


class ImageProblem(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def image_bytes(img: Image, base_dir: Path | None = None) -> bytes:
    """The encoded bytes of a record image (inline data, else read from its path)."""
    if img.data is not None:
        return img.data
    assert img.path is not None
    path = Path(img.path)
    if not path.is_absolute() and base_dir is not None and not path.exists():
        path = base_dir / path
    return path.read_bytes()


def open_image(img: Image, base_dir: Path | None = None) -> PILImage.Image:
    """Fully decode an image (not only its header) so truncated files are caught here."""
    data = image_bytes(img, base_dir)
    pil = PILImage.open(io.BytesIO(data))
    pil.load()
    return pil


def phash(pil: PILImage.Image, hash_size: int = 8) -> int:
    import imagehash

    h = imagehash.phash(pil, hash_size=hash_size)
    return int(str(h), 16)


class HammingIndex:
    """Stores 64-bit hashes with a payload; finds stored hashes within `max_distance` bits."""

    def __init__(self, max_distance: int = 4, bits: int = 64) -> None:
        if not 0 <= max_distance < bits:
            raise ValueError("max_distance must be in [0, bits)")
        self.max_distance = max_distance
        self.bits = bits
        n = max_distance + 1
        edges = [round(i * bits / n) for i in range(n + 1)]
        self._chunks = [(edges[i], edges[i + 1] - edges[i]) for i in range(n)]
        self._tables: list[dict[int, list[int]]] = [{} for _ in range(n)]
        self._hashes: list[int] = []
        self._payloads: list[str] = []

    def __len__(self) -> int:
        return len(self._hashes)

    def _keys(self, h: int) -> list[int]:
        return [(h >> shift) & ((1 << width) - 1) for shift, width in self._chunks]

    def query(self, h: int) -> list[tuple[str, int]]:
        """Stored (payload, distance) pairs within `max_distance` of `h`."""
        found: dict[int, int] = {}
        for table, key in zip(self._tables, self._keys(h), strict=True):
            for idx in table.get(key, ()):
                if idx not in found:
                    d = (self._hashes[idx] ^ h).bit_count()
                    if d <= self.max_distance:
                        found[idx] = d
        return [(self._payloads[i], d) for i, d in sorted(found.items(), key=lambda kv: kv[1])]

    def add(self, h: int, payload: str) -> None:
        idx = len(self._hashes)
        self._hashes.append(h)
        self._payloads.append(payload)
        for table, key in zip(self._tables, self._keys(h), strict=True):
            table.setdefault(key, []).append(idx)
