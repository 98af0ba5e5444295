"""Unit names as the narrative writes them (市人社局本级, 市考试院) → the names the tables use."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from jixiao.domain.budget import is_special_fund

from .budget_cells import plain

_ALIAS = re.compile(r"([^，。；：、\s（(]{2,40})[（(]以下简称[“\"']?([^”\"'）)]{1,20})[”\"']?[）)]")
_MARK_START = frozenset("(（一二三四五六七八九十")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])")


def aliases_in(text: str) -> dict[str, str]:
    """``深圳市人力资源和社会保障局（以下简称“市人社局”）`` → {"市人社局": "深圳市人力资源和社会保障局"}."""
    if "以下简称" not in text:  # the words every alias is introduced by
        return {}
    return {plain(m.group(2)): plain(m.group(1)) for m in _ALIAS.finditer(text)}


def strip_list_mark(text: str) -> str:
    """``1. 人力资源市场管理`` / ``(一) 人员支出`` / ``四、市考试院`` without the numbering."""
    return unmark_plain(plain(text))


def unmark_plain(t: str) -> str:
    """``strip_list_mark`` of a text that is ``plain`` already."""
    if t[:1] in _MARK_START or t[:1].isdecimal():  # else no numbering to remove
        t = _LIST_MARK.sub("", t)
    return t.strip()


class UnitLinker:
    """Finds the table name of a unit from a short or abbreviated name."""

    def __init__(self, units: list[str], department: str | None, aliases: dict[str, str]):
        self.units = [u for u in units if not is_special_fund(u)]
        if department and department not in self.units:
            self.units.append(department)
        self.plain = {plain(u): u for u in self.units}
        self.aliases = sorted(aliases.items(), key=lambda kv: -len(kv[0]))

    def expand(self, name: str) -> str:
        """The name with its abbreviations written out."""
        t = strip_list_mark(name)
        for short, full in self.aliases:
            if short in t and full not in t:
                t = t.replace(short, full)
        return t

    def link(self, name: str | None) -> str | None:
        """The unit ``name`` stands for, or None when no unit fits well."""
        if not name:
            return None
        for candidate in dict.fromkeys((self.expand(name), strip_list_mark(name))):
            if len(candidate) < 4:
                continue
            if candidate in self.plain:
                return self.plain[candidate]
            inside = [u for p, u in self.plain.items() if candidate in p]
            if inside:
                return min(inside, key=len)
        best = process.extractOne(self.expand(name), list(self.plain), scorer=fuzz.ratio, score_cutoff=80)
        return self.plain[best[0]] if best else None
