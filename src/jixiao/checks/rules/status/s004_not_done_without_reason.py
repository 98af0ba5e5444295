from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import SHORTFALL, shared_reason, status_word


@rule("S004", "not-done-without-reason", "warning",
      "自报“{status}”，但没有说明原因",
      "reported {status} with no reason given")
def check(p, doc, ctx):
    """自报未完成却不说明原因.

    自评“未完成”或“部分完成”必须写明偏差原因和改进措施，否则无法判断责任，也无法整改。
    A shortfall needs a stated reason and a correction measure.

    Bad:
        整体完成情况：未完成 ｜ 存在的问题：无 ｜ 整改情况：无

    Good:
        整体完成情况：未完成 ｜ 存在的问题：因政策调整取消该项补贴，资金已由财政统筹回收
    """
    if p.status not in SHORTFALL or shared_reason(p, ctx) is not None:
        return ()
    return (hit(p.source, expected="说明未完成的原因", actual="（未说明）", status=status_word(p)),)
