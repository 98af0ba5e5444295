"""Ingest benchmark: replicate the seeds into ≥ 50 MB and measure parse and store throughput.

Prints parse throughput (MB/s), ingest throughput into SQLite (projects/s) and both as a ratio to
Python's ``csv`` module tokenising the same bytes in the same run.
Targets (2-core machine): parse within 10× the csv time; ≥ 2,000 projects/s into SQLite.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.ingest.forms import read_document  # noqa: E402
from jixiao.services.ingest import ingest_bytes  # noqa: E402
from jixiao.storage.session import open_store  # noqa: E402


def replicate(target_mb: float) -> list[tuple[str, bytes]]:
    """Copies of every sample, each made unique (so no sha256 duplicates), up to ``target_mb``."""
    seeds = sorted((ROOT / "samples").glob("*.txt"))
    files, size, i = [], 0, 0
    while size < target_mb * 1_000_000:
        for seed in seeds:
            data = seed.read_bytes() + f"\n\n复制 {i}\n".encode()
            files.append((f"{seed.stem}_copy{i}.txt", data))
            size += len(data)
        i += 1
    return files


def time_csv(files) -> float:
    start = time.perf_counter()
    for _, data in files:
        for _row in csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"):
            pass
    return time.perf_counter() - start


def time_parse(files) -> tuple[float, int, int]:
    start = time.perf_counter()
    projects = indicators = 0
    for name, data in files:
        try:
            doc = read_document(data, name)
        except Exception:
            continue
        projects += len(doc.projects)
        indicators += sum(len(p.indicators) for p in doc.projects)
    return time.perf_counter() - start, projects, indicators


def time_ingest(files) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        factory = open_store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        projects = 0
        for name, data in files:
            projects += ingest_bytes(factory, data, name).projects
        return time.perf_counter() - start, projects


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="input size in MB (default 50)")
    args = ap.parse_args()
    files = replicate(args.mb)
    mb = sum(len(d) for _, d in files) / 1_000_000
    print(f"input: {len(files)} files, {mb:.1f} MB")
    t_csv = time_csv(files)
    t_parse, n_proj, n_ind = time_parse(files)
    t_ingest, n_stored = time_ingest(files)
    print(f"csv tokeniser:  {t_csv:8.2f} s  {mb / t_csv:8.1f} MB/s")
    print(f"jixiao parse:   {t_parse:8.2f} s  {mb / t_parse:8.1f} MB/s  "
          f"({n_proj} projects, {n_ind} indicators)  ratio to csv: {t_parse / t_csv:.1f}x (target ≤ 10x)")
    print(f"ingest SQLite:  {t_ingest:8.2f} s  {n_stored / t_ingest:8.0f} projects/s (target ≥ 2000)  "
          f"ratio to csv: {t_ingest / t_csv:.1f}x")


if __name__ == "__main__":
    main()
