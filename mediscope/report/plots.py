"""PNG plots of a run (matplotlib, Agg backend: no display needed on a server)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from mediscope.report.data import RunStats  # noqa: E402

# CJK-capable fonts if installed (reasons and labels are ASCII, but entity types may not be).
plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"]


def _save(fig, path: Path) -> Path:  # type: ignore[no-untyped-def]
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def _barh(counter: Counter[str] | dict[str, int], title: str, xlabel: str, path: Path, color: str) -> Path:
    items = sorted(counter.items(), key=lambda kv: kv[1])
    fig, ax = plt.subplots(figsize=(7, max(2.0, 0.35 * len(items) + 1)))
    if items:
        ax.barh([k for k, _ in items], [v for _, v in items], color=color)
        for i, (_, v) in enumerate(items):
            ax.text(v, i, f" {v:,}", va="center", fontsize=8)
    else:
        ax.text(0.5, 0.5, "none", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return _save(fig, path)


def turns_plot(stats: RunStats, path: Path) -> Path:
    fig, ax = plt.subplots(figsize=(7, 3.5))
    if stats.turns:
        ks = sorted(stats.turns)
        ax.bar(ks, [stats.turns[k] for k in ks], color="#4C72B0")
    ax.set_title("Turns per published record")
    ax.set_xlabel("turns")
    ax.set_ylabel("records")
    return _save(fig, path)


def funnel_plot(stats: RunStats, path: Path) -> Path:
    """Records left after each stage (bars) from the manifest, if the run has one."""
    fig, ax = plt.subplots(figsize=(7, 3.5))
    stages = [s for s in stats.stages if "out" in s]
    if stages:
        names = [s["name"] for s in stages]
        ax.bar(names, [s["out"] for s in stages], color="#55A868", label="kept")
        ax.bar(names, [s.get("rejected", 0) for s in stages], bottom=[s["out"] for s in stages],
               color="#C44E52", label="rejected")
        ax.legend()
        ax.tick_params(axis="x", rotation=30)
    else:
        ax.text(0.5, 0.5, "no manifest", ha="center", va="center", transform=ax.transAxes)
    ax.set_title("Funnel: records per stage")
    ax.set_ylabel("records")
    return _save(fig, path)


def reasons_plot(stats: RunStats, path: Path) -> Path:
    counts = Counter({f"{stage}: {reason}": n for (stage, reason), n in stats.reasons.items()})
    return _barh(counts, "Rejections per reason", "records", path, "#C44E52")


def phi_plot(stats: RunStats, path: Path) -> Path:
    return _barh(stats.phi, "PHI spans found per entity type", "spans", path, "#8172B2")


def review_plot(stats: RunStats, path: Path) -> Path:
    return _barh(stats.review + stats.review_rejected, "Review outcomes (all records)", "records", path, "#CCB974")
