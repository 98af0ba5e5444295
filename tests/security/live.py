"""A live uvicorn server in a thread, for tests that need real parallel requests."""

from __future__ import annotations

import re
import socket
import threading
import time
from contextlib import contextmanager

import httpx
import uvicorn

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):
    """The base URL of ``app`` served on a free port until the block ends."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           limit_concurrency=200, backlog=256))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def login_client(base: str) -> tuple[httpx.Client, str]:
    """A client with its own session and that session's CSRF token."""
    client = httpx.Client(base_url=base, timeout=60)
    return client, TOKEN.search(client.get("/login").text).group(1)
