from decimal import Decimal

from jixiao.checks.amounts import document_step, rate_tolerance
from jixiao.checks.rule import DOCUMENT, hit, rule

HUNDRED = Decimal(100)


def _bad_rate(budget, actual, stated, step) -> Decimal | None:
    """The computed rate when the stated one is off beyond rounding, else None."""
    if budget is None or actual is None or stated is None:
        return None
    if budget == 0:
        return Decimal(0) if stated != 0 and actual == 0 else None
    computed = actual / budget * HUNDRED
    return computed if abs(computed - stated) > rate_tolerance(budget, actual, step) else None


@rule("R001", "rate-not-actual-over-budget", "error",
      "{label}执行率写为 {stated}%，但实际支出 ÷ 预算 = {computed}%",
      "{label}stated execution rate {stated}% but actual / budget = {computed}%", scope=DOCUMENT)
def check(doc, ctx):
    """执行率不等于实际支出除以预算 (a stated execution rate that is not actual ÷ budget).

    预算执行率 = 全年执行数 ÷ 全年预算数，保留两位小数。允许的差额只来自两位小数的舍入和金额本身的
    舍入；超出这个范围说明执行率、预算或实际支出中有一个写错了，而执行率直接决定评分。
    The stated rate must equal actual ÷ budget within rounding; it drives the execution score.

    Bad:
        预算 2.88 ｜ 实际支出 1.91 ｜ 执行率 76.32%（应为 66.32%）

    Good:
        预算 2.88 ｜ 实际支出 1.91 ｜ 执行率 66.32%
    """
    step = document_step(doc, ctx)
    for p in doc.projects:
        computed = _bad_rate(p.budget.total, p.actual.total, p.execution_rate, step)
        if computed is not None:
            yield hit(p.source, project=p, expected=f"{computed:.2f}%", actual=f"{p.execution_rate}%",
                      label="", stated=p.execution_rate, computed=f"{computed:.2f}")
    for t in doc.stated_totals:
        computed = _bad_rate(t.budget.total, t.actual.total, t.execution_rate, step)
        if computed is not None:
            yield hit(t.source, expected=f"{computed:.2f}%", actual=f"{t.execution_rate}%",
                      label=f"“{t.label}”行", stated=t.execution_rate, computed=f"{computed:.2f}")
