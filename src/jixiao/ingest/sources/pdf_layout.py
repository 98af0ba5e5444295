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
_LINE_SHARE = 0.5  # clusters overlapping by half a line's height are one printed line
_SLIVER = 8.0  # points: a column or row this thin holding no text of its own is a double line's gap


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


def page_layout(page, runs_on: bool = False) -> list[PageTable | TextLine]:
    """The page's tables and text lines, top to bottom (one ``find_tables`` pass, one char pass;
    a second pass only for a table that runs on from the last page without a top rule)."""
    found = page.find_tables()
    top = _open_top(page, found) if runs_on and found else None
    if top is not None:
        found = page.find_tables({"explicit_horizontal_lines": [top]})
    tables = [t for t in (_place(tb) for tb in found) if t is not None]
    loose = _assign(page.chars, tables)
    for t in tables:
        t.texts = [cell_text(chars) for chars in t.chars]
        _drop_slivers(t)
    items: list[PageTable | TextLine] = [*tables, *_lines(loose)]
    items.sort(key=lambda it: it.bbox[1] if isinstance(it, PageTable) else it.box[1])
    return items


def _open_top(page, found) -> float | None:
    """Where the top rule of the page's first table would be when Word left it out at a page break:
    the top of its column rules, when they reach above the table with text between."""
    first = min(found, key=lambda t: t.bbox[1])
    x0, top, x1, _ = first.bbox
    rules = [e["top"] for e in page.vertical_edges if x0 - 1 <= e["x0"] <= x1 + 1 and e["top"] < top - 3]
    if not rules:
        return None
    reach = min(rules)
    if any(reach < (c["top"] + c["bottom"]) / 2 < top and x0 <= c["x0"] < x1 for c in page.chars):
        return reach
    return None


def _place(table) -> PageTable | None:
    """pdfplumber's table → cells on the grid of its row tops and column lefts. A box drawn round
    other cells (a page frame) is no cell: its text is read as lines. A one-cell "table" is
    such a frame too."""
    boxes = table.cells
    t, frames = _grid(boxes)
    if frames:  # the grid without them (a frame inside a frame is left to its text lines)
        boxes = [b for k, b in enumerate(boxes) if k not in frames]
        t, frames = _grid(boxes)
    return None if frames else t


def _grid(boxes: list[Box]) -> tuple[PageTable | None, set[int]]:
    """The boxes on their grid (smallest first, so a box round others finds them placed), and the
    boxes that enclose others."""
    if len(boxes) < 2:
        return None, set()
    xs = sorted({b[0] for b in boxes})
    ys = sorted({b[1] for b in boxes})
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    cover = [[-1] * len(xs) for _ in ys]
    cells: list[tuple[int, int, int, int, Box]] = []
    frames = set()
    order = sorted(range(len(boxes)), key=lambda k: (boxes[k][2] - boxes[k][0]) * (boxes[k][3] - boxes[k][1]))
    for k in order:
        box = boxes[k]
        r, c = bisect_left(ys, box[1]), bisect_left(xs, box[0])
        rs = max(bisect_left(ys, box[3] - 0.5) - r, 1)  # rows whose top lies inside the box
        cs = max(bisect_left(xs, box[2] - 0.5) - c, 1)
        n = len(cells)
        for i in range(r, r + rs):
            row = cover[i]
            for j in range(c, c + cs):
                if row[j] < 0:
                    row[j] = n
                else:
                    frames.add(k)
        cells.append((r, c, rs, cs, box))
    if frames:
        return None, frames
    _in_reading_order(cells, cover)
    xs.append(right)
    ys.append(bottom)
    return PageTable((xs[0], ys[0], right, bottom), xs, ys, cells, cover, [[] for _ in cells]), frames


def _in_reading_order(cells: list, cover: list[list[int]]) -> None:
    """Cells sorted by row then column, the cover renumbered to match (spans are laid in order)."""
    order = sorted(range(len(cells)), key=lambda k: (cells[k][0], cells[k][1]))
    new = {old: n for n, old in enumerate(order)}
    cells[:] = [cells[k] for k in order]
    for row in cover:
        row[:] = [new[k] if k >= 0 else -1 for k in row]


def _drop_slivers(t: PageTable) -> None:
    """Remove the thin empty columns and rows that double ruling lines make (Word's double borders
    print as two lines a few points apart, which pdfplumber reads as a column of empty cells)."""
    n_rows, n_cols = len(t.ys) - 1, len(t.xs) - 1

    def sliver(j: int, edges: list[float], limit: float, along) -> bool:
        if edges[j + 1] - edges[j] >= limit:
            return False
        for k in along(j):  # every cell at this column (row) is empty or reaches beyond it
            if k >= 0 and t.texts[k] and t.cells[k][3 if along is by_col else 2] == 1:
                return False
        return True

    def by_col(j: int):
        return (t.cover[i][j] for i in range(n_rows))

    def by_row(i: int):
        return iter(t.cover[i])

    cols = [j for j in range(n_cols) if sliver(j, t.xs, _SLIVER, by_col)]
    rows = [i for i in range(n_rows) if sliver(i, t.ys, _SLIVER, by_row)]
    if (cols or rows) and len(cols) < n_cols and len(rows) < n_rows:
        _collapse(t, set(rows), set(cols))


def _collapse(t: PageTable, rows: set[int], cols: set[int]) -> None:
    """The table with the given rows and columns merged into a neighbour (the outer edges kept)."""
    def keep(edges: list[float], drop: set[int]) -> tuple[list[float], list[int]]:
        n = len(edges) - 1
        gone = {j + 1 if j < n - 1 else j for j in drop}  # the edge that goes with each sliver
        kept = [k for k in range(len(edges)) if k not in gone]
        # an inner divider moves to the middle of the double line it stood for
        inner = {j for j in drop if 0 < j < n - 1}
        at = [(edges[k] + edges[k + 1]) / 2 if k in inner else edges[k] for k in kept]
        return at, [bisect_right(kept, k) - 1 for k in range(len(edges))]

    t.xs, xmap = keep(t.xs, cols)
    t.ys, ymap = keep(t.ys, rows)
    cells, texts, chars = [], [], []
    cover = [[-1] * (len(t.xs) - 1) for _ in range(len(t.ys) - 1)]
    for (r, c, rs, cs, box), text, ch in zip(t.cells, t.texts, t.chars):
        r2, c2 = ymap[r], xmap[c]
        rs2, cs2 = ymap[r + rs] - r2, xmap[c + cs] - c2
        if rs2 <= 0 or cs2 <= 0:
            if not text:
                continue  # a cell inside a sliver
            rs2, cs2 = max(rs2, 1), max(cs2, 1)
        r2, c2 = min(r2, len(cover) - 1), min(c2, len(cover[0]) - 1)
        k = len(cells)
        cells.append((r2, c2, rs2, cs2, box))
        texts.append(text)
        chars.append(ch)
        for i in range(r2, min(r2 + rs2, len(cover))):
            for j in range(c2, min(c2 + cs2, len(cover[0]))):
                if cover[i][j] < 0:
                    cover[i][j] = k
    t.cells, t.texts, t.chars, t.cover = cells, texts, chars, cover


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
    for line in _same_lines(cluster_objects(chars, itemgetter("top"), _TOLERANCE)):
        text = collate_line(line, _TOLERANCE).strip()
        if text:
            box = (min(c["x0"] for c in line), min(c["top"] for c in line),
                   max(c["x1"] for c in line), max(c["bottom"] for c in line))
            out.append(TextLine(text, box))
    return out


def _same_lines(clusters: list[list[dict]]) -> list[list[dict]]:
    """Clusters of one printed line joined: digits in a Latin font sit a few points lower than the
    Chinese around them (2024 in ``上海市普陀区财政局2024年度…``), more than the tolerance, yet
    fill the gaps the Chinese leaves on the same line; a cluster that overlaps the one above by
    half its height and no character of it is one line with it."""
    out: list[list[dict]] = []
    spans: list[tuple[float, float]] = []
    for cluster in clusters:
        top, bottom = min(c["top"] for c in cluster), max(c["bottom"] for c in cluster)
        if out and _one_line(spans[-1], (top, bottom), out[-1], cluster):
            out[-1] = out[-1] + cluster
            spans[-1] = (min(spans[-1][0], top), max(spans[-1][1], bottom))
            continue
        out.append(cluster)
        spans.append((top, bottom))
    return out


def _one_line(above: tuple[float, float], span: tuple[float, float], a: list[dict], b: list[dict]) -> bool:
    overlap = min(above[1], span[1]) - max(above[0], span[0])
    if overlap < _LINE_SHARE * min(above[1] - above[0], span[1] - span[0]):
        return False
    xs = sorted((c["x0"], c["x1"]) for c in a)
    lefts = [x0 for x0, _ in xs]
    for c in b:  # no character of one cluster may stand over a character of the other
        k = bisect_right(lefts, c["x0"]) - 1
        if (k >= 0 and xs[k][1] > c["x0"] + _TOLERANCE) or (k + 1 < len(xs) and xs[k + 1][0] < c["x1"] - _TOLERANCE):
            return False
    return True


def cell_text(chars: list[dict]) -> str:
    """A cell's characters as one text, its printed lines joined as the text wrapped them."""
    if not chars:
        return ""
    return join_lines([collate_line(line, _TOLERANCE) for line in cluster_objects(chars, itemgetter("top"), _TOLERANCE)])
