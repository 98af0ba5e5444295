"""Small pieces the statement readers share: subjects from hits, the legacy ``what`` names."""

from __future__ import annotations

from .statement_clauses import Subject
from .statement_words import Hit

# Categories → the ``what`` names the 部门预算 narrative reader already gives the same figures.
_WHAT = {
    "income_grand_total": "income_total", "income_total": "income_total", "spending_grand_total": "spending_total",
    "spending_total": "spending_total", "procurement": "procurement_total", "general_public": "fiscal",
    "fiscal": "fiscal",
}
_COUNT_WHAT = {"cars_purchased": "vehicles", "cars_held": "vehicles", "reception_people": "people",
               "overseas_people": "people", "staff": "people", "posts": "people", "retired": "people"}
_KEEP = frozenset({
    "three_public_total", "overseas_travel", "reception", "official_cars", "car_purchase", "car_operation",
    "agency_running_costs", "procurement_goods", "procurement_works", "procurement_services", "personnel",
    "operating", "household_subsidies", "project_spending", "carried_over", "service_income", "other_income",
})


def subject_of(hit: Hit) -> Subject:
    """A subject hit → Subject; a pair (``income_grand_total+spending_grand_total``) keeps its parts."""
    if "+" in hit.key:
        parts = tuple(hit.key.split("+"))
        return Subject(hit.key, None, hit.word, parts)
    return Subject(hit.key, hit.key, hit.word)


def figure_what(subject: Subject | None, kind: str) -> str:
    """The ``what`` of a figure: ``change`` / ``change_rate`` / ``rate`` / counts, else the category's name."""
    if kind in ("change", "change_rate", "rate"):
        return kind
    category = subject.category if subject is not None else None
    if kind == "count":
        return _COUNT_WHAT.get(category or "", "count")
    if category in _KEEP:
        return category
    return _WHAT.get(category or "", "other")


def last_before(hits: list[Hit], pos: int, key: str | None = None, after: int = 0) -> Hit | None:
    """The last hit (of ``key``, if given) ending at or before ``pos`` and starting at or after ``after``."""
    found = None
    for h in hits:
        if h.end <= pos and h.start >= after and (key is None or h.key == key):
            found = h
    return found


__all__ = ["figure_what", "last_before", "subject_of"]
