"""A department's published budget (部门预算): lines by unit, function, source; figures in the text.

Every amount is Decimal in canonical yuan next to the amount as written (``stated_amount``, in the
document's unit), so a reviewer sees both; ``stated`` is False only for a value the reader worked
out from other cells. Function codes (科目编码) are 7 digits: 类 = first 3, 款 = first 5, 项 = all 7.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .source import SourceRef

# 类 / 款 / 项 of the government functional classification, as names in code.
LEVELS = ("class", "section", "item")
LEVEL_WORDS = {"类": "class", "款": "section", "项": "item"}
LEVEL_LABELS = {"class": "类", "section": "款", "item": "项"}
_CODE_LENGTH = {"class": 3, "section": 5, "item": 7}
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")

# 类 of the 2020 classification (支出功能分类科目): the names a 表1 row states without a code.
CLASS_NAMES = {
    "201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出",
    "205": "教育支出", "206": "科学技术支出", "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出", "210": "卫生健康支出", "211": "节能环保支出",
    "212": "城乡社区支出", "213": "农林水支出", "214": "交通运输支出",
    "215": "资源勘探工业信息等支出", "216": "商业服务业等支出", "217": "金融支出",
    "219": "援助其他地区支出", "220": "自然资源海洋气象等支出", "221": "住房保障支出",
    "222": "粮油物资储备支出", "224": "灾害防治及应急管理支出", "227": "预备费",
    "229": "其他支出", "230": "转移性支出", "231": "债务还本支出", "232": "债务付息支出",
    "233": "债务发行费用支出",
}
CLASS_CODES = {name: code for code, name in CLASS_NAMES.items()}


def is_function_code(text: str) -> bool:
    """A 类 (3 digits), 款 (5) or 项 (7) code, e.g. ``2080101``."""
    return bool(_CODE.match(text))


def level_of(code: str | None) -> str | None:
    """The level a code stands at: 3 digits → class, 5 → section, 7 → item."""
    if not code or not is_function_code(code):
        return None
    return {3: "class", 5: "section", 7: "item"}[len(code)]


def code_at(code: str | None, level: str) -> str | None:
    """The code of ``code``'s ancestor at ``level`` (``2080101`` at section → ``20801``)."""
    n = _CODE_LENGTH[level]
    if not code or not is_function_code(code) or len(code) < n:
        return None
    return code[:n]


_SPACE_RUN = re.compile(r"\s+")
_SPECIAL_FUND = re.compile(r"\s*[(（]\s*专项资金\s*[)）]\s*$")


def unit_name(text: str) -> str:
    """A unit's name as one key across tables: trimmed, brackets half-width (（专项资金） = (专项资金))."""
    return _SPACE_RUN.sub("", text).replace("（", "(").replace("）", ")")


def base_unit(name: str) -> str:
    """A 表3 row label without its ``(专项资金)`` suffix: the unit the special funds belong to."""
    return _SPECIAL_FUND.sub("", name).strip()


def is_special_fund(name: str) -> bool:
    """True for the ``…(专项资金)`` rows that 表3 and 表7 list beside the units."""
    return base_unit(name) != name.strip()


@dataclass(slots=True)
class BudgetLine:
    """One amount of a spending table (表1/表6 by function, 表3 by unit, 表7 by unit and code, 表13)."""

    table: str  # "表1", "表3", "表6", "表7", "表13"
    label: str  # the row's label as written (function, unit or project name)
    amount: Decimal  # yuan
    stated_amount: Decimal  # as written, in money_unit
    money_unit: str
    unit: str | None = None
    function_code: str | None = None
    function_name: str | None = None
    function_level: str | None = None  # class / section / item
    fund_source: str = "all"  # all, fiscal, general_public, non_fiscal …
    spending_type: str = "total"  # total, basic_spending, project_spending
    row_kind: str = "line"  # line, subtotal (a unit's row), total, grand_total
    stated: bool = True
    code_derived: bool = False  # the code was worked out (表1/表6 state names only)
    detail: str | None = None  # e.g. a 表13 project's 预算执行时间
    source: SourceRef | None = None
    # Printed tables (Shanghai, Jiangsu 部门预算 / 部门决算): the column's year and phase (budget 预算,
    # final 决算), its header as printed, the table's title and what the amount is.
    year: int | None = None
    phase: str | None = None
    column: str | None = None
    table_title: str | None = None
    category: str | None = None


@dataclass(slots=True)
class IncomeLine:
    """One row of the income side of 表1/表6: where the money comes from."""

    table: str
    label: str
    amount: Decimal
    stated_amount: Decimal
    money_unit: str
    fund_source: str | None = None  # glossary name (fiscal, general_public, carried_over …)
    level: int = 1  # 1 = 一、…; 2 = a part of it; 3 = a part of a part
    parent: str | None = None
    row_kind: str = "line"  # line, total (本年收入合计), grand_total (收入总计)
    stated: bool = True
    source: SourceRef | None = None


@dataclass(slots=True)
class ProcurementLine:
    """A procurement amount: 表11 by 品目 code, 表3 per unit."""

    table: str
    unit: str | None
    amount: Decimal
    stated_amount: Decimal
    money_unit: str
    item_code: str | None = None
    item_name: str | None = None
    measure: str = "amount"  # amount (表11); planned, sme, small_micro, prior_years (表3)
    row_kind: str = "line"  # line, subtotal (a unit's row), total
    stated: bool = True
    source: SourceRef | None = None


@dataclass(slots=True)
class ThreePublicLine:
    """A 三公经费 amount of one unit in one year (表12)."""

    unit: str | None
    year: int | None
    category: str  # total, overseas_travel, reception, official_cars, car_purchase, car_operation
    amount: Decimal
    stated_amount: Decimal
    money_unit: str
    table: str = "表12"
    row_kind: str = "line"  # line, total (the department's row)
    stated: bool = True
    source: SourceRef | None = None


@dataclass(slots=True)
class Staffing:
    """One staffing or vehicle count of a unit stated in the narrative (编制, 实有人数, 车辆)."""

    unit: str | None  # None: the department as a whole
    measure: str  # administrative_posts, institutional_posts, staff, retired, vehicles …
    count: int
    label: str
    text: str | None = None
    source: SourceRef | None = None


# The phases a figure belongs to (预算 / 决算 / 执行) and what a change compares with.
PHASES = ("budget", "final", "execution")
PHASE_LABELS = {"budget": "预算", "final": "决算", "execution": "执行"}
CHANGES = ("yoy", "vs_budget", "vs_year")
# What a percentage is: a part of a whole (占), a growth (增长/下降), a completion (完成预算的),
# or a level as a share of an earlier one (是上年同期的).
RATIOS = ("share", "growth", "completion", "of_base")


@dataclass(slots=True)
class StatedFigure:
    """A figure written in the narrative, kept with its sentence so it can be checked.

    ``year``, ``phase``, ``change`` and ``base_year`` say which column of the published tables the
    figure belongs to (see ``year_column``); ``category`` is its glossary name (``three_public``
    parts, ``income_total`` …), ``subject`` the words naming what it is about, as a key, and
    ``base`` the subject a percentage is taken of. A change is signed (减少 → negative).
    """

    what: str  # income_total, spending_total, unit_budget, personnel, three_public_total …
    label: str  # the words just before the number
    value: Decimal  # as written (signed: 减少 → negative)
    measure_unit: str  # 万元, 亿元, 元, %, 辆, 人, 台(套) …
    amount: Decimal | None = None  # yuan, for money
    unit: str | None = None  # the budget unit it is about, when one is named
    part: str | None = None  # 第二部分 …
    text: str | None = None  # the sentence
    source: SourceRef | None = None
    year: int | None = None
    phase: str | None = None  # budget 预算, final 决算, execution 执行
    change: str | None = None  # None for a level; yoy 比上年, vs_budget 决算比预算, vs_year 比某年
    base_year: int | None = None  # the year a change compares with
    table: str | None = None  # the table it was printed in (三公经费, 收入支出决算总表 …); None for prose
    code: str | None = None  # the function code, where printed
    category: str | None = None  # three_public_total, reception …, income_total, spending_total …
    ratio: str | None = None  # for a percentage: share, growth, completion, of_base
    subject: str | None = None  # what the figure is about, as a key (the category or the words)
    base: str | None = None  # the subject a percentage is taken of, when the sentence names it
    line: BudgetLine | None = None  # the printed table line the figure describes, where found
    describes: str | None = None  # that line as stored: ``table title｜row label｜column``


def year_column(figure: StatedFigure) -> str | None:
    """The column a figure stands in, as answer keys and benchmarks name it (``2023预算``, ``比上年增减``)."""
    if figure.change is None:
        if figure.year is None or figure.phase not in PHASE_LABELS:
            return None
        return f"{figure.year}{PHASE_LABELS[figure.phase]}"
    if figure.ratio == "completion":
        return f"{PHASE_LABELS.get(figure.phase or '', '决算')}/预算"
    if figure.change == "vs_budget":
        return "决算比预算增减"
    tail = "" if figure.ratio == "of_base" else "增减"
    if figure.change == "vs_year" and figure.base_year is not None:
        return f"比{figure.base_year}年{tail}"
    return f"比上年{tail}"


@dataclass(slots=True)
class TableSpan:
    """Where one table of the document sits (all its pages)."""

    table: str  # 表1 …
    kind: str  # reader key, e.g. income_spending
    title: str
    first_line: int | None
    last_line: int | None
    rows: int = 0
    empty_note: str | None = None  # the note saying the table is empty (本表为空表), where printed


@dataclass(slots=True)
class DepartmentBudget:
    """Everything read from one 部门预算 document beside its projects (``Document.extras['budget']``)."""

    department: str | None = None
    year: int | None = None
    money_unit: str = "wan_yuan"
    functions: str | None = None
    goals: str | None = None
    units: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # 市人社局 → 深圳市人力资源和社会保障局
    tables: list[TableSpan] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    income_lines: list[IncomeLine] = field(default_factory=list)
    procurement_lines: list[ProcurementLine] = field(default_factory=list)
    three_public_lines: list[ThreePublicLine] = field(default_factory=list)
    staffing: list[Staffing] = field(default_factory=list)
    stated_figures: list[StatedFigure] = field(default_factory=list)

    def lines(self, table: str) -> list[BudgetLine]:
        """The budget lines of one table, in reading order."""
        return [b for b in self.budget_lines if b.table == table]
