"""The one model every form becomes: document → units → projects → money, indicators, texts.

Plain dataclasses (not pydantic): readers build hundreds of thousands of them and the checker and
scoring engine walk them, so construction has to be cheap. Money is always Decimal in canonical
yuan; the document remembers the unit it was written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .source import SourceRef
from .targets import TargetValue


class MoneyUnit(StrEnum):
    """The unit a document states its amounts in."""

    YUAN = "yuan"
    WAN_YUAN = "wan_yuan"


class DocumentKind(StrEnum):
    """Form kinds, detected from content."""

    SELF_EVALUATION_TABLE = "self_evaluation_table"
    SELF_EVALUATION_FORM = "self_evaluation_form"
    TARGET_DECLARATION = "target_declaration"
    TARGET_LIST = "target_list"
    DEPARTMENT_BUDGET = "department_budget"
    BUDGET_STATEMENT = "budget_statement"
    FINAL_ACCOUNTS = "final_accounts"


class Status(StrEnum):
    """Self-reported completion (完成 / 基本完成 / 部分完成 / 未完成)."""

    DONE = "done"
    MOSTLY_DONE = "mostly_done"
    PARTLY_DONE = "partly_done"
    NOT_DONE = "not_done"


# Fund sources in glossary order; ``total`` is the stated total, never recomputed silently.
FUND_SOURCES = (
    "fiscal", "general_public", "government_fund", "state_capital", "special_account",
    "non_fiscal", "carried_over",
)

# The parts of 财政拨款 by budget kind.
FISCAL_KINDS = ("general_public", "government_fund", "state_capital", "special_account")


@dataclass(slots=True)
class Money:
    """An amount split by fund source, in yuan; ``total`` is as stated (None if not stated)."""

    total: Decimal | None = None
    parts: dict[str, Decimal] = field(default_factory=dict)
    source: SourceRef | None = None

    def parts_sum(self) -> Decimal | None:
        """Sum of the stated fund-source parts.

        ``fiscal`` (财政拨款) is itself the sum of the budget kinds when those are given, so it
        counts only when none of them is stated (as on the national form's 当年财政拨款 row).
        """
        has_kinds = any(k in self.parts for k in FISCAL_KINDS)
        vals = [v for k, v in self.parts.items() if not (k == "fiscal" and has_kinds)]
        return sum(vals, Decimal(0)) if vals else None


@dataclass(slots=True)
class Indicator:
    """One performance indicator: its category, name, target and what was achieved."""

    level1: str | None
    level2: str | None
    name: str
    target: TargetValue
    actual: TargetValue | None = None
    note: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation_reason: str | None = None
    required: bool = False
    source_of_value: str | None = None
    level1_text: str | None = None
    level2_text: str | None = None
    source: SourceRef | None = None


@dataclass(slots=True)
class NotApplicable:
    """A category the form marks 不适用: declared as having no indicator, not missing."""

    level1: str | None
    level2: str | None
    required: bool
    source: SourceRef | None = None


@dataclass(slots=True)
class Project:
    """A project (or a unit's overall spending plan) with its money, targets and results."""

    name: str
    unit: str | None
    department: str | None = None
    kind: str = "project"  # "project" or "unit_overall"
    code: str | None = None
    seq: str | None = None
    year: int | None = None
    money_unit: str = MoneyUnit.WAN_YUAN
    budget: Money = field(default_factory=Money)
    budget_initial: Money | None = None
    actual: Money = field(default_factory=Money)
    execution_rate: Decimal | None = None  # stated percentage, e.g. 96.10
    status: str | None = None
    status_text: str | None = None
    goal: str | None = None
    goal_long_term: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    not_applicable: list[NotApplicable] = field(default_factory=list)
    problems: str | None = None
    rectification: str | None = None
    stated_scores: dict[str, Decimal] = field(default_factory=dict)
    details: dict = field(default_factory=dict)  # form-specific facts (type, period, basis …)
    source: SourceRef | None = None


@dataclass(slots=True)
class StatedTotal:
    """A subtotal (…小计) or total (合计) row, kept as stated so it can be checked."""

    label: str
    level: str  # "subtotal" or "total"
    unit: str | None
    budget: Money
    actual: Money
    execution_rate: Decimal | None
    covers: list[str] = field(default_factory=list)  # seq numbers of the rows it sums
    source: SourceRef | None = None


@dataclass(slots=True)
class ParseWarning:
    """Something a reader could not take in as written; kept and reported, never dropped."""

    message: str
    source: SourceRef | None = None
    text: str | None = None


@dataclass(slots=True)
class Document:
    """One ingested file and everything read from it."""

    file: str
    sha256: str
    kind: str
    title: str | None = None
    year: int | None = None
    department: str | None = None
    money_unit: str = MoneyUnit.WAN_YUAN
    size_bytes: int = 0
    projects: list[Project] = field(default_factory=list)
    stated_totals: list[StatedTotal] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    # Typed additions of other readers (e.g. budget lines) by name; ``meta`` is JSON stored as is.
    extras: dict = field(default_factory=dict)
    source: SourceRef | None = None

    @property
    def units(self) -> list[str]:
        """Distinct unit names in reading order."""
        seen: dict[str, None] = {}
        for p in self.projects:
            if p.unit:
                seen.setdefault(p.unit, None)
        return list(seen)
