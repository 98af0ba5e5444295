"""PDF source benchmark: pages/s of jixiao's PDF source against plain pdfplumber and Camelot.

On the corpus PDFs (tests/corpus/files), in one run and on one core: jixiao's PDF source (tables
with merged cells rebuilt, text lines, tables joined over pages), pdfplumber's own
``page.extract_tables()`` on the same pages, and Camelot's lattice reader (installed for the
bench only: ``pip install -e '.[bench]'``). Each figure is the best of ``--repeat`` runs, the three
readers taking turns per file so that other work on the machine weighs on all alike.
Targets: jixiao within 1.5x plain pdfplumber's time, at least 3x faster than Camelot, and a whole
budget PDF (about 25 pages) in under 1.5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.ingest.sources import pdf as jixiao_pdf  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "files"


def run_jixiao(data: bytes, name: str) -> int:
    """jixiao's PDF source; the number of pages it read."""
    grid = jixiao_pdf.read(data, name)
    return len({r.ref.page for r in grid.rows})


def run_pdfplumber(data: bytes, name: str) -> int:
    """Plain pdfplumber: every page's tables, the way its documentation reads them."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()
        return len(pdf.pages)


def run_camelot(path: Path) -> int:
    """Camelot lattice on every page (it reads from a path)."""
    import camelot

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(path), pages="all", flavor="lattice")
    return len(tables)


def camelot_available() -> str | None:
    """Camelot's version, or None when it is not installed."""
    try:
        import camelot
    except Exception:  # not installed, or a broken OpenCV
        return None
    return getattr(camelot, "__version__", "?")


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=2, help="runs per reader and file; the best counts")
    ap.add_argument("--camelot-repeat", type=int, default=1, help="runs of Camelot (slow) per file")
    ap.add_argument("--no-camelot", action="store_true", help="leave Camelot out")
    ap.add_argument("files", nargs="*", help="PDFs (default: every corpus PDF)")
    args = ap.parse_args()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    paths = [Path(f) for f in args.files] or sorted(CORPUS.glob("*.pdf"))
    version = None if args.no_camelot else camelot_available()
    print(f"{len(paths)} PDFs; best of {args.repeat} runs (Camelot: {args.camelot_repeat}); "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if version is None:
        print("Camelot: " + ("left out (--no-camelot)" if args.no_camelot else
                             "not installed here (pip install -e '.[bench]'); its column is empty"))
    else:
        print(f"Camelot {version}, lattice")
    print(f"{'file':52s} {'pages':>5s} {'jixiao p/s':>10s} {'plumber p/s':>11s} {'camelot p/s':>11s}"
          f" {'jixiao/plumber':>14s} {'camelot/jixiao':>14s} {'jixiao s':>8s}")
    totals = [0, 0.0, 0.0, 0.0]
    for path in paths:
        data = path.read_bytes()
        pages = run_pdfplumber(data, path.name)
        best_j = best_p = float("inf")
        for _ in range(args.repeat):
            best_j = min(best_j, timed(run_jixiao, data, path.name))
            best_p = min(best_p, timed(run_pdfplumber, data, path.name))
        best_c = min((timed(run_camelot, path) for _ in range(args.camelot_repeat)), default=0.0) if version else 0.0
        totals[0] += pages
        totals[1] += best_j
        totals[2] += best_p
        totals[3] += best_c
        print(_line(path.name[:52], pages, best_j, best_p, best_c))
    print(_line("total", *totals))
    n, tj, tp, tc = totals
    print("targets: jixiao/plumber <= 1.50x "
          f"({'met' if tj <= 1.5 * tp else 'NOT met'}: {tj / tp:.2f}x); "
          + (f"camelot/jixiao >= 3x ({'met' if tc >= 3 * tj else 'NOT met'}: {tc / tj:.1f}x); " if tc else "")
          + f"a 25-page budget in < 1.5 s (corpus average {25 * tj / n:.2f} s per 25 pages)")
    budgets = [p for p in paths if p.name.startswith(("budget_dept_", "final_dept_"))]
    if budgets:
        print(f"whole document read + stored + checked, one process (best of {args.repeat}; "
              "share of the time spent reading the PDF from one profiled run: PDFium, pdfminer, "
              "pdfplumber and jixiao's calls into them):")
        took = [(p, *whole_document(p, args.repeat)) for p in budgets]
        for path, t, lib in took:
            print(f"  {path.name[:60]:60s} {t:6.2f} s  {lib:5.0%} reading the PDF")
        mean = sum(t for _, t, _ in took) / len(took)
        worst = max(t for _, t, _ in took)
        print(f"target: a whole budget PDF in < 1.5 s ({'met' if worst < 1.5 else 'NOT met'}: "
              f"mean {mean:.2f} s, slowest {worst:.2f} s)")
    print(narrative_links(paths))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def whole_document(path: Path, repeat: int) -> tuple[float, float]:
    """(seconds, share spent reading the PDF) to read one PDF into a Document, store it in a fresh
    SQLite store and run every check over the store, as `jixiao ingest` + `jixiao check` do in one
    process; best of ``repeat``. PDFium's C calls are timed inside the jixiao functions that make
    them (cProfile does not see into ctypes), so those modules count as reading the PDF too."""
    import cProfile
    import pstats
    import tempfile

    from jixiao.services.checks import run_and_store
    from jixiao.services.ingest import ingest_bytes
    from jixiao.storage.session import open_store

    data = path.read_bytes()

    def once(prof=None) -> float:
        with tempfile.TemporaryDirectory() as tmp:
            factory = open_store(f"sqlite:///{tmp}/pdf.db")
            start = time.perf_counter()
            if prof is not None:
                prof.enable()
            result = ingest_bytes(factory, data, path.name)
            run_and_store(factory)
            if prof is not None:
                prof.disable()
            took = time.perf_counter() - start
            assert result.status == "ingested", result.message
            return took

    best = min(once() for _ in range(repeat))
    prof = cProfile.Profile()  # one more run, profiled, for the share spent in the PDF library
    once(prof)
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())  # own time of every function
    inside = sum(v[2] for k, v in stats.items() if any(m in k[0] for m in _PDF_READING))
    return best, inside / total if total else 0.0


def narrative_links(paths: list[Path]) -> str:
    """How many of the money levels the explanations state are linked to the table line they
    describe, over the given PDFs (tests/documents/test_corpus_files.py asserts the corpus figure)."""
    from jixiao.ingest.forms import read_document
    from jixiao.ingest.forms.printed_links import is_level

    levels = linked = 0
    for path in paths:
        budget = read_document(path.read_bytes(), path.name).extras.get("budget")
        for fig in budget.stated_figures if budget is not None else ():
            if is_level(fig):
                levels += 1
                linked += fig.line is not None
    return f"narrative money levels linked to their table line: {linked} of {levels} ({len(paths)} PDFs)"


_PDF_READING = ("pdfminer", "pdfplumber", "pypdfium2", "sources/pdf_objects.py", "sources/pdf_cells.py")


def _line(name: str, pages: int, tj: float, tp: float, tc: float) -> str:
    camelot = f"{pages / tc:11.1f}" if tc else f"{'-':>11s}"
    speedup = f"{tc / tj:13.1f}x" if tc else f"{'-':>14s}"
    return (f"{name:52s} {pages:5d} {pages / tj:10.1f} {pages / tp:11.1f} {camelot}"
            f" {tj / tp:13.2f}x {speedup} {tj:8.2f}")


if __name__ == "__main__":
    main()
