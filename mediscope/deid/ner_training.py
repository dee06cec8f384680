"""Build the statistical PHI tagger (`recognizers.trained_ner`) from labelled evaluation sets.

Why train our own: no Chinese or English clinical de-identification model can be downloaded on
the machines this runs on, and a general NER (spaCy's `en_core_web_sm`) knows neither chat
handles nor record numbers nor Chinese names glued to symptoms. The labelled sets written for
`deid-eval` are exactly that knowledge: several thousand texts of both languages whose PHI spans
are marked. A small spaCy pipeline (tok2vec + transition NER, no vectors) trains on them in
minutes on one CPU core.

The labelled sets are dense with PHI (a name in most lines); real consultations mostly hold none,
and a tagger that has only seen the former finds "names" in ordinary words (希望, 了解). Unlabelled
real texts can be added as *silver* examples: the rule engine labels them (`silver_items`), and
the tagger learns what ordinary text looks like from them.

Honesty of the figures depends on what the tagger saw: a set it was trained on is no longer an
unseen measure. `train_tagger` therefore takes the sets explicitly, writes their names and
hashes to `training.json` inside the model folder, and refuses a file named in `exclude`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mediscope.deid.evaluation import EvalItem, load_evalset
from mediscope.deid.recognizers.trained_ner import coarse_label

log = logging.getLogger(__name__)

CONFIGS_DIR = Path(__file__).resolve().parent / "ner_configs"


@dataclass
class TrainingReport:
    """What a training run used and reached; saved as `training.json` next to the model."""

    lang: str
    files: dict[str, str]  # file name -> sha256
    texts_train: int
    texts_dev: int
    texts_labelled: int  # distinct texts of the labelled sets (train + held back)
    spans: dict[str, int]  # coarse label -> count in training texts
    dropped_spans: int  # spans that did not fit token boundaries or overlapped another
    max_steps: int
    seconds: float
    dev_scores: dict[str, float] = field(default_factory=dict)
    silver_files: dict[str, str] = field(default_factory=dict)  # file name -> sha256 (unlabelled texts)
    silver_texts: int = 0  # rule-labelled texts among texts_train
    seed: int = 0
    config: str = ""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _docs(nlp, items: Sequence[EvalItem], counts: Counter) -> list:
    """spaCy Docs with the PHI spans as entities (coarse labels); surrounding spaces are trimmed,
    spans are widened to token boundaries, and of overlapping spans the longest is kept."""
    from spacy.util import filter_spans

    docs = []
    for item in items:
        doc = nlp.make_doc(item.text)
        ents = []
        for p in item.phi:
            s, e = p["start"], p["end"]
            while s < e and item.text[s].isspace():
                s += 1
            while e > s and item.text[e - 1].isspace():
                e -= 1
            span = doc.char_span(s, e, label=coarse_label(p["type"]), alignment_mode="expand") if e > s else None
            if span is None:
                counts["dropped"] += 1
                continue
            ents.append(span)
        kept = filter_spans(ents)
        counts["dropped"] += len(ents) - len(kept)
        for span in kept:
            counts[span.label_] += 1
        doc.ents = kept
        docs.append(doc)
    return docs


def _forget_work_paths(config_path: Path) -> None:
    """Blank the saved config's training/dev corpus paths: they name a temporary folder that is gone
    once training ends, and a shipped model should not carry a path of the machine it was built on."""
    from thinc.api import Config

    cfg = Config().from_disk(config_path, interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(config_path)


def silver_items(texts: Sequence[str], lang: str) -> list[EvalItem]:
    """Unlabelled texts labelled by the rule engine alone (never by a trained tagger, which
    would teach the tagger its own mistakes)."""
    from mediscope.deid.engine import DeidConfig, Deidentifier

    texts = [t for t in dict.fromkeys(texts) if t.strip()]
    found = Deidentifier(DeidConfig(trained_ner=False)).analyze_batch(texts, lang)
    return [EvalItem(id=f"silver-{i}", lang=lang, text=t,
                     phi=[{"start": s.start, "end": s.end, "type": s.entity_type} for s in spans])
            for i, (t, spans) in enumerate(zip(texts, found, strict=True))]


def read_texts(path: Path) -> list[str]:
    """Texts of a JSONL file (a "text" field per line) or of a plain file (one text per line)."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix != ".jsonl":
        return [line for line in lines if line.strip()]
    out: list[str] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path.name}, line {n}: expected a JSON object with a 'text' field") from exc
        if not isinstance(text, str):
            raise ValueError(f"{path.name}, line {n}: 'text' is not a string")
        out.append(text)
    return out


def _excluded(hashes: dict[Path, str], exclude: Sequence[str]) -> list[str]:
    """Inputs (path -> sha256) that are an excluded set: by name (the stem, or the stem before a
    further suffix, so heldout22.v2.jsonl is heldout22 too) or, where `exclude` names an existing
    file, by content (a renamed copy)."""
    names = {Path(e).name.split(".")[0] for e in exclude}
    contents = {_sha256(Path(e)) for e in exclude if Path(e).is_file()}
    return [f.name for f, digest in hashes.items() if f.name.split(".")[0] in names or digest in contents]


def train_tagger(lang: str, files: Sequence[Path], output: Path, *, exclude: Sequence[str] = (),
                 silver: Sequence[str] = (), silver_files: Sequence[Path] = (), max_steps: int = 6000,
                 patience: int = 1500, eval_frequency: int = 200, dev_share: float = 0.1, seed: int = 0,
                 config: Path | None = None) -> TrainingReport:
    """Train the `lang` tagger on the items of `files` in that language; write it to `output`.

    `exclude` names sets (file stems such as "heldout22", or paths) that must stay unseen:
    passing one of them in `files` or `silver_files` is an error rather than a silent skip, so a
    blind set cannot leak in by a glob. `silver` texts (unlabelled, of `lang`) and the texts of
    `silver_files` are labelled by the rules and trained on too. Only labelled texts are held back
    (`dev_share`) to pick the best model by entity F1, so early stopping does not reward agreeing
    with the rules. A failed run leaves `output` as it was.
    """
    import shutil
    import tempfile

    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    if lang not in ("zh", "en"):
        raise ValueError(f"unsupported language {lang!r}; use 'zh' or 'en'")
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise ValueError(f"{output} exists and is not a folder")
    files = [Path(f) for f in files]
    silver_files = [Path(f) for f in silver_files]
    digests = {f: _sha256(f) for f in [*files, *silver_files]}  # what is read now, not what a file holds later
    leaked = _excluded(digests, exclude)
    if leaked:
        raise ValueError(f"excluded set(s) given for training: {', '.join(leaked)}")
    hashes = {f.name: digests[f] for f in sorted(files)}
    labelled = [i for i in load_evalset(files) if i.lang == lang]
    labelled = list({i.text: i for i in labelled}.values())  # a text twice could sit on both sides of the split
    if len(labelled) < 10:
        raise ValueError(f"only {len(labelled)} {lang!r} texts in the given sets; a tagger needs more")
    seen = {i.text for i in labelled}
    silver_texts = [t for t in [*silver, *(t for f in silver_files for t in read_texts(f))] if t not in seen]
    unlabelled = silver_items(silver_texts, lang) if silver_texts else []
    rng = random.Random(seed)
    rng.shuffle(labelled)
    n_dev = max(1, int(len(labelled) * dev_share))
    train_items = labelled[n_dev:] + unlabelled
    rng.shuffle(train_items)
    nlp = spacy.blank(lang)  # zh: one token per character (no segmenter model to download)
    counts: Counter = Counter()
    train_docs = _docs(nlp, train_items, counts)
    dev_docs = _docs(nlp, labelled[:n_dev], Counter())
    cfg = config or CONFIGS_DIR / f"ner-{lang}.cfg"
    log.info("training %s tagger on %d texts (%d silver; %d held back), %d spans", lang, len(train_docs),
             len(unlabelled), len(dev_docs), sum(v for k, v in counts.items() if k != "dropped"))
    with tempfile.TemporaryDirectory(prefix="mediscope-ner-") as tmp:  # never inside the package's models/
        work = Path(tmp)
        DocBin(docs=train_docs).to_disk(work / "train.spacy")
        DocBin(docs=dev_docs).to_disk(work / "dev.spacy")
        started = time.perf_counter()
        try:
            spacy_train(cfg, work / "out", overrides={
                "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                "training.max_steps": max_steps, "training.patience": patience,
                "training.eval_frequency": eval_frequency, "system.seed": seed,
            })
        except SystemExit as exc:  # spaCy's CLI helpers exit on a bad config instead of raising
            raise ValueError(f"spaCy could not train with {cfg} (its message is above)") from exc
        seconds = time.perf_counter() - started
        best = work / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
        perf = meta.get("performance", {})
        report = TrainingReport(
            lang=lang, files=hashes, texts_train=len(train_docs), texts_dev=len(dev_docs),
            texts_labelled=len(labelled), spans={k: v for k, v in sorted(counts.items()) if k != "dropped"},
            dropped_spans=counts["dropped"], max_steps=max_steps, seconds=round(seconds, 1),
            dev_scores={k: round(float(v), 4) for k, v in perf.items() if k.startswith("ents_") and isinstance(v, float)},
            silver_files={f.name: digests[f] for f in silver_files}, silver_texts=len(unlabelled), seed=seed,
            config=Path(cfg).name,
        )
        (best / "training.json").write_text(json.dumps(asdict(report), ensure_ascii=False, indent=1), encoding="utf-8")
        _forget_work_paths(best / "config.cfg")
        # Swap in the new model only now: the old one stays until the new one is complete.
        staged = output.with_name(output.name + ".new")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.move(str(best), staged)
    old = output.with_name(output.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staged.rename(output)
    shutil.rmtree(old, ignore_errors=True)
    return report
