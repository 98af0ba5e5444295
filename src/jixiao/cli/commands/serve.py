"""``jixiao serve``: the web app and REST API over a store (uvicorn, loaded by import string).

The CLI does not import the web package (the two are sibling layers): uvicorn loads
``jixiao.web.app:app_from_env`` by name, the same way it would in several worker processes.
"""

from __future__ import annotations

import functools
import os
import secrets
import socket

import typer

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.cli.commands.demo import DEMO_STEPS

APP_FACTORY = "jixiao.web.app:app_from_env"
HOST_OPTION = typer.Option("127.0.0.1", "--host", help="监听地址（内网访问可用 0.0.0.0）")
PORT_OPTION = typer.Option(8000, "--port", min=1, max=65535, help="端口")


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def run_server(url: str, host: str, port: int, workers: int = 1) -> None:
    """Serve the app until interrupted; a busy port is one clear line and exit code 2."""
    import uvicorn

    if not _port_free(host, port):
        err_console.print(f"[red]端口 {port} 已被占用[/red]，请用 --port 换一个")
        raise typer.Exit(2)
    os.environ["JIXIAO_DATABASE_URL"] = url
    # Several workers must sign sessions with the same key; one per start is enough otherwise.
    os.environ.setdefault("JIXIAO_SECRET_KEY", secrets.token_urlsafe(32))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    console.print(f"网页: [bold]http://{shown}:{port}/[/bold]    API 文档: http://{shown}:{port}/api/v1/docs    (Ctrl+C 停止)")
    config = uvicorn.Config(APP_FACTORY, factory=True, host=host, port=port, workers=workers,
                            log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    try:
        if workers == 1:
            server.run()
        elif hasattr(socket, "SO_REUSEPORT"):
            from uvicorn.supervisors import Multiprocess

            Multiprocess(config, target=functools.partial(_own_socket_run, server), sockets=[]).run()
        else:
            from uvicorn.supervisors import Multiprocess

            Multiprocess(config, target=server.run, sockets=[tcp_socket(config.bind_socket())]).run()
    except KeyboardInterrupt:
        pass
    if workers == 1 and not server.started:
        raise typer.Exit(3)  # uvicorn's start-up failure code


def _own_socket_run(server, sockets=None) -> None:
    """One worker with its own listening socket on the shared port (SO_REUSEPORT).

    With one socket shared by all workers, whichever worker wakes first accepts: a burst of
    keep-alive connections can all land on one worker while the other idles (seen here: 18 of
    18). With a socket each, the kernel spreads new connections over the workers.
    """
    host, port = server.config.host, server.config.port
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    server.run(sockets=[sock])


def tcp_socket(sock: socket.socket) -> socket.socket:
    """A listening socket marked as TCP (protocol 6) so asyncio turns Nagle off.

    uvicorn binds with protocol 0; accepted connections inherit that, asyncio then leaves
    TCP_NODELAY unset, and every keep-alive request after the first waits ~40 ms for the
    client's delayed ACK (uvicorn issue #3149). Measured here: 43 ms → 1.4 ms per request.
    """
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
        return sock
    marked = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    marked.set_inheritable(True)
    return marked


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = HOST_OPTION,
    port: int = PORT_OPTION,
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="工作进程数（PostgreSQL 上可多于 1）"),
) -> None:
    """启动网页和 REST API（/api/v1）。"""
    from jixiao.storage.session import database_url

    open_factory(db)  # migrate now, and say clearly when the database cannot be opened
    run_server(database_url(db), host, port, workers)


def demo_logins(url: str) -> None:
    """Demo step: create the demo users and an API token, and print them."""
    from jixiao.services.users import DEMO_USERS, ensure_demo_users

    token = ensure_demo_users(open_factory(url))
    console.print("演示账号（用户名 / 密码 / 角色）:")
    for username, password, role, display, _units in DEMO_USERS:
        console.print(f"  {username} / {password}  {display}")
    console.print(f"演示 API 令牌（admin）: {token}")
    console.print("  用法: curl -H 'Authorization: Bearer <令牌>' <网页地址>/api/v1/projects")


def serve_demo(url: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Last demo step: serve the demo store."""
    run_server(url, host, port)


DEMO_STEPS.append(demo_logins)
