"""The rule registry: every rule by its stable code; a second rule with the same code is refused."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

# Code letter → (family name in code, Chinese name); the letter is the first character of a code.
FAMILIES = {
    "M": ("money", "金额"),
    "R": ("rates", "执行率"),
    "B": ("basis", "测算依据"),
    "U": ("units", "金额单位"),
    "S": ("status", "完成情况"),
    "I": ("indicators", "绩效指标"),
    "X": ("cross_document", "跨文档"),
    "T": ("template", "模板"),
    "A": ("audit", "评分复核"),
    "N": ("reading", "读取"),
    "C": ("counts", "数量"),
    "D": ("completeness", "公开完整性"),
    "E": ("identities", "勾稽关系"),
    "P": ("explanations", "说明与表"),
    "W": ("wording", "文字表述"),
}


class DuplicateRuleCode(ValueError):
    """Two rules claim one code: codes are stable identifiers, so this is a programming error."""


class Registry:
    """Rules by code, iterated in code order."""

    def __init__(self) -> None:
        self._rules: dict = {}

    def register(self, rule) -> None:
        """Add a rule; refuse a code already taken (by another rule, or by this one twice)."""
        if rule.code in self._rules:
            raise DuplicateRuleCode(f"规则编号重复: {rule.code}")
        self._rules[rule.code] = rule

    def get(self, code: str):
        """The rule with this code, or None."""
        return self._rules.get(code.upper())

    def __iter__(self) -> Iterator:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: str) -> bool:
        return code.upper() in self._rules


REGISTRY = Registry()
_LOADED = False


def load_builtin_rules() -> Registry:
    """Import every module under ``jixiao.checks.rules`` once, so each rule registers itself."""
    global _LOADED
    if not _LOADED:
        from . import rules as package

        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
        _LOADED = True
    return REGISTRY


def all_rules() -> list:
    """Every built-in rule in code order."""
    return list(load_builtin_rules())
