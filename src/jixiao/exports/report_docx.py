"""The 自评报告 as Word (python-docx) and PDF (LibreOffice headless): words from the data only.

One report per department (or unit) and year, as a 主管部门 hands it in: 一、基本情况 (units,
projects, money and its execution), 二、预算执行情况 (by unit, with a chart), 三、评分结果 (grades and
scores with their explanations, two charts), then a section per unit (each project's money, goal
and result, the indicators not met and the reasons the form gives, the problems the checks found,
the problems and fixes the form states), and an appendix naming the source of every project. No
sentence is written that does not restate a figure or a text of the store.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from jixiao.ingest.sources.office import convert
from jixiao.services.report import Report

from . import report_charts

FONT = "宋体"
WAN = Decimal(10000)


def _wan(value: Decimal | None) -> str:
    return "—" if value is None else f"{value / WAN:,.2f}"


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}%"


def _num(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _styled(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        s = doc.styles[name]
        s.font.name = FONT
        s.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _table(doc, head: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def _picture(doc, png: bytes, width_cm: float = 15) -> None:
    doc.add_picture(io.BytesIO(png), width=Cm(width_cm))


def document(report: Report):
    """The report as a python-docx Document."""
    doc = WordDocument()
    _styled(doc)
    year = f"{report.year}年度" if report.year else ""
    title = doc.add_heading(f"{report.department}{year}项目支出绩效自评报告", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    projects = report.projects

    doc.add_heading("一、基本情况", level=1)
    doc.add_paragraph(
        f"本报告涵盖{report.department}所属 {len(report.units)} 个单位的 {len(projects)} 个项目，"
        f"全年预算数合计 {_wan(report.budget)} 万元，全年执行数合计 {_wan(report.actual)} 万元，"
        f"执行率 {_pct(report.rate)}。")

    doc.add_heading("二、预算执行情况", level=1)
    _table(doc, ["单位", "项目数", "全年预算数（万元）", "全年执行数（万元）", "执行率"],
           [[u.unit, str(len(u.projects)), _wan(u.budget), _wan(u.actual), _pct(u.rate)] for u in report.units])
    _picture(doc, report_charts.bars([u.unit for u in report.units], [u.rate for u in report.units],
                                     "各单位预算执行率", "%"))

    doc.add_heading("三、评分结果", level=1)
    grades = report.grades
    scored = [p for p in projects if p.score is not None]
    doc.add_paragraph(f"已评分项目 {len(scored)} 个，其中" + "，".join(
        f"{g} {grades.get(g, 0)} 个" for g in report_charts.GRADES) + "。")
    _picture(doc, report_charts.grades(dict(grades), "评价等级分布"), 10)
    if scored:
        _picture(doc, report_charts.scores([p.name for p in scored], [p.score for p in scored], "各项目得分"))

    for n, unit in enumerate(report.units, start=1):
        doc.add_heading(f"四.{n}、{unit.unit}", level=1)
        doc.add_paragraph(f"项目 {len(unit.projects)} 个，全年预算数 {_wan(unit.budget)} 万元，"
                          f"全年执行数 {_wan(unit.actual)} 万元，执行率 {_pct(unit.rate)}。")
        _table(doc, ["项目", "全年预算数（万元）", "全年执行数（万元）", "执行率", "得分", "等级"],
               [[p.name, _wan(p.budget), _wan(p.actual), _pct(p.rate), _num(p.score), p.grade or "—"]
                for p in unit.projects])
        for p in unit.projects:
            doc.add_heading(p.name, level=2)
            if p.goal:
                doc.add_paragraph(f"年度目标：{p.goal}")
            if p.status:
                doc.add_paragraph(f"完成情况：{p.status}")
            if p.explanation:
                doc.add_paragraph(f"评分说明：{p.explanation}")
            if p.missed:
                doc.add_paragraph("未达到满分的指标：")
                _table(doc, ["指标", "指标值", "实际完成值", "分值", "得分", "偏差原因"],
                       [[m.name, m.target or "—", m.actual or "—", _num(m.weight), _num(m.score), m.reason or "表中未说明"]
                        for m in p.missed])
            if p.findings:
                doc.add_paragraph("检查发现的问题：")
                for text in p.findings:
                    doc.add_paragraph(text, style="List Bullet")
            if p.problems:
                doc.add_paragraph(f"存在问题：{p.problems}")
            if p.rectification:
                doc.add_paragraph(f"整改措施：{p.rectification}")

    doc.add_heading("附录：数据来源", level=1)
    _table(doc, ["单位", "项目", "来源"], [[u.unit, p.name, p.source] for u in report.units for p in u.projects])
    return doc


def docx_bytes(report: Report) -> bytes:
    buf = io.BytesIO()
    document(report).save(buf)
    return buf.getvalue()


def write(report: Report, path: Path) -> Path:
    """The report to ``path``: .docx as it is, .pdf through LibreOffice headless."""
    data = docx_bytes(report)
    if path.suffix.lower() == ".pdf":
        data = convert(data, path.name, "docx", "pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


__all__ = ["document", "docx_bytes", "write"]
