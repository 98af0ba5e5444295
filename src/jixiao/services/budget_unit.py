"""One unit's budget across the tables that mention it, side by side (``jixiao budget unit``).

表3 and 表7 list a unit's special funds (…(专项资金)) on their own rows while the narrative states
one budget for the unit, so the unit's *family* is the unit, its special-fund rows and, for 本级,
the department's own name (表15 names the department as 实施单位 for the 本级's special funds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.domain.budget import base_unit, is_special_fund, unit_name
from jixiao.domain.text import compact
from jixiao.ingest.forms.budget_names import UnitLinker
from jixiao.storage.budget_models import StatedFigureRow
from jixiao.storage.models import DocumentRow, ProjectRow

from .budget import NoBudget, budget_document, lines

ZERO = Decimal(0)
_PARTS = ("personnel", "operating", "household_subsidies")


@dataclass(slots=True)
class ViewRow:
    """One source's view of the unit: total, basic and project spending (None when not stated)."""

    source: str  # 叙述, 表3, 表7, 表13, 表14, 表15
    label: str
    total: Decimal | None = None
    basic: Decimal | None = None
    project: Decimal | None = None
    derived: bool = False  # a sum jixiao worked out, not a figure the document states
    line: int | None = None


@dataclass(slots=True)
class UnitView:
    """The unit, its family of names and the rows of every table that mentions it."""

    document: DocumentRow
    unit: str
    family: list[str]
    rows: list[ViewRow] = field(default_factory=list)
    projects: dict[str, dict[str, list[Decimal]]] = field(default_factory=dict)  # name → source → amounts


def find_unit(session: Session, doc: DocumentRow, name: str) -> str:
    """The unit a user's name stands for (full, short or part of the name)."""
    units = list(dict.fromkeys(b.unit for b in lines(session, doc.id, "表3") if b.unit))
    units += [u for u in dict.fromkeys(b.unit for b in lines(session, doc.id, "表7") if b.unit) if u not in units]
    wanted = unit_name(name)
    if wanted in units:
        return wanted
    inside = [u for u in units if wanted in u and not is_special_fund(u)]
    aliases = (doc.extras or {}).get("aliases") or {}
    found = inside[0] if len(inside) == 1 else UnitLinker(units, doc.department, aliases).link(name)
    if found is None:
        raise NoBudget(f"找不到单位“{name}”; 可选: {'、'.join(u for u in units if not is_special_fund(u))}")
    return found


def family_of(unit: str, units: list[str], department: str | None) -> list[str]:
    """The unit, its (专项资金) rows, and the department's name when the unit is its 本级."""
    dept = unit_name(department or "")
    own_level = bool(dept) and unit == f"{dept}本级"
    out = [unit]
    for u in units:
        owner = base_unit(u)
        if is_special_fund(u) and (owner == unit or (own_level and owner == dept)):
            out.append(u)
    if own_level:
        out.append(dept)
    return out


def unit_view(session: Session, name: str, document_id: int | None = None) -> UnitView:
    """The side-by-side view of one unit's budget."""
    doc = budget_document(session, document_id)
    unit = find_unit(session, doc, name)
    all_units = [b.unit for b in lines(session, doc.id) if b.unit]
    view = UnitView(doc, unit, family_of(unit, list(dict.fromkeys(all_units)), doc.department))
    _narrative(session, view)
    for table in ("表3", "表7"):
        _unit_rows(session, view, table)
    _table13(session, view)
    _targets(session, view)
    return view


def _narrative(session: Session, view: UnitView) -> None:
    figs = session.scalars(select(StatedFigureRow).where(
        StatedFigureRow.document_id == view.document.id, StatedFigureRow.unit == view.unit)
        .order_by(StatedFigureRow.id))
    first: dict[str, StatedFigureRow] = {}
    for f in figs:
        if f.what == "project":
            _add_project(view, f.label, "叙述", f.amount)
        first.setdefault(f.what, f)
    if "unit_budget" not in first:
        return
    parts = [first[p].amount for p in _PARTS if p in first]
    project = first.get("project_spending")
    view.rows.append(ViewRow("叙述", "单位预算", first["unit_budget"].amount,
                             sum(parts, ZERO) if parts else None, project.amount if project else None,
                             line=first["unit_budget"].src_line))


def _unit_rows(session: Session, view: UnitView, table: str) -> None:
    rows: dict[str, ViewRow] = {}
    sums = ViewRow(table, "各项合计", derived=True)
    for b in lines(session, view.document.id, table):
        if b.unit not in view.family:
            continue
        if b.row_kind in ("subtotal", "line") and b.function_level is None:
            label = "专项资金" if is_special_fund(b.unit) else "单位"
            row = rows.setdefault(b.unit, ViewRow(table, label, line=b.src_line))
            _put(row, b.spending_type, b.amount)
        elif b.function_level == "item":
            _put(sums, b.spending_type, b.amount, add=True)
    view.rows.extend(rows.values())
    if len(rows) > 1:
        view.rows.append(_sum_of(table, list(rows.values())))
    if sums.total is not None:
        view.rows.append(sums)


def _put(row: ViewRow, spending_type: str, amount: Decimal, add: bool = False) -> None:
    attr = {"total": "total", "basic_spending": "basic", "project_spending": "project"}[spending_type]
    old = getattr(row, attr)
    setattr(row, attr, (old or ZERO) + amount if add else amount)


def _sum_of(table: str, rows: list[ViewRow]) -> ViewRow:
    def total(attr: str) -> Decimal | None:
        values = [getattr(r, attr) for r in rows if getattr(r, attr) is not None]
        return sum(values, ZERO) if values else None
    return ViewRow(table, "合计(含专项资金)", total("total"), total("basic"), total("project"), derived=True)


def _key(name: str) -> str:
    """A project name for matching across tables: no brackets, spaces or trailing 项目."""
    return re.sub(r"(项目)?$", "", re.sub(r"[(（][^)）]*[)）]", "", compact(name)))


def _add_project(view: UnitView, name: str, source: str, amount: Decimal) -> None:
    """File a project amount under its name; a name inside another (政府投资 ⊂ 政府投资项目建设) is one."""
    key = _key(name)
    if key not in view.projects:
        near = [k for k, by in view.projects.items() if source not in by and min(len(k), len(key)) >= 4
                and (k in key or key in k)]
        key = near[0] if len(near) == 1 else key
    view.projects.setdefault(key, {}).setdefault(source, []).append(amount)


def _table13(session: Session, view: UnitView) -> None:
    row = ViewRow("表13", "项目合计", derived=True)
    for b in lines(session, view.document.id, "表13", fund_source="all"):
        if b.unit in view.family and b.row_kind == "line":
            _put(row, "project_spending", b.amount, add=True)
            _add_project(view, b.label, "表13", b.amount)
    if row.project is not None:
        row.total = row.project
        view.rows.append(row)


def _targets(session: Session, view: UnitView) -> None:
    projects = session.scalars(select(ProjectRow).where(ProjectRow.document_id == view.document.id)
                               .order_by(ProjectRow.id))
    overall = ViewRow("表14", "整体支出", derived=False)
    listed = ViewRow("表15", "项目合计", derived=True)
    for p in projects:
        if unit_name(p.unit or "") not in view.family or p.budget_total is None:
            continue
        if p.kind == "unit_overall":
            overall.total, overall.line = (overall.total or ZERO) + p.budget_total, p.src_line
        else:
            _put(listed, "project_spending", p.budget_total, add=True)
            _add_project(view, p.name, "表15", p.budget_total)
    view.rows += [r for r in (overall, listed) if r.total is not None or r.project is not None]
