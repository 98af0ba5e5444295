"""Checker benchmark: every rule over 100,000 generated projects with indicators.

Projects come from ``bench/datamaker.py`` (the seeds' shapes and words), 1,000 per document as the
data maker names their files, so document, project and cross-document rules all run. Prints the
time, checks per second (one check = one rule applied to one project, document or run) and the
findings by severity. Target (2-core machine): all rules over 100,000 projects in under 30 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from datamaker import make_projects  # noqa: E402

from jixiao.checks.context import CheckContext  # noqa: E402
from jixiao.checks.registry import all_rules  # noqa: E402
from jixiao.checks.runner import run_checks  # noqa: E402
from jixiao.domain.model import Document  # noqa: E402
from jixiao.domain.source import SourceRef  # noqa: E402

TARGET_SECONDS = 30.0


def documents(n: int) -> list[Document]:
    """The generated projects grouped into documents by the file their source names."""
    docs = []
    for file, projects in groupby(make_projects(n, seed=0), key=lambda p: p.source.file):
        docs.append(Document(file=file, sha256=file, kind="self_evaluation_table", title="2021年度深圳市某区人力资源局部门预算项目绩效自评表",
                             year=2021, department="深圳市某区人力资源局", projects=list(projects), source=SourceRef(file)))
    return docs


def main() -> None:
    """Generate, check, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=100_000, help="number of projects (default 100000)")
    args = ap.parse_args()
    start = time.perf_counter()
    docs = documents(args.n)
    made = time.perf_counter() - start
    n_ind = sum(len(p.indicators) for d in docs for p in d.projects)
    rules = all_rules()
    report = run_checks(CheckContext(docs), rules)
    c = report.counts()
    verdict = "OK" if report.seconds < TARGET_SECONDS else "TOO SLOW"
    print(f"data: {report.projects} projects, {n_ind} indicators, {len(docs)} documents (made in {made:.1f} s)")
    print(f"rules: {len(rules)}; checks: {report.checks}; failures: {len(report.failures)}")
    print(f"findings: {len(report.findings)} (error {c['error']}, warning {c['warning']}, info {c['info']})")
    print(f"check time: {report.seconds:.2f} s  {report.checks / report.seconds:,.0f} checks/s  "
          f"{report.projects / report.seconds:,.0f} projects/s  (target < {TARGET_SECONDS:.0f} s: {verdict})")


if __name__ == "__main__":
    main()
