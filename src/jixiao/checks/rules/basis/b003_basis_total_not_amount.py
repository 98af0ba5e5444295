from decimal import Decimal

from jixiao.checks.amounts import HALF, document_step, show
from jixiao.checks.basis_checks import basis_of, basis_total
from jixiao.checks.rule import hit, rule
from jixiao.checks.units import unit_slip


@rule("B003", "basis-total-not-amount", "error",
      "测算依据合计 {basis}，与本年度项目金额 {amount} 不符（相差 {diff}）",
      "the basis adds up to {basis} but the project amount is {amount}")
def check(p, doc, ctx):
    """测算依据的合计与项目金额不符.

    测算依据说明本年度项目金额是怎么算出来的，它的合计（写明的“合计”，或各项之和）必须等于申报的
    本年度项目金额。相差约一万倍的情形是金额单位写错，由 U001 报告。
    The basis must add up to the amount it explains; a 10,000× gap is a unit slip (U001).

    Bad:
        本年度项目金额 61.07 万元 ｜ 测算依据：……合计8万元。……合计59.07万元。（共 67.07 万元）

    Good:
        本年度项目金额 51.00 万元 ｜ 测算依据：……以上合计：51万元。
    """
    b = basis_of(p)
    amount = p.budget.total
    if b is None or amount is None:
        return ()
    total, tol = basis_total(b)
    if total is None or total <= 0 or unit_slip(amount, total):
        return ()
    allowed = tol + document_step(doc, ctx) * HALF + Decimal("0.005")
    if abs(total - amount) <= allowed:
        return ()
    u = p.money_unit
    return (hit(p.source, expected=show(total, u), actual=show(amount, u), basis=show(total, u),
                amount=show(amount, u), diff=show(abs(total - amount), u)),)
