"""JSON input for one self-evaluation, schema ``jixiao/selfeval/1`` (docs/selfeval-schema.md).

Anyone can score a 项目支出绩效自评表 without ingesting it: money as decimal strings in the form's
unit, targets and completions as written, level names in English codes or in Chinese as on the
forms. The form's own figures (stated_*) are optional; when present they are audited.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES, level1_code, level2_code, parent_of
from jixiao.domain.model import Indicator, Money, Project
from jixiao.domain.numbers import parse_decimal, parse_percent, to_yuan
from jixiao.domain.source import SourceRef
from jixiao.domain.targets import parse_target

from .files import read_parsed

SCHEMA = "jixiao/selfeval/1"


def _decimal_text(value):
    if isinstance(value, (bool, float)):
        raise ValueError("请写成字符串形式的十进制数，例如 \"12.34\"（不用浮点数）")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, str):
        parsed = parse_percent(value) if value.strip().endswith("%") else parse_decimal(value)
        if parsed is not None:
            return parsed
    raise ValueError(f"不是数字：{value!r}")


DecimalText = Annotated[Decimal, BeforeValidator(_decimal_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ProjectIn(_Strict):
    """项目名称, 主管部门, 实施单位."""

    name: str = Field(min_length=1)
    department: str | None = None
    unit: str | None = None


class BudgetIn(_Strict):
    """The money block: 年初预算数, 全年预算数 (adjusted, 上年结转 included), 全年执行数."""

    initial: DecimalText | None = None
    adjusted: DecimalText | None = None
    actual: DecimalText
    stated_rate: DecimalText | None = None
    stated_score: DecimalText | None = None
    deviation_reason: str | None = None


class IndicatorIn(_Strict):
    """One row of the indicator table, as written on the form."""

    level1: str | None = None
    level2: str | None = None
    name: str = Field(min_length=1)
    target: str
    actual: str | None = None
    weight: DecimalText | None = None
    stated_score: DecimalText | None = None
    deviation_reason: str | None = None
    _codes: tuple[str, str | None] | None = None

    @model_validator(mode="after")
    def _known_levels(self):
        """Level names in Chinese (产出指标, 数量指标 …) or as codes; one of the two must say the group."""
        code1 = _code(self.level1, LEVEL1_NAMES, level1_code)
        code2 = _code(self.level2, LEVEL2_NAMES, level2_code)
        if self.level2 and code2 is None:
            raise ValueError(f"无法识别的二级指标“{self.level2}”（例如 数量指标 / quantity）")
        code1 = code1 or parent_of(code2)
        if code1 is None:
            names = "、".join(LEVEL1_NAMES.values())
            raise ValueError(f"无法识别的一级指标“{self.level1 or ''}”，应为 {names} 或 {'/'.join(LEVEL1_NAMES)}")
        self._codes = (code1, code2)
        return self

    def codes(self) -> tuple[str, str | None]:
        """(level1, level2) glossary codes."""
        return self._codes


def _code(text: str | None, names: dict[str, str], reader) -> str | None:
    if not text:
        return None
    return text if text in names else reader(text)


class SelfEvaluationIn(_Strict):
    """One self-evaluation in schema ``jixiao/selfeval/1``."""

    schema_: Literal["jixiao/selfeval/1"] = Field(alias="schema")
    project: ProjectIn
    money_unit: Literal["yuan", "wan_yuan"]
    budget: BudgetIn
    execution_weight: DecimalText | None = None
    indicators: list[IndicatorIn]
    stated_total: DecimalText | None = None
    stated_grade: Literal["优", "良", "中", "差"] | None = None

    def to_project(self, file: str = "<json>") -> Project:
        """The domain Project the engine scores; stated figures go where ingested forms put them."""
        unit, b = self.money_unit, self.budget
        stated = {"execution_score": b.stated_score, "total": self.stated_total,
                  "execution_weight": self.execution_weight}
        project = Project(
            name=self.project.name, unit=self.project.unit, department=self.project.department,
            money_unit=unit, budget=Money(to_yuan(b.adjusted, unit)),
            budget_initial=Money(to_yuan(b.initial, unit)) if b.initial is not None else None,
            actual=Money(to_yuan(b.actual, unit)), execution_rate=b.stated_rate,
            problems=b.deviation_reason, stated_scores={k: v for k, v in stated.items() if v is not None},
            details={"grade": self.stated_grade} if self.stated_grade else {},
            source=SourceRef(file),
        )
        for pos, ind in enumerate(self.indicators):
            level1, level2 = ind.codes()
            project.indicators.append(Indicator(
                level1=level1, level2=level2, name=ind.name, target=parse_target(ind.target),
                actual=parse_target(ind.actual) if ind.actual is not None else None,
                weight=ind.weight, score=ind.stated_score, deviation_reason=ind.deviation_reason,
                level1_text=ind.level1, level2_text=ind.level2, source=SourceRef(file, pos + 1),
            ))
        return project


class SelfEvalError(ValueError):
    """The input file cannot be used; the message lists every problem in Chinese."""


_MESSAGES = {"missing": "缺少必填字段", "extra_forbidden": "未知字段（schema 中没有）",
             "literal_error": "取值不在允许范围内", "string_too_short": "不能为空",
             "list_type": "应为数组", "model_type": "应为对象", "string_type": "应为字符串"}


def _describe(err: dict) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "（顶层）"
    if err["type"] == "value_error":
        return f"{where}: {str(err['msg']).removeprefix('Value error, ')}"
    text = _MESSAGES.get(err["type"], err["msg"])
    if err["type"] == "literal_error":
        text += f"（{err['msg']}）"
    return f"{where}: {text}"


def parse(data: dict) -> SelfEvaluationIn:
    """Validate a parsed JSON object; SelfEvalError lists every problem."""
    try:
        return SelfEvaluationIn.model_validate(data)
    except ValidationError as exc:
        lines = [_describe(e) for e in exc.errors()]
        raise SelfEvalError("输入不符合 jixiao/selfeval/1:\n" + "\n".join(lines)) from None


def load(path: str | Path) -> SelfEvaluationIn:
    """Read and validate a ``jixiao/selfeval/1`` JSON file."""
    data = read_parsed(Path(path), json.loads, (json.JSONDecodeError,), SelfEvalError, "输入文件", "JSON")
    if not isinstance(data, dict):
        raise SelfEvalError("输入应为一个 JSON 对象")
    return parse(data)
