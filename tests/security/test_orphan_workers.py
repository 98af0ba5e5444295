"""Issue 16 item 14: the worker processes of an ingest end when the ingest is killed (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, SEED_002

SCRIPT = """
import sys
from jixiao.services.ingest import ingest_paths
from jixiao.storage.session import open_store
factory = open_store(sys.argv[1])
print("started", flush=True)
ingest_paths(factory, sys.argv[2:], workers=2)
"""


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_item14_workers_end_when_the_ingest_is_killed(tmp_path):
    text = SEED_002.read_bytes()
    files = []
    for i in range(24):  # enough work that the workers are busy when the parent dies
        p = tmp_path / f"b{i}.txt"
        p.write_bytes(text + f"\n\n附注 {i}\n".encode())
        files.append(str(p))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, f"sqlite:///{tmp_path / 'j.db'}", *files],
                            stdout=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdout.readline().strip() == b"started"
    deadline, workers = time.monotonic() + 30, []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, workers
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them behind when the test fails
        os.kill(w, signal.SIGKILL)
    assert left == []
