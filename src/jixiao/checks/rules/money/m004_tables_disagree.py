from jixiao.checks.rule import DOCUMENT, rule
from jixiao.checks.sums import sum_hits


@rule("M004", "tables-disagree", "error",
      "{what}不一致：前者 {stated}，后者 {computed}，相差 {diff}，超出四舍五入范围{note}",
      "{what}: {stated} against {computed}, off by {diff}, beyond rounding",
      scope=DOCUMENT, kinds=("department_budget", "final_accounts"))
def check(doc, ctx):
    """同一文档的不同表格（或表格与正文）数字不一致.

    部门预算的同一个数会印在几处：表1 的本年支出合计与表3 的支出总计，正文的部门预算与表1，正文的
    单位预算与表3，表13 的项目与表15、与正文所列项目，表14 的单位整体支出与表3。整万元的表格每个数
    至多差半个单位，所以比较时按两边印出的数的个数计算舍入范围；超出这个范围就是有一处写错了。
    The same figure printed in two tables (or a table and the text) must agree within rounding.

    Bad:
        表1 本年支出合计 694,773 ｜ 表3 支出总计 694,873

    Good:
        表13 人事考试管理 7,855 ｜ 正文 人事考试管理 7,856（两处各自四舍五入，记为提示 M002）
    """
    return sum_hits(doc, ctx, ("tables",), "mismatch")


