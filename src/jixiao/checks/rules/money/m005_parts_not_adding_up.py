from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.statement_sums import list_items, three_public_items
from jixiao.checks.statement_view import figures_of, money, name_of


@rule("M005", "parts-not-adding-up", "error",
      "{name}为 {whole}，所列 {count} 项（{parts}）之和为 {total}，{verdict}",
      "{count} parts add up to {total}, not to the stated total {whole}", scope=DOCUMENT)
def check(doc, ctx):
    """说明中各组成部分与所说的总数不符.

    “三公”经费由因公出国（境）费、公务接待费和公务用车购置及运行维护费组成，公务用车又分为购置费和
    运行维护费：各部分都写出时，其和必须等于总数，只写出一部分时也不能超过总数；增减额也是如此。
    “其中”列出的各项可能不全，但其和不能超过它们所属的总数。超出各数印出位数的舍入范围，说明有一个数
    写错或漏算。
    Stated parts must add up to (or, when not all are given, stay within) their stated total.

    Bad:
        “三公”经费支出决算 62.07万元 ｜ 因公出国 12.02 ＋ 公务用车 27.46 ＋ 公务接待 25.59 = 65.07

    Good:
        “三公”经费支出决算 62.07万元 ｜ 因公出国 12.02 ＋ 公务用车 27.46 ＋ 公务接待 22.59 = 62.07
    """
    figs = figures_of(doc, ctx)
    for item in three_public_items(figs) + list_items(figs):
        w = item.whole
        diff = abs((w.amount or 0) - item.total)
        verdict = f"不相等（相差 {money(diff, w)}）" if item.complete else f"超过了总数（多 {money(diff, w)}）"
        parts = "、".join(f"{name_of(p)} {money(p.amount or 0, p)}" for p in item.parts)
        yield hit(w.source, expected=money(item.total, w), actual=money(w.amount or 0, w), name=name_of(w),
                  whole=money(w.amount or 0, w), count=len(item.parts), parts=parts,
                  total=money(item.total, w), verdict=verdict)
