"""Facts about indicators that several indicator rules share."""

from __future__ import annotations

from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES, parent_of
from jixiao.domain.model import Indicator, Project
from jixiao.domain.text import compact

from .texts import is_not_applicable

MONEY_UNITS = frozenset({"万元", "元", "亿元"})
COST_LEVEL2 = frozenset({"cost", "economic_cost", "social_cost", "ecological_cost"})
# Words of vague targets with no standard to judge them by (rules.md §3).
VAGUE_WORDS = ("提高", "提升", "加强", "显著", "有效", "良好", "明显", "促进", "改善", "增强", "较好",
               "积极", "稳步", "进一步", "持续", "不断", "较大", "支撑")
# Indicators that restate budget execution, which is scored on its own.
EXECUTION_WORDS = ("预算执行率", "资金支出率", "成本控制率", "资金执行率", "预算支出率", "支出进度",
                   "资金使用率", "预算完成率", "资金拨付率", "执行进度")
# Seq-independent forms that state the name (三级指标) apart from the value.
NAMED_KINDS = frozenset({"self_evaluation_form", "target_declaration", "target_list", "department_budget"})


def live(p: Project, ctx) -> list[Indicator]:
    """The project's indicators other than rows marked 不适用.

    Every indicator rule asks, so the answer is worked out once per project and run.
    """
    key = ("live", id(p))
    out = ctx.cache.get(key)
    if out is None:
        out = ctx.cache[key] = [i for i in p.indicators if not is_not_applicable(i.target.text)]
    return out


def level1_of(ind: Indicator) -> str | None:
    """The indicator's level-1 group, from level 1 or else from its level 2."""
    return ind.level1 or parent_of(ind.level2)


def category_label(ind: Indicator) -> str:
    """The category as the form wrote it, else its standard Chinese name."""
    return (ind.level2_text or LEVEL2_NAMES.get(ind.level2 or "")
            or ind.level1_text or LEVEL1_NAMES.get(ind.level1 or "") or "未分类")


def name_of(ind: Indicator, limit: int = 30) -> str:
    """The indicator's name for a message."""
    n = compact(ind.name or ind.target.text or "")
    return n if len(n) <= limit else n[:limit] + "…"
