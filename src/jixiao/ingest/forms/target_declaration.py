"""二级项目支出绩效目标申报表: one declaration form per project, many forms to a file.

Each form is a block of ``label： value`` pairs (code, name, units, period, type, amounts, policy
basis, 测算依据, goals) followed by an indicator table 一级/二级/三级指标/指标值/指标解释, where ``*``
marks a mandatory category and 不适用 declares that a category has no indicator. Amounts carry
their unit in the label (``本年度项目金额（万元）``); a unit that the 测算依据 contradicts is kept as
stated and flagged for the checker.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.basis import parse_basis
from jixiao.domain.levels import LevelTracker, indicator_levels, label_cells, resolve_levels
from jixiao.domain.model import (
    Document,
    DocumentKind,
    Indicator,
    Money,
    MoneyUnit,
    NotApplicable,
    ParseWarning,
    Project,
)
from jixiao.domain.numbers import parse_decimal, to_yuan
from jixiao.domain.targets import parse_target
from jixiao.domain.text import compact
from jixiao.ingest.grid import Grid, Row

from .common import find_money_unit, is_form_note
from .unit_doubt import check_unit_doubt, unit_doubt

KIND = DocumentKind.TARGET_DECLARATION
TITLE = "二级项目支出绩效目标申报表"  # how explain names this reader where two read the same kind
_TITLE = "绩效目标申报表"
# Label (compacted, without the colon) → field; the first label a cell starts with wins.
FIELDS = [
    ("项目编码", "code"), ("项目编号", "code"), ("项目名称", "name"), ("申请单位", "unit"),
    ("实施单位", "unit"), ("一级预算单位", "department"), ("主管部门", "department"),
    ("实施期限", "period"), ("项目类型", "type"), ("是否新增", "new"), ("分配方式", "allocation_method"),
    ("项目总金额", "multi_year"), ("本年度项目金额", "budget"), ("年度项目金额", "budget"),
    ("政策依据", "policy_basis"), ("测算依据", "basis"), ("年度目标", "goal"), ("长期目标", "goal_long_term"),
]
NOT_APPLICABLE = "不适用"
_TYPE = re.compile(r"^(\d{1,3})\s*(.*)$")


def detect(grid: Grid) -> float:
    """Confidence that the grid holds 二级项目支出绩效目标申报表 forms."""
    head = grid.head_key(30, 4000)
    score = 0.0
    if _TITLE in head:  # the title alone is every province's; the code and 测算依据 are this form's
        score += 0.35
    if "项目编码" in head or "项目编号" in head:
        score += 0.2
    if "测算依据" in head:
        score += 0.3
    if "一级指标" in head and "三级指标" in head:
        score += 0.15
    return score


def read(grids: list[Grid], doc: Document) -> Document:
    """Read every declaration form of every grid into ``doc.projects``."""
    for grid in grids:
        default_unit = find_money_unit(grid)
        for block in split_forms(grid.rows):
            project = read_form(block, doc, default_unit)
            if project is not None:
                doc.projects.append(project)
    if doc.projects:
        doc.money_unit = doc.projects[0].money_unit
        doc.department = doc.department or doc.projects[0].department
        doc.title = doc.title or "二级项目支出绩效目标申报表"
    else:
        doc.warnings.append(ParseWarning("没有找到任何申报表"))
    return doc


def split_forms(rows: list[Row]) -> list[list[Row]]:
    """One block of rows per form, each starting at its title row."""
    blocks: list[list[Row]] = []
    for row in rows:
        raw = row.text()
        # compact() leaves CJK characters alone: a title row holds the title's last character.
        if len(raw) < 60 and "表" in raw and _TITLE in compact(raw):
            blocks.append([row])
        elif blocks:
            blocks[-1].append(row)
    return blocks


# The labels as one alternation in list order (the first label a cell starts with wins, as in a
# loop over FIELDS), and their first characters to pass over value cells without normalising them.
_FIELD_RE = re.compile("|".join(f"({re.escape(word)})" for word, _ in FIELDS))
_FIELD_FIRST = frozenset(word[0] for word, _ in FIELDS)


def field_of(label: str) -> str | None:
    """The field a ``项目编码：`` style label names, or None for a value cell."""
    if label.lstrip(" \u3000")[:1] not in _FIELD_FIRST:
        return None
    t = compact(label).rstrip(":：")
    if not t or len(t) > 30:
        return None
    m = _FIELD_RE.match(t)
    return FIELDS[m.lastindex - 1][1] if m and m.lastindex else None


def label_pairs(row: Row) -> list[tuple[str, str, str, int]]:
    """(field, label, value, value column) for every ``label： value`` pair of a row.

    Row cells are stripped already: an empty test stands for ``strip()``, and a label ends with its
    colon and starts with its first character (tested before ``field_of`` normalises it).
    """
    out = []
    cells = row.cells
    n = len(cells)
    for i, cell in enumerate(cells):
        if not cell or cell[-1] not in ":：" or cell[0] not in _FIELD_FIRST:
            continue
        key = field_of(cell)
        if key is None:
            continue
        j = i + 1
        while j < n and not cells[j]:
            j += 1
        if j < n:
            value = cells[j]
            if value[0] not in _FIELD_FIRST or field_of(value) is None:
                out.append((key, cell, value, j))
    return out


_YUAN_LABEL = re.compile(r"[(（,，]元[)）]|单位[:：]?元")


def unit_from_label(label: str, default: str) -> str:
    """``（万元）`` in a label → 万元; ``（元）`` → 元; otherwise the document's unit."""
    t = compact(label)
    if "万元" in t:
        return MoneyUnit.WAN_YUAN
    if _YUAN_LABEL.search(t):
        return MoneyUnit.YUAN
    return default


def read_form(rows: list[Row], doc: Document, default_unit: str) -> Project | None:
    """One form → a Project with facts, money, goals, basis and indicators."""
    facts: dict[str, tuple[str, str, Row, int]] = {}
    header_at = None
    for k, row in enumerate(rows):
        if "一级指标" in row.cells and any("三级指标" in c for c in row.cells):
            header_at = k
            break
        for key, label, value, col in label_pairs(row):
            facts.setdefault(key, (label, value, row, col))
    name = facts.get("name", ("", "", None, 0))[1]
    if not name:
        doc.warnings.append(ParseWarning("申报表缺少项目名称", rows[0].ref,
                                         "\t".join(rows[0].cells)))
        return None
    project = Project(name=name, unit=_fact(facts, "unit"), department=_fact(facts, "department"),
                      kind="project", code=_fact(facts, "code"), source=rows[0].ref)
    project.goal, project.goal_long_term = _fact(facts, "goal"), _fact(facts, "goal_long_term")
    _read_money(project, facts, doc, default_unit)
    _read_details(project, facts)
    if header_at is None:
        doc.warnings.append(ParseWarning(f"项目“{name}”没有指标表", rows[0].ref))
    else:
        read_indicator_rows(rows[header_at + 1:], project, doc)
    check_unit_doubt(project, doc)
    return project


def _fact(facts: dict, key: str) -> str | None:
    value = facts.get(key)
    return value[1] or None if value else None


def _amount(facts: dict, key: str, doc: Document, default_unit: str, name: str):
    """(yuan, unit, text, source) of an amount field; warns when the cell is not a number."""
    if key not in facts:
        return None, default_unit, None, None
    label, text, row, col = facts[key]
    unit = unit_from_label(label, default_unit)
    value = parse_decimal(text)
    if value is None:
        doc.warnings.append(ParseWarning(f"项目“{name}”的“{label}”不是金额，应为数字",
                                         row.ref_of(col), text))
    return to_yuan(value, unit), unit, text, row.ref_of(col)


def _read_money(project: Project, facts: dict, doc: Document, default_unit: str) -> None:
    total, unit, text, ref = _amount(facts, "budget", doc, default_unit, project.name)
    project.budget = Money(total=total, source=ref)
    project.money_unit = unit
    multi, m_unit, m_text, _ = _amount(facts, "multi_year", doc, default_unit, project.name)
    stated = {}
    if text is not None:
        stated["budget"] = {"text": text, "unit": str(unit)}
    if m_text is not None:
        stated["multi_year"] = {"text": m_text, "unit": str(m_unit)}
        if multi is not None:
            project.details["multi_year"] = format(multi, "f")
    if stated:
        project.details["stated_amounts"] = stated


def _read_details(project: Project, facts: dict) -> None:
    d = project.details
    type_text = _fact(facts, "type")
    if type_text:
        m = _TYPE.match(type_text)
        d["type"] = (m.group(2).strip() or type_text) if m else type_text
        if m:
            d["type_code"] = m.group(1)
    period = _fact(facts, "period")
    if period:
        years = parse_decimal(period)
        d["period"] = {"text": period, "years": int(years) if years is not None and years == years.to_integral() else None}
    new = compact(_fact(facts, "new") or "")
    if new:
        d["new_or_continuing"] = "new" if new.startswith("是") else "continuing" if new.startswith("否") else new
    for key in ("allocation_method", "policy_basis"):
        if _fact(facts, key):
            d[key] = _fact(facts, key)
    if project.unit:
        d["applicant_unit"] = project.unit
    if "basis" in facts:
        d["basis"] = parse_basis(facts["basis"][1]).to_dict()


def read_indicator_rows(rows: list[Row], project: Project, doc: Document) -> None:
    """Indicator rows (labels, then name, value, explanation) until the form ends.

    One pass over a row's cells (Row cells are stripped, so an empty test stands for ``strip()``
    and a cell's first character is the one the label tests look at); ``indicator_levels`` only
    when the labels in force change, which most rows do not.
    """
    tracker = LevelTracker()
    indicators, not_applicable = project.indicators, project.not_applicable
    shown1 = shown2 = None  # the labels in force for the row before; indicator_levels() of them:
    code1, text1, code2, text2, required = indicator_levels(None, None)
    for row in rows:
        labels, rest, name_at = label_cells(row.cells)
        if labels:
            in_force1, in_force2 = tracker.carry(*resolve_levels(labels))
        elif rest:
            in_force1, in_force2 = tracker.carry(None, None)
        else:
            continue  # an empty row
        if in_force1 is not shown1 or in_force2 is not shown2:
            shown1, shown2 = in_force1, in_force2
            code1, text1, code2, text2, required = indicator_levels(in_force1, in_force2)
        if not rest:
            continue
        name = rest[0]
        if name[0] in _NOTE_FIRST and is_form_note(name):
            break  # 备注：作为导入模板… under the table: the form has ended
        # 不适用 (stripped, so it starts with 不) in the name and value cells: no indicator here.
        if name[0] == "不" and len(name) < 8 and compact(name) == NOT_APPLICABLE and \
                (len(rest) < 2 or (len(rest[1]) < 8 and compact(rest[1]) == NOT_APPLICABLE)):
            not_applicable.append(NotApplicable(code1, code2, required, row.ref))
            continue
        target_text = rest[1] if len(rest) > 1 else ""
        if not target_text:
            doc.warnings.append(ParseWarning(f"项目“{project.name}”的指标“{name}”没有指标值",
                                             row.ref, "\t".join(row.cells)))
        # By position (a keyword call costs about twice as much); the order is pinned by a test:
        # level1, level2, name, target, actual, note, weight, score, deviation_reason, required,
        # source_of_value, level1_text, level2_text, source.
        indicators.append(Indicator(code1, code2, name, parse_target(target_text), None,
                                    rest[2] if len(rest) > 2 else None, None, None, None, required,
                                    None, text1, text2, row.ref_of(name_at)))


_NOTE_FIRST = frozenset("备注说填")


__all__ = ["KIND", "check_unit_doubt", "detect", "read", "read_form", "read_indicator_rows", "unit_doubt"]
