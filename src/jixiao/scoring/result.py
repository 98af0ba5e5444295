"""What scoring produces: scores with their explanations, and flags for what needs a look."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.domain.numbers import fmt


@dataclass(slots=True)
class Flag:
    """Something a reviewer should look at; ``message`` names the likely cause, in Chinese."""

    code: str
    message: str
    subject: str = "project"  # "execution", "total", "grade", "weights" or an indicator name
    severity: str = "warning"  # "error", "warning" or "note"

    def to_dict(self) -> dict:
        """JSON shape of a flag."""
        return {"code": self.code, "severity": self.severity, "subject": self.subject,
                "message": self.message}


@dataclass(slots=True)
class Comparison:
    """One number of the target paired with one number of the completion text."""

    op: str
    target: Decimal
    actual: Decimal
    unit: str | None
    target_clause: str
    actual_clause: str
    fraction: Decimal
    formula: str
    target_high: Decimal | None = None


@dataclass(slots=True)
class ItemScore:
    """One item of a target text (``1.…；2.…``) and how it was judged."""

    target_text: str
    completion_text: str
    method: str  # "quantitative" or "qualitative"
    fraction: Decimal
    comparisons: list[Comparison] = field(default_factory=list)
    status: str | None = None  # completion status for the qualitative bands
    status_word: str | None = None  # the words the status was read from
    status_from: str = "indicator"  # "indicator", "whole", "description", "project", "default"


@dataclass(slots=True)
class ExecutionScore:
    """The 预算执行率 row: rate, weight, score and how they were obtained."""

    budget: Decimal | None
    actual: Decimal | None
    rate: Decimal | None  # percentage, 2 decimals
    weight: Decimal
    score: Decimal
    explanation: str
    rate_exact: Decimal | None = None

    def to_dict(self) -> dict:
        """JSON shape ``{rate, weight, score, explanation}``."""
        return {"rate": fmt(self.rate), "weight": fmt(self.weight), "score": fmt(self.score),
                "explanation": self.explanation}


@dataclass(slots=True)
class IndicatorScore:
    """One indicator's points: weight, score, method and the reasoning in Chinese."""

    name: str
    level1: str | None
    level2: str | None
    weight: Decimal
    score: Decimal
    method: str  # "quantitative", "qualitative", "mixed", "not_applicable"
    fraction: Decimal
    explanation: str
    completion_text: str | None
    items: list[ItemScore] = field(default_factory=list)
    position: int = 0
    penalty: Decimal = Decimal(0)

    def to_dict(self) -> dict:
        """JSON shape ``{name, weight, score, method, explanation, …}``."""
        return {"name": self.name, "level1": self.level1, "level2": self.level2,
                "weight": fmt(self.weight), "score": fmt(self.score), "method": self.method,
                "completion_text": self.completion_text, "explanation": self.explanation}


@dataclass(slots=True)
class ProjectScore:
    """A project's whole score: execution part, indicators, total, grade, flags."""

    project: str
    unit: str | None
    execution: ExecutionScore
    indicators: list[IndicatorScore]
    total: Decimal
    grade: str
    total_explanation: str
    grade_explanation: str
    weights_explanation: str
    flags: list[Flag] = field(default_factory=list)
    settings_name: str = "national"

    def to_dict(self) -> dict:
        """The output shape of ``jixiao score --format json``."""
        return {
            "project": self.project, "unit": self.unit, "settings": self.settings_name,
            "execution": self.execution.to_dict(),
            "indicators": [i.to_dict() for i in self.indicators],
            "weights": self.weights_explanation,
            "total": fmt(self.total), "total_explanation": self.total_explanation,
            "grade": self.grade, "grade_explanation": self.grade_explanation,
            "flags": [f.to_dict() for f in self.flags],
        }
