from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.source import SourceRef

# The fund a table is about, as its note would name it.
_FUNDS = {"government_fund": "政府性基金", "state_capital": "国有资本经营"}


@rule("D003", "empty-note-not-fitting", "warning",
      "“{table}”下注明“{note}”，但{problem}",
      "the empty-table note under {table} does not fit it", scope=DOCUMENT)
def check(doc, ctx):
    """空表说明与表不符.

    表下写“本表为空表”的，表里就不应有数字；说明所说的资金（政府性基金、国有资本经营）也应是
    这张表的资金。表里印着数字却说是空表，或在国有资本经营预算表下写“无政府性基金预算”，
    多半是从别的表复制的说明。
    The note saying a table is empty must fit the table.

    Bad:
        国有资本经营预算支出功能分类预算表 ｜ 注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。

    Good:
        国有资本经营预算支出功能分类预算表 ｜ 注：本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for t in dis.tables:
        note = t.empty_note or ""
        if not note or "格式" in note:
            continue  # the template's own instruction (仍保留该表格式), not a note about the data
        problem = None
        if t.amounts > 0 and ("空表" in note or "无数据" in note):
            problem = f"表中印有 {t.amounts} 个数字"
        own = _FUNDS.get(t.key)
        others = [name for key, name in _FUNDS.items() if key != t.key and name in note]
        if own is not None and own not in note and others:
            problem = f"这是{own}的表，说明写的却是{others[0]}"
        if problem:
            yield hit(SourceRef(doc.file, page=t.last_page or t.first_page, box=t.box), expected="与本表相符的说明",
                      actual=note, table=t.title, note=note, problem=problem)
