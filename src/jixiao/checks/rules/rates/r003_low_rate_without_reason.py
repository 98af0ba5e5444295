from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import shared_reason


@rule("R003", "low-rate-without-reason", "warning",
      "执行率 {rate}% 低于 {floor}%，但没有说明原因",
      "execution rate {rate}% is below {floor}% and no reason is given", options=("low_rate",))
def check(p, doc, ctx):
    """执行率低于 90% 却没有说明原因.

    不少地方要求执行率低于 90%（设置项 ``low_rate``）的项目写明原因：在“存在的问题”、偏差原因或
    完成情况中说明为什么钱没有花完。没有原因的低执行率，复核人员无从判断是预算编多了还是工作没做。
    Many provinces require a written reason for a rate below 90% (setting ``low_rate``).

    Bad:
        预算 27.23 ｜ 实际支出 22.37 ｜ 执行率 82.15% ｜ 存在的问题：（空）

    Good:
        执行率 66.32% ｜ 时效指标完成情况：受疫情影响，只完成了一期培训。
    """
    rate, floor = p.execution_rate, ctx.settings.low_rate
    if rate is None or rate >= floor or not p.budget.total:
        return ()
    if shared_reason(p, ctx) is not None:
        return ()
    return (hit(p.source, expected="说明执行率偏低的原因", actual="（未说明）", rate=rate, floor=floor),)
