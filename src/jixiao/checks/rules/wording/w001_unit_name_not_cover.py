import re

from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import part_label

# Where a region's name ends inside a department's name (上海市|普陀区|规划和自然资源局).
_REGION_END = re.compile(r"(?:省|自治区|市|区|县|旗)(?:委)?")
_MIN_CORE = 3


def name_parts(name: str) -> tuple[str, list[str]]:
    """(the name after its regions, the shorter region prefixes that name a higher body)."""
    ends = [m.end() for m in _REGION_END.finditer(name) if m.end() < len(name) - 1]
    if not ends:
        return name, []
    core = name[ends[-1]:]
    return core, [name[:e] for e in ends[:-1]]


def other_names(text: str, name: str) -> list[tuple[int, str]]:
    """(offset, name) of each place the text names the same body under a higher region's name."""
    core, higher = name_parts(name)
    if len(core) < _MIN_CORE or not higher:
        return []
    out = []
    for m in re.finditer(re.escape(core), text):
        before = text[:m.start()]
        if before.endswith(name[: len(name) - len(core)]):
            continue
        for prefix in higher:
            if before.endswith(prefix):
                out.append((m.start() - len(prefix), prefix + core))
                break
    return out


@rule("W001", "unit-name-not-cover", "error",
      "{part}写“{found}”，与封面的“{cover}”不同",
      "the document names {found} where the cover says {cover}", scope=DOCUMENT)
def check(doc, ctx):
    """正文或表头中的单位名称与封面不同.

    公开的预算、决算以封面上的部门名称为准；表头或正文把部门写成上级机关的名称（少了区县一级），
    读者会以为这些表属于另一个部门，常见于套用上级或别的区县的模板。
    The department's name must be written as on the cover, never as the higher level's bureau.

    Bad:
        封面：上海市普陀区规划和自然资源局 ｜ 表头：上海市规划和自然资源局 2024 年度部门决算表

    Good:
        封面：上海市普陀区规划和自然资源局 ｜ 表头：上海市普陀区规划和自然资源局 2024 年度部门决算表
    """
    dis = disclosure(doc)
    if dis is None or not dis.cover_name:
        return
    for p in dis.paragraphs:
        if p.part == "cover":
            continue
        for offset, found in other_names(p.text, dis.cover_name):
            yield hit(p.where(doc.file, offset), expected=dis.cover_name, actual=found,
                      part=part_label(p.part) + f"第{p.where(doc.file, offset).page}页", found=found,
                      cover=dis.cover_name)
