"""What the document page shows: the document's facts, its reading notices with their sources, its
findings by severity and its projects (issue 17)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jixiao.exports.json_export import source_of
from jixiao.services import queries
from jixiao.services.checks import finding_json, stored_findings
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import DocumentRow, ProjectRow

FINDINGS_SHOWN = 50


def document_view(session: Session, doc: DocumentRow) -> dict:
    """The page's context for one (readable) document."""
    notices = [{"message": w.message, "text": w.text, "source": source_of(w, doc.file)}
               for w in queries.parse_warnings(session, doc.id)]
    by_severity = dict(session.execute(select(FindingRow.severity, func.count()).where(FindingRow.document_id == doc.id)
                                       .group_by(FindingRow.severity)).all())
    findings = [finding_json(r) for r in stored_findings(session, document_id=doc.id)[:FINDINGS_SHOWN]]
    projects = list(session.execute(select(ProjectRow.id, ProjectRow.unit, ProjectRow.name, ProjectRow.year,
                                           ProjectRow.budget_total)
                                    .where(ProjectRow.document_id == doc.id).order_by(ProjectRow.id)))
    return {"doc": doc, "notices": notices, "by_severity": by_severity, "findings": findings,
            "finding_total": sum(by_severity.values()), "projects": projects}
