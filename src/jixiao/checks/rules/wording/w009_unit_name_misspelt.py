from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import part_label

_MIN = 6  # names shorter than this are too short to tell a slip from another word
_SAME_ENDS = 2  # characters that must agree at each end


def near_misses(text: str, name: str) -> list[tuple[int, str]]:
    """(offset, spelling) of each run of the text that is the name with one character changed."""
    n, out = len(name), []
    if n < _MIN:
        return out
    head, tail = name[:_SAME_ENDS], name[-_SAME_ENDS:]
    start = text.find(head)
    while start != -1:
        piece = text[start:start + n]
        if len(piece) == n and piece != name and piece.endswith(tail) \
                and sum(a != b for a, b in zip(piece, name)) == 1:
            out.append((start, piece))
        start = text.find(head, start + 1)
    return out


@rule("W009", "unit-name-misspelt", "warning",
      "{part}把部门名称写成“{found}”，封面为“{cover}”",
      "the department's name is spelt {found}, the cover says {cover}", scope=DOCUMENT)
def check(doc, ctx):
    """部门名称写错一个字.

    部门名称应与封面一字不差；“规划与自然资源局”和“规划和自然资源局”这类一字之差，读者未必分得出是
    笔误还是另一个机构，检索和统计时也会把同一部门当成两个。
    The department's name differs from the cover by one character.

    Bad:
        封面：上海市普陀区规划和自然资源局 ｜ 正文：上海市普陀区规划与自然资源局

    Good:
        封面：上海市普陀区规划和自然资源局 ｜ 正文：上海市普陀区规划和自然资源局
    """
    dis = disclosure(doc)
    if dis is None or not dis.cover_name:
        return
    seen = set()
    for p in dis.paragraphs:
        if p.part == "cover":
            continue
        for offset, found in near_misses(p.text, dis.cover_name):
            where = p.where(doc.file, offset)
            if (found, where.page) in seen:
                continue
            seen.add((found, where.page))
            yield hit(where, expected=dis.cover_name, actual=found, part=part_label(p.part) + f"第{where.page}页",
                      found=found, cover=dis.cover_name)
