"""The money block of a self-evaluation: a header of columns (年初预算数, 全年预算数, 全年执行数,
分值, 执行率, 得分 and their variants), then rows (年度资金总额, 其中：财政拨款, 上年结转 …).

Values sit under their header's columns when a real table kept its empty cells; otherwise they
follow the row label in the header's order, some cells dropped and, in flattened text, digits run
together. Then every way of laying the values out is tried and the one the arithmetic confirms
is kept (rate = actual ÷ budget, score = weight × rate, score ≤ weight). When two layouts give
different amounts and nothing decides between them, the row gets a notice and no amounts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

from .tokens import Token
from .values import amount, is_placeholder, percent, shape, splits, to_decimal

MONEY = ("budget_initial", "budget", "actual")
ROW_SECTIONS = ("money_rows", "funds")
_STOP = ("fields", "goal_columns", "indicator_columns", "closing", "form_titles", "level1", "level2")
_TRUE_COLUMNS = (None, "tab")


@dataclass(slots=True)
class MoneyRow:
    """One row of the block: its label's key (``total`` or a fund) and the cells read for each column."""

    key: str
    label: Token
    cells: dict[str, Token] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # the text of each column, split runs included
    notice: str | None = None
    by_order: bool = False  # read in the header's order (cells were dropped)


@dataclass(slots=True)
class MoneyBlock:
    """The header's columns in order and the rows under it."""

    columns: list[tuple[str, Token]]
    rows: list[MoneyRow] = field(default_factory=list)
    end: int = 0  # index of the first token after the block


def find_header(toks: list[Token], start: int, stop: int
                ) -> tuple[list[tuple[str, Token]], int, dict[str, Token]] | None:
    """The money header in ``toks[start:stop]``: a run of money-column labels, at least a budget or
    actual among them; (columns, index after the header, values printed right after their label
    as in ``预算数: 2.38 执行数: 2.38``) or None."""
    i = start
    while i < stop:
        if toks[i].is_label("money_columns") and not toks[i].inline:
            cols: list[tuple[str, Token]] = []
            pairs: dict[str, Token] = {}
            j, gap = i, 0
            while j < stop and gap <= 2:
                t = toks[j]
                if t.is_label("money_columns") and not t.inline:
                    cols.append((t.label("money_columns") or "", t))
                    gap = 0
                elif t.is_label(*ROW_SECTIONS) or t.is_label(*_STOP):
                    break
                elif _UNIT_ONLY.match(t.key):
                    pass  # (万元) under its label: the value comes next
                elif t.text:
                    if gap == 0 and cols and _pairs_with(t.text) and cols[-1][0] not in pairs:
                        pairs[cols[-1][0]] = t
                    gap += 1
                j += 1
            cols = _by_year(cols)
            keys = [k for k, _ in cols]
            if len(cols) >= 2 and ("budget" in keys or "actual" in keys):
                return _dedupe(cols), j, pairs
            i = j if j > i else i + 1
            continue
        i += 1
    return None


_PAIR_SHAPES = frozenset({"number", "amount", "percent"})
_UNIT_ONLY = re.compile(r"^[(（](?:万元|元)[)）]$")
_NUMBERISH = re.compile(r"^[0-9][0-9,.，]*[0-9]$")


def _pairs_with(text: str) -> bool:
    """A value right after its label: a number, an amount, a rate, or digits written wrongly
    (``7,00.0,77``, kept so that the reader can say it could not read them)."""
    return shape(text) in _PAIR_SHAPES or bool(_NUMBERISH.match(text.strip()))


def _by_year(cols: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """Columns of several years (``2021年决算数 | 2022年预算数 | 2022年决算数``): the latest year's
    are the form's budget and actual, the others are kept as ``prior_…`` columns."""
    years = [t.year for _, t in cols if t.year]
    if not years:
        return cols
    latest = max(years)
    return [(k if not t.year or t.year == latest else f"prior_{k}", t) for k, t in cols]


def _dedupe(cols: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """A column named twice (a group header 年度预算数 over 年初预算 | 调整后预算数): the later one counts."""
    out: list[tuple[str, Token]] = []
    for k, t in cols:
        out = [(a, b) for a, b in out if a != k]
        out.append((k, t))
    return out


def read_block(toks: list[Token], start: int, stop: int) -> MoneyBlock | None:
    """The money block whose header is found first in ``toks[start:stop]``."""
    found = find_header(toks, start, stop)
    if found is None:
        return None
    columns, i, pairs = found
    block = MoneyBlock(columns)
    if len(pairs) >= 2 or (pairs and any(k in pairs for k in MONEY)):
        first = columns[0][1]
        block.rows.append(MoneyRow("total", first, dict(pairs), {k: _strip_where(t.text) for k, t in pairs.items()}))
    while i < stop:
        t = toks[i]
        if t.is_label(*_STOP) and not t.is_label(*ROW_SECTIONS):
            break
        key = t.label("money_rows") or t.label("funds")
        if key is None or key == "block":
            i += 1
            continue
        row, cells, i = _row(toks, i, stop, key)
        fill(block, row, cells)
        block.rows.append(row)
    block.end = i
    return block


def _row(toks: list[Token], i: int, stop: int, key: str) -> tuple[MoneyRow, list[Token], int]:
    label = toks[i]
    row = MoneyRow(key, label)
    cells: list[Token] = []
    if label.inline:
        cells.append(Token(label.inline, label.inline, label.row, label.col, label.ref, label.layout))
    j = i + 1
    while j < stop:
        t = toks[j]
        if t.is_label():
            break
        if t.row != label.row and label.layout not in ("cells", "stream") and t.row_start \
                and not (cells and _continues(toks, j, stop)):
            break
        if t.text and not _strip_where(t.text):  # 其中: before the next label
            j += 1
            continue
        runs = value_runs(_strip_where(t.text)) if t.piece and t.text else []
        if len(runs) > 1 and not any(_gluable(r) for r in runs):
            cells.extend(Token(r, r, t.row, t.col, t.ref, t.layout, piece=t.piece) for r in runs)
            j += 1
            continue
        if t.text and shape(_strip_where(t.text)) == "words" and not _gluable(_strip_where(t.text)):
            break
        cells.append(t)
        j += 1
    return row, cells, j


def _continues(toks: list[Token], j: int, stop: int) -> bool:
    """A row of values only, right under a row whose label it lacks: the same row broken over two
    lines (``年度资金总额: 1 52.8`` / ``52.8 52.8 100.00% 30.8 58.33%``)."""
    row = toks[j].row
    cells = [t for t in toks[j:min(stop, j + 12)] if t.row == row and t.text]
    return bool(cells) and all(not t.is_label() and shape(_strip_where(t.text)) != "words" for t in cells)


def value_runs(text: str) -> list[str]:
    """``10萬10萬100%20`` → ``10萬``, ``10萬``, ``100%``, ``20`` when values run together with their
    units and nothing else; [] otherwise."""
    key = normalise(text).replace("萬", "万")
    runs = [m.group() for m in _MONEY_RUN.finditer(key)]
    return runs if "".join(runs) == key else []


_MONEY_RUN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]{1,2})?(?:万元|万|元|%)?")


def _strip_where(text: str) -> str:
    """A value cut from flattened text keeps the end of its label and the start of the next one
    (``:303010100%其中:``)."""
    text = text.lstrip(":： ")
    for tail in ("其中:", "其中：", "其中"):
        if text.endswith(tail):
            return text[: -len(tail)].strip()
    return text


def fill(block: MoneyBlock, row: MoneyRow, cells: list[Token]) -> None:
    """Lay a row's cells out under the header: by column where a real table kept them, else by
    order with the arithmetic deciding."""
    cols = block.columns
    by_col = {t.col: t for t in cells if t.text}
    if by_col and row.label.layout in _TRUE_COLUMNS and all(c in {h.col for _, h in cols} for c in by_col):
        for k, h in cols:
            if h.col in by_col:
                row.cells[k] = by_col[h.col]
                row.texts[k] = _strip_where(by_col[h.col].text)
        return
    if len(cells) == len(cols) and row.label.layout == "cells":  # one cell per line, empties kept
        for (k, _), t in zip(cols, cells):
            if t.text:
                row.cells[k], row.texts[k] = t, _strip_where(t.text)
        return
    filled = [t for t in cells if t.text]
    row.by_order = True
    texts = [_strip_where(t.text) for t in filled]
    layout = best_layout([k for k, _ in cols], texts)
    if layout is None and len(texts) > len(cols):  # a header label lost: the template's columns
        template = vocabulary().layouts.get("money_columns", [])
        if set(k for k, _ in cols) <= set(template):
            layout = best_layout(template, texts)
    if layout is None:
        if any(t.text for t in filled):
            row.notice = "资金行的数字无法按表头确定对应的列，未读取"
        return
    for k, (text, src) in layout.items():
        row.texts[k] = text
        row.cells[k] = filled[src]


def best_layout(columns: list[str], texts: list[str]) -> dict[str, tuple[str, int]] | None:
    """The layout of ``texts`` under ``columns`` (in order, some columns left empty, glued runs cut)
    that scores best; None when two layouts with different amounts score the same."""
    if not texts or len(texts) > 12:
        return None
    options: list[list[list[str]]] = []
    for text in texts:
        opts = [[text]]
        if len(columns) > 1 and _gluable(text):
            for parts in range(2, min(len(columns), 6) + 1):
                opts.extend(splits(text, parts))
        options.append(opts)
    best: tuple[float, dict[str, tuple[str, int]], int] | None = None
    tie = False
    for combo in itertools.islice(itertools.product(*options), 4000):
        values = [(v, src) for src, parts in enumerate(combo) for v in parts]
        glue = sum(len(p) - 1 for p in combo)
        if len(values) > len(columns):
            continue
        for chosen in itertools.combinations(range(len(columns)), len(values)):
            lay = {columns[c]: values[n] for n, c in enumerate(chosen)}
            s = _score(lay, chosen, len(columns), glue)
            if s is None:
                continue
            if best is None or s > best[0] + 1e-9:
                best, tie = (s, lay, glue), False
            elif abs(s - best[0]) <= 1e-9 and _amounts(lay) != _amounts(best[1]):
                tie = True
    if best is None or tie:
        return None
    if best[2] and not _confirmed(best[1]):  # a cut of glued digits is kept only when the rate confirms it
        return None
    return best[1]


def _gluable(text: str) -> bool:
    """Digits that may be several numbers run together: two decimal points, or four or more
    digits without one (``303010100%``, ``2020``); a number like ``5.00`` is one number."""
    t = text.replace(",", "")
    if not t.replace(".", "").replace("%", "").isdigit():
        return False
    digits = t.rstrip("%")
    if t.endswith("%") and digits.count(".") <= 1 and len(digits.split(".")[0]) > 4:
        return True  # no rate is 202010100.00%: 20 | 20 | 10 | 100.00%
    return t.count("%") > 1 or "%" in digits or digits.count(".") > 1 or (
        "." not in digits and len(digits) >= 4) or ("." in digits and len(digits.split(".")[1]) > 2)


def _amounts(lay: dict[str, tuple[str, int]]) -> tuple:
    """What a layout reads (placeholders read as nothing): two layouts that differ only in where
    a ``-`` stands read the same."""
    return tuple("" if is_placeholder(v := lay.get(k, ("", 0))[0]) else v for k in (*MONEY, "rate", "weight", "score"))


def _num(text: str) -> Decimal | None:
    a = amount(text)
    return a[0] if a else None


def _score(lay: dict[str, tuple[str, int]], chosen: tuple[int, ...], n: int, glue: int) -> float | None:
    """How well a layout fits: None when a value cannot stand in its column."""
    s = 0.0
    has_percent = any(percent(v) is not None for v, _ in lay.values())
    for k, (v, _) in lay.items():
        if is_placeholder(v):
            if k in MONEY:
                s -= 0.5
            continue
        p = percent(v)
        if k == "rate" or k.endswith("_rate"):
            if p is None and (has_percent or _num(v) is None):
                return None
        elif p is not None or _num(v) is None:
            return None
        elif k in ("weight", "score") and (_num(v) or 0) > 100:
            return None
    money = {k: _num(lay[k][0]) for k in MONEY if k in lay}
    rate = _rate_value(lay["rate"][0]) if "rate" in lay else None
    weight = _num(lay["weight"][0]) if "weight" in lay else None
    score = _num(lay["score"][0]) if "score" in lay else None
    budget, actual = money.get("budget"), money.get("actual")
    if budget and actual is not None and rate is not None:
        if _rate_agrees(actual, budget, rate, lay["rate"][0]):
            s += 3 if actual else 0.5  # 0 ÷ anything is 0%: that agreement proves little
        else:
            s -= 1
    if weight is not None and score is not None:
        s += 0.5 if score <= weight else -1
        if rate is not None and abs(score - weight * min(rate, Decimal(100)) / 100) <= Decimal("0.5"):
            s += 1
    if budget is not None and actual is not None and actual > budget * 2:
        s -= 0.5
    initial = money.get("budget_initial")
    if initial and budget and not (budget / 5 <= initial <= budget * 5):
        s -= 0.5  # 年初 and 全年 budgets of one project are of one size
    places = {len(v.split(".")[1]) if "." in v else 0 for k in MONEY if k in lay
              for v in [lay[k][0]] if not is_placeholder(v)}
    if len(places) == 1 and glue:
        s += 0.3  # one table prints its amounts with the same decimals
    s -= 0.05 * sum(1 for i, c in enumerate(chosen) if c != i)  # prefer values in the first columns
    s -= 0.01 * glue
    if glue:  # a cut that leaves a bare 0 is rarely what was printed
        s -= sum(1.0 for v, _ in lay.values() if v in ("0", "0%"))
    return s


def _rate_value(text: str) -> Decimal | None:
    p = percent(text)
    if p is not None:
        return p
    return to_decimal(text) if _num(text) is not None else None


def _rate_agrees(actual: Decimal, budget: Decimal, rate: Decimal, printed: str) -> bool:
    """Whether a printed rate is actual ÷ budget, to the rounding it is printed with (or less
    than a point off: forms round a rate their own ways)."""
    computed = actual / budget * 100
    return abs(computed - rate) < Decimal(1) or (rate == 100 and computed >= 100)


def _confirmed(lay: dict[str, tuple[str, int]]) -> bool:
    money = {k: _num(lay[k][0]) for k in MONEY if k in lay}
    rate = _rate_value(lay["rate"][0]) if "rate" in lay else None
    if money.get("budget") and money.get("actual") is not None and rate is not None:
        return _rate_agrees(money["actual"], money["budget"], rate, lay["rate"][0])  # type: ignore[arg-type]
    return False


__all__ = ["MoneyBlock", "MoneyRow", "best_layout", "fill", "find_header", "read_block"]
