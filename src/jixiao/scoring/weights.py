"""Weights (分值): the form's own when it gives them, else the default spread.

Default: 预算执行率 10, 产出 50, 效益 30, 满意度 10, each group's points shared equally by the
indicators present in it; a group with no indicator passes its points to the groups present, in
proportion to their points (no 满意度 → its 10 go to 产出 and 效益). Cents left over by the equal
split go to the first indicators, so the weights always add up exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache

from jixiao.domain.levels import parent_of
from jixiao.domain.model import Indicator

from .formulas import CENT, ZERO, num
from .result import Flag
from .settings import ScoringSettings, settings_label

GROUP_LABELS = {"output": "产出", "outcome": "效益", "satisfaction": "满意度"}


@dataclass(slots=True)
class WeightPlan:
    """The weights to score with, where they came from, and what is wrong with given ones."""

    execution: Decimal
    indicators: list[Decimal]
    source: str  # "given" or "default"
    notes: list[str] = field(default_factory=list)  # per indicator, how its weight was obtained
    summary: str = ""
    flags: list[Flag] = field(default_factory=list)


def group_of(ind: Indicator) -> str:
    """The level-1 group an indicator's weight comes from (成本 counts under 产出)."""
    level1 = ind.level1 or parent_of(ind.level2)
    if level1 == "cost":
        return "output"
    return level1 if level1 in GROUP_LABELS else "output"


def split_evenly(total: Decimal, n: int) -> list[Decimal]:
    """``total`` in ``n`` parts of whole cents that add up exactly (extra cents to the first)."""
    if n <= 0:
        return []
    base = (total / n).quantize(CENT, rounding=ROUND_DOWN)
    extra = int((total - base * n) / CENT)
    return [base + CENT if i < extra else base for i in range(n)]


def _group_points(present: list[str], settings: ScoringSettings,
                  indicator_points: Decimal) -> tuple[dict[str, Decimal], list[str]]:
    levels = settings.level_weights()
    base = sum(levels.values())
    notes = []
    if indicator_points != base and base:
        levels = {g: w * indicator_points / base for g, w in levels.items()}
        notes.append(f"指标共 {num(indicator_points)} 分，各一级指标权重按标准比例缩放")
    missing = [g for g in levels if g not in present and levels[g]]
    keep = {g: levels[g] for g in levels if g in present}
    spare = sum((levels[g] for g in missing), ZERO)
    kept_total = sum(keep.values(), ZERO)
    if spare and kept_total:
        names = "、".join(GROUP_LABELS[g] for g in missing)
        notes.append(f"没有{names}指标，其 {num(spare)} 分按比例并入"
                     + "、".join(GROUP_LABELS[g] for g in keep))
        keep = {g: w + spare * w / kept_total for g, w in keep.items()}
    rounded = {g: w.quantize(CENT) for g, w in keep.items()}
    if rounded:
        first = next(iter(rounded))
        rounded[first] += indicator_points - sum(rounded.values()) if kept_total else ZERO
    return rounded, notes


def default_plan(indicators: list[Indicator], settings: ScoringSettings,
                 execution: Decimal) -> WeightPlan:
    """Default weights spread over the indicators present, explained."""
    weights, per, summary = _default_spread(tuple(group_of(i) for i in indicators), settings, execution)
    return WeightPlan(execution, list(weights), "default", list(per), summary)


@lru_cache(maxsize=4096)
def _default_spread(groups: tuple[str, ...], settings: ScoringSettings,
                    execution: Decimal) -> tuple[tuple[Decimal, ...], tuple[str, ...], str]:
    # Depends only on which groups the indicators are in: computed once per shape.
    present = list(dict.fromkeys(groups))
    points, notes = _group_points(present, settings, 100 - execution)
    weights: list[Decimal] = [ZERO] * len(groups)
    per: list[str] = [""] * len(groups)
    for g, total in points.items():
        idx = [k for k, gg in enumerate(groups) if gg == g]
        for k, w in zip(idx, split_evenly(total, len(idx))):
            weights[k] = w
            per[k] = f"默认权重：{GROUP_LABELS[g]}指标共 {num(total)} 分，平均分给 {len(idx)} 个指标"
    parts = "，".join(f"{GROUP_LABELS[g]} {num(p)}" for g, p in points.items())
    summary = (f"表中没有分值，按默认权重（{settings_label(settings.name)}）：预算执行率 {num(execution)}，{parts}"
               + ("；" + "；".join(notes) if notes else ""))
    return tuple(weights), tuple(per), summary


def given_plan(indicators: list[Indicator], settings: ScoringSettings, execution: Decimal,
               execution_given: bool) -> WeightPlan:
    """The form's own weights, used as given and checked (> 0, sum 100, level sums)."""
    weights = [i.weight for i in indicators]
    flags = []
    for ind, w in zip(indicators, weights):
        if w <= 0:
            flags.append(Flag("weight_not_positive", f"指标分值 {num(w)} 不大于 0", ind.name, "error"))
    total = execution + sum(weights, ZERO)
    if total > 100:
        flags.append(Flag("weights_over_100", f"执行率分值 {num(execution)} 与指标分值之和为 {num(total)}，超过 100", "weights", "error"))
    elif total < 100:
        flags.append(Flag("weights_under_100", f"执行率分值 {num(execution)} 与指标分值之和为 {num(total)}，不足 100", "weights", "error"))
    else:
        flags.extend(_level_flags(indicators, weights, settings, execution))
    source = "表中给出" if execution_given else settings_label(settings.name)
    summary = f"按表中分值评分；预算执行率 {num(execution)} 分（{source}），指标分值合计 {num(sum(weights, ZERO))}"
    return WeightPlan(execution, weights, "given", ["表中分值"] * len(indicators), summary, flags)


def _level_flags(indicators, weights, settings: ScoringSettings, execution: Decimal) -> list[Flag]:
    if execution != settings.execution_weight:
        return []
    sums: dict[str, Decimal] = {}
    for ind, w in zip(indicators, weights):
        sums[group_of(ind)] = sums.get(group_of(ind), ZERO) + w
    expected = settings.level_weights()
    if set(sums) != {g for g, w in expected.items() if w}:
        return []  # a missing group moves its points; no fixed level sums to compare
    wrong = [f"{GROUP_LABELS[g]} {num(sums[g])}（应为 {num(expected[g])}）" for g in sums if sums[g] != expected[g]]
    if not wrong:
        return []
    return [Flag("level_weights_differ", "一级指标分值之和与标准不同：" + "，".join(wrong) +
                 "", "weights", "note")]


def plan(indicators: list[Indicator], settings: ScoringSettings,
         execution_given: Decimal | None = None) -> WeightPlan:
    """Given weights when every indicator has one, else the defaults (and say why)."""
    execution = execution_given if execution_given is not None else settings.execution_weight
    have = [i.weight is not None for i in indicators]
    if indicators and all(have):
        return given_plan(indicators, settings, execution, execution_given is not None)
    result = default_plan(indicators, settings, execution)
    if any(have):
        result.flags.append(Flag("weights_partial", "部分指标没有分值，全部按默认权重评分", "weights", "warning"))
    return result
