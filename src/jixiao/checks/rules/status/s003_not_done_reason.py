from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import SHORTFALL, short, shared_reason, status_word


@rule("S003", "not-done-reason", "info",
      "自报“{status}”，所述原因：{reason}",
      "reported {status}; stated reason: {reason}")
def check(p, doc, ctx):
    """自报未完成或部分完成及其所述原因.

    自评“未完成”“部分完成”的项目，评分要落到最低档，复核人员首先要看原因是否成立（政策取消、
    资金已回收、客观条件变化）。规则把文档中给出的原因摘出来。
    For a project reported not (or partly) done, the stated reason is quoted for the reviewer.

    Bad:
        （提示）教师慰问奖励 ｜ 未完成 ｜ 所述原因：参照区教育局同步做法，从2021年开始取消教师节节日费

    Good:
        项目自报“完成”（不适用本规则）
    """
    if p.status not in SHORTFALL:
        return ()
    reason = shared_reason(p, ctx)
    if reason is None:
        return ()
    return (hit(p.source, actual=short(reason, 80), status=status_word(p), reason=short(reason, 80)),)
