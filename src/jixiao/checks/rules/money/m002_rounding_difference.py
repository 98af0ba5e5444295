from jixiao.checks.rule import DOCUMENT, rule
from jixiao.checks.sums import sum_hits


@rule("M002", "rounding-difference", "info",
      "{what}相差 {diff}，在四舍五入范围内（{rows} 项，每项至多半个单位，共 {tolerance}）",
      "{what}: off by {diff}, within rounding of {rows} rows ({tolerance})", scope=DOCUMENT)
def check(doc, ctx):
    """合计与各项之和的差额在四舍五入范围内.

    公开的表格常按整万元或两位小数印出，每一行最多有半个单位的舍入误差，因此 n 行之和与印出的
    合计可相差至多 n × 半个单位。这样的差额不是错误，只作提示，便于复核人员知道差额的来源。
    Printed tables round each row; a sum may differ from the printed total by half a unit per row.

    Bad:
        （整万元表）支出合计 694,773 ｜ 人员 22,997 + 公用 5,382 + 对个人和家庭 2,557 + 项目 663,835
        = 694,771（相差 2 万元，4 行的舍入范围为 2 万元：提示）

    Good:
        支出合计 694,771 ｜ 各项之和 694,771
    """
    return sum_hits(doc, ctx, ("sources", "rows", "tables"), "rounding")
