"""表1 部门收支总表 and 表6 财政拨款收支总表: income by source on the left, spending by function right.

The spending side names functions without codes and without indentation, so 类 rows are known by
their ``一、`` numbering and 款 from 项 by arithmetic: a 款 is followed by the 项 rows that sum to
it. Codes are then found from 表7's names (项) and from their common prefix (款).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.budget import CLASS_CODES, BudgetLine, IncomeLine, code_at, is_function_code, level_of
from jixiao.domain.model import ParseWarning
from jixiao.domain.text import compact
from jixiao.ingest.grid import Row

from .budget_cells import Rule, may_be_digits, plain, read_amount
from .budget_rows import Ctx, data_rows
from .budget_split import Section
from .common import fund_code

_NUMBERED = re.compile(r"^[一二三四五六七八九十]+[、.．]")
RULES = (
    Rule("income", "text", ("收入",)),
    Rule("spending", "text", ("支出",)),
    Rule("amount", "number", ("预算数", "金额")),
)
_INCOME_WORDS = (
    ("上年结", "carried_over"), ("事业单位经营", "operating_income"), ("事业收入", "service_income"),
    ("其他收入", "other_income"), ("附属单位上缴", "subordinate_remittance"),
    ("上级补助", "higher_subsidy"), ("事业基金", "institution_fund"),
)
_LEVEL2 = ("general_public", "government_fund", "state_capital", "special_account")


@dataclass(slots=True)
class _Side:
    label: str
    amount: Decimal
    col: int
    code: str | None = None


def strip_number(label: str) -> str:
    """``一、一般公共服务支出`` → ``一般公共服务支出``."""
    return _NUMBERED.sub("", plain(label))


def income_source(label: str) -> str | None:
    """An income row's label → its source name (glossary names where the glossary has one)."""
    t = compact(label)
    for word, code in _INCOME_WORDS:
        if word in t:
            return code
    return fund_code(t)


def _sides(row: Row, split: int) -> tuple[_Side | None, _Side | None]:
    """(income, spending) of a two-sided row; a side without a label is filler and dropped."""
    if len(row.cells) > split:
        return _side(row, 0, split), _side(row, split, len(row.cells))
    one = _side(row, 0, len(row.cells))
    if one is None:
        return None, None
    is_income = income_source(one.label) is not None or "收入" in one.label
    return (one, None) if is_income else (None, one)


def _side(row: Row, start: int, end: int) -> _Side | None:
    label, code, amount, col = "", None, None, start
    for i in range(start, end):
        cell = row.cells[i].strip()
        if not cell:
            continue
        value = read_amount(cell) if amount is None else None
        if not label and may_be_digits(cell) and is_function_code(plain(cell)):
            code = plain(cell)
        elif value is not None:
            amount, col = value, i
        elif not label:
            label = cell
    if not label or amount is None:
        return None
    return _Side(label=label, amount=amount, col=col, code=code)


def read_income_spending(section: Section, ctx: Ctx, fund: str) -> None:
    """Read a two-sided 收支总表 into income lines and function-level budget lines."""
    split = 2
    spending: list[tuple[_Side, Row]] = []
    income = _IncomeState()
    for row, cols in data_rows(section, ctx, RULES, ("项目",)):
        split = next((i for i, k in sorted(cols.keys.items()) if k == "spending"), split)
        left, right = _sides(row, split)
        if left is not None:
            income.add(left, row, ctx)
        if right is not None:
            spending.append((right, row))
    _spending_lines(spending, ctx, fund)


class _IncomeState:
    """Levels of the income rows: 一、 rows, their fund-source parts, and parts of those."""

    def __init__(self) -> None:
        self.parent1: str | None = None
        self.source1: str | None = None
        self.parent2: tuple[str, str | None] | None = None
        self.after_total = False

    def add(self, side: _Side, row: Row, ctx: Ctx) -> None:
        """Append one income row with its level and parent."""
        t = plain(side.label)
        yuan, stated = ctx.money(side.amount)
        line = IncomeLine(table=ctx.table, label=side.label, amount=yuan, stated_amount=stated,
                          money_unit=ctx.unit, fund_source=income_source(t), source=row.ref_of(side.col))
        if "总计" in t or "合计" in t:
            line.row_kind = "grand_total" if "总计" in t else "total"
            line.fund_source, self.after_total = None, True
        elif _NUMBERED.match(t) or self.after_total or self.parent1 is None:
            self.parent1, self.source1, self.parent2 = side.label, line.fund_source, None
        elif line.fund_source in _LEVEL2:
            line.level, line.parent = 2, self.parent1
            self.parent2 = (side.label, line.fund_source)
        else:
            line.level = 3 if self.parent2 else 2
            line.parent = self.parent2[0] if self.parent2 else self.parent1
            if line.fund_source is None:
                line.fund_source = self.parent2[1] if self.parent2 else self.source1
        ctx.budget.income_lines.append(line)


def _spending_lines(rows: list[tuple[_Side, Row]], ctx: Ctx, fund: str) -> None:
    after_total = False
    functions: list[BudgetLine] = []
    table, money_unit = ctx.table, ctx.unit
    for side, row in rows:
        t = plain(side.label)
        yuan, stated = ctx.money(side.amount)
        # BudgetLine's fields in order (tests pin it): a call by keyword costs twice as much
        line = BudgetLine(table, side.label, yuan, stated, money_unit, None, None, None, None, fund, "total",
                          "line", True, False, None, row.ref_of(side.col))
        if "总计" in t or "合计" in t:
            line.row_kind = "grand_total" if "总计" in t else "total"
            after_total = True
        elif not after_total:
            line.function_name = strip_number(side.label)
            line.function_code = side.code
            functions.append(line)
        ctx.budget.budget_lines.append(line)
    classify(functions, ctx)


def classify(lines: list[BudgetLine], ctx: Ctx) -> None:
    """Give each function row its level: 类 by numbering, 款/项 by arithmetic."""
    step = Decimal(1) if all(b.stated_amount == b.stated_amount.to_integral() for b in lines) else Decimal("0.01")
    section: BudgetLine | None = None
    total, n = Decimal(0), 0
    for i, line in enumerate(lines):
        stated_level = level_of(line.function_code)
        if stated_level or _is_class(line):
            line.function_level = stated_level or "class"
            if line.function_level != "item":
                section = line if line.function_level == "section" else None
                total, n = Decimal(0), 0
            continue
        if section is None:
            line.function_level, section, total, n = "section", line, Decimal(0), 0
            continue
        line.function_level = "item"
        total, n = total + line.stated_amount, n + 1
        if _closes(section.stated_amount, total, lines[i + 1] if i + 1 < len(lines) else None, step / 2 * n):
            section = None
    if section is not None and n:
        ctx.doc.warnings.append(_unclosed(ctx, section))


_NUMERALS = "一二三四五六七八九十"


def _is_class(line: BudgetLine) -> bool:
    if line.label.lstrip(" \u3000#*")[:1] not in _NUMERALS:  # what plain() would start with
        return False
    return bool(_NUMBERED.match(plain(line.label)))


def _closes(target: Decimal, total: Decimal, following: BudgetLine | None, tolerance: Decimal) -> bool:
    """The items so far make the section (within rounding) and the next row would not fit it better."""
    if abs(total - target) > tolerance:
        return False
    if following is None or following.function_code or _is_class(following):
        return True
    return abs(total + following.stated_amount - target) > abs(total - target)


def _unclosed(ctx: Ctx, section: BudgetLine) -> ParseWarning:
    return ParseWarning(f"{ctx.table}：款“{section.label}”之后的项合计与其金额不符 (items do not add up to "
                        "their section)", section.source, section.label)


def assign_codes(lines: list[BudgetLine], item_codes: dict[str, set[str]]) -> None:
    """Codes for function rows stated by name only: 项 from 表7's names, 款 and 类 from those."""
    cls: BudgetLine | None = None
    sec: BudgetLine | None = None
    for line in lines:
        if line.function_level is None or line.function_code:
            continue
        if line.function_level == "class":
            cls, sec = line, None
            _set_code(line, CLASS_CODES.get(line.function_name or ""))
        elif line.function_level == "section":
            sec = line
        else:
            wanted = cls.function_code if cls else None
            codes = sorted(c for c in item_codes.get(line.function_name or "", ())
                           if not wanted or c.startswith(wanted))
            if len(codes) == 1:
                _set_code(line, codes[0])
                if sec is not None and not sec.function_code:
                    _set_code(sec, code_at(codes[0], "section"))
                if cls is not None and not cls.function_code:
                    _set_code(cls, code_at(codes[0], "class"))


def _set_code(line: BudgetLine, code: str | None) -> None:
    if code:
        line.function_code, line.code_derived = code, True
