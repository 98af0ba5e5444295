"""Start a declaration from something that exists: an ingested project or last year's declaration.

A unit that fills the same form every year should not type it again: the facts, money by source,
测算依据, goals and indicator table are copied, and the new draft is then edited and checked as usual.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.storage.loaders import project_from_row
from jixiao.storage.models import DocumentRow, IndicatorRow, ProjectRow

from .users import Principal
from .workflow import Saved, create_declaration, get_project
from .workflow_data import FACT_LABELS, DeclarationIn, IndicatorIn, declaration_of
from .workflow_scope import NotFound


def _basis_text(details: dict) -> str | None:
    basis = details.get("basis")
    if isinstance(basis, dict):
        return basis.get("text")
    return basis if isinstance(basis, str) else None


_NEW_OR_CONTINUING = {"new": "新增", "continuing": "延续"}


def _facts(details: dict) -> dict[str, str]:
    """Facts of an ingested project as the form's plain texts."""
    out = {}
    for key in FACT_LABELS:
        value = details.get(key)
        if isinstance(value, dict):
            value = value.get("text")
        if value not in (None, ""):
            out[key] = _NEW_OR_CONTINUING.get(value, value) if key == "new_or_continuing" else str(value)
    return out


def ingested_declaration(session: Session, project_id: int, year: int | None = None,
                         unit: str | None = None) -> DeclarationIn:
    """An ingested project (any form kind) as a declaration to start from."""
    row = session.get(ProjectRow, project_id)
    if row is None:
        raise NotFound(f"找不到已入库的项目 {project_id}")
    file = session.scalar(select(DocumentRow.file).where(DocumentRow.id == row.document_id)) or ""
    inds = session.scalars(select(IndicatorRow).where(IndicatorRow.project_id == project_id)
                           .order_by(IndicatorRow.position)).all()
    p = project_from_row(row, list(inds), file)
    money: dict[str, Decimal] = dict(p.budget.parts)
    if p.budget.total is not None:
        money["total"] = p.budget.total
    facts = _facts(p.details)
    indicators = [IndicatorIn(level1=i.level1, level2=i.level2, name=i.name[:500], target=i.target.text,
                              note=i.note, weight=i.weight, required=i.required,
                              source_of_value=i.source_of_value) for i in p.indicators if i.name]
    return DeclarationIn(year=year or p.year or 2000, unit=unit or p.unit or p.department or "未注明单位",
                         name=p.name[:500], department=p.department, code=p.code, kind=p.kind,
                         money_unit=p.money_unit, facts=facts, money=money, basis=_basis_text(p.details),
                         goal=p.goal, goal_long_term=p.goal_long_term, indicators=indicators)


def declare_from_ingested(factory: sessionmaker[Session], user: Principal, project_id: int,
                          year: int | None = None, unit: str | None = None) -> Saved:
    """A new draft copied from an ingested project (the editor's unit scope still applies)."""
    with factory() as session:
        decl = ingested_declaration(session, project_id, year, unit)
    return create_declaration(factory, user, decl, origin="ingested", origin_project_id=project_id,
                              comment=f"由已入库项目 {project_id} 生成")


def declare_from_previous(factory: sessionmaker[Session], user: Principal, workflow_id: int,
                          year: int | None = None) -> Saved:
    """Next year's draft copied from a declared project; indicator rows get new keys."""
    with factory() as session:
        old = get_project(session, user, workflow_id)
        data = declaration_of(old)
    old_year = data["year"]
    data["year"] = year or old_year + 1
    data["indicators"] = [{k: v for k, v in i.items() if k != "key"} for i in data.get("indicators") or []]
    data["money"] = {k: v for k, v in (data.get("money") or {}).items() if v is not None}
    decl = DeclarationIn.model_validate(data)
    return create_declaration(factory, user, decl, origin="previous_year", origin_workflow_id=workflow_id,
                              comment=f"由 {old_year} 年度申报 {workflow_id} 生成")

