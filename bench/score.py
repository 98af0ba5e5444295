"""Scoring benchmark: score 100,000 synthetic projects in memory and print projects/s.

Projects come from ``bench/datamaker.py`` (the shapes and words of the seeds: 4–6 indicators each,
quantitative and qualitative, amounts in yuan, stated rates); building them is not timed.
Target (2-core machine): 100,000 projects in under 20 s.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from datamaker import make_projects  # noqa: E402

from jixiao.scoring.engine import score_project  # noqa: E402
from jixiao.scoring.settings import NATIONAL, load  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=100_000, help="projects to score (default 100000)")
    ap.add_argument("--settings", help="scoring settings TOML (default: national)")
    args = ap.parse_args()
    settings = load(args.settings) if args.settings else NATIONAL
    t0 = time.perf_counter()
    projects = make_projects(args.n)
    built = time.perf_counter() - t0
    gc.freeze()  # the 100,000 input projects live all run long: keep the cyclic GC from rescanning them
    indicators = sum(len(p.indicators) for p in projects)
    start, cpu = time.perf_counter(), time.process_time()
    grades: Counter = Counter()
    flags = 0
    for p in projects:
        result = score_project(p, settings)
        grades[result.grade] += 1
        flags += len(result.flags)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"built {len(projects)} projects ({indicators} indicators) in {built:.1f} s (not timed)")
    print(f"scored {len(projects)} projects in {seconds:.2f} s: {len(projects) / seconds:,.0f} projects/s, "
          f"{indicators / seconds:,.0f} indicators/s (target: 100,000 in < 20 s)")
    print(f"CPU time {cpu:.2f} s: {len(projects) / cpu:,.0f} projects/s of CPU (wall time includes waiting "
          "for the CPU when the machine is busy)")
    print("grades: " + ", ".join(f"{g} {grades[g]}" for g in ("优", "良", "中", "差")) + f"; flags: {flags}")


if __name__ == "__main__":
    main()
