from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.table_sums import money_text, rounding
from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.text import normalise

_TOTAL_ROWS = ("合计", "总计", "支出总计", "本年支出合计")
_PARTS = {"personnel": "人员经费", "operating": "公用经费"}


def _split(budget: DepartmentBudget) -> dict:
    """{table title: {personnel: line, operating: line}} of the tables that print both totals."""
    out: dict[str, dict] = {}
    for b in budget.budget_lines:
        label = normalise(b.label).replace(" ", "")
        column = normalise(b.column or "").replace(" ", "")
        for key, word in _PARTS.items():
            if label == word + "合计" or (label in _TOTAL_ROWS and column.endswith(word)):
                out.setdefault(b.table_title or b.table, {}).setdefault(key, b)
    return {t: parts for t, parts in out.items() if len(parts) == 2}


@rule("E004", "basic-split-differs", "error",
      "“{first}”人员经费 {p1}、公用经费 {o1}，“{second}”人员经费 {p2}、公用经费 {o2}：基本支出相同，划分不同",
      "two tables split the same basic spending differently", scope=DOCUMENT)
def check(doc, ctx):
    """两张表对同一笔基本支出的人员经费、公用经费划分不同.

    收支总表按人员经费、公用经费列出基本支出，基本支出经济分类表再按经济科目细分；两张表的基本支出
    合计相同时，人员经费和公用经费也必须各自相同。合计相同而划分不同，说明有一笔支出在一张表里
    算作人员经费、在另一张表里算作公用经费。
    When two tables give the same basic spending, their 人员经费 and 公用经费 must agree too.

    Bad:
        财务收支预算总表 人员经费 20,374,181 / 公用经费 1,744,680 ｜ 基本支出经济分类表 人员经费 20,272,981.00 / 公用经费 1,845,880.34

    Good:
        财务收支预算总表 人员经费 20,374,181 / 公用经费 1,744,680 ｜ 基本支出经济分类表 人员经费 20,374,181.00 / 公用经费 1,744,680.00
    """
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    tables = list(_split(budget).items())
    for i, (first, a) in enumerate(tables):
        for second, b in tables[i + 1:]:
            lines = [a["personnel"], a["operating"], b["personnel"], b["operating"]]
            slack = rounding(lines)
            same_total = abs(a["personnel"].amount + a["operating"].amount
                             - b["personnel"].amount - b["operating"].amount) <= slack
            if same_total and abs(a["personnel"].amount - b["personnel"].amount) > slack:
                yield hit(b["personnel"].source, expected=money_text(a["personnel"].amount, a["personnel"]),
                          actual=money_text(b["personnel"].amount, b["personnel"]), first=first, second=second,
                          p1=money_text(a["personnel"].amount, a["personnel"]),
                          o1=money_text(a["operating"].amount, a["operating"]),
                          p2=money_text(b["personnel"].amount, b["personnel"]),
                          o2=money_text(b["operating"].amount, b["operating"]),
                          related={"first_source": a["personnel"].source.to_dict() if a["personnel"].source else None})
