"""One PDF page → its ruled tables (merged cells rebuilt from the cell boxes) and its text lines.

pdfplumber finds the cells of a ruled table; its rows put None where a merged cell already covers
a position. Here every cell is placed by its box on the grid of all row tops and column lefts, so
a merged 一级指标 reaches every row it spans. Each character goes to the one cell (or the text
outside the tables) that holds its centre, in one pass over the page's characters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from pdfplumber.utils import cluster_objects, collate_line

from .spans import join_lines

Box = tuple[float, float, float, float]
_TOLERANCE = 3  # pdfplumber's own default x/y tolerance for characters of one line


@dataclass(slots=True)
class PageTable:
    """A ruled table of one page: column lefts (and the right edge), row tops (and the bottom),
    its cells as boxes placed on that grid, and each cell's text once characters are assigned."""

    bbox: Box
    xs: list[float]
    ys: list[float]
    cells: list[tuple[int, int, int, int, Box]]  # row, column, rows spanned, columns spanned, box
    cover: list[list[int]]  # cell index at each grid position, -1 where no cell is
    chars: list[list[dict]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TextLine:
    """A line of text outside the tables, with the box its characters fill."""

    text: str
    box: Box


def page_layout(page) -> list[PageTable | TextLine]:
    """The page's tables and text lines, top to bottom (one ``find_tables`` pass, one char pass)."""
    tables = [t for t in (_place(tb) for tb in page.find_tables()) if t is not None]
    loose = _assign(page.chars, tables)
    for t in tables:
        t.texts = [cell_text(chars) for chars in t.chars]
    items: list[PageTable | TextLine] = [*tables, *_lines(loose)]
    items.sort(key=lambda it: it.bbox[1] if isinstance(it, PageTable) else it.box[1])
    return items


def _place(table) -> PageTable | None:
    """pdfplumber's table → cells on the grid of its row tops and column lefts; a one-cell
    "table" is a frame drawn round text, whose text is read as lines instead."""
    boxes = table.cells
    if len(boxes) < 2:
        return None
    xs = sorted({b[0] for b in boxes})
    ys = sorted({b[1] for b in boxes})
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    cover = [[-1] * len(xs) for _ in ys]
    cells = []
    for box in sorted(boxes, key=itemgetter(1, 0)):
        r, c = bisect_left(ys, box[1]), bisect_left(xs, box[0])
        rs = max(bisect_left(ys, box[3] - 0.5) - r, 1)  # rows whose top lies inside the box
        cs = max(bisect_left(xs, box[2] - 0.5) - c, 1)
        k = len(cells)
        cells.append((r, c, rs, cs, box))
        for i in range(r, r + rs):
            row = cover[i]
            for j in range(c, c + cs):
                if row[j] < 0:
                    row[j] = k
    xs.append(right)
    ys.append(bottom)
    return PageTable((xs[0], ys[0], right, bottom), xs, ys, cells, cover, [[] for _ in cells])


def _assign(chars: list[dict], tables: list[PageTable]) -> list[dict]:
    """Put each character in the cell holding its centre; return those in no cell."""
    loose = []
    for ch in chars:
        mx, my = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for t in tables:
            x0, top, x1, bottom = t.bbox
            if x0 <= mx < x1 and top <= my < bottom:
                k = t.cover[bisect_right(t.ys, my) - 1][bisect_right(t.xs, mx) - 1]
                box = t.cells[k][4] if k >= 0 else None
                if box is not None and box[0] <= mx < box[2] and box[1] <= my < box[3]:
                    t.chars[k].append(ch)
                    break
        else:
            loose.append(ch)
    return loose


def _lines(chars: list[dict]) -> list[TextLine]:
    """Characters outside the tables → lines, each with its box."""
    if not chars:
        return []
    out = []
    for line in cluster_objects(chars, itemgetter("top"), _TOLERANCE):
        text = collate_line(line, _TOLERANCE).strip()
        if text:
            box = (min(c["x0"] for c in line), min(c["top"] for c in line),
                   max(c["x1"] for c in line), max(c["bottom"] for c in line))
            out.append(TextLine(text, box))
    return out


def cell_text(chars: list[dict]) -> str:
    """A cell's characters as one text, its printed lines joined as the text wrapped them."""
    if not chars:
        return ""
    return join_lines([collate_line(line, _TOLERANCE) for line in cluster_objects(chars, itemgetter("top"), _TOLERANCE)])
