from jixiao.checks.basis_checks import basis_of, basis_source, fmt_amount, term_gap
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import short


@rule("B001", "term-arithmetic-wrong", "error",
      "测算依据“{text}”算得 {computed}，与写明的 {stated} 不符（相差 {diff}）",
      "basis term {text}: the factors give {computed}, not the stated {stated}")
def check(p, doc, ctx):
    """测算依据中一项的乘积（或加总）算错 (a 测算依据 term whose product is wrong).

    测算依据把预算金额拆成“单价 × 数量 = 金额”的算式。等号右边写的金额必须等于左边各因子相乘（或
    相加）的结果；允许的差额只有所写金额最后一位的四舍五入（“≈23.07万元”）。算错的算式说明预算
    金额本身可能是错的。
    Each ``price*quantity=amount`` term must compute to its stated result, up to its last digit.

    Bad:
        小微企业社保补贴500元*12个月*约1056人=6331788.36元（500×12×1056 = 6,336,000 元）

    Good:
        就业见习补贴2360*12个月*120人=339.84万元
    """
    b = basis_of(p)
    if b is None:
        return
    for term in b["terms"]:
        if term.get("kind") not in ("product", "sum"):
            continue
        gap = term_gap(term)
        if gap is not None and gap.wrong:
            yield hit(basis_source(p), expected=fmt_amount(gap.computed, gap.unit), actual=fmt_amount(gap.stated, gap.unit),
                      text=short(gap.text, 60), computed=fmt_amount(gap.computed, gap.unit),
                      stated=fmt_amount(gap.stated, gap.unit), diff=fmt_amount(abs(gap.stated - gap.computed), gap.unit))
