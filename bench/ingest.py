"""Ingest benchmark: replicate the seeds into ≥ 50 MB and measure parse and store throughput.

Prints parse throughput (MB/s), ingest throughput into SQLite (projects/s) and both as a ratio to
Python's ``csv`` module tokenising the same bytes in the same run.
Targets (2-core machine): parse within 10× the csv time; ≥ 2,000 projects/s into SQLite.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.ingest.forms import read_document  # noqa: E402
from jixiao.services.ingest import ingest_paths, parse_job  # noqa: E402
from jixiao.services.ingest import default_workers  # noqa: E402
from jixiao.services.workers import collector_set_aside, worker_start  # noqa: E402
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


@collector_set_aside  # as ``jixiao ingest`` runs in one process
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


def _parse_count(data: bytes, name: str) -> int:
    """Parse one file in a worker; only its project count comes back (ingest workers store the
    Document themselves, so it never crosses between processes)."""
    doc = parse_job(data, name)
    return 0 if isinstance(doc, str) else len(doc.projects)


def time_parallel_parse(files, workers: int) -> float:
    """Worker processes set up as ``jixiao ingest`` sets them up, each parsing whole files."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=worker_start) as pool:
        for _n in pool.map(_parse_count, [d for _, d in files], [n for n, _ in files], chunksize=4):
            pass
    return time.perf_counter() - start


def time_ingest(files, workers: int) -> tuple[float, int]:
    """`jixiao ingest DIR` as a user runs it: files on disk, one transaction each."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, data in files:
            (folder / name).write_bytes(data)
        factory = open_store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        results = ingest_paths(factory, [folder], workers=workers)
        return time.perf_counter() - start, sum(r.projects for r in results)


def _best(runs: list[float]) -> str:
    """``best (range)`` of repeated timings."""
    return f"{min(runs):7.2f} s (of {len(runs)}: {min(runs):.2f}-{max(runs):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="input size in MB (default 50)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each measurement; the best counts, as timeit does (default 3)")
    args = ap.parse_args()
    files = replicate(args.mb)
    mb = sum(len(d) for _, d in files) / 1_000_000
    print(f"input: {len(files)} files, {mb:.1f} MB; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"each time is the best of {args.repeat} runs: other work on the machine only ever adds time")
    workers = default_workers(len(files))
    csv_runs, parse_runs, pparse_runs = [], [], []
    for _ in range(args.repeat):  # interleaved, so a slow spell of the machine touches all three
        csv_runs.append(time_csv(files))
        t_parse, n_proj, n_ind = time_parse(files)
        parse_runs.append(t_parse)
        pparse_runs.append(time_parallel_parse(files, workers))
    t_csv, t_parse, t_pparse = min(csv_runs), min(parse_runs), min(pparse_runs)
    print(f"csv tokeniser:         {_best(csv_runs)} {mb / t_csv:7.1f} MB/s")
    print(f"parse, 1 process:      {_best(parse_runs)} {mb / t_parse:7.1f} MB/s  ratio to csv {t_parse / t_csv:5.1f}x"
          f"  ({n_proj} projects, {n_ind} indicators)")
    print(f"parse, {workers} processes:    {_best(pparse_runs)} {mb / t_pparse:7.1f} MB/s  ratio to csv "
          f"{t_pparse / t_csv:5.1f}x  (target ≤ 10x)")
    for w in (1, workers):
        runs = [time_ingest(files, w) for _ in range(args.repeat if w == workers else 1)]
        t_ingest, n_stored = min(runs)
        print(f"ingest SQLite, {w} worker(s): {_best([t for t, _ in runs])} {n_stored / t_ingest:7.0f} projects/s"
              f"  ratio to csv {t_ingest / t_csv:5.1f}x  (target ≥ 2000 projects/s)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
