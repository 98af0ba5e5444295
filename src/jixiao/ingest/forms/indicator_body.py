"""The rows of an indicator table, found in the token stream by what each cell looks like.

The header says which columns there are and in what order (一级 | 二级 | 三级指标 | 年度指标值 |
实际完成值 | 分值 | 得分 | 偏差原因 …; 分值 before 年度指标值 on the 2019 Anhui form; 指标性质 |
指标值 | 度量单位 on Sichuan's). Category cells (产出指标, 数量指标) are known by the vocabulary.
Everything else is laid out into rows by a shortest-path search: each cell goes to a column that
fits its shape (a name is words, a weight a number of at most 100, a target a number with a unit
or a quality), a dropped empty cell costs a little, a row always starts at the name, and a row
of a real table or a pipe line cannot run into the next. A run of digits may fill two or three
numeric columns (``2018`` → weight 20, score 18) when it cuts cleanly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import Token
from jixiao.domain.targets import UNITS

from .values import VALUE_RUN, shape, splits

# What each column of an indicator table holds.
KINDS = {
    "name": "name", "nature": "op", "target": "value", "long_term_target": "value", "measure_unit": "unit",
    "actual": "value", "weight": "num", "score": "num", "review_score": "num", "completion": "value",
    "last_year": "value", "deviation": "text", "setting_basis": "text", "scoring_rule": "text",
    "evidence": "text", "direction": "short", "note": "text", "source_of_value": "text",
}
SKIP = {"name": 2.5, "value": 0.7, "num": 0.6, "op": 0.3, "unit": 0.3, "text": 0.05, "short": 0.1}
NEW_ROW = 0.3
INF = float("inf")
_MARKER = re.compile(r"^(?:指标\s*[0-9一二三四五六七八九十]+\s*[:：.、]?)+$")
_NUMBERING = re.compile(r"^指标\s*[0-9]+\s*[:：.、]")
_FILLER = re.compile(r"^[.…。·、\s]+$")
_NATURE_WORDS = frozenset({"定性", "定量", "正向", "反向", "正向指标", "反向指标"})
_ROW_LAYOUTS = (None, "tab", "pipe", "space")
_UNIT_WORDS = frozenset(UNITS)
END_TAIL = 0.2  # a table cut off at the end of the file: its last row's missing cells cost little


@dataclass(slots=True)
class Cell:
    """A cell of the body as the search sees it: its text and the token it came from."""

    text: str
    tok: Token
    hard: bool = False  # a new row must start here
    levels: list[Token] | None = None  # category cells just before it (产出指标, 数量指标)


@dataclass(slots=True)
class BodyRow:
    """One indicator row: the text of each column and the token of its name."""

    values: dict[str, str]
    first: Token
    tokens: dict[str, Token]
    levels: list[Token]  # the category cells printed just before the row


def cost(text: str, kind: str) -> float:
    """How badly ``text`` fits a column of ``kind`` (0 fits; INF cannot be)."""
    s = shape(text)
    if kind == "name":
        if s == "words":
            return -0.3 if _NUMBERING.match(text) else 0.0
        return 1.5 if s in ("target", "amount") else 3.0
    if kind == "value":
        if s in ("target", "percent", "amount", "number"):
            return 0.0
        if s == "placeholder":
            return 0.3
        if text.strip() in _UNIT_WORDS:
            return 1.2  # a unit alone (次, 人) is the 度量单位 cell, not a value
        return 0.4 if len(text) <= 14 else 0.9
    if kind == "num":
        if s == "number":
            return 0.0 if float(text.replace(",", "")) <= 100 else 2.5
        if s == "placeholder":
            return 0.2
        return 2.0 if s == "percent" else INF
    if kind == "op":
        return 0.0 if s == "op" or text.strip() in _NATURE_WORDS else INF
    if kind == "unit":
        if text.strip() in _UNIT_WORDS:
            return 0.0
        return 0.2 if s == "words" and len(text) <= 6 else INF
    if kind == "short":
        return 0.2 if len(text) <= 8 else 1.0
    return 0.6 if s == "words" else 1.0


_POINTS = re.compile(r"^[(（]\s*[0-9.]+\s*分\s*[)）]$")


def is_level(tok: Token) -> bool:
    """A category cell: 产出指标, *数量指标, 产出指标(50分), or only its points ``(50分)``."""
    return tok.is_label("level1", "level2") or bool(_POINTS.match(tok.text))


def cells_of(body: list[Token]) -> list[Cell]:
    """Body tokens → cells: filler and ``指标1:`` markers dropped, flattened pieces cut where
    values run into words, a new row forced at a row of a real or pipe table and after the
    category cells, which ride along with the cell that follows them."""
    out: list[Cell] = []
    last_row = None
    levels: list[Token] = []
    for tok in body:
        if not tok.text or _FILLER.match(tok.text) or _MARKER.match(tok.text):
            continue
        if is_level(tok):
            levels.append(tok)
            last_row = tok.row
            continue
        hard = bool(levels) or (tok.layout in _ROW_LAYOUTS and tok.row != last_row and tok.row_start)
        last_row = tok.row
        pieces = split_run(tok.text) if tok.piece else [tok.text]
        for k, piece in enumerate(pieces):
            if _MARKER.match(piece):
                hard = True
                continue
            out.append(Cell(piece, tok, hard or _NUMBERING.match(piece) is not None, levels or None))
            hard, levels = False, []
    return out


def split_run(text: str) -> list[str]:
    """A flattened piece → words and values (``音50件50件2020望`` → 音 | 50件 | 50件 | 2020 | 望);
    numbering (指标1:) and dates inside words stay in the words."""
    out: list[str] = []
    pos = 0
    for m in VALUE_RUN.finditer(text):
        before = text[max(0, m.start() - 2):m.start()]
        after = text[m.end():m.end() + 1]
        if before.endswith("指标") or after in ("月", "日", "年", "号", ":", "：") or m.group().endswith(("年", "月")):
            continue
        if m.start() > pos:
            out.append(text[pos:m.start()])
        out.append(m.group())
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return [p.strip(" ,，;；") for p in out if p.strip(" ,，;；")]


def layout_rows(cells: list[Cell], roles: list[str]) -> list[list[tuple[str, str, Cell]]]:
    """The cheapest layout of ``cells`` into rows over ``roles`` (the header's content columns in
    order): each row a list of (role, text, cell)."""
    n, m = len(roles), len(cells)
    if not m or not n:
        return []
    kinds = [KINDS.get(r, "text") for r in roles]
    # best[i][j]: cost of laying out cells[:i] with the last one in role j (j = n: before any row)
    best = [[INF] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, int, list[str]] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][n] = 0.0
    skip_before = [sum(SKIP[kinds[k]] for k in range(j)) for j in range(n + 1)]
    for i in range(m):
        cell = cells[i]
        options = _options(cell.text, n)
        for j in range(n + 1):
            here = best[i][j]
            if here == INF:
                continue
            for parts in options:
                k = len(parts)
                # continue the row: roles after j; or start a new row (role 0 onwards)
                starts = [] if cell.hard or j == n else [j + 1]
                for start in [*starts, 0]:
                    new_row = start == 0
                    for first in (range(start, n - k + 1) if not new_row else [0]):
                        c = _emit(parts, kinds[first:first + k])
                        if c == INF:
                            continue
                        gap = (skip_before[first] - skip_before[start]) if not new_row else 0.0
                        tail = (skip_before[n] - skip_before[j + 1]) if new_row and j < n else 0.0
                        total = here + c + gap + tail + (NEW_ROW if new_row else 0.0) + 0.2 * (k - 1)
                        end = first + k - 1
                        if total < best[i + 1][end]:
                            best[i + 1][end] = total
                            back[i + 1][end] = (j, first, k, parts)
    j = min(range(n), key=lambda x: best[m][x] + END_TAIL * (skip_before[n] - skip_before[x + 1]))
    if best[m][j] == INF:
        return []
    return _trace(back, cells, roles, m, j)


def _options(text: str, n: int) -> list[list[str]]:
    opts = [[text]]
    digits = text.replace(",", "")
    if n > 1 and len(digits) >= 3 and re.match(r"^[0-9.]+", digits) and shape(text) != "words":
        for k in (2, 3):
            opts.extend(splits(digits, k)[:40])
    return opts


def _emit(parts: list[str], kinds: list[str]) -> float:
    if len(kinds) < len(parts):
        return INF
    total = 0.0
    for p, kind in zip(parts, kinds):
        total += cost(p, kind)
    if len(parts) > 1 and any(kind not in ("num", "value") for kind in kinds):
        return INF
    return total


def _trace(back, cells: list[Cell], roles: list[str], m: int, j: int) -> list[list[tuple[str, str, Cell]]]:
    rows: list[list[tuple[str, str, Cell]]] = []
    current: list[tuple[str, str, Cell]] = []
    i = m
    while i > 0:
        step = back[i][j]
        if step is None:
            break
        prev, first, k, parts = step
        for off in range(k - 1, -1, -1):
            current.insert(0, (roles[first + off], parts[off], cells[i - 1]))
        if first == 0:
            rows.insert(0, current)
            current = []
        i, j = i - 1, prev
    if current:
        rows.insert(0, current)
    return rows


def read_body(body: list[Token], roles: list[str]) -> list[BodyRow]:
    """Body tokens (no category cells) → rows, each with the text of its columns."""
    out = []
    for row in layout_rows(cells_of(body), roles):
        values = {role: text for role, text, _ in row}
        toks = {role: cell.tok for role, _, cell in row}
        levels = [lv for _, _, cell in row for lv in (cell.levels or [])]
        out.append(BodyRow(values, row[0][2].tok, toks, levels))
    return out


__all__ = ["BodyRow", "Cell", "KINDS", "cells_of", "cost", "is_level", "layout_rows", "read_body", "split_run"]
