"""Run a pipeline on Ray Data: the same reader, stages and run directory, more processes.

The local `Runner` drives every stage in one process. For a corpus that needs more cores (or
more machines), `RayRunner` hands the same stage objects to Ray Data actors:

- The pipeline's reader runs in one Ray read task and streams blocks of `batch_size` items.
- Consecutive stages that keep no state across batches (de-identification, filters, expansion)
  run together in a pool of actors, each built once with the stage chain and its models (the
  `setup()` cost is paid once per actor, as in the local runner). Stages with their own
  `workers` knob run with one process inside an actor unless the pipeline says otherwise. A stage that must see every
  record (`stateful = True`, e.g. dedup's near-duplicate index) gets a single actor of its own,
  so its decisions are those of one process.
- Rows are `(kind, json, stage, reason)` plus one seconds column per stage: records and
  rejections travel together, so "in = out + rejected" is checked at the end over the whole run,
  and order is preserved (`preserve_order`): the same input gives the same shards, the same
  decisions and the same rejects as `mediscope run` without Ray.
- The driver writes `data/part-NNNNN.<fmt>`, `rejects/part-NNNNN.jsonl` and `manifest.json` in the
  local runner's layout, so `mediscope report` and `mediscope publish` read either run alike.

What it does not do: resume. A Ray run starts the run directory afresh (re-running a big job on
a cluster is cheaper than tracking shards written by many workers); the local runner resumes.
"""

from __future__ import annotations

import gc
import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mediscope.io.shards import RecordWriter
from mediscope.pipeline import Pipeline, StageSpec
from mediscope.record import Record
from mediscope.rejects import Rejection
from mediscope.runner import MANIFEST_FILE, PIPELINE_FILE, RunError, StageCounts, finish_run
from mediscope.stages.base import StageResult
from mediscope.stages.registry import resolve_stage

log = logging.getLogger(__name__)

RECORD, REJECTION = "record", "rejection"


def _rows(items: list[Record | Rejection], n_stages: int, read_label: str) -> dict[str, list]:
    """One block of rows from reader items (records, or the reader's own rejections)."""
    cols: dict[str, list] = {"kind": [], "json": [], "stage": [], "reason": []}
    for item in items:
        if isinstance(item, Record):
            cols["kind"].append(RECORD)
            cols["json"].append(item.model_dump_json())
            cols["stage"].append("")
            cols["reason"].append("")
        else:  # counted as the reader's, whatever stage name the reader wrote into it
            cols["kind"].append(REJECTION)
            cols["json"].append(item.to_json())
            cols["stage"].append(read_label)
            cols["reason"].append(item.reason)
    for k in range(n_stages):
        cols[f"sec_{k}"] = [0.0] * len(items)
    return cols


@dataclass
class _Segment:
    """Consecutive stages run by one kind of actor: (index, label, spec) per stage."""

    stages: list[tuple[int, str, StageSpec]]
    stateful: bool


class _StageChain:
    """A Ray Data actor: builds its stages once, then runs each batch through them in order."""

    def __init__(self, stages: list[tuple[int, str, dict]], on_stage_error: str) -> None:
        self.on_stage_error = on_stage_error
        self.stages = []
        for index, label, spec in stages:
            cls = resolve_stage(spec["stage"])
            config = dict(spec.get("config") or {})
            if "workers" in cls.config_class.model_fields:
                # Ray already runs one actor per core: a stage's own process pool would only
                # compete with the other actors (and `workers` is outside the config hash).
                config.setdefault("workers", 1)
            stage = cls(config)
            stage.ensure_setup()
            self.stages.append((index, label, stage))
        gc.collect()  # as the local runner does: loaded models stay out of the collector's scans
        gc.freeze()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        """Rows out in the local runner's order: earlier rejections, this segment's rejections
        stage by stage, then the records still kept (one row per input item throughout)."""
        n = len(batch["kind"])
        sec_cols = [key for key in batch if key.startswith("sec_")]
        passed = [i for i in range(n) if batch["kind"][i] != RECORD]
        out: dict[str, list] = {key: [batch[key][i] for i in passed] for key in ("kind", "json", "stage", "reason")}
        seconds = {key: float(sum(batch[key])) for key in sec_cols}
        records = [Record.model_validate_json(batch["json"][i]) for i in range(n) if batch["kind"][i] == RECORD]
        for index, label, stage in self.stages:
            t0 = time.perf_counter()
            result = self._run(stage, label, records) if records else StageResult()
            for rej in result.rejected:
                rej.stage = label
                out["kind"].append(REJECTION)
                out["json"].append(rej.to_json())
                out["stage"].append(label)
                out["reason"].append(rej.reason)
            records = result.kept
            seconds[f"sec_{index}"] = seconds.get(f"sec_{index}", 0.0) + time.perf_counter() - t0
        for rec in records:
            out["kind"].append(RECORD)
            out["json"].append(rec.model_dump_json())
            out["stage"].append("")
            out["reason"].append("")
        if len(out["kind"]) != n:
            raise RunError(f"accounting error in a batch: {n} rows in, {len(out['kind'])} out")
        for key, total in seconds.items():  # a batch's stage time rides on its first row
            out[key] = ([total] + [0.0] * (n - 1)) if n else []
        return out

    def _run(self, stage, label: str, records: list[Record]) -> StageResult:
        try:
            return stage(records)
        except Exception as exc:
            if self.on_stage_error == "fail":
                raise
            log.exception("stage %s failed on a batch; rejecting the batch", label)
            result = StageResult()
            for rec in records:
                result.reject(rec, "stage_error", f"{label}: {type(exc).__name__}: {exc}")
            return result


def _read_blocks(pipeline_json: str, n_stages: int) -> Iterator[Any]:
    """The read task: the pipeline's own reader, streamed as Arrow blocks of `batch_size` items."""
    from itertools import islice

    import pyarrow as pa

    pipeline = Pipeline.model_validate_json(pipeline_json)
    items = iter(pipeline.build_reader())
    label = f"read:{pipeline.reader.format}"
    while batch := list(islice(items, pipeline.batch_size)):
        yield pa.table(_rows(batch, n_stages, label))


def _reader_datasource(pipeline: Pipeline, n_stages: int):
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    payload = pipeline.model_dump_json()

    class PipelineReader(Datasource):
        """One read task: readers are iterators over one source, read front to back."""

        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None,
                           data_context: Any = None) -> list[ReadTask]:
            meta = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=(pipeline.reader.path,))
            return [ReadTask(lambda: _read_blocks(payload, n_stages), meta)]

    return PipelineReader()


def segments(pipeline: Pipeline, labels: list[str]) -> list[_Segment]:
    """Group the stages: runs of stateless stages share an actor pool; each stateful one is alone."""
    out: list[_Segment] = []
    for index, (label, spec) in enumerate(zip(labels, pipeline.stages, strict=True)):
        stateful = bool(getattr(resolve_stage(spec.stage), "stateful", False))
        if stateful or not out or out[-1].stateful:
            out.append(_Segment([(index, label, spec)], stateful))
        else:
            out[-1].stages.append((index, label, spec))
    return out


class RayRunner:
    """Executes one pipeline on Ray Data into a run directory laid out like `Runner`'s.

    `workers` is the size of each stateless actor pool (default: the cluster's CPUs); `address`
    is passed to `ray.init` (None starts a local Ray on this machine, "auto" joins a running
    cluster). Each actor reserves `cpus_per_actor` CPUs; stateful stages' single actors reserve
    none, so a small machine never waits on itself.
    """

    def __init__(self, pipeline: Pipeline, output: str | Path | None = None, *, workers: int | None = None,
                 address: str | None = None, cpus_per_actor: float = 1.0, progress: bool = True) -> None:
        self.pipeline = pipeline
        self.out = Path(output or pipeline.writer.path)
        self.workers = workers
        self.address = address
        self.cpus_per_actor = cpus_per_actor
        self.progress = progress
        stages = pipeline.build_stages()  # validates every config here, before Ray starts
        seen: Counter[str] = Counter()
        self.labels: list[str] = []
        self._meta: list[tuple[str, str]] = []
        for st in stages:
            seen[st.name] += 1
            self.labels.append(st.name if seen[st.name] == 1 else f"{st.name}#{seen[st.name]}")
            self._meta.append((st.version, st.config_hash))

    def _dataset(self):
        import ray
        import ray.data

        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # same shards and decisions as the local runner
        ctx.enable_progress_bars = self.progress
        n = len(self.labels)
        ds = ray.data.read_datasource(_reader_datasource(self.pipeline, n), override_num_blocks=1)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        workers = max(1, self.workers or cpus)
        for seg in segments(self.pipeline, self.labels):
            specs = [(i, label, spec.model_dump(mode="json")) for i, label, spec in seg.stages]
            ds = ds.map_batches(
                _StageChain, batch_size=self.pipeline.batch_size, batch_format="numpy",
                fn_constructor_kwargs={"stages": specs, "on_stage_error": self.pipeline.on_stage_error},
                compute=ray.data.ActorPoolStrategy(size=1) if seg.stateful
                else ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
                num_cpus=0 if seg.stateful else self.cpus_per_actor,
                zero_copy_batch=False,
            )
        return ds

    def run(self) -> dict[str, Any]:
        import ray

        started = datetime.now(timezone.utc)
        if self.out.exists():
            for sub in ("data", "rejects"):
                shutil.rmtree(self.out / sub, ignore_errors=True)
            for name in (MANIFEST_FILE, PIPELINE_FILE, "_progress.jsonl"):
                (self.out / name).unlink(missing_ok=True)
        (self.out / "data").mkdir(parents=True, exist_ok=True)
        (self.out / "rejects").mkdir(parents=True, exist_ok=True)
        spec = {"fingerprint": self.pipeline.fingerprint(), "pipeline": self.pipeline.model_dump(mode="json"),
                "executor": "ray"}
        (self.out / PIPELINE_FILE).write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
        own_ray = not ray.is_initialized()
        if own_ray:
            ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING, num_cpus=self.workers if self.address is None else None)
        read_label = f"read:{self.pipeline.reader.format}"
        totals = {"read": StageCounts(read_label)}
        for label, (version, config_hash) in zip(self.labels, self._meta, strict=True):
            totals[label] = StageCounts(label, version, config_hash)
        rejected_at: Counter[str] = Counter()
        reasons: dict[str, Counter[str]] = {name: Counter() for name in totals}
        seconds = [0.0] * len(self.labels)
        n_in = kept_total = rej_total = shard = 0
        ext = self.pipeline.writer.format
        try:
            for batch in self._dataset().iter_batches(batch_size=self.pipeline.batch_size, batch_format="numpy"):
                kinds = batch["kind"]
                rows = len(kinds)
                records = [Record.model_validate_json(j) for k, j in zip(kinds, batch["json"], strict=True) if k == RECORD]
                rejects = [j for k, j in zip(kinds, batch["json"], strict=True) if k == REJECTION]
                for k, stage, reason in zip(kinds, batch["stage"], batch["reason"], strict=True):
                    if k == REJECTION:
                        name = "read" if stage == read_label else stage
                        rejected_at[name] += 1
                        reasons.setdefault(name, Counter())[reason] += 1
                for i in range(len(self.labels)):
                    seconds[i] += float(batch[f"sec_{i}"].sum())
                name = f"part-{shard:05d}"
                with RecordWriter(self.out / "rejects" / f"{name}.jsonl", lines=True) as w:
                    w.write_lines(rejects)
                with RecordWriter(self.out / "data" / f"{name}.{ext}") as w:
                    w.write(records)
                n_in += rows
                kept_total += len(records)
                rej_total += len(rejects)
                shard += 1
        finally:
            if own_ray:
                ray.shutdown()
        # Per-stage counts from where each rejection happened: a stage's input is what the
        # previous one kept.
        flowing = n_in
        for name, counts in totals.items():
            counts.n_in = flowing
            counts.n_rejected = rejected_at.get(name, 0)
            counts.n_out = flowing - counts.n_rejected
            counts.reasons = reasons.get(name, Counter())
            flowing = counts.n_out
        for i, label in enumerate(self.labels):
            totals[label].seconds = seconds[i]
        if kept_total + rej_total != n_in or flowing != kept_total:
            raise RunError(f"accounting error: {n_in} in != {kept_total} out + {rej_total} rejected")
        return finish_run(self.pipeline, self.out, started, totals, kept_total, rej_total, shard, executor="ray")
