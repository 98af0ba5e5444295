"""PDFs that cannot be read, or only in part: each gets a Chinese message naming the file (and page).

The bad files are made here from a real corpus PDF: encrypted with pypdf, cut short, a page
rendered to an image (no text layer), a text file named .pdf.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import read_grids
from jixiao.ingest.sources.pdf_images import render_page
from tests.unit.sources.corpus_files import corpus_bytes

SMALL = "budget_tables_jiangsu_cppcc_2019_excelpdf.pdf"  # 12 pages of tables


def _write(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_page(page: int) -> PdfReader:
    """A corpus page as a scan would be: one picture, no text."""
    from PIL import Image

    png = render_page(corpus_bytes(SMALL), page, scale=1.0)
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, format="PDF", resolution=72)
    return PdfReader(io.BytesIO(out.getvalue()))


def _no_english(message: str, name: str) -> None:
    """Chinese only after the file name (PDF is the format's own name)."""
    text = message.removeprefix(f"{name}：").replace("PDF", "")
    assert not any("a" <= ch.lower() <= "z" for ch in text), message


def test_encrypted_pdf_is_named_as_encrypted():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(corpus_bytes(SMALL))))
    writer.encrypt("user-secret", "owner-secret", algorithm="AES-128")
    with pytest.raises(SourceError) as err:
        read_grids(_write(writer), "budget.pdf")
    assert str(err.value) == "budget.pdf：PDF 已加密，无法读取"


def test_pdf_locked_only_against_editing_reads_as_usual():
    """An owner password alone (empty user password) restricts editing, not reading."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(corpus_bytes(SMALL))))
    writer.encrypt("", "owner-secret", algorithm="AES-128")
    [grid] = read_grids(_write(writer), "locked.pdf")
    assert any("27,664.22" in r.cells or "13,377.11" in r.cells for r in grid.rows)


@pytest.mark.parametrize("keep", [0.02, 0.3, 0.7])
def test_truncated_pdf_says_it_is_incomplete(keep):
    data = corpus_bytes(SMALL)
    with pytest.raises(SourceError) as err:
        read_grids(data[:int(len(data) * keep)], "cut.pdf")
    assert str(err.value).startswith("cut.pdf：") and ("不完整" in str(err.value) or "损坏" in str(err.value))
    _no_english(str(err.value), "cut.pdf")


def test_image_only_pdf_is_a_scan_we_cannot_read_yet():
    writer = PdfWriter()
    for n in (1, 2):
        writer.add_page(_image_page(n).pages[0])
    with pytest.raises(SourceError) as err:
        read_grids(_write(writer), "scan.pdf")
    assert str(err.value) == "scan.pdf：没有可提取文字的页面（可能是扫描件），暂不能识别"


def test_page_without_text_layer_is_a_notice_and_the_rest_is_read():
    real = PdfReader(io.BytesIO(corpus_bytes(SMALL)))
    writer = PdfWriter()
    writer.add_page(real.pages[0])
    writer.add_page(real.pages[1])
    writer.add_page(_image_page(3).pages[0])
    writer.add_page(real.pages[3])
    [grid] = read_grids(_write(writer), "mixed.pdf")
    [(message, ref)] = grid.notices
    assert message == "第 3 页没有文字层（可能是扫描件），未读取"
    assert (ref.file, ref.page) == ("mixed.pdf", 3)
    assert sorted({r.ref.page for r in grid.rows}) == [1, 2, 4]


def test_text_named_pdf_says_it_is_not_a_pdf():
    with pytest.raises(SourceError) as err:
        read_grids("项目名称\t金额\n合计\t100\n".encode(), "report.pdf")
    assert str(err.value) == "report.pdf：扩展名为 .pdf，但内容不是 PDF 文件"


def test_pdf_named_xlsx_is_read_as_the_pdf_it_is():
    """Content first: a renamed file is read for what it holds."""
    [grid] = read_grids(corpus_bytes(SMALL), "renamed.xlsx")
    assert grid.rows[0].ref.page == 1 and grid.sheet is None


def test_header_only_pdf_says_it_cannot_be_opened():
    with pytest.raises(SourceError) as err:
        read_grids(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "empty.pdf")
    assert str(err.value) == "empty.pdf：文件不完整或已损坏，无法打开"
