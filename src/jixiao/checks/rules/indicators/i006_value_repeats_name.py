from jixiao.checks.indicators import NAMED_KINDS, category_label, live, name_of
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import comparable


@rule("I006", "value-repeats-name", "warning",
      "{category}“{name}”的指标值只是重复了指标名称",
      "indicator {name}: the value repeats the name", kinds=NAMED_KINDS)
def check(p, doc, ctx):
    """指标值重复指标名称.

    指标值一栏照抄三级指标名称，等于没有给出目标值。只适用于名称和指标值分两栏填写的表
    （申报表、目标表、单项目自评表）。
    A value that copies the name states no target.

    Bad:
        产出指标 ｜ *时效指标 ｜ 1年 ｜ 1年

    Good:
        产出指标 ｜ *时效指标 ｜ 补贴发放完成时间 ｜ 2025年12月31日前
    """
    for ind in live(p, ctx):
        n, v = comparable(ind.name), comparable(ind.target.text)
        if n and v and n == v:
            yield hit(ind.source, expected="与名称不同的目标值", actual=ind.target.text,
                      category=category_label(ind), name=name_of(ind))
