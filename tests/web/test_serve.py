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


def test_shared_socket_is_marked_tcp_so_asyncio_turns_nagle_off():
    from jixiao.cli.commands.serve import tcp_socket

    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # protocol 0, as uvicorn binds it
    assert raw.proto == 0
    marked = tcp_socket(raw)
    try:
        assert marked.proto == socket.IPPROTO_TCP and marked.family == socket.AF_INET and marked.get_inheritable()
    finally:
        marked.close()


def test_two_workers_each_with_their_own_socket_serve_keep_alive_requests(sqlite_url):
    import http.client
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([JIXIAO, "serve", "--db", sqlite_url, "--port", str(port), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        statuses = []
        for _ in range(6):  # several connections, three requests on each
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            for _ in range(3):
                conn.request("GET", "/login")
                response = conn.getresponse()
                statuses.append((response.status, "登录" in response.read().decode()))
            conn.close()
        assert statuses == [(200, True)] * 18
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err
