"""Disclosure review on real PDFs: the four defects a reviewer found are found on their pages; a
clean budget stays clean; a copy of it with errors seeded into its text has each of them found.

The seeded copy edits the text the PDF source read (as a careless editor would edit the file);
nothing here is keyed to a file name inside the rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.checks.context import CheckContext
from jixiao.checks.registry import all_rules
from jixiao.checks.runner import run_checks
from jixiao.domain.disclosure import disclosure_of
from jixiao.domain.model import Document
from jixiao.domain.source import SourceRef
from jixiao.ingest.forms import final_accounts, printed_budget
from jixiao.ingest.grid import Grid, Row
from jixiao.ingest.sources import pdf

FILES = Path(__file__).resolve().parents[1] / "corpus" / "files"
CLEAN = "budget_dept_shanghai_putuo_commerce_2025.pdf"


def _grid(name: str) -> Grid:
    return pdf.read((FILES / name).read_bytes(), name)


def _read(grid: Grid) -> Document:
    doc = Document(file=grid.file, sha256="x", kind="x", source=SourceRef(grid.file))
    reader = final_accounts if final_accounts.detect(grid) else printed_budget
    return reader.read([grid], doc)


def _findings(doc: Document):
    report = run_checks(CheckContext(documents=[doc]), rules=all_rules())
    assert report.failures == []
    return report.findings


@pytest.fixture(scope="module")
def reviewed() -> dict:
    out = {}
    for name in ("final_dept_shanghai_putuo_socialwork_2024.pdf", "final_dept_shanghai_putuo_planning_2024.pdf",
                 "final_dept_shanghai_putuo_finance_2024.pdf"):
        out[name] = _findings(_read(_grid(name)))
    return out


def _on(findings, code: str, page: int, phrase: str) -> bool:
    return any(f.code == code and f.source is not None and f.source.page == page and f.source.box is not None
               and phrase in f.message for f in findings)


def test_the_four_named_defects_are_found_on_their_pages(reviewed):
    social = reviewed["final_dept_shanghai_putuo_socialwork_2024.pdf"]
    assert _on(social, "P001", 18, "完成年初预算的95.89%")
    assert _on(social, "W002", 20, "住房公积金")
    assert _on(reviewed["final_dept_shanghai_putuo_planning_2024.pdf"], "W001", 7, "上海市规划和自然资源局")
    finance = reviewed["final_dept_shanghai_putuo_finance_2024.pdf"]
    assert _on(finance, "P002", 21, "2,961.68")
    assert _on(finance, "P004", 21, "71.73")


def test_the_disclosure_model_has_parts_tables_and_linked_paragraphs():
    dis = disclosure_of(_read(_grid("final_dept_shanghai_putuo_socialwork_2024.pdf")))
    parts = {p.key: (p.first_page, p.last_page) for p in dis.parts}
    assert parts["cover"] == (1, 1) and parts["contents"] == (2, 3) and parts["glossary"] == (23, 24)
    assert parts["tables"][0] == 5 and parts["explanations"][1] == 22
    assert [t.key for t in dis.tables][:4] == ["income_spending", "income", "spending", "fiscal_income_spending"]
    assert dis.cover_name == "中共上海市普陀区委社会工作部"
    explained = [p for p in dis.paragraphs if p.table == "fiscal_income_spending" and p.line]
    assert explained and explained[0].page == 17


_SEEDS = (  # (text in the clean copy, replacement, rule that must find it)
    ("2025年，上海市普陀区商务委员会收入预算", "2025年，上海市商务委员会收入预算", "W001"),
    ("比2024年预算增加24,491.71万元。", "比2025年预算增加24,491.71万元。", "W004"),
    ("主要用于在职人员公积金缴纳", "主要用于在职人员医疗保险缴纳", "W002"),
    ("事业收入0万元", "事业收入XX万元", "W003"),
    ("财政拨款收入支出增加的主要原因是", "财政拨款收入支出增加（减少）的主要原因是", "W005"),
    ("”938.99万元", "”939.99万元", "M007"),
)


def _seeded(grid: Grid) -> Grid:
    rows = []
    for r in grid.rows:
        cells = list(r.cells)
        for old, new, _ in _SEEDS:
            cells = [c.replace(old, new) for c in cells]
        rows.append(Row(cells, r.ref, r.cell_refs, layout=r.layout, block=r.block) if cells != r.cells else r)
    return Grid(grid.file, rows, grid.sheet, grid.notices)


def test_a_clean_budget_stays_clean_and_its_seeded_copy_is_caught():
    grid = _grid(CLEAN)
    clean = _findings(_read(grid))
    assert [f.message for f in clean if f.severity == "error" or f.code[0] in "DPW"] == []
    seeded = _findings(_read(_seeded(grid)))
    for old, new, code in _SEEDS:
        assert any(f.code == code and f.source is not None and f.source.page for f in seeded), (code, new)


def test_the_review_pdf_highlights_each_finding_on_its_page(reviewed):
    import io

    from pypdf import PdfReader

    from jixiao.exports.review_pdf import annotate

    name = "final_dept_shanghai_putuo_socialwork_2024.pdf"
    findings = [f.to_dict() for f in reviewed[name]]
    out = PdfReader(io.BytesIO(annotate((FILES / name).read_bytes(), findings)))
    marks = [(i + 1, a.get_object()["/Subtype"], str(a.get_object().get("/Contents", "")))
             for i, page in enumerate(out.pages) for a in page.get("/Annots") or []]
    assert any(p == 18 and kind == "/Highlight" and "P001" in text for p, kind, text in marks)
    assert any(p == 20 and kind == "/Text" and "住房公积金" in text for p, kind, text in marks)
