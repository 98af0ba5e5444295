from jixiao.checks.copies import shared_comparisons
from jixiao.checks.matching import related
from jixiao.checks.rule import CORPUS, hit, rule
from jixiao.checks.texts import short


@rule("X005", "cell-cut-short", "info",
      "“{field}”一格被截断：本文档只有“{cut}”，《{other}》中为“{full}”",
      "the {field} cell is cut short here; {other} has the full text", scope=CORPUS)
def check(ctx):
    """单元格被截断，另一份文档有完整内容.

    从 PDF 提取或在窄格中打印的长文字常被截断，只剩开头几个字（“1.因区里集中”）。同一项目的另一份
    文档里有完整的句子时，复核应以完整的一份为准，本规则指出被截断的格子和完整内容的出处。
    A cell that is only the beginning of the other copy's text was cut short.

    Bad:
        000：存在的问题 “年中追加经费2” ｜ 001：存在的问题 “年中追加经费21万元用于职业技能培训线上服务平台”

    Good:
        两份文档的“存在的问题”内容相同
    """
    for c in shared_comparisons(ctx):
        m = c.match
        for cells, doc, p, other, q in ((c.cut_a, m.doc_a, m.a, m.doc_b, m.b), (c.cut_b, m.doc_b, m.b, m.doc_a, m.a)):
            for cell in cells:
                yield hit(cell.source, project=p, document=doc, expected=short(cell.full, 80),
                          actual=cell.short, field=cell.field, cut=short(cell.short, 30),
                          full=short(cell.full, 50), other=other.file, related=related(other, q))
