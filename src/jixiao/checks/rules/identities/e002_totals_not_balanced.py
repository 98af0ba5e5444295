from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.table_sums import labelled, money_text, rounding, table_lines
from jixiao.domain.budget import DepartmentBudget

_TABLES = ("income_spending", "fiscal_income_spending")
_GRAND = ("总计", "收入总计", "支出总计", "收入总计合计", "支出总计合计")


@rule("E002", "totals-not-balanced", "error",
      "“{table}”收入总计 {income}，支出总计 {spending}，收支不平衡",
      "the income total {income} is not the spending total {spending}", scope=DOCUMENT)
def check(doc, ctx):
    """收支总表的收入总计不等于支出总计.

    收支总表、财政拨款收支总表是平衡表：收入总计（本年收入加上年结转结余）必须等于支出总计
    （本年支出加结余分配和年末结转结余）。两者不等，表中必有一处抄错或漏列。
    The income grand total of a 收支总表 must equal its spending grand total.

    Bad:
        收入总计 2,995.39 ｜ 支出总计 2,985.39

    Good:
        收入总计 2,995.39 ｜ 支出总计 2,995.39
    """
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    for key in _TABLES:
        by_table: dict = {}
        for b in labelled(table_lines(budget, key), *_GRAND):
            by_table.setdefault((b.table_title, b.unit), []).append(b)
        for (title, _unit), lines in by_table.items():
            income = [b for b in lines if "收入" in (b.column or "") + b.label]
            spending = [b for b in lines if "支出" in (b.column or "") + b.label]
            if not income or not spending:
                continue
            first = income[0]
            if any(abs(s.amount - first.amount) <= rounding([first, s]) for s in spending):
                continue
            widest = max(spending, key=lambda s: s.amount)
            yield hit(first.source, expected=money_text(widest.amount, first), actual=money_text(first.amount, first),
                      table=title or first.table, income=money_text(first.amount, first),
                      spending=money_text(widest.amount, first))
