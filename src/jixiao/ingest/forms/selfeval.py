"""项目支出绩效自评表 and its provincial and central-transfer variants, read by their labels.

One form per project: facts (项目名称, 主管部门, 实施单位 …), a money block (年初预算数 / 全年预算数 /
全年执行数 / 分值 / 执行率 / 得分 × 年度资金总额 and its parts), the goal (预期目标 | 实际完成情况), an
indicator table, and 总分 with the closing blocks. Every part is found by its labels in the token
stream (``tokens``), so the same reader takes a workbook, a pipe table, one cell per line,
space-separated rows or a form flattened into one line, from any province whose labels the
vocabulary knows. A form cut off mid-table is read as far as it goes and said to be incomplete.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.model import Document, DocumentKind, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import drop_glosses, normalise, normalise_map
from jixiao.domain.vocabulary import vocabulary
from jixiao.ingest.grid import Grid

from . import closing, form_fields, indicator_table, money_block, prose_facts, tokens
from .common import status_of
from .values import amount, is_placeholder, number, percent

KIND = DocumentKind.SELF_EVALUATION_FORM
TITLE = "项目支出绩效自评表（按标签读取）"  # how explain names this reader where two read the same kind
FACT_KEYS = ("name", "department", "unit", "code", "period", "central_department")
_FUND_PARTS = ("fiscal", "general_public", "government_fund", "state_capital", "special_account",
               "non_fiscal", "carried_over", "central", "provincial", "city", "county", "local")
_SCORE_COLUMNS = ("actual", "score", "weight", "deviation", "completion")
_TARGET_TITLES = frozenset({"declaration", "target_table", "department_targets"})
_OWN_TITLES = frozenset({"selfeval_project", "selfeval_department", "evaluation_scores"})
HEAD_ROWS = 160  # rows detect looks at: a form's title, money block and indicator header come first


def detect(grid: Grid) -> float:
    """Confidence that the grid holds self-evaluation forms (titles, money block, indicator table),
    from its first rows."""
    head_text = grid.head_key(HEAD_ROWS)
    if "年度指标内容" in head_text:  # the wide department table of seeds 000/001 has its own reader
        return 0.0
    toks = tokens.cached(grid, HEAD_ROWS)
    score = 0.0
    titles = {t.label("form_titles") for t in toks[:400] if t.is_label("form_titles")}
    if titles & {"selfeval_project", "selfeval_department", "evaluation_scores"}:
        score += 0.4
    elif titles & _TARGET_TITLES:
        score -= 0.3
    money = money_block.find_header(toks, 0, min(len(toks), 600))
    if money is not None:  # budget and what was spent: a self-evaluation's execution block
        score += 0.4 if {"budget", "actual"} <= {k for k, _ in money[0]} else 0.3
    head = indicator_table.find_header(toks, 0, min(len(toks), 900), ("actual", "score"))
    if head is not None:
        score += 0.3
    elif not titles & _TARGET_TITLES and _achieved_rows(toks):
        score += 0.5
    if any(t.label("fields") == "name" for t in toks[:400]) or (
            "selfeval_department" in titles and _names_department(toks)):
        score += 0.1
    return max(0.0, min(score, 1.0))


def _names_department(toks) -> bool:
    """A department-overall form names its department (部门名称 | 昌宁县司法局) where a project
    form names its project."""
    return any(t.label("fields") in ("unit", "department") for t in toks[:400])


def _achieved_rows(toks) -> bool:
    """Category cells followed by rows of two values (a target and what was achieved): an
    excerpt of a self-evaluation's indicator table whose header is not in the text."""
    template = vocabulary().layouts["indicator_columns"]
    header = indicator_table.headerless(toks, 0, min(len(toks), 900), template)
    if header is None:
        return False
    rows = indicator_table.read_rows(toks, header, min(len(toks), 900))
    full = [r for r in rows if r.values.get("target") and r.values.get("actual")]
    return len(full) >= 3 and len(full) * 2 >= len(rows)


def read(grids: list[Grid], doc: Document) -> Document:
    """Every form of every claimed grid → one project each."""
    return read_forms(grids, doc, split_forms, read_form, "未找到“项目名称”及资金表，无法读取")


def read_forms(grids: list[Grid], doc: Document, split, read_one, nothing: str) -> Document:
    """Every form ``split`` finds in each grid's token stream → ``read_one``'s project (or projects:
    a department's form with the tasks it lists); ``nothing`` is the notice for a grid without a
    form. Shared with the target-form reader."""
    for grid in grids:
        toks = tokens.cached(grid)
        forms = split(toks)
        if not forms:
            doc.warnings.append(ParseWarning(nothing, grid.rows[0].ref if grid.rows else None))
        for k, (start, stop) in enumerate(forms):
            found = read_one(toks, start, stop, doc, last=k == len(forms) - 1, head=0 if k == 0 else start)
            if isinstance(found, list):
                doc.projects.extend(found)
            elif found is not None:
                doc.projects.append(found)
    if doc.projects:
        doc.department = doc.department or doc.projects[0].department
        doc.money_unit = doc.projects[0].money_unit
        doc.year = doc.year or doc.projects[0].year
    return doc


def split_forms(toks) -> list[tuple[int, int]]:
    """Each form's span of tokens: from a 项目名称 label (or a money header when the name label is
    missing) to the next; spans without money or indicators (a list of projects) are dropped."""
    starts = [i for i, t in enumerate(toks) if t.label("fields") == "name"]
    if not starts:
        found = money_block.find_header(toks, 0, len(toks))
        starts = [_token_index(toks, found[0][0][1])] if found else [0]
    spans = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(toks)
        has_money = money_block.find_header(toks, s, e) is not None
        has_table = indicator_table.find_header(toks, s, e, ("target", "actual", "score")) is not None
        if has_money or has_table or (len(starts) == 1 and _achieved_rows(toks[s:e])):
            spans.append((s, e))
    family = _family(toks, 0, len(toks))
    if not spans and family in _OWN_TITLES and (
            any(t.label("fields") == "name" for t in toks) or family == "selfeval_department" and _names_department(toks)):
        spans.append((0, len(toks)))  # a form cut before its tables: read what it holds
    return spans


def _token_index(toks, tok) -> int:
    return next(i for i, t in enumerate(toks) if t is tok)


def read_form(toks, start: int, stop: int, doc: Document, last: bool, head: int) -> Project | None:
    """One form's tokens → a Project (None when it has no name)."""
    pre = _back(toks, start, 12)  # the title and year stand just above the name
    facts = form_fields.facts(toks, start, stop, FACT_KEYS)
    name = facts.get("name")
    year = _year(toks, pre, stop) or doc.year
    doc.year = doc.year or year
    title_tok = next((t for t in toks[pre:start + 1] if t.is_label("form_titles")), None)
    doc.title = doc.title or (title_tok.text if title_tok else None)
    block = _money_block(toks, start, stop)
    header = indicator_table.find_header(toks, block.end if block else start, stop,
                                         ("target", "actual", "score", "weight"))
    if header is None:
        header = indicator_table.headerless(toks, block.end if block else start, stop,
                                            vocabulary().layouts["indicator_columns"])
    unit = form_fields.money_unit(toks, pre, block.end if block else stop) or _inline_unit(block)
    ref = name[1].ref if name else toks[start].ref
    project = Project(name=drop_glosses(name[0]) if name else "", unit=_fact(facts, "unit"),
                      department=_fact(facts, "department"),
                      code=_fact(facts, "code"), year=year, money_unit=unit or MoneyUnit.WAN_YUAN, source=ref)
    if _fact(facts, "period"):
        project.details["period"] = _fact(facts, "period")
    sources = {k: facts[k][1].ref.to_dict() for k in ("department", "unit", "code", "period") if k in facts}
    if block is not None:
        _money(project, block, doc)
        total_row = next((r for r in block.rows if r.key == "total"), None)
        for k, name in (("rate", "rate"), ("weight", "execution_weight"), ("score", "execution_score")):
            if total_row is not None and k in total_row.cells:
                sources[name] = total_row.cells[k].ref.to_dict()
    _prose_money(project, toks[head:stop])
    goal = closing.goal(toks, block.end if block else start, header.start if header else stop)
    if goal:
        project.goal, project.status_text = goal
        project.status = status_of(project.status_text)
    end = stop
    if header is not None:
        end = indicator_table.body_end(toks, header.end, stop)
        unscored = not {"weight", "score"} & set(header.columns)
        rows = indicator_table.read_rows(toks, header, end, ("score",) if unscored else ())
        project.indicators = indicator_table.build(rows, cut=last and end >= stop)
        shifted = indicator_table.unaligned(rows, header)
        if shifted:
            lines = "、".join(str(t.ref.line) for t in shifted)
            doc.warnings.append(ParseWarning(f"第 {lines} 行指标的空单元格被省略，已按表头顺序读取", shifted[0].ref,
                                             project.name))
    total_at = closing.read(toks, end, stop, project)
    if total_at is not None:
        sources["total"] = total_at.ref.to_dict()
    closing.prose_total(toks, head, stop, project)
    if sources:
        project.details["sources"] = sources
    family = title_tok.label("form_titles") if title_tok else _family(toks, head, stop)
    if family == "selfeval_department":
        project.kind = "unit_overall"  # the department's whole spending is the project
        project.name = project.name or (f"{year}年度部门整体支出" if year else "部门整体支出")
    if not project.name:
        project.name = _fallback_name(toks, head, start, stop)
        if not project.name:
            if not project.indicators and project.budget.total is None:
                doc.warnings.append(ParseWarning("表中“项目名称”为空，已跳过", ref))
                return None
            project.name = UNNAMED
            doc.warnings.append(ParseWarning("表中没有项目名称，项目暂记为“未注明项目名称”", ref))
    _notices(project, block, header, toks, end, stop, doc, last, (title_tok or toks[start]).ref)
    return project


def _money_block(toks, start: int, stop: int):
    """The form's money block: the first with a 年度资金总额 (or 支出总额) row, else the first at all
    (a 基础数据表 of counts and 三公 may stand before the form's own block)."""
    first = None
    while start < stop:
        block = money_block.read_block(toks, start, stop)
        if block is None:
            break
        if any(r.key == "total" for r in block.rows):
            return block
        first = first or block
        start = max(block.end, start + 1)
    return first


def _back(toks, i: int, n: int) -> int:
    """The index ``n`` filled tokens before ``i`` (empty cells of a real table not counted)."""
    while i > 0 and n > 0:
        i -= 1
        if toks[i].text:
            n -= 1
    return i


def _fact(facts, key: str) -> str | None:
    """A fact's value as printed, without the pinyin glosses a mirror site put in."""
    found = facts.get(key)
    return drop_glosses(found[0]) if found else None


def _year(toks, start: int, stop: int) -> int | None:
    for t in toks[start:min(stop, start + 40)]:
        if "年" in t.text and (t.is_label("form_titles") or "年度" in t.text) and len(t.key) <= 40:
            year = form_fields.year_of(t.key)
            if year:
                return year
    return None


UNNAMED = "未注明项目名称"


def _family(toks, start: int, stop: int) -> str | None:
    """The form family the first title in ``toks[start:stop]`` names."""
    return next((t.label("form_titles") for t in toks[start:stop] if t.is_label("form_titles")), None)


def _fallback_name(toks, head: int, start: int, stop: int) -> str:
    """A form without a 项目名称 is named by its title (``…区域绩效目标自评表(市场监管经开区分局)``):
    the last one above the form, else the first in it."""
    before = [t for t in toks[head:start + 1] if t.is_label("form_titles")]
    titles = before[-1:] or [t for t in toks[start:stop] if t.is_label("form_titles")][:1]
    if not titles:
        return _file_name(toks, head, stop - 1)
    text = titles[-1].text
    for label in sorted(vocabulary().labels("form_titles"), key=len, reverse=True):
        at = normalise(text).find(label)
        if at > 0:  # the title names the project before the form's name: ``…资金绩效评价表``
            _, where = normalise_map(text)
            name = text[:where[at]].strip(" *＊　")
            return name or text
    return text


_FILE_NAME = re.compile(r"^(.{2,40}?)\.(?:docx?|pdf|xlsx?|wps|et)$", re.IGNORECASE)


def _file_name(toks, head: int, start: int) -> str:
    """A form without a title or a name, under the file name its page shows (a document-sharing
    site's ``湖北省公共文化服务Word文件下载.docx``): that name without its extension and the site's
    additions (vocabulary ``file_name_noise``)."""
    noise = sorted(vocabulary().labels("file_name_noise"), key=len, reverse=True)
    for t in toks[head:start + 1]:
        m = _FILE_NAME.match(t.text.strip())
        if m is None:
            continue
        name = m.group(1)
        for word in noise:
            at = normalise(name).rfind(word)
            if at > 0 and at + len(word) == len(normalise(name)):
                _, where = normalise_map(name)
                name = name[:where[at]]
        name = name.strip(" _-—")
        if len(name) >= 4 and not re.search(r"[0-9]{6,}", name):
            return name
    return ""


def _inline_unit(block) -> str | None:
    if block is None:
        return None
    for row in block.rows:
        for text in row.texts.values():
            a = amount(text)
            if a and a[1]:
                return a[1]
    return None


def _money(project: Project, block, doc: Document) -> None:
    """The block's rows → budget (全年), budget_initial (年初), actual, rate and its score."""
    unit = project.money_unit
    totals: dict[str, Decimal | None] = {}
    parts: dict[str, dict[str, Decimal]] = {"budget_initial": {}, "budget": {}, "actual": {}}
    total_row = next((r for r in block.rows if r.key == "total"), None)
    for row in block.rows:
        if row.notice:
            doc.warnings.append(ParseWarning(row.notice, row.label.ref, row.label.text))
        for which in money_block.MONEY:
            text = row.texts.get(which)
            value = _yuan(text, unit)
            if value is None:
                if text and not is_placeholder(text) and any(c.isdigit() for c in text):
                    doc.warnings.append(ParseWarning(f"金额“{text}”不是可识别的数字，未读取", row.cells[which].ref,
                                                     project.name))
                continue
            if row is total_row:
                totals[which] = value
            elif row.key in _FUND_PARTS:
                parts[which][row.key] = parts[which].get(row.key, Decimal(0)) + value
    if total_row is None and len(block.rows) == 1:
        total_row = block.rows[0]
    ref = {k: total_row.cells[k].ref for k in money_block.MONEY if total_row and k in total_row.cells}
    project.budget = Money(totals.get("budget"), parts["budget"], ref.get("budget"))
    project.actual = Money(totals.get("actual"), parts["actual"], ref.get("actual"))
    if totals.get("budget_initial") is not None or parts["budget_initial"]:
        project.budget_initial = Money(totals.get("budget_initial"), parts["budget_initial"], ref.get("budget_initial"))
    if total_row is not None:
        texts = total_row.texts
        project.execution_rate = _rate(texts.get("rate"), totals.get("budget"), totals.get("actual"))
        for k, name in (("weight", "execution_weight"), ("score", "execution_score")):
            value = number(texts.get(k))
            if value is not None:
                project.stated_scores[name] = value
    points = block_points(block)
    if points is not None and "execution_weight" not in project.stated_scores:
        project.stated_scores["execution_weight"] = points


_POINTS = re.compile(r"[(（]([0-9]+(?:\.[0-9]+)?)分")


def block_points(block) -> Decimal | None:
    """The points the money block is worth when its label or its 得分 header says so
    (``预算执行情况(20分)``, ``得分(20分*执行率)``)."""
    for _, tok in block.columns:
        if tok.label("money_columns") in ("score", "weight") and (m := _POINTS.search(tok.key)):
            return Decimal(m.group(1))
    return None


def _prose_money(project: Project, toks) -> None:
    """Figures the form's table does not give but its sentences state (``财政年初预算40万元``)."""
    facts = prose_facts.money_facts(toks)
    used = []
    for key, money in (("budget", project.budget), ("actual", project.actual)):
        if money.total is None and key in facts:
            money.total, money.source = facts[key][0], facts[key][1].ref
            used.append(key)
    if project.budget_initial is None and "budget_initial" in facts:
        value, tok = facts["budget_initial"]
        project.budget_initial = Money(value, {}, tok.ref)
        used.append("budget_initial")
    if project.execution_rate is None and "rate" in facts:
        project.execution_rate = facts["rate"][0]
        used.append("rate")
    if used:
        project.details["from_text"] = used


def _yuan(text: str | None, unit: str) -> Decimal | None:
    a = amount(text)
    if a is None:
        return None
    value, inline = a
    return to_yuan(value, inline or unit)


def _rate(text: str | None, budget: Decimal | None, actual: Decimal | None) -> Decimal | None:
    """执行率 as a percentage: ``95.53%``, ``95.53`` or a workbook's fraction ``0.9553``."""
    p = percent(text)
    if p is not None:
        return p
    value = number(text)
    if value is None:
        return None
    if budget and actual is not None:
        computed = actual / budget * 100
        return value * 100 if abs(value * 100 - computed) < abs(value - computed) else value
    return value * 100 if value <= 1 else value


def _notices(project: Project, block, header, toks, end: int, stop: int, doc: Document, last: bool,
             where) -> None:
    """What the form lacks, and where a form cut off at the end of the file stops."""
    warn = doc.warnings.append
    if block is None:
        warn(ParseWarning("未找到资金表（年初预算数/全年预算数/全年执行数）", where, project.name))
    elif any(r.by_order for r in block.rows):
        warn(ParseWarning("资金表中有空单元格被省略，已按表头顺序读取并用执行率核对", where, project.name))
    after = header.end if header is not None else (block.end if block is not None else 0)
    cut = last and end >= stop and not any(t.is_label("closing") for t in toks[after:stop])
    if header is None and not cut:
        warn(ParseWarning("未找到绩效指标表（一级指标/二级指标/三级指标）", where, project.name))
    if cut:
        tail = toks[stop - 1]
        warn(ParseWarning(f"表格不完整：在 {tail.ref.label()} 处中断，其后的内容不在文件中", tail.ref, project.name))
        project.details["incomplete"] = tail.ref.label()
    elif header is not None and "score" in header.columns and "total" not in project.stated_scores:
        warn(ParseWarning("缺少“总分”行", where, project.name))


__all__ = ["KIND", "detect", "read", "read_form", "split_forms"]
