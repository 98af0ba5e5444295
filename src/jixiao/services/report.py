"""What a 自评报告 says, gathered from the store: nothing in it is written that the data does not hold.

A 主管部门 hands in a self-evaluation report per department (or unit) and year: its basic facts, its
projects' goals, execution by unit and project, the scores and grades with their explanations, the
indicators not met with the reasons given, the problems found, and the problems and fixes the forms
state. This gathers those facts for the renderers (``exports.report_docx``); each figure keeps the
file and line it came from for the report's appendix of sources.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.services import queries
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.score_models import ProjectScoreRow

SELF_EVALUATED = frozenset({"self_evaluation_form", "self_evaluation_table"})


@dataclass(slots=True)
class MissedIndicator:
    """An indicator whose weight was not all scored: what was planned, achieved and why not."""

    name: str
    target: str | None
    actual: str | None
    weight: Decimal | None
    score: Decimal | None
    reason: str | None


@dataclass(slots=True)
class ProjectPart:
    """One project's lines of the report."""

    name: str
    budget: Decimal | None
    actual: Decimal | None
    rate: Decimal | None
    goal: str | None
    status: str | None
    score: Decimal | None
    grade: str | None
    explanation: str | None
    missed: list[MissedIndicator] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    problems: str | None = None
    rectification: str | None = None
    source: str = ""


@dataclass(slots=True)
class UnitPart:
    """One unit's section: its projects and their sums."""

    unit: str
    projects: list[ProjectPart] = field(default_factory=list)

    @property
    def budget(self) -> Decimal:
        return sum((p.budget or Decimal(0) for p in self.projects), Decimal(0))

    @property
    def actual(self) -> Decimal:
        return sum((p.actual or Decimal(0) for p in self.projects), Decimal(0))

    @property
    def rate(self) -> Decimal | None:
        return None if not self.budget else (self.actual / self.budget * 100).quantize(Decimal("0.01"))


@dataclass(slots=True)
class Report:
    """The report of one department (or unit) and year."""

    department: str
    year: int | None
    units: list[UnitPart]

    @property
    def budget(self) -> Decimal:
        return sum((u.budget for u in self.units), Decimal(0))

    @property
    def actual(self) -> Decimal:
        return sum((u.actual for u in self.units), Decimal(0))

    @property
    def rate(self) -> Decimal | None:
        return None if not self.budget else (self.actual / self.budget * 100).quantize(Decimal("0.01"))

    @property
    def projects(self) -> list[ProjectPart]:
        return [p for u in self.units for p in u.projects]

    @property
    def grades(self) -> Counter:
        return Counter(p.grade for p in self.projects if p.grade)


def _missed(inds) -> list[MissedIndicator]:
    out = []
    for i in inds:
        if i.weight is not None and i.score is not None and i.score < i.weight:
            out.append(MissedIndicator(i.name, i.target_text, i.actual_text, i.weight, i.score, i.deviation_reason))
    return out


def gather(session: Session, department: str | None = None, unit: str | None = None,
           year: int | None = None) -> list[Report]:
    """The reports the store holds: one per department and year of self-evaluated projects,
    narrowed to a department, a unit or a year (names match by their words)."""
    docs = queries.documents(session)
    scores = {r.project_id: r for r in session.scalars(select(ProjectScoreRow))}
    findings: dict[int, list[str]] = {}
    for f in session.scalars(select(FindingRow).where(FindingRow.project_id.is_not(None)).order_by(FindingRow.id)):
        findings.setdefault(f.project_id, []).append(f.message)
    reports: dict[tuple[str, int | None], dict[str, UnitPart]] = {}
    for row, inds in queries.iter_projects_with_indicators(session, unit=unit, year=year):
        doc = docs.get(row.document_id)
        if doc is None or doc.kind not in SELF_EVALUATED or row.kind != "project":
            continue
        owner = row.department or doc.department or "未注明主管部门"
        if department and department not in owner:
            continue
        score = scores.get(row.id)
        part = ProjectPart(
            name=row.name, budget=row.budget_total, actual=row.actual_total, rate=row.execution_rate,
            goal=row.goal, status=row.status_text, score=score.total if score else None,
            grade=score.grade if score else None, explanation=score.total_explanation if score else None,
            missed=_missed(inds), findings=findings.get(row.id, []), problems=row.problems,
            rectification=row.rectification, source=f"{doc.file} 第 {row.src_line} 行" if row.src_line else doc.file)
        units = reports.setdefault((owner, row.year), {})
        units.setdefault(row.unit or "未注明单位", UnitPart(row.unit or "未注明单位")).projects.append(part)
    return [Report(dept, when, list(units.values()))
            for (dept, when), units in sorted(reports.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))]


__all__ = ["MissedIndicator", "ProjectPart", "Report", "UnitPart", "gather"]
