from jixiao.checks.indicators import COST_LEVEL2, MONEY_UNITS, category_label, live, name_of
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import short

# Categories where an amount of money is a fitting value.
MONEY_FITS = COST_LEVEL2 | {"economic"}


@rule("I011", "value-kind-not-fitting", "warning",
      "{category}“{name}”的指标值是金额（{value}），不属于{category}",
      "indicator {name}: an amount of money ({value}) does not measure {category}")
def check(p, doc, ctx):
    """指标值的类型与指标类别不符.

    投入的资金不是绩效目标。质量指标应是合格率、达标率，时效指标应是时限，满意度指标应是满意度；
    在这些类别下写一笔金额，说明把预算当成了目标。金额只适合成本指标和经济效益指标。
    Money put in is not a performance target; amounts fit only cost and economic-benefit categories.

    Bad:
        产出指标 ｜ *质量指标 ｜ 产业园扶持补贴 ｜ 655.36万元

    Good:
        产出指标 ｜ *质量指标 ｜ 扶持补贴发放准确率 ｜ 100%
    """
    for ind in live(p, ctx):
        t = ind.target
        if t.value is None or t.unit not in MONEY_UNITS or ind.level2 in MONEY_FITS:
            continue
        if ind.level2 is None and ind.level1 in ("cost", None):
            continue
        value = f"{t.value.normalize():f}{t.unit}"
        yield hit(ind.source, expected="与类别相符的计量（如 %、人、天）", actual=short(t.text, 60),
                  category=category_label(ind), name=name_of(ind), value=value)
