import re

from jixiao.checks.indicators import category_label, live, name_of
from jixiao.checks.rule import hit, rule
from jixiao.domain.targets import UNITS
from jixiao.domain.text import compact

# Names of dimensionless measures (ratios, indices, scores) that need no unit.
DIMENSIONLESS = ("率", "比", "倍", "指数", "系数", "分值", "得分", "评分")
# Names that say what is counted (培训人数, 建设数): the unit is in the name.
COUNTED = ("数", "数量")
MAX_CELL = 20
_PAREN_UNIT = re.compile(r"[(（]([^()（）]{1,4})[)）]$")


def _unit_in_name(name: str) -> bool:
    """培训人数, 发放补贴人次, 享受资助单位(个): the name already says what is counted."""
    m = _PAREN_UNIT.search(name)
    if m and (m.group(1) in UNITS or m.group(1) == "%"):
        return True
    return name.endswith(COUNTED) or any(name.endswith(u) for u in UNITS if len(u) > 1 and u != "万元")


@rule("I007", "number-without-unit", "warning",
      "{category}“{name}”的指标值 {value} 没有计量单位",
      "indicator {name}: the number {value} has no unit")
def check(p, doc, ctx):
    """数值型指标值没有计量单位.

    “≥1000”是一千人、一千场还是一千元？数值型指标必须写明计量单位（人、场、%、天……）；比率、
    指数等本身无量纲的指标、名称已说明计数对象的指标（“培训人数”“享受资助单位(个)”）和零值除外。只检查单独成格的
    指标值，长段文字中的编号不算。
    A quantitative value needs its unit; ratios and indices excepted.

    Bad:
        产出指标 ｜ 数量指标 ｜ 补贴发放 ｜ ≥1000

    Good:
        产出指标 ｜ 数量指标 ｜ 补贴发放人数 ｜ ≥1000人
    """
    for ind in live(p, ctx):
        t = ind.target
        if t.value is None or t.unit or len(compact(t.text)) > MAX_CELL:
            continue
        if t.value == 0 or any(w in (ind.name or "") + t.text for w in DIMENSIONLESS):
            continue
        if _unit_in_name(compact(ind.name or "")):
            continue
        yield hit(ind.source, expected="数值加计量单位", actual=t.text,
                  category=category_label(ind), name=name_of(ind), value=t.text)
