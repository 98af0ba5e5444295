from decimal import Decimal, InvalidOperation

from jixiao.checks.amounts import in_unit
from jixiao.checks.rule import hit, rule
from jixiao.checks.units import LABELS, implausible, other_unit

FIELDS = (("budget", "本年度项目金额", "the amount"), ("multi_year", "项目总金额", "the whole-life amount"))


def _amounts(p):
    yield FIELDS[0], p.budget.total
    multi = p.details.get("multi_year")
    try:
        yield FIELDS[1], Decimal(str(multi)) if multi not in (None, "") else None
    except InvalidOperation:
        return


@rule("U002", "implausible-amount", "warning",
      "{field} {value} {unit} 在这个单位下不合常理（{why}）：单位疑为“{likely}”",
      "{field_en} {value} {unit} is implausible in this unit: probably {likely}")
def check(p, doc, ctx):
    """金额大小在所写单位下不合常理.

    一个部门的单个项目以万元计达到 100 亿元以上，或以元计不足 100 元，几乎总是单位写错了：前者是把
    元填进了万元栏，后者反之。没有测算依据可对照时只能凭量级判断，所以是警告。
    Without a basis to compare with, the magnitude alone says a unit is probably wrong.

    Bad:
        项目总金额（中期规划，万元）：3,680,000.00（即 368 亿元）

    Good:
        项目总金额（中期规划，万元）：368.00
    """
    u = p.money_unit
    for (key, label, label_en), amount in _amounts(p):
        if implausible(amount, u):
            why = "达 100 亿元以上" if u == "wan_yuan" else "不足 100 元"
            shown = f"{in_unit(amount, u):,.2f}"
            yield hit(p.source, expected=f"单位为{LABELS[other_unit(u)]}", actual=f"{shown} {LABELS.get(u, u)}",
                      field=label, field_en=label_en, value=shown, unit=LABELS.get(u, u),
                      why=why, likely=LABELS[other_unit(u)])
