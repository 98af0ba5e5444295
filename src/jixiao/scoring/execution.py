"""The 预算执行率 row: 全年执行数 ÷ 全年预算数 (the adjusted budget, 上年结转 included).

Rate = actual ÷ budget × 100, two decimals half up; score = weight × min(rate, 100%), two
decimals. The 年初预算数 is only used when no full-year budget is stated, and that is flagged.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Project

from . import explain
from .formulas import ZERO, q2
from .result import ExecutionScore, Flag
from .settings import ScoringSettings

HUNDRED = Decimal(100)
_NO_REASON = ("", "无", "/", "-", "—")


def full_year_budget(project: Project) -> tuple[Decimal | None, str]:
    """The adjusted full-year budget (with 上年结转) and which figure it is."""
    if project.budget.total is not None:
        return project.budget.total, "全年预算数"
    parts = project.budget.parts_sum()
    if parts is not None:
        return parts, "全年预算数（各资金来源之和）"
    if project.budget_initial is not None and project.budget_initial.total is not None:
        return project.budget_initial.total, "年初预算数（未给出全年预算数）"
    return None, "全年预算数"


def actual_spent(project: Project) -> Decimal | None:
    """全年执行数: the stated total, else the sum of its fund sources."""
    if project.actual.total is not None:
        return project.actual.total
    return project.actual.parts_sum()


def score_execution(project: Project, weight: Decimal,
                    settings: ScoringSettings) -> tuple[ExecutionScore, list[Flag]]:
    """Execution rate and score with their explanation, and what needs a look."""
    budget, basis = full_year_budget(project)
    actual = actual_spent(project)
    flags: list[Flag] = []
    if basis.startswith("年初"):
        flags.append(Flag("budget_initial_used", "没有全年预算数，执行率按年初预算数计算", "execution"))
    if budget is None or actual is None or budget <= 0:
        text = explain.execution_missing_text(project, budget, actual, weight)
        flags.append(Flag("execution_not_computable", text, "execution", "warning"))
        return ExecutionScore(budget, actual, None, weight, ZERO, text), flags
    exact = actual / budget * HUNDRED
    rate = q2(exact)
    score = q2(weight * min(rate, HUNDRED) / HUNDRED)
    text = explain.execution_text(project, budget, actual, basis, rate, weight, score, settings)
    if rate > HUNDRED:
        flags.append(Flag("execution_over_100", f"执行率 {rate}% 超过 100%，按 100% 计分", "execution", "note"))
    limit = settings.reason_below_rate
    if limit is not None and rate < limit and (project.problems or "").strip() in _NO_REASON:
        flags.append(Flag("execution_reason_missing", f"执行率 {rate}% 低于 {limit}%，需书面说明原因，表中未说明", "execution", "warning"))
    return ExecutionScore(budget, actual, rate, weight, score, text, exact), flags
