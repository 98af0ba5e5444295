"""A copy of a reviewed PDF with each finding on its page: a highlight over the box it points at
and a note with the finding's message (pypdf annotations, so any PDF reader shows them)."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from jixiao.checks.finding import SEVERITY_LABELS, Severity

_COLOURS = {"error": "ff4040", "warning": "ffc000", "info": "60a0ff"}
_AUTHOR = "jixiao 公开审查"
_NOTE = 18  # side of a note icon, in points


def annotate(data: bytes, findings: list[dict]) -> bytes:
    """The PDF with every finding that names a page of it highlighted and noted; the rest noted
    on the first page."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    unplaced = []
    for f in findings:
        source = f.get("source") or {}
        page = source.get("page")
        if not page or not 1 <= page <= len(writer.pages):
            unplaced.append(f)
            continue
        _place(writer, page - 1, source.get("box"), f)
    for k, f in enumerate(unplaced):
        _note(writer, 0, (20.0, 20.0 + k * _NOTE, 20.0 + _NOTE, 20.0 + (k + 1) * _NOTE), f)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _text(f: dict) -> str:
    label = SEVERITY_LABELS.get(Severity(f["severity"]), f["severity"]) if f.get("severity") in _COLOURS else ""
    return f"{label} {f['code']}：{f['message']}"


def _place(writer: PdfWriter, index: int, box, f: dict) -> None:
    height = float(writer.pages[index].mediabox.height)
    if not box:
        _note(writer, index, (20.0, 20.0, 20.0 + _NOTE, 20.0 + _NOTE), f)
        return
    x0, top, x1, bottom = (float(v) for v in box)
    rect = (x0, height - bottom, x1, height - top)
    quads = ArrayObject([FloatObject(v) for v in (x0, height - top, x1, height - top, x0, height - bottom,
                                                  x1, height - bottom)])
    mark = Highlight(rect=rect, quad_points=quads, highlight_color=_COLOURS.get(f.get("severity"), "ffc000"))
    mark[NameObject("/Contents")] = TextStringObject(_text(f))
    mark[NameObject("/T")] = TextStringObject(_AUTHOR)
    writer.add_annotation(index, mark)
    _note(writer, index, (max(0.0, x0 - _NOTE - 2), top, max(_NOTE, x0 - 2), top + _NOTE), f)


def _note(writer: PdfWriter, index: int, box, f: dict) -> None:
    """A note icon at ``box`` (x0, top, x1, bottom from the top-left) holding the message."""
    height = float(writer.pages[index].mediabox.height)
    x0, top, x1, bottom = box
    note = Text(rect=(x0, height - bottom, x1, height - top), text=_text(f), open=False)
    note[NameObject("/T")] = TextStringObject(_AUTHOR)
    writer.add_annotation(index, note)


__all__ = ["annotate"]
