from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.table_sums import money_text, rounding, table_lines
from jixiao.domain.budget import DepartmentBudget

_PARTS = ("overseas_travel", "reception", "official_cars")
_CARS = ("car_purchase", "car_operation")


@rule("E001", "three-public-not-its-parts", "error",
      "“{table}”{column}：{whole}为 {total}，各部分之和为 {parts}",
      "the 三公 total {total} is not the sum of its parts {parts}", scope=DOCUMENT)
def check(doc, ctx):
    """“三公”经费合计不等于各部分之和.

    “三公”经费表的合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费，公务用车购置及运行费 =
    公务用车购置费 + 公务用车运行费，预算数、决算数各栏都是如此。各部分只印到最后一位，和与合计
    相差在舍入范围内不算不符。
    The 三公 total must be the sum of its parts, and 公务用车 the sum of 购置 and 运行.

    Bad:
        合计 47.91 ｜ 因公出国（境）费 0 ｜ 公务接待费 3.00 ｜ 公务用车购置及运行费 40.91

    Good:
        合计 43.91 ｜ 因公出国（境）费 0 ｜ 公务接待费 3.00 ｜ 公务用车购置及运行费 40.91
    """
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    groups: dict[tuple, dict] = {}
    for b in table_lines(budget, "three_public"):
        if b.category:
            groups.setdefault((b.table_title, b.year, b.phase, b.unit, _column(b)), {}).setdefault(b.category, b)
    for (title, _year, _phase, _unit, column), lines in groups.items():
        yield from _compare(title, column, lines, "three_public_total", "合计", _parts(lines))
        yield from _compare(title, column, lines, "official_cars", "公务用车购置及运行费",
                            [lines[c] for c in _CARS if c in lines] if all(c in lines for c in _CARS) else [])


def _parts(lines: dict) -> list:
    if "official_cars" not in lines and all(c in lines for c in _CARS):
        return [lines[k] for k in _PARTS[:2] if k in lines] + [lines[c] for c in _CARS]
    return [lines[k] for k in _PARTS if k in lines] if "official_cars" in lines else []


def _column(b) -> str:
    """The column's phase word (预算数 / 决算数) without the part it names."""
    text = b.column or ""
    return "决算数" if "决算" in text else "预算数" if "预算" in text else text


def _compare(title, column, lines: dict, key: str, word: str, parts: list):
    whole = lines.get(key)
    if whole is None or len(parts) < 2:
        return
    total = sum((p.amount for p in parts), start=whole.amount * 0)
    if abs(total - whole.amount) > rounding(parts):
        yield hit(whole.source, expected=money_text(total, whole), actual=money_text(whole.amount, whole),
                  table=title or whole.table, column=column, whole=word, total=money_text(whole.amount, whole),
                  parts=money_text(total, whole))
