from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import short, shared_reason


@rule("R004", "low-rate-reason", "info",
      "执行率 {rate}% 低于 {floor}%，所述原因：{reason}",
      "execution rate {rate}% is below {floor}%; stated reason: {reason}", options=("low_rate",))
def check(p, doc, ctx):
    """执行率偏低及其所述原因.

    执行率低于 90%（设置项 ``low_rate``）而文档给出了原因时，把原因摘出来放在一起，复核人员不必
    在长表里逐格寻找，可以直接判断原因是否成立（如疫情、政策取消、年中追加）。
    For a low rate with a stated reason, the reason is quoted so a reviewer can judge it.

    Bad:
        （提示）执行率 66.32%，所述原因：受疫情影响，只完成了一期培训

    Good:
        执行率 98.41%（不低于 90%，无需说明）
    """
    rate, floor = p.execution_rate, ctx.settings.low_rate
    if rate is None or rate >= floor or not p.budget.total:
        return ()
    reason = shared_reason(p, ctx)
    if reason is None:
        return ()
    return (hit(p.source, actual=short(reason, 80), rate=rate, floor=floor, reason=short(reason, 80)),)
