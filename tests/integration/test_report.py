"""The 自评报告 (issue 19) of seed 000's department, as Word and as PDF, from a real store.

Seed 000 is 深圳市龙岗区人力资源局's 2021 self-evaluation: 33 projects of 5 units, 958,539,000.00 元
budgeted (asserted from the same file in test_cli). The report must restate those totals, give each
unit a section, carry its charts as pictures, and the PDF (LibreOffice headless) must say the same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from tests.conftest import SEED_000

JIXIAO = str(Path(sys.executable).parent / "jixiao")
UNITS = ["人力资源局本级", "劳动就业服务中心", "职业介绍服务中心", "人事服务中心", "职业训练中心"]


def run(*args):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'r.db'}"
    for step in (("ingest", str(SEED_000)), ("check",), ("score",)):
        r = run(*step, "--db", url)
        assert r.returncode == 0 or (step == ("check",) and "共 14 条：错误 1" in r.stdout), r.stdout + r.stderr
    return url


def test_word_report_holds_the_totals_a_section_per_unit_and_the_charts(store, tmp_path):
    out = tmp_path / "报告.docx"
    r = run("report", "--format", "docx", "-o", str(out), "--department", "龙岗区人力资源局", "--db", store)
    assert r.returncode == 0 and "5 个单位，33 个项目" in r.stdout, r.stdout + r.stderr
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert d.paragraphs[0].text == "深圳市龙岗区人力资源局2021年度项目支出绩效自评报告"
    assert "5 个单位的 33 个项目，全年预算数合计 95,853.90 万元" in text
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert [h.split("、", 1)[1] for h in headings if h.startswith("四.")] == UNITS
    assert len(d.inline_shapes) == 3  # execution by unit, grades, score by project
    execution = d.tables[0]
    assert [c.text for c in execution.rows[0].cells][:2] == ["单位", "项目数"]
    assert sum(int(row.cells[1].text) for row in execution.rows[1:]) == 33
    assert d.tables[-1].rows[1].cells[2].text.startswith("000_9c9e7ed0d43ac23c.txt 第 ")  # the appendix of sources


def test_pdf_report_says_the_same(store, tmp_path):
    out = tmp_path / "报告.pdf"
    r = run("report", "--format", "pdf", "-o", str(out), "--year", "2021", "--db", store)
    assert r.returncode == 0, r.stdout + r.stderr
    pdf = pdfium.PdfDocument(str(out))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "95,853.90" in text and "项目支出绩效自评报告" in text and len(pdf) >= 5
    assert all(unit in text for unit in UNITS)


def test_no_report_without_self_evaluated_projects(store):
    r = run("report", "-o", "x.docx", "--department", "不存在的部门", "--db", store)
    assert r.returncode == 1 and "没有符合条件的自评项目" in r.stderr
