from jixiao.checks.indicators import COST_LEVEL2, EXECUTION_WORDS, category_label, live, name_of
from jixiao.checks.rule import hit, rule


@rule("I009", "cost-with-at-least", "warning",
      "成本指标“{name}”用了“{op}”：成本应是上限（≤）",
      "cost indicator {name} uses {op}; a cost is a ceiling (≤)")
def check(p, doc, ctx):
    """成本指标写成“不低于” (a cost indicator with ≥).

    成本指标控制的是花多少钱，是一个上限，应写“≤”。写成“≥”等于鼓励多花钱，评分时也会把超支算作
    超额完成。
    A cost is a ceiling; ≥ rewards spending more.

    Bad:
        产出指标 ｜ 成本指标 ｜ 人均培训成本 ｜ ≥2000元/人

    Good:
        产出指标 ｜ 成本指标 ｜ 人均培训成本 ｜ ≤2000元/人
    """
    for ind in live(p, ctx):
        if ind.target.op not in ("≥", ">"):
            continue
        is_cost = ind.level2 in COST_LEVEL2 or (ind.level1 == "cost" and ind.level2 is None)
        if is_cost and not any(w in ind.name for w in EXECUTION_WORDS):  # I010 reports those
            yield hit(ind.source, expected="≤", actual=ind.target.text, category=category_label(ind),
                      name=name_of(ind), op=ind.target.op)
