"""``jixiao serve``: clear one-line refusals instead of tracebacks."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

JIXIAO = str(Path(sys.executable).parent / "jixiao")


def test_busy_port_is_one_clear_line(sqlite_url):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run([JIXIAO, "serve", "--db", sqlite_url, "--port", str(port)],
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and f"端口 {port} 已被占用" in r.stderr and "Traceback" not in r.stderr


def test_unreachable_database_is_one_clear_line():
    r = subprocess.run([JIXIAO, "serve", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "无法打开数据库" in r.stderr and "Traceback" not in r.stderr
