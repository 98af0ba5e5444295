from decimal import Decimal

from jixiao.checks.indicators import category_label, live, name_of
from jixiao.checks.rule import hit, rule

HUNDRED = Decimal(100)


@rule("I008", "percent-above-100", "warning",
      "{category}“{name}”的目标“{value}”超过 100%",
      "indicator {name}: target {value} is above 100%")
def check(p, doc, ctx):
    """百分比目标超过 100% (a percentage target above 100% on ≥ or =).

    覆盖率、合格率、满意度这类比率最高就是 100%；目标写“≥120%”要么是笔误，要么把增长率当成了完成率，
    这个目标实际上无法达成或无法评分。
    A rate cannot exceed 100%; such a target is a slip or the wrong measure.

    Bad:
        产出指标 ｜ 质量指标 ｜ 补贴发放准确率 ｜ ≥110%

    Good:
        产出指标 ｜ 质量指标 ｜ 补贴发放准确率 ｜ 100%
    """
    for ind in live(p, ctx):
        t = ind.target
        if t.unit == "%" and t.op in ("≥", ">", "=") and t.value is not None and t.value > HUNDRED:
            yield hit(ind.source, expected="≤ 100%", actual=t.text,
                      category=category_label(ind), name=name_of(ind), value=t.text)
