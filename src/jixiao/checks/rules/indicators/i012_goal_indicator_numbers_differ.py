from rapidfuzz import fuzz

from jixiao.checks.quantities import mentions
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import short

SIMILAR = 85


def _same_subject(a: str, b: str) -> bool:
    """Two subjects name the same thing: equal, one ending the other, or nearly equal."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)):
        return True
    return fuzz.ratio(a, b) >= SIMILAR


def _fmt(m) -> str:
    return f"{m.key}{m.value.normalize():f}{m.unit}"


@rule("I012", "goal-indicator-numbers-differ", "warning",
      "绩效目标写“{goal}”，指标“{name}”却写“{indicator}”",
      "the goal states {goal} but the indicator states {indicator}")
def check(p, doc, ctx):
    """绩效目标与指标对同一件事写了不同的数.

    绩效目标中的数量（培训人次、场次、满意度……）应与对应指标的指标值一致。同一事项、同一计量单位
    却写了两个数，说明其中一处没有随调整而更新，评分时不知道以哪个为准。
    The goal text and the indicator must agree on the number for the same subject and unit.

    Bad:
        年度目标：开展100场社区教育公益培训 ｜ 指标：社区教育公益培训 ≥80场

    Good:
        年度目标：开展100场社区教育公益培训 ｜ 指标：社区教育公益培训 ≥100场
    """
    goal = mentions(p.goal)
    if not goal:
        return
    targets = [(ind, m) for ind in p.indicators for m in mentions(ind.target.text)]
    for g in goal:
        same = [(ind, m) for ind, m in targets if m.unit == g.unit and _same_subject(m.key, g.key)]
        if same and all(m.value != g.value for _, m in same):
            ind, m = same[0]
            yield hit(ind.source, expected=_fmt(g), actual=_fmt(m), goal=_fmt(g), indicator=_fmt(m),
                      name=short(ind.name, 30))
