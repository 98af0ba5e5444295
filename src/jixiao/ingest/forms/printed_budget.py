"""部门预算 printed as ruled tables (Shanghai 普陀, Jiangsu PDFs): the tables as budget lines, the
narrative as stated figures, the 绩效目标填报表 as projects.

The kind is found from content: at least three titled budget tables (``[printed_tables]``) that
are mostly 预算 tables; ``final_accounts`` reads the 决算 ones the same way. The narrative is read
by the statement reader; each figure it states is linked to the table line it describes where one
line of the same subject has its amount (``link_figures``).
"""

from __future__ import annotations

import re

from jixiao.domain.budget import DepartmentBudget, TableSpan
from jixiao.domain.model import Document, DocumentKind, ParseWarning
from jixiao.ingest.grid import Grid

from . import budget_statements
from .disclosure_parts import build as build_disclosure
from .printed_links import link_figures
from .printed_lines import read_lines
from .printed_tables import PrintedTable, find_tables
from .printed_notes import note_notices
from .printed_targets import read_target_form

KIND = DocumentKind.DEPARTMENT_BUDGET
TITLE = "部门预算（印制表格）"  # how explain names this reader beside the 表1…表15 one
MIN_TABLES = 3
_COVER_ROWS = 30
_NO_FIGURES = "没有读到任何预算或决算数字"


def count_tables(grid: Grid) -> tuple[int, int]:
    """(budget tables, final-account tables) among the grid's titled ruled tables (forms aside)."""
    budget = final = 0
    for table in find_tables([grid], None):
        if table.kind == "target_forms":
            continue
        if table.phase == "final":
            final += 1
        else:
            budget += 1
    return budget, final


def detect(grid: Grid) -> float:
    """Confidence that the grid is a 部门预算 printed as ruled tables."""
    budget, final = count_tables(grid)
    return 0.95 if budget >= MIN_TABLES and budget > final else 0.0


def read(grids: list[Grid], doc: Document) -> Document:
    """Tables, narrative and target forms of a printed 部门预算."""
    return read_printed(grids, doc, DocumentKind.DEPARTMENT_BUDGET)


def read_printed(grids: list[Grid], doc: Document, kind: DocumentKind) -> Document:
    """Read a printed budget or final account: narrative figures, then every titled table."""
    doc = budget_statements.read(grids, doc)
    doc.kind = kind
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        budget = DepartmentBudget(department=doc.department, year=doc.year)
        doc.extras["budget"] = budget
    doc.warnings = [w for w in doc.warnings if w.text != _NO_FIGURES]
    tables = find_tables(grids, budget.year or doc.year or _cover_year(grids))
    unit = _money_unit(tables, budget.money_unit)
    notices: list[ParseWarning] = []
    for table in tables:
        try:
            _read_table(table, doc, budget, unit, notices)
        except Exception as exc:  # noqa: BLE001 - one unreadable table must not lose the others
            notices.append(ParseWarning(f"“{table.title}”未能读取（{exc.__class__.__name__}）", table.title_ref))
    if budget.tables and not any(x.stated_amount for x in budget.budget_lines):
        notices = [ParseWarning(f"{len(budget.tables)} 张表格都没有填数字（可能是空白模板）", tables[0].title_ref)]
    doc.warnings.extend(notices)
    link_figures(budget)
    _finish(doc, budget, tables)
    if doc.extras:
        phase = "final" if kind == DocumentKind.FINAL_ACCOUNTS else "budget"
        disclosure = build_disclosure(grids, tables, budget, phase, doc.year)
        if disclosure is not None:
            doc.extras.setdefault("meta", {})["disclosure"] = disclosure.to_dict()
    return doc


def _read_table(table: PrintedTable, doc: Document, budget: DepartmentBudget, unit: str,
                notices: list[ParseWarning]) -> None:
    """A target form into a project; any other table into budget lines, its note checked."""
    if table.kind == "target_forms":
        project = read_target_form(table, doc)
        if project is not None:
            doc.projects.append(project)
        return
    lines = read_lines(table, unit, notices)
    budget.budget_lines.extend(lines)
    budget.tables.append(_span(table, len(lines)))
    notices.extend(note_notices(table, lines))


_YEAR_WORD = re.compile(r"^(20\d{2})(?:年度?)?$")


def _cover_year(grids: list[Grid]) -> int | None:
    """The year the cover prints on a line of its own (``2024`` above ``年度部门决算``)."""
    for grid in grids:
        for row in grid.rows[:_COVER_ROWS]:
            m = _YEAR_WORD.match(row.text().replace(" ", ""))
            if m:
                return int(m.group(1))
    return None


def _money_unit(tables: list[PrintedTable], default: str) -> str:
    """The unit of tables that do not state one: the unit most tables state, else the narrative's."""
    stated = [t.money_unit for t in tables if t.money_unit]
    return max(set(stated), key=stated.count) if stated else default


def _span(table: PrintedTable, n: int) -> TableSpan:
    rows = table.header + table.body
    lines = [r.line for r in rows if r.line is not None]
    return TableSpan(table.name, table.kind, table.title, min(lines, default=None), max(lines, default=None),
                     len(rows), table.empty_note)


def _finish(doc: Document, budget: DepartmentBudget, tables: list[PrintedTable]) -> None:
    doc.year = doc.year or budget.year or next((t.year for t in tables if t.year), None)
    budget.year = budget.year or doc.year
    doc.department = doc.department or budget.department
    meta = doc.extras.setdefault("meta", {})
    meta["tables"] = [{"table": t.table, "kind": t.kind, "title": t.title, "first_line": t.first_line,
                       "last_line": t.last_line, "empty_note": t.empty_note} for t in budget.tables]
    if not any((budget.budget_lines, budget.stated_figures, doc.projects)):
        doc.warnings.insert(0, ParseWarning(_NO_FIGURES))
        doc.extras.clear()


__all__ = ["KIND", "TITLE", "count_tables", "detect", "read", "read_printed"]
