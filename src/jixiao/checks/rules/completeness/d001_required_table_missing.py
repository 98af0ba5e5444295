from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import required_tables
from jixiao.domain.source import SourceRef
from jixiao.domain.vocabulary import vocabulary


@rule("D001", "required-table-missing", "warning",
      "{phase}公开缺少“{table}”",
      "the {phase_en} disclosure lacks the table {table}", scope=DOCUMENT)
def check(doc, ctx):
    """公开的预算或决算缺少规定的表格.

    部门预算公开、部门决算公开按财政部规定的格式印出一组表格（决算九张：收入支出决算总表、收入决算表、
    支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、基本支出决算表、“三公”经费
    支出决算表、政府性基金和国有资本经营预算财政拨款收入支出决算表）；没有数据的表也要印出并注明为空表。
    表格按标准名称识别，不论其印出的标题怎样写；各阶段应有的表写在 ``disclosure.toml`` 中。
    A table the disclosure of its phase must print is missing.

    Bad:
        2024 年度部门决算：八张表，没有“国有资本经营预算财政拨款收入支出决算表”

    Good:
        2024 年度部门决算：九张表，国有资本经营预算财政拨款收入支出决算表注明“本表无数据”
    """
    dis = disclosure(doc)
    if dis is None or len(dis.tables) < 3:
        return
    have = {t.key for t in dis.tables}
    phase = "决算" if dis.phase == "final" else "预算"
    first = min((t.first_page for t in dis.tables if t.first_page), default=None)
    for key in required_tables(dis.phase):
        if key not in have:
            yield hit(SourceRef(doc.file, page=first), expected=vocabulary().first("printed_tables", key),
                      actual="未印出", phase=phase, phase_en=dis.phase, table=vocabulary().first("printed_tables", key))
