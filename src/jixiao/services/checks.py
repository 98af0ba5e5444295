"""Run the checker on the store: load documents as domain objects, run the rules, store findings.

A run replaces every stored finding in one transaction, so readers of the store (web app, export)
never see a half-written set.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.checks.context import CheckContext
from jixiao.checks.finding import Finding
from jixiao.checks.runner import CheckReport, run_checks
from jixiao.checks.settings import CheckSettings
from jixiao.domain.model import Document, ParseWarning
from jixiao.domain.source import SourceRef, box_of, box_text
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.loaders import project_from_row, stated_total_from_row
from jixiao.storage.session import transaction

from . import queries
from .checks_budget import load_budget

# Loaders of what other areas store beside a document (budget lines …): fn(session, doc_id, doc).
EXTRA_LOADERS: list[Callable] = [load_budget]
# Sources of extra context (the scoring engine's review flags …): fn(session, ctx) -> None.
CONTEXT_HOOKS: list[Callable] = []


def load_documents(session: Session) -> tuple[list[Document], dict[int, int]]:
    """Every stored document rebuilt as a domain Document, with ``id(doc) → stored id``."""
    rows = queries.documents(session)
    docs: dict[int, Document] = {}
    for i, r in rows.items():
        docs[i] = Document(file=r.file, sha256=r.sha256, kind=r.kind, title=r.title, year=r.year,
                           department=r.department, money_unit=r.money_unit, size_bytes=r.size_bytes,
                           extras={"meta": r.extras} if r.extras else {}, source=SourceRef(r.file))
    for p, inds in queries.iter_projects_with_indicators(session):
        doc = docs.get(p.document_id)
        if doc is not None:
            doc.projects.append(project_from_row(p, inds, doc.file))
    for t in queries.stated_totals(session):
        doc = docs.get(t.document_id)
        if doc is not None:
            doc.stated_totals.append(stated_total_from_row(t, doc.file))
    for w in queries.parse_warnings(session):
        doc = docs.get(w.document_id)
        if doc is not None:
            where = SourceRef(doc.file, w.src_line, w.src_sheet, w.src_cell, w.src_page, box_of(w.src_box)) \
                if w.src_line or w.src_cell or w.src_page else None
            doc.warnings.append(ParseWarning(w.message, where, w.text))
    for doc_id, doc in docs.items():
        for loader in EXTRA_LOADERS:
            loader(session, doc_id, doc)
    return list(docs.values()), {id(doc): i for i, doc in docs.items()}


def build_context(session: Session, settings: CheckSettings | None = None) -> CheckContext:
    """The check context of the whole store."""
    documents, ids = load_documents(session)
    ctx = CheckContext(documents=documents, settings=settings or CheckSettings(), document_ids=ids)
    for hook in CONTEXT_HOOKS:
        hook(session, ctx)
    return ctx


def finding_values(f: Finding) -> dict:
    """The row values of one finding."""
    s = f.source
    return {
        "document_id": f.document_id, "project_id": f.project_id, "code": f.code, "rule": f.rule,
        "severity": f.severity, "message": f.message, "message_en": f.message_en,
        "document": f.document, "project": f.project, "src_file": s.file if s else f.document,
        "src_line": s.line if s else None, "src_sheet": s.sheet if s else None,
        "src_cell": s.cell if s else None, "src_page": s.page if s else None, "src_box": box_text(s.box) if s else None, "expected": f.expected, "actual": f.actual,
        "related": f.related,
    }


def replace_findings(session: Session, findings: list[Finding]) -> None:
    """Delete every stored finding and insert these (caller owns the transaction)."""
    session.execute(delete(FindingRow))
    if findings:
        session.execute(insert(FindingRow), [finding_values(f) for f in findings])


def run_and_store(factory: sessionmaker[Session], settings: CheckSettings | None = None) -> CheckReport:
    """Check every stored document and replace the stored findings with the new ones."""
    with factory() as session:
        ctx = build_context(session, settings)
    report = run_checks(ctx)
    with transaction(factory) as session:
        replace_findings(session, report.findings)
    return report


def finding_json(row: FindingRow) -> dict:
    """A stored finding in the JSON shape of :meth:`Finding.to_dict`."""
    source: dict = {"file": row.src_file, "line": row.src_line}
    if row.src_sheet:
        source["sheet"] = row.src_sheet
    if row.src_cell:
        source["cell"] = row.src_cell
    if row.src_page:
        source["page"] = row.src_page
    if row.src_box:
        source["box"] = list(box_of(row.src_box) or ())
    return {
        "code": row.code, "rule": row.rule, "severity": row.severity, "message": row.message,
        "message_en": row.message_en, "document": row.document, "document_id": row.document_id,
        "project_id": row.project_id, "project": row.project, "source": source,
        "expected": row.expected, "actual": row.actual, "related": row.related,
    }


def stored_findings(session: Session, document_id: int | None = None, project_id: int | None = None,
                    severity: str | None = None) -> list[FindingRow]:
    """Stored findings, optionally of one document, one project or one severity, in run order."""
    q = select(FindingRow).order_by(FindingRow.id)
    if document_id is not None:
        q = q.where(FindingRow.document_id == document_id)
    if project_id is not None:
        q = q.where(FindingRow.project_id == project_id)
    if severity is not None:
        q = q.where(FindingRow.severity == severity)
    return list(session.scalars(q))


def finding_counts(session: Session) -> dict[str, int]:
    """Stored findings per severity."""
    rows = session.execute(select(FindingRow.severity, func.count()).group_by(FindingRow.severity))
    counts = {"error": 0, "warning": 0, "info": 0}
    counts.update({s: n for s, n in rows})
    return counts


def _register_scoring_audit() -> None:
    """The scoring engine's audit flags become findings (A001–A003) in every checker run."""
    from .scoring import register_checker_hook

    register_checker_hook(CONTEXT_HOOKS)


_register_scoring_audit()
