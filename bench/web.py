"""Web benchmark: 100,000 projects served by uvicorn on loopback, 20 concurrent clients.

Fills a fresh SQLite store (bulk inserts of ``bench/datamaker.make_projects``), starts
``jixiao serve`` on a free 127.0.0.1 port, and measures the project list (pages), filters and
search, the project detail page and the API list, each with a bounded number of requests.
Prints p50/p95 latency, requests/s and the server's CPU time per request for each scenario
(the last does not depend on what else the machine runs). Target: p95 < 200 ms.

The clients are ``wrk`` (Debian package ``wrk``; C, so the 20 clients take little of the two
cores the server runs on) when it is installed, else Python httpx clients in this process, whose
own CPU share then shows in every latency (see the static-file floor line).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402

from datamaker import NAMES, UNITS, make_projects  # noqa: E402
from jixiao.domain.model import Document  # noqa: E402
from jixiao.services.users import ensure_demo_users  # noqa: E402
from jixiao.storage import search_index  # noqa: E402
from jixiao.storage.repositories import save_document  # noqa: E402
from jixiao.storage.session import open_store, transaction  # noqa: E402

JIXIAO = str(Path(sys.executable).parent / "jixiao")
CHUNK = 1000  # projects per synthetic document


def fill(url: str, n: int) -> tuple[float, int]:
    """``n`` projects in documents of 1,000, through the same bulk inserts as ingest."""
    factory = open_store(url)
    start = time.perf_counter()
    for i in range(0, n, CHUNK):
        projects = make_projects(min(CHUNK, n - i), seed=i)
        doc = Document(file=f"bench_{i // CHUNK:04d}.txt", sha256=f"{i:064d}", kind="self_evaluation_table",
                       year=2021, department="深圳市某区人力资源局", money_unit="yuan", projects=projects)
        with transaction(factory) as session:
            save_document(session, doc)
    search_index.catch_up(factory)  # as an ingest run ends
    return time.perf_counter() - start, n


def check_and_score(url: str) -> None:
    """Findings and scores for the store, so the error and grade filters have data to work on."""
    from jixiao.services.checks import run_and_store
    from jixiao.services.scoring import score_store

    factory = open_store(url)
    start = time.perf_counter()
    report = run_and_store(factory)
    middle = time.perf_counter()
    run = score_store(factory)
    print(f"checked in {middle - start:.1f} s ({len(report.findings)} findings), "
          f"scored in {time.perf_counter() - middle:.1f} s ({run.projects} projects)")


def existing_projects(url: str) -> int:
    """Projects already in the store at ``url`` (0 for a new one)."""
    from sqlalchemy import func, select

    from jixiao.storage.models import ProjectRow

    with open_store(url)() as session:
        return session.scalar(select(func.count()).select_from(ProjectRow)) or 0


def free_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    """``jixiao serve`` on 127.0.0.1, once it answers."""
    proc = subprocess.Popen([JIXIAO, "serve", "--db", url, "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("server did not start")


def server_cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by the server process and all its descendants.

    Latency on a shared machine depends on what else runs; the server's CPU per request does not.
    """
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
    tree, total = {root}, 0.0
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _cpu) in stats.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return sum(stats[pid][1] for pid in tree if pid in stats)


async def run_scenario(client: httpx.AsyncClient, make_path, requests: int, concurrency: int) -> dict:
    """``requests`` GETs from ``concurrency`` workers; latencies in ms, every status must be 200."""
    latencies: list[float] = []
    queue = list(range(requests))
    failures = 0

    async def worker() -> None:
        nonlocal failures
        while queue:
            queue.pop()
            path = make_path()
            t0 = time.perf_counter()
            r = await client.get(path)
            latencies.append((time.perf_counter() - t0) * 1000)
            failures += r.status_code != 200

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - start
    latencies.sort()
    return {"p50": statistics.median(latencies), "p95": latencies[int(len(latencies) * 0.95) - 1],
            "rps": len(latencies) / wall, "n": len(latencies), "failures": failures}


def scenarios(n: int, rng: random.Random) -> dict:
    """Name → function giving the next request path."""
    pages = max(1, n // 50)
    return {
        "项目列表 list (random page)": lambda: f"/projects?page={rng.randint(1, pages)}",
        "筛选 filter unit+year, sort budget": lambda: (
            f"/projects?unit={quote(rng.choice(UNITS))}&year=2021&sort=budget&order=desc&page={rng.randint(1, 20)}"),
        "搜索 search name or code": lambda: f"/projects?q={quote(rng.choice(NAMES))}{rng.randint(1, 999)}",
        "筛选 has errors / grade, sort score": lambda: (
            f"/projects?{rng.choice(['has_errors=true', 'grade=' + quote('优'), 'grade=' + quote('中')])}"
            f"&sort=score&page={rng.randint(1, 20)}"),
        "项目详情 detail": lambda: f"/projects/{rng.randint(1, n)}",
        "API list filtered": lambda: f"/api/v1/projects?unit={quote(rng.choice(UNITS))}&page={rng.randint(1, 50)}",
        "API detail": lambda: f"/api/v1/projects/{rng.randint(1, n)}",
        "(floor) static file": lambda: "/static/app.css",
    }


async def measure(base: str, token: str, n: int, requests: int, concurrency: int, server_pid: int) -> None:
    """Sign in (pages) and hold a token (API), warm up, then run every scenario and print its line."""
    rng = random.Random(1)
    limits = httpx.Limits(max_connections=concurrency)
    cookie = await _login(base)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        client.headers["Cookie"] = cookie
        client.headers["Authorization"] = f"Bearer {token}"
        await run_scenario(client, lambda: "/projects", 40, concurrency)  # warm-up
        print(f"{concurrency} concurrent clients")
        print(f"{'scenario':38} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'n':>5} {'CPU ms/req':>10}  target p95 < 200 ms")
        for name, make_path in scenarios(n, rng).items():
            cpu = server_cpu_seconds(server_pid)
            r = await run_scenario(client, make_path, requests, concurrency)
            cpu_ms = (server_cpu_seconds(server_pid) - cpu) * 1000 / r["n"]
            ok = "ok" if r["p95"] < 200 and not r["failures"] else "SLOW" if not r["failures"] else f"{r['failures']} FAILED"
            print(f"{name:38} {r['p50']:8.1f} {r['p95']:8.1f} {r['rps']:8.1f} {r['n']:5} {cpu_ms:10.1f}  {ok}")
        print(f"load average (other work on this machine skews latency, not CPU per request): {os.getloadavg()[0]:.1f}")


_WRK_SCRIPT = """
local paths = {%s}
init = function(args)
  math.randomseed(os.time() * 1000 + (tonumber(tostring({}):sub(8), 16) or 0) %% 1000)
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", latency:percentile(50), latency:percentile(95),
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


async def _login(base: str) -> str:
    """The session cookie of the demo administrator (pages need a signed-in user)."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        form = (await client.get("/login")).text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form)
        data = {"username": "admin", "password": "admin-demo", "next": "/"}
        if csrf:
            data["csrf_token"] = csrf.group(1)
        login = await client.post("/login", data=data)
        assert login.status_code == 303, f"login failed: {login.status_code}"
        return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


def measure_wrk(base: str, token: str, n: int, seconds: float, concurrency: int, server_pid: int) -> None:
    """Every scenario for ``seconds`` under ``concurrency`` wrk connections (2 threads)."""
    cookie = asyncio.run(_login(base))
    rng = random.Random(1)
    print(f"{concurrency} concurrent clients (wrk, {seconds:g} s per scenario)")
    print(f"{'scenario':38} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'n':>6} {'CPU ms/req':>10}  target p95 < 200 ms")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "scenario.lua"

        def wrk(seconds: int) -> tuple[int, ...]:
            out = subprocess.run(["wrk", "-t2", f"-c{concurrency}", f"-d{seconds}s", "-s", str(script),
                                  "-H", f"Cookie: {cookie}", "-H", f"Authorization: Bearer {token}", base],
                                 capture_output=True, text=True, check=True).stdout
            return tuple(map(int, re.search(r"RESULT (.*)", out).group(1).split()))

        for name, make_path in scenarios(n, rng).items():
            script.write_text(_WRK_SCRIPT % ", ".join('"' + make_path() + '"' for _ in range(3000)), encoding="utf-8")
            # Steady state: each filter's total is counted once per worker and store version
            # (~40-100 ms for "has errors" on 100,000 projects) and kept; warm up before measuring.
            wrk(2)
            cpu = server_cpu_seconds(server_pid)
            p50, p95, count, micros, bad, broken = wrk(round(seconds))
            cpu_ms = (server_cpu_seconds(server_pid) - cpu) * 1000 / max(count, 1)
            failures = bad + broken
            ok = "ok" if p95 < 200_000 and not failures else "SLOW" if not failures else f"{failures} FAILED"
            print(f"{name:38} {p50 / 1000:8.1f} {p95 / 1000:8.1f} {count / (micros / 1e6):8.1f} {count:6} {cpu_ms:10.1f}  {ok}")
    print(f"load average (other work on this machine skews latency, not CPU per request): {os.getloadavg()[0]:.1f}")


def main() -> None:
    """Fill (or reuse) the store, serve it, measure."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--projects", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400, help="requests per scenario (httpx clients)")
    ap.add_argument("--seconds", type=float, default=10, help="seconds per scenario (wrk)")
    ap.add_argument("--httpx", action="store_true", help="Python httpx clients even when wrk is installed")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (the machine has 2 cores)")
    ap.add_argument("--db", help="database URL (default: a fresh SQLite file in a temporary folder); "
                                 "one that already holds the projects is measured as it is")
    ap.add_argument("--no-checks", action="store_true", help="do not run the checker and the scoring first")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/web-bench.db"
        have = existing_projects(url)
        if have >= args.projects:  # a --db filled by an earlier run is measured as it is
            n = have
            print(f"measuring the {n} projects already in {url.split('://')[0]}")
        else:
            seconds, n = fill(url, args.projects)
            print(f"filled {n} projects in {seconds:.1f} s ({n / seconds:.0f} projects/s) into {url.split('://')[0]}")
            if not args.no_checks:
                check_and_score(url)
        token = ensure_demo_users(open_store(url))
        port = free_port()
        proc = start_server(url, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            if shutil.which("wrk") and not args.httpx:
                measure_wrk(base, token, n, args.seconds, args.clients, proc.pid)
            else:
                asyncio.run(measure(base, token, n, args.requests, args.clients, proc.pid))
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
