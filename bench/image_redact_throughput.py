"""Images/s and residual PHI: mediscope's line-level redaction vs presidio-image-redactor.

Both redact the same generated report images (Chinese and English, each with a name, phone,
record number and date burned in) with the same Presidio recognizers (mediscope's text
de-identifier). Then every redacted image is read again by RapidOCR, the strongest reader we
have, and we count how many PHI strings are still readable and how many clinical strings
survived. Throughput excludes engine start-up (reported separately).

Run:  python bench/image_redact_throughput.py [--n 8] [--threads 2] [--skip-tesseract]
Needs: the `ocr` and `deid` extras; for the baseline `presidio-image-redactor` (install with
--no-deps next to opencv-python-headless), `pytesseract` and Debian `tesseract-ocr
tesseract-ocr-eng tesseract-ocr-chi-sim`; a CJK font (`fonts-wqy-microhei`).
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract: one thread per call is fastest here

from PIL import Image as PILImage  # noqa: E402

from mediscope.deid.image.synthetic import SyntheticReport, make_report  # noqa: E402


def norm(s: str) -> str:
    return re.sub(r"[\s\-_.:：/]", "", s).lower()


@dataclass
class Run:
    name: str
    startup_s: float
    seconds: float
    images: int
    phi_total: int
    phi_readable: int
    safe_total: int
    safe_readable: int
    failed: int = 0  # images our verification refused (they would be rejected, not published)

    @property
    def ips(self) -> float:
        return self.images / self.seconds if self.seconds else float("inf")


def score(
    name: str,
    startup: float,
    seconds: float,
    outputs: list[PILImage.Image | None],
    reports: list[SyntheticReport],
    judge,
) -> Run:
    phi_total = phi_read = safe_total = safe_read = failed = 0
    for out, rep in zip(outputs, reports, strict=True):
        phi_total += len(rep.phi)
        safe_total += len(rep.safe)
        if out is None:  # refused by verification: nothing published, nothing leaked
            failed += 1
            continue
        readable = norm("".join(line.text for line in judge.read(out)))
        phi_read += sum(norm(p) in readable for p in rep.phi)
        safe_read += sum(norm(s) in readable for s in rep.safe)
    return Run(name, startup, seconds, len(reports), phi_total, phi_read, safe_total, safe_read, failed)


def run_ours(engine_name: str, reports: list[SyntheticReport], threads: int) -> tuple[float, float, list]:
    from mediscope.deid import analyze_text, default_deidentifier
    from mediscope.deid.image.analyzer import LineAnalyzer
    from mediscope.deid.image.redact import ImageRedactor
    from mediscope.ocr import create_engine

    t0 = time.perf_counter()
    engine = create_engine(engine_name, **({"threads": threads} if engine_name == "rapidocr" else {}))
    default_deidentifier().warm_up(("zh", "en"))
    redactor = ImageRedactor(engine, LineAnalyzer(analyze_text))
    startup = time.perf_counter() - t0
    outs = []
    t0 = time.perf_counter()
    for rep in reports:
        outcome = redactor.redact(rep.image)
        outs.append(outcome.image if outcome.ok else None)
    return startup, time.perf_counter() - t0, outs


def run_presidio(reports: list[SyntheticReport]) -> tuple[float, float, list]:
    from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine, TesseractOCR

    from mediscope.deid import default_deidentifier

    t0 = time.perf_counter()
    deid = default_deidentifier()
    deid.warm_up(("zh", "en"))
    # the same Presidio AnalyzerEngines (same recognizers) that mediscope's text de-identifier uses
    redactors: dict[str, Callable] = {}
    for lang in ("zh", "en"):
        analyzer = deid._pipe(lang).analyzer  # noqa: SLF001 - benchmark reaches in to share recognizers
        redactors[lang] = ImageRedactorEngine(
            ImageAnalyzerEngine(analyzer_engine=analyzer, ocr=TesseractOCR())
        )
    startup = time.perf_counter() - t0
    outs = []
    t0 = time.perf_counter()
    for rep in reports:
        out = redactors[rep.lang].redact(
            rep.image, fill=(0, 0, 0), ocr_kwargs={"lang": "chi_sim+eng"}, language=rep.lang
        )
        outs.append(out)
    return startup, time.perf_counter() - t0, outs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=8, help="Images (half Chinese, half English).")
    ap.add_argument("--threads", type=int, default=2, help="RapidOCR threads.")
    ap.add_argument("--skip-tesseract", action="store_true", help="Skip the Tesseract-based runs.")
    args = ap.parse_args()

    reports = [make_report(1000 + i, "zh" if i % 2 == 0 else "en") for i in range(args.n)]
    from mediscope.ocr import create_engine

    judge = create_engine("rapidocr", threads=args.threads)
    runs: list[Run] = []
    s, t, outs = run_ours("rapidocr", reports, args.threads)
    runs.append(score("mediscope (RapidOCR, per line, verified)", s, t, outs, reports, judge))
    if not args.skip_tesseract:
        s, t, outs = run_ours("tesseract", reports, args.threads)
        runs.append(score("mediscope (Tesseract, per line, verified)", s, t, outs, reports, judge))
        s, t, outs = run_presidio(reports)
        runs.append(score("presidio-image-redactor (Tesseract, stock)", s, t, outs, reports, judge))

    base = runs[-1]
    print(
        f"{args.n} images ({sum(r.lang == 'zh' for r in reports)} zh, {sum(r.lang == 'en' for r in reports)} en); "
        f"residual PHI judged by RapidOCR re-reading each output; baseline = {base.name}"
    )
    header = f"{'method':46s} {'start s':>8s} {'img/s':>7s} {'x base':>7s} {'PHI readable':>13s} {'clinical kept':>14s} {'refused':>8s}"
    print(header)
    print("-" * len(header))
    for r in runs:
        print(
            f"{r.name:46s} {r.startup_s:8.1f} {r.ips:7.2f} {r.ips / base.ips:7.2f} "
            f"{r.phi_readable:>6d}/{r.phi_total:<6d} {r.safe_readable:>7d}/{r.safe_total:<6d} {r.failed:>8d}"
        )


if __name__ == "__main__":
    main()
