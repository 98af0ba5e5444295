"""Findings as the 问题 page and the API list them: filters, pages, links to sources, .xlsx export."""

from __future__ import annotations

import io

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from jixiao.domain.beijing import now_in_beijing
from jixiao.domain.labels import finding_value, without_gloss
from jixiao.services.checks import finding_json
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import DocumentRow, ProjectRow

from .browse import Page, scoped
from .extras import rule_names
from .filters import FindingQuery
from .templating import SEVERITY_LABELS

XLSX_LIMIT = 100_000
_RANK = case({"error": 0, "warning": 1, "info": 2}, value=FindingRow.severity, else_=3)


def _where(stmt, f: FindingQuery, joined: bool = False, scope: tuple[str, ...] | None = None):
    """Apply the filters and the unit scope; ``joined`` when the statement already outer-joins the project."""
    if f.unit or scope is not None:
        if not joined:
            stmt = stmt.join(ProjectRow, ProjectRow.id == FindingRow.project_id)
        stmt = scoped(stmt.where(ProjectRow.unit == f.unit) if f.unit else stmt, ProjectRow.unit, scope)
    for column, value in ((FindingRow.code, f.code), (FindingRow.severity, f.severity),
                          (FindingRow.document_id, f.document_id), (FindingRow.project_id, f.project_id)):
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


def finding_page(session: Session, f: FindingQuery, scope: tuple[str, ...] | None = None) -> Page:
    """One page of findings (of projects of the units in ``scope``), errors first, then in checker order."""
    total = session.scalar(_where(select(func.count()).select_from(FindingRow), f, scope=scope)) or 0
    rows = session.scalars(_where(select(FindingRow), f, scope=scope).order_by(_RANK, FindingRow.id)
                           .limit(f.per_page).offset(f.offset))
    return Page(list(rows), total, f.page, f.per_page)


def finding_options(session: Session) -> dict:
    """Codes (with rule names), units and documents for the filter drop-downs."""
    names = rule_names()
    codes = session.scalars(select(distinct(FindingRow.code)).order_by(FindingRow.code))
    units = session.scalars(select(distinct(ProjectRow.unit))
                            .join(FindingRow, FindingRow.project_id == ProjectRow.id).order_by(ProjectRow.unit))
    docs = session.execute(select(DocumentRow.id, DocumentRow.file).order_by(DocumentRow.id))
    return {"codes": [(c, names.get(c, "")) for c in codes], "units": [u for u in units if u],
            "documents": list(docs)}


def source_documents(session: Session, rows: list[FindingRow]) -> dict[int, int | None]:
    """For each finding, the document whose file holds its source line (a cross-document finding
    may point into another document than the one it is filed under)."""
    files = {r.src_file for r in rows if r.src_file}
    by_file = dict(session.execute(select(DocumentRow.file, func.max(DocumentRow.id))
                                   .where(DocumentRow.file.in_(files)).group_by(DocumentRow.file)).all()) if files else {}
    return {r.id: by_file.get(r.src_file, r.document_id) for r in rows}


HEADINGS = ["级别", "规则", "规则名称", "说明", "文档", "项目ID", "项目", "单位", "文件", "行", "工作表",
            "单元格", "应为", "实为"]


def xlsx_bytes(session: Session, f: FindingQuery, scope: tuple[str, ...] | None = None) -> bytes:
    """The filtered findings (all pages, at most XLSX_LIMIT, units in ``scope``) as an .xlsx workbook."""
    from openpyxl import Workbook

    from jixiao.exports.cells import xlsx_row

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("问题")
    ws.append([f"jixiao 检查发现的问题，导出于 {now_in_beijing():%Y-%m-%d %H:%M}（北京时间）"])
    ws.append([_bold(ws, h) for h in HEADINGS])
    names = rule_names()
    stmt = _where(select(FindingRow, ProjectRow.unit)
                  .outerjoin(ProjectRow, ProjectRow.id == FindingRow.project_id), f, joined=True, scope=scope)
    for row, unit in session.execute(stmt.order_by(_RANK, FindingRow.id).limit(XLSX_LIMIT)):
        d = finding_json(row)
        ws.append(xlsx_row(ws, [SEVERITY_LABELS.get(d["severity"], d["severity"]), d["code"], names.get(d["code"], ""),
                   without_gloss(d["message"]), d["document"], d["project_id"], d["project"], unit,
                   d["source"]["file"], d["source"]["line"], d["source"].get("sheet"), d["source"].get("cell"),
                   finding_value(d["expected"]), finding_value(d["actual"])]))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _bold(ws, text: str):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(ws, value=text)
    cell.font = Font(bold=True)
    return cell
