"""Score the detector on a gold set: per-type recall/precision, PHI recall, clinical preservation.

Matching is type-agnostic for recall, because a leak is a leak whatever label caught it: a gold
PHI span counts as found when predicted spans cover at least `min_coverage` of its non-space
characters. A predicted span is a true positive when at least half of it lies inside gold PHI.
A clinical term is preserved when no predicted span touches it. Character-level recall (share of
PHI characters covered) is reported too, as it is the stricter "what actually leaked" measure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mediscope.deid.types import PhiSpan

EVALSET_DIR = Path(__file__).resolve().parent / "evalset"


@dataclass
class EvalItem:
    id: str
    lang: str
    text: str
    phi: list[dict]
    clinical: list[dict] = field(default_factory=list)


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if p != p or r != r or p + r == 0:  # NaN-safe
            return float("nan")
        return 2 * p * r / (p + r)


@dataclass
class EvalReport:
    per_type: dict[str, TypeScore]
    gold: int
    found: int
    predicted: int
    correct: int
    phi_chars: int
    phi_chars_covered: int
    clinical: int
    clinical_kept: int
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (item id, type, text)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    clobbered: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else float("nan")

    @property
    def char_recall(self) -> float:
        return self.phi_chars_covered / self.phi_chars if self.phi_chars else float("nan")

    @property
    def preservation(self) -> float:
        return self.clinical_kept / self.clinical if self.clinical else float("nan")

    def as_dict(self) -> dict:
        return {
            "recall": self.recall, "precision": self.precision, "char_recall": self.char_recall,
            "preservation": self.preservation, "gold": self.gold, "predicted": self.predicted,
            "per_type": {k: {"gold": v.gold, "recall": v.recall, "predicted": v.predicted, "precision": v.precision}
                         for k, v in sorted(self.per_type.items())},
        }


def load_evalset(paths: Iterable[str | Path] | None = None) -> list[EvalItem]:
    """Load JSONL eval files (default: the shipped zh + en sets); a folder loads all its *.jsonl."""
    files: list[Path] = []
    for p in paths or [EVALSET_DIR]:
        p = Path(p)
        if p.is_dir():
            files += sorted(p.glob("*.jsonl")) + sorted(p.glob("*.json"))
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(f"evaluation set not found: {p}")
    if not files:
        raise FileNotFoundError("no *.jsonl evaluation files found")
    items = []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        if f.suffix == ".json" and raw.lstrip().startswith("["):
            rows = [(n, json.dumps(obj, ensure_ascii=False)) for n, obj in enumerate(json.loads(raw), 1)]
        else:
            rows = list(enumerate(raw.splitlines(), 1))
        for n, line in rows:
            if not line.strip():
                continue
            try:
                items.append(_item(json.loads(line), f"{f.stem}-{n}"))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{f}:{n}: not an evaluation item ({exc})") from exc
    return items


def _span(obj: dict, default_type: str = "PHI") -> dict:
    """Accept {start,end,type} and the common variants (start_position, entity_type, label)."""
    start = obj["start"] if "start" in obj else obj["start_position"]
    end = obj["end"] if "end" in obj else obj["end_position"]
    etype = obj.get("type") or obj.get("entity_type") or obj.get("label") or default_type
    return {"start": int(start), "end": int(end), "type": str(etype)}


def _item(obj: dict, fallback_id: str) -> EvalItem:
    text = obj["text"] if "text" in obj else obj["full_text"]
    phi = obj.get("phi") if "phi" in obj else obj.get("spans", obj.get("entities", []))
    clinical = obj.get("clinical") if "clinical" in obj else obj.get("keep", [])
    return EvalItem(
        id=str(obj.get("id", fallback_id)), lang=obj.get("lang", "auto"), text=text,
        phi=[_span(s) for s in phi or []], clinical=[_span(s, "CLINICAL") for s in clinical or []],
    )


def _nonspace(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if not text[i].isspace()}


def score(items: Sequence[EvalItem], predictions: Sequence[Sequence[PhiSpan]], min_coverage: float = 0.8) -> EvalReport:
    per_type: dict[str, TypeScore] = {}
    rep = EvalReport(per_type, 0, 0, 0, 0, 0, 0, 0, 0)
    for item, preds in zip(items, predictions, strict=False):
        covered: set[int] = set()
        for p in preds:
            covered |= set(range(p.start, p.end))
        gold_chars: set[int] = set()
        for g in item.phi:
            chars = _nonspace(item.text, g["start"], g["end"])
            gold_chars |= set(range(g["start"], g["end"]))
            ts = per_type.setdefault(g["type"], TypeScore())
            ts.gold += 1
            rep.gold += 1
            rep.phi_chars += len(chars)
            hit = len(chars & covered)
            rep.phi_chars_covered += hit
            if chars and hit / len(chars) >= min_coverage:
                ts.found += 1
                rep.found += 1
            else:
                rep.missed.append((item.id, g["type"], item.text[g["start"] : g["end"]]))
        for p in preds:
            chars = _nonspace(item.text, p.start, p.end)
            ts = per_type.setdefault(p.entity_type, TypeScore())
            ts.predicted += 1
            rep.predicted += 1
            if chars and len(chars & gold_chars) / len(chars) >= 0.5:
                ts.correct += 1
                rep.correct += 1
            else:
                rep.false_positives.append((item.id, p.entity_type, item.text[p.start : p.end]))
        for c in item.clinical:
            rep.clinical += 1
            if any(p.start < c["end"] and c["start"] < p.end for p in preds):
                rep.clobbered.append((item.id, item.text[c["start"] : c["end"]]))
            else:
                rep.clinical_kept += 1
    return rep


def evaluate(items: Sequence[EvalItem], deidentifier=None, lang: str | None = None, min_coverage: float = 0.8,
             propagate: bool = True) -> EvalReport:
    """Run the detector on `items` (batched per language) and score it.

    With `propagate` (the default) each text is scored as de-identification treats it, as its
    own case: a name detected once is also marked at its other occurrences
    (`Deidentifier.propagate`), which is what gets replaced. `propagate=False` scores the bare
    detector.
    """
    if deidentifier is None:
        from mediscope.deid import default_deidentifier

        deidentifier = default_deidentifier()
    preds: list[list[PhiSpan]] = [[] for _ in items]
    groups: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(lang or it.lang or "auto", []).append(i)
    for lg, idx in groups.items():
        found = deidentifier.analyze_batch([items[i].text for i in idx], lg)
        for i, spans in zip(idx, found, strict=False):
            preds[i] = deidentifier.propagate([items[i].text], [spans])[0] if propagate else spans
    return score(items, preds, min_coverage)


_YEAR_OR_WEEKDAY = re.compile(
    r"^(?:(?:19|20)\d{2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|yesterday)$", re.IGNORECASE
)
_COUNTRY_OR_STATE_HINT = re.compile(r"^[A-Z]{2}$")


def _safe_harbor_allowed(span: dict) -> bool:
    """Values Safe Harbor does not require removing: a bare year, a weekday, a state code."""
    value = span["entity_value"].strip()
    if span["entity_type"] == "DATE_TIME" and _YEAR_OR_WEEKDAY.match(value):
        return True
    return span["entity_type"] == "GPE" and bool(_COUNTRY_OR_STATE_HINT.match(value))


def presidio_research_items(path: str | Path, types: dict[str, str] | None = None) -> list[EvalItem]:
    """Convert presidio-research's synth_dataset JSON into eval items (English).

    Only the types we consider PHI are kept as gold (ORGANIZATION, TITLE, NRP are not identifiers
    under Safe Harbor); their text is neither gold nor clinical.
    """
    types = types or {
        "PERSON": "PERSON", "STREET_ADDRESS": "LOCATION", "GPE": "LOCATION", "PHONE_NUMBER": "PHONE_NUMBER",
        "EMAIL_ADDRESS": "EMAIL_ADDRESS", "CREDIT_CARD": "CREDIT_CARD", "DATE_TIME": "DATE_TIME",
        "US_SSN": "US_SSN", "IP_ADDRESS": "IP_ADDRESS", "ZIP_CODE": "ZIP_CODE", "IBAN_CODE": "ACCOUNT_NUMBER",
        "US_DRIVER_LICENSE": "ID_NUMBER", "DOMAIN_NAME": "URL",
    }
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = []
    for n, row in enumerate(data):
        phi = [{"start": s["start_position"], "end": s["end_position"], "type": types[s["entity_type"]]}
               for s in row["spans"] if s["entity_type"] in types and not _safe_harbor_allowed(s)]
        items.append(EvalItem(id=f"presidio-{n}", lang="en", text=row["full_text"], phi=phi))
    return items
