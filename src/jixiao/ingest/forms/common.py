"""Helpers every form reader shares: preamble facts, completion words, money columns."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.model import Money, MoneyUnit, Status
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import compact
from jixiao.domain.vocabulary import vocabulary
from jixiao.ingest.grid import Grid

_YEAR = re.compile(r"(20\d{2})\s*年")
_UNIT_LABEL = re.compile(r"单位\s*[:：]\s*(万元|元)")
_DEPT_LABEL = re.compile(r"(?:部门名称|主管部门|一级预算单位)\s*(?:[(（]盖章[)）])?\s*[:：]\s*(\S.*)")

# Glossary names for the fund-source words that appear in headers.
FUND_WORDS = [
    ("一般公共预算", "general_public"), ("政府性基金", "government_fund"),
    ("国有资本", "state_capital"), ("财政专户", "special_account"),
    ("非财政", "non_fiscal"), ("其他资金", "non_fiscal"), ("单位资金", "non_fiscal"),
    ("上年结转", "carried_over"), ("当年财政拨款", "fiscal"), ("本年财政拨款", "fiscal"),
    ("财政拨款", "fiscal"), ("财政资金", "fiscal"),
]


# Every fund word holds one of these characters: a label without any of them names no fund.
_FUND_CHARS = frozenset("预基资财结")


def fund_code(label: str) -> str | None:
    """A header or row label → its fund-source name from the glossary, or None."""
    if _FUND_CHARS.isdisjoint(label):
        return None
    t = compact(label)
    for word, code in FUND_WORDS:
        if word in t:
            return code
    return None


def find_year(text: str) -> int | None:
    """The first ``20xx年`` in a title."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def find_money_unit(grid: Grid, default: str = MoneyUnit.WAN_YUAN) -> str:
    """The unit stated in a ``单位：万元`` label near the top; the default when none is stated."""
    for row in grid.rows[:40]:
        if "单位" not in row.text():  # no cell of the row can hold the label
            continue
        for cell in row.cells:
            m = _UNIT_LABEL.search(cell)
            if m:
                return MoneyUnit.WAN_YUAN if m.group(1) == "万元" else MoneyUnit.YUAN
    return default


def find_department(grid: Grid) -> str | None:
    """The department named in a ``部门名称(盖章): …`` line."""
    for row in grid.rows[:40]:
        text = row.text()
        if "门" not in text and "位" not in text:  # 部门名称, 主管部门, 一级预算单位
            continue
        for cell in row.cells:
            m = _DEPT_LABEL.search(cell)
            if m and m.group(1).strip():
                return m.group(1).strip()
    return None


def status_of(text: str | None) -> str | None:
    """Completion words → a status; None when the text states no completion word."""
    if not text:
        return None
    t = compact(text)
    if "未完成" in t or "没有完成" in t:
        return Status.NOT_DONE
    if "部分完成" in t:
        return Status.PARTLY_DONE
    if "基本完成" in t:
        return Status.MOSTLY_DONE
    if "完成" in t:
        return Status.DONE
    return None


def money_of(total: Decimal | None, parts: dict[str, Decimal], unit: str, source=None) -> Money:
    """Amounts in the document's unit → a Money in canonical yuan."""
    return Money(to_yuan(total, unit), {k: to_yuan(v, unit) for k, v in parts.items()}, source)  # by position


def is_form_note(text: str) -> bool:
    """A note printed under a form (``备注：作为导入模板…``): a ``[form_notes]`` word and a colon."""
    head, sep, _ = compact(text).partition(":") if ":" in compact(text) else compact(text).partition("：")
    return bool(sep) and vocabulary().key("form_notes", head) is not None
