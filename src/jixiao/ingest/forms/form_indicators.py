"""The indicator block of the national single-project form: 一级/二级/三级指标 rows under one header.

Columns come from the header row. A workbook (and a text export of one) keeps every column, and a
merged level cell is empty below its label, so the label applies until the next one. Text extracted
from a PDF drops those empty cells; such a row is read by order instead: leading level labels, then
the remaining cells in the header's column order.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from jixiao.domain.levels import level1_code, level2_code, parent_of, split_required
from jixiao.domain.model import Indicator
from jixiao.domain.numbers import parse_decimal
from jixiao.domain.source import SourceRef
from jixiao.domain.targets import UNITS, TargetValue, parse_target
from jixiao.domain.text import compact, to_halfwidth
from jixiao.ingest.grid import Row

OUTER_LABELS = ("绩效指标", "年度绩效指标", "绩效目标")
# Header words → column keys; checked in order, so 实际完成值 is tried before 指标值.
_HEADER_WORDS = [
    ("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("指标名称", "name"),
    ("指标性质", "nature"), ("指标方向", "nature"), ("实际完成", "actual"), ("实际值", "actual"),
    ("完成值", "actual"), ("指标值", "target"), ("目标值", "target"), ("度量单位", "unit"),
    ("计量单位", "unit"), ("分值", "weight"), ("权重", "weight"), ("得分", "score"), ("偏差原因", "reason"),
]
_NATURE_OPS = [
    ("大于等于", "≥"), ("小于等于", "≤"), ("≥", "≥"), (">=", "≥"), ("≧", "≥"), ("≤", "≤"), ("<=", "≤"),
    ("≦", "≤"), ("正向", "≥"), ("反向", "≤"), ("大于", ">"), ("小于", "<"), (">", ">"), ("<", "<"),
    ("等于", "="), ("=", "="), ("定性", None),
]


@dataclass(slots=True)
class IndicatorColumns:
    """Where each indicator field sits in the header row."""

    cols: dict[str, int]
    header: Row

    def order_after_name(self) -> list[str]:
        """Keys from 三级指标 onwards in column order: the order of a row whose empties were dropped."""
        start = self.cols["name"]
        return [k for k, c in sorted(self.cols.items(), key=lambda kv: kv[1]) if c >= start]


def columns_by_words(row: Row, words: list[tuple[str, str]], max_len: int) -> dict[str, int]:
    """Header cells → {key: column}: a short cell holding a word names that word's column."""
    cols: dict[str, int] = {}
    for i, t in enumerate(row.keys()):
        if not t or len(t) > max_len:
            continue
        key = next((k for word, k in words if word in t), None)
        if key and key not in cols:
            cols[key] = i
    return cols


def header_columns(row: Row) -> IndicatorColumns | None:
    """The indicator header (needs 三级指标 and a target column), or None for any other row."""
    cols = columns_by_words(row, _HEADER_WORDS, 16)
    if "name" in cols and "target" in cols and ("level1" in cols or "level2" in cols):
        return IndicatorColumns(cols, row)
    return None


@dataclass(slots=True)
class LevelState:
    """The level labels in force (a merged level cell covers the rows below it)."""

    level1: str | None = None
    level2: str | None = None
    unordered: list[SourceRef] = field(default_factory=list)


def _is_label(text: str, code_of) -> bool:
    t = compact(text)
    return bool(t) and len(t) <= 14 and (code_of(t) is not None or t.endswith(("指标", "目标")))


def _aligned(row: Row, cols: IndicatorColumns) -> bool:
    """True when the row keeps the header's columns (workbook, or text exported from one)."""
    if row.cell_refs is not None:
        return True
    for key, code_of in (("level1", level1_code), ("level2", level2_code)):
        col = cols.cols.get(key)
        if col is not None and row.cell(col).strip() and not _is_label(row.cell(col), code_of):
            return False
    return len(row.cells) > cols.cols["name"]


def _fields_by_order(row: Row, cols: IndicatorColumns, state: LevelState) -> dict[str, tuple[str, int]]:
    cells = [(i, c) for i, c in enumerate(row.cells) if c.strip()]
    while cells and compact(cells[0][1]) in OUTER_LABELS:
        cells.pop(0)
    texts = [c for _, c in cells[:2]] + ["", ""]
    if level1_code(texts[0]) and _is_label(texts[0], level1_code) and level2_code(texts[1]):
        state.level1, state.level2 = cells.pop(0)[1], None  # 成本指标 is a level-1 only above a level-2
    if cells and _is_label(cells[0][1], level2_code) and level2_code(cells[0][1]):
        state.level2 = cells.pop(0)[1]
        parent = parent_of(level2_code(state.level2))
        if parent != level1_code(state.level1) and level1_code(state.level2) == parent:
            state.level1 = state.level2  # 满意度指标 alone names both levels
    elif cells and _is_label(cells[0][1], level1_code) and level1_code(cells[0][1]):
        state.level1, state.level2 = cells.pop(0)[1], None
    fields: dict[str, tuple[str, int]] = {}
    for key in cols.order_after_name():
        if not cells:
            break
        if key == "unit" and _qualitative_target(fields) and not _looks_like_unit(cells[0][1]):
            continue  # a qualitative target has no unit; its empty cell was dropped
        i, text = cells.pop(0)
        fields[key] = (text, i)
    return fields


def _qualitative_target(fields: dict[str, tuple[str, int]]) -> bool:
    return "target" in fields and parse_target(fields["target"][0]).value is None


def _looks_like_unit(text: str) -> bool:
    t = compact(text)
    return t in UNITS or t in ("—", "-", "/", "无", "——")


def _fields_by_column(row: Row, cols: IndicatorColumns, state: LevelState) -> dict[str, tuple[str, int]]:
    l1 = row.cell(cols.cols["level1"]) if "level1" in cols.cols else ""
    l2 = row.cell(cols.cols["level2"]) if "level2" in cols.cols else ""
    if l1.strip():
        state.level1, state.level2 = l1, None
    if l2.strip():
        state.level2 = l2
    return {key: (row.cell(c), c) for key, c in cols.cols.items() if key not in ("level1", "level2")}


def combine_target(nature: str, value: str, unit: str) -> TargetValue:
    """指标性质 + 年度指标值 + 度量单位 → one parsed target whose text shows all three."""
    nature, value, unit = compact(nature), value.strip(), compact(unit)
    if parse_target(value).value is None:
        return parse_target(value)  # qualitative: direction and unit add nothing
    op = next((o for w, o in _NATURE_OPS if to_halfwidth(nature).startswith(w)), None)
    text = value
    if unit and not compact(value).endswith(unit):
        text = f"{text}{unit}"
    if op and to_halfwidth(value)[:1].isdigit():
        text = f"{nature}{text}"
    parsed = parse_target(text)
    return dataclasses.replace(parsed, op=op or parsed.op, unit=parsed.unit or unit or None)


def read_row(row: Row, cols: IndicatorColumns, state: LevelState) -> Indicator | None:
    """One indicator row → an Indicator; None for label-only or empty rows."""
    aligned = _aligned(row, cols)
    fields = (_fields_by_column if aligned else _fields_by_order)(row, cols, state)
    if not aligned:
        state.unordered.append(row.ref)
    name, name_col = fields.get("name", ("", cols.cols["name"]))

    def get(key: str) -> str:
        return fields.get(key, ("", 0))[0].strip()

    if not name.strip() and not get("target") and not get("actual"):
        return None
    unit = get("unit")
    target = combine_target(get("nature"), get("target"), unit)
    actual = combine_target("", get("actual"), unit) if get("actual") else None
    l1_text, _ = split_required(state.level1 or "")
    l2_text, required = split_required(state.level2 or "")
    level2 = level2_code(l2_text)
    return Indicator(
        level1=level1_code(l1_text) or parent_of(level2), level2=level2, name=name.strip(),
        target=target, actual=actual, weight=parse_decimal(get("weight")),
        score=parse_decimal(get("score")), deviation_reason=get("reason") or None, required=required,
        level1_text=l1_text or None, level2_text=l2_text or None, source=row.ref_of(name_col),
    )


def looks_cut(row: Row, cols: IndicatorColumns) -> bool:
    """A last indicator row with a name but neither actual, weight nor score was cut short."""
    state = LevelState()
    ind = read_row(row, cols, state)
    return ind is not None and ind.actual is None and ind.weight is None and ind.score is None
