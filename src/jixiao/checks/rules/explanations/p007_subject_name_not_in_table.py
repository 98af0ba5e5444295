import re
from decimal import Decimal

from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.budget import DepartmentBudget, code_at
from jixiao.domain.figure_math import MONEY_FACTORS
from jixiao.domain.text import normalise

_NAMED = re.compile(r"([^()（）“”]+?)[(（]\d*(类|款|项)[)）]")
_LEVEL = {"类": "class", "款": "section", "项": "item"}
_LABEL = {"class": "类", "section": "款", "item": "项"}
_FUND_WORDS = ("财政拨款", "一般公共预算", "政府性基金", "国有资本")
_LEAD = re.compile(r"^(?:[\d.、,，:：\s]+|[一二三四五六七八九十]+、)+")


def _names(label: str) -> dict[str, str]:
    return {_LEVEL[lvl]: _LEAD.sub("", normalise(name)).replace("其它", "其他") for name, lvl in _NAMED.findall(label)}


def same_name(a: str, b: str) -> bool:
    """Names of one 科目: equal, one ending the other (words run in before it), 支出 left off."""
    a, b = a.removesuffix("支出"), b.removesuffix("支出")
    return bool(a and b) and (a.endswith(b) or b.endswith(a))


def _find(by_name: dict, level: str, name: str) -> list:
    return [b for (lvl, key), lines in by_name.items() if lvl == level and same_name(key, name) for b in lines]


def _index(budget: DepartmentBudget):
    by_name, name_of, lines = {}, {}, []
    for b in budget.budget_lines:
        if b.function_code and b.function_level and b.row_kind == "line" and b.table_title:
            key = _LEAD.sub("", normalise(b.label)).replace("其它", "其他")
            by_name.setdefault((b.function_level, key), []).append(b)
            name_of.setdefault(b.function_code, key)
            lines.append(b)
    return by_name, name_of, lines


@rule("P007", "subject-name-not-in-table", "warning",
      "说明写“{named}（{level}）”，{problem}",
      "the explanation names {named} ({level}), {problem_en}", scope=DOCUMENT)
def check(doc, ctx):
    """说明所写的科目名称与表中不符.

    说明按“类—款—项”写出科目及金额，这些名称应当与一般公共预算支出表中的科目一字不差：表中没有
    这个名称、而同一金额印在另一科目一行，是科目名称写错（或用了旧的科目名称）；项的名称对了，
    款或类却不是表中它所属的款或类，也是写错。
    The 类/款/项 names in the text must be the table's, the 项 under its own 款 and 类.

    Bad:
        卫生健康支出（类）卫生健康支出（款）计划生育事务（项）20.00万元 ｜ 表中 2100717 计划生育服务（款 计划生育事务）

    Good:
        卫生健康支出（类）计划生育事务（款）计划生育服务（项）20.00万元
    """
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    by_name, name_of, lines = _index(budget)
    seen = set()
    for f in budget.stated_figures:
        names = _names(f.label or "")
        level = next((lvl for lvl in ("item", "section", "class") if lvl in names), None)
        if level is None or f.amount is None or f.change is not None or f.ratio is not None \
                or names[level].startswith(_FUND_WORDS):
            continue  # no 科目 named, a change or rate, or a fund's words read as a name
        found = _find(by_name, level, names[level])
        if found:
            problems = [_parent_problem(names, b.function_code, name_of) for b in found]
            problem = None if None in problems else problems[0]
        else:
            unit = MONEY_FACTORS.get(f.measure_unit, Decimal(1)) * Decimal(1).scaleb(f.value.as_tuple().exponent)
            same = [b for b in lines if b.function_level == level and abs(b.amount - f.amount) <= unit
                    and not (f.year and b.year and f.year != b.year) and not (f.phase and b.phase and f.phase != b.phase)]
            same.sort(key=lambda b: not _under_named(b, names, name_of))
            problem = (f"表中没有这个{_LABEL[level]}；金额与“{same[0].function_code} {same[0].label}”一行相同"
                       if same else None)
        if problem and (names[level], problem) not in seen:
            seen.add((names[level], problem))
            yield hit(f.source, expected=problem, actual=names[level], named=names[level], level=_LABEL[level],
                      problem=problem, problem_en="which the table does not have there")


def _under_named(line, names: dict, name_of: dict) -> bool:
    """True when the line sits under the 款 or 类 the figure names (the likelier line of an amount)."""
    return any(level in names and same_name(names[level], name_of.get(code_at(line.function_code, level) or "", ""))
               for level in ("section", "class"))


def _parent_problem(names: dict, code: str | None, name_of: dict) -> str | None:
    for level in ("section", "class"):
        parent = code_at(code, level)
        printed = name_of.get(parent or "")
        if level in names and printed and not same_name(names[level], printed):
            return f"表中该项（{code}）属于{_LABEL[level]}“{printed}”，说明写的是“{names[level]}”"
    return None
