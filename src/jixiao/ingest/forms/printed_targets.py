"""财政项目支出绩效目标填报表 printed in a 部门预算 PDF: one project per form with every indicator.

Fields are label cells with their value in the next filled cell (``[printed_target_fields]``);
the indicator rows are read from the 一级指标 column on, by the declaration reader's indicator
logic, so a 一级 / 二级指标 cell spanning rows is the level
of each row it spans.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Document, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import parse_decimal, to_yuan
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary
from jixiao.ingest.grid import Row

from .printed_tables import PrintedTable
from .target_declaration import read_indicator_rows

_TEXT_FIELDS = ("nature", "category", "start", "end")
_MONEY_FIELDS = ("multi_year", "fiscal", "fiscal_year", "carried_over")


def read_target_form(table: PrintedTable, doc: Document) -> Project | None:
    """One printed target form → a Project (None, with a notice, when it names no project)."""
    rows = table.header + table.body
    facts: dict[str, tuple[str, Row, int]] = {}
    header_at, level_col = None, 0
    for k, row in enumerate(rows):
        if "一级指标" in row.cells and any("三级指标" in c for c in row.cells):
            header_at, level_col = k, row.cells.index("一级指标")
            break
        _facts(row, facts)
    name = facts.get("name", ("",))[0]
    if not name:
        doc.warnings.append(ParseWarning("绩效目标填报表缺少项目名称", rows[0].ref if rows else table.title_ref))
        return None
    project = Project(name=name, unit=_text(facts, "unit"), department=_text(facts, "department"),
                      kind="project", source=table.title_ref or rows[0].ref)
    project.goal, project.goal_long_term = _text(facts, "goal"), _text(facts, "goal_long_term")
    unit = table.money_unit or _label_unit(rows) or MoneyUnit.YUAN
    project.money_unit = unit
    budget = facts.get("budget")
    if budget is not None:
        value = parse_decimal(budget[0])
        project.budget = Money(total=to_yuan(value, unit), source=budget[1].ref_of(budget[2]))
        project.details["stated_amounts"] = {"budget": {"text": budget[0], "unit": str(unit)}}
    for key in _TEXT_FIELDS:
        if _text(facts, key):
            project.details[key] = _text(facts, key)
    for key in _MONEY_FIELDS:
        value = parse_decimal(facts[key][0]) if key in facts else None
        if value is not None:
            project.details[key] = format(to_yuan(value, unit) or Decimal(0), "f")
    if header_at is None:
        doc.warnings.append(ParseWarning(f"项目“{name}”没有指标表", project.source))
    else:
        body = [Row(r.cells[level_col:], r.ref, r.cell_refs[level_col:] if r.cell_refs else None, block=r.block)
                for r in rows[header_at + 1:]]
        read_indicator_rows(body, project, doc)
    return project


def _facts(row: Row, facts: dict) -> None:
    """``label | value`` pairs of a row: a label cell, then the next filled cell that is no label."""
    voc = vocabulary()
    cells = row.cells
    for i, cell in enumerate(cells):
        key = voc.key("printed_target_fields", cell) if cell else None
        if key is None or key in facts:
            continue
        for j in range(i + 1, len(cells)):
            value = cells[j].strip()
            if value and voc.key("printed_target_fields", value) is None:
                facts[key] = (value, row, j)
                break
            if value:
                break


def _text(facts: dict, key: str) -> str | None:
    return facts[key][0] if key in facts else None


def _label_unit(rows: list[Row]) -> str | None:
    """元 / 万元 from a money label (项目资金（元）)."""
    for row in rows:
        for cell in row.cells:
            key = normalise(cell)
            if key.startswith("项目资金"):
                return MoneyUnit.WAN_YUAN if "万元" in key else MoneyUnit.YUAN if "元" in key else None
    return None


__all__ = ["read_target_form"]
