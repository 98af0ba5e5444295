"""Mid-year monitoring (绩效运行监控): spending progress and target progress against time elapsed.

Progress ratio = execution rate ÷ (month ÷ 12). Light: red below 60%, yellow from 60% to below
80%, green from 80% (settings ``monitoring.red_below`` / ``green_from``; no national threshold).
Per indicator: completion to date ÷ annual target, judged the same way; a ceiling (≤) is red once
exceeded. Qualitative indicators get no light: their progress is a judgement, not a ratio.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.targets import TargetValue

from .formulas import num, q2
from .settings import NATIONAL, ScoringSettings, setting_words

HUNDRED = Decimal(100)
LIGHT_LABELS = {"red": "红灯", "yellow": "黄灯", "green": "绿灯"}


@dataclass(slots=True)
class Progress:
    """A progress figure with its light and explanation."""

    progress: Decimal | None  # percentage done (spent, or of the target)
    elapsed: Decimal  # percentage of the year gone
    ratio: Decimal | None  # progress ÷ elapsed, percentage
    light: str | None  # "red", "yellow", "green" or None
    explanation: str


def elapsed_share(month: int) -> Decimal:
    """Share of the year gone at the end of ``month``, as a percentage."""
    return q2(Decimal(month) * HUNDRED / 12)


def light_of(ratio: Decimal, settings: ScoringSettings = NATIONAL) -> str:
    """red / yellow / green for a progress ratio (percentage)."""
    if ratio < settings.monitoring_red_below:
        return "red"
    if ratio < settings.monitoring_green_from:
        return "yellow"
    return "green"


def _thresholds(s: ScoringSettings) -> str:
    return (f"红灯 < {num(s.monitoring_red_below)}%，黄灯 {num(s.monitoring_red_below)}%–"
            f"{num(s.monitoring_green_from)}%，绿灯 ≥ {num(s.monitoring_green_from)}%（设置：{setting_words('monitoring')}）")


def spending_progress(budget: Decimal | None, spent: Decimal | None, month: int | None = None,
                      settings: ScoringSettings = NATIONAL) -> Progress:
    """The 1–X月 execution rate against time elapsed, with its light."""
    month = month or settings.monitoring_month
    elapsed = elapsed_share(month)
    if not budget or spent is None:
        return Progress(None, elapsed, None, None, "全年预算数为 0 或缺失，无法计算执行进度")
    rate = q2(spent / budget * HUNDRED)
    ratio = q2(rate * 12 / month)  # ÷ (month/12) exactly, not ÷ the rounded elapsed share
    light = light_of(ratio, settings)
    text = (f"1–{month}月执行率 {num(rate)}%（{num(spent)} ÷ {num(budget)}），时间进度 {month}/12 = "
            f"{num(elapsed)}%，进度比 = {num(rate)}% ÷ {num(elapsed)}% = {num(ratio)}%，{LIGHT_LABELS[light]}（"
            f"{_thresholds(settings)}）")
    return Progress(rate, elapsed, ratio, light, text)


def indicator_progress(target: TargetValue, to_date: TargetValue, month: int | None = None,
                       settings: ScoringSettings = NATIONAL) -> Progress:
    """Completion to date of one indicator against its annual target and the time elapsed."""
    month = month or settings.monitoring_month
    elapsed = elapsed_share(month)
    if target.value is None or to_date.value is None:
        return Progress(None, elapsed, None, None,
                        f"定性指标或缺少数值（目标「{target.text}」，完成「{to_date.text}」），不按进度计算，须人工判断")
    if target.op in ("≤", "<"):
        over = to_date.value > target.value
        light = "red" if over else "green"
        word = "已超过" if over else "未超过"
        return Progress(None, elapsed, None, light,
                        f"上限类指标：目前 {num(to_date.value)} {word}全年上限 {num(target.value)}，{LIGHT_LABELS[light]}")
    if target.value <= 0:
        return Progress(None, elapsed, None, "green", f"目标值为 {num(target.value)}，无需进度")
    done = q2(to_date.value / target.value * HUNDRED)
    ratio = q2(done * 12 / month)
    light = light_of(ratio, settings)
    text = (f"完成 {num(to_date.value)} / 全年目标 {num(target.value)} = {num(done)}%，时间进度 {num(elapsed)}%，"
            f"进度比 {num(ratio)}%，{LIGHT_LABELS[light]}（{_thresholds(settings)}）")
    return Progress(done, elapsed, ratio, light, text)
