from jixiao.checks.indicators import level1_of, live
from jixiao.checks.rule import hit, rule


def _mentions_satisfaction(ind) -> bool:
    """A satisfaction measure filed under another category still counts (wide tables shift cells)."""
    actual = ind.actual.text if ind.actual is not None else ""
    return "满意" in ind.name or "满意" in ind.target.text or "满意" in actual


@rule("I003", "no-satisfaction-indicator", "warning",
      "绩效指标中没有满意度指标",
      "the target table has no satisfaction indicator")
def check(p, doc, ctx):
    """没有满意度指标.

    面向服务对象的项目一般要设服务对象满意度指标；没有满意度指标时，评分把这部分分值移给产出和
    效益指标。这是实务中的提醒，不是错误：内部保障类项目可以没有满意度指标。
    Without a satisfaction indicator its weight moves to output and outcome; a reminder, not an error.

    Bad:
        产出指标 …… ｜ 效益指标 ……（没有满意度指标）

    Good:
        满意度指标 ｜ 服务对象满意度指标 ｜ 培训学员满意度 ≥90%
    """
    inds = live(p, ctx)
    if not inds or any(level1_of(i) == "satisfaction" for i in inds) \
            or any(_mentions_satisfaction(i) for i in p.indicators):
        return ()
    return (hit(p.source, expected="满意度指标", actual="（无）"),)
