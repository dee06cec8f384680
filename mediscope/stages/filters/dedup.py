"""`DedupStage` (alias `dedup`): exact and near-duplicate dialogues, near-duplicate images.

Duplicates are found across the whole run, not within a batch: the stage keeps its indexes in
memory across `process` calls, and the first record of a duplicate group is the one kept.

- Exact: a 128-bit BLAKE2 hash of the normalized dialogue (NFKC, lower-case, no whitespace or
  punctuation, role tags kept).
- Near: MinHash over character n-grams of the normalized dialogue (5-grams by default: they need
  no word segmentation, so Chinese works), banded LSH, then the estimated Jaccard similarity of
  every LSH candidate is checked against `threshold` so band collisions alone never remove a
  record. N-gram hashing is vectorized with NumPy and the MinHash signatures of a whole batch are
  computed by `rensa` in Rust from one flat buffer; banding and candidate checks use NumPy rows.
  Digests, signatures and band keys are per-record work (`measures.signature_part`): with
  `workers` >= 2 parts of the batch are hashed in threads at the same time (rensa, NumPy and
  hashlib release the GIL, so threads use the other cores without copying anything). Looking up
  and filling the index stays in order in one thread, so decisions do not depend on `workers`.
  The normalized dialogues come from `columns.normalized_dialogues`, which reuses the quality
  filter's normalization when it just saw the same records (checked by content).
- Images: 64-bit pHash with a multi-index Hamming search; only images of *other* cases count,
  since several dialogues expanded from one case legitimately share its images.

Resume: the runner replays nothing on resume, so a resumed run would forget what earlier shards
held. Set `seed_from` to the run's output folder (the writer path): on setup the stage indexes
the records already written there (quietly doing nothing when it does not exist yet), which
rebuilds the exact state the interrupted run had. We rebuild rather than persist the index
because the shards are already the durable truth and a stale side file could disagree with them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import polars as pl
from pydantic import Field, model_validator

from mediscope.record import Record
from mediscope.stages.base import Stage, StageConfig, StageResult
from mediscope.stages.filters import prefetch
from mediscope.stages.filters.columns import Key, normalized_dialogues_and_keys
from mediscope.stages.filters.funnel import Funnel
from mediscope.stages.filters.hashindex import U64MultiMap
from mediscope.stages.filters.hot import assign, gc_paused
from mediscope.stages.filters.images import HammingIndex, open_image, phash
from mediscope.stages.filters.measures import SignatureSpec, band_keys, minhash_signatures, signature_part
from mediscope.stages.filters.parallel import WorkerPool, effective_workers
from mediscope.stages.filters.reasons import FilterReason as R

log = logging.getLogger(__name__)


class DedupConfig(StageConfig):
    execution_fields: ClassVar[frozenset[str]] = frozenset({"workers", "parallel_min_records"})

    exact: bool = Field(default=True, description="Remove records whose normalized text repeats.")
    near: bool = Field(default=True, description="Remove near-duplicates (MinHash LSH).")
    threshold: float = Field(default=0.8, gt=0, le=1, description="Jaccard similarity deemed duplicate.")
    ngram: int = Field(default=5, ge=1, description="Character n-gram size of the shingles.")
    num_perm: int = Field(default=128, ge=8, description="MinHash permutations.")
    bands: int = Field(default=16, ge=1, description="LSH bands (num_perm must be a multiple).")
    seed: int = Field(default=42, description="MinHash seed: equal seeds give comparable signatures.")
    images: bool = Field(default=True, description="Remove records with a near-duplicate image.")
    bucket_cap: int = Field(default=32, ge=1, description="Most stored records per LSH band key.")
    image_max_distance: int = Field(default=4, ge=0, le=16, description="pHash Hamming distance.")
    image_base_dir: str | None = None
    workers: int = Field(default=2, ge=1, description=(
        "Threads computing digests, MinHash signatures and band keys (this one included; that work "
        "releases the GIL), at most the cores available; 1: no extra thread. Decisions are the same "
        "for any value."))
    parallel_min_records: int = Field(default=512, ge=1, description=(
        "Smaller batches are hashed in this process only (a worker round trip costs ~ms)."))
    seed_from: str | None = Field(
        default=None, description="Index records already written here first (use the run's output on resume)."
    )

    @model_validator(mode="after")
    def _bands_divide(self) -> DedupConfig:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")
        return self


class MinHashLSHIndex:
    """Banded LSH over MinHash signatures, searched a batch at a time, with verification.

    Memory matters at corpus scale, so nothing is kept per record as Python objects: the band
    keys of all kept records live in a NumPy hash multimap (`hashindex.U64MultiMap`, ~20 bytes
    per band) and signatures in a growing uint32 matrix (`num_perm * 4` bytes per record). For a
    batch, one vectorized lookup finds the earlier records sharing a band with each row, a Polars
    self-join finds earlier rows of the same batch, and only rows with candidates reach the Python
    loop that checks estimated Jaccard against the threshold. Tried first and dropped: a Polars
    hash join against the whole index (re-hashes the index every batch) and a sorted array with
    `np.insert` (copies the whole array every batch); both slowed down linearly as the run grew.
    """

    def __init__(self, num_perm: int, bands: int, threshold: float, seed: int, bucket_cap: int = 32) -> None:
        self.bucket_cap = bucket_cap
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.threshold = threshold
        self.seed = seed
        rng = np.random.default_rng(seed)
        self._band_mult = rng.integers(1, 2**63, size=self.rows, dtype=np.uint64) | np.uint64(1)
        # Per-band salt so equal row values in different bands never share a key.
        self._band_salt = rng.integers(1, 2**63, size=self.bands, dtype=np.uint64)
        self._table = U64MultiMap()
        self._sigs = np.zeros((1024, num_perm), dtype=np.uint32)
        self._ids: list[str] = []

    def __len__(self) -> int:
        return len(self._ids)

    def record_id(self, idx: int) -> str:
        return self._ids[idx]

    def spec(self, ngram: int, *, near: bool = True) -> SignatureSpec:
        """What `measures.signature_part` needs to compute this index's signatures and keys."""
        return SignatureSpec(ngram=ngram, num_perm=self.num_perm, seed=self.seed, bands=self.bands,
                             band_mult=self._band_mult, band_salt=self._band_salt, near=near)

    def signatures(self, token_hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """MinHash signatures (n x num_perm, uint32) of the n-gram sets of a batch."""
        return minhash_signatures(token_hashes, offsets, self.num_perm, self.seed)

    def band_keys(self, sigs: np.ndarray) -> np.ndarray:
        """One 64-bit key per (record, band): a salted multiply-add hash of the band's rows."""
        return band_keys(sigs, self.bands, self._band_mult, self._band_salt)

    def candidates(self, sigs: np.ndarray, keys: np.ndarray
                   ) -> tuple[dict[int, tuple[int, float]], dict[int, list[int]], np.ndarray]:
        """Match a batch against the index (stored records) and against itself.

        Returns (stored_hits, local, key_counts): `stored_hits[row] = (idx, similarity)` for the
        earliest stored record whose estimated Jaccard reaches the threshold (verified for all
        candidate pairs at once in NumPy, so the cost does not depend on how many candidates the
        LSH yields); `local[row]` lists earlier rows of the batch sharing a band (checked in order
        by the caller, since whether they were kept depends on the decisions before); and
        `key_counts[row, band]` is how many stored records already have that band key.
        """
        n = len(keys)
        flat = keys.ravel()
        stored_hits: dict[int, tuple[int, float]] = {}
        key_counts = np.zeros(flat.shape, dtype=np.int64)
        if len(self._table):
            where, idxs = self._table.lookup(flat)
            key_counts = np.bincount(where, minlength=len(flat))
            pairs = np.unique((where // self.bands).astype(np.int64) << 32 | idxs.astype(np.int64))
            rows, cand = pairs >> 32, pairs & 0xFFFFFFFF
            sims = np.empty(len(pairs), dtype=np.float64)
            for lo in range(0, len(pairs), 8192):  # bounded temporary memory
                hi = lo + 8192
                sims[lo:hi] = np.count_nonzero(self._sigs[cand[lo:hi]] == sigs[rows[lo:hi]], axis=1)
            sims /= self.num_perm
            ok = sims >= self.threshold
            if ok.any():
                # pairs are sorted by (row, idx): the first per row is the earliest stored record.
                r_ok, c_ok, s_ok = rows[ok], cand[ok], sims[ok]
                _, first = np.unique(r_ok, return_index=True)
                stored_hits = {int(r_ok[i]): (int(c_ok[i]), float(s_ok[i])) for i in first}
        batch = pl.DataFrame({"key": flat, "row": np.repeat(np.arange(n, dtype=np.uint32), self.bands)})
        pairs_local = (
            batch.join(batch, on="key", how="inner", suffix="_other")
            .filter(pl.col("row_other") < pl.col("row"))
            .group_by("row")
            .agg(pl.col("row_other").unique().sort())
        )
        local = dict(zip(pairs_local["row"].to_list(), pairs_local["row_other"].to_list(), strict=True))
        return stored_hits, local, key_counts.reshape(n, self.bands)

    def add_many(self, record_ids: list[str], sigs: np.ndarray, keys: np.ndarray,
                 key_counts: np.ndarray | None = None) -> list[int]:
        """Store kept rows (searchable from the next `candidates` call); returns their idxs.

        A band key already held by `bucket_cap` stored records is not added again: templated
        text (greetings, stock advice) makes some band keys very common, and without a cap every
        later record would be compared with all of them. Records in a full bucket stay findable
        through their other bands and through the `bucket_cap` representatives.
        """
        start = len(self._ids)
        n = len(record_ids)
        need = start + n
        if need > len(self._sigs):
            grown = np.zeros((max(need, 2 * len(self._sigs)), self.num_perm), dtype=np.uint32)
            grown[:start] = self._sigs[:start]
            self._sigs = grown
        self._sigs[start:need] = sigs
        self._ids.extend(record_ids)
        idxs = np.arange(start, need, dtype=np.uint32)
        flat_keys, flat_idx = keys.ravel(), np.repeat(idxs, self.bands)
        if key_counts is not None:
            room = key_counts.ravel() < self.bucket_cap
            flat_keys, flat_idx = flat_keys[room], flat_idx[room]
        self._table.insert(flat_keys, flat_idx)
        return idxs.tolist()


class DedupStage(Stage[DedupConfig]):
    """Keeps the first of each exact/near-duplicate group; state spans the whole run."""

    name: ClassVar[str] = "dedup"
    version: ClassVar[str] = "1"
    config_class: ClassVar[type[StageConfig]] = DedupConfig
    shared_provenance: ClassVar[bool] = True
    # Its indexes span the whole run, so a distributed runner must give it every record in order
    # (one instance), never a share of the batches.
    stateful: ClassVar[bool] = True

    def __init__(self, config: DedupConfig | dict[str, Any] | None = None) -> None:
        super().__init__(config)
        cfg = self.config
        self.funnel = Funnel(self.name)
        self._exact: dict[bytes, str] = {}
        self._lsh = MinHashLSHIndex(cfg.num_perm, cfg.bands, cfg.threshold, cfg.seed, cfg.bucket_cap)
        self._images = HammingIndex(cfg.image_max_distance)
        self._pool: WorkerPool | None = None
        self._spec = self._lsh.spec(cfg.ngram, near=cfg.near)
        self.prefetched = 0  # records whose hashes came from the filter's worker

    def setup(self) -> None:
        prefetch.register(self._spec)
        src = self.config.seed_from
        if src and Path(src).exists():
            from mediscope.io.shards import iter_records

            n = 0
            batch: list[Record] = []
            for rec in iter_records(src):
                batch.append(rec)
                if len(batch) >= 1024:
                    n += len(self._scan(batch, index_only=True)[0])
                    batch = []
            if batch:
                n += len(self._scan(batch, index_only=True)[0])
            log.info("dedup: indexed %d already-written record(s) from %s", n, src)

    @property
    def indexed(self) -> int:
        return max(len(self._exact), len(self._lsh))

    def process(self, batch: list[Record]) -> StageResult:
        with gc_paused():
            kept, rejected = self._scan(batch, index_only=False)
        result = StageResult(kept=kept)
        for rec, reason, detail in rejected:
            assign(rec.quality, "reject_reason", reason)
            result.reject(rec, reason, detail)
        self.funnel.add(len(kept), [r for _, r, _ in rejected])
        return result

    def _scan(self, batch: list[Record], *, index_only: bool) -> tuple[list[Record], list[tuple[Record, str, str]]]:
        """Decide each record in order; kept ones are indexed so later records (also later in the
        same batch) are compared against them."""
        cfg = self.config
        texts, content_keys = normalized_dialogues_and_keys(batch)
        digests, sigs, keys = self._signatures(texts, content_keys)
        stored: dict[int, tuple[int, float]] = {}
        local: dict[int, list[int]] = {}
        key_counts: np.ndarray | None = None
        if sigs is not None and keys is not None and batch:
            stored, local, key_counts = self._lsh.candidates(sigs, keys)
            if index_only:
                stored, local = {}, {}
        kept: list[Record] = []
        kept_rows: list[int] = []
        kept_mask = [False] * len(batch)
        rejected: list[tuple[Record, str, str]] = []
        for i, rec in enumerate(batch):
            digest = digests[i]
            if cfg.exact and not index_only and digest in self._exact:
                rejected.append((rec, R.EXACT_DUPLICATE, f"same normalized text as record {self._exact[digest]}"))
                continue
            if sigs is not None and (i in stored or i in local):
                hit = self._near_hit(i, sigs, stored.get(i), local.get(i, ()), kept_mask, batch)
                if hit is not None:
                    rejected.append(
                        (rec, R.NEAR_DUPLICATE, f"estimated Jaccard {hit[1]:.2f} >= {cfg.threshold} with record {hit[0]}")
                    )
                    continue
            image_hashes: list[int] = []
            if cfg.images and rec.images:
                problem, image_hashes = self._image_duplicate(rec)
                if problem and not index_only:
                    rejected.append((rec, R.NEAR_DUPLICATE_IMAGE, problem))
                    continue
            kept.append(rec)
            kept_rows.append(i)
            kept_mask[i] = True
            if cfg.exact:
                self._exact.setdefault(digest, rec.id)
            for h in image_hashes:
                self._images.add(h, rec.case_id)
        if sigs is not None and keys is not None and kept_rows:
            counts = key_counts[kept_rows] if key_counts is not None else None
            self._lsh.add_many([batch[i].id for i in kept_rows], sigs[kept_rows], keys[kept_rows], counts)
        return kept, rejected

    def _signatures(self, texts: list[str], content_keys: list[Key]
                    ) -> tuple[list[bytes], np.ndarray | None, np.ndarray | None]:
        """Digests, signatures and band keys of the batch: taken from the filter's worker when it
        hashed these records already (`prefetch`), else computed here, parts of the batch in
        threads when it is big enough and `workers` > 1 (same values either way)."""
        cfg = self.config
        if not texts:
            return [], None, None
        spec = self._spec
        got = prefetch.take(spec, content_keys)
        if got is not None:
            self.prefetched += len(texts)
            return got
        workers = effective_workers(cfg.workers)
        if workers < 2 or len(texts) < cfg.parallel_min_records:
            return signature_part(texts, spec)
        if self._pool is None or self._pool.closed:
            self._pool = WorkerPool(workers, name=f"stage {self.name!r}", threads=True)
        weights = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        cuts = self._pool.split(weights)
        bounds = list(zip(cuts, cuts[1:], strict=False))
        parts = [(texts[a:b], spec) for a, b in bounds]
        results = self._pool.run_parts(signature_part, signature_part, parts,
                                       weights=[float(weights[a:b].sum() + (b - a)) for a, b in bounds])
        digests = [d for part in results for d in part[0]]
        if not spec.near:
            return digests, None, None
        return digests, np.concatenate([r[1] for r in results]), np.concatenate([r[2] for r in results])

    def teardown(self) -> None:
        prefetch.unregister(self._spec)
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _near_hit(self, i: int, sigs: np.ndarray, stored: tuple[int, float] | None, local: Iterable[int],
                  kept_mask: list[bool], batch: list[Record]) -> tuple[str, float] | None:
        """The first earlier kept record whose estimated Jaccard with row i reaches the threshold."""
        threshold = self.config.threshold
        if stored is not None:
            return self._lsh.record_id(stored[0]), stored[1]
        for j in local:
            if kept_mask[j]:
                sim = float(np.count_nonzero(sigs[j] == sigs[i])) / self._lsh.num_perm
                if sim >= threshold:
                    return batch[j].id, sim
        return None

    def _image_duplicate(self, rec: Record) -> tuple[str | None, list[int]]:
        """(problem or None, pHashes of the record's decodable images)."""
        base = Path(self.config.image_base_dir) if self.config.image_base_dir else None
        hashes: list[int] = []
        for img in rec.images:
            try:
                h = phash(open_image(img, base))
            except (OSError, ValueError, SyntaxError):
                continue  # decodability is the quality filter's job; nothing to compare here
            for case_id, dist in self._images.query(h):
                if case_id != rec.case_id:
                    return (f"image {img.id!r} is within pHash distance {dist} of an image of case {case_id}", hashes)
            hashes.append(h)
        return None, hashes
