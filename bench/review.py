"""Disclosure review benchmark: each corpus budget / final-account PDF read, stored and reviewed
(every rule, the disclosure rules among them) in one process on one core; seconds per PDF and the
share spent in the PDF library (pdfminer/pdfplumber). Target: under 1.5 s per PDF on average.
A last column times the review alone: the PDF already read into rows, the form reader (tables,
figures, the disclosure model) and every rule over the document in memory.

    python bench/review.py [--repeat 2] [--dir tests/corpus/files]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from pdf import whole_document  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "files"
TARGET = 1.5


def review_only(path: Path, repeat: int) -> float:
    """Seconds for the form reader and every rule on one PDF whose rows are already read (best of ``repeat``)."""
    import time

    from jixiao.checks.context import CheckContext
    from jixiao.checks.registry import all_rules
    from jixiao.checks.runner import run_checks
    from jixiao.domain.model import Document
    from jixiao.domain.source import SourceRef
    from jixiao.ingest.forms import final_accounts, printed_budget
    from jixiao.ingest.sources import pdf

    grid = pdf.read(path.read_bytes(), path.name)
    reader = final_accounts if final_accounts.detect(grid) else printed_budget
    rules = all_rules()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        doc = reader.read([grid], Document(file=path.name, sha256="bench", kind="x", source=SourceRef(path.name)))
        run_checks(CheckContext(documents=[doc]), rules=rules)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per PDF, the fastest counted")
    parser.add_argument("--dir", type=Path, default=CORPUS)
    args = parser.parse_args()
    paths = sorted(p for p in args.dir.glob("*.pdf") if p.name.startswith(("budget_", "final_")))
    print(f"{'PDF':60s} {'seconds':>8s} {'PDF library':>12s} {'review alone':>13s}")
    took = []
    for path in paths:
        seconds, share = whole_document(path, args.repeat)
        alone = review_only(path, args.repeat)
        took.append((seconds, share))
        print(f"{path.name[:60]:60s} {seconds:8.2f} {share:11.0%} {alone:12.3f}s")
    mean = sum(t for t, _ in took) / len(took)
    library = sum(t * s for t, s in took) / sum(t for t, _ in took)
    print(f"{len(took)} PDFs: mean {mean:.2f} s per PDF (read + store + review), slowest {max(t for t, _ in took):.2f} s, "
          f"{library:.0%} of the time in the PDF library; target < {TARGET} s average: "
          f"{'met' if mean < TARGET else 'NOT met'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
