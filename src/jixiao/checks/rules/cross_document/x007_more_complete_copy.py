from collections import defaultdict

from jixiao.checks.copies import shared_comparisons
from jixiao.checks.matching import related
from jixiao.checks.rule import CORPUS, hit, rule


@rule("X007", "more-complete-copy", "info",
      "《{other}》是更完整的副本：同样的 {n} 个项目中，本文档有 {mine} 个单元格被截断（{fields}），对方 {theirs} 个",
      "{other} is the more complete copy: {mine} cells cut short here, {theirs} there", scope=CORPUS)
def check(ctx):
    """哪一份文档是更完整的副本.

    两份文档描述同一批项目时，被截断单元格少的一份更完整，复核和评分应以它为准。本规则在较不完整的
    文档上说明：对方更完整，本文档被截断了几个格子、是哪些栏目。
    Of two copies of the same projects, the one with fewer cut cells is the one to trust.

    Bad:
        （提示）《001…》是更完整的副本：同样的 9 个项目中，本文档有 6 个单元格被截断（存在的问题 5 个……）

    Good:
        两份文档都没有被截断的单元格（不报告）
    """
    groups = defaultdict(list)
    for c in shared_comparisons(ctx):
        groups[(id(c.match.doc_a), id(c.match.doc_b))].append(c)
    for group in groups.values():
        m = group[0].match
        cut_a = [cell for c in group for cell in c.cut_a]
        cut_b = [cell for c in group for cell in c.cut_b]
        if len(cut_a) == len(cut_b):
            continue
        (doc, cells, other, n_other) = (m.doc_a, cut_a, m.doc_b, len(cut_b)) if len(cut_a) > len(cut_b) \
            else (m.doc_b, cut_b, m.doc_a, len(cut_a))
        yield hit(doc.source, document=doc, expected=f"{other.file} 更完整", actual=f"{len(cells)} 个单元格被截断",
                  other=other.file, n=len(group), mine=len(cells), theirs=n_other, fields=_fields(cells),
                  related=related(other))


def _fields(cells) -> str:
    counts = defaultdict(int)
    for cell in cells:
        counts[cell.field] += 1
    return "，".join(f"{f} {n} 个" for f, n in counts.items())
