import re

from jixiao.checks.disclosure_view import disclosure, passages
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import rules_data

_ITEM = re.compile(r"(?P<name>[^（）()、，。]{2,24})[（(]项[)）]")
_PURPOSE = re.compile(r"主要用于[:：]?(?P<p>[^。；]{2,80})")


def _topic(text: str, field: str) -> str | None:
    for t in rules_data().get("topics", []):
        if any(w in text for w in t[field]):
            return t["key"]
    return None


def _topics(text: str) -> set[str]:
    return {t["key"] for t in rules_data().get("topics", []) if any(w in text for w in t["purpose"])}


@rule("W002", "purpose-not-fitting", "warning",
      "“{item}（项）”写“主要用于：{purpose}”，与该科目的用途不符",
      "the stated purpose of {item} does not fit the function item", scope=DOCUMENT)
def check(doc, ctx):
    """科目说明的用途与科目不符.

    决算说明对每个项级科目写“主要用于：……”。住房公积金（项）只能用于住房公积金，行政单位医疗（项）
    只能用于医疗保险；用途写成另一个科目的内容，多半是从上一条复制后没有改。科目与用途的对应
    写在 ``disclosure.toml`` 的 ``[[topics]]`` 中。
    The purpose stated for a 项 must fit it (住房公积金 is not 医疗保险).

    Bad:
        住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：事业单位医疗保险支出。

    Good:
        住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：事业单位住房公积金支出。
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for passage in passages(dis, "explanations"):
        item, purpose = _ITEM.search(passage.text), _PURPOSE.search(passage.text)
        if item is None or purpose is None or purpose.start() < item.end():
            continue
        own = _topic(item.group("name"), "name")
        said = _topics(purpose.group("p"))
        if own is None or not said or own in said:
            continue
        yield hit(passage.where(doc.file, purpose.start()), expected=f"{item.group('name')}的用途",
                  actual=purpose.group("p"), item=item.group("name"), purpose=purpose.group("p"))
