from jixiao.checks.amounts import show
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import status_word
from jixiao.domain.model import Status


@rule("S001", "done-but-nothing-spent", "error",
      "自报“{status}”，但预算 {budget} 一分未支出（实际支出 {spent}）",
      "reported done ({status}) but nothing of the budget {budget} was spent")
def check(p, doc, ctx):
    """自报完成却没有支出.

    项目有预算、实际支出为零，却自评“完成”：要么工作没有做，要么支出没有如实填报。两者必有一处
    不实，自评得分因此不可信。
    A project with a budget, zero spending and a self-reported 完成 contradicts its own numbers.

    Bad:
        劳资应急资金 ｜ 预算 224.86 ｜ 实际支出 0.00 ｜ 执行率 0.00% ｜ 完成

    Good:
        教师慰问奖励 ｜ 预算 0.00 ｜ 实际支出 0.00 ｜ 未完成（年中已由财政统筹回收）
    """
    b, a = p.budget.total, p.actual.total
    if p.status != Status.DONE or not b or b <= 0 or a is None or a != 0:
        return ()
    u = doc.money_unit
    return (hit(p.source, expected="实际支出 > 0，或如实自评", actual=f"{p.status_text}，支出 {show(a, u)}",
                status=status_word(p), budget=show(b, u), spent=show(a, u)),)
