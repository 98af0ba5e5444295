"""Rows → domain objects, for the checker and the scoring engine (they work on the model)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Indicator, Money, NotApplicable, Project, StatedTotal
from jixiao.domain.source import SourceRef, box_of
from jixiao.domain.targets import TargetValue

from .models import IndicatorRow, ProjectRow, StatedTotalRow


def _ref(row, file: str) -> SourceRef:
    return SourceRef(file, row.src_line, row.src_sheet, row.src_cell, row.src_page, box_of(row.src_box))


def _dec(s: str | None) -> Decimal | None:
    return None if s is None else Decimal(s)


def money_from_json(data: dict | None, total: Decimal | None = None) -> Money:
    """The stored money JSON (decimal strings in yuan) → Money."""
    data = data or {}
    parts = {k: Decimal(v) for k, v in data.items() if k != "total" and v is not None}
    stated = total if total is not None else _dec(data.get("total"))
    return Money(total=stated, parts=parts)


def indicator_from_row(r: IndicatorRow, file: str) -> Indicator:
    """One stored indicator → domain Indicator."""
    actual = None
    if r.actual_text is not None:
        actual = TargetValue(text=r.actual_text, op=r.actual_op, value=_dec(r.actual_value), unit=r.actual_unit,
                             qualitative=r.actual_text if r.actual_value is None else None)
    return Indicator(
        level1=r.level1, level2=r.level2, name=r.name,
        target=TargetValue(text=r.target_text or "", op=r.target_op, value=_dec(r.target_value),
                           unit=r.target_unit, value_high=_dec(r.target_value_high),
                           qualitative=(r.target_text or None) if r.target_value is None else None),
        actual=actual, note=r.note, weight=r.weight, score=r.score, deviation_reason=r.deviation_reason,
        required=r.required, source_of_value=r.source_of_value, level1_text=r.level1_text,
        level2_text=r.level2_text, source=_ref(r, file),
    )


def project_from_row(p: ProjectRow, indicators: list[IndicatorRow], file: str) -> Project:
    """One stored project with its indicators → domain Project (``details['id']`` keeps the row id)."""
    money = p.money or {}
    initial = money.get("budget_initial")
    project = Project(
        name=p.name, unit=p.unit, department=p.department, kind=p.kind, code=p.code, seq=p.seq,
        year=p.year, money_unit=p.money_unit, budget=money_from_json(money.get("budget"), p.budget_total),
        budget_initial=money_from_json(initial) if initial else None,
        actual=money_from_json(money.get("actual"), p.actual_total), execution_rate=p.execution_rate,
        status=p.status, status_text=p.status_text, goal=p.goal, goal_long_term=p.goal_long_term,
        indicators=[indicator_from_row(i, file) for i in indicators],
        not_applicable=[NotApplicable(n.get("level1"), n.get("level2"), bool(n.get("required")),
                                      SourceRef(file, n.get("line"))) for n in (p.not_applicable or [])],
        problems=p.problems, rectification=p.rectification,
        stated_scores={k: Decimal(v) for k, v in (p.stated_scores or {}).items() if v is not None},
        details=dict(p.details or {}), source=_ref(p, file),
    )
    project.details["id"] = p.id
    project.details["document_id"] = p.document_id
    return project


def stated_total_from_row(t: StatedTotalRow, file: str) -> StatedTotal:
    """One stored subtotal/total row → domain StatedTotal."""
    money = t.money or {}
    return StatedTotal(label=t.label, level=t.level, unit=t.unit,
                       budget=money_from_json(money.get("budget"), t.budget_total),
                       actual=money_from_json(money.get("actual"), t.actual_total),
                       execution_rate=t.execution_rate, covers=list(t.covers or []), source=_ref(t, file))
