import re

from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.texts import comparable

# Words a title uses for each form kind; a title naming another kind's form does not match.
KIND_WORDS = {
    "self_evaluation_table": ("自评",), "self_evaluation_form": ("自评",),
    "target_declaration": ("申报",), "target_list": ("目标表",), "department_budget": ("部门预算", "预算"),
}
_FORM_TAIL = re.compile(r"(部门)?(预算|决算)?(项目)?(支出)?(绩效)?(自评表|目标申报表|目标表|申报表)?$")
_PAREN = re.compile(r"[（(][^（()）]{0,30}[)）]")
_YEAR = re.compile(r"[（(]?\s*20\d{2}\s*年度?\s*[)）]?")


def _title_org(title: str) -> str:
    """The organisation a title names: the title without its year and form words."""
    t = _PAREN.sub("", _YEAR.sub("", title)).strip()
    return _FORM_TAIL.sub("", t).strip()


@rule("T002", "title-not-matching-content", "warning",
      "标题与内容不符：{detail}",
      "the title does not match the content: {detail_en}", scope=DOCUMENT)
def check(doc, ctx):
    """标题与内容不符.

    标题说明文档是什么（哪一年、哪个部门、哪种表）。标题写的是自评表而内容是申报表，或标题的部门
    与“部门名称”一栏不同，说明套用了别的文档的表头，复核时容易张冠李戴。
    The title must name the form and department the content is about.

    Bad:
        标题：2021年度深圳市龙岗区人力资源局部门预算项目绩效自评表 ｜ 部门名称：深圳市福田区人力资源局

    Good:
        标题：2021年度深圳市龙岗区人力资源局部门预算项目绩效自评表 ｜ 部门名称：深圳市龙岗区人力资源局
    """
    title = doc.title or ""
    if not title or "XX" in title.upper() or "××" in title:
        return
    own = KIND_WORDS.get(doc.kind, ())
    others = {w for k, ws in KIND_WORDS.items() if k != doc.kind for w in ws if w not in own}
    if own and not any(w in title for w in own) and any(w in title for w in others):
        yield hit(doc.source, expected=f"{own[0]}类表格的标题", actual=title,
                  detail=f"标题“{title}”不是{own[0]}类表格", detail_en="the title names another kind of form")
    org, dept = comparable(_title_org(title)), comparable(_PAREN.sub("", doc.department or ""))
    if len(org) >= 4 and dept and org not in dept and dept not in org:
        yield hit(doc.source, expected=doc.department, actual=_title_org(title),
                  detail=f"标题中的“{_title_org(title)}”与部门名称“{doc.department}”不同",
                  detail_en="the title names a different department")
