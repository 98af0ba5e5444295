from jixiao.checks.rule import DOCUMENT, rule
from jixiao.checks.sums import sum_hits


@rule("M003", "subtotal-not-sum-of-rows", "error",
      "{what}不符：表中为 {stated}，各行相加为 {computed}，相差 {diff}{note}",
      "{what}: the row says {stated}, its rows add up to {computed} (off by {diff})", scope=DOCUMENT)
def check(doc, ctx):
    """小计或合计行不等于其所含各行之和.

    小计行汇总其上方同一单位的项目，合计行汇总全部项目；两者都必须等于所含各行之和。超出四舍五入
    范围的差额说明漏了一行、多算了一行或某个数抄错。
    A 小计/合计 row must equal the sum of the rows it covers.

    Bad:
        1 局本级 A 项目 100.00 ｜ 2 局本级 B 项目 50.00 ｜ 局本级小计 160.00

    Good:
        1 局本级 A 项目 100.00 ｜ 2 局本级 B 项目 50.00 ｜ 局本级小计 150.00
    """
    return sum_hits(doc, ctx, ("rows",), "mismatch")
