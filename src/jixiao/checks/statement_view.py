"""What the statement rules share: a document's stated figures and how a figure is named in messages."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.budget import PHASE_LABELS, DepartmentBudget, StatedFigure
from jixiao.domain.figure_math import MONEY_FACTORS
from jixiao.domain.model import Document
from jixiao.domain.vocabulary import vocabulary

# Categories in Chinese, for messages (the figure's own words are used when it has no category).
CATEGORY_LABELS = {
    "three_public_total": "“三公”经费", "overseas_travel": "因公出国（境）费", "reception": "公务接待费",
    "official_cars": "公务用车购置及运行维护费", "car_purchase": "公务用车购置费", "car_operation": "公务用车运行维护费",
    "income_grand_total": "收入总计", "spending_grand_total": "支出总计", "income_total": "本年收入合计",
    "spending_total": "本年支出合计", "basic_spending": "基本支出", "project_spending": "项目支出",
    "general_public": "一般公共预算财政拨款", "procurement": "政府采购预算", "tax_income": "税收收入",
}
_SECTIONS = ("statement_subjects", "statement_counts")
CHANGE_LABELS = {"yoy": "比上年", "vs_budget": "比预算", "vs_year": "比{year}年"}


def figures_of(doc: Document, ctx) -> list[StatedFigure]:
    """The document's stated figures (a budget's or a statement's), in reading order."""
    budget = doc.extras.get("budget")
    return list(budget.stated_figures) if isinstance(budget, DepartmentBudget) else []


def name_of(f: StatedFigure, change: bool = True) -> str:
    """How a figure is named: its year and phase, then what it is (2023年决算“三公”经费); a rate's
    name leaves out what it compares with (its own word, 增幅 or 完成率, says it)."""
    what = CATEGORY_LABELS.get(f.category or "") or _vocabulary_label(f.category) or (
        f.subject if f.subject and not f.subject.isascii() else f.label)
    when = f"{f.year}年" if f.year else ""
    if f.change is not None and not change:
        return f"{when}{what}"
    if f.change is not None:
        how = CHANGE_LABELS.get(f.change, "").format(year=f.base_year)
        return f"{when}{what}{how}增减"
    return f"{when}{PHASE_LABELS.get(f.phase or '', '')}{what}"


def _vocabulary_label(category: str | None) -> str | None:
    """The shortest label the vocabulary gives a category (其他收入 for ``other_income``)."""
    if not category:
        return None
    labels = [lab for section in _SECTIONS for lab in vocabulary().keys_of(section, category)]
    return min(labels, key=len) if labels else None


def money(amount: Decimal, like: StatedFigure) -> str:
    """An amount in yuan shown in the unit a figure was printed in (``62.07万元``)."""
    factor = MONEY_FACTORS.get(like.measure_unit, Decimal(1))
    value = (amount / factor).normalize()
    text = format(value, "f")
    return f"{text}{like.measure_unit}"


def line_of(f: StatedFigure) -> str:
    """``第6行``, where a figure is printed."""
    return f"第{f.source.line}行" if f.source is not None and f.source.line is not None else ""


__all__ = ["CATEGORY_LABELS", "figures_of", "line_of", "money", "name_of"]
