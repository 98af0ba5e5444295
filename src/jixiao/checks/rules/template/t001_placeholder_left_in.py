import re

from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.checks.texts import short

_PLACEHOLDER = re.compile(r"(?:XX|xx|××|ＸＸ|ｘｘ|\*\*\*)[\u4e00-\u9fff]{0,2}")


def _fields(doc):
    yield "标题", doc.title, doc.source, None
    yield "部门名称", doc.department, doc.source, None
    for p in doc.projects:
        for label, text in (("项目名称", p.name), ("单位名称", p.unit), ("绩效目标", p.goal)):
            yield label, text, p.source, p


@rule("T001", "placeholder-left-in", "warning",
      "{field}中留有模板占位符“{placeholder}”：{text}",
      "a template placeholder {placeholder} was left in the {field_en}", scope=DOCUMENT)
def check(doc, ctx):
    """模板占位符未替换.

    表格模板用“XX部门”“××单位”提示填表人填写；发布的文档里仍留着占位符，说明表头没有填完，
    文档的归属（哪个部门、哪个单位）只能从别处推断。
    A placeholder such as XX部门 means the form's header was never filled in.

    Bad:
        2021年度XX部门预算项目绩效自评表

    Good:
        2021年度深圳市龙岗区职业训练中心部门预算项目绩效自评表
    """
    names = {"标题": "title", "部门名称": "department", "项目名称": "project name",
             "单位名称": "unit name", "绩效目标": "goal"}
    for label, text, source, project in _fields(doc):
        m = _PLACEHOLDER.search(text or "")
        if m:
            yield hit(source, project=project, expected="填写实际名称", actual=short(text, 60),
                      field=label, field_en=names[label], placeholder=m.group(0), text=short(text, 60))
