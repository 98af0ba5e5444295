"""A printed table's body rows → budget lines: one line per printed amount.

Cells are taken left to right: code cells (类 / 款 / 项, or a whole 7-digit code) and the text
before an amount name it; after an amount a new code or text starts the next line of the row (收支
tables print income and spending side by side). A row of amounts alone is named by its columns.
Each line has the column's year and phase (a 预算数 column of a 决算 table is 预算), the column's
header as printed and what it is (glossary names from the vocabulary).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.domain.budget import CLASS_CODES, BudgetLine, level_of
from jixiao.domain.model import ParseWarning
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import bare, vocabulary

from .printed_tables import PrintedTable, is_amount

_CODE = re.compile(r"^\d{1,7}$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_FUNDS = ("general_public", "government_fund", "state_capital", "fiscal")
_SPENDING = ("basic_spending", "project_spending")


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """The normalised labels of one ``[printed_words]`` key."""
    return frozenset(vocabulary().keys_of("printed_words", key))


@lru_cache(maxsize=1)
def _phase_words() -> dict[str, str]:
    """{phase word: budget/final}, longest first (预算数 before 预算)."""
    words = [(w, p) for p in ("budget", "final") for w in vocabulary().keys_of("printed_words", p)]
    return dict(sorted(words, key=lambda wp: -len(wp[0])))


_SIDE_BY_SIDE = ("income_spending", "fiscal_income_spending")
_SCALE = {"wan_yuan": Decimal(10000), "yuan": Decimal(1)}
_MONEY_WORDS = {"wan_yuan": "万元", "yuan": "元"}


def code_columns(table: PrintedTable) -> set[int]:
    """Columns whose header says they hold codes (科目编码, 类 / 款 / 项)."""
    voc = vocabulary()
    out = set()
    for j, name in enumerate(table.columns):
        for token in name.split(" "):
            key = normalise(token)
            if voc.key("printed_headers", key) == "code" or "编码" in key or "代码" in key:
                out.add(j)
                break
    return out


def _index_columns(table: PrintedTable) -> set[int]:
    voc = vocabulary()
    return {j for j, name in enumerate(table.columns)
            if any(voc.key("printed_headers", t) == "index" for t in name.split(" "))}


def read_lines(table: PrintedTable, default_unit: str, notices: list | None = None) -> list[BudgetLine]:
    """Every amount of the table's body as a budget line, in reading order; a code that is no
    类 / 款 / 项 code (a 类 printed ``7`` for ``210``) is kept as printed, without a level, and noticed."""
    unit = table.money_unit or default_unit
    codes, skip = code_columns(table), _index_columns(table)
    out: list[BudgetLine] = []
    for row in table.body:
        _read_row(table, row, unit, codes, skip, out)
    if notices is not None:
        bad = {(b.function_code, b.label): b for b in out if b.function_code and b.function_level is None}
        notices.extend(ParseWarning(f"“{table.title}”中“{label}”的科目编码“{code}”不是类/款/项编码（类为三位数）",
                                    b.source) for (code, label), b in bad.items())
    return out


def _read_row(table: PrintedTable, row, unit: str, code_cols: set[int], skip: set[int], out: list) -> None:
    codes: list[str] = []
    labels: list[str] = []
    after_amount = False
    level_cells = _words("level")
    for j, cell in enumerate(row.cells):
        text = cell.strip()
        if not text or j in skip:
            continue
        if j in code_cols and _CODE.match(text):
            if after_amount or labels:  # a code after a name opens the next line of the row
                codes, labels, after_amount = [], [], False
            codes.append(text)
        elif is_amount(text) and j not in code_cols:
            line = _line(table, row, j, text, unit, _join_codes(codes), labels)
            if line is not None:
                out.append(line)
            after_amount = True
        elif text not in level_cells:
            if after_amount:
                codes, labels, after_amount = [], [], False
            labels.append(text)


def _join_codes(parts: list[str]) -> str | None:
    """类 / 款 / 项 cells as one code; a 款 or 项 printed without its leading zero (301 | 2) padded;
    a 类 that is not three digits is kept as printed, its parts spaced (``7 11 02``)."""
    if not parts:
        return None
    if len(parts) > 1 and len(parts[0]) != 3:
        return " ".join(parts)
    return parts[0] + "".join(p.zfill(2) for p in parts[1:])


def _line(table: PrintedTable, row, j: int, text: str, unit: str, code: str | None,
          labels: list[str]) -> BudgetLine | None:
    try:
        stated = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    column = table.columns[j] if j < len(table.columns) else ""
    label = _label(labels) or column
    year = _YEAR.search(column)
    key = normalise(label)
    derived = code is None and table.kind in _SIDE_BY_SIDE and _class_code(label) is not None
    if derived:
        code = _class_code(label)  # 收支总表 name their 类 (八、社会保障和就业支出) without a code
    return BudgetLine(
        table=table.name, label=label, amount=stated * _SCALE[unit], stated_amount=stated,
        money_unit=unit, function_code=code, function_name=label if code else None,
        function_level=level_of(code), fund_source=_fund(column), spending_type=_spending(column),
        row_kind=_row_kind(key), code_derived=derived, detail=labels[0] if len(labels) > 1 else None,
        source=row.ref_of(j),
        year=int(year.group(1)) if year else table.year, phase=_phase(column, table.phase),
        column=column or None, table_title=table.title, category=_category(table, label, column))


def _label(labels: list[str]) -> str | None:
    """The row's name: its last text cell (收入总表 name a part after its whole), but a row opened
    by 合计 / 总计 is the total whatever a header wrapped into it prints beside."""
    if not labels:
        return None
    return labels[0] if _row_kind(normalise(labels[0])) == "total" else labels[-1]


def _class_code(label: str) -> str | None:
    """The 类 code of a 类 named without one (``八、社会保障和就业支出``), from the classification's names."""
    return CLASS_CODES.get(bare(normalise(label)))


def _row_kind(key: str) -> str:
    if key.endswith(("总计", "合计")) and not key.startswith(("其中",)):
        return "total"
    if key.endswith("小计"):
        return "subtotal"
    return "line"


def _phase(column: str, default: str) -> str:
    for token in reversed(column.split(" ")):
        key = normalise(token)
        for word, phase in _phase_words().items():
            if key.endswith(word):
                return phase
    return default


def _tokens(column: str) -> list[str]:
    return [normalise(t.translate(str.maketrans("", "", "\"“”"))) for t in column.split(" ") if t]


def _column_subject(column: str, wanted: tuple[str, ...], default: str) -> str:
    """The last header word of a column naming one of ``wanted`` (a fund, a kind of spending)."""
    voc = vocabulary()
    for token in reversed(_tokens(column)):
        key = voc.key("statement_subjects", token)
        if key in wanted:
            return key
    return default


def _fund(column: str) -> str:
    return _column_subject(column, _FUNDS, "all")


def _spending(column: str) -> str:
    return _column_subject(column, _SPENDING, "total")


def _category(table: PrintedTable, label: str, column: str) -> str | None:
    """What the amount is: a 三公 part in a 三公 table, else the
    subject its row's label names (收入总计, 基本支出 …)."""
    voc = vocabulary()
    if table.kind == "three_public":
        for words in (_tokens(column), _tokens(label)):
            key = _three_public(voc, [w for w in words if w not in _phase_words()])
            if key is not None:
                return "three_public_total" if key == "total" else key  # the statements' name
    return _subject(voc, normalise(label))


def _subject(voc, key: str) -> str | None:
    """The subject a row label names, its year and phase word aside (2024年机关运行经费预算数)."""
    found = voc.key("statement_subjects", key)
    if found is None:
        key = _YEAR.sub("", key)
        for word in _phase_words():
            if key.endswith(word) and len(key) > len(word):
                return voc.key("statement_subjects", key[:-len(word)])
    return found


def _three_public(voc, words: list[str]) -> str | None:
    """The 三公 part the last header words name: a part printed short under its whole (购置费 under
    公务用车购置及运行费 is 公务用车购置费), a 小计 / 合计 the whole above it (a 合计 over 三公,
    会议费 and 培训费 is none of them)."""
    for k in range(len(words) - 1, -1, -1):
        token = words[k]
        # a name the header wrapped over two rows (公务接 / 待费), then the word alone
        key = (_part(voc, words[k - 1] + token) if k > 0 else None) or _part(voc, token)
        if key is None and k > 0 and token not in _words("subtotal"):
            parent = words[k - 1]
            key = next((voc.key("three_public", parent[:n] + token) for n in range(1, len(parent))
                        if voc.key("three_public", parent[:n] + token)), None)
        if key is not None:
            return key
    return None


def _part(voc, token: str) -> str | None:
    """The 三公 part a header word names: itself, or the label it ends with once a phase word is
    taken off (``2024年“三公”经费预算数``, ``财政拨款“三公”经费``)."""
    key = voc.key("three_public", token)
    if key is not None:
        return key
    for word in _phase_words():
        if token.endswith(word) and len(token) > len(word):
            token = token[:-len(word)]
            break
    found = voc.scan(token, ("three_public",))
    return found[-1].key if found and found[-1].end == len(token) else None


def money_word(unit: str) -> str:
    """万元 / 元 for a money unit key."""
    return _MONEY_WORDS.get(unit, unit)


__all__ = ["code_columns", "money_word", "read_lines"]
