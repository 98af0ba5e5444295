"""The target tables of a department budget: 表14 and 表15.

Both arrive as the rows of all their pages, titles and repeated headers included, possibly many
tables in one run of rows; each table is found by its anchor row (部门（单位）名称 / 项目名称).
Indicator rows come from PDF pages whose merged cells put a category label on a later row than
the rows it covers, so labels are recognised by their words wherever they sit, carried down, and
rows read before the first label take it from the label that follows. 表15 amounts are in 元
with no label; 表14 states 万元 in its header.
"""

from __future__ import annotations

import re

from jixiao.domain.levels import LevelLabel, LevelTracker, indicator_levels, label_cells, resolve_levels
from jixiao.domain.model import Document, Indicator, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import parse_decimal, to_yuan
from jixiao.domain.targets import parse_target
from jixiao.domain.text import compact, to_halfwidth
from jixiao.ingest.grid import Row

from .budget_target_facts import read_project_facts
from .common import find_year

_ROW_LABELS = {"年度主要任务", "年度绩效指标", "年度总体目标", "绩效指标", "目标内容"}
_MARK = re.compile(r"^(?:#+\s*)?表\s*(\d{1,2})$")


def split_tables(rows: list[Row]) -> dict[str, list[Row]]:
    """The rows of 表14 and of 表15 in a department budget grid."""
    out: dict[str, list[Row]] = {"14": [], "15": []}
    current = None
    for row in rows:
        text = _short_text(row)
        mark = _MARK.match(text)
        if mark:
            current = mark.group(1) if mark.group(1) in out else None
        elif "整体支出绩效目标表" in text and len(text) < 30:
            current = "14"
        elif "项目绩效目标表" in text and len(text) < 30:
            current = "15"
        if current:
            out[current].append(row)
    return out


def starts_with(cell: str, prefix: str) -> bool:
    """``compact(cell[:24]).startswith(prefix)`` for a compacted ``prefix`` that starts with a CJK
    character, answered without normalising the many cells that cannot start with it."""
    head = cell[:24]
    return head.lstrip(" \u3000")[:1] == prefix[:1] and compact(head).startswith(prefix)


def _segments(rows: list[Row], anchor: str, title: str) -> list[list[Row]]:
    """One run of rows per table: a title or 表N mark starts one once the current has its anchor."""
    anchor, title = compact(anchor), compact(title)
    # A row whose first cell starts with the anchor holds the anchor's last character unless it is
    # ASCII (compact() changes only spaces and full-width ASCII; the anchors end in 称) and, its
    # cells being stripped, starts with the anchor's first character: cheap tests before starts_with.
    first, last = anchor[0], ("" if anchor[-1].isascii() else anchor[-1])
    starts = [0]  # where each segment starts
    anchored = [False]  # a segment whose first cell of some row is the anchor: no need to look again
    has_anchor = False
    for k, row in enumerate(rows):
        raw = row.text()
        is_anchor = last in raw and raw[:1] == first and starts_with(row.nonempty()[0], anchor)
        if not is_anchor and not (len(raw) < 60 and "表" in raw
                                  and _starts_table(compact(raw).lstrip("#"), title)):
            continue  # most rows: neither a title, a mark nor the anchor
        if has_anchor:
            starts.append(k)
            anchored.append(False)
            has_anchor = False
        if is_anchor:
            has_anchor = anchored[-1] = True
    segments = [rows[a:b] for a, b in zip(starts, starts[1:] + [len(rows)])]
    return [s for s, a in zip(segments, anchored)
            if a or any(starts_with(c, anchor) for r in s for c in r.cells)]


def _starts_table(text: str, title: str) -> bool:
    """Whether a row's compacted text is a table's title or its 表N mark."""
    return bool(text) and ((title in text and len(text) < 30) or bool(_MARK.match(text)))


def _short_text(row: Row) -> str:
    """A row's text for spotting marks and titles (short, and all holding 表); "" for other rows."""
    raw = row.text()
    return compact(raw).lstrip("#") if len(raw) < 60 and "表" in raw else ""


def read_table14(rows: list[Row], doc: Document) -> None:
    """Append one ``unit_overall`` record per 部门（单位）整体支出绩效目标表 to ``doc.projects``."""
    for segment in _segments(rows, "部门（单位）名称", "整体支出绩效目标表"):
        project = _read_unit_overall(segment, doc)
        if project is not None:
            doc.projects.append(project)


def read_table15(rows: list[Row], doc: Document) -> None:
    """Append one project per 项目绩效目标表 to ``doc.projects``."""
    for segment in _segments(rows, "项目名称", "项目绩效目标表"):
        project = _read_project_table(segment, doc)
        if project is not None:
            doc.projects.append(project)


def _year(rows: list[Row]) -> int | None:
    for row in rows[:8]:
        text = row.text()
        if "年" not in text:  # ``20xx年`` is written with it
            continue
        year = find_year(to_halfwidth(text).replace(" ", ""))
        if year:
            return year
    return None


def _after(cells: list[str], label: str) -> str | None:
    """The first non-empty cell after the cell starting with ``label``."""
    label = compact(label)
    for i, cell in enumerate(cells):
        if starts_with(cell, label):
            return next((c.strip() for c in cells[i + 1:] if c.strip()), None)
    return None


def _read_unit_overall(rows: list[Row], doc: Document) -> Project | None:
    label = compact("部门（单位）名称")
    anchor = next(r for r in rows if any(starts_with(c, label) for c in r.cells))
    unit = _after(anchor.cells, label)
    if not unit:
        doc.warnings.append(ParseWarning("表14缺少单位名称", anchor.ref,
                                         "\t".join(anchor.cells)))
        return None
    money_unit = _money_unit(rows)
    project = Project(name=unit, unit=unit, department=_after(anchor.cells, "主管部门") or doc.department,
                      kind="unit_overall", year=_year(rows) or doc.year, money_unit=money_unit,
                      source=anchor.ref)
    header = next((k for k, r in enumerate(rows)
                   if "三级指标" in r.text() and any("三级指标" in c for c in r.cells)), len(rows))
    tasks = []
    for row in rows[rows.index(anchor) + 1:header]:
        first = next((c for c in row.cells if c.strip()), "")
        if starts_with(first, "年度总体目标") and compact(first[:24]) == "年度总体目标":
            project.goal = _after(row.cells, "年度总体目标")
            continue
        task = _task(row, money_unit)
        if task is None:
            continue
        if task["name"] == "合计":
            project.budget = Money(total=task["total"], parts=task["parts"], source=row.ref)
        else:
            tasks.append(task)
    project.details["tasks"] = [{"name": t["name"], "content": t["content"],
                                 "total": _s(t["total"]), **{k: _s(v) for k, v in t["parts"].items()}}
                                for t in tasks]
    if project.budget.total is None:
        doc.warnings.append(ParseWarning(f"表14“{unit}”没有“合计”行", anchor.ref))
    read_indicator_table(rows[header + 1:], project, doc, source_column=False)
    return project


_ROW_LABEL_FIRST = frozenset(w[0] for w in _ROW_LABELS)
# The same characters as one string, for testing a non-empty cell's first character: ``in`` a
# string needs no hash of that new one-character string, as a set would.
_ROW_LABEL_CHARS = "".join(sorted(_ROW_LABEL_FIRST))


def _is_row_label(cell: str) -> bool:
    """A short cell naming a row of the form (年度主要任务 …); long cells are never labels."""
    return len(cell) < 12 and cell.lstrip(" \u3000")[:1] in _ROW_LABEL_FIRST and compact(cell) in _ROW_LABELS


def _money_unit(rows: list[Row]) -> str:
    """元 when a cell says (元), else 万元 (表14 states its unit in its header)."""
    for r in rows:
        text = r.text()
        if ("元)" in text or "元）" in text) and any("（元）" in c or "(元)" in c for c in r.cells):
            return MoneyUnit.YUAN
    return MoneyUnit.WAN_YUAN


def _s(v) -> str | None:
    return None if v is None else format(v, "f")


def _task(row: Row, money_unit: str) -> dict | None:
    """A task row: name, content and three amounts (总额, 财政拨款, 其他资金)."""
    numbers, texts = [], []  # the number cells; the other non-empty cells but row labels
    for cell in row.cells:  # stripped already
        if not cell:
            continue
        value = parse_decimal(cell)
        if value is not None:
            numbers.append(value)
        elif not _is_row_label(cell):
            texts.append(cell)
    if len(numbers) < 2 or not texts:
        return None
    values = [to_yuan(v, money_unit) for v in numbers[-3:]]
    parts = dict(zip(("fiscal", "non_fiscal"), values[1:]))
    return {"name": compact(texts[0]) if compact(texts[0]) == "合计" else texts[0],
            "content": texts[1] if len(texts) > 1 else None, "total": values[0], "parts": parts}


def _read_project_table(rows: list[Row], doc: Document) -> Project | None:
    facts = read_project_facts(rows, doc)
    if facts is None:
        return None
    project, header = facts
    project.year = _year(rows) or doc.year
    if header is not None:
        read_indicator_table(rows[header + 1:], project, doc, source_column=True)
    return project


def read_indicator_table(rows: list[Row], project: Project, doc: Document, source_column: bool) -> None:
    """Indicator rows of a 表14/表15: labels anywhere before the name, then name, value (, source)."""
    tracker = LevelTracker()
    pending: list[Indicator] = []
    level1_texts: dict[str, str] = {}
    indicators = project.indicators
    shown1 = shown2 = None  # the labels in force for the row before; indicator_levels() of them:
    code1, text1, code2, text2, required = indicator_levels(None, None)
    for row in rows:
        labels, rest, name_at = _indicator_cells(row.cells)
        level1, level2 = resolve_levels(labels) if labels else (None, None)
        if level1 is not None:
            level1_texts.setdefault(level1.code, level1.text)
        in_force1, in_force2 = tracker.carry(level1, level2)
        if in_force1 is not shown1 or in_force2 is not shown2:  # most rows keep the labels above
            shown1, shown2 = in_force1, in_force2
            code1, text1, code2, text2, required = indicator_levels(in_force1, in_force2)
        if code2 is not None and pending:
            for ind in pending:
                ind.level1, ind.level2, ind.level2_text = code1, code2, text2
            pending = []
        if not rest:
            continue
        if len(rest) == 1 and indicators and not indicators[-1].target.text and parse_target(rest[0]).op:
            indicators[-1].target = parse_target(rest[0])  # the value slipped to its own row
            continue
        # By position (a keyword call costs about twice as much); the order is pinned by a test:
        # level1, level2, name, target, actual, note, weight, score, deviation_reason, required,
        # source_of_value, level1_text, level2_text, source.
        ind = Indicator(code1, code2, rest[0], parse_target(rest[1] if len(rest) > 1 else ""),
                        None, None, None, None, None, required,
                        rest[2] if source_column and len(rest) > 2 else None, text1, text2, row.ref_of(name_at))
        indicators.append(ind)
        if code2 is None:
            pending.append(ind)
    for ind in indicators:
        if ind.level1_text is None and ind.level1 in level1_texts:
            ind.level1_text = level1_texts[ind.level1]
    missing = [i.name for i in indicators if not i.target.text]
    if missing:
        doc.warnings.append(ParseWarning(f"“{project.name}”有{len(missing)}个指标没有指标值",
                                         project.source, "；".join(missing)[:500]))


def _indicator_cells(cells: list[str]) -> tuple[list[LevelLabel], list[str], int]:
    """(category labels, other cells, column of the first other cell) of an indicator row, its row
    labels (年度绩效指标 …) left out."""
    return label_cells(cells, _ROW_LABEL_CHARS, _is_row_label)
