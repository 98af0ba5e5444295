from jixiao.checks.indicators import EXECUTION_WORDS, category_label, live, name_of
from jixiao.checks.rule import hit, rule


@rule("I010", "restates-budget-execution", "warning",
      "{category}“{name}”重复了预算执行率（“{word}”已单独计分）",
      "indicator {name} restates budget execution ({word}), which is scored on its own")
def check(p, doc, ctx):
    """指标重复预算执行率.

    预算执行率在自评中单独计分（默认 10 分）。再设“成本控制率 ≤100%”“资金支出率 100%”这样的指标，
    同一件事算了两次分，也没有说明产出和效果。
    Budget execution is scored on its own; an indicator restating it counts it twice.

    Bad:
        产出指标 ｜ *成本指标 ｜ 成本控制率 ｜ ≤100%

    Good:
        产出指标 ｜ *成本指标 ｜ 人均见习补贴标准 ｜ ≤2360元/月
    """
    for ind in live(p, ctx):
        text = f"{ind.name}{ind.target.text}"
        word = next((w for w in EXECUTION_WORDS if w in text), None)
        if word:
            yield hit(ind.source, expected="反映产出或效果的指标", actual=f"{ind.name}：{ind.target.text}",
                      category=category_label(ind), name=name_of(ind), word=word)
