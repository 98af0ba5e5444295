from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import not_done_clause, short, status_word
from jixiao.domain.model import Status


def _texts(p):
    yield p.status_text, p.source
    for ind in p.indicators:
        if ind.actual is not None:
            yield ind.actual.text, ind.source
        yield ind.deviation_reason, ind.source
    yield p.problems, p.source


@rule("S002", "done-but-part-not-done", "warning",
      "自报“{status}”，但文中写明有部分工作未做：“{clause}”",
      "reported done ({status}) but the text says part was not done: {clause}")
def check(p, doc, ctx):
    """自报完成而文字说有部分未完成.

    “绩效目标整体完成情况”写“完成”，而某个指标的完成情况或“存在的问题”却写着“未开展”“只完成了”
    “无法采购”等：自评结论与文字相矛盾，应改为“基本完成”或“部分完成”，并按实际完成值评分。
    A 完成 that the document's own completion texts contradict.

    Bad:
        整体完成情况：完成 ｜ 时效指标完成情况：受疫情影响，只完成了一期培训。

    Good:
        整体完成情况：基本完成 ｜ 时效指标完成情况：受疫情影响，只完成了一期培训。
    """
    if p.status != Status.DONE:
        return ()
    for text, source in _texts(p):
        clause = not_done_clause(text)
        if clause:
            return (hit(source, expected="完成情况与自评结论一致", actual=short(clause, 60),
                        status=status_word(p), clause=short(clause, 60)),)
    return ()
