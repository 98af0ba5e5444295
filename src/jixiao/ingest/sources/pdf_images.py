"""A PDF page as a PNG, for showing a value's source: the page image with the cell's box on it.

Rendered with pypdfium2 (PDFium), which draws pages far faster than pdfminer could and needs no
external program. Boxes in SourceRef are in PDF points from the page's top-left, so a box maps
onto the image by multiplying by ``scale``.
"""

from __future__ import annotations

import io

from jixiao.ingest.grid import SourceError


def render_page(data: bytes, page: int, scale: float = 1.5, name: str = "文件") -> bytes:
    """PNG bytes of page ``page`` (1-based) at ``scale`` pixels per PDF point."""
    import pypdfium2 as pdfium

    if not 0.1 <= scale <= 8:
        raise SourceError(f"{name}：页面缩放比例 {scale} 超出范围（0.1 至 8）")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise SourceError(f"{name}：PDF 已加密或已损坏，无法生成页面图像") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise SourceError(f"{name}：没有第 {page} 页（共 {len(pdf)} 页）")
        try:
            image = pdf[page - 1].render(scale=scale).to_pil()
        except pdfium.PdfiumError as exc:
            raise SourceError(f"{name}：第 {page} 页无法生成图像") from exc
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
    finally:
        pdf.close()


def page_size(data: bytes, page: int, name: str = "文件") -> tuple[float, float]:
    """(width, height) of page ``page`` in PDF points, the frame a SourceRef's box is drawn in."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise SourceError(f"{name}：PDF 已加密或已损坏，无法读取页面大小") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise SourceError(f"{name}：没有第 {page} 页（共 {len(pdf)} 页）")
        width, height = pdf[page - 1].get_size()
        return float(width), float(height)
    finally:
        pdf.close()
