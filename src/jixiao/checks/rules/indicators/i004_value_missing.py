from jixiao.checks.indicators import category_label, live, name_of
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import is_empty_value, short


@rule("I004", "value-missing", "warning",
      "{category}“{name}”没有指标值（{value}）",
      "indicator {name} has no target value")
def check(p, doc, ctx):
    """指标值缺失或为占位符.

    每个指标都要有年度指标值，否则无法判断是否完成。空白、“/”、“无”、“待定”都等于没有填写。
    Every indicator needs a target value; blank, /, 无 and 待定 are not values.

    Bad:
        产出指标 ｜ 数量指标 ｜ 培训人数 ｜ /

    Good:
        产出指标 ｜ 数量指标 ｜ 培训人数 ｜ ≥100人
    """
    for ind in live(p, ctx):
        if is_empty_value(ind.target.text) and ind.name:
            yield hit(ind.source, expected="年度指标值", actual=short(ind.target.text) or "（空）",
                      category=category_label(ind), name=name_of(ind),
                      value=f"写为“{short(ind.target.text)}”" if ind.target.text.strip() else "空白")
