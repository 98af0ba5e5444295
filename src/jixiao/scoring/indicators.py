"""One indicator's score: pair target and completion numbers, else use the qualitative bands.

Each item of the target text gets a share of the weight: the mean of its paired numbers' formula
shares (quantitative), or the band point of the completion words that report on it (qualitative).
The indicator's share is the mean over its items; its score is weight × share, two decimals.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Indicator
from jixiao.domain.text import compact

from . import explain
from .completion import read_description, read_status
from .formulas import ONE, ZERO, q2, share_for
from .pairing import Item, aligned_text, pair, quantities, split_items
from .result import Comparison, Flag, IndicatorScore, ItemScore
from .settings import ScoringSettings

NOT_APPLICABLE = frozenset({"不适用", "无", "/", "-", "—", "——", "－", "\\"})


def is_not_applicable(ind: Indicator) -> bool:
    """An indicator whose target is 不适用 / 无 is not scored."""
    t = compact(ind.target.text or "")
    a = compact(ind.actual.text) if ind.actual else ""
    return t in NOT_APPLICABLE or a == "不适用"


def _comparison(t, c, settings: ScoringSettings) -> Comparison:
    share, formula = share_for(t.op, t.value, c.value, t.value_high, settings.le_formula)
    share = min(max(share, ZERO), ONE)
    return Comparison(t.op, t.value, c.value, t.unit or c.unit, t.clause, c.clause, share, formula,
                      t.value_high)


def _qualitative(text: str, whole: str, fallback: tuple[str | None, str | None],
                 settings: ScoringSettings, target_text: str) -> ItemScore:
    """Completion words of the item, else of the whole text, else the description, else the project."""
    status, word = read_status(text)
    source = "indicator"
    if status is None and whole and whole != text:
        status, word = read_status(whole)
        source = "whole"
    if status is None and text.strip():
        source = "description"
        status, word = (read_description(text) if settings.descriptive_completion == "read"
                        else ("mostly_done", None))
    if status is None:
        source = "project"
        status, word = fallback if settings.missing_completion == "project_status" else (None, None)
    if status is None:
        status, word, source = "mostly_done", None, "default"
    return ItemScore(target_text, text, "qualitative", settings.band_points()[status],
                     status=status, status_word=word, status_from=source)


def score_items(ind: Indicator, fallback: tuple[str | None, str | None],
                settings: ScoringSettings) -> list[ItemScore]:
    """Every target item of ``ind`` judged against the completion words that report on it."""
    whole = (ind.actual.text if ind.actual else "") or ""
    t_items = split_items(ind.target.text) or split_items(ind.name) or []
    c_items = split_items(whole)
    if not t_items:
        return [_qualitative(whole, whole, fallback, settings, ind.target.text or "")]
    _, pairs = pair(t_items, c_items)
    out = []
    for i, item in enumerate(t_items):
        text = aligned_text(item, c_items, whole)
        if i in pairs:
            comps = [_comparison(t, c, settings) for t, c in pairs[i]]
            share = sum((c.fraction for c in comps), ZERO) / len(comps)
            out.append(ItemScore(item.text, text, "quantitative", share, comps))
        else:
            out.append(_qualitative(text, whole, fallback, settings, item.text))
    return out


def _method(items: list[ItemScore]) -> str:
    kinds = {i.method for i in items}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _words_for_a_number(item: ItemScore) -> bool:
    """A numeric target item (≥90%) judged by completion words alone (完成): no actual number."""
    return (item.method == "qualitative" and item.status == "done" and bool(item.target_text)
            and bool(quantities(Item(None, item.target_text), 0))
            and not quantities(Item(None, item.completion_text or ""), 0))


def _review_flags(name: str, items: list[ItemScore], settings: ScoringSettings) -> list[Flag]:
    flags = []
    for item in items:
        if _words_for_a_number(item):
            flags.append(Flag("number_expected", explain.number_expected_text(name, item), name, "warning"))
        for c in item.comparisons:
            if c.op not in ("≤", "<") and c.target > 0 and c.actual >= settings.review_over_ratio * c.target:
                flags.append(Flag("over_achievement_review", explain.review_text(c, settings), name, "note"))
    return flags


def _deviation(items: list[ItemScore], settings: ScoringSettings) -> Comparison | None:
    for item in items:
        for c in item.comparisons:
            if c.op not in ("≤", "<") and c.target > 0 and c.actual >= (1 + settings.deviation_over) * c.target:
                return c
    return None


def score_indicator(ind: Indicator, weight: Decimal, weight_note: str, position: int,
                    fallback: tuple[str | None, str | None], settings: ScoringSettings,
                    not_applicable: bool | None = None) -> tuple[IndicatorScore, list[Flag]]:
    """Score one indicator at ``weight``; returns the score and its review flags."""
    completion = ind.actual.text if ind.actual and ind.actual.text else None
    if is_not_applicable(ind) if not_applicable is None else not_applicable:
        return IndicatorScore(ind.name, ind.level1, ind.level2, ZERO, ZERO, "not_applicable", ZERO,
                              explain.not_applicable_text(ind), completion, position=position), []
    items = score_items(ind, fallback, settings)
    share = sum((i.fraction for i in items), ZERO) / len(items)
    score = q2(weight * share)
    penalty = ZERO
    deviation = _deviation(items, settings) if settings.deviation_penalty else None
    if deviation is not None:
        penalty = min(settings.deviation_points, score)
        score -= penalty
    result = IndicatorScore(ind.name, ind.level1, ind.level2, weight, score, _method(items), share, "",
                            completion, items, position, penalty)
    result.explanation = explain.indicator_text(result, weight_note, deviation, settings)
    return result, _review_flags(ind.name, items, settings)
