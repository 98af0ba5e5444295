"""Documents for rule cases, built from compact JSON (amounts in the document's unit, as printed)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.checks.context import CheckContext
from jixiao.checks.settings import settings_from_dict
from jixiao.domain.basis import parse_basis
from jixiao.domain.budget import BudgetLine, DepartmentBudget, IncomeLine, StatedFigure, level_of
from jixiao.domain.levels import parent_of
from jixiao.domain.model import ParseWarning, Document, Indicator, Money, NotApplicable, Project, StatedTotal
from jixiao.domain.numbers import to_yuan
from jixiao.domain.source import SourceRef
from jixiao.domain.targets import parse_target
from jixiao.ingest.forms.common import status_of


def money(spec, unit: str) -> Money:
    """``"12.50"`` or ``{"total": "12.50", "general_public": "10.00", …}`` → Money in yuan."""
    if spec is None:
        return Money()
    if not isinstance(spec, dict):
        return Money(total=to_yuan(Decimal(spec), unit))
    parts = {k: to_yuan(Decimal(v), unit) for k, v in spec.items() if k != "total"}
    total = spec.get("total")
    return Money(total=to_yuan(Decimal(total), unit) if total is not None else None, parts=parts)


def indicator(spec: dict, ref: SourceRef) -> Indicator:
    """One indicator: level2 code (level1 from it unless given), name, target and actual texts."""
    level2 = spec.get("level2")
    actual = spec.get("actual")
    return Indicator(
        level1=spec.get("level1") or parent_of(level2), level2=level2, name=spec.get("name", ""),
        target=parse_target(spec.get("target", "")), actual=parse_target(actual) if actual is not None else None,
        required=spec.get("required", False), deviation_reason=spec.get("deviation_reason"),
        level2_text=spec.get("level2_text"), source=ref)


def project(spec: dict, file: str, line: int, unit: str) -> Project:
    """A project from its spec; its row is ``line`` of ``file``."""
    ref = SourceRef(file, line)
    p = Project(
        name=spec.get("name", "项目"), unit=spec.get("unit"), code=spec.get("code"), seq=spec.get("seq"),
        year=spec.get("year"), money_unit=unit, budget=money(spec.get("budget"), unit),
        actual=money(spec.get("actual"), unit), status_text=spec.get("status"),
        status=status_of(spec.get("status")), goal=spec.get("goal"), problems=spec.get("problems"),
        rectification=spec.get("rectification"), details=dict(spec.get("details", {})), source=ref,
        indicators=[indicator(i, ref) for i in spec.get("indicators", [])],
        not_applicable=[NotApplicable(n.get("level1") or parent_of(n.get("level2")), n.get("level2"),
                                      n.get("required", False), ref) for n in spec.get("not_applicable", [])],
    )
    if "basis" in spec:  # the 测算依据 text, parsed as the declaration reader does
        p.details["basis"] = parse_basis(spec["basis"]).to_dict()
    if "multi_year" in spec:
        p.details["multi_year"] = str(to_yuan(Decimal(spec["multi_year"]), unit))
    if "initial" in spec:
        p.budget_initial = money(spec["initial"], unit)
    if "rate" in spec:
        p.execution_rate = Decimal(spec["rate"])
    return p


def stated_total(spec: dict, file: str, line: int, unit: str) -> StatedTotal:
    """A 小计/合计 row covering the rows with the given seq numbers."""
    return StatedTotal(label=spec["label"], level=spec.get("level", "subtotal"), unit=spec.get("unit"),
                       budget=money(spec.get("budget"), unit), actual=money(spec.get("actual"), unit),
                       execution_rate=Decimal(spec["rate"]) if "rate" in spec else None,
                       covers=spec.get("covers", []), source=SourceRef(file, line))


_FIGURE_FACTS = ("year", "phase", "change", "base_year", "table", "code", "category", "ratio", "subject", "base")


def figure(s: dict, ref: SourceRef, unit: str) -> StatedFigure:
    """A stated figure: ``amount`` as printed (a percentage or count when ``measure_unit`` says so), in
    ``measure_unit`` (万元 by default); year, phase, category … as given; subject = category by default."""
    measure = s.get("measure_unit", "万元")
    value = Decimal(s["amount"])
    money = {"万元": "wan_yuan", "元": "yuan"}.get(measure)
    facts = {k: s[k] for k in _FIGURE_FACTS if k in s}
    if "category" in s:
        facts.setdefault("subject", s["category"])
    return StatedFigure(what=s.get("what", "other"), label=s.get("label", s.get("what", "")), value=value,
                        measure_unit=measure, amount=to_yuan(value, money) if money else None, unit=s.get("unit"),
                        text=s.get("text"), source=ref, **facts)


def budget(spec: dict, file: str, unit: str) -> DepartmentBudget:
    """A department budget's lines, income lines and narrative figures (amounts as printed)."""
    def ref(i: int, s: dict) -> SourceRef:
        return SourceRef(file, s.get("line", 200 + i))

    def amount(s: dict) -> dict:
        return {"amount": to_yuan(Decimal(s["amount"]), unit), "stated_amount": Decimal(s["amount"]), "money_unit": unit}

    lines = [BudgetLine(table=s["table"], label=s.get("label", ""), unit=s.get("unit"),
                        function_code=s.get("code"), function_level=level_of(s.get("code")),
                        fund_source=s.get("fund_source", "all"), spending_type=s.get("spending_type", "total"),
                        row_kind=s.get("row_kind", "line"), source=ref(i, s), year=s.get("year"),
                        phase=s.get("phase"), column=s.get("column"), table_title=s.get("table_title"),
                        category=s.get("category"), **amount(s))
             for i, s in enumerate(spec.get("lines", []))]
    income = [IncomeLine(table=s["table"], label=s.get("label", ""), fund_source=s.get("fund_source"),
                         level=s.get("level", 1), parent=s.get("parent"), row_kind=s.get("row_kind", "line"),
                         source=ref(i, s), **amount(s)) for i, s in enumerate(spec.get("income", []))]
    figures = [figure(s, ref(i, s), unit) for i, s in enumerate(spec.get("figures", []))]
    return DepartmentBudget(money_unit=unit, budget_lines=lines, income_lines=income, stated_figures=figures)


def document(spec: dict, index: int = 0) -> Document:
    """A document with projects on lines 10, 11, … and stated totals on lines 100, 101, …"""
    file = spec.get("file", f"case_{index}.txt")
    unit = spec.get("money_unit", "wan_yuan")
    doc = Document(file=file, sha256=f"case{index}", kind=spec.get("kind", "self_evaluation_table"),
                   title=spec.get("title"), year=spec.get("year"), department=spec.get("department"),
                   money_unit=unit, source=SourceRef(file))
    doc.projects = [project(p, file, 10 + i, unit) for i, p in enumerate(spec.get("projects", []))]
    doc.stated_totals = [stated_total(t, file, 100 + i, unit) for i, t in enumerate(spec.get("stated_totals", []))]
    doc.warnings = [ParseWarning(w["message"], SourceRef(file, w.get("line")), w.get("text"))
                    for w in spec.get("warnings", [])]
    doc.extras.update(spec.get("extras", {}))
    if "budget" in spec:
        doc.extras["budget"] = budget(spec["budget"], file, unit)
    return doc


def context(case: dict) -> CheckContext:
    """The check context of a case: ``documents``, one ``document`` or just one ``project``."""
    if "documents" in case:
        docs = [document(d, i) for i, d in enumerate(case["documents"])]
    elif "document" in case:
        docs = [document(case["document"])]
    else:
        docs = [document({"projects": [case["project"]]})]
    flags = [dict(f, document=docs[f.get("doc", 0)], project=docs[f.get("doc", 0)].projects[f.get("project", 0)])
             for f in case.get("audit_flags", [])]
    return CheckContext(documents=docs, settings=settings_from_dict(case.get("settings", {})), audit_flags=flags)
