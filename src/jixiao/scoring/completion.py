"""Completion words (完成 / 基本完成 / 部分完成 / 未完成 …) → completion status and qualitative band.

A text can report several items (``1、超额完成。2、…未开展。3、完成``): items done next to items not
done make the whole 部分达成. Negative words are matched before the bare 完成 inside them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORDS = {
    "done": ("超额完成", "全部完成", "圆满完成", "顺利完成", "已完成", "完成目标", "完成年度目标",
             "达到预期", "达到了预期", "已达成", "达成目标", "全部达成", "已达到", "完成", "达标", "通过验收", "已实现"),
    "mostly_done": ("基本完成", "基本达成", "基本实现", "基本达到", "大部分完成"),
    "partly_done": ("部分完成", "部分达成", "部分实现", "只完成", "仅完成", "未全部完成", "未完全完成",
                    "尚未全部", "完成部分"),
    "not_done": ("未完成", "没有完成", "未能完成", "无法完成", "未达成", "未达到", "未开展", "未实施",
                 "未启动", "未发放", "未执行", "未举办", "未能开展", "未能举办", "取消", "暂停"),
}
_STATUS_OF = {w: status for status, words in _WORDS.items() for w in words}
_RE = re.compile("|".join(re.escape(w) for w in sorted(_STATUS_OF, key=len, reverse=True)))
NEGATION = re.compile(r"未|没有|无法|取消|暂停|尚未")
# Words of a shortfall in a completion written as a description (``受疫情影响，只开展了…``).
SHORTFALL = re.compile(r"未能|未达|尚未|没有完成|无法|不足|滞后|延迟|推迟|延期|差距|偏低|低于|受疫情影响|因疫情|"
                       r"受.{0,6}影响|有待|仍需|未按")

BAND_LABELS = {
    "done": "达成年度指标（80%–100%档）",
    "mostly_done": "部分达成年度指标并具有一定效果（60%–80%档）",
    "partly_done": "部分达成年度指标并具有一定效果（60%–80%档）",
    "not_done": "未达成年度指标且效果较差（0–60%档）",
}
STATUS_LABELS = {"done": "完成", "mostly_done": "基本完成", "partly_done": "部分完成", "not_done": "未完成"}


@lru_cache(maxsize=65536)
def read_status(text: str | None) -> tuple[str | None, str | None]:
    """(status, words it was read from) for a completion text; (None, None) when it says nothing."""
    if not text:
        return None, None
    found = _RE.findall(text)
    if not found:
        return None, None
    kinds = {_STATUS_OF[w] for w in found}
    words = "、".join(dict.fromkeys(found))
    if kinds == {"done"}:
        return "done", words
    if kinds == {"not_done"}:
        return "not_done", words
    if "partly_done" in kinds or ("done" in kinds and "not_done" in kinds):
        return "partly_done", words
    if "mostly_done" in kinds:
        return "mostly_done", words
    return "partly_done", words


def read_description(text: str | None) -> tuple[str | None, str | None]:
    """A completion written as a description: achieved unless it names a shortfall."""
    if not text or not text.strip():
        return None, None
    m = SHORTFALL.search(text)
    if m:
        return "partly_done", m.group(0)
    return "done", None


def status_from_project(status: str | None, status_text: str | None) -> tuple[str | None, str | None]:
    """The project's overall completion (绩效目标整体完成情况) as a fallback status."""
    if status in STATUS_LABELS:
        return status, status_text or STATUS_LABELS[status]
    return read_status(status_text)
