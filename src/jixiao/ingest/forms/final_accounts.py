"""部门决算 printed as ruled tables: 收入支出决算总表, 收入决算表, 支出决算表,
财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, 基本支出决算表, 三公 决算表 (预算数 and
决算数), 政府性基金 and 国有资本经营 tables, an empty table's note (本表无数据) kept with it.

Lines carry phase 决算 (a 预算数 column 预算) and the year; the 决算说明's stated figures are read by
the statement reader and linked to the line they describe. Found from content: at least three
titled tables, mostly 决算 tables.
"""

from __future__ import annotations

from jixiao.domain.model import Document, DocumentKind
from jixiao.ingest.grid import Grid

from .printed_budget import MIN_TABLES, count_tables, read_printed

KIND = DocumentKind.FINAL_ACCOUNTS
TITLE = "部门决算"


def detect(grid: Grid) -> float:
    """Confidence that the grid is a 部门决算 printed as ruled tables."""
    budget, final = count_tables(grid)
    return 0.96 if final >= MIN_TABLES and final >= budget else 0.0


def read(grids: list[Grid], doc: Document) -> Document:
    """Tables and narrative of a printed 部门决算."""
    return read_printed(grids, doc, DocumentKind.FINAL_ACCOUNTS)


__all__ = ["KIND", "TITLE", "detect", "read"]
