from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.statement_sums import balance_items
from jixiao.checks.statement_view import figures_of, money, name_of


@rule("M006", "income-total-not-spending-total", "error",
      "{income_name} {income} 与{spending_name} {spending} 不相等，相差 {diff}",
      "total income {income} and total spending {spending} differ by {diff}", scope=DOCUMENT)
def check(doc, ctx):
    """收入总计与支出总计不相等.

    收入支出总表（预算或决算）的两边必须平衡：收入总计包括本年收入和上年结转，支出总计包括本年支出和
    结转下年（年末结转和结余），两者相等。说明里写出的收、支总计不相等，说明有一边漏了结转或写错了数。
    The two sides of an income and spending table must balance.

    Bad:
        2022年度收、支总计各是4125.49，4143.91万元

    Good:
        2023年度收入总计10328.56万元，支出总计10328.56万元
    """
    for income, spending in balance_items(figures_of(doc, ctx)):
        diff = abs((income.amount or 0) - (spending.amount or 0))
        yield hit(income.source, expected=money(spending.amount or 0, income), actual=money(income.amount or 0, income),
                  income_name=name_of(income), spending_name=name_of(spending).removeprefix(f"{spending.year}年"),
                  income=money(income.amount or 0, income), spending=money(spending.amount or 0, spending),
                  diff=money(diff, income))
