"""Export benchmark: official forms and the 自评报告 for N projects, in seconds.

    python bench/export.py [--projects 10000]

Builds a store of at least N self-evaluated projects (copies of the samples, each made unique),
then times, in the same run:
- jixiao's forms (``exports.forms_xlsx.write_dir``: every project on a styled sheet in the national
  layout, a workbook per unit, year and form) against the peer floor, openpyxl's write-only mode
  writing the same cell values with no merging or styling;
- the Word report of every department and year (``services.report`` + ``exports.report_docx``).
Target (issue 19): forms and report for 10,000 projects under 60 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from openpyxl import Workbook  # noqa: E402

from jixiao.exports import forms_xlsx, report_docx  # noqa: E402
from jixiao.services import queries  # noqa: E402
from jixiao.services.ingest import ingest_paths  # noqa: E402
from jixiao.services.report import gather  # noqa: E402
from jixiao.services.scoring import score_store  # noqa: E402
from jixiao.storage.session import open_store  # noqa: E402

SEEDS = ["000_9c9e7ed0d43ac23c.txt", "001_b13fbadce70d50bb.txt"]  # self-evaluations: every project has a form


def build(folder: Path, projects: int):
    """A store with ≥ ``projects`` self-evaluated projects: copies of the self-evaluation seeds."""
    files, n, k = [], 0, 0
    seeds = [(ROOT / "samples" / s).read_bytes() for s in SEEDS]
    per_round = 33 + 9
    while n < projects:
        for i, data in enumerate(seeds):
            path = folder / f"copy{k}_{i}.txt"
            path.write_bytes(data + f"\n\n复制 {k}\n".encode())
            files.append(path)
        n += per_round
        k += 1
    factory = open_store(f"sqlite:///{folder / 'bench.db'}")
    ingest_paths(factory, files, workers=2)
    score_store(factory)
    return factory


def plain_forms(session, out: Path) -> int:
    """The peer floor: the same values, one write-only sheet per project, no layout."""
    wb = Workbook(write_only=True)
    n = 0
    for row, inds in queries.iter_projects_with_indicators(session):
        ws = wb.create_sheet()
        ws.append([row.name, row.department, row.unit, row.budget_total, row.actual_total])
        for i in inds:
            ws.append([i.level1_text, i.level2_text, i.name, i.target_text, i.actual_text, i.weight, i.score])
        n += 1
    wb.save(out)
    return n


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t_build, factory = timed(lambda: build(folder, args.projects))
        with factory() as session:
            total = queries.counts(session)["projects"]
            print(f"store: {total} projects (built in {t_build:.1f} s)")
            t_forms, written = timed(lambda: forms_xlsx.write_dir(session, folder / "forms"))
            t_plain, n = timed(lambda: plain_forms(session, folder / "plain.xlsx"))
            t_gather, reports = timed(lambda: gather(session))
        t_report, _ = timed(lambda: [report_docx.write(r, folder / f"report{k}.docx") for k, r in enumerate(reports)])
        sheets = sum(written.values())
        print(f"forms, jixiao:           {t_forms:7.1f} s  {sheets} sheets in {len(written)} workbooks"
              f"  ({sheets / t_forms:.0f} projects/s)")
        print(f"forms, openpyxl plain:   {t_plain:7.1f} s  {n} sheets, no layout (peer floor)"
              f"  ratio {t_forms / t_plain:.1f}x")
        print(f"report (.docx), jixiao:  {t_gather + t_report:7.1f} s  {len(reports)} reports, "
              f"{sum(len(r.projects) for r in reports)} projects")
        whole = t_forms + t_gather + t_report
        print(f"forms + report:          {whole:7.1f} s  (target under 60 s for 10,000 projects)")


if __name__ == "__main__":
    main()
