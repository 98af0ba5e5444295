from jixiao.checks.amounts import in_unit
from jixiao.checks.basis_checks import basis_of, basis_total
from jixiao.checks.rule import hit, rule
from jixiao.checks.units import LABELS, other_unit, unit_slip


@rule("U001", "amount-in-other-unit", "error",
      "{field}写为 {value} {unit}，而测算依据合计为 {basis} 元，相差约一万倍：金额单位疑为“{likely}”",
      "{field_en} {value} {unit} is about 10,000× its basis ({basis} 元): the unit is probably {likely}")
def check(p, doc, ctx):
    """金额只有换成另一种单位才说得通.

    表头写“万元”，填的却是元（或反过来），金额就差一万倍。测算依据是最直接的对照：依据合计 5 万元，
    而“本年度项目金额（万元）”填了 50,000，显然是把 50,000 元填进了万元栏。金额按原样保存，
    由复核人员更正。
    A 万元 column holding yuan is 10,000× off; the basis shows it.

    Bad:
        本年度项目金额（万元）：50,000.00 ｜ 测算依据：复印机 2台*1.5万元/台=3万元；消防检测 2万元

    Good:
        本年度项目金额（万元）：5.00 ｜ 测算依据：复印机 2台*1.5万元/台=3万元；消防检测 2万元
    """
    b = basis_of(p)
    amount = p.budget.total
    if b is None or amount is None:
        return ()
    total, _ = basis_total(b)
    if not unit_slip(amount, total):
        return ()
    u = p.money_unit
    return (hit(p.source, expected=f"单位为{LABELS[other_unit(u)]}", actual=f"单位为{LABELS.get(u, u)}",
                field="本年度项目金额", field_en="the amount", value=f"{in_unit(amount, u):,.2f}",
                unit=LABELS.get(u, u), basis=f"{total:,.2f}", likely=LABELS[other_unit(u)]),)
