"""总览: what is in the store and what is wrong with it, at a glance."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from .. import browse, extras
from ..cache import cached
from ..deps import DbSession, PageScope, PageUser, UnitScope
from ..doc_scope import PageDocs
from ..overview_scope import scoped_facts
from ..render import render

router = APIRouter(include_in_schema=False)


@router.get("/", name="overview")
async def overview(request: Request, session: DbSession, user: PageUser, scope: PageScope, docs: PageDocs,
                   year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
                   kind: Annotated[str | None, Query(max_length=40)] = None):
    """Counts, execution rate by unit (of one year and kind of document when chosen), grades, worst
    projects and most frequent findings."""
    facts = _within(cached(session, ("overview",), lambda: _facts(session)), scope)
    if scope is not None:  # a unit editor: every figure over its own units
        facts |= scoped_facts(session, scope, docs or ())
    if year is not None or kind:
        chosen = browse.execution_by_unit(session, year=year, kind=kind or None)
        facts |= _within({**facts, "by_unit": chosen}, scope) if scope is not None else {
            "by_unit": chosen, "chart_units": _chart_units(chosen)}
    return render(request, "overview.html", {**facts, "available": extras.available(), "year": year,
                                             "kind": kind or "", "choices": browse.overview_choices(session)})


def _within(facts: dict, scope: UnitScope) -> dict:
    """A unit editor's overview lists only its units' rows and projects."""
    if scope is None:
        return facts
    by_unit = [r for r in facts["by_unit"] if r["unit"] in scope]
    return {**facts, "by_unit": by_unit, "chart_units": _chart_units(by_unit),
            "worst": [w for w in facts["worst"] if w[0]["unit"] in scope],
            "lowest_rates": [r for r in facts["lowest_rates"] if r["unit"] in scope]}


def _chart_units(by_unit: list[dict]) -> dict:
    """Units by execution rate, highest first (budgets without spending have no rate and no bar)."""
    with_rate = sorted((r for r in by_unit if r["rate"] is not None), key=lambda r: (-r["rate"], r["unit"]))
    return {"units": [r["unit"] for r in with_rate], "rates": [float(r["rate"]) for r in with_rate]}


def _facts(session) -> dict:
    """Everything the overview shows, as plain data (aggregates over the whole store: cached)."""
    by_unit = browse.execution_by_unit(session)
    grades = extras.grade_distribution(session)
    return {
        "counts": browse.headline_counts(session), "severities": extras.findings_by_severity(session),
        "by_unit": by_unit,
        "chart_units": _chart_units(by_unit),
        "grades": grades, "chart_grades": [{"name": k, "value": v} for k, v in grades.items()],
        "worst": extras.worst_projects(session), "lowest_rates": browse.lowest_rates(session),
        "frequent": extras.frequent_findings(session),
    }
