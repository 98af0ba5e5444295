import re

from jixiao.checks.disclosure_view import disclosure, number, passages, step
from jixiao.checks.rule import DOCUMENT, hit, rule

_N = r"\d[\d,]*(?:\.\d+)?"
_GROWTH = re.compile(rf"为(?P<a>{_N})万元[，,][^，。；]{{0,24}}?(?:安排|为)(?P<b>{_N})万元[，,](?:比|较)[^，。；%]{{0,16}}?"
                     rf"(?P<dir>增加|减少|增长|下降)(?P<p>{_N})%")
_DOWN = ("减少", "下降")


@rule("P005", "growth-not-as-figures", "error",
      "说明写“{words}”，按所列 {base} 万元与 {new} 万元应为{computed}",
      "the stated change {words} does not follow from {base} and {new}", scope=DOCUMENT)
def check(doc, ctx):
    """说明中的增减幅度与同一句所列的两个金额不符.

    预算说明逐项写“2025年当年预算执行数为 A 万元，2026年预算安排 B 万元，比2025年预算执行数增加 p%”；
    p 必须是 (B − A) ÷ A，方向（增加/减少）必须与 B 比 A 大还是小一致。两个金额都只印到 0.01 万元，
    在舍入范围内的差不算不符。
    The change must be (B − A) ÷ A of the two amounts in the same sentence.

    Bad:
        2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%

    Good:
        2025年当年预算执行数为156.34万元，2026年预算安排183.95万元，比2025年预算执行数增加17.66%
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for passage in passages(dis, "explanations"):
        for m in _GROWTH.finditer(passage.text):
            a, b, p = number(m.group("a")), number(m.group("b")), number(m.group("p"))
            if not a or a <= 0:
                continue
            change = (b - a) / a * 100
            slack = (step(m.group("a")) + step(m.group("b"))) / a * 100 + step(m.group("p")) * 2
            said = -p if m.group("dir") in _DOWN else p
            if abs(change - said) <= slack:
                continue
            computed = f"{'增加' if change >= 0 else '减少'} {abs(change):.2f}%"
            yield hit(passage.where(doc.file, m.start("dir")), expected=computed, actual=m.group(0)[m.start("dir") - m.start():],
                      words=m.group("dir") + m.group("p") + "%", base=m.group("a"), new=m.group("b"), computed=computed)
