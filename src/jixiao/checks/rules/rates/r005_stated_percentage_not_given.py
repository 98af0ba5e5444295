from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.statement_rates import rate_items
from jixiao.checks.statement_view import figures_of, name_of


@rule("R005", "stated-percentage-not-given", "error",
      "{name}{what}写为 {stated}%，按所列金额 {working} 应为 {computed}%",
      "{what} stated as {stated}%, the amounts give {computed}% ({working})", scope=DOCUMENT)
def check(doc, ctx):
    """说明中的百分比与所列金额不符.

    预算、决算说明写出的占比（占 19.4%）、增减幅度（增长 168.7%）和完成率（完成预算的 73.2%）都由同一
    段落里的金额算出：占比 = 该项 ÷ 合计，增幅 = 增减额 ÷ 上年数（本年数减去增减额），完成率 = 决算数 ÷
    预算数。按印出金额的舍入和百分比的位数仍算不出所写的数，说明百分比或金额有一个写错，或者用错了
    基数（如用本年数而不是上年数作分母）。
    A share, growth or completion rate must follow from the amounts printed with it.

    Bad:
        “三公”经费支出预算为3万元，支出决算为1.71万元，完成预算的43%（1.71 ÷ 3 = 57%）

    Good:
        “三公”经费支出决算为62.07万元，完成全年预算84.82万元的73.2%
    """
    for item in rate_items(figures_of(doc, ctx)):
        f = item.figure
        yield hit(f.source, expected=f"{item.computed}%", actual=f"{abs(f.value)}%", name=name_of(f, change=False),
                  what=item.what, stated=abs(f.value), computed=item.computed, working=item.working)
