"""An indicator table in the token stream: its header, its rows, and the Indicators they make.

Shared by the self-evaluation and target readers: the header is a run of column labels of the
vocabulary (``indicator_columns``); the rows are laid out by ``indicator_body``; category cells
carry down (a merged 一级指标 covers the rows below it); 指标性质 + 指标值 + 度量单位 printed in
three cells make one target.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from jixiao.domain.levels import LevelLabel, LevelTracker, indicator_levels, level_label, resolve_levels
from jixiao.domain.model import Indicator
from jixiao.domain.targets import TargetValue, parse_target
from jixiao.domain.text import compact, to_halfwidth
from jixiao.domain.vocabulary import vocabulary

from .indicator_body import BodyRow, evaluation_level, is_level, read_body
from .tokens import Token
from .values import number, shape

LEVEL_ROLES = ("level1", "level2", "block")
_NATURE_OPS = [
    ("大于等于", "≥"), ("小于等于", "≤"), ("≥", "≥"), (">=", "≥"), ("≧", "≥"), ("≤", "≤"), ("<=", "≤"),
    ("≦", "≤"), ("正向", "≥"), ("反向", "≤"), ("大于", ">"), ("小于", "<"), (">", ">"), ("<", "<"),
    ("等于", "="), ("=", "="), ("═", "="), ("定性", None),
]
_ENDS = ("closing", "form_titles")


@dataclass(slots=True)
class Header:
    """An indicator header: its column keys in order and where it sits in the stream."""

    columns: list[str]
    start: int
    end: int  # index after the header's last label
    tokens: list[Token] | None = None  # the header's label tokens, one per column

    @property
    def roles(self) -> list[str]:
        """The content columns (category columns taken out), each once, in order."""
        out: list[str] = []
        for c in self.columns:
            if c not in LEVEL_ROLES and c not in out:
                out.append(c)
        return out


def find_header(toks: list[Token], start: int, stop: int, need: tuple[str, ...]) -> Header | None:
    """The first run of indicator-column labels in ``toks[start:stop]`` that names an indicator
    (三级指标 or the like) and at least one column of ``need``."""
    i = start
    while i < stop:
        if not toks[i].is_label("indicator_columns") or toks[i].inline:
            i += 1
            continue
        cols: list[str] = []
        heads: list[Token] = []
        j, gap, last = i, 0, i
        while j < stop and gap <= 3:
            t = toks[j]
            key = t.label("indicator_columns")
            if key and t.is_label("goal_columns") and not any(c in cols for c in ("name", "level1", "level2")):
                key = None  # 实际完成情况 of the goal block, not yet an indicator column
            if key and not t.inline:
                cols.append(key)
                heads.append(t)
                gap, last = 0, j
            elif t.text and (t.is_label("fields", "money_rows", "closing") or is_level(t)):
                break
            elif t.text and (len(t.key) > 10 or any(c.isdigit() for c in t.key)) and not key:
                break  # words or values: the rows have begun
            elif t.text:
                gap += 1
            j += 1
        if ("name" in cols or "level2" in cols) and any(k in cols for k in need) and len(set(cols)) >= 3:
            cols, heads = two_rows(cols, heads)
            return Header(cols, i, last + 1, heads)
        i = last + 1
    return None


_VALUE_COLUMNS = frozenset({"target", "actual", "weight", "score", "deviation"})
_FRONT = frozenset({"seq", "level1", "level2", "name"})


def two_rows(cols: list[str], heads: list[Token]) -> tuple[list[str], list[Token]]:
    """A header printed in two rows, read row by row: ``绩效指标 | 年度指标值 | 实际完成值 | 分值 …``
    then ``一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`` — the categories and the name
    span both rows, the second row's other cells divide the first row's 年度指标值. → the columns in
    the order the body prints them."""
    k = next((n for n, c in enumerate(cols) if c in _FRONT and any(x in _VALUE_COLUMNS for x in cols[:n])), None)
    if k is None:
        return cols, heads
    top, sub = list(zip(cols[:k], heads[:k])), list(zip(cols[k:], heads[k:]))
    front = [p for p in sub if p[0] in _FRONT]
    parts = [p for p in sub if p[0] not in _FRONT]
    if "target" in [c for c, _ in parts] and "target" in [c for c, _ in top]:
        at = [c for c, _ in top].index("target")
        top = top[:at] + parts + top[at + 1:]
    else:
        top = top + parts
    pairs = front + [p for p in top if p[0] not in LEVEL_ROLES]
    return [c for c, _ in pairs], [t for _, t in pairs]


def headerless(toks: list[Token], start: int, stop: int, template: list[str]) -> Header | None:
    """An indicator table whose header is not in the text (an excerpt that starts mid-table):
    category cells (产出指标, 数量指标) with rows after them, read in the template's columns."""
    levels = [i for i in range(start, stop) if is_level(toks[i])]
    if len(levels) < 2:
        return None
    first = levels[0]
    ops = sum(1 for t in toks[first:stop] if t.text and shape(t.text) == "op")
    if ops >= 2 and "nature" not in template:  # ≧ | 100 | % : 指标性质, 指标值, 度量单位 in three cells
        template = vocabulary().layouts.get("indicator_columns_nature", template)
    return Header(list(template), first, first, None)


def body_end(toks: list[Token], start: int, stop: int) -> int:
    """Where the rows stop: a closing label (总分, 评价结论 …), the next form, or ``stop``."""
    for i in range(start, stop):
        t = toks[i]
        if t.is_label(*_ENDS) or t.label("fields") == "name":
            return i
    return stop


def read_rows(toks: list[Token], header: Header, end: int, extra: tuple[str, ...] = ()) -> list[BodyRow]:
    """The rows between the header and ``end``; repeated header labels (a new page) skipped;
    ``extra`` columns the header does not name may follow its own (a score column some forms
    print without a header cell). Where no category cell is a known category name (the items of a
    决策/过程 score table), the category columns are read as cells like the others."""
    body = [t for t in toks[header.end:end] if not (t.is_label("indicator_columns") and not is_level(t))]
    roles = header.roles
    if not any(t.is_label("level1", "level2") for t in body):
        evaluation = any(evaluation_level(t.text, None) for t in body if not t.piece) or any(
            t.piece for t in body)  # flattened score tables carry their first level as its own cell
        free = {"level2"} if evaluation else {"level1", "level2"}
        roles = [c for c in dict.fromkeys(header.columns) if c != "block" and (c not in LEVEL_ROLES or c in free)]
    columns = {t.col: k for k, t in zip(header.columns, header.tokens or []) if t.layout is None and not t.piece}
    return read_body(body, roles + [c for c in extra if c not in roles], columns=columns)


def unaligned(rows: list[BodyRow], header: Header) -> list[Token]:
    """Rows of a real table (or its tab-separated text) whose cells do not stand under their
    header's columns: their empty cells were dropped and they were read by order."""
    cols = {k: t.col for k, t in zip(header.columns, header.tokens or []) if t.layout in (None, "tab")}
    out = []
    for row in rows:
        toks = [(k, t) for k, t in row.tokens.items() if k in cols and t.layout in (None, "tab")]
        if toks and any(t.col != cols[k] for k, t in toks):
            out.append(row.first)
    return out


def build(rows: list[BodyRow], cut: bool = False) -> list[Indicator]:
    """Body rows → Indicators with their categories carried down; in a table cut short (``cut``)
    a last row holding only a name is the cut-off start of a row, not an indicator."""
    tracker = LevelTracker()
    free: list[str | None] = [None, None]  # categories of a score table, as written (决策, 项目立项)
    out = []
    if cut and rows and set(rows[-1].values) == {"name"}:
        rows = rows[:-1]
    for row in rows:
        labels = [lab for lv in row.levels if (lab := _label_of(lv)) is not None]
        level1, level2 = tracker.carry(*resolve_levels(labels))
        _carry_free(free, row)
        ind = indicator(row, level1, level2)
        if ind is not None:
            ind.level1_text = ind.level1_text or free[0]
            ind.level2_text = ind.level2_text or free[1]
            out.append(ind)
    return out


def _label_of(tok: Token) -> LevelLabel | None:
    """A category cell's level: as the domain spells it, else as the vocabulary lists it
    (``社会公众或服务对象满意度指标``, a longer regional spelling)."""
    label = level_label(_level_text(tok))
    if label is None:
        for kind in ("level2", "level1"):
            if tok.label(kind):
                return LevelLabel(kind, tok.label(kind) or "", _level_text(tok), False)
    return label


def _carry_free(free: list[str | None], row: BodyRow) -> None:
    """Carry a score table's written categories down (merged cells print them once)."""
    for lv in row.levels:
        if lv.is_label("evaluation_levels") or not lv.is_label("level1", "level2"):
            free[0], free[1] = _level_text(lv), None
    if row.values.get("level1"):
        free[0], free[1] = row.values["level1"], None
    if row.values.get("level2"):
        free[1] = row.values["level2"]


def _level_text(tok: Token) -> str:
    """A category cell's words without its points (``产出指标(50分)`` → ``产出指标``)."""
    text = tok.text
    for bracket in ("(", "（"):
        if bracket in text and text.rstrip().endswith((")", "）")):
            text = text[: text.index(bracket)]
    return compact(text) or tok.text


def indicator(row: BodyRow, level1, level2) -> Indicator | None:
    """One body row → an Indicator; None when it holds neither a name nor a value."""
    v = row.values
    name = (v.get("name") or "").strip()
    values = [x for k, x in v.items() if k != "name" and x]
    if not values and len(name) < 2:  # nothing but a cut-off character (成本指标 | 指)
        return None
    unit = (v.get("measure_unit") or "").strip()
    target = combine_target(v.get("nature", ""), v.get("target", ""), unit)
    actual = combine_target("", v["actual"], unit) if v.get("actual") else None
    code1, text1, code2, text2, required = indicator_levels(level1, level2)
    src = row.tokens.get("name", row.first)
    return Indicator(
        level1=code1, level2=code2, name=name, target=target, actual=actual,
        weight=number(v.get("weight")), score=number(v.get("score")),
        deviation_reason=(v.get("deviation") or "").strip() or None, required=required,
        source_of_value=(v.get("source_of_value") or "").strip() or None,
        note=(v.get("note") or "").strip() or None,
        level1_text=text1, level2_text=text2, source=src.ref,
    )


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


__all__ = ["Header", "body_end", "headerless", "build", "combine_target", "find_header", "indicator", "read_rows", "unaligned"]
