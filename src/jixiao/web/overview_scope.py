"""The overview of a unit editor: every figure counted over its own units only (issue 16).

The store-wide overview is cached for everyone else; an editor's is computed from the same
queries narrowed to its units and its readable documents, so no count, chart or list on the page
includes another unit.
"""

from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from jixiao.scoring.grades import GRADES
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import IndicatorRow, ProjectRow
from jixiao.storage.score_models import ProjectScoreRow

from .extras import rule_names


def _in(column, values):
    return column.in_(values)  # an empty list is a condition that holds for no row


def scoped_facts(session: Session, units: tuple[str, ...], docs: tuple[int, ...]) -> dict:
    """Counts, severities, grades and the commonest findings over ``units`` (and ``docs``)."""
    own = select(ProjectRow.id).where(_in(ProjectRow.unit, units))
    counts = {
        "documents": len(docs),
        "projects": session.scalar(select(func.count()).select_from(ProjectRow).where(_in(ProjectRow.unit, units))) or 0,
        "indicators": session.scalar(select(func.count()).select_from(IndicatorRow)
                                     .where(IndicatorRow.project_id.in_(own))) or 0,
        "units": session.scalar(select(func.count(distinct(ProjectRow.unit))).where(_in(ProjectRow.unit, units))) or 0,
    }
    severities = {"error": 0, "warning": 0, "info": 0}
    severities |= dict(session.execute(select(FindingRow.severity, func.count()).where(FindingRow.project_id.in_(own))
                                      .group_by(FindingRow.severity)).all())
    grades_raw = dict(session.execute(select(ProjectScoreRow.grade, func.count())
                                      .where(ProjectScoreRow.project_id.in_(own)).group_by(ProjectScoreRow.grade)).all())
    grades = {g: grades_raw[g] for g in GRADES if grades_raw.get(g)}
    n = func.count().label("n")
    names = rule_names()
    frequent = [{"code": c, "severity": s, "title": names.get(c, ""), "count": k} for c, s, k in session.execute(
        select(FindingRow.code, FindingRow.severity, n).where(FindingRow.project_id.in_(own))
        .group_by(FindingRow.code, FindingRow.severity).order_by(n.desc(), FindingRow.code).limit(10))]
    return {"counts": counts, "severities": severities, "grades": grades,
            "chart_grades": [{"name": k, "value": v} for k, v in grades.items()], "frequent": frequent}
