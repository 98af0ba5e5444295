"""A finding: one thing wrong in a document, in one Chinese sentence, pointing at its source."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jixiao.domain.source import SourceRef


class Severity(StrEnum):
    """How bad a finding is: error (numbers disagree), warning (weak or doubtful), info (a note)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def severity_rank(severity: str) -> int:
    """Order of severities (error 3 > warning 2 > info 1); unknown words rank 0."""
    return SEVERITY_RANK.get(severity, 0)  # type: ignore[call-overload]


@dataclass(slots=True)
class Finding:
    """What a rule found, ready to show, store or export (message in Chinese, gloss in English)."""

    code: str
    rule: str
    severity: str
    message: str
    message_en: str
    document: str | None = None
    document_id: int | None = None
    project_id: int | None = None
    project: str | None = None
    source: SourceRef | None = None
    expected: str | None = None
    actual: str | None = None
    related: dict | None = None

    def source_dict(self) -> dict:
        """``{file, line}`` always present (the document's file when no finer place is known)."""
        if self.source is not None:
            return self.source.to_dict()
        return {"file": self.document, "line": None}

    def to_dict(self) -> dict:
        """The JSON shape of a finding (``jixiao check --format json`` and the export)."""
        return {
            "code": self.code, "rule": self.rule, "severity": self.severity,
            "message": self.message, "message_en": self.message_en,
            "document": self.document, "document_id": self.document_id,
            "project_id": self.project_id, "project": self.project,
            "source": self.source_dict(), "expected": self.expected, "actual": self.actual,
            "related": self.related,
        }
