from jixiao.checks.amounts import HALF, document_step, show
from jixiao.checks.rule import hit, rule


@rule("R002", "spending-above-budget", "warning",
      "实际支出 {spent} 超过预算 {budget}（超出 {over}）",
      "actual spending {spent} exceeds the budget {budget} by {over}")
def check(p, doc, ctx):
    """实际支出超过预算.

    项目的实际支出不应超过全年预算数（含上年结转）。超支说明预算调整没有登记，或者支出、预算有一个
    填错；执行率因此超过 100%，评分也会按 100% 封顶，复核时应查明。
    Spending above the full-year budget means an adjustment was not recorded or a figure is wrong.

    Bad:
        全年预算数 100.00 ｜ 全年执行数 112.40 ｜ 执行率 112.40%

    Good:
        全年预算数 112.40 ｜ 全年执行数 112.40 ｜ 执行率 100.00%
    """
    b, a = p.budget.total, p.actual.total
    if b is None or a is None or a <= b + document_step(doc, ctx) * HALF:
        return ()
    u = doc.money_unit
    return (hit(p.source, expected=f"≤ {show(b, u)}", actual=show(a, u),
                spent=show(a, u), budget=show(b, u), over=show(a - b, u)),)
