import re

from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule

_COMPARED = re.compile(r"(?:比|较|与|同)(?P<y>20\d{2})年(?:度)?(?:预算|决算|执行数|预算执行数)?(?:数)?(?:相比|比较)?"
                       r"[，,]?(?=增加|减少|增长|下降|持平|相比|比较)")


@rule("W004", "compared-with-own-year", "warning",
      "说明与 {year} 年比较，而本文档就是 {year} 年的{phase}：{text}",
      "the text compares {year} with itself", scope=DOCUMENT)
def check(doc, ctx):
    """说明拿本年度与本年度比较.

    预算说明与上一年度比较（2026 年预算比 2025 年预算增加多少），决算说明与上年决算比较；
    写成与文档本身的年度相比，要么年份写错，要么整段抄自别的年份而只改了数字。
    A change must compare the document's year with an earlier year.

    Bad:
        （2026 年部门预算）财政拨款收入9628.22万元，比2026年预算增加793.14万元

    Good:
        （2026 年部门预算）财政拨款收入9628.22万元，比2025年预算增加793.14万元
    """
    dis = disclosure(doc)
    if dis is None or dis.year is None:
        return
    phase = "决算" if dis.phase == "final" else "预算"
    for p in dis.in_part("explanations", "overview"):
        for m in _COMPARED.finditer(p.text):
            if int(m.group("y")) == dis.year:
                yield hit(p.where(doc.file, m.start()), expected=f"与 {dis.year - 1} 年比较", actual=m.group(0),
                          year=dis.year, phase=phase, text=p.text[max(0, m.start() - 24): m.end() + 16])
