"""HTML form fields ⇄ the workflow's input models (money typed in 万元 or 元, rows as parallel lists).

Every parser returns a pydantic model or raises ``Invalid`` with one Chinese line per bad field, so
the form can be shown again with the user's own input and the reasons beside it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pydantic import ValidationError
from starlette.datastructures import FormData

from jixiao.domain.model import FUND_SOURCES
from jixiao.domain.numbers import from_yuan, normalise_number_text, to_yuan
from jixiao.services.workflow_data import (
    FACT_LABELS,
    DeclarationIn,
    MonitoringIn,
    ReviewIn,
    SelfEvaluationIn,
)
from jixiao.services.workflow_scope import Invalid

# Fund sources a declaration form asks for (fiscal is the sum of the first four, so not typed).
FORM_SOURCES = tuple(s for s in FUND_SOURCES if s != "fiscal")


def number(text: str | None, label: str, problems: list[dict]) -> Decimal | None:
    """A typed number (``1,234.5`` or full-width) or None when blank; a bad one is reported."""
    s = normalise_number_text(text or "").replace(",", "")
    if not s:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        problems.append({"field": label, "problem": f"“{text}”不是数字"})
        return None


def money_in(form: FormData, name: str, unit: str, problems: list[dict]) -> Decimal | None:
    """An amount typed in the form's unit, as canonical yuan."""
    return to_yuan(number(form.get(name), name, problems), unit)


def shown_money(yuan: str | Decimal | None, unit: str) -> str:
    """Canonical yuan back in the form's unit, without trailing zeros (for the input's value)."""
    if yuan in (None, ""):
        return ""
    return format(from_yuan(Decimal(str(yuan)), unit).normalize(), "f")


def _validated(model, data: dict, problems: list[dict]):
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        for e in exc.errors():
            where = ".".join(str(x) for x in e["loc"])
            problems.append({"field": where, "problem": e["msg"]})
        result = None
    if problems:
        raise Invalid("表单有需要修改的内容", problems)
    return result


def _rows(form: FormData, prefix: str, names: tuple[str, ...]) -> list[dict]:
    columns = {n: form.getlist(f"{prefix}_{n}") for n in names}
    count = max((len(v) for v in columns.values()), default=0)
    return [{n: (columns[n][i] if i < len(columns[n]) else "") for n in names} for i in range(count)]


def declaration_from_form(form: FormData) -> DeclarationIn:
    """The declaration form → DeclarationIn (blank indicator rows are dropped)."""
    problems: list[dict] = []
    unit = form.get("money_unit") or "wan_yuan"
    money = {s: money_in(form, f"money_{s}", unit, problems) for s in FORM_SOURCES}
    indicators = []
    for n, r in enumerate(_rows(form, "ind", ("key", "level2", "name", "target", "weight", "note")), 1):
        if not any((r["name"], r["target"], r["weight"])):
            continue
        weight = number(r["weight"], f"第 {n} 行分值", problems)
        indicators.append({"key": r["key"] or None, "level2": r["level2"] or None, "name": r["name"].strip(),
                           "target": r["target"].strip(), "weight": weight, "note": r["note"] or None})
    data = {"year": form.get("year") or 0, "unit": (form.get("unit") or "").strip(),
            "name": (form.get("name") or "").strip(), "department": form.get("department") or None,
            "code": form.get("code") or None, "money_unit": unit,
            "facts": {k: form.get(f"fact_{k}") for k in FACT_LABELS if form.get(f"fact_{k}")},
            "money": {k: v for k, v in money.items() if v is not None}, "basis": form.get("basis") or None,
            "goal": form.get("goal") or None, "goal_long_term": form.get("goal_long_term") or None,
            "indicators": indicators}
    return _validated(DeclarationIn, data, problems)


def review_from_form(form: FormData) -> ReviewIn:
    """The review form → ReviewIn (verdict and comment per dimension, outcome, overall comment)."""
    dims = {d: (form.get(f"verdict_{d}") or "", form.get(f"comment_{d}") or "")
            for d in ("completeness", "relevance", "appropriateness", "feasibility") if form.get(f"verdict_{d}")}
    return _validated(ReviewIn, {"dimensions": dims, "outcome": form.get("outcome") or "",
                                 "comment": (form.get("comment") or "").strip()}, [])


def monitoring_from_form(form: FormData, unit: str) -> MonitoringIn:
    """The monitoring form → MonitoringIn (amounts in the project's money unit)."""
    problems: list[dict] = []
    rows = []
    for r in _rows(form, "p", ("key", "progress", "expected", "possibility", "measure")):
        reasons = form.getlist(f"p_reasons_{r['key']}")
        rows.append({**r, "possibility": r["possibility"] or "确定能", "reasons": reasons,
                     "measure": r["measure"] or None})
    data = {"as_of_month": form.get("as_of_month") or None,
            "spent_to_date": money_in(form, "spent_to_date", unit, problems),
            "expected_year_end": money_in(form, "expected_year_end", unit, problems),
            "indicators": rows, "correction_measures": form.get("correction_measures") or None}
    return _validated(MonitoringIn, data, problems)


def evaluation_from_form(form: FormData, unit: str) -> SelfEvaluationIn:
    """The self-evaluation form → SelfEvaluationIn (amounts in the project's money unit)."""
    problems: list[dict] = []
    rows = [{"key": r["key"], "actual": r["actual"].strip(), "deviation_reason": r["reason"].strip() or None}
            for r in _rows(form, "a", ("key", "actual", "reason"))]
    data = {"budget_adjusted": money_in(form, "budget_adjusted", unit, problems),
            "actual_total": money_in(form, "actual_total", unit, problems),
            "goal_actual": form.get("goal_actual") or None, "indicators": rows,
            "problems": form.get("problems") or None, "rectification": form.get("rectification") or None}
    return _validated(SelfEvaluationIn, data, problems)



IND_FIELDS = ("key", "level2", "name", "target", "weight", "note")


def display_from_values(values: dict) -> dict:
    """Stored declaration values → what the form's inputs show (money in the form's unit)."""
    unit = values.get("money_unit") or "wan_yuan"
    money = values.get("money") or {}
    return {**{k: values.get(k) or "" for k in ("year", "unit", "name", "department", "code", "basis",
                                                "goal", "goal_long_term")},
            "money_unit": unit, "facts": dict(values.get("facts") or {}),
            "money": {s: shown_money(money.get(s), unit) for s in FORM_SOURCES},
            "indicators": [{k: ("" if i.get(k) is None else str(i.get(k))) for k in IND_FIELDS}
                           for i in values.get("indicators") or []]}


def display_from_form(form: FormData) -> dict:
    """The user's own input, shown again as typed when it cannot be saved."""
    return {**{k: form.get(k) or "" for k in ("year", "unit", "name", "department", "code", "basis", "goal",
                                              "goal_long_term")},
            "money_unit": form.get("money_unit") or "wan_yuan",
            "facts": {k: form.get(f"fact_{k}") or "" for k in FACT_LABELS},
            "money": {s: form.get(f"money_{s}") or "" for s in FORM_SOURCES},
            "indicators": [r for r in _rows(form, "ind", IND_FIELDS) if any(r[k] for k in ("name", "target"))]}


def rows_by_key(form: FormData | None, prefix: str, names: tuple[str, ...]) -> dict[str, dict]:
    """Per-indicator inputs of a posted form by indicator key (to show them again after an error)."""
    if form is None:
        return {}
    return {r["key"]: r for r in _rows(form, prefix, ("key", *names))}


def form_int(form, name: str, default: int = 0) -> int:
    """An integer field of a posted form; Invalid (422) for text that is not one, or out of range."""
    raw = str(form.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) > 2**63 - 1:
        raise Invalid(f"“{name}”应为整数", [{"field": name, "problem": "应为整数"}])
    return int(raw)
