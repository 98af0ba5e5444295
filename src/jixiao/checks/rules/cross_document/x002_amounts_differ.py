from jixiao.checks.amounts import show
from jixiao.checks.copies import money_differences
from jixiao.checks.matching import related, shared_matches
from jixiao.checks.rule import CORPUS, hit, rule


@rule("X002", "amounts-differ", "error",
      "{what}与《{other}》中同一项目不同：本文档 {mine}，对方 {theirs}",
      "{what_en} differs from the same project in {other}: {mine} here, {theirs} there", scope=CORPUS)
def check(ctx):
    """同一项目在两份文档中金额不同.

    同一年度、同一项目的预算数和实际支出在部门汇总表和单位自己的表里必须一样；超出两份文档舍入范围的
    差额说明其中一份填错或用了不同口径，复核时必须查清以哪份为准。
    One project's budget and spending must be the same in every document that states them.

    Bad:
        000：职业训练中心 设备购置 预算 7.57 ｜ 001：龙岗区职业训练中心 设备购置 预算 7.75

    Good:
        000：职业训练中心 设备购置 预算 7.57 ｜ 001：龙岗区职业训练中心 设备购置 预算 7.57
    """
    for m in shared_matches(ctx):
        for what, va, vb in money_differences(m, ctx):
            yield hit(m.a.source, project=m.a, document=m.doc_a, expected=show(vb, m.doc_b.money_unit),
                      actual=show(va, m.doc_a.money_unit), what=what, what_en="amount", other=m.doc_b.file,
                      mine=show(va, m.doc_a.money_unit), theirs=show(vb, m.doc_b.money_unit),
                      related=related(m.doc_b, m.b))
