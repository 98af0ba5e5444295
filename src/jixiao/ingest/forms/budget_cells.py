"""Cells of the 部门预算 tables: amounts, header columns and rows read by header or by value shape.

Positions cannot be trusted (extraction drops empty cells), so a row is first read by the columns
its header names; when its cells do not fit those columns it is read again by value shapes, in
column order, and a warning names the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.domain.memo import per_document
from jixiao.domain.model import Document, ParseWarning
from jixiao.domain.numbers import parse_decimal
from jixiao.domain.text import compact, to_halfwidth
from jixiao.ingest.grid import Row

_YEAR_CELL = re.compile(r"^(20\d{2})\s*年?(?:度)?$")
_ITEM_CODE = re.compile(r"^[ABC](?:\d{2,6})?$")
_FUNCTION_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_TABLE_MARK = re.compile(r"^表\s*\d{1,2}$")
_MARKUP = re.compile(r"[#*]+")
_MONEY_LABEL = re.compile(r"单位\s*[:：]\s*(万元|元)")
_DEPT_LABEL = re.compile(r"^(?:单位名称|部门名称|编制单位|主管部门)\s*[:：]\s*(\S.*)$")


def read_amount(text: str | None) -> Decimal | None:
    """A money cell: ``694,773``, ``69000``, ``9, 528. 09`` → Decimal; dashes and text → None.

    ``parse_decimal`` itself: a number it reads ends with a digit, so blanks (-, —, /) and words
    give None; it is remembered per document, so asking ``is_amount`` first costs nothing more.
    """
    return parse_decimal(text)


def is_amount(text: str) -> bool:
    """``read_amount(text) is not None``."""
    return parse_decimal(text) is not None


@per_document
def plain(text: str) -> str:
    """A cell or line without Markdown marks and spaces, half-width, for matching.

    Remembered per document: readers ask it of the same cells and labels again and again.
    """
    if "#" in text or "*" in text:
        text = _MARKUP.sub("", text)
    return compact(text)


def may_be_digits(text: str) -> bool:
    """Whether ``plain(text)`` can start with a digit (codes and years do): a test without normalising."""
    return text.lstrip(" \u3000#*")[:1].isdecimal()


def is_table_mark(text: str) -> bool:
    """A page's ``表7`` marker line."""
    return len(text) < 12 and "表" in text and bool(_TABLE_MARK.match(plain(text)))


def money_unit_in(text: str) -> str | None:
    """``单位：万元`` → ``wan_yuan``; ``单位：元`` → ``yuan``; None when the text states none."""
    if "单位" not in text:
        return None
    m = _MONEY_LABEL.search(to_halfwidth(text))
    if not m:
        return None
    return "wan_yuan" if m.group(1) == "万元" else "yuan"


def department_in(text: str) -> str | None:
    """The department of a ``单位名称：…`` line."""
    if "位" not in text and "门" not in text:  # every label holds one of them
        return None
    m = _DEPT_LABEL.match(plain(text))
    return m.group(1) if m else None


def cell_kind_ok(kind: str, text: str) -> bool:
    """Whether a non-empty cell has the shape a column of ``kind`` holds."""
    if kind == "number":
        return is_amount(text)
    if kind == "code":
        t = plain(text)
        return bool(_FUNCTION_CODE.match(t) or _ITEM_CODE.match(t))
    if kind == "year":
        return bool(_YEAR_CELL.match(plain(text)))
    if parse_decimal(text) is not None:
        return False
    if not may_be_digits(text):  # neither a function code nor a year can start otherwise
        return True
    t = plain(text)
    return not _FUNCTION_CODE.match(t) and not _YEAR_CELL.match(t)


def year_of(text: str) -> int | None:
    """``2019年`` → 2019."""
    m = _YEAR_CELL.match(plain(text))
    return int(m.group(1)) if m else None


@dataclass(frozen=True, slots=True)
class Rule:
    """A column of a table: its key, the shape of its cells and the header words that name it."""

    key: str
    kind: str  # text, number, code, year
    words: tuple[str, ...]
    unless: tuple[str, ...] = ()
    # the words as one pattern each (``=单位`` as the whole text): one search instead of a loop
    _hit: re.Pattern = field(init=False, repr=False, compare=False, hash=False)
    _miss: re.Pattern | None = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        hit = "|".join(rf"\A{re.escape(w[1:])}\Z" if w.startswith("=") else re.escape(w) for w in self.words)
        object.__setattr__(self, "_hit", re.compile(hit if self.words else "(?!)"))  # no words: no match
        object.__setattr__(self, "_miss", re.compile("|".join(map(re.escape, self.unless))) if self.unless else None)

    def matches(self, header: str) -> bool:
        """True when a column's header text names this column (``=单位``: exactly that word)."""
        if self._hit.search(header) is None:
            return False
        return self._miss is None or self._miss.search(header) is None


@dataclass(slots=True)
class Columns:
    """Which column holds what, from a table's header rows."""

    keys: dict[int, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    kinds: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.kinds = {r.key: r.kind for r in reversed(self.rules)}  # the first rule of a key wins

    def kind(self, key: str) -> str:
        """The cell shape of a key."""
        return self.kinds[key]


def columns_from(header_rows: list[Row], rules: tuple[Rule, ...]) -> Columns:
    """Join each column's header text over the header rows and name it by the first matching rule."""
    texts: dict[int, str] = {}
    for row in header_rows:
        for i, cell in enumerate(row.cells):
            if cell.strip():
                texts[i] = texts.get(i, "") + plain(cell)
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for i in sorted(texts):
        rule = next((r for r in rules if r.key not in taken and r.matches(texts[i])), None)
        if rule is not None:
            keys[i] = rule.key
            taken.add(rule.key)
    return Columns(keys=keys, rules=rules)


def is_header(row: Row, rules: tuple[Rule, ...], extra: tuple[str, ...] = ()) -> bool:
    """A row without amounts whose words name columns of the table."""
    cells = row.nonempty()
    if not cells:
        return False
    for c in cells:  # ``any(map(is_amount, cells))`` without a call per cell
        if parse_decimal(c) is not None:
            return False
    texts = [plain(c) for c in cells]
    return any(r.matches(t) for r in rules for t in texts) or any(w in t for w in extra for t in texts)


def read_cells(row: Row, cols: Columns, doc: Document, table: str) -> dict[str, tuple[str, int]]:
    """key → (cell text, column) for one data row: by the header's columns, else by value shapes."""
    keys, kinds = cols.keys, cols.kinds
    if keys:
        by_position: dict[str, tuple[str, int]] = {}
        for i, cell in enumerate(row.cells):
            if not cell.strip():
                continue
            key = keys.get(i)
            if key is None:
                break
            kind = kinds[key]
            if kind == "number":  # most cells: ``cell_kind_ok`` of a number column, inline
                if parse_decimal(cell) is None:
                    break
            elif not cell_kind_ok(kind, cell):
                break
            by_position[key] = (cell, i)
        else:  # every cell fits its column
            return by_position
    got = _by_shape(row, cols)
    doc.warnings.append(ParseWarning(
        f"{table}：单元格位置与表头不一致，已按数值形态读取",
        row.ref, "\t".join(row.cells)))
    return got


def _by_shape(row: Row, cols: Columns) -> dict[str, tuple[str, int]]:
    order = [cols.keys[i] for i in sorted(cols.keys)] or [r.key for r in cols.rules]
    out: dict[str, tuple[str, int]] = {}
    at = 0
    for i, cell in enumerate(row.cells):
        if not cell.strip():
            continue
        for j in range(at, len(order)):
            if cell_kind_ok(cols.kind(order[j]), cell):
                out[order[j]] = (cell, i)
                at = j + 1
                break
    return out
