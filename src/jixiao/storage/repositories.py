"""Domain objects ⇄ rows. Writes are bulk inserts (executemany) so ingest stays fast."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.domain.model import Document, Money, Project
from jixiao.domain.numbers import fmt
from jixiao.domain.source import SourceRef, box_text

from .bulk import bulk_insert, bulk_insert_ids, bulk_insert_tuples
from .models import (
    DocumentFileRow,
    DocumentRow,
    IndicatorRow,
    ParseWarningRow,
    ProjectRow,
    StatedTotalRow,
    UnitRow,
)


def _src(ref: SourceRef | None) -> dict:
    if ref is None:
        return {"src_line": None, "src_sheet": None, "src_cell": None, "src_page": None, "src_box": None}
    return {"src_line": ref.line, "src_sheet": ref.sheet, "src_cell": ref.cell, "src_page": ref.page,
            "src_box": box_text(ref.box)}


def money_json(m: Money | None) -> dict | None:
    """Money → ``{"total": "…", "general_public": "…"}`` in yuan, decimal strings."""
    if m is None:
        return None
    out = {"total": fmt(m.total)}
    out.update({k: fmt(v) for k, v in m.parts.items()})
    return out


# Savers for what other readers add to ``Document.extras`` (budget lines …): fn(session, doc_id, doc).
EXTRA_SAVERS: list = []


def find_document_by_sha(session: Session, sha256: str) -> DocumentRow | None:
    """The stored document with this content, if any."""
    return session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))


def save_document(session: Session, doc: Document, data: bytes | None = None, uploaded_by: int | None = None) -> int:
    """Insert a document with everything read from it; returns its id. Caller owns the transaction."""
    n_ind = sum(len(p.indicators) for p in doc.projects)
    conn = session.connection()  # Core, not the ORM's unit of work: nothing here is read back as objects
    doc_id = conn.execute(DocumentRow.__table__.insert(), {
        "file": doc.file, "sha256": doc.sha256, "kind": doc.kind, "title": doc.title, "year": doc.year,
        "department": doc.department, "money_unit": str(doc.money_unit), "size_bytes": doc.size_bytes,
        "project_count": len(doc.projects), "indicator_count": n_ind, "extras": doc.extras.get("meta") or None,
        "uploaded_by": uploaded_by,
    }).inserted_primary_key[0]
    if data is not None:
        conn.execute(DocumentFileRow.__table__.insert(), {"document_id": doc_id, "data": data})
    unit_ids = _save_units(session, doc_id, doc)
    _save_projects(session, doc_id, doc.projects, unit_ids)
    _save_totals(session, doc_id, doc)
    for saver in EXTRA_SAVERS:
        saver(session, doc_id, doc)
    if doc.warnings:
        bulk_insert(session, ParseWarningRow, [
            {"document_id": doc_id, "message": w.message, "text": w.text, **_src(w.source)}
            for w in doc.warnings])
    return doc_id


def _save_units(session: Session, doc_id: int, doc: Document) -> dict[str, int]:
    names = doc.units
    if not names:
        return {}
    ids = bulk_insert_ids(session, UnitRow,
                          [{"document_id": doc_id, "name": n, "department": doc.department} for n in names])
    return dict(zip(names, ids))


def project_values(doc_id: int, p: Project, unit_id: int | None) -> dict:
    """The row values of one project (also used by the benchmark's data maker)."""
    return {
        "document_id": doc_id, "unit_id": unit_id, "kind": p.kind, "seq": p.seq, "code": p.code,
        "name": p.name, "unit": p.unit, "department": p.department, "year": p.year,
        "money_unit": str(p.money_unit), "budget_total": p.budget.total, "actual_total": p.actual.total,
        "budget_initial_total": p.budget_initial.total if p.budget_initial else None,
        "money": {"budget": money_json(p.budget), "actual": money_json(p.actual),
                  "budget_initial": money_json(p.budget_initial)},
        "execution_rate": p.execution_rate, "status": p.status, "status_text": p.status_text,
        "goal": p.goal, "goal_long_term": p.goal_long_term, "problems": p.problems,
        "rectification": p.rectification,
        "stated_scores": {k: fmt(v) for k, v in p.stated_scores.items()} or None,
        "not_applicable": [{"level1": n.level1, "level2": n.level2, "required": n.required,
                            "line": n.source.line if n.source else None} for n in p.not_applicable] or None,
        "details": p.details or None, **_src(p.source),
    }


def _dec(v: Decimal | None) -> str | None:
    return None if v is None else format(v, "f")


INDICATOR_KEYS = (
    "project_id", "position", "level1", "level2", "level1_text", "level2_text", "name",
    "target_text", "target_op", "target_value", "target_value_high", "target_unit",
    "actual_text", "actual_op", "actual_value", "actual_unit", "note", "weight", "score",
    "deviation_reason", "required", "source_of_value", "src_line", "src_sheet", "src_cell", "src_page", "src_box",
)


def indicator_values(project_id: int, p: Project) -> list[tuple]:
    """Row values of a project's indicators, in ``INDICATOR_KEYS`` order (a tuple per row: a
    document has thousands)."""
    rows = []
    for pos, ind in enumerate(p.indicators):
        t, a, ref = ind.target, ind.actual, ind.source
        rows.append((
            project_id, pos, ind.level1, ind.level2, ind.level1_text, ind.level2_text, ind.name,
            t.text, t.op, _dec(t.value), _dec(t.value_high), t.unit,
            a.text if a else None, a.op if a else None, _dec(a.value) if a else None, a.unit if a else None,
            ind.note, ind.weight, ind.score, ind.deviation_reason, ind.required, ind.source_of_value,
            *((ref.line, ref.sheet, ref.cell, ref.page, box_text(ref.box)) if ref is not None
              else (None, None, None, None, None)),
        ))
    return rows


def _save_projects(session: Session, doc_id: int, projects: list[Project], unit_ids: dict) -> None:
    if not projects:
        return
    ids = bulk_insert_ids(session, ProjectRow,
                          [project_values(doc_id, p, unit_ids.get(p.unit or "")) for p in projects])
    rows = [r for pid, p in zip(ids, projects) for r in indicator_values(pid, p)]
    bulk_insert_tuples(session, IndicatorRow, INDICATOR_KEYS, rows)


def _save_totals(session: Session, doc_id: int, doc: Document) -> None:
    if not doc.stated_totals:
        return
    bulk_insert(session, StatedTotalRow, [{
        "document_id": doc_id, "label": t.label, "level": t.level, "unit": t.unit,
        "budget_total": t.budget.total, "actual_total": t.actual.total,
        "money": {"budget": money_json(t.budget), "actual": money_json(t.actual)},
        "execution_rate": t.execution_rate, "covers": t.covers, **_src(t.source),
    } for t in doc.stated_totals])


# Department budgets (issue 4): their lines are saved in the same transaction as the document.
from .budget_repository import save_budget  # noqa: E402

EXTRA_SAVERS.append(save_budget)
