from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.source import SourceRef


@rule("D002", "empty-table-not-stated", "warning",
      "“{table}”（第{page}页）没有一个数字，也没有注明为空表",
      "the table {table} prints no figure and no note that it is empty", scope=DOCUMENT)
def check(doc, ctx):
    """空表没有注明.

    没有某类收支的部门仍要印出该表，并在表下注明“本表为空表”“本表无数据”及原因；
    一张没有数字又没有说明的表，读者无法分辨是确实没有收支，还是漏填了。
    An empty table must say that it is empty.

    Bad:
        政府性基金预算财政拨款收入支出决算表（表内无数字，表下无说明）

    Good:
        政府性基金预算财政拨款收入支出决算表 ｜ 说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for t in dis.tables:
        if t.amounts == 0 and not t.empty_note:
            yield hit(SourceRef(doc.file, page=t.first_page, box=t.box), expected="注明本表为空表",
                      actual="未注明", table=t.title, page=t.first_page)
