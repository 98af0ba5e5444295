"""Merged cells laid out as the Grid contract says, for every source that has real tables.

A cell spanning rows is repeated in every row it spans; a cell spanning columns sits in its first
column with "" after it; every position a merged cell covers cites that cell's SourceRef.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from jixiao.domain.source import SourceRef

# One placed cell: row, column (0-based), rows and columns it spans, its text and its source.
Span = tuple[int, int, int, int, str, SourceRef]


def lay_out(n_rows: int, n_cols: int, spans: Iterable[Span],
            blank: Callable[[int, int], SourceRef]) -> tuple[list[list[str]], list[list[SourceRef]]]:
    """Texts and sources of a table with its merges expanded; a position no cell covers is "" and
    cites ``blank(row, col)``, so every cell of the grid still points somewhere."""
    texts: list[list[str | None]] = [[None] * n_cols for _ in range(n_rows)]
    refs: list[list[SourceRef | None]] = [[None] * n_cols for _ in range(n_rows)]
    for r, c, rs, cs, text, ref in spans:
        for i in range(r, min(r + rs, n_rows)):
            row_texts, row_refs = texts[i], refs[i]
            for j in range(c, min(c + cs, n_cols)):
                if row_texts[j] is None:  # overlapping spans (a broken table): the first one wins
                    row_texts[j] = text if j == c else ""
                    row_refs[j] = ref
    out_refs = [[ref if ref is not None else blank(i, j) for j, ref in enumerate(row)] for i, row in enumerate(refs)]
    return [[t or "" for t in row] for row in texts], out_refs


def trim(cells: list[str], refs: list[SourceRef]) -> tuple[list[str], list[SourceRef]]:
    """A row without its trailing empty cells (the reach of a wider row above means nothing)."""
    n = len(cells)
    while n and not cells[n - 1]:
        n -= 1
    return cells[:n], refs[:n]


def join_lines(lines: list[str]) -> str:
    """A cell's lines as one text, joined as the text wrapped them: nothing between Chinese
    characters or digits, one space between two Latin words."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text and text[-1].isascii() and text[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            text += " "
        text += line
    return text
