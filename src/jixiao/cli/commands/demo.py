"""``jixiao demo``: the main job on the shipped sample documents, in a SQLite file of its own.

A demo store that already exists is kept, with whatever was uploaded to it: the samples are read
again (files already stored are left as they are), checked and scored, and the web serves it. Only
``--reset`` deletes it first, and the command says which of the two it does.
"""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli.app import app, console
from jixiao.services.samples import samples_dir

# Steps added by later areas (checks, scoring, web): each is fn(db_url) -> None, run in order.
DEMO_STEPS: list = []
_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def _prepare(db_file: Path, reset: bool) -> None:
    """Delete the demo store when asked to, and say what happens to it."""
    if not db_file.exists():
        console.print(f"新建演示库 {db_file}")
    elif reset:
        for suffix in _SIDE_FILES:
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        console.print(f"已删除并重建演示库 {db_file}（--reset）")
    else:
        console.print(f"沿用已有的演示库 {db_file}，其中上传的文档都保留；要从头重建，请运行 jixiao demo --reset")


@app.command()
def demo(
    db_file: Path = typer.Option(Path("jixiao-demo.db"), "--db-file", help="演示数据库文件"),
    reset: bool = typer.Option(False, "--reset", help="先删除已有的演示库再重建（上传的文档会丢失）"),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="最后启动网页服务"),
    port: int = typer.Option(8000, "--port", help="网页服务端口"),
) -> None:
    """用示例文档演示：读取全部示例文档、检查、评分并启动网页；已有的演示库保留（--reset 重建）。"""
    from jixiao.cli.commands.ingest import ingest

    _prepare(db_file, reset)
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
