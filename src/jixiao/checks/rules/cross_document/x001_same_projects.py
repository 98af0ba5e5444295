from collections import defaultdict

from jixiao.checks.copies import money_differences
from jixiao.checks.matching import related, shared_matches
from jixiao.checks.rule import CORPUS, hit, rule

HOW = {"code": "项目编码", "name": "单位和名称", "fuzzy": "名称相似"}


def _pairs(ctx):
    groups = defaultdict(list)
    for m in shared_matches(ctx):
        groups[(id(m.doc_a), id(m.doc_b))].append(m)
    return groups.values()


@rule("X001", "same-projects", "info",
      "与《{other}》描述了同样的 {n} 个项目（按{how}匹配{variants}）；金额一致 {agree} 个，不一致 {disagree} 个",
      "describes the same {n} projects as {other} (matched by {how_en}); amounts agree for {agree}, differ for {disagree}",
      scope=CORPUS, options=("fuzzy_threshold",))
def check(ctx):
    """两份文档描述同一批项目.

    同一个项目常出现在几份文档里：部门汇总的自评表和单位自己的自评表，申报表和部门预算的绩效目标表。
    按项目编码匹配；没有编码时按单位加项目名称匹配，忽略繁简体、全半角、空格和标点（修繕 = 修缮），
    名称略有出入时按相似度匹配（设置项 ``fuzzy_threshold``）。本规则说明哪些文档互相对应、金额是否一致，
    具体差异见 X002–X007。
    Which documents describe the same projects, and whether their amounts agree.

    Bad:
        （提示）与《001…》描述了同样的 9 个项目（按单位和名称匹配，含繁简差异：修繕维护/修缮维护）

    Good:
        两份文档没有共同的项目（不报告）
    """
    for group in _pairs(ctx):
        first = group[0]
        hows = sorted({m.how for m in group})
        variants = [f"{m.a.name}/{m.b.name}" for m in group if m.variant]
        note = f"，含繁简差异：{'、'.join(variants)}" if variants else ""
        bad = sum(1 for m in group if money_differences(m, ctx))
        params = dict(n=len(group), how="、".join(HOW[h] for h in hows), how_en="/".join(hows),
                      variants=note, agree=len(group) - bad, disagree=bad)
        for doc, other in ((first.doc_a, first.doc_b), (first.doc_b, first.doc_a)):
            yield hit(doc.source, document=doc, related=related(other), other=other.file,
                      actual=f"{len(group)} 个相同项目", **params)
