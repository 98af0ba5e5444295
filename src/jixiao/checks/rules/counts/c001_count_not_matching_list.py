import re

from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.statement_view import figures_of
from jixiao.domain.text import normalise

_QUOTES = str.maketrans("", "", "“”\"‘’'")
_OPEN = r"(?P<sep>,?(?:分别为|分别是|具体为|包括|即)[:]?|\()"
_ITEM_SPLIT = re.compile(r"[、,]")
_LAST_JOIN = re.compile(r"(?<=..)(?:以及|和|及)(?=..)")


def listed(text: str, value, unit: str) -> tuple[str, list[str]] | None:
    """(what is counted, the names listed after it) for ``设9个内设机构,分别为:甲、乙…`` or ``6个科室(甲、乙…)``."""
    key = normalise(text).translate(_QUOTES)
    number = re.escape(format(value, "f"))
    m = re.search(rf"(?<![\d.]){number}{re.escape(unit)}(?P<noun>[^\d,。;:()、]{{1,12}}?){_OPEN}(?P<items>[^。;)]+)",
                  key)
    if m is None:
        return None
    items = [i for i in _ITEM_SPLIT.split(m.group("items").strip(":")) if i]
    if not items or any(re.search(r"\d", i) for i in items):
        return None  # parts with their own numbers are summed, not counted
    if len(items) == int(value) - 1 and _LAST_JOIN.search(items[-1]):
        items[-1:] = _LAST_JOIN.split(items[-1], maxsplit=1)
    return m.group("noun"), items


@rule("C001", "count-not-matching-list", "warning",
      "写明{count}{unit}{noun}，但其后列出 {listed} 个：{items}",
      "{count} {noun} stated, {listed} listed", scope=DOCUMENT)
def check(doc, ctx):
    """写明的个数与其后列出的名称个数不符.

    单位概况常写“设9个内设机构，分别为：……”或“共设置6个科室（……）”。列出的名称个数与写明的个数不同，
    说明漏列了一个机构，或者个数写错了；机构、人员和车辆的数字常被用来核对编制与经费，应当一致。
    A count followed by the names it counts must match their number.

    Bad:
        招商服务中心设9个内设机构，分别为：办公室、投资促进股科、区域协作股、招商股、信息统计股、
        政工人事股、政策法规股、项目服务股（列出8个）

    Good:
        共设置6个科室（组织人事科、安全科、计划财务科、养护管理科、建设管理科、材料设备管理科）
    """
    for f in figures_of(doc, ctx):
        if f.amount is not None or f.category is None or f.measure_unit in ("%", "") or not f.text \
                or f.value != f.value.to_integral():
            continue  # only counts of things the vocabulary knows (机构, 科室, 车辆 …)
        found = listed(f.text, f.value, f.measure_unit)
        if found is None or len(found[1]) == int(f.value):
            continue
        noun, items = found
        yield hit(f.source, expected=f"{len(items)}{f.measure_unit}", actual=f"{f.value}{f.measure_unit}",
                  count=f.value, unit=f.measure_unit, noun=noun, listed=len(items), items="、".join(items))
