"""The dataset card (README.md): YAML metadata the Hub reads, then what a user needs to know.

Everything in it is computed from the published rows and the records' own de-identification
and provenance fields, so the card cannot drift from the data it describes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from mediscope.publish.splits import SPLITS

FIELDS = [
    ("id", "string", "Record id (stable across re-ingestion)."),
    ("case_id", "string", "Patient/case key; all records of a case are in the same split."),
    ("lang", "string", "Detected language (ISO 639-1)."),
    ("kind", "string", "dialogue, qa, consultation, vqa, ..."),
    ("source", "string", "Name of the source dataset/format."),
    ("messages", "list of {role, content: list of {type, text}}",
     "TRL conversational vision format: user = patient, assistant = doctor; an image placeholder "
     "`{type: image, text: null}` precedes the text of the turn that showed it."),
    ("images", "Sequence(Image)", "Images in the order of their placeholders."),
    ("n_turns", "int32", "Number of turns."),
    ("meta", "string (JSON)", "Source extras, report texts, quality scores, review status."),
]


@dataclass
class CardStats:
    """Counters filled while rows are written."""

    records: Counter[str] = field(default_factory=Counter)
    cases: dict[str, set[str]] = field(default_factory=dict)
    images: Counter[str] = field(default_factory=Counter)
    turns: Counter[int] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    deid_engines: Counter[str] = field(default_factory=Counter)
    deid_entities: Counter[str] = field(default_factory=Counter)
    stages: Counter[str] = field(default_factory=Counter)
    review: Counter[str] = field(default_factory=Counter)

    def add(self, split: str, row: dict[str, Any], *, deid_engine: str | None, entities: list[str],
            stages: list[str], review: str) -> None:
        self.records[split] += 1
        self.cases.setdefault(split, set()).add(row["case_id"])
        self.images[split] += len(row["images"])
        self.turns[row["n_turns"]] += 1
        self.languages[row["lang"]] += 1
        self.sources[row["source"]] += 1
        self.deid_engines[deid_engine or "unknown"] += 1
        self.deid_entities.update(entities)
        self.stages.update(stages)
        self.review[review] += 1


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                        (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")):
        if n < limit:
            return name
    return "10M<n<100M"


def _histogram(counter: Counter[int], width: int = 40) -> list[str]:
    if not counter:
        return ["(no records)"]
    top = max(counter.values())
    lines = ["| turns | records | |", "|---:|---:|:---|"]
    for k in sorted(counter):
        bar = "█" * max(1, round(width * counter[k] / top))
        lines.append(f"| {k} | {counter[k]:,} | `{bar}` |")
    return lines


def render_card(stats: CardStats, *, name: str, license: str, description: str,
                split_files: dict[str, list[str]], method: str) -> str:
    total = sum(stats.records.values())
    meta = {
        "pretty_name": name,
        "license": license,
        "language": sorted(lang for lang in stats.languages if lang not in ("und", "mixed")) or ["zh"],
        "task_categories": ["image-text-to-text", "text-generation"],
        "tags": ["medical", "dialogue", "de-identified", "mediscope"],
        "size_categories": [_size_category(total)],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": s, "path": split_files[s]} for s in SPLITS if s in split_files],
            }
        ],
    }
    out = ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).rstrip(), "---", ""]
    out += [f"# {name}", "", description.strip(), ""]
    out += ["## Fields", "", "| column | type | meaning |", "|---|---|---|"]
    out += [f"| `{c}` | {t} | {m} |" for c, t, m in FIELDS]
    out += ["", "## Splits", "",
            f"Split by a salted hash of `case_id` (method: `{method}`): no patient/case appears in two splits.", "",
            "| split | records | cases | images |", "|---|---:|---:|---:|"]
    for s in SPLITS:
        if stats.records[s]:
            out.append(f"| {s} | {stats.records[s]:,} | {len(stats.cases.get(s, ())):,} | {stats.images[s]:,} |")
    out.append(f"| **total** | {total:,} | {sum(len(v) for v in stats.cases.values()):,} | "
               f"{sum(stats.images.values()):,} |")
    out += ["", "## Turn-count histogram", ""] + _histogram(stats.turns)
    out += ["", "## Languages", "", "| language | records |", "|---|---:|"]
    out += [f"| {k} | {v:,} |" for k, v in stats.languages.most_common()]
    out += ["", "## Sources", "", "| source | records |", "|---|---:|"]
    out += [f"| {k} | {v:,} |" for k, v in stats.sources.most_common()]
    out += ["", "## De-identification", "",
            "Every published record passed de-identification (`deid.status == passed`); records that "
            "did not were refused at publish time. Free text was analyzed for PHI and replaced; images "
            "were OCR-scanned and redacted where the pipeline included image de-identification. A final "
            "filter re-ran the analyzer on the finished text (residual PHI).", "",
            "| engine | records |", "|---|---:|"]
    out += [f"| {k} | {v:,} |" for k, v in stats.deid_engines.most_common()]
    if stats.deid_entities:
        out += ["", "PHI spans found and replaced, by type:", "", "| entity type | spans |", "|---|---:|"]
        out += [f"| {k} | {v:,} |" for k, v in stats.deid_entities.most_common()]
    if stats.stages:
        out += ["", "Processing stages (from record provenance):", ""]
        out += [f"- `{k}`: {v:,} records" for k, v in sorted(stats.stages.items())]
    out += ["", "## Expert review", "", "| review status | records |", "|---|---:|"]
    out += [f"| {k} | {v:,} |" for k, v in stats.review.most_common()]
    out += ["", "## Licence", "",
            f"Released under `{license}`. Source datasets keep their own licences; check each source "
            "before redistribution. Medical content is for research, not for clinical decisions.", "",
            "## Loading", "", "```python", "from datasets import load_dataset",
            'ds = load_dataset("path/or/repo")', 'print(ds["train"][0]["messages"])', "```", ""]
    return "\n".join(out)
