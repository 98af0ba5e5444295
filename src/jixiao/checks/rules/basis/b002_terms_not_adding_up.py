from jixiao.checks.basis_checks import basis_of, basis_source, fmt_amount, term_gap
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import short


@rule("B002", "terms-not-adding-up", "error",
      "测算依据“{text}”：所列各项相加为 {computed}，不等于写明的 {stated}",
      "basis subtotal {text}: its items add up to {computed}, not {stated}")
def check(p, doc, ctx):
    """测算依据各项之和不等于写明的小计或合计.

    测算依据常在几项之后写“以上合计”“共计”。合计必须等于它所汇总的各项之和，差额只能来自合计
    最后一位的四舍五入。读取时对“合计”汇总哪几项有几种读法，取与合计相符的一种；没有一种相符时，
    报告最接近的一种的差额。
    A stated 合计 must equal the sum of the terms it totals.

    Bad:
        1. 培训费3万元；2. 资料费2万元。以上合计6万元

    Good:
        1. 购买党建学习资料2万；2. 爱国主义教育工作3万。以上合计5万元。
    """
    b = basis_of(p)
    if b is None:
        return
    for term in b["terms"]:
        if term.get("kind") != "total" or len(term.get("factors") or ()) < 2:
            continue
        gap = term_gap(term)
        if gap is not None and gap.wrong:
            yield hit(basis_source(p), expected=fmt_amount(gap.computed, gap.unit), actual=fmt_amount(gap.stated, gap.unit),
                      text=short(gap.text, 40), computed=fmt_amount(gap.computed, gap.unit),
                      stated=fmt_amount(gap.stated, gap.unit))
