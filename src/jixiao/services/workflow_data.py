"""The shapes a unit fills in (declaration, monitoring, self-evaluation) and their domain form.

Inputs are pydantic models so that the web forms and the JSON API validate the same way; money is
Decimal yuan. A declaration becomes a domain ``Project`` for the checker and the scoring engine.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from jixiao.domain.basis import parse_basis
from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES, LEVEL2_PARENT
from jixiao.domain.model import FUND_SOURCES, Indicator, Money, Project
from jixiao.domain.numbers import fmt
from jixiao.domain.targets import parse_target

MONEY_KEYS = ("total", *FUND_SOURCES)
POSSIBILITIES = ("确定能", "有可能", "完全不可能")
DEVIATION_CATEGORIES = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
DIMENSIONS = {"completeness": "完整性", "relevance": "相关性", "appropriateness": "适当性",
              "feasibility": "可行性"}
VERDICTS = {"pass": "符合", "partial": "部分符合", "fail": "不符合"}
OUTCOMES = ("优", "良", "中", "差")
FACT_LABELS = {"type": "项目类型", "period": "实施期限", "new_or_continuing": "新增/延续",
               "allocation_method": "资金分配方式", "policy_basis": "政策依据"}


def new_key() -> str:
    """A short stable key for an indicator row (monitoring and self-evaluation point at it)."""
    return secrets.token_hex(4)


class IndicatorIn(BaseModel):
    """One row of the indicator table as declared."""

    key: str | None = None
    level1: str | None = None
    level2: str | None = None
    name: str = Field(min_length=1, max_length=500)
    target: str = ""
    note: str | None = None
    weight: Decimal | None = Field(default=None, ge=0, le=100)
    required: bool = False
    source_of_value: str | None = None

    @field_validator("level1", "level2")
    @classmethod
    def _known_level(cls, v: str | None, info: ValidationInfo) -> str | None:
        names = LEVEL1_NAMES if info.field_name == "level1" else LEVEL2_NAMES
        if v and v not in names:
            raise ValueError(f"未知的{'一' if info.field_name == 'level1' else '二'}级指标类别 {v}")
        return v or None


class DeclarationIn(BaseModel):
    """A project's declaration (绩效目标申报): facts, money by source, basis, goals, indicators."""

    year: int = Field(ge=2000, le=2100)
    unit: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=500)
    department: str | None = None
    code: str | None = None
    kind: Literal["project", "unit_overall"] = "project"
    money_unit: Literal["yuan", "wan_yuan"] = "wan_yuan"
    facts: dict[str, str] = Field(default_factory=dict)
    money: dict[str, Decimal] = Field(default_factory=dict)
    basis: str | None = None
    goal: str | None = None
    goal_long_term: str | None = None
    indicators: list[IndicatorIn] = Field(default_factory=list)

    @field_validator("facts")
    @classmethod
    def _fact_keys(cls, v: dict[str, str]) -> dict[str, str]:
        unknown = set(v) - set(FACT_LABELS)
        if unknown:
            raise ValueError(f"未知的项目信息 {sorted(unknown)}")
        return {k: x.strip() for k, x in v.items() if x and x.strip()}

    @field_validator("money")
    @classmethod
    def _money_keys(cls, v: dict[str, Decimal]) -> dict[str, Decimal]:
        unknown = set(v) - set(MONEY_KEYS)
        if unknown:
            raise ValueError(f"未知的资金来源 {sorted(unknown)}")
        if any(x < 0 for x in v.values()):
            raise ValueError("金额不能为负数")
        return {k: x.quantize(Decimal("0.01")) for k, x in v.items()}


class ProgressIn(BaseModel):
    """One indicator's progress in a monitoring report (rules.md §5)."""

    key: str
    progress: str = ""
    expected: str = ""
    possibility: Literal["确定能", "有可能", "完全不可能"] = "确定能"
    reasons: list[Literal["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"]] = Field(default_factory=list)
    measure: str | None = None


class MonitoringIn(BaseModel):
    """A monitoring report (绩效运行监控): money to date, year-end forecast, indicator progress."""

    as_of_month: int | None = Field(default=None, ge=1, le=12)
    spent_to_date: Decimal | None = Field(default=None, ge=0)
    expected_year_end: Decimal | None = Field(default=None, ge=0)
    indicators: list[ProgressIn] = Field(default_factory=list)
    correction_measures: str | None = None


class ActualIn(BaseModel):
    """One indicator's actual value in a self-evaluation."""

    key: str
    actual: str = ""
    deviation_reason: str | None = None


class SelfEvaluationIn(BaseModel):
    """A self-evaluation (绩效自评): actual money and values against the approved targets."""

    budget_adjusted: Decimal | None = Field(default=None, ge=0)
    actual_total: Decimal | None = Field(default=None, ge=0)
    goal_actual: str | None = None
    indicators: list[ActualIn] = Field(default_factory=list)
    problems: str | None = None
    rectification: str | None = None


class ReviewIn(BaseModel):
    """A target review (绩效目标审核): a verdict and comment per dimension, and the outcome."""

    dimensions: dict[Literal["completeness", "relevance", "appropriateness", "feasibility"],
                     tuple[Literal["pass", "partial", "fail"], str]]
    outcome: Literal["优", "良", "中", "差"]
    comment: str = Field(min_length=1)

    @field_validator("dimensions")
    @classmethod
    def _all_four(cls, v: dict) -> dict:
        missing = [DIMENSIONS[d] for d in DIMENSIONS if d not in v]
        if missing:
            raise ValueError(f"缺少审核维度: {'、'.join(missing)}")
        return v


def _keyed(decl: DeclarationIn, existing: list[dict] | None) -> list[dict]:
    """Indicator rows with keys: as sent, else the key of the stored row with the same category and
    name (API clients may send rows without keys), else a new one; never two rows with one key."""
    by_name = {}
    for old in existing or []:
        by_name.setdefault((old.get("level2"), old.get("name")), []).append(old["key"])
    rows, seen = [], set()
    for ind in decl.indicators:
        row = ind.model_dump(mode="json")
        key = ind.key or next(iter(by_name.get((ind.level2, ind.name), [])), None)
        row["key"] = key if key and key not in seen else new_key()
        seen.add(row["key"])
        if row["key"] in by_name.get((ind.level2, ind.name), []):
            by_name[(ind.level2, ind.name)].remove(row["key"])
        row["level1"] = ind.level1 or LEVEL2_PARENT.get(ind.level2 or "")
        rows.append(row)
    return rows


def declaration_values(decl: DeclarationIn, existing: list[dict] | None = None) -> dict:
    """Column values of ``workflow_projects`` for a declaration (``existing``: the stored indicators)."""
    money = {k: fmt(v) for k, v in decl.money.items()}
    if "total" not in money:
        parts = [v for k, v in decl.money.items() if k not in ("total", "fiscal")]
        money["total"] = fmt(sum(parts, Decimal(0))) if parts else None
    indicators = _keyed(decl, existing)
    return {
        "year": decl.year, "unit": decl.unit.strip(), "name": decl.name.strip(), "department": decl.department,
        "code": decl.code, "kind": decl.kind, "money_unit": decl.money_unit, "facts": dict(decl.facts) or None,
        "money": money, "basis": decl.basis, "goal": decl.goal, "goal_long_term": decl.goal_long_term,
        "indicators": indicators,
    }


DECLARATION_FIELDS = ("year", "unit", "name", "department", "code", "kind", "money_unit", "facts", "money",
                      "basis", "goal", "goal_long_term", "indicators")


def declaration_of(row) -> dict:
    """The declaration part of a stored row (or snapshot) as plain JSON-able values."""
    if isinstance(row, dict):
        return {k: row.get(k) for k in DECLARATION_FIELDS}
    return {k: getattr(row, k) for k in DECLARATION_FIELDS}


def _dec(v) -> Decimal | None:
    return None if v in (None, "") else Decimal(str(v))


def to_project(decl: dict, actuals: dict | None = None) -> Project:
    """A declaration (and optionally a self-evaluation's actuals) as a domain Project."""
    money = decl.get("money") or {}
    budget = Money(total=_dec(money.get("total")),
                   parts={k: Decimal(v) for k, v in money.items() if k != "total" and v is not None})
    actuals = actuals or {}
    by_key = {a["key"]: a for a in actuals.get("indicators") or []}
    indicators = [_indicator(i, by_key.get(i.get("key"))) for i in decl.get("indicators") or []]
    adjusted = _dec(actuals.get("budget_adjusted"))
    return Project(
        name=decl["name"], unit=decl["unit"], department=decl.get("department"), kind=decl.get("kind", "project"),
        code=decl.get("code"), year=decl.get("year"), money_unit=decl.get("money_unit", "wan_yuan"),
        budget=Money(total=adjusted, parts=budget.parts) if adjusted is not None else budget,
        budget_initial=budget, actual=Money(total=_dec(actuals.get("actual_total"))),
        goal=decl.get("goal"), goal_long_term=decl.get("goal_long_term"), indicators=indicators,
        problems=actuals.get("problems"), rectification=actuals.get("rectification"),
        details=_details(decl),
    )


def _details(decl: dict) -> dict:
    """Facts in the shape the declaration reader gives them (so the same checks apply)."""
    details: dict = dict(decl.get("facts") or {})
    if details.get("period"):
        details["period"] = {"text": details["period"], "years": None}
    if decl.get("basis"):
        details["basis"] = parse_basis(decl["basis"]).to_dict()
    return details


def _indicator(row: dict, actual: dict | None) -> Indicator:
    actual_text = (actual or {}).get("actual") or ""
    return Indicator(
        level1=row.get("level1"), level2=row.get("level2"), name=row["name"],
        target=parse_target(row.get("target")), actual=parse_target(actual_text) if actual_text else None,
        note=row.get("note"), weight=_dec(row.get("weight")), required=bool(row.get("required")),
        deviation_reason=(actual or {}).get("deviation_reason"), source_of_value=row.get("source_of_value"),
        level1_text=LEVEL1_NAMES.get(row.get("level1") or ""), level2_text=LEVEL2_NAMES.get(row.get("level2") or ""),
    )


def _agrees(stated: dict | None, computed: dict | None) -> bool | None:
    """Whether a term's computed result rounds to its stated one (half a unit of the last place)."""
    if not stated or not computed or stated.get("unit") != computed.get("unit"):
        return None
    value = Decimal(stated["value"])
    tolerance = Decimal(1).scaleb(value.as_tuple().exponent) / 2
    return abs(Decimal(computed["value"]) - value) <= tolerance


def basis_summary(text: str | None, declared: Decimal | None) -> dict:
    """A 测算依据 read for the form: each term with its computed result, and the total against the
    declared amount (yuan) — what the unit sees as it types."""
    basis = parse_basis(text).to_dict() if text and text.strip() else {"terms": [], "computed_total": None,
                                                                        "stated_total": None}
    terms = [{**t, "agrees": _agrees(t.get("stated"), t.get("computed"))} for t in basis["terms"]]
    stated_total = (basis.get("stated_total") or {}).get("yuan")
    total = Decimal(stated_total) if stated_total else _dec(basis.get("computed_total"))
    difference = None if total is None or declared is None else declared - total
    return {"terms": terms, "total": total, "declared": declared, "difference": difference,
            "agrees": None if difference is None else abs(difference) < Decimal("0.5")}
