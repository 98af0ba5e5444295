"""Read queries behind the pages and the API: the project table, documents, indicators, overview."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, distinct, func, or_, select
from sqlalchemy.orm import Session

from jixiao.services import queries
from jixiao.storage import search_index
from jixiao.storage.models import DocumentRow, IndicatorRow, ProjectRow, UnitRow
from jixiao.storage.score_models import ProjectScoreRow

from . import extras
from .cache import cached
from .errors import not_found
from .filters import DocumentQuery, IndicatorQuery, ProjectQuery

_SORT_COLUMNS = {
    "id": ProjectRow.id, "name": ProjectRow.name, "unit": ProjectRow.unit, "code": ProjectRow.code,
    "year": ProjectRow.year, "budget": ProjectRow.budget_total, "actual": ProjectRow.actual_total,
    "execution_rate": ProjectRow.execution_rate,
}


@dataclass(slots=True)
class Page:
    """One page of a list and how many rows match in all."""

    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """Number of pages (at least 1, so an empty result still has a page)."""
        return max(1, -(-self.total // self.per_page))


def _contains(session: Session, column, text: str):
    """Substring test; ``instr`` on SQLite is about twice as fast as LIKE and needs no escaping."""
    if session.bind.dialect.name == "sqlite":
        return func.instr(column, text) > 0
    return column.contains(text, autoescape=True)


def _search(session: Session, q: str):
    """Projects whose name, code or unit contains ``q``: by the trigram index when it can answer
    (SQLite, three or more characters, every project indexed), else by scanning."""
    if search_index.can_search(session, q):
        return ProjectRow.id.in_(search_index.matching_ids(q))
    return or_(*(_contains(session, c, q) for c in (ProjectRow.name, ProjectRow.code, ProjectRow.unit)))


def scoped(stmt, unit_column, scope: tuple[str, ...] | None):
    """Keep the rows of the units in ``scope`` (None: every unit; see ``deps.UnitScope``)."""
    return stmt if scope is None else stmt.where(unit_column.in_(scope))


def _project_where(session: Session, stmt, f: ProjectQuery, scope: tuple[str, ...] | None = None):
    stmt = scoped(stmt, ProjectRow.unit, scope)
    if f.q:
        stmt = stmt.where(_search(session, f.q))
    for column, value in ((ProjectRow.year, f.year), (ProjectRow.unit, f.unit), (ProjectRow.kind, f.kind),
                          (ProjectRow.document_id, f.document_id)):
        if value is not None:
            stmt = stmt.where(column == value)
    return extras.filter_projects(stmt, grade=f.grade, has_errors=f.has_errors)


def project_ids(session: Session, f: ProjectQuery, scope: tuple[str, ...] | None = None):
    """A SELECT of the ids of every project matching the filters (all pages), in id order."""
    return _project_where(session, select(ProjectRow.id), f, scope).order_by(ProjectRow.id)


# The page's rows by id; an expanding parameter, so the statement is compiled once, not per page.
_ROWS_BY_ID = select(ProjectRow).where(ProjectRow.id.in_(bindparam("ids", expanding=True)))
# What the project table shows (the API wants whole rows).
TABLE_COLUMNS = (ProjectRow.document_id, ProjectRow.code, ProjectRow.name, ProjectRow.unit, ProjectRow.year,
                 ProjectRow.kind, ProjectRow.budget_total, ProjectRow.actual_total, ProjectRow.execution_rate,
                 ProjectRow.status)


def project_page(session: Session, f: ProjectQuery, columns=None, scope: tuple[str, ...] | None = None) -> Page:
    """The projects matching the filters, sorted, one page of them and the total count.

    Ids first (narrow, served from indexes), then the page's rows by id: deep pages and sorts
    stay fast on 100,000 projects. ``columns`` gives plain rows of only those (the page's table).
    """
    ids, total = _page_ids(session, f, scope)
    if total is None:  # counted once per filter set and store version: paging and sorting reuse it
        key = ("project_count", f.q, f.year, f.unit, f.kind, f.grade, f.has_errors, f.document_id, scope)
        total = cached(session, key, lambda: session.scalar(
            _project_where(session, select(func.count()).select_from(ProjectRow), f, scope)) or 0)
    if not ids:
        return Page([], total, f.page, f.per_page)
    if columns:  # read-only records (attribute access like the ORM objects, without their bookkeeping)
        stmt = select(ProjectRow.id, *columns).where(ProjectRow.id.in_(bindparam("ids", expanding=True)))
        rows = {r.id: r for r in queries.records(session, stmt, {"ids": ids})}
    else:
        rows = {p.id: p for p in session.scalars(_ROWS_BY_ID, {"ids": ids})}
    return Page([rows[i] for i in ids], total, f.page, f.per_page)


def _page_ids(session: Session, f: ProjectQuery, scope=None) -> tuple[list[int], int | None]:
    """Ids of one page; a search also counts its matches in the same scan (``count(*) over ()``)."""
    if f.sort == "score":
        return _score_page_ids(session, f, scope), None
    column = _SORT_COLUMNS[f.sort]
    stmt = _project_where(session, select(ProjectRow.id, func.count().over()) if f.q else select(ProjectRow.id), f, scope)
    if f.sort != "id":
        stmt = stmt.order_by(column.desc().nulls_last() if f.order == "desc" else column.asc().nulls_last())
    # A search scans the narrow search index; ``id + 0`` keeps SQLite from walking the wide rows
    # in id order instead.
    tie = ProjectRow.id + 0 if f.q and session.bind.dialect.name == "sqlite" else ProjectRow.id
    stmt = stmt.order_by(tie.desc() if f.order == "desc" else tie).limit(f.per_page).offset(f.offset)
    if not f.q:
        return list(session.scalars(stmt)), None
    rows = session.execute(stmt).all()
    return [r[0] for r in rows], (rows[0][1] if rows else None)


def _score_page_ids(session: Session, f: ProjectQuery, scope=None) -> list[int]:
    """Scored projects in score order (walking the index on the total), then the unscored ones."""
    if scope is None and f.q is None and f.year is None and f.unit is None and f.kind is None and f.document_id is None:
        # Nothing to ask of the project rows: walk the scores alone (a third faster on deep pages).
        scored = extras.filter_projects(select(ProjectScoreRow.project_id), has_errors=f.has_errors,
                                        project_id=ProjectScoreRow.project_id)
    else:
        scored = _project_where(session, extras.join_scores(select(ProjectRow.id)), f.model_copy(update={"grade": None}), scope)
    scored = extras.where_grade(scored, f.grade)
    key = ("scored_count", f.q, f.year, f.unit, f.kind, f.grade, f.has_errors, f.document_id, scope)
    n_scored = cached(session, key, lambda: session.scalar(select(func.count()).select_from(scored.subquery())) or 0)
    ids: list[int] = []
    if f.offset < n_scored:
        ids = list(session.scalars(scored.order_by(*extras.score_order(f.order == "desc"))
                                   .limit(f.per_page).offset(f.offset)))
    if len(ids) < f.per_page and f.grade is None:
        unscored = extras.without_score(_project_where(session, select(ProjectRow.id), f, scope))
        ids += session.scalars(unscored.order_by(ProjectRow.id).limit(f.per_page - len(ids))
                               .offset(max(0, f.offset - n_scored)))
    return ids


def project_filter_options(session: Session) -> dict:
    """Values for the filter drop-downs (distinct years and units), cached per store version."""
    def compute() -> dict:
        years = session.scalars(select(distinct(ProjectRow.year)).where(ProjectRow.year.is_not(None))
                                .order_by(ProjectRow.year.desc()))
        units = session.scalars(select(distinct(ProjectRow.unit)).where(ProjectRow.unit.is_not(None))
                                .order_by(ProjectRow.unit))
        return {"years": list(years), "units": list(units)}

    return {**cached(session, ("filter_options",), compute), "grades": extras.grade_choices()}


def visible_project(session: Session, project_id: int | None, scope: tuple[str, ...] | None,
                    what: str = "项目", shown_id: int | None = None) -> ProjectRow:
    """The project if its unit is in ``scope``; 404 (naming ``what``) when unknown or outside, alike."""
    p = session.get(ProjectRow, project_id) if project_id is not None else None
    if p is None or (scope is not None and p.unit not in scope):
        raise not_found(what, project_id if shown_id is None else shown_id)
    return p


def scoped_options(options: dict, scope: tuple[str, ...] | None) -> dict:
    """Filter drop-downs offering only the units in ``scope``."""
    return options if scope is None else {**options, "units": [u for u in options["units"] if u in scope]}


def get_project(session: Session, project_id: int, scope: tuple[str, ...] | None = None
                ) -> tuple[ProjectRow, list[IndicatorRow], DocumentRow]:
    """A project with its indicators and document; 404 when unknown or outside ``scope``."""
    p = visible_project(session, project_id, scope)
    inds = queries.indicators_by_project(session, [p.id]).get(p.id, [])
    return p, inds, session.get(DocumentRow, p.document_id)


def get_document(session: Session, document_id: int) -> DocumentRow:
    """A document by id; 404 when unknown."""
    d = session.get(DocumentRow, document_id)
    if d is None:
        raise not_found("文档", document_id)
    return d


def document_page(session: Session, f: DocumentQuery, docs: tuple[int, ...] | None = None) -> Page:
    """Documents (of those in ``docs``; None: all), newest first."""
    stmt = select(DocumentRow) if docs is None else select(DocumentRow).where(DocumentRow.id.in_(docs))
    if f.kind:
        stmt = stmt.where(DocumentRow.kind == f.kind)
    if f.year:
        stmt = stmt.where(DocumentRow.year == f.year)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = list(session.scalars(stmt.order_by(DocumentRow.id.desc()).limit(f.per_page).offset(f.offset)))
    return Page(rows, total, f.page, f.per_page)


def file_names(session: Session, document_ids) -> dict[int, str]:
    """File name of each document id (for the ``source`` objects)."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    return dict(session.execute(select(DocumentRow.id, DocumentRow.file).where(DocumentRow.id.in_(ids))).all())


def indicator_page(session: Session, f: IndicatorQuery, scope: tuple[str, ...] | None = None) -> Page:
    """Indicators with their project id and file, in project and form order (of the units in ``scope``)."""
    stmt = select(IndicatorRow, ProjectRow.document_id).join(ProjectRow, ProjectRow.id == IndicatorRow.project_id)
    stmt = scoped(stmt, ProjectRow.unit, scope)
    for column, value in ((IndicatorRow.project_id, f.project_id), (IndicatorRow.level1, f.level1),
                          (IndicatorRow.level2, f.level2)):
        if value is not None:
            stmt = stmt.where(column == value)
    if f.q:
        stmt = stmt.where(IndicatorRow.name.contains(f.q, autoescape=True))
    total = session.scalar(select(func.count()).select_from(stmt.with_only_columns(IndicatorRow.id).subquery())) or 0
    rows = session.execute(stmt.order_by(IndicatorRow.project_id, IndicatorRow.position)
                           .limit(f.per_page).offset(f.offset)).all()
    return Page([(ind, doc_id) for ind, doc_id in rows], total, f.page, f.per_page)


def headline_counts(session: Session) -> dict[str, int]:
    """Documents, distinct units, projects and indicators in the store, cached."""
    def compute() -> dict[str, int]:
        out = queries.counts(session)
        out["units"] = session.scalar(select(func.count(distinct(UnitRow.name)))) or 0
        return out

    return cached(session, ("counts",), compute)


def execution_by_unit(session: Session, limit: int = 30, year: int | None = None,
                      kind: str | None = None) -> list[dict]:
    """Budget, actual and overall execution rate per unit (largest budgets first), of one year and one
    kind of document when given, cached."""
    return cached(session, ("execution_by_unit", limit, year, kind),
                  lambda: _execution_by_unit(session, limit, year, kind))


def overview_choices(session: Session) -> dict:
    """The years projects are for and the kinds of document stored, for the overview's selectors."""
    def compute() -> dict:
        years = session.scalars(select(ProjectRow.year).where(ProjectRow.year.is_not(None)).distinct()
                                .order_by(ProjectRow.year.desc()))
        kinds = session.scalars(select(DocumentRow.kind).distinct().order_by(DocumentRow.kind))
        return {"years": list(years), "kinds": list(kinds)}

    return cached(session, ("overview_choices",), compute)


def _execution_by_unit(session: Session, limit: int, year: int | None = None, kind: str | None = None) -> list[dict]:
    budget = func.sum(ProjectRow.budget_total)
    stmt = (select(ProjectRow.unit, budget, func.sum(ProjectRow.actual_total), func.count())
            .where(ProjectRow.unit.is_not(None)).group_by(ProjectRow.unit)
            .order_by(budget.desc()).limit(limit))
    if year is not None:
        stmt = stmt.where(ProjectRow.year == year)
    if kind:
        stmt = stmt.join(DocumentRow, DocumentRow.id == ProjectRow.document_id).where(DocumentRow.kind == kind)
    out = []
    for unit, b, a, n in session.execute(stmt):
        rate = (a / b * 100).quantize(b.__class__("0.01")) if b and a is not None else None
        out.append({"unit": unit, "budget": b, "actual": a, "projects": n, "rate": rate})
    return out


def lowest_rates(session: Session, limit: int = 10) -> list[dict]:
    """Projects with the lowest stated execution rate (id, name, unit, rate), cached."""
    def compute() -> list[dict]:
        stmt = (select(ProjectRow.id, ProjectRow.name, ProjectRow.unit, ProjectRow.execution_rate)
                .where(ProjectRow.execution_rate.is_not(None))
                .order_by(ProjectRow.execution_rate, ProjectRow.id).limit(limit))
        return [r._asdict() for r in session.execute(stmt)]

    return cached(session, ("lowest_rates", limit), compute)


def count_by(session: Session, column, values: list[int]) -> dict[int, int]:
    """Rows per value of ``column`` among ``values`` (warnings or findings per document …)."""
    if not values:
        return {}
    return dict(session.execute(select(column, func.count()).where(column.in_(values)).group_by(column)).all())
