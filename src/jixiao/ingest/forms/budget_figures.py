"""Figures written in the narrative of a 部门预算: the number, its unit and the words before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao.domain.limits import check_amount
from jixiao.domain.text import to_halfwidth

from .budget_names import strip_list_mark, unmark_plain

# The first digit is matched before the lookbehinds that check what precedes it (not a digit,
# point, letter or ``1,``): a pattern that starts with a character class lets the scan skip every
# other character untried.
_FIGURE = re.compile(r"(\d(?<![\d.A-Za-z]\d)(?<!\d,\d)[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|%|人次|人|辆|台\(套\)|台|家|项)")
_BOUNDARY = re.compile(r"[，,。；;：:！？!?、]")
# Up to the end of the last boundary: ``.*`` runs to the end and steps back over the label only.
_LAST_BOUNDARY = re.compile(r".*[，,。；;：:！？!?、]", re.S)
_PAREN = re.compile(r"[(（][^()（）]{0,60}[)）]")
_LEAD = re.compile(r"^[(（\s]*(?:其中|包括|以及|主要用于|用于|属于|和|及|为|共)*")
_LEAD_START = frozenset("(（其包以主用属和及为共")
_DOWN = re.compile(r"减少|降低|下降|压减")
_UP = re.compile(r"增加|增长|提高|上升")
_MONEY = {"亿元": Decimal(100000000), "万元": Decimal(10000), "元": Decimal(1)}
_MONEY_WHAT = (
    ("三公", "three_public_total"), ("因公出国", "overseas_travel"), ("公务接待", "reception"),
    ("购置和运行", "official_cars"), ("购置及运行", "official_cars"), ("用车购置费", "car_purchase"),
    ("运行维护费", "car_operation"), ("机关运行经费", "agency_running_costs"),
    ("货物采购", "procurement_goods"), ("工程采购", "procurement_works"), ("服务采购", "procurement_services"),
    ("以前年度政府采购", "procurement_prior_years"), ("当年政府采购", "procurement_current"),
    ("采购", "procurement_total"), ("人员支出", "personnel"), ("公用支出", "operating"),
    ("对个人和家庭", "household_subsidies"), ("项目支出", "project_spending"), ("上年结转", "carried_over"),
    ("财政预算拨款", "fiscal"), ("财政拨款", "fiscal"), ("事业收入", "service_income"),
    ("教育收费", "education_fees"), ("其他收入", "other_income"), ("收入", "income_total"),
    ("支出", "spending_total"),
)
_COUNT_WHAT = {"辆": "vehicles", "台(套)": "equipment", "人": "people", "人次": "people"}
_AFTER = re.compile(r"^\s*(?:主要)?(?:用于|属于|为|是)?([^，,。；;：:]{1,40})")


@dataclass(slots=True)
class Figure:
    """One number in a sentence: value as written (signed for 减少), unit, label, position."""

    value: Decimal
    measure_unit: str
    label: str
    start: int
    end: int

    @property
    def is_money(self) -> bool:
        """True for 元, 万元 and 亿元."""
        return self.measure_unit in _MONEY

    @property
    def yuan(self) -> Decimal | None:
        """The amount in yuan (two places) when it is money."""
        if not self.is_money:
            return None
        return check_amount(abs(self.value) * _MONEY[self.measure_unit]).quantize(Decimal("0.01")) * (
            -1 if self.value < 0 else 1)  # an amount past the limit is refused for its file, in words


def clean_label(text: str) -> str:
    """The words before a number without numbering, brackets, 其中/包括 and spaces."""
    t = _PAREN.sub("", text) if "(" in text or "（" in text else text
    t = strip_list_mark(t.replace("*", ""))
    if t[:1] in _LEAD_START or t[:1].isspace():  # else _LEAD matches nothing
        t = _LEAD.sub("", t)
    return t.strip()[-60:]


def figures_in(text: str) -> list[Figure]:
    """Every money amount, percentage and count in a paragraph, with the words that name it."""
    return figures_in_half(to_halfwidth(text))


def figures_in_half(half: str) -> list[Figure]:
    """``figures_in`` of a text already made half-width (its caller needs that text too)."""
    out: list[Figure] = []
    prev_end = 0
    for m in _FIGURE.finditer(half):
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        before = half[prev_end:m.start()]
        cut = _LAST_BOUNDARY.match(before)  # the words after the last boundary name the number
        label = _half_label(before[cut.end():] if cut else before) or _label_after(half, m.end())
        if _DOWN.search(label):
            value = -value
        unit = "台(套)" if m.group(2) in ("台(套)", "台") else m.group(2)
        out.append(Figure(value, unit, label, m.start(1), m.end()))
        prev_end = m.end()
    return out


def _half_label(text: str) -> str:
    """``clean_label`` of a half-width text: its ``plain`` is its text without marks and spaces.

    ``plain`` half-widths and compacts; on a text with no full-width character left both come down
    to removing spaces, so the per-document memo behind it is not asked for every new label.
    """
    t = _PAREN.sub("", text) if "(" in text else text
    t = t.replace("*", "")
    if "#" in t:
        t = t.replace("#", "")
    t = unmark_plain(t.replace(" ", ""))
    if t[:1] in _LEAD_START or t[:1].isspace():  # else _LEAD matches nothing
        t = _LEAD.sub("", t)
    return t.strip()[-60:]


def _label_after(text: str, end: int) -> str:
    """When nothing names a number before it (``其中，56,963 万元主要用于…``), the words after it."""
    m = _AFTER.match(text[end:])
    return _half_label(m.group(1)) if m else ""


def what_of(fig: Figure, lead: str = "") -> str:
    """What a figure states, from its label (else the paragraph's lead words): a short name."""
    if _DOWN.search(fig.label) or _UP.search(fig.label) or "持平" in fig.label:
        return "change_rate" if fig.measure_unit == "%" else "change"
    if fig.measure_unit == "%":
        return "rate"
    if not fig.is_money:
        return _COUNT_WHAT.get(fig.measure_unit, "count")
    for text in (fig.label, lead):
        for word, what in _MONEY_WHAT:
            if word in text:
                return what
    if fig.is_money and fig.label.endswith(("预算", "预算数")):
        return "unit_budget"
    return "other"
