"""``jixiao ingest --explain``: the grid as read, each reader's confidence, fields and their cells."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from jixiao.cli.app import console
from jixiao.ingest.explain import LAYOUTS, Explanation
from jixiao.services.explain import explain_path
from jixiao.services.ingest import KIND_LABELS, expand_paths


def show_explanations(paths: list[Path], max_rows: int) -> int:
    """Explain every file under ``paths``; the exit code (1 when a file was refused)."""
    refused = 0
    for path in expand_paths([p for p in paths if p.exists()]):
        ex = explain_path(path)
        show(ex, max_rows)
        refused += ex.error is not None
    for p in paths:
        if not p.exists():
            console.print(f"[red]✗[/red] {p}: 文件不存在")
            refused += 1
    return 1 if refused else 0


def show(ex: Explanation, max_rows: int) -> None:
    """One file's explanation on the console."""
    console.rule(f"[bold]{ex.file}")
    scores = "，".join(f"{KIND_LABELS.get(k, k)} {s:.2f}" for k, s in sorted(ex.scores, key=lambda x: -x[1]))
    console.print(f"识别：{scores or '无'}")
    grid = Table(title="读取到的表格（行号、版式、单元格）", show_lines=False)
    for col in ("位置", "版式", "单元格"):
        grid.add_column(col, overflow="fold")
    shown = 0
    for g in ex.grids:
        for row in g.rows:
            if shown >= max_rows:
                break
            cells = " | ".join(c if len(c) <= 40 else c[:39] + "…" for c in row.cells if c)
            if cells:
                grid.add_row(row.ref.label(), LAYOUTS.get(row.layout, row.layout or ""), cells)
                shown += 1
    console.print(grid)
    if ex.error:
        console.print(f"[red]未能读取：{ex.error}[/red]")
        return
    doc = ex.document
    console.print(f"读作：{KIND_LABELS.get(doc.kind, doc.kind)}，{len(doc.projects)} 个项目")
    fields = Table(title="读取的字段及其来源")
    for col in ("项目", "字段", "值", "来源"):
        fields.add_column(col, overflow="fold")
    for f in ex.fields:
        fields.add_row(f.project, f.label, f.value, f.source.label() if f.source else "")
    console.print(fields)
    if ex.missing:
        console.print("未找到的字段：" + "；".join(f"{p}：{label}" for p, label in ex.missing))
    for w in doc.warnings:
        console.print(f"[yellow]读取提示[/yellow] {w.source.label() if w.source else ''} {w.message}")
