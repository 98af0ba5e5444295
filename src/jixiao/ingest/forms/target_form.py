"""项目支出绩效目标表 / 绩效目标申报表 and their provincial variants, read by their labels.

One form per project, as every province prints it around the national template: facts (项目名称,
主管部门, 实施单位, 项目期 …), the money (资金总额 or 实施期资金总额, 年度资金总额 and its sources),
the goals (总体目标: 中长期 / 年度), and an indicator table (一级/二级/三级指标, 指标值). The same
token stream as the self-evaluation reader (``tokens``) makes a workbook, a pipe table, one cell
per line or a flattened line read alike; the labels are in the vocabulary (``target_money`` for
the amounts). A form cut off mid-table is read as far as it goes and said to be incomplete.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Document, DocumentKind, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import drop_glosses
from jixiao.ingest.grid import Grid

from . import allocation, department_tasks, form_fields, indicator_table, target_glued, target_money, target_rows, tokens
from .selfeval import HEAD_ROWS, UNNAMED, _back, _fallback_name, _year, read_forms

KIND = DocumentKind.TARGET_DECLARATION
TITLE = "绩效目标表、申报表（按标签读取）"  # how explain names this reader where two read the same kind
FACT_KEYS = ("name", "department", "unit", "code", "period", "category", "central_department")
TARGET_TITLES = frozenset({"declaration", "target_table", "department_targets"})
_OWN_COLUMNS = ("target",)
_SELF_EVALUATION = ("actual", "score")


def detect(grid: Grid) -> float:
    """Confidence that the grid holds target forms: a target title, an indicator table with
    指标值 and nothing achieved, the amounts a target form declares."""
    toks = tokens.cached(grid, HEAD_ROWS)
    stop = min(len(toks), 900)
    titles = {t.label("form_titles") for t in toks[:400] if t.is_label("form_titles")}
    score = 0.0
    if titles & TARGET_TITLES:
        score += 0.4
    own = {t.label("form_titles") for t in toks[:400] if t.is_label("form_titles") and not t.piece}
    if own & {"selfeval_project", "selfeval_department", "evaluation_scores"}:
        score -= 0.4  # a self-evaluation's title (one a notice's sentence names does not count)
    head = indicator_table.find_header(toks, 0, stop, _OWN_COLUMNS)
    if head is not None:
        score += 0.1 if set(head.columns) & set(_SELF_EVALUATION) else 0.3
    if target_money.labels_in(toks, 0, min(len(toks), 600)):
        score += 0.15
    if any(t.label("fields") == "name" for t in toks[:400]):
        score += 0.1
    elif score and allocation.find(toks, 0, stop) is not None:
        score += 0.15  # the targets of a grant shared out in a table (下达…资金, 安排表)
    return max(0.0, min(score, 1.0))


def read(grids: list[Grid], doc: Document) -> Document:
    """Every form of every claimed grid → one project each; a grid that lists its projects in
    one table (a project per row) → the projects of its rows."""
    forms = []
    for grid in grids:
        toks = tokens.cached(grid)
        header = target_rows.find_header(toks, 0, len(toks))
        if header is None:
            glued = target_glued.find_header(toks, 0, len(toks))
            shared = allocation.find(toks, 0, len(toks)) if glued is None and not _names_projects(toks) else None
            if shared is not None:
                doc.year = doc.year or _year(toks, 0, len(toks))
                doc.projects.extend(allocation.projects(shared, doc, _list_unit(toks, len(toks))))
                continue
            if glued is None:
                forms.append(grid)
                continue
            doc.year = doc.year or _year(toks, _back(toks, glued.end, 40), glued.end)
            doc.projects.extend(target_glued.read(toks, glued, len(toks), doc, _list_unit(toks, glued.end)))
            continue
        doc.year = doc.year or _year(toks, _back(toks, header.end, 40), header.end)
        doc.projects.extend(target_rows.read(toks, header, len(toks), doc, target_rows.money_unit(toks, header)))
    read_forms(forms, doc, split_forms, read_form, "未找到“项目名称”及绩效指标表，无法读取")
    if doc.projects:
        doc.money_unit = doc.projects[0].money_unit
    return doc


def _names_projects(toks) -> bool:
    """Whether the stream labels a 项目名称: then its forms name their projects, not a grant's table."""
    return any(t.label("fields") == "name" for t in toks)


def _list_unit(toks, end: int) -> str:
    """金额单位 as stated above a list's header, else 万元."""
    return form_fields.money_unit(toks, max(0, end - 200), end) or MoneyUnit.WAN_YUAN


def split_forms(toks) -> list[tuple[int, int]]:
    """Each form's span: from a 项目名称 label to the
    next; a span with neither amounts nor indicators (a list of names) is dropped."""
    starts = [i for i, t in enumerate(toks) if t.label("fields") == "name"]
    if not starts:
        starts = [next((i for i, t in enumerate(toks) if t.label("form_titles") in TARGET_TITLES), 0)]
    spans = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(toks)
        if indicator_table.find_header(toks, s, e, _OWN_COLUMNS) is not None or target_money.labels_in(toks, s, e):
            spans.append((s, e))
    if not spans and starts:
        spans.append((starts[0], len(toks)))  # a form cut before its tables: read what it holds
    return spans


def read_form(toks, start: int, stop: int, doc: Document, last: bool, head: int) -> Project | list[Project]:
    """One form's tokens → a Project with its amounts, goal and indicators; a department's form
    → its project and the tasks it lists (年度主要任务)."""
    pre = _back(toks, start, 12)
    facts = form_fields.facts(toks, start, stop, FACT_KEYS)
    name = facts.get("name")
    year = _year(toks, pre, stop) or _year(toks, head, start) or doc.year
    doc.year = doc.year or year
    title_tok = next((t for t in toks[pre:start + 1] if t.is_label("form_titles")), None)
    doc.title = doc.title or (title_tok.text if title_tok else None)
    header = indicator_table.find_header(toks, start, stop, _OWN_COLUMNS)
    money_end = header.start if header is not None else stop
    unit = form_fields.money_unit(toks, pre, money_end) or MoneyUnit.WAN_YUAN
    ref = name[1].ref if name else toks[start].ref
    project = Project(name=drop_glosses(name[0]) if name else "", unit=_fact(facts, "unit"),
                      department=_fact(facts, "department"), code=_fact(facts, "code"), year=year,
                      money_unit=unit, source=ref)
    for key in ("period", "category"):
        if _fact(facts, key):
            project.details[key if key == "period" else "type"] = _fact(facts, key)
    _money(project, target_money.read(toks, start, money_end), unit)
    goal = target_money.goal(toks, start, money_end)
    if goal:
        project.goal = goal
    end = stop
    if header is not None:
        end = indicator_table.body_end(toks, header.end, stop)
        rows = indicator_table.read_rows(toks, header, end, ("score",))
        project.indicators = indicator_table.build(rows, cut=last and end >= stop)
    if title_tok is not None and title_tok.label("form_titles") == "department_targets":
        project.kind = "unit_overall"  # the department's whole spending is the project
        project.name = project.name or project.unit or project.department or ""
    if not project.name:  # named by its title: the one nearest its table (``…服务项目项目绩效目标``)
        near = header.start - 1 if header is not None and header.start > start else start
        project.name = _fallback_name(toks, head, near, stop) or UNNAMED
        if project.name == UNNAMED:
            doc.warnings.append(ParseWarning("表中没有项目名称，项目暂记为“未注明项目名称”", ref))
    _notices(project, header, toks, end, stop, doc, last, (title_tok or toks[start]).ref)
    if project.kind == "unit_overall":
        tasks = department_tasks.read(toks, start, stop, doc, unit, project.name)
        if tasks:
            return [project, *tasks]
    return project


def _fact(facts, key: str) -> str | None:
    found = facts.get(key)
    return drop_glosses(found[0]) if found else None


def _money(project: Project, found: dict, unit: str) -> None:
    """The amounts found by label → 年度 budget, the whole period's total."""
    def yuan(key: str) -> Decimal | None:
        if key not in found:
            return None
        value, inline, _ = found[key]
        return to_yuan(value, inline or unit)

    parts = {k: v for k in target_money.PARTS if (v := yuan(k)) is not None}
    year_total = yuan("year")
    if year_total is None and "total" in found and not _multi_year(project):
        year_total = yuan("total")  # a one-year project states one total: it is the year's
    if year_total is not None or parts:
        project.budget = Money(year_total, parts, found["year"][2].ref if "year" in found else None)
    total = yuan("total")
    if total is None and not _multi_year(project):
        total = year_total  # a form of one year states the year's total: it is the whole total
    if total is not None:
        project.details["multi_year"] = str(total)


def _multi_year(project: Project) -> bool:
    period = project.details.get("period") or ""
    return any(w in period for w in ("至20", "-20", "—20", "~20")) and period.count("20") >= 2 and "年" in period


def _notices(project: Project, header, toks, end: int, stop: int, doc: Document, last: bool, where) -> None:
    warn = doc.warnings.append
    if project.budget.total is None and "multi_year" not in project.details:
        warn(ParseWarning("未找到项目资金（资金总额/年度资金总额）", where, project.name))
    cut = last and end >= stop and header is not None and not any(
        t.is_label("closing") for t in toks[header.end:stop])
    if header is None:
        warn(ParseWarning("未找到绩效指标表（一级指标/二级指标/三级指标/指标值）", where, project.name))
    elif cut and not project.indicators:
        tail = toks[stop - 1]
        warn(ParseWarning(f"表格不完整：在 {tail.ref.label()} 处中断，其后的内容不在文件中", tail.ref, project.name))
        project.details["incomplete"] = tail.ref.label()


__all__ = ["KIND", "detect", "read", "read_form", "split_forms"]

