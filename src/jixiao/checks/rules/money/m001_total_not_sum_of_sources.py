from jixiao.checks.rule import DOCUMENT, rule
from jixiao.checks.sums import sum_hits


@rule("M001", "total-not-sum-of-sources", "error",
      "{what}不符：合计为 {stated}，各项之和为 {computed}，相差 {diff}{note}",
      "total {stated} is not the sum of its fund sources {computed} (off by {diff})", scope=DOCUMENT)
def check(doc, ctx):
    """合计不等于各资金来源之和.

    一个金额合计（预算、实际支出、年初预算数）必须等于其各资金来源（一般公共预算、政府性基金、
    非财政资金……）之和。超出四舍五入范围的差额说明有一个数抄错或漏填了来源。
    A total must equal the sum of its sources; a difference beyond rounding means a figure is wrong.

    Bad:
        项目年度预算金额 合计 118.66 ｜ 一般公共预算 108.66 ｜ 政府性基金 0.00

    Good:
        项目年度预算金额 合计 118.66 ｜ 一般公共预算 118.66 ｜ 政府性基金 0.00
    """
    return sum_hits(doc, ctx, ("sources",), "mismatch")
