"""Page images for the provenance view: a corpus page rendered by pypdfium2 as a PNG of its shape."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources.pdf_images import render_page
from tests.unit.sources.corpus_files import corpus_bytes, pdf_grid

WANLI_2023 = "budget_dept_shanghai_putuo_wanli_2023_perftargets.pdf"


@pytest.mark.parametrize(("page", "scale"), [(31, 1.0), (31, 2.0), (11, 1.5)])
def test_page_renders_to_a_png_of_the_page_shape(page, scale):
    png = render_page(corpus_bytes(WANLI_2023), page, scale=scale)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    # the page's size in points, from the boxes the PDF source gives (p. 31 portrait, p. 11 landscape)
    rows = [r for r in pdf_grid(WANLI_2023).rows if r.ref.page == page]
    width, height = (595.25, 841.85) if page == 31 else (841.85, 595.25)
    assert max(r.ref.box[2] for r in rows) < width and max(r.ref.box[3] for r in rows) < height
    assert abs(image.width - width * scale) <= 1 and abs(image.height - height * scale) <= 1
    assert abs(image.width / image.height - width / height) < 0.01


def test_a_cell_box_lands_on_ink():
    """The box of the 规划建筑面积 cell, scaled onto the image, holds dark (printed) pixels."""
    row = next(r for r in pdf_grid(WANLI_2023).rows if r.ref.page == 31 and "规划建筑面积" in r.cells)
    x0, top, x1, bottom = row.ref_of(row.cells.index("规划建筑面积")).box
    image = Image.open(io.BytesIO(render_page(corpus_bytes(WANLI_2023), 31, scale=2.0))).convert("L")
    crop = image.crop((int(x0 * 2) + 4, int(top * 2) + 4, int(x1 * 2) - 4, int(bottom * 2) - 4))
    assert min(crop.getdata()) < 100


def test_page_out_of_range_and_broken_pdf_are_source_errors():
    with pytest.raises(SourceError, match="没有第 99 页（共 35 页）"):
        render_page(corpus_bytes(WANLI_2023), 99, name=WANLI_2023)
    with pytest.raises(SourceError, match="x.pdf：PDF 已加密或已损坏"):
        render_page(b"%PDF-1.4 nothing", 1, name="x.pdf")
