"""A list of projects with their targets in one table: a project per row, its indicators below it.

``单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | …``: the
header names the project's columns (vocabulary ``fields``, ``money_columns``, ``target_money``,
``goal_columns``) and the indicator columns (``indicator_columns``) in one row. A project's first
row holds all of them; the rows after it carry only the indicator cells, so they are aligned by
their first cell (a category, 产出指标) and a project row by its amount. Only real table rows
(workbooks, pipe and tab text) are read this way: their cells say where a column ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.domain.model import Document, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import drop_glosses

from . import form_fields, indicator_table
from .indicator_body import BodyRow, is_level
from .tokens import Token
from .values import amount

_ROW_LAYOUTS = frozenset({None, "tab", "pipe"})
_PROJECT_ROLES = {("fields", "name"): "project", ("fields", "unit"): "unit", ("fields", "code"): "code",
                  ("fields", "unit_code"): "code",
                  ("money_columns", "budget"): "amount", ("target_money", "year"): "amount",
                  ("target_money", "total"): "amount", ("goal_columns", "expected"): "goal"}


@dataclass(slots=True)
class ListHeader:
    """Which column holds what: project roles (project, unit, amount, goal) and indicator keys."""

    row: int
    columns: dict[int, str]  # column index → role (project roles, or indicator column keys)
    end: int  # index of the first token after the header row


def _role(tok: Token) -> str | None:
    for (section, key), role in _PROJECT_ROLES.items():
        if tok.label(section) == key:
            return role
    return tok.label("indicator_columns")


def find_header(toks: list[Token], start: int, stop: int) -> ListHeader | None:
    """The first row of a real table that names a project column and at least two indicator
    columns (one of them the indicator's name), and little else (a form whose lines were joined
    into one row names them too, among its values)."""
    i = start
    while i < stop:
        row = toks[i].row
        j = i
        while j < stop and toks[j].row == row:
            j += 1
        if toks[i].layout in _ROW_LAYOUTS:
            roles = {t.col: r for t in toks[i:j] if (r := _role(t))}
            names = list(roles.values())
            filled = sum(1 for t in toks[i:j] if t.text)
            if len(roles) * 10 >= filled * 7 and "project" in names and "name" in names and len(set(names) - {"project", "unit", "code", "amount", "goal"}) >= 2:
                return ListHeader(row, roles, j)
        i = j
    return None


def _rows(toks: list[Token], start: int, stop: int) -> list[list[Token]]:
    out: list[list[Token]] = []
    for t in toks[start:stop]:
        if out and out[-1][0].row == t.row:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _aligned(cells: list[Token], header: ListHeader) -> dict[int, Token]:
    """A body row's cells by header column: an indicator row from its category's column, a
    project row from its amount's; a full row as it stands."""
    filled = [t for t in cells if t.text]
    if not filled:
        return {}
    cols = sorted(header.columns)
    role_col = {r: c for c, r in header.columns.items()}
    first = filled[0]
    at = cells.index(first)
    if is_level(first):
        target = role_col.get("level1" if first.is_label("level1") else "level2", role_col.get("level1"))
    else:
        money = next((k for k, t in enumerate(cells) if t.text and amount(t.text) and not t.is_label()), None)
        if money is not None and "amount" in role_col:
            at, target = money, role_col["amount"]
        else:
            target = cols[0]
    shift = cols.index(target) - at if target in cols else 0
    out = {}
    for k, t in enumerate(cells):
        n = k + shift
        if 0 <= n < len(cols) and t.text:
            out[cols[n]] = t
    return out


def read(toks: list[Token], header: ListHeader, stop: int, doc: Document, unit: str) -> list[Project]:
    """The table's projects, each with the indicators of its rows."""
    projects: list[tuple[Project, list[BodyRow]]] = []
    for cells in _rows(toks, header.end, stop):
        if cells[0].layout not in _ROW_LAYOUTS:
            break  # the table has ended: prose or a page's furniture follow
        by_col = _aligned(cells, header)
        roles = {header.columns[c]: t for c, t in by_col.items()}
        name = roles.get("project")
        if name is not None:
            projects.append((_project(roles, doc, unit), []))
        if not projects:
            continue
        values = {r: t.text for r, t in roles.items() if r not in ("project", "unit", "code", "amount", "goal",
                                                                      "level1", "level2", "block")}
        levels = [t for r, t in roles.items() if r in ("level1", "level2") and is_level(t)]
        if values.get("name"):
            toks_of = {r: roles[r] for r in values}
            projects[-1][1].append(BodyRow(values, roles["name"], toks_of, levels))
    out = []
    for project, rows in projects:
        project.indicators = indicator_table.build(rows)
        if project.indicators or project.goal:
            out.append(project)
    if not out and projects:
        doc.warnings.append(ParseWarning("目标表中的项目均没有绩效指标", projects[0][0].source))
    return out or [p for p, _ in projects]


def _project(roles: dict[str, Token], doc: Document, unit: str) -> Project:
    name = roles["project"]
    project = Project(name=drop_glosses(name.text), unit=_text(roles, "unit"), code=_text(roles, "code"),
                      year=doc.year, money_unit=unit, source=name.ref)
    money = roles.get("amount")
    found = amount(money.text) if money is not None else None
    if found is not None:
        project.budget = Money(to_yuan(found[0], found[1] or unit), {}, money.ref)
        project.details["multi_year"] = str(project.budget.total)
    if roles.get("goal") is not None:
        project.goal = roles["goal"].text
    return project


def _text(roles: dict[str, Token], key: str) -> str | None:
    t = roles.get(key)
    return drop_glosses(t.text) if t is not None and t.text else None


def money_unit(toks: list[Token], header: ListHeader) -> str:
    """金额单位 as stated above the table (元 for most lists), else 万元."""
    return form_fields.money_unit(toks, max(0, header.end - 200), header.end) or MoneyUnit.WAN_YUAN


__all__ = ["ListHeader", "find_header", "money_unit", "read"]
