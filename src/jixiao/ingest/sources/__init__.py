"""File formats → Grids. One module per format; the choice is by content, then by extension."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.grid import Grid, SourceError

from . import csv_text, docx, html, pdf, tsv_text, xls, xlsx

SUPPORTED_SUFFIXES = (".txt", ".tsv", ".csv", ".xlsx", ".xls", ".pdf", ".docx", ".doc", ".html", ".htm")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What each suffix promises, for the message when the content is something else.
_KINDS = {".pdf": "PDF 文件", ".xlsx": "Excel 工作簿", ".xls": "Excel 工作簿", ".docx": "Word 文档",
          ".doc": "Word 文档"}


def read_grids(data: bytes, name: str) -> list[Grid]:
    """Bytes of one file → its grids (one per text file or document, one per non-empty sheet)."""
    if not data:
        raise SourceError(f"{name}：文件为空")
    suffix = Path(name).suffix.lower()
    grids = _by_content(data, name, suffix)
    if grids is not None:
        return grids
    if suffix in _KINDS:
        raise SourceError(f"{name}：扩展名为 {suffix}，但内容不是 {_KINDS[suffix]}")
    if suffix == ".csv" or csv_text.looks_like(data):
        return [csv_text.read(data, name)]
    return [tsv_text.read(data, name)]


def _by_content(data: bytes, name: str, suffix: str) -> list[Grid] | None:
    """The grids of a file whose bytes say what it is (PDF, Office, HTML); None for text."""
    if pdf.looks_like(data):
        return [pdf.read(data, name)]
    if data.startswith(_OLE2):
        return _ole2(data, name, suffix)
    if data.startswith(b"PK"):
        return _zip(data, name, suffix)
    if html.looks_like(data):
        return [html.read(data, name)]
    return None


def _ole2(data: bytes, name: str, suffix: str) -> list[Grid]:
    """A legacy Office file: a Word document or an Excel workbook, told apart by their streams."""
    kind = xls.ole2_kind(data)
    if kind == "xls":
        return xls.read(data, name)
    if kind == "doc":
        return [docx.read_doc(data, name)]
    raise SourceError(f"{name}：是旧版 Office 文件，但不是 Excel 工作簿或 Word 文档，无法读取")


def _zip(data: bytes, name: str, suffix: str) -> list[Grid] | None:
    """An Office Open XML package (workbook or Word document), or a clear no for other zips."""
    if xlsx.looks_like(data):
        return xlsx.read(data, name)
    if docx.looks_like(data):
        return [docx.read(data, name)]
    if suffix in _KINDS:
        raise SourceError(f"{name}：扩展名为 {suffix}，但内容是其他压缩包，不是 {_KINDS[suffix]}")
    raise SourceError(f"{name}：是压缩包，不是可读取的表格或文档")
