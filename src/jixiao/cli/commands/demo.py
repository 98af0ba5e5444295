"""``jixiao demo``: the main job on the shipped sample documents, in a fresh SQLite file."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli.app import app, console
from jixiao.services.samples import samples_dir

# Steps added by later areas (checks, scoring, web): each is fn(db_url) -> None, run in order.
DEMO_STEPS: list = []


@app.command()
def demo(
    db_file: Path = typer.Option(Path("jixiao-demo.db"), "--db-file", help="演示数据库文件（每次重建）"),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="最后启动网页服务"),
    port: int = typer.Option(8000, "--port", help="网页服务端口"),
) -> None:
    """用示例文档演示：新建 SQLite 库，读取全部示例文档并汇总。"""
    from jixiao.cli.commands.ingest import ingest

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{db_file}"
    console.print(f"示例文档: {samples_dir()}  →  数据库: {url}")
    try:
        ingest([samples_dir()], db=url, explain_=False, rows=200)
    except typer.Exit:
        pass  # the per-file lines already say what failed; the demo goes on
    for step in DEMO_STEPS:
        step(url)
    if serve:  # last, after every other area's step: serving does not return
        from jixiao.cli.commands.serve import serve_demo

        serve_demo(url, port=port)
