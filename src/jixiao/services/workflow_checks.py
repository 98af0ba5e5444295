"""The checker on a declaration being filled in: the same rules as for published declarations.

The declaration is wrapped as a one-project ``target_declaration`` document. Each indicator row gets
a source line equal to its row number (1-based), so a finding about a row can be shown beside it.
"""

from __future__ import annotations

from jixiao.checks.context import CheckContext
from jixiao.checks.runner import run_checks
from jixiao.domain.model import Document, DocumentKind
from jixiao.domain.source import SourceRef

from .workflow_data import to_project

FORM_FILE = "申报表"


def check_declaration(values: dict) -> list[dict]:
    """Findings on one declaration as JSON-able dicts: code, severity, message, row (or None)."""
    project = to_project(values)
    project.source = SourceRef(FORM_FILE)
    for n, ind in enumerate(project.indicators, start=1):
        ind.source = SourceRef(FORM_FILE, line=n)
    doc = Document(file=FORM_FILE, sha256="", kind=DocumentKind.TARGET_DECLARATION,
                   year=values.get("year"), department=values.get("department"),
                   money_unit=values.get("money_unit", "wan_yuan"), projects=[project],
                   source=SourceRef(FORM_FILE))
    report = run_checks(CheckContext(documents=[doc]))
    return [{"code": f.code, "severity": f.severity, "message": f.message, "message_en": f.message_en,
             "row": f.source.line if f.source is not None else None,
             "expected": f.expected, "actual": f.actual} for f in report.findings]
