"""Official forms out: each project on its own sheet, laid out as the national templates print them.

A unit hands in its 项目支出绩效自评表 and 绩效目标申报表 as the Ministry's templates lay them out, not
a database dump: merged title and label cells, borders, a Song-style font, money in 万元 with two
decimals, an A4 landscape page one page wide. The self-evaluation sheet follows the national
template cell by cell (so that ``jixiao ingest`` reads an exported form back to the same project);
where the engine's score differs from the one the form states, a row under 总分 says so.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES
from jixiao.domain.model import Indicator, Money, Project
from jixiao.services import queries
from jixiao.storage.loaders import project_from_row
from jixiao.storage.models import ProjectRow
from jixiao.storage.score_models import ProjectScoreRow

FONT = "宋体"
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT, size=10)
_TITLE_FONT = Font(name=FONT, size=14, bold=True)
_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
_LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
_WIDTHS = (10, 12, 14, 26, 14, 14, 8, 8, 30)  # A…I as the template prints them
WAN = Decimal(10000)


def wan(value: Decimal | None) -> Decimal | None:
    """元 → 万元, exactly: the cell shows two decimals (its number format), as the forms print money,
    and keeps every digit, so that the form read back gives the amount stored."""
    return None if value is None else value / WAN


def _sheet_title(wb: Workbook, name: str) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip() or "项目"
    title, k = base[:31], 2
    while title in wb.sheetnames:
        suffix = f"({k})"
        title, k = base[:31 - len(suffix)] + suffix, k + 1
    return title


def _shown(value) -> str | None:
    """A form fact as printed: a parsed one (``{'text': '4', 'years': 4}``) by its text."""
    if isinstance(value, dict):
        return value.get("text")
    return None if value is None else str(value)


def _styles(wb: Workbook) -> None:
    """The four looks of a form's cells, registered once per workbook (a cell then takes one by
    name, which is far cheaper than setting its font, alignment and border one by one)."""
    for name, font, align, border in (("表题", _TITLE_FONT, _WRAP, Border()), ("居中", _FONT, _WRAP, _BORDER),
                                      ("靠左", _FONT, _LEFT, _BORDER), ("表外", _FONT, _WRAP, Border())):
        wb.add_named_style(NamedStyle(name=name, font=font, alignment=align, border=border))


def _put(ws: Worksheet, ref: str, value, merge: str | None = None, bold: bool = False, left: bool = False) -> None:
    cell = ws[ref]
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a target written ``=100%`` is text, not a formula
    cell.style = "表题" if bold else ("靠左" if left else ("居中" if cell.row > 2 else "表外"))
    if merge:
        # the range only: every cell under it is already framed, so openpyxl's own border copying is not needed
        _merge(ws, f"{ref}:{merge}")


def _merge(ws: Worksheet, ref: str) -> None:
    ws.merged_cells.add(CellRange(ref))


def _frame(ws: Worksheet, last_row: int, last_col: int = 9, first_row: int = 3) -> None:
    """Borders round every cell of the table, widths and the print page."""
    spans = {(r.min_row, r.min_col): sum(_WIDTHS[c - 1] for c in range(r.min_col, r.max_col + 1))
             if r.min_row == r.max_row else 10_000  # a label over several rows has their height
             for r in ws.merged_cells.ranges if r.max_col <= len(_WIDTHS)}
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=last_col):
        lines = 1
        for cell in row:
            if cell.value is None:
                cell.style = "居中"
                continue
            width = spans.get((cell.row, cell.column), _WIDTHS[cell.column - 1])
            lines = max(lines, -(-len(str(cell.value)) * 2 // max(width - 1, 1)))  # a Chinese character is two widths
        ws.row_dimensions[row[0].row].height = 15 * lines  # wrapped text shown whole
    for k, width in enumerate(_WIDTHS[:last_col], start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"


def _level_texts(ind: Indicator) -> tuple[str, str]:
    one = ind.level1_text or LEVEL1_NAMES.get(ind.level1 or "", "")
    two = ind.level2_text or LEVEL2_NAMES.get(ind.level2 or "", "")
    return one, two


def _indicator_rows(ws: Worksheet, first: int, indicators: list[Indicator], columns: int) -> int:
    """The indicator rows from ``first``; a category printed once, merged over the rows it spans
    (a 二级指标 only within its 一级指标). Returns the row after the last."""
    open_spans: dict[int, tuple[int, tuple[str, ...], int]] = {}  # column → (first row, key, last row)
    merges: list[tuple[int, int, int]] = []
    row = first
    for ind in indicators:
        one, two = _level_texts(ind)
        for col, key in ((2, (one,)), (3, (one, two))):
            span = open_spans.get(col)
            if span is not None and span[1] == key and key[-1]:
                open_spans[col] = (span[0], key, row)
                continue
            if span is not None:
                merges.append((col, span[0], span[2]))
            _put(ws, f"{get_column_letter(col)}{row}", key[-1] or None)
            open_spans[col] = (row, key, row)
        _put(ws, f"D{row}", ind.name, left=True)
        _put(ws, f"E{row}", ind.target.text if ind.target else None)
        if columns > 5:
            _put(ws, f"F{row}", ind.actual.text if ind.actual else None)
            _put(ws, f"G{row}", ind.weight)
            _put(ws, f"H{row}", ind.score)
            _put(ws, f"I{row}", ind.deviation_reason, left=True)
        row += 1
    merges.extend((col, a, b) for col, (a, _, b) in open_spans.items())
    for col, a, b in merges:
        if b > a:
            _merge(ws, f"{get_column_letter(col)}{a}:{get_column_letter(col)}{b}")
    return row


def _money_row(ws: Worksheet, row: int, label: str, money: tuple[Money | None, Money | None, Money | None],
               part: str | None) -> None:
    _put(ws, f"B{row}", label, merge=f"C{row}")
    for col, m in zip("DEF", money):
        value = None if m is None else (m.total if part is None else m.parts.get(part))
        _put(ws, f"{col}{row}", wan(value))
        ws[f"{col}{row}"].number_format = "0.00"


def _head(ws: Worksheet, title: str, p: Project) -> None:
    """Rows 1–4 of the templates: the title, the year, the project (or, on a department's form, the
    department or unit whose whole spending it is), its department and unit."""
    overall = p.kind == "unit_overall"
    _put(ws, "A1", title, merge="I1", bold=True)
    _put(ws, "A2", f"（{p.year}年度）" if p.year else "（　　年度）", merge="I2")
    _put(ws, "A3", "部门（单位）名称" if overall else "项目名称", merge="B3")
    _put(ws, "C3", (p.unit or p.department or p.name) if overall else p.name, merge="I3", left=True)
    _put(ws, "A4", "主管部门", merge="B4")
    _put(ws, "C4", p.department, merge="D4", left=True)
    _put(ws, "E4", "实施单位")
    _put(ws, "F4", p.unit, merge="I4", left=True)


def selfeval_sheet(ws: Worksheet, p: Project, engine: dict | None = None) -> None:
    """One project's 项目支出绩效自评表, cell for cell as the national template (A1:I…); a department's
    (or unit's) whole spending on the 部门整体支出绩效自评表, laid out alike."""
    _head(ws, "部门整体支出绩效自评表" if p.kind == "unit_overall" else "项目支出绩效自评表", p)
    _put(ws, "A5", "项目资金（万元）", merge="A9")
    for col, label in zip("DEFGHI", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        _put(ws, f"{col}5", label)
    _merge(ws, "B5:C5")
    money = (p.budget_initial, p.budget, p.actual)
    _money_row(ws, 6, "年度资金总额", money, None)
    stated = p.stated_scores
    _put(ws, "G6", stated.get("execution_weight"))
    _put(ws, "H6", None if p.execution_rate is None else p.execution_rate / 100)
    ws["H6"].number_format = "0.00%"
    _put(ws, "I6", stated.get("execution_score"))
    for row, (label, part) in enumerate((("其中：当年财政拨款", "fiscal"), ("上年结转资金", "carried_over"),
                                         ("其他资金", "non_fiscal")), start=7):
        _money_row(ws, row, label, money, part)
        for col in "GHI":
            _put(ws, f"{col}{row}", "—")
    _put(ws, "A10", "年度总体目标", merge="A11")
    _put(ws, "B10", "预期目标", merge="E10")
    _put(ws, "F10", "实际完成情况", merge="I10")
    _put(ws, "B11", p.goal, merge="E11", left=True)
    _put(ws, "F11", p.status_text, merge="I11", left=True)
    for col, label in zip("ABCDEFGHI", ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                         "分值", "得分", "偏差原因分析及改进措施")):
        _put(ws, f"{col}12", label)
    end = _indicator_rows(ws, 13, p.indicators, 9)
    if end - 1 > 12:
        _merge(ws, f"A12:A{end - 1}")
    _put(ws, f"A{end}", "总分", merge=f"F{end}")
    _put(ws, f"G{end}", Decimal(100))
    _put(ws, f"H{end}", stated.get("total"))
    last = end
    if engine and engine.get("total") is not None and engine["total"] != stated.get("total"):
        last = end + 1
        _put(ws, f"A{last}", "系统评分（按评分办法重算）", merge=f"F{last}")
        _put(ws, f"H{last}", engine["total"])
        _put(ws, f"I{last}", engine.get("grade"))
    _frame(ws, last)


def declaration_sheet(ws: Worksheet, p: Project) -> None:
    """One project's 项目支出绩效目标申报表 as the national template lays it out (A1:E…)."""
    _head(ws, "项目支出绩效目标申报表", p)
    _put(ws, "A5", "项目期", merge="B5")
    _put(ws, "C5", _shown(p.details.get("period")), merge="D5")
    _put(ws, "E5", "项目类型")
    _put(ws, "F5", _shown(p.details.get("type")), merge="I5")
    _put(ws, "A6", "项目资金（万元）", merge="A9")
    multi = p.details.get("multi_year")
    rows = (("资金总额", Decimal(multi) if multi else p.budget.total), ("年度资金总额", p.budget.total),
            ("其中：财政拨款", p.budget.parts.get("fiscal")), ("其他资金", p.budget.parts.get("non_fiscal")))
    for row, (label, value) in enumerate(rows, start=6):
        _put(ws, f"B{row}", label, merge=f"D{row}")
        _put(ws, f"E{row}", wan(value), merge=f"I{row}")
        ws[f"E{row}"].number_format = "0.00"
    _put(ws, "A10", "总体目标", merge="A11")
    _put(ws, "B10", "中长期目标", merge="E10")
    _put(ws, "F10", "年度目标", merge="I10")
    _put(ws, "B11", p.goal_long_term, merge="E11", left=True)
    _put(ws, "F11", p.goal, merge="I11", left=True)
    weighted = any(i.weight is not None for i in p.indicators)
    for col, label in zip("ABCDE", ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值")):
        _put(ws, f"{col}12", label)
    if weighted:  # many provinces' 申报表 weigh each indicator (分值)
        _put(ws, "I12", "分值")
    _merge(ws, f"E12:{'H' if weighted else 'I'}12")
    end = _indicator_rows(ws, 13, p.indicators, 5)
    for row, ind in enumerate(p.indicators, start=13):
        _merge(ws, f"E{row}:{'H' if weighted else 'I'}{row}")
        if weighted:
            _put(ws, f"I{row}", ind.weight)
    if end - 1 > 12:
        _merge(ws, f"A12:A{end - 1}")
    _frame(ws, end - 1)


def workbook(projects: list[tuple[Project, str, dict | None]]) -> Workbook:
    """Projects with their form ("selfeval" or "declaration") and engine score → one workbook,
    one sheet per project named by the project."""
    wb = Workbook()
    wb.remove(wb.active)
    _styles(wb)
    for project, form, engine in projects:
        ws = wb.create_sheet(_sheet_title(wb, project.name))
        if form == "declaration":
            declaration_sheet(ws, project)
        else:
            selfeval_sheet(ws, project, engine)
    return wb


def save(projects: list[tuple[Project, str, dict | None]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook(projects).save(path)
    return path


__all__ = ["declaration_sheet", "save", "selfeval_sheet", "wan", "workbook"]


FORM_FILES = {"selfeval": "项目支出绩效自评表", "declaration": "绩效目标申报表", "overall": "部门整体支出绩效自评表"}
_DECLARED = frozenset({"target_declaration", "target_list"})


def form_for(document_kind: str, project_kind: str) -> str | None:
    """The official form a stored project is printed on, or None (budget table lines have none)."""
    if document_kind not in (*_DECLARED, "self_evaluation_form", "self_evaluation_table"):
        return None
    if document_kind in _DECLARED:
        return None if project_kind == "unit_overall" else "declaration"  # 部门整体绩效目标: not written yet
    return "overall" if project_kind == "unit_overall" else "selfeval"


def forms_bytes(session: Session, project_ids: list[int]) -> tuple[bytes, int]:
    """The given projects' forms in one workbook (a sheet each, in the order given) and how many."""
    docs = queries.documents(session)
    inds = queries.indicators_by_project(session, project_ids)
    rows = {r.id: r for r in session.scalars(select(ProjectRow).where(ProjectRow.id.in_(project_ids)))}
    engine = {r.project_id: {"total": r.total, "grade": r.grade} for r in session.scalars(
        select(ProjectScoreRow).where(ProjectScoreRow.project_id.in_(project_ids)))}
    items = []
    for pid in project_ids:
        row = rows.get(pid)
        doc = docs.get(row.document_id) if row is not None else None
        form = form_for(doc.kind, row.kind) if doc is not None else None
        if form is not None:
            items.append((project_from_row(row, inds.get(pid, []), doc.file), form, engine.get(pid)))
    if not items:
        return b"", 0
    buf = io.BytesIO()
    workbook(items).save(buf)
    return buf.getvalue(), len(items)


def notice_bytes(text: str) -> bytes:
    """A workbook of one sheet that says why it holds no form (a download is never an error page)."""
    wb = Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = text
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_dir(session: Session, out_dir: Path, unit: str | None = None, year: int | None = None) -> dict[str, int]:
    """The store's projects as official forms: one workbook per unit, year and form, one sheet per
    project (a department's whole spending on its own form); the lines of budget tables have no such
    form and are left out.
    Returns {file name: sheets}."""
    docs = queries.documents(session)
    engine = {r.project_id: {"total": r.total, "grade": r.grade} for r in session.scalars(select(ProjectScoreRow))}
    groups: dict[tuple[str, int | None, str], list] = {}
    for row, inds in queries.iter_projects_with_indicators(session, unit=unit, year=year):
        doc = docs.get(row.document_id)
        form = form_for(doc.kind, row.kind) if doc is not None else None
        if form is None:
            continue
        project = project_from_row(row, inds, doc.file)
        groups.setdefault((row.unit or row.department or "未注明单位", row.year, form), []).append(
            (project, form, engine.get(row.id)))
    written: dict[str, int] = {}
    for (owner, when, form), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0, kv[0][2])):
        name = f"{owner}_{when or '未注明年度'}_{FORM_FILES[form]}.xlsx".replace("/", "_")
        save(items, out_dir / name)
        written[name] = len(items)
    return written
