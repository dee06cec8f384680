"""Throughput of the de-identification engine vs a plain per-record Presidio loop, same texts.

    python bench/deid_throughput.py [--n 2000] [--workers 2]
    python bench/deid_throughput.py --corpus shared [--n 2000]       # real public samples
    python bench/deid_throughput.py --corpus turns.txt [--lang zh]   # your own texts, one per line

Baseline: what one would write first with Presidio: `Deidentifier.reference_analyzer`, an
`AnalyzerEngine` over the SAME recognizers with the stock spaCy pipeline (English: every
component of en_core_web_sm), called once per text. Ours: `Deidentifier.analyze_batch` (NER
alone, batched with `nlp.pipe`, on the lines that may hold a name; entity pre-filters and the
recognizers' own literal pre-filters), then the same over a `ParallelAnalyzer` pool whose
workers are forked from the warmed engine. All runs happen in this one process on the same texts.

Every row reports wall time AND CPU time (`process_time`, plus the pool workers' CPU from
/proc): on a shared machine wall time swings with other people's load, CPU time much less.
The ratios ("x wall", "x cpu") are against the baseline of the same run; load averages before
and after are printed. On N idle cores the pooled wall ratio approaches N times the pooled CPU
ratio.

Default texts: `--n` distinct texts made from the evaluation templates with fresh fake values
(half zh, half en), with recall/precision on their gold spans. Those are dense with PHI, the
worst case for pre-filters. `--corpus shared` reads ~`--n` real texts from the public samples
next to the repository with the project's readers (80% Chinese consultation turns and reports,
20% English: SLAKE questions/answers and Presidio-research sentences); without gold spans it
prints, per run, the share of texts whose spans are identical to the baseline's. (A text can
differ where a recognizer returns results stamped with another recognizer's id, which
`AnalyzerEngine` drops, see tests/deid/test_speed_equivalence.py, and where spaCy's English NER
tags differently on one line than on the whole text; figures below.)

Measured on the 2-core shared development machine (load average 2.5-4.7 from other work, so
wall ratios are not meaningful there; CPU ratios are), same recognizers before and after:

    templates, 1,200 texts     before: 1 proc 2.92x cpu (1.19 ms/text), 2 procs 1.79x cpu
                               after:  1 proc 3.57x cpu (1.03 ms/text), 2 procs 3.10x cpu
    real corpus, 2,000 texts   before: 1 proc 2.13x cpu (0.86 ms/text), 2 procs 2.35x cpu
                               after:  1 proc 3.39x cpu (0.50 ms/text), 2 procs 2.96x cpu

(Before, the pool's second worker was often still loading its models when timing began.)

Later, on 2 idle cores (load average 0.7-1.0), after the workers warm up on the shipped texts at
start-up (`parallel.py`; a forked worker's first texts otherwise cost ~40% more CPU):

    real corpus, 8,000 texts   1 proc 3.37x wall, 2 procs 6.10x wall (best of 2 turns); 5.06x single pass
    templates, 3,888 texts     1 proc 3.07x wall, 2 procs 5.60x wall (best of 2 turns)
After two more rounds of recall rules (load average 0.8-1.4, best of 2 turns):
    real corpus, 8,000 texts   1 proc 3.33x wall, 2 procs 6.12x wall (after one more small round: 3.05x, 5.49x)
    templates, 3,888 texts     1 proc 2.95x wall, 2 procs 5.14x wall
After four more rounds (load average 0.9-1.2, best of 2 turns; the second templates run's baseline
took 10% longer, the ratios swing that much from run to run):
    real corpus, 8,000 texts   1 proc 2.80x wall, 2 procs 5.24x wall (the engine two rounds earlier:
                               2.81x, 5.25x; 4.90x before the pet-name patterns got literal pre-checks)
    templates, 3,888 texts     1 proc 2.87x / 3.15x wall, 2 procs 5.08x / 5.90x wall
After four more rounds (load average 1.0-1.2, best of 2 turns, runs alternated with the engine
before them in the same half hour):
    real corpus, 8,000 texts   1 proc 2.66-2.74x wall, 2 procs 4.89 / 4.94 / 5.00 / 5.24x wall
                               (the engine before: 2.72-2.85x, 4.86 / 5.03 / 5.19x)
    templates, 3,888 texts     1 proc 3.07x wall, 2 procs 5.64x wall (the engine before: 2.96x, 5.66x)
After the recognizers were split by family and two more rounds (load average 1.1-1.5, best of
2 turns, runs alternated with the engine before the rounds in the same quarter hour):
    real corpus, 8,000 texts   1 proc 2.78-2.80x wall, 2 procs 5.52 / 5.02 / 5.42 / 4.86x wall
                               (the engine before: 2.83-2.88x, 5.19 / 5.41 / 5.18 / 4.78x)
    templates, 3,888 texts     1 proc 3.02x wall, 2 procs 5.62x wall (the engine before: 2.91x, 5.60x)
After three more rounds (load average 0.7-1.2, best of 2 turns, alternated with the engine before):
    real corpus, 8,000 texts   1 proc 2.62-2.78x wall, 2 procs 5.03 / 5.06 / 5.11 / 5.02 / 4.71x wall
                               (the engine before: 2.59-2.80x, 4.84 / 5.25 / 4.84 / 4.79 / 4.87x)
    templates, 3,888 texts     1 proc 2.71-2.94x wall, 2 procs 5.55 / 5.00x wall (before: 5.63x;
                               the engine took 3.58 / 3.39 s, the baseline 19.9 / 16.9 s)

On 8,000 real texts the spans differ from the baseline's on 6-7 texts, all English address
blocks from the Presidio-research sample: ours runs spaCy's NER line by line, the stock pipeline
over the whole text, and the model then draws a slightly different (in each case equal or wider)
person/place span. Chinese
time is now mostly the Chinese name recognizer, which the baseline runs too: x cpu zh ~1.6-1.7.
On two idle cores the pooled wall ratio would be about twice the pooled CPU ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediscope.deid.engine import Deidentifier, resolve_overlaps  # noqa: E402
from mediscope.deid.evaluation import EvalItem, score  # noqa: E402
from mediscope.deid.types import PhiSpan  # noqa: E402


def fresh_items(n: int, seed: int) -> list[EvalItem]:
    """`n` distinct texts from the evaluation templates with new fake values (not the shipped set)."""
    from mediscope.deid.evalset import generate as g

    rows: list[dict] = []
    rep = 0
    while len(rows) < n:
        rows += g._build("zh", g.ZH_TEMPLATES, g.ZH_HARD, g.ZhValues, g.ZH_TYPES, repeats=4, seed=seed + rep)
        rows += g._build("en", g.EN_TEMPLATES, g.EN_HARD, g.EnValues, g.EN_TYPES, repeats=5, seed=seed + rep + 1)
        rep += 2
    zh = [r for r in rows if r["lang"] == "zh"]
    en = [r for r in rows if r["lang"] == "en"]
    mixed = [r for pair in zip(zh, en, strict=False) for r in pair][:n]
    return [EvalItem(id=r["id"], lang=r["lang"], text=r["text"], phi=r["phi"], clinical=r["clinical"]) for r in mixed]


# Real public samples read with the project's own readers: (reader, file, extra options).
SHARED_SOURCES: tuple[tuple[str, str, dict], ...] = (
    ("cmtmedqa", "zhongjing_cmtmedqa/CMtMedQA_test.sample.json", {}),
    ("disc", "disc_medllm/test_examples.jsonl", {}),
    ("meddialog", "huatuogpt_eval/Med-dialog_100.json", {}),
    ("bianque", "bianque/cMedialog_example.csv", {}),
    ("huatuo26m", "zhongjing_cmtmedqa/huatuo26M_test.first300.json", {}),
    ("cmdd", "toyhom_cmdd/样例_内科5000-6000.head.gb18030.csv", {}),
    ("csv", "slake_json/test_open.csv", {"question_column": "question", "answer_column": "answer",
                                        "title_column": None, "meta_columns": []}),
)


def shared_corpus(root: Path, n: int = 2000, en_share: float = 0.2) -> list[str]:
    """About `n` real texts (turns and reports) from the public samples under `root`.

    Most are Chinese consultation turns (PHI-free, as that corpus really is); `en_share` of
    them are English: SLAKE questions/answers and Presidio-research sentences, the latter the
    only English text here that holds names. Sources are interleaved so any prefix is a mix.
    """
    import json

    from mediscope.io.registry import make_reader
    from mediscope.record import Record

    per_source: list[list[str]] = []
    for name, rel, options in SHARED_SOURCES:
        path = root / rel
        if not path.exists():
            continue
        texts = [t for rec in make_reader(name, str(path), **options) if isinstance(rec, Record)
                 for _, t in rec.texts() if t.strip()]
        per_source.append(texts)
    synth = root / "presidio_research" / "synth_dataset_v2.first500.json"
    if synth.exists():
        per_source.append([row["full_text"] for row in json.loads(synth.read_text(encoding="utf-8"))])
    if not per_source:
        raise SystemExit(f"{root}: no public samples found")
    from mediscope.deid.normalize import has_cjk

    zh = _interleave([[t for t in src if has_cjk(t)] for src in per_source])
    en = _interleave([[t for t in src if not has_cjk(t)] for src in per_source])
    n_en = min(len(en), int(n * en_share))
    zh, en = zh[: n - n_en], en[:n_en]
    step = max(1, len(zh) // max(1, len(en)))
    out: list[str] = []
    for i in range(0, len(zh), step):
        out += zh[i : i + step]
        if en:
            out.append(en.pop(0))
    return out + en


def _interleave(lists: list[list[str]]) -> list[str]:
    out = []
    for i in range(max((len(x) for x in lists), default=0)):
        out += [x[i] for x in lists if i < len(x)]
    return out


def baseline_engines(d: Deidentifier) -> dict:
    """Plain Presidio analyzers: same recognizers, the stock spaCy pipelines, no tricks."""
    return {lang: d.reference_analyzer(lang) for lang in ("zh", "en")}


@dataclass
class Run:
    """One timed run: spans per text, and per language the wall and CPU seconds and text count."""

    name: str
    spans: list[list[PhiSpan]]
    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    count: dict[str, int] = field(default_factory=dict)

    def rate(self, lang: str | None = None, cpu: bool = False) -> float:
        """Texts per second of wall time (or per CPU second), for one language or all."""
        secs = self.cpu if cpu else self.wall
        langs = [lang] if lang else list(secs)
        total = sum(secs[lg] for lg in langs)
        return sum(self.count[lg] for lg in langs) / total if total > 0 else float("nan")


def run_baseline(engines: dict, texts: list[str], langs: list[str]) -> Run:
    """The plain loop: one `AnalyzerEngine.analyze` call per text."""
    run = Run("presidio per-record loop", [[] for _ in texts])
    for lang in ("zh", "en"):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        if not idx:
            continue
        t, c = time.perf_counter(), time.process_time()
        for i in idx:
            res = engines[lang].analyze(text=texts[i], language=lang, score_threshold=0.5)
            run.spans[i] = resolve_overlaps(PhiSpan(r.start, r.end, r.entity_type, float(r.score), "baseline")
                                            for r in res)
        run.wall[lang], run.cpu[lang], run.count[lang] = time.perf_counter() - t, time.process_time() - c, len(idx)
    return run


def run_engine(name: str, analyze, texts: list[str], langs: list[str], worker_cpu=lambda: 0.0) -> Run:
    """`analyze(texts, lang)` per language; CPU is this process's plus `worker_cpu()`'s growth."""
    run = Run(name, [[] for _ in texts])
    for lang in ("zh", "en"):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        if not idx:
            continue
        t, c, w = time.perf_counter(), time.process_time(), worker_cpu()
        for i, spans in zip(idx, analyze([texts[i] for i in idx], lang), strict=True):
            run.spans[i] = spans
        run.wall[lang] = time.perf_counter() - t
        run.cpu[lang] = time.process_time() - c + worker_cpu() - w
        run.count[lang] = len(idx)
    return run


def processes_cpu(pids: list[int], fallback: float) -> float:
    """CPU seconds (user + system) the processes `pids` have used so far, read from /proc;
    `fallback` where /proc is not available. Counts everything a worker does, idle polling and
    pickling included, not only the time inside `analyze_batch`."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks if pids else fallback
    except (OSError, ValueError, IndexError):
        return fallback


def best_of(runs: list[Run]) -> Run:
    """Per language, the fastest wall and the lowest CPU among repetitions of one run."""
    best = runs[0]
    for run in runs[1:]:
        for lang in run.wall:
            best.wall[lang] = min(best.wall[lang], run.wall[lang])
            best.cpu[lang] = min(best.cpu[lang], run.cpu[lang])
    return best


def timed_runs(texts: list[str], langs: list[str], nb: int, workers: int, repeat: int = 1,
               trained_ner: bool = False) -> tuple[list[Run], float]:
    """Baseline on the first `nb` texts, then the engine in one process and in a pool, all here.

    With `repeat` > 1 the three runs take turns `repeat` times (so they meet similar load) and
    each keeps its best figures. Returns the runs and the pool's start-up seconds (forking warmed
    workers), which the throughput figures leave out: a pool is started once per job.
    """
    from mediscope.deid.engine import DeidConfig, Deidentifier

    d = Deidentifier(DeidConfig(trained_ner=trained_ner))  # the baseline gets the same recognizers
    d.warm_up()
    engines = baseline_engines(d)
    warm = list(range(0, len(texts), max(1, len(texts) // 40)))[:40]
    run_baseline(engines, [texts[i] for i in warm], [langs[i] for i in warm])  # lazy loads, caches
    run_engine("warm-up", d.analyze_batch, [texts[i] for i in warm], [langs[i] for i in warm])
    start = 0.0
    pa = None
    if workers > 1:
        from mediscope.deid.parallel import ParallelAnalyzer

        t = time.perf_counter()
        pa = ParallelAnalyzer(workers=workers, deidentifier=d)
        start = time.perf_counter() - t
    rounds: list[list[Run]] = []
    try:
        for _ in range(max(1, repeat)):
            row = [run_baseline(engines, texts[:nb], langs[:nb]),
                   run_engine("batched engine, 1 process", d.analyze_batch, texts, langs)]
            if pa is not None:
                row.append(run_engine(f"batched engine, {workers} processes", pa.analyze, texts, langs,
                                      lambda: processes_cpu(pa.pids(), pa.worker_cpu)))
            rounds.append(row)
    finally:
        if pa is not None:
            pa.close()
    return [best_of([row[k] for row in rounds]) for k in range(len(rounds[0]))], start


def print_table(runs: list[Run], extra: dict[str, list[str]], load_before: float, start: float) -> None:
    """Wall and CPU figures per run, with ratios to the baseline (first row) of this same run."""
    base = runs[0]
    langs = [lg for lg in ("zh", "en") if lg in base.count]
    cols = ["texts", "wall s", "cpu s", "texts/s", "cpu ms/text"] + [f"{lg} ms/text" for lg in langs]
    cols += ["x wall", "x cpu"] + [f"x cpu {lg}" for lg in langs] + list(extra)
    print(f"{'run':30} " + " ".join(f"{c:>11}" for c in cols))
    for k, run in enumerate(runs):
        vals = [f"{sum(run.count.values()):d}", f"{sum(run.wall.values()):.2f}", f"{sum(run.cpu.values()):.2f}",
                f"{run.rate():.1f}", f"{1000 / run.rate(cpu=True):.3f}"]
        vals += [f"{1000 / run.rate(lg, cpu=True):.3f}" for lg in langs]
        vals += [f"{run.rate() / base.rate():.2f}", f"{run.rate(cpu=True) / base.rate(cpu=True):.2f}"]
        vals += [f"{run.rate(lg, cpu=True) / base.rate(lg, cpu=True):.2f}" for lg in langs]
        vals += [col[k] for col in extra.values()]
        print(f"{run.name:30} " + " ".join(f"{v:>11}" for v in vals))
    load = os.getloadavg()
    print(f"(cpu count {os.cpu_count()}; load average before {load_before:.2f}, after {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}; pool start-up {start:.2f} s, not in the figures; cpu = process_time summed over "
          "processes; x = rate / baseline rate, same texts and run)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="number of texts")
    ap.add_argument("--workers", type=int, default=2, help="processes for the pooled run (1: none)")
    ap.add_argument("--seed", type=int, default=7, help="seed for the generated texts")
    ap.add_argument("--baseline-n", type=int, default=None, help="texts for the (slow) baseline; default --n")
    ap.add_argument("--corpus", default=None,
                    help="time real texts instead: a file with one text per line, or 'shared' for the public "
                         "samples next to the repository (../shared/data, or $MEDISCOPE_SHARED_DATA), read with "
                         "the project's readers")
    ap.add_argument("--lang", default="auto", help="language of the --corpus texts: zh, en or auto")
    ap.add_argument("--repeat", type=int, default=1,
                    help="take turns this many times and keep each run's best figures (for busy machines)")
    ap.add_argument("--trained-ner", action="store_true",
                    help="run the trained PHI tagger beside the rules (in the baseline loop too)")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    if args.corpus is not None:
        corpus_run(args, load_before)
        return

    reps = fresh_items(args.n, args.seed)
    texts, langs = [it.text for it in reps], [it.lang for it in reps]
    nb = min(len(texts), args.baseline_n or args.n)
    runs, start = timed_runs(texts, langs, nb, args.workers, args.repeat, args.trained_ner)
    recall = [f"{score(reps[: sum(r.count.values())], r.spans).recall:.4f}" for r in runs]
    precision = [f"{score(reps[: sum(r.count.values())], r.spans).precision:.3f}" for r in runs]
    print_table(runs, {"recall": recall, "prec.": precision}, load_before, start)
    if args.repeat > 1:
        print(f"(best of {args.repeat} turns per run and language)")


def corpus_run(args: argparse.Namespace, load_before: float) -> None:
    """Real texts without gold: speed, and whether each run finds exactly the baseline's spans."""
    from mediscope.deid.langid import detect_lang

    if args.corpus == "shared":
        root = os.environ.get("MEDISCOPE_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
        lines = shared_corpus(Path(root), args.n)
    else:
        path = Path(args.corpus)
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][: args.n]
        if not lines:
            raise SystemExit(f"{path}: no texts")
    langs = [args.lang if args.lang in ("zh", "en") else detect_lang(t) for t in lines]
    langs = ["zh" if lg == "mixed" else lg for lg in langs]  # mixed texts are mostly Chinese turns
    nb = min(len(lines), args.baseline_n or len(lines))
    runs, start = timed_runs(lines, langs, nb, args.workers, args.repeat, args.trained_ner)
    wanted = [{(s.start, s.end, s.entity_type) for s in spans} for spans in runs[0].spans[:nb]]
    spans, same = [], []
    for r in runs:
        got = [{(s.start, s.end, s.entity_type) for s in x} for x in r.spans[:nb]]
        spans.append(str(sum(map(len, got))))
        same.append(f"{sum(a == b for a, b in zip(wanted, got, strict=True)) / max(1, nb):.4f}")
    print(f"corpus: {len(lines)} texts ({sum(lg == 'zh' for lg in langs)} zh, {sum(lg == 'en' for lg in langs)} en), "
          f"{sum(map(len, lines)) / len(lines):.0f} characters on average")
    print_table(runs, {"spans": spans, "identical": same}, load_before, start)
    if args.repeat > 1:
        print(f"(best of {args.repeat} turns per run and language)")


if __name__ == "__main__":
    main()
