from jixiao.checks.indicators import level1_of, live
from jixiao.checks.rule import hit, rule

GROUPS = {"output": "产出指标", "outcome": "效益指标"}
DETAILS = {"output": "（数量、质量、时效或成本）", "outcome": "（经济、社会、生态效益或可持续影响；满意度不算效益）"}


@rule("I002", "no-output-or-outcome", "warning",
      "绩效指标中没有{group}{detail}",
      "the target table has no {group_en} indicator")
def check(p, doc, ctx):
    """没有产出指标或效益指标.

    一张绩效目标表至少要有一个产出指标（做了什么、做了多少）和一个效益指标（带来了什么效果）。
    缺了其中之一，项目就没有可评价的绩效目标，自评和评价都无从打分。
    A target table needs at least one 产出 and one 效益 indicator. A defect of the targets, not a
    contradiction in the numbers, so a warning; re-grade it to error in the settings if you wish.

    Bad:
        产出指标 ｜ 数量指标 ｜ 培训人数 ≥100人（没有任何效益指标）

    Good:
        产出指标 ｜ 数量指标 ｜ 培训人数 ≥100人 ｜ 效益指标 ｜ 社会效益指标 ｜ 就业率 ≥90%
    """
    inds = live(p, ctx)
    if not inds:
        return ()
    groups = {level1_of(i) for i in inds}
    return tuple(hit(p.source, expected=name, actual="（无）", group=name, group_en=code, detail=DETAILS[code])
                 for code, name in GROUPS.items() if code not in groups)
