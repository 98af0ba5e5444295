"""The non-indicator blocks of the national single-project form: money, goal, 总分, closing texts.

Each block is found by its label; values sit in the header's columns when the row keeps them
(workbooks and their text exports) and follow the label in order when empty cells were dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.domain.model import Indicator, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import parse_decimal, parse_percent
from jixiao.domain.source import SourceRef
from jixiao.domain.text import compact
from jixiao.ingest.grid import Row

from .common import fund_code, money_of
from .form_indicators import IndicatorColumns, LevelState, columns_by_words

_MONEY_HEADS = [("年初预算", "initial"), ("全年预算", "budget"), ("全年执行", "actual"), ("执行数", "actual"),
                ("分值", "weight"), ("执行率", "rate"), ("得分", "score")]
_END_LABELS = {"评价结论": "conclusion", "自评结论": "conclusion", "存在问题": "problems",
               "存在的问题": "problems", "主要问题": "problems", "改进措施": "rectification",
               "整改措施": "rectification", "改进意见": "rectification", "整改情况": "rectification"}
_EMPTY = ("", "—", "-", "/", "－", "——")
_FACT_LABELS = {"项目名称": "name", "主管部门": "department", "实施单位": "unit", "项目编码": "code",
                "项目编号": "code", "项目代码": "code"}
_GRADE = re.compile(r"(?:等级|等次|结论)(?:为|是)?[:：]?[“\"']?(优秀|优|良好|良|中|差)|^(优秀|优|良好|良|中|差)$")
_STATED_SCORE = re.compile(r"(?:自评|总)?得分(?:为|是)?[:：]?(\d+(?:\.\d+)?)分?")


@dataclass(slots=True)
class FormState:
    """What has been read of one form so far."""

    rows: list[Row]
    unit_of_money: str
    year: int | None = None
    money_cols: dict[str, int] | None = None
    money_header: Row | None = None
    money_rows: list[tuple[str | None, dict[str, str], Row]] = field(default_factory=list)
    goal_header: Row | None = None
    goal_cols: tuple[int, int] | None = None
    goal: str | None = None
    goal_done: bool = False
    status_text: str | None = None
    indicator_cols: IndicatorColumns | None = None
    levels: LevelState = field(default_factory=LevelState)
    indicators: list[Indicator] = field(default_factory=list)
    last_header: Row | None = None
    last_indicator_row: Row | None = None
    total_row: Row | None = None
    after_indicators: bool = False
    scores: dict[str, Decimal] = field(default_factory=dict)
    details: dict = field(default_factory=dict)
    problems: str | None = None
    rectification: str | None = None
    project: Project | None = None


def money_unit(rows: list[Row]) -> str:
    """万元 unless the money labels (项目资金（元）, 单位：元) say 元; looked for up to the money header."""
    for row in rows:
        for t in row.keys():
            if any(w in t for w in ("单位", "资金", "预算数", "执行数")):
                if "万元" in t:
                    return MoneyUnit.WAN_YUAN
                if re.search(r"[(（:：]元(?:[)）]|$)", t):
                    return MoneyUnit.YUAN
        if _money_header(row):
            break
    return MoneyUnit.WAN_YUAN


_FACT_FIRST = frozenset(label[0] for label in _FACT_LABELS)


def fact_label(cell: str) -> tuple[str | None, str]:
    """``项目名称`` or ``项目名称：就业服务`` → (field, inline value); (None, "") for other cells."""
    if cell.lstrip(" \u3000")[:1] not in _FACT_FIRST:  # what compact() would start with
        return None, ""
    t = compact(cell)
    for label, key in _FACT_LABELS.items():
        if not t.startswith(label):
            continue
        rest = t[len(label):]
        if rest[:1] in (":", "："):
            return key, re.split(r"[:：]", cell, maxsplit=1)[1].strip()
        if not rest or rest[:1] in ("(", "（"):
            return key, ""
    return None, ""


def value_after(row: Row, col: int) -> tuple[str, int] | None:
    """The first text right of ``col`` that is not another label (merged value cells leave empties)."""
    for i in range(col + 1, len(row.cells)):
        cell = row.cells[i].strip()
        if not cell:
            continue
        return None if fact_label(cell)[0] else (cell, i)
    return None


def ends_indicators(row: Row) -> bool:
    """The 总分 row or a closing block label ends the indicator rows."""
    return any(_is_total(t) or _end_label(t) for t in row.keys())


def _is_total(key: str) -> bool:
    """Whether a compacted cell is the 总分 label."""
    return key.rstrip(":：") in ("总分", "合计得分", "自评总分", "总得分")


def _end_label(key: str) -> str | None:
    """The closing block a compacted cell's label starts (评价结论 …), or None."""
    return _END_LABELS.get(key.rstrip(":："))


def _money_header(row: Row) -> dict[str, int] | None:
    cols = columns_by_words(row, _MONEY_HEADS, 14)
    return cols if "budget" in cols and "actual" in cols else None


def read_other(rows: list[Row], i: int, state: FormState) -> int:
    """Money, goal, 总分 and closing rows; returns the index of the next row to read."""
    row = rows[i]
    cols = _money_header(row)
    if cols is not None:
        state.money_cols, state.money_header = cols, row
        return i + 1
    if any(_is_total(t) for t in row.keys()):
        _read_total(row, state)
        return i + 1
    for col, t in enumerate(row.keys()):
        key = _end_label(t)
        if key:
            return _read_closing(rows, i, col, key, state)
    if "总体目标" in row.key() or (state.goal_header is not None and not state.goal_done):
        return _read_goal(rows, i, state)
    if state.money_cols is not None and state.goal_header is None and not state.goal_done:
        _read_money_row(row, state)
    return i + 1


def _label_index(row: Row) -> int | None:
    for i, t in enumerate(row.keys()):
        if "资金总额" in t or (fund_code(t) and len(t) <= 16):
            return i
    return None


def _read_money_row(row: Row, state: FormState) -> None:
    at = _label_index(row)
    cols = state.money_cols or {}
    if at is None or at >= min(cols.values()):
        return
    label = compact(row.cells[at])
    key = "total" if "资金总额" in label else fund_code(label)
    between = row.cells[at + 1:min(cols.values())]
    if len(row.cells) > min(cols.values()) and not any(c.strip() for c in between):
        values = {k: row.cell(c) for k, c in cols.items()}
    else:  # empty cells dropped: the values follow the label in the header's order
        rest = [c for c in row.cells[at + 1:] if c.strip()]
        values = dict(zip(sorted(cols, key=cols.__getitem__), rest))
    state.money_rows.append((key, values, row))


def _read_goal(rows: list[Row], i: int, state: FormState) -> int:
    row = rows[i]
    cells = [(c, t.strip()) for c, t in enumerate(row.cells) if t.strip()]
    heads = [c for c, t in cells if compact(t) in ("预期目标", "实际完成情况", "年度目标", "完成情况")]
    if len(heads) >= 2:
        state.goal_header, state.goal_cols = row, (heads[0], heads[-1])
        return i + 1
    texts = [(c, t) for c, t in cells if "总体目标" not in compact(t)]
    if not texts:
        return i + 1
    state.goal_done = True
    cols = state.goal_cols
    if cols and row.cell(cols[0]).strip() and not any(c < cols[0] for c, _ in texts):
        state.goal, state.status_text = row.cell(cols[0]).strip(), row.cell(cols[1]).strip() or None
    elif cols and len(texts) == 1 and texts[0][0] >= cols[1]:
        state.status_text = texts[0][1]
    else:  # empty cells dropped: goal, then what was achieved
        state.goal = texts[0][1]
        state.status_text = texts[1][1] if len(texts) > 1 else None
    return i + 1


def _read_total(row: Row, state: FormState) -> None:
    state.total_row = row
    cols = state.indicator_cols.cols if state.indicator_cols else {}
    at = next(c for c, t in enumerate(row.keys()) if _is_total(t))
    by_col: dict[str, Decimal | None] = {k: parse_decimal(row.cell(cols[k])) for k in ("weight", "score") if k in cols}
    numbers = [v for v in (parse_decimal(c) for c in row.cells[at + 1:]) if v is not None]
    if by_col.get("score") is None and numbers:  # columns shifted: 分值 then 得分 in order
        by_col = {"weight": numbers[0] if len(numbers) > 1 else None, "score": numbers[-1]}
    score, weight = by_col.get("score"), by_col.get("weight")
    if score is not None:
        state.scores["total"] = score
    if weight is not None:
        state.details["total_weight"] = format(weight, "f")
    for cell in row.cells[at + 1:]:
        grade = _grade(cell)
        if grade:
            state.details["grade"] = grade


def _grade(text: str | None) -> str | None:
    """优 / 良 / 中 / 差 from ``优``, ``自评等级：良``, ``评价等次为“优”``."""
    m = _GRADE.search(compact(text or ""))
    return (m.group(1) or m.group(2))[0] if m else None


def _read_closing(rows: list[Row], i: int, col: int, key: str, state: FormState) -> int:
    state.after_indicators = True
    row = rows[i]
    texts = [c.strip() for c in row.cells[col + 1:] if c.strip()]
    nxt = i + 1
    if not texts and nxt < len(rows) and not ends_indicators(rows[nxt]):
        texts, nxt = rows[nxt].nonempty(), nxt + 1
    text = " ".join(texts) or None
    if key == "conclusion":
        state.details["conclusion"] = text
        if _grade(text):
            state.details.setdefault("grade", _grade(text))
        m = _STATED_SCORE.search(compact(text or ""))
        if m:
            state.scores["conclusion_total"] = Decimal(m.group(1))
    elif key == "problems":
        state.problems = text
    else:
        state.rectification = text
    return nxt


def _rate(text: str, budget: Decimal | None, actual: Decimal | None) -> Decimal | None:
    """执行率 as a percentage: ``95.53%``, ``95.53`` or a workbook's fraction ``0.9553``."""
    rate = parse_percent(text)
    if rate is not None:
        return rate
    value = parse_decimal(text)
    if value is None:
        return None
    if budget and actual is not None:
        computed = actual / budget * 100
        return value * 100 if abs(value * 100 - computed) < abs(value - computed) else value
    return value * 100 if value <= 1 else value


def _num(text: str | None) -> Decimal | None:
    return None if text is None or text.strip() in _EMPTY else parse_decimal(text)


def fill_money(project: Project, state: FormState, doc) -> None:
    """Money rows → budget (全年预算数), budget_initial (年初预算数), actual, rate and its score."""
    unit = state.unit_of_money
    got: dict[str, tuple[Decimal | None, dict[str, Decimal]]] = {}
    for which in ("initial", "budget", "actual"):
        total: Decimal | None = None
        parts: dict[str, Decimal] = {}
        for key, values, row in state.money_rows:
            value = _num(values.get(which))
            if value is None:
                continue
            if key == "total":
                total = value
            elif key:
                parts[key] = parts.get(key, Decimal(0)) + value
        got[which] = (total, parts)
    totals = [(k, v, r) for k, v, r in state.money_rows if k == "total"]
    src = totals[0][2] if totals else None

    money_cols = state.money_cols or {}

    def ref(k: str) -> SourceRef | None:
        return src.ref_of(money_cols[k]) if src and k in money_cols else None

    project.budget = money_of(*got["budget"], unit, ref("budget"))
    project.actual = money_of(*got["actual"], unit, ref("actual"))
    if got["initial"][0] is not None or got["initial"][1]:
        project.budget_initial = money_of(*got["initial"], unit, ref("initial"))
    if totals:
        values = totals[0][1]
        project.execution_rate = _rate(values.get("rate", ""), got["budget"][0], got["actual"][0])
        for k, name in (("weight", "execution_weight"), ("score", "execution_score")):
            stated = _num(values.get(k))
            if stated is not None:
                project.stated_scores[name] = stated
    elif state.money_cols is not None:
        doc.warnings.append(ParseWarning("资金表中没有“年度资金总额”行 (no 年度资金总额 row)",
                                         state.money_header.ref if state.money_header else None, project.name))


__all__ = ["FormState", "Money", "fact_label", "ends_indicators", "fill_money", "money_unit", "read_other", "value_after"]
