"""项目支出绩效自评表: the national single-project self-evaluation form, one project per form.

A form is a stack of labelled blocks: header facts (项目名称, 主管部门, 实施单位), money (rows
年度资金总额 / 其中：当年财政拨款 … × columns 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分),
the goal (预期目标 | 实际完成情况), the indicators (form_indicators) closed by 总分, and optional
评价结论 / 存在问题 / 改进措施. Blocks are found by their labels and columns by their header cells,
so a sheet may hold several forms one after another, and text exported from a workbook or extracted
from a PDF (empty cells dropped) reads the same.
"""

from __future__ import annotations

from jixiao.domain.model import Document, DocumentKind, ParseWarning, Project
from jixiao.domain.text import compact
from jixiao.ingest.grid import Grid, Row, SourceError

from . import form_blocks
from .common import find_year, status_of
from .form_blocks import FormState, fact_label
from .form_indicators import LevelState, header_columns, looks_cut, read_row

KIND = DocumentKind.SELF_EVALUATION_FORM


def head_words(grid: Grid, n: int = 80) -> str:
    """A text that holds a CJK-only word (as ``detect`` looks for) exactly when ``grid.head_key(n)`` does.

    The first 40 rows are compacted for the other readers' detect anyway (``head_key(40)``, kept
    per row); the rows after them only lose their spaces. compact() also turns full-width ASCII
    into half-width, but that never makes or breaks a word without ASCII, and no word spans the
    line break between two rows.
    """
    head = grid.head_key(min(n, 40))
    if n <= 40 or len(grid.rows) <= 40:
        return head
    rest = [r.text().replace(" ", "").replace("\u3000", "") for r in grid.rows[40:n]]
    return "\n".join([head, *rest])


def detect(grid: Grid) -> float:
    """Confidence that the grid holds national single-project self-evaluation forms."""
    head = head_words(grid, 80)  # the words below are CJK only: as good as grid.head_key(80)
    score = 0.0
    if "项目支出绩效自评表" in head:
        score += 0.4
    if "年度资金总额" in head:
        score += 0.2
    if "全年执行数" in head or "全年预算数" in head:
        score += 0.2
    if "三级指标" in head and ("实际完成值" in head or "得分" in head):
        score += 0.2
    if "总体目标" in head:
        score += 0.1
    if "年度指标内容" in head:
        score -= 0.5  # the wide department table
    return min(max(score, 0.0), 1.0)


def split_forms(grid: Grid) -> list[list[Row]]:
    """The rows of each form: a form starts at its title rows above a 项目名称 row."""
    rows = [r for r in grid.rows if r.nonempty()]
    starts = [i for i, r in enumerate(rows) if any(fact_label(c)[0] == "name" for c in r.cells[:3])]
    if not starts:
        return []
    bounds = []
    for n, i in enumerate(starts):
        floor = starts[n - 1] + 1 if n else 0
        j = i
        while j > floor and j > i - 4 and _is_title(rows[j - 1]):
            j -= 1
        bounds.append(j)
    bounds.append(len(rows))
    return [rows[a:b] for a, b in zip(bounds, bounds[1:])]


def _is_title(row: Row) -> bool:
    text = compact("".join(row.nonempty()))
    return len(row.nonempty()) <= 2 and any(w in text for w in ("自评表", "年度", "单位:", "单位：", "附件"))


def read(grids: list[Grid], doc: Document) -> Document:
    """Every form in every claimed grid → one project each; a form cut off at the end is an error."""
    for grid in grids:
        forms = split_forms(grid)
        if not forms:
            doc.warnings.append(ParseWarning("未找到“项目名称”行 (no 项目名称 row)", grid.rows[0].ref if grid.rows else None))
        for k, rows in enumerate(forms):
            state = _read_form(rows, doc)
            if k == len(forms) - 1:
                _refuse_if_cut(state, rows)
            if state.project is not None:
                doc.projects.append(state.project)
    if doc.projects:
        first = doc.projects[0]
        doc.department = doc.department or first.department
        doc.money_unit = first.money_unit
    return doc


def _read_form(rows: list[Row], doc: Document) -> FormState:
    state = FormState(rows=rows, unit_of_money=form_blocks.money_unit(rows))
    title_rows = [r for r in rows[:4] if _is_title(r) and "单位" not in r.text()]
    title = " ".join("".join(r.nonempty()) for r in title_rows) or None
    doc.title = doc.title or title
    state.year = (find_year(title) if title else None) or doc.year
    doc.year = doc.year or state.year
    facts: dict[str, tuple[str, Row, int]] = {}
    i = 0
    while i < len(rows):
        i = _read_row(rows, i, state, facts, doc)
    state.project = _project(facts, state, doc, rows[0])
    return state


def _read_row(rows: list[Row], i: int, state: FormState, facts: dict, doc: Document) -> int:
    """Read the block that starts at row ``i``; returns the index of the next row to look at."""
    row = rows[i]
    cols = state.indicator_cols
    if cols is not None and state.total_row is None and not state.after_indicators \
            and not form_blocks.ends_indicators(row):
        ind = read_row(row, cols, state.levels)
        if ind is not None:
            state.indicators.append(ind)
            state.last_indicator_row = row
        return i + 1
    for col, cell in enumerate(row.cells):
        key, inline = fact_label(cell)
        if key and key not in facts:
            value = (inline, col) if inline else form_blocks.value_after(row, col)
            if value:
                facts[key] = (value[0], row, value[1])
    cols = header_columns(row)
    if cols is not None:
        state.indicator_cols, state.levels = cols, LevelState()
        state.last_header = row
        return i + 1
    return form_blocks.read_other(rows, i, state)


def _project(facts: dict, state: FormState, doc: Document, first: Row) -> Project | None:
    name = facts.get("name", ("", first, 0))
    if not name[0]:
        doc.warnings.append(ParseWarning("表中“项目名称”为空，已跳过 (form without a project name)", first.ref))
        return None
    _, name_row, name_col = name
    unit = state.unit_of_money
    project = Project(
        name=name[0], unit=facts.get("unit", (None,))[0], department=facts.get("department", (None,))[0],
        code=facts.get("code", (None,))[0], year=state.year, money_unit=unit,
        indicators=state.indicators, source=name_row.ref_of(name_col),
    )
    form_blocks.fill_money(project, state, doc)
    project.goal, project.status_text = state.goal, state.status_text
    project.status = status_of(state.status_text)
    project.problems, project.rectification = state.problems, state.rectification
    project.stated_scores.update(state.scores)
    project.details.update(state.details)
    _warn_missing(project, state, doc, first)
    return project


def _warn_missing(project: Project, state: FormState, doc: Document, first: Row) -> None:
    where = first.ref
    if state.money_cols is None:
        doc.warnings.append(ParseWarning("未找到资金表头（年初预算数/全年预算数/全年执行数） (money block not found)", where, project.name))
    if state.indicator_cols is None:
        doc.warnings.append(ParseWarning("未找到绩效指标表头（一级指标/二级指标/三级指标） (indicator header not found)", where, project.name))
    elif state.total_row is None:
        doc.warnings.append(ParseWarning("缺少“总分”行 (no 总分 row)", where, project.name))
    unordered = state.levels.unordered
    if unordered:
        lines = "、".join(str(r.line) for r in unordered)
        doc.warnings.append(ParseWarning(
            f"第 {lines} 行指标的空单元格被省略，已按表头顺序读取 (indicator rows read by column order)",
            unordered[0], project.name))


def _refuse_if_cut(state: FormState, rows: list[Row]) -> None:
    """The last form of a file that stops mid-form makes the file unreadable as a whole."""
    last = rows[-1]
    reason = None
    if state.indicator_cols is None and not state.after_indicators:
        reason = "缺少绩效指标表"
    elif last is state.last_header or last is state.goal_header or last is state.money_header:
        reason = "最后一行是表头，其后没有内容"
    elif state.total_row is None and not state.after_indicators and last is state.last_indicator_row \
            and state.indicator_cols is not None and looks_cut(last, state.indicator_cols):
        reason = "最后一个指标行不完整（缺少实际完成值、分值和得分）"
    if reason:
        raise SourceError(f"项目支出绩效自评表在 {last.ref.label()} 处被截断：{reason} (form cut off)")


__all__ = ["KIND", "detect", "read", "split_forms"]
