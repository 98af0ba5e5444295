import re

from jixiao.checks.disclosure_view import disclosure, number, passages, percent_range, step, within
from jixiao.checks.rule import DOCUMENT, hit, rule

_AMOUNT = r"为?(?P<{0}>\d[\d,]*(?:\.\d+)?)万元"
_INITIAL = re.compile(r"年初预算(?:数)?" + _AMOUNT.format("v"))
_FULL = re.compile(r"(?:全年|调整后)预算(?:数)?" + _AMOUNT.format("v"))
_FINAL = re.compile(r"(?:支出)?决算(?:数)?" + _AMOUNT.format("v"))
_RATE = re.compile(r"完成(?P<base>年初预算|全年预算|调整后预算|预算)(?:数)?的(?P<r>\d+(?:\.\d+)?)%")
_NAMES = {"initial": "年初预算", "full": "全年预算"}


def _amounts(text: str, end: int) -> dict:
    """The 年初 / 全年 budget and the 决算 stated before ``end`` in the same item (the nearest)."""
    out = {}
    for key, pattern in (("initial", _INITIAL), ("full", _FULL), ("final", _FINAL)):
        found = [m for m in pattern.finditer(text, 0, end)]
        if found:
            out[key] = found[-1].group("v")
    return out


def _fits(rate: str, final: str, base: str | None) -> bool:
    if base is None or number(base) is None or number(base) <= 0:
        return False
    lo, hi = percent_range(number(final), step(final), number(base), step(base))
    return within(number(rate), step(rate), lo, hi)


@rule("P001", "completion-base-wrong", "error",
      "说明写“完成{named}的{rate}%”，{problem}",
      "the completion rate names {named} but {problem_en}", scope=DOCUMENT)
def check(doc, ctx):
    """完成率写明的基数与所列金额不符.

    决算说明逐项写出年初预算、全年预算（调整后预算）和支出决算，并写“完成年初预算的 x%”或
    “完成全年预算数的 x%”。完成率必须是支出决算除以它所写的那个基数：用全年预算算出的比例写成
    “完成年初预算的”，读者就会误以为年初预算执行得很好；年初预算为 0 时谈不上完成年初预算。
    The completion rate must be the 决算 over the base it names.

    Bad:
        年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%

    Good:
        全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%
    """
    dis = disclosure(doc)
    if dis is None or dis.phase != "final":
        return
    for passage in passages(dis, "explanations"):
        for m in _RATE.finditer(passage.text):
            found = _amounts(passage.text, m.start())
            final = found.get("final")
            if final is None:
                continue
            named = "initial" if m.group("base") == "年初预算" else "full"
            rate = m.group("r")
            if _fits(rate, final, found.get(named)):
                continue
            if m.group("base") not in _NAMES.values() and _fits(rate, final, found.get("initial")):
                continue  # 完成预算的: either budget will do
            problem = _problem(named, rate, final, found)
            if problem is None:
                continue
            yield hit(passage.where(doc.file, m.start()), expected=problem[1], actual=m.group(0),
                      named=m.group("base"), rate=rate, problem=problem[0], problem_en=problem[1])


def _problem(named: str, rate: str, final: str, found: dict) -> tuple[str, str] | None:
    other = "full" if named == "initial" else "initial"
    base = found.get(named)
    why = ""
    if base is not None and number(base) == 0:
        why = f"但{_NAMES[named]}为 {base} 万元，无从完成"
    if _fits(rate, final, found.get(other)):
        head = why + "；" if why else ""
        return (f"{head}{rate}% 是支出决算 {final} 万元占{_NAMES[other]} {found[other]} 万元的比例，基数写错",
                f"the rate is of {other}")
    if why:
        return why, f"{named} is 0"
    if base is None:
        return None
    lo, hi = percent_range(number(final), step(final), number(base), step(base))
    return (f"按支出决算 {final} 万元 ÷ {_NAMES[named]} {base} 万元应为 {((lo + hi) / 2):.2f}%",
            "the rate does not follow from the amounts")
