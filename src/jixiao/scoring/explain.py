"""Chinese explanations: for every number, the formula, its inputs and the setting used."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Indicator, Project
from jixiao.domain.numbers import from_yuan

from .completion import BAND_LABELS, STATUS_LABELS
from .formulas import num, q2
from .result import Comparison, ExecutionScore, IndicatorScore, ItemScore
from .settings import ScoringSettings, setting_words, settings_label

METHOD_LABELS = {"quantitative": "定量（目标值与完成值对比）", "qualitative": "定性（按完成情况分档）",
                 "mixed": "定量与定性结合", "not_applicable": "不适用"}
_SETTING_OF_STATUS = {"done": "done", "mostly_done": "mostly_done", "partly_done": "partly_done",
                      "not_done": "not_done"}


def money(amount: Decimal | None, unit: str) -> str:
    """An amount in the document's own unit (``118.66 万元``)."""
    if amount is None:
        return "（未填）"
    return f"{num(from_yuan(amount, unit))} {'万元' if unit == 'wan_yuan' else '元'}"


def pct(share: Decimal) -> str:
    """A share of the weight as a percentage (``76.67%``)."""
    return f"{num(q2(share * 100))}%"


def quote(text: str | None, limit: int = 120) -> str:
    """A completion or target text in 「」, shortened when very long."""
    t = (text or "").strip()
    return f"「{t if len(t) <= limit else t[:limit] + '…'}」"


def execution_text(project: Project, budget: Decimal, actual: Decimal, basis: str, rate: Decimal,
                   weight: Decimal, score: Decimal, settings: ScoringSettings) -> str:
    """预算执行率 and its score, with the money it came from."""
    unit = project.money_unit
    carried = project.budget.parts.get("carried_over")
    incl = f"（含上年结转 {money(carried, unit)}）" if carried else "（含上年结转）"
    capped = "，超过 100% 按 100% 计" if rate > 100 else ""
    return (f"执行率 = 全年执行数 {money(actual, unit)} ÷ {basis}{incl} {money(budget, unit)} = {num(rate)}%"
            f"（四舍五入到两位小数）；得分 = 权重 {num(weight)} × {num(min(rate, Decimal(100)))}% = {num(score)} 分{capped}"
            f"（{settings_label(settings.name)}，执行率权重 {num(weight)}）")


def execution_missing_text(project: Project, budget: Decimal | None, actual: Decimal | None,
                           weight: Decimal) -> str:
    """Why no execution rate could be computed (and the row gets 0)."""
    unit = project.money_unit
    return (f"无法计算执行率：全年预算数 {money(budget, unit)}，全年执行数 {money(actual, unit)}；"
            f"预算数为 0 或缺失，执行率得分按 0 分计（权重 {num(weight)}）")


def review_text(c: Comparison, settings: ScoringSettings) -> str:
    """The over-achievement review note: the target may have been set too low."""
    ratio = num(q2(c.actual / c.target))
    return (f"实际 {num(c.actual)} 是目标 {num(c.target)} 的 {ratio} 倍（≥ {num(settings.review_over_ratio)} 倍，"
            f"设置：{setting_words('review_over_ratio')}），得满分，但目标可能定得偏低，请复核")


def number_expected_text(name: str, item: ItemScore) -> str:
    """Why a numeric target answered by 完成 alone is flagged for the reviewer."""
    return (f"指标「{name}」的目标{quote(item.target_text, 60)}是一个数，完成情况{quote(item.completion_text, 60)}"
            f"只写了“{item.status_word or '完成'}”，没有实际数值：按“完成”档计 {pct(item.fraction)}，"
            "需审核人核实实际数值并写明意见")


def not_applicable_text(ind: Indicator) -> str:
    """Why an indicator is left out of the score."""
    return (f"目标{quote(ind.target.text)}、完成情况{quote(ind.actual.text if ind.actual else '')}表明该指标不适用，"
            "不计分，权重分给同组其他指标")


def _item_text(item: ItemScore, settings: ScoringSettings) -> str:
    if item.method == "quantitative":
        parts = [f"目标「{c.target_clause}」对完成「{c.actual_clause}」：{c.formula}（比例 {pct(c.fraction)}）"
                 for c in item.comparisons]
        return "；".join(parts)
    band = BAND_LABELS[item.status]
    point = f"按设置（{setting_words('qualitative.' + _SETTING_OF_STATUS[item.status])}）取 {pct(item.fraction)}"
    target = f"目标{quote(item.target_text, 60)}" if item.target_text else "该指标"
    if item.status_from == "indicator":
        return f"{target}的完成情况{quote(item.completion_text, 60)}含“{item.status_word}”，属{band}，{point}"
    if item.status_from == "whole":
        return (f"{target}对应的完成情况{quote(item.completion_text, 60)}未写明完成程度，整段完成情况含"
                f"“{item.status_word}”，属{band}，{point}")
    if item.status_from == "description":
        if item.status_word and settings.descriptive_completion == "read":
            how = f"写有偏差字样“{item.status_word}”"
        elif settings.descriptive_completion == "read":
            how = "为具体描述，没有未完成或偏差字样"
        else:
            how = "未写明完成程度"
        return (f"{target}的完成情况{quote(item.completion_text, 60)}{how}，计为{STATUS_LABELS[item.status]}，"
                f"属{band}，{point}（设置：{setting_words('descriptive_completion=' + settings.descriptive_completion)}）")
    if item.status_from == "project":
        return (f"{target}没有填写完成情况，按项目整体完成情况{quote(item.status_word, 60)}计为"
                f"{STATUS_LABELS[item.status]}，属{band}，{point}（设置：{setting_words('missing_completion=project_status')}）")
    return f"{target}没有可用的完成情况，无法判断完成程度，按{band}计，{point}"


def indicator_text(r: IndicatorScore, weight_note: str, deviation: Comparison | None,
                   settings: ScoringSettings) -> str:
    """An indicator's score: weight, method, each item judged, the arithmetic, the text used."""
    lines = [f"权重 {num(r.weight)}（{weight_note}）；方法：{METHOD_LABELS[r.method]}。"]
    lines.append("；".join(_item_text(i, settings) for i in r.items) + "。")
    if len(r.items) > 1:
        shares = " + ".join(pct(i.fraction) for i in r.items)
        lines.append(f"共 {len(r.items)} 项，比例取平均：({shares}) ÷ {len(r.items)} = {pct(r.fraction)}。")
    raw = r.score + r.penalty
    lines.append(f"得分 = {num(r.weight)} × {pct(r.fraction)} = {num(raw)} 分。")
    if deviation is not None:
        lines.append(f"实际 {num(deviation.actual)} 超过目标 {num(deviation.target)} 的 "
                     f"{pct(settings.deviation_over)} 以上，视为偏差扣 {num(r.penalty)} 分（设置：{setting_words('deviation_penalty')}），"
                     f"得 {num(r.score)} 分。")
    used = quote(r.completion_text, 200) if r.completion_text else "（该指标未填写完成情况）"
    lines.append(f"所用完成情况：{used}")
    return "".join(lines)


def total_text(execution: ExecutionScore, indicators: list[IndicatorScore], raw: Decimal,
               total: Decimal, cap_note: str | None) -> str:
    """Total = execution score + Σ indicator scores, and any cap applied."""
    scored = [i for i in indicators if i.method != "not_applicable"]
    parts = " + ".join(num(i.score) for i in scored) or "0"
    text = (f"总分 = 执行率得分 {num(execution.score)} + 指标得分 ({parts}) = {num(raw)}")
    if cap_note:
        text += f"；{cap_note}，总分 {num(total)}"
    return text
