from decimal import ROUND_HALF_UP, Decimal

from jixiao.checks.printed_figures import disagreements
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.statement_view import money
from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.figure_math import MONEY_FACTORS


@rule("M007", "figure-not-as-table", "error",
      "正文写“{label}”{stated}，“{table}”中“{line}”（{code}）为 {printed}，相差 {diff}",
      "the text says {stated} for {label}, the table {table} prints {printed} (off by {diff})", scope=DOCUMENT)
def check(doc, ctx):
    """正文所写的科目金额与表中该科目不符.

    部门预算、决算的说明逐项写出各功能科目的金额（某某支出（类）某某（款）某某（项）多少万元），
    这些数就印在一般公共预算支出表等表中该科目一行的合计栏。正文只印到 0.01 万元，差一个末位以内
    （四舍五入或截尾）不算不符；相差更多就是正文或表格有一处写错了。
    A figure the narrative gives for a 类/款/项 must be the table line of that code.

    Bad:
        社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）887.36万元
        ｜ 表中 2080506 机关事业单位职业年金缴费支出 873,617.00 元

    Good:
        住房保障支出（类）住房改革支出（款）住房公积金（项）204.91万元 ｜ 表中 2210201 住房公积金 2,049,197.00 元
    """
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    for figure, line in disagreements(budget):
        step = MONEY_FACTORS.get(figure.measure_unit, Decimal(1)) * Decimal(1).scaleb(figure.value.as_tuple().exponent)
        diff = (abs(figure.amount - line.amount) / step).quantize(Decimal(1), ROUND_HALF_UP) * step
        yield hit(figure.source, expected=money(line.amount, figure), actual=money(figure.amount, figure),
                  label=figure.label, stated=money(figure.amount, figure), table=line.table_title,
                  line=line.label, code=line.function_code, printed=f"{line.stated_amount:,} {_word(line)}",
                  diff=money(diff, figure))


def _word(line) -> str:
    return "万元" if line.money_unit == "wan_yuan" else "元"
