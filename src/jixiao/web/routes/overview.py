"""总览: what is in the store and what is wrong with it, at a glance."""

from __future__ import annotations

from fastapi import APIRouter, Request

from .. import browse, extras
from ..cache import cached
from ..deps import DbSession, PageUser
from ..render import render

router = APIRouter(include_in_schema=False)


@router.get("/", name="overview")
async def overview(request: Request, session: DbSession, user: PageUser):
    """Counts, execution rate by unit, grades, worst projects and most frequent findings."""
    return render(request, "overview.html", {**cached(session, ("overview",), lambda: _facts(session)),
                                              "available": extras.available()})


def _facts(session) -> dict:
    """Everything the overview shows, as plain data (aggregates over the whole store: cached)."""
    by_unit = browse.execution_by_unit(session)
    with_rate = [r for r in by_unit if r["rate"] is not None]  # budgets without spending have no rate
    grades = extras.grade_distribution(session)
    return {
        "counts": browse.headline_counts(session), "severities": extras.findings_by_severity(session),
        "by_unit": by_unit,
        "chart_units": {"units": [r["unit"] for r in with_rate], "rates": [float(r["rate"]) for r in with_rate]},
        "grades": grades, "chart_grades": [{"name": k, "value": v} for k, v in grades.items()],
        "worst": extras.worst_projects(session), "lowest_rates": browse.lowest_rates(session),
        "frequent": extras.frequent_findings(session),
    }
