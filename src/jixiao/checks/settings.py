"""Checker settings, as a linter has them: switch rules off, re-grade them, tune thresholds.

Read from the ``[checks]`` table of a TOML file (other tables belong to other parts and are left
alone); every key inside ``[checks]`` must be known, so a typo is an error, never silently ignored::

    [checks]
    disable = ["I004", "template"]   # rule codes or family names
    low_rate = 90                     # execution rate (%) below which a reason is expected

    [checks.severity]
    T001 = "error"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .finding import Severity
from .registry import FAMILIES, load_builtin_rules

# name → (default, help); the documentation and the validation both read this one list.
OPTIONS: dict[str, tuple[object, str]] = {
    "disable": ([], "关闭的规则编号或规则家族名"),
    "severity": ({}, "按规则编号改定严重程度 error/warning/info"),
    "low_rate": (90, "执行率低于此值（%）须说明原因"),
    "fuzzy_threshold": (90, "跨文档匹配项目名称的相似度下限 0–100"),
}


class SettingsError(ValueError):
    """A settings file that cannot be used; the message names the key and what was expected."""


@dataclass(frozen=True)
class CheckSettings:
    """Effective settings of one checker run."""

    disabled: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    low_rate: Decimal = Decimal(90)
    fuzzy_threshold: int = 90

    def enabled(self, rule) -> bool:
        """False when the rule's code or family is switched off."""
        return rule.code not in self.disabled and rule.family not in self.disabled

    def severity_of(self, rule) -> str:
        """The rule's severity after re-grading."""
        return self.severity.get(rule.code, rule.severity)


def _families() -> set[str]:
    return {name for name, _ in FAMILIES.values()}


def _check_disable(value, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{where}.disable 应为字符串列表")
    registry, out = load_builtin_rules(), set()
    for v in value:
        key = v.upper() if v.upper() in registry else v
        if key not in registry and key not in _families():
            raise SettingsError(f"{where}.disable: 未知的规则或家族 “{v}”")
        out.add(key)
    return frozenset(out)


def _check_severity(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise SettingsError(f"{where}.severity 应为表，如 T001 = \"error\"")
    registry, out = load_builtin_rules(), {}
    allowed = [s.value for s in Severity]
    for code, sev in value.items():
        if code.upper() not in registry:
            raise SettingsError(f"{where}.severity: 未知的规则编号 “{code}”")
        if sev not in allowed:
            raise SettingsError(f"{where}.severity.{code}: “{sev}” 应为 {'/'.join(allowed)}")
        out[code.upper()] = sev
    return out


def _check_number(value, where: str, name: str, low: int, high: int):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise SettingsError(f"{where}.{name} 应为 {low}–{high} 之间的数")
    return value


def settings_from_dict(data: dict, where: str = "checks") -> CheckSettings:
    """Validate a ``[checks]`` table; unknown keys are rejected with the list of known ones."""
    unknown = sorted(set(data) - set(OPTIONS))
    if unknown:
        raise SettingsError(f"未知的设置项 {where}.{unknown[0]}（可用：{', '.join(OPTIONS)}）")
    return CheckSettings(
        disabled=_check_disable(data.get("disable", []), where),
        severity=_check_severity(data.get("severity", {}), where),
        low_rate=Decimal(str(_check_number(data.get("low_rate", 90), where, "low_rate", 0, 100))),
        fuzzy_threshold=int(_check_number(data.get("fuzzy_threshold", 90), where, "fuzzy_threshold", 50, 100)),
    )


def load_settings(path: str | Path | None) -> CheckSettings:
    """Settings from a TOML file's ``[checks]`` table; the defaults when ``path`` is None."""
    if path is None:
        return CheckSettings()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"无法读取设置文件 {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"设置文件 {path} 不是有效的 TOML: {exc}") from None
    checks = data.get("checks", {})
    if not isinstance(checks, dict):
        raise SettingsError(f"{path}: [checks] 应为表")
    return settings_from_dict(checks, f"{path.name}: checks")
