"""Builders for scoring tests: forms in the ``jixiao/selfeval/1`` shape, scored by the engine."""

from __future__ import annotations

from decimal import Decimal

from jixiao.scoring.engine import score_project
from jixiao.scoring.selfeval_input import parse
from jixiao.scoring.settings import NATIONAL

D = Decimal


def form(indicators: list[dict], adjusted: str = "100.00", actual: str = "100.00", unit: str = "wan_yuan",
         **extra) -> dict:
    """A self-evaluation in schema jixiao/selfeval/1 with the given indicator rows."""
    budget = {"adjusted": adjusted, "actual": actual}
    budget.update(extra.pop("budget", {}))
    return {"schema": "jixiao/selfeval/1", "project": {"name": extra.pop("name", "测试项目"),
            "department": "深圳市龙岗区人力资源局", "unit": "龙岗区职业训练中心"},
            "money_unit": unit, "budget": budget, "indicators": indicators, **extra}


def row(level1: str, name: str, target: str, actual: str | None, weight: str | None = None,
        level2: str | None = None, **extra) -> dict:
    """One indicator row as written on the form."""
    out = {"level1": level1, "name": name, "target": target, "actual": actual, **extra}
    if level2:
        out["level2"] = level2
    if weight is not None:
        out["weight"] = weight
    return out


def score(data: dict, settings=NATIONAL):
    """Validate the form and score it."""
    return score_project(parse(data).to_project(), settings)


def one(target: str, actual: str | None, weight: str = "10", settings=NATIONAL, level1: str = "产出指标"):
    """The score of a single indicator at ``weight`` (other rows fill the weights to 100)."""
    rows = [row(level1, "被测指标", target, actual, weight),
            row("效益指标", "填充指标", "完成", "完成", str(90 - int(weight)))]
    return score(form(rows), settings).indicators[0]


def codes(result) -> list[str]:
    """The flag codes of a scored project."""
    return [f.code for f in result.flags]
