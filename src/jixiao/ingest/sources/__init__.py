"""File formats → Grids. One module per format; the choice is by content, then by extension."""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest.grid import Grid, SourceError

from . import tsv_text, xlsx

SUPPORTED_SUFFIXES = (".txt", ".tsv", ".xlsx")


def read_grids(data: bytes, name: str) -> list[Grid]:
    """Bytes of one file → its grids (one per text file, one per non-empty sheet)."""
    if not data:
        raise SourceError("文件为空 (empty file)")
    if xlsx.looks_like(data):
        return xlsx.read(data, name)
    if Path(name).suffix.lower() == ".xlsx":
        raise SourceError("扩展名为 .xlsx，但内容不是 Excel 工作簿 (not an xlsx workbook)")
    return [tsv_text.read(data, name)]
