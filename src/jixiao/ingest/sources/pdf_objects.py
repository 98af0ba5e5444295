"""One PDF page's characters, ruling edges and pictures, read by PDFium.

pdfminer interprets a page's content stream in Python; PDFium does it in C, about eight times
faster on the corpus budgets, which is most of the time a whole budget PDF takes. The objects come
out as pdfplumber gives them (points, top-down, the page's rotation applied: ``x0 top x1 bottom``
per character; ruling edges as pdfplumber derives them from lines, rectangles and curves), so its
table finder and its text helpers work on them unchanged.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

_DIGITS = 4  # PDFium's single-precision coordinates, rounded as the content stream wrote them


@dataclass(slots=True)
class PageObjects:
    """What the layout needs of a page: its size, characters, ruling edges and picture count."""

    width: float
    height: float
    chars: list[dict]
    edges: list[dict]
    images: int

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    @property
    def vertical_edges(self) -> list[dict]:
        return [e for e in self.edges if e["orientation"] == "v"]

    def find_tables(self, settings: dict | None = None) -> list:
        """pdfplumber's ruled tables of this page (its table finder on these edges)."""
        from .pdf_cells import find_tables

        return find_tables(self, settings) if self.edges else []


def page_objects(pdf, index: int) -> PageObjects:
    """Page ``index`` (0-based) of a ``pypdfium2.PdfDocument`` as pdfplumber would see it."""
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    try:
        to_page = _Placement(page.get_mediabox(), page.get_rotation() % 360)
        text = page.get_textpage()
        try:
            chars = _chars(pdfium_c, text.raw, to_page)
        finally:
            text.close()
        edges: list[dict] = []
        images = _walk(pdfium_c, page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
                       None, to_page, edges)
        return PageObjects(to_page.width, to_page.height, chars, edges, images)
    finally:
        page.close()


class _Placement:
    """PDF user space → pdfplumber's top-down page space, the page's /Rotate applied as pdfminer does."""

    def __init__(self, mediabox, rotation: int):
        self.x0, self.y0, self.x1, self.y1 = mediabox
        self.rotation = rotation
        wide, high = self.x1 - self.x0, self.y1 - self.y0
        self.width, self.height = (high, wide) if rotation in (90, 270) else (wide, high)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) of a user-space point."""
        if self.rotation == 90:
            x, y = y - self.y0, self.x1 - x
        elif self.rotation == 180:
            x, y = self.x1 - x, self.y1 - y
        elif self.rotation == 270:
            x, y = self.y1 - y, x - self.x0
        else:
            x, y = x - self.x0, y - self.y0
        return round(x, _DIGITS), round(self.height - y, _DIGITS)

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of a user-space rectangle."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _chars(pdfium_c, text, to_page: _Placement) -> list[dict]:
    """The printed characters (PDFium's generated spaces and line breaks left out), each boxed as
    pdfminer boxes it: from the font's descent up by the font size, from origin to advance."""
    out = []
    rect = pdfium_c.FS_RECTF()
    get_unicode, generated, loose = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetLooseCharBox
    size, char_matrix, m = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetMatrix, pdfium_c.FS_MATRIX()
    for k in range(pdfium_c.FPDFText_CountChars(text)):
        if generated(text, k):
            continue
        code = get_unicode(text, k)
        if not code or code in (0xFFFE, 0xFFFF) or not loose(text, k, rect):
            continue
        x0, top, x1, bottom = to_page.box(rect.left, rect.bottom, rect.right, rect.top)
        if char_matrix(text, k, m):  # the font size is in text space; the matrix scales it to the page
            top = round(bottom - size(text, k) * math.hypot(m.c, m.d), _DIGITS)
        out.append({"text": chr(code), "x0": x0, "x1": x1, "top": top, "bottom": bottom})
    return out


def _walk(pdfium_c, parent, count, get, matrix, to_page: _Placement, edges: list[dict]) -> int:
    """Add the ruling edges of every path under ``parent`` (descending into form XObjects, their
    matrices applied); the number of pictures met."""
    images = 0
    fs = pdfium_c.FS_MATRIX()
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        elif not pdfium_c.FPDFPageObj_GetMatrix(obj, fs):
            continue
        else:
            m = _compose((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), matrix)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                images += _walk(pdfium_c, obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                                m, to_page, edges)
            elif _painted(pdfium_c, obj):
                for pts in _subpaths(pdfium_c, obj, m, to_page):
                    edges.extend(_edges(pts))
    return images


def _compose(inner, outer):
    """The matrix applying ``inner`` and then ``outer`` (None: no outer)."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _painted(pdfium_c, obj) -> bool:
    """Whether the path is filled or stroked (a path ended with ``n`` draws nothing)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return False
    return bool(fill.value or stroke.value)


def _subpaths(pdfium_c, obj, m, to_page: _Placement) -> list[list[tuple[float, float]]]:
    """Each subpath's points as pdfminer lists them: the end point of every segment (Bézier
    control points left out), the start again where the subpath is closed."""
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[list[tuple[float, float]]] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for s in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, s)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        pt = to_page.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(pts) > 1:
                out.append(pts)
            pts, bezier = [pt], 0
            continue
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier = (bezier + 1) % 3
            if bezier:  # a control point
                continue
        pts.append(pt)
        if pdfium_c.FPDFPathSegment_GetClose(seg) and pts:
            if len(pts) > 2 and pts[-1] == pts[0]:
                pts.pop()  # a redundant line back to the start
            pts.append(pts[0])
    if len(pts) > 1:
        out.append(pts)
    return out


def _edges(pts: list[tuple[float, float]]) -> list[dict]:
    """pdfplumber's edges of one subpath: a single segment is a line (horizontal or else vertical);
    any other shape gives an edge per pair of points, which a slanted pair leaves unoriented."""
    line = len(pts) == 2 or (len(pts) == 3 and pts[2] == pts[0])
    out = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] if not line else pts[1:2]):
        if line:
            orientation = "h" if y0 == y1 else "v"
        else:
            orientation = "v" if x0 == x1 else ("h" if y0 == y1 else None)
        left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        out.append({"object_type": "edge", "x0": left, "x1": right, "top": top, "bottom": bottom,
                    "width": right - left, "height": bottom - top, "orientation": orientation})
    return out
