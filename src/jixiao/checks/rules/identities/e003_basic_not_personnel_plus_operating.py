import re

from jixiao.checks.disclosure_view import disclosure, number, passages, step
from jixiao.checks.rule import DOCUMENT, hit, rule

_N = r"\d[\d,]*(?:\.\d+)?"
_BASIC = re.compile(rf"基本支出(?:为)?(?P<b>{_N})万元")
_PERSONNEL = re.compile(rf"人员经费(?:为)?(?P<v>{_N})万元")
_OPERATING = re.compile(rf"(?:日常)?公用经费(?:为)?(?P<v>{_N})万元")


@rule("E003", "basic-not-personnel-plus-operating", "error",
      "说明写基本支出 {basic} 万元，其中人员经费 {personnel} 万元、公用经费 {operating} 万元，两者之和为 {total} 万元",
      "basic spending {basic} is not personnel {personnel} plus operating {operating}", scope=DOCUMENT)
def check(doc, ctx):
    """基本支出不等于人员经费与公用经费之和.

    基本支出由人员经费和公用经费两部分组成；说明写“基本支出 x 万元，其中：人员经费 a 万元……公用经费
    b 万元”时，a + b 必须等于 x（各印到 0.01 万元，差一两个末位不算不符）。
    Basic spending is personnel plus operating spending.

    Bad:
        一般公共预算财政拨款基本支出105.58万元。其中：人员经费95.36万元……公用经费12.23万元

    Good:
        一般公共预算财政拨款基本支出105.58万元。其中：人员经费95.36万元……公用经费10.23万元
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for passage in passages(dis, "explanations"):
        text = passage.text
        basic = _BASIC.search(text)
        if basic is None:
            continue
        personnel, operating = _PERSONNEL.search(text, basic.end()), _OPERATING.search(text, basic.end())
        if personnel is None or operating is None:
            continue
        b, p, o = (number(m.group(g)) for m, g in ((basic, "b"), (personnel, "v"), (operating, "v")))
        slack = step(basic.group("b")) + step(personnel.group("v")) + step(operating.group("v"))
        if abs(p + o - b) <= slack:
            continue
        yield hit(passage.where(doc.file, basic.start()), expected=f"{p + o}", actual=basic.group("b"),
                  basic=basic.group("b"), personnel=personnel.group("v"), operating=operating.group("v"), total=f"{p + o}")
