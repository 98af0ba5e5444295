"""部门预算: narrative parts and the standard tables 表1 … 表15.

The document is split into its narrative and its tables (a table repeating its title and header on
every page is one table); each table kind has its reader. Tables are read before the narrative so
the narrative's short unit names can be linked to the tables' full names, and 表7 before 表1/表6 so
their function names can be given 表7's codes. 表14/表15 go to ``budget_target_tables``.
"""

from __future__ import annotations

from jixiao.domain.budget import DepartmentBudget, TableSpan
from jixiao.domain.model import Document, DocumentKind, ParseWarning
from jixiao.ingest.grid import Grid

from . import budget_function_tables as functions
from . import budget_list_tables as lists
from . import budget_target_tables
from . import budget_unit_tables as by_unit
from .budget_narrative import paragraphs, read_narrative, title_facts
from .budget_rows import context
from .budget_split import Section, Split, split_grids, title_kind

KIND = DocumentKind.DEPARTMENT_BUDGET
_READ_ORDER = ("general_public_spending", "income_spending", "fiscal_income_spending", "spending_by_unit",
               "procurement", "three_public", "performance_projects")


def detect(grid: Grid) -> float:
    """Confidence that the grid is (part of) a published department budget."""
    head = grid.head_key(40)
    if "自评表" in head:  # 部门预算项目绩效自评表 is another form
        return 0.0
    score = 0.0
    if "部门预算" in head and ("部门概况" in head or "第一部分" in head):
        score = 0.9
    titles = [title_kind(r.text()) for r in grid.rows[:40] if len(r.nonempty()) == 1]
    kinds = {t[0] for t in titles if t}
    if kinds - {"project_targets", "unit_targets"}:
        score = max(score, 0.8)
    elif kinds and (grid.sheet or "").startswith("表"):
        score = max(score, 0.5)
    return score


def read(grids: list[Grid], doc: Document) -> Document:
    """Read the narrative and every known table into ``doc.extras['budget']`` (and 表14/15 projects)."""
    split = split_grids(grids)
    budget = DepartmentBudget()
    doc.extras["budget"] = budget
    _department_from_title(split, budget)
    for kind in _READ_ORDER:
        for section in split.of_kind(kind):
            _read_table(section, doc, budget)
    _in_document_order(split, budget)
    units = _units(budget)
    functions.assign_codes([b for b in budget.budget_lines if b.table != "表7"], _item_codes(budget))
    read_narrative(split.narrative, budget, units)
    budget.units = units
    _targets(split, doc)
    _finish(split, doc, budget)
    return doc


def _department_from_title(split: Split, budget: DepartmentBudget) -> None:
    title_facts(paragraphs(split.narrative[:10]), budget)


def _read_table(section: Section, doc: Document, budget: DepartmentBudget) -> None:
    ctx = context(doc, budget, section)
    if section.kind == "general_public_spending":
        by_unit.read_table7(section, ctx)
    elif section.kind == "income_spending":
        functions.read_income_spending(section, ctx, "all")
    elif section.kind == "fiscal_income_spending":
        functions.read_income_spending(section, ctx, "fiscal")
    elif section.kind == "spending_by_unit":
        by_unit.read_table3(section, ctx)
    elif section.kind == "procurement":
        lists.read_table11(section, ctx)
    elif section.kind == "three_public":
        lists.read_table12(section, ctx)
    elif section.kind == "performance_projects":
        by_unit.read_table13(section, ctx)


def _in_document_order(split: Split, budget: DepartmentBudget) -> None:
    """Lines ordered as their tables stand in the document (they were read 表7 first)."""
    order = {t.label: i for i, t in reversed(list(enumerate(split.tables)))}
    for lines in (budget.budget_lines, budget.income_lines, budget.procurement_lines):
        lines.sort(key=lambda line: order.get(line.table, len(order)))


def _units(budget: DepartmentBudget) -> list[str]:
    """Unit names as the tables write them, in order: 表3 first, then any other table's."""
    names: dict[str, None] = {}
    for line in budget.budget_lines:
        if line.table in ("表3", "表7") and line.unit and line.row_kind != "total":
            names.setdefault(line.unit, None)
    for t in budget.three_public_lines:
        if t.unit and t.row_kind != "total":
            names.setdefault(t.unit, None)
    return list(names)


def _item_codes(budget: DepartmentBudget) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in budget.budget_lines:
        if line.function_level == "item" and line.function_code and not line.code_derived and line.function_name:
            out.setdefault(line.function_name, set()).add(line.function_code)
    return out


def _targets(split: Split, doc: Document) -> None:
    readers = {"unit_targets": "read_table14", "project_targets": "read_table15"}
    for section in split.tables:
        if section.kind not in readers:
            continue
        try:
            getattr(budget_target_tables, readers[section.kind])(section.rows, doc)
        except Exception as exc:  # their reader failing must not lose the budget tables
            doc.warnings.append(ParseWarning(f"{section.label} 读取出错: {exc.__class__.__name__}: {exc}",
                                             section.rows[0].ref if section.rows else None))


def _finish(split: Split, doc: Document, budget: DepartmentBudget) -> None:
    doc.department = doc.department or budget.department
    doc.year = doc.year or budget.year
    doc.money_unit = budget.money_unit
    doc.title = doc.title or (f"{budget.year}年{budget.department}部门预算" if budget.department else None)
    for section in split.tables:
        lines = [r.line for r in section.rows]  # once per row: the property is not free on 2,000 rows
        refs = [line for line in lines if line is not None]
        budget.tables.append(TableSpan(section.label, section.kind, section.title, min(refs, default=None),
                                       max(refs, default=None), len(section.rows)))
        if section.kind not in _READ_ORDER and section.kind not in ("unit_targets", "project_targets"):
            doc.warnings.append(ParseWarning(f"{section.label}“{section.title}”暂不读取",
                                             section.rows[0].ref if section.rows else None))
    doc.extras["meta"] = {"tables": [{"table": t.table, "kind": t.kind, "title": t.title,
                                      "first_line": t.first_line, "last_line": t.last_line} for t in budget.tables],
                          "functions": budget.functions, "units": budget.units, "aliases": budget.aliases}
    if not any((budget.budget_lines, budget.income_lines, budget.procurement_lines, budget.three_public_lines,
                budget.staffing, budget.stated_figures, doc.projects)):
        doc.warnings.insert(0, ParseWarning("没有读到任何预算表或预算数字"))
        doc.extras.clear()  # nothing to store: the ingest reports the file as unreadable
