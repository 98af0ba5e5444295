"""``jixiao ingest PATH...``: read files and folders into the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from jixiao.cli.app import DB_OPTION, app, console, open_factory
from jixiao.cli.explain_view import show_explanations
from jixiao.services.ingest import KIND_LABELS, expand_paths, ingest_paths, skipped_in


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="文件或文件夹（递归读取 .txt/.tsv/.xlsx）"),
    db: str = DB_OPTION,
    explain_: bool = typer.Option(False, "--explain", help="不入库，只说明每个文件是怎样读取的"),
    rows: int = typer.Option(200, "--rows", help="说明中最多显示的表格行数"),
) -> None:
    """读取表格文件入库；每个文件一行结果。全部成功退出码 0，任一失败退出码 1。"""
    if explain_:
        raise typer.Exit(show_explanations(paths, rows))
    missing = [p for p in paths if not p.exists()]
    factory = open_factory(db)
    files = list(expand_paths([p for p in paths if p.exists()]))
    skipped = skipped_in([p for p in paths if p.exists()])
    for p, why in skipped:
        console.print(f"[dim]- 跳过 {p}：{why}[/dim]")
    failed = duplicates = 0
    for p in missing:
        console.print(f"[red]✗[/red] {p}: 文件不存在")
        failed += 1
    with Progress(TextColumn("[bold]入库[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True) as progress:
        task = progress.add_task("", total=len(files))

        def on_file(r):
            nonlocal failed, duplicates
            progress.advance(task)
            progress.update(task, description=Path(r.path).name)
            label = KIND_LABELS.get(r.kind or "", r.kind or "")
            if r.status == "ingested":
                extra = f"，{r.warnings} 条读取提示" if r.warnings else ""
                progress.console.print(f"[green]✓[/green] {r.path}: {label}，{r.projects} 个项目，{r.indicators} 个指标{extra}")
            elif r.status == "duplicate":
                duplicates += 1
                progress.console.print(f"[yellow]=[/yellow] {r.path}: {r.message}")
            else:
                failed += 1
                progress.console.print(f"[red]✗[/red] {r.path}: {r.message}")

        ingest_paths(factory, files, on_file)
    total = len(files) + len(missing)
    skip = f"，跳过 {len(skipped)} 个文件" if skipped else ""
    same = f"，{duplicates} 个已在库中（未改动）" if duplicates else ""
    console.print(f"共 {total} 个文件，{total - failed - duplicates} 个成功{same}，{failed} 个失败{skip}。")
    raise typer.Exit(1 if failed or not total else 0)
