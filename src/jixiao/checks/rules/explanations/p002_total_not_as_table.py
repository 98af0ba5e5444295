import re
from decimal import Decimal

from jixiao.checks.disclosure_view import disclosure, number, passages, step
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.disclosure import rules_data
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

_WAN = Decimal(10000)


def _lines(budget: DepartmentBudget, table_key: str, label: str, side: str | None) -> list:
    name = vocabulary().first("printed_tables", table_key)
    out = [b for b in budget.budget_lines if b.table == name and normalise(b.label) == label]
    sided = [b for b in out if side and side in (b.column or "")]
    return sided or out


@rule("P002", "total-not-as-table", "error",
      "说明写“{label}{stated}万元”，“{table}”中“{line}”为 {printed} 万元",
      "the explanation gives {stated} for {label}, the table prints {printed}", scope=DOCUMENT)
def check(doc, ctx):
    """说明所写的总计、合计与所说明的表不符.

    情况说明的每一节说明一张表（“四、财政拨款收入支出决算总体情况说明”说明财政拨款收入支出决算总表），
    其中写出的收入支出总计、本年收入合计、本年支出合计就是该表的同名一行。两者不等，说明的数字
    写错或抄自别处。所比较的行与词写在 ``disclosure.toml`` 的 ``[[quoted_totals]]`` 中。
    A total quoted in an explanation must be the same row of the table the section explains.

    Bad:
        财政拨款收入支出总计0.3万元 ｜ 财政拨款收入支出决算总表 总计 2,961.68

    Good:
        财政拨款收入支出总计2961.68万元 ｜ 财政拨款收入支出决算总表 总计 2,961.68
    """
    dis, budget = disclosure(doc), doc.extras.get("budget")
    if dis is None or not isinstance(budget, DepartmentBudget):
        return
    specs = rules_data().get("quoted_totals", [])
    for passage in passages(dis, "explanations"):
        for spec in specs:
            if passage.table not in spec["tables"]:
                continue
            for m in re.finditer(spec["pattern"] + r"(?:为|是)?(\d[\d,]*(?:\.\d+)?)万元", passage.text):
                stated = number(m.group(1))
                keys = [passage.table] + [k for k in spec["tables"] if k != passage.table]
                lines = next((found for k in keys if (found := _lines(budget, k, spec["line"], spec.get("side")))), [])
                if stated is None or not lines:
                    continue
                tolerance = step(m.group(1)) * _WAN
                if any(abs(b.amount - stated * _WAN) <= tolerance for b in lines):
                    continue
                line = lines[0]
                printed = f"{line.amount / _WAN:,.2f}"
                yield hit(passage.where(doc.file, m.start(1)), expected=printed, actual=m.group(1),
                          label=m.group(0)[: m.start(1) - m.start()].rstrip("为是"), stated=m.group(1),
                          table=line.table_title or line.table, line=line.label, printed=printed,
                          related={"table_source": line.source.to_dict() if line.source else None})
