"""Audit a form's own figures (执行率, 得分, 总分, 等级) against the engine's.

Every difference becomes a flag naming its likely cause: a rate rounded the wrong way or taken
from the 年初预算数, an execution score floored to a whole number, an indicator docked although its
target was met and no reason given, weights over 100, a total that is not the sum of its rows, a
weight applied twice. A form whose figures all agree gets no flag.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_FLOOR, ROUND_UP, Decimal

from jixiao.domain.labels import flag_names
from jixiao.domain.model import Indicator, Project

from .formulas import CENT, ONE, ZERO, num, q2
from .grades import grade_of
from .result import Flag, IndicatorScore, ProjectScore
from .settings import ScoringSettings

_EXECUTION_AS_INDICATOR = re.compile(r"(预算|资金|支出)(执行|支出)率|执行率")
_NO_REASON = ("", "无", "/", "-", "—")


def _has_reason(ind: Indicator) -> bool:
    return (ind.deviation_reason or "").strip() not in _NO_REASON


def rate_flags(project: Project, score: ProjectScore) -> list[Flag]:
    """The stated 执行率 against actual ÷ full-year budget."""
    stated, ex = project.execution_rate, score.execution
    if stated is None or ex.rate is None or stated == ex.rate:
        return []
    exact = ex.rate_exact
    if stated in (exact.quantize(CENT, ROUND_DOWN), exact.quantize(CENT, ROUND_UP)):
        return [Flag("rate_rounding", f"表中执行率 {num(stated)}% 与 {num(q2(exact))}% 不同：实际比值为 "
                     f"{exact:.4f}%，应四舍五入到两位小数，表中舍入方向有误",
                     "execution", "note")]
    initial = project.budget_initial.total if project.budget_initial else None
    if initial and ex.actual is not None and q2(ex.actual / initial * 100) == stated:
        return [Flag("rate_initial_budget", f"表中执行率 {num(stated)}% 是按年初预算数计算的；应按全年预算数"
                     f"（含上年结转）计算，为 {num(ex.rate)}%", "execution", "error")]
    return [Flag("rate_mismatch", f"表中执行率 {num(stated)}% 与全年执行数 ÷ 全年预算数 = {num(ex.rate)}% 不符", "execution", "error")]


def execution_score_flags(project: Project, score: ProjectScore) -> list[Flag]:
    """The stated 执行率得分 against weight × min(rate, 100%)."""
    stated, ex = project.stated_scores.get("execution_score"), score.execution
    if stated is None or stated == ex.score:
        return []
    if stated == ex.score.to_integral_value(ROUND_FLOOR) and stated != ex.score:
        return [Flag("execution_score_floored", f"表中执行率得分 {num(stated)} 是把 {num(ex.score)} 取整（舍去小数）"
                     "的结果，应保留两位小数", "execution", "error")]
    rate = project.execution_rate
    if rate is not None and stated == q2(ex.weight * min(rate, Decimal(100)) / 100):
        return [Flag("execution_score_from_stated_rate", f"表中执行率得分 {num(stated)} 与表中执行率 {num(rate)}% "
                     f"一致，差异来自执行率本身（应为 {num(ex.score)}）", "execution", "warning")]
    return [Flag("execution_score_mismatch", f"表中执行率得分 {num(stated)} 与 {num(ex.weight)} × "
                 f"{num(min(ex.rate, Decimal(100)))}% = {num(ex.score)} 不符", "execution", "error")]


def _indicator_flag(ind: Indicator, r: IndicatorScore) -> Flag | None:
    s, e, w = ind.score, r.score, r.weight
    if s == e:
        if s < w and not _has_reason(ind):
            return Flag("deviation_reason_missing", f"得分 {num(s)} 低于分值 {num(w)}，表中未填写偏差原因分析及改进措施", r.name, "note")
        return None
    if s > w and w > 0:
        if s in (2 * e, e + w, 2 * w):
            return Flag("weight_applied_twice", f"得分 {num(s)} 超过分值 {num(w)}，约为应得 {num(e)} 分的两倍或加了一次分值："
                        "分值被重复计算", r.name, "error")
        return Flag("indicator_score_over_weight", f"得分 {num(s)} 超过分值 {num(w)}", r.name, "error")
    if r.fraction == ONE and s < e:
        if not _has_reason(ind):
            return Flag("docked_without_reason", f"目标已完成（应得 {num(e)} 分），表中却扣为 {num(s)} 分，且未说明原因", r.name, "error")
        return Flag("docked_with_reason", f"目标已完成（应得 {num(e)} 分），表中扣为 {num(s)} 分，理由："
                    f"「{ind.deviation_reason.strip()}」，请人工复核", r.name, "note")
    if s == w and r.fraction < ONE:
        return Flag("full_score_target_not_met", f"目标未完成（按公式应得 {num(e)} 分），表中却给满分 {num(s)}", r.name, "warning")
    return _score_differs(ind, r)


def _score_differs(ind: Indicator, r: IndicatorScore) -> Flag:
    s, e, w = ind.score, r.score, r.weight
    if s == e.to_integral_value(ROUND_FLOOR):
        return Flag("indicator_score_floored", f"得分 {num(s)} 是把 {num(e)} 取整（舍去小数）的结果",
                    r.name, "warning")
    if r.method == "qualitative" and w > 0 and _same_band(s / w, r.fraction):
        return Flag("indicator_score_in_band", f"表中得分 {num(s)} 与本系统 {num(e)} 在同一完成档内，取点不同", r.name, "note")
    return Flag("indicator_score_mismatch", f"表中得分 {num(s)} 与按公式计算的 {num(e)} 不同",
                r.name, "warning")


def _same_band(a: Decimal, b: Decimal) -> bool:
    def band(x: Decimal) -> int:
        return 2 if x >= Decimal("0.8") else 1 if x >= Decimal("0.6") else 0
    return band(a) == band(b)


def indicator_flags(project: Project, score: ProjectScore) -> list[Flag]:
    """Each stated 得分 against the engine's, and execution scored a second time as an indicator."""
    flags = []
    for ind, r in zip(project.indicators, score.indicators):
        if r.method != "not_applicable" and _EXECUTION_AS_INDICATOR.search(ind.name or ""):
            flags.append(Flag("weight_applied_twice", f"预算执行率已单独计分（{num(score.execution.weight)} 分），"
                              f"又作为指标「{ind.name}」计 {num(r.weight)} 分：分值重复计算",
                              r.name, "error"))
        if ind.score is not None and r.method != "not_applicable":
            flag = _indicator_flag(ind, r)
            if flag is not None:
                flags.append(flag)
    return flags


def total_flags(project: Project, score: ProjectScore, earlier: list[Flag]) -> list[Flag]:
    """The stated 总分 against the sum of the form's own rows and against the engine's total."""
    stated = project.stated_scores.get("total")
    if stated is None:
        return []
    flags = []
    ex = project.stated_scores.get("execution_score", score.execution.score)
    rows = ex + sum((ind.score if ind.score is not None else r.score
                     for ind, r in zip(project.indicators, score.indicators)), ZERO)
    if stated == rows + ex and ex:
        flags.append(Flag("weight_applied_twice", f"总分 {num(stated)} 把执行率得分 {num(ex)} 计算了两次（各行之和为 "
                          f"{num(rows)}）", "total", "error"))
    elif stated != rows:
        flags.append(Flag("total_not_sum", f"总分 {num(stated)} 不等于执行率得分与各指标得分之和 {num(rows)}", "total", "error"))
    if stated > 100:
        flags.append(Flag("total_over_100", f"总分 {num(stated)} 超过 100", "total", "error"))
    if stated != score.total and not flags:
        causes = flag_names(dict.fromkeys(f.code for f in earlier)) or "原因不明"
        flags.append(Flag("total_differs", f"表中总分 {num(stated)} 与本系统 {num(score.total)} 不同，源于：{causes}", "total", "note" if earlier else "warning"))
    return flags


def grade_flags(project: Project, score: ProjectScore, settings: ScoringSettings) -> list[Flag]:
    """The stated 等级 against its own total and against the engine's grade."""
    stated = project.details.get("grade")
    if not stated:
        return []
    total = project.stated_scores.get("total")
    if total is not None and stated != grade_of(total, settings):
        return [Flag("grade_not_matching_total", f"表中等级“{stated}”与表中总分 {num(total)} 不符（应为"
                     f"“{grade_of(total, settings)}”）", "grade", "error")]
    if stated != score.grade:
        return [Flag("grade_differs", f"表中等级“{stated}”与本系统“{score.grade}”不同，源于总分差异", "grade", "note")]
    return []


def audit(project: Project, score: ProjectScore, settings: ScoringSettings) -> list[Flag]:
    """All audit flags for a project whose form states its own figures."""
    flags = rate_flags(project, score) + execution_score_flags(project, score)
    flags += indicator_flags(project, score)
    earlier = [f for f in score.flags + flags if f.code in _CAUSES]
    flags += total_flags(project, score, earlier)
    flags += grade_flags(project, score, settings)
    return flags


_CAUSES = {"rate_rounding", "rate_initial_budget", "rate_mismatch", "execution_score_floored",
           "execution_score_from_stated_rate", "execution_score_mismatch", "weights_over_100",
           "weights_under_100", "weight_not_positive", "weight_applied_twice", "docked_without_reason",
           "docked_with_reason", "indicator_score_over_weight", "indicator_score_floored",
           "indicator_score_in_band", "indicator_score_mismatch", "full_score_target_not_met"}
