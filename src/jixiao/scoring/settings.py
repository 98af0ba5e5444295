"""Scoring settings: every choice the method leaves open, named, with the national default.

Provincial variants (execution weight 20, deviation penalty, total capped by the execution rate)
are off by default. A TOML file (``jixiao score --settings FILE``) may change any of them; an
unknown key is refused with a Chinese message, never ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from pathlib import Path

from .files import read_parsed

D = Decimal


class SettingsError(ValueError):
    """A settings file that cannot be used; the message is for the user, in Chinese."""


@dataclass(frozen=True, slots=True)
class ScoringSettings:
    """All scoring settings; the defaults are the national method (财预〔2020〕10号)."""

    name: str = "national"
    execution_weight: Decimal = D(10)
    output_weight: Decimal = D(50)
    outcome_weight: Decimal = D(30)
    satisfaction_weight: Decimal = D(10)
    le_formula: str = "linear"  # ≤ targets: "linear" (1 − overshoot) or "ratio" (target ÷ actual)
    review_over_ratio: Decimal = D("1.5")  # actual ≥ 1.5 × target → "target may be too low"
    band_done: Decimal = D("1.00")
    band_mostly_done: Decimal = D("0.70")
    band_partly_done: Decimal = D("0.70")
    band_not_done: Decimal = D("0.30")
    descriptive_completion: str = "read"  # text without 完成 words: "read" its shortfall words, or "mostly_done"
    missing_completion: str = "project_status"  # no completion text: "project_status" or "mostly_done"
    reason_below_rate: Decimal | None = D(90)  # a rate below this needs a written reason; None = off
    deviation_penalty: bool = False
    deviation_over: Decimal = D("0.30")
    deviation_points: Decimal = D(2)
    cap_by_execution_rate: bool = False
    rate_caps: tuple[tuple[Decimal, Decimal], ...] = (
        (D(80), D(89)), (D(70), D(79)), (D(60), D(69)), (D(50), D(59)))
    grade_excellent: Decimal = D(90)
    grade_good: Decimal = D(80)
    grade_pass: Decimal = D(60)
    monitoring_red_below: Decimal = D(60)
    monitoring_green_from: Decimal = D(80)
    monitoring_month: int = 7

    def level_weights(self) -> dict[str, Decimal]:
        """Level-1 group → points, in form order."""
        return {"output": self.output_weight, "outcome": self.outcome_weight,
                "satisfaction": self.satisfaction_weight}

    def band_points(self) -> dict[str, Decimal]:
        """Completion status → share of the weight."""
        return {"done": self.band_done, "mostly_done": self.band_mostly_done,
                "partly_done": self.band_partly_done, "not_done": self.band_not_done}

    def to_dict(self) -> dict:
        """JSON-ready copy (decimal strings), stored with every score."""
        return _jsonable(asdict(self))


NATIONAL = ScoringSettings()


# The names of the built-in settings as an official reads them (a settings file keeps its own name).
SETTINGS_LABELS = {"national": "全国办法（财预〔2020〕10号）", "provincial": "省级办法"}


def settings_label(name: str) -> str:
    """The settings as an explanation names them: a built-in one by its Chinese name, a file by its own."""
    return SETTINGS_LABELS.get(name, name)


# The settings an explanation cites, by what they do (the keys stay in the settings file).
SETTING_WORDS = {
    "review_over_ratio": "“目标可能偏低”的提示倍数",
    "descriptive_completion=read": "完成情况只有描述时按文字判断",
    "descriptive_completion=mostly_done": "完成情况只有描述时按基本完成计",
    "missing_completion=project_status": "指标未填完成情况时按项目整体完成情况计",
    "deviation_penalty": "偏差扣分",
    "le_formula=ratio": "≤ 类指标超出上限时按 目标÷实际 计分",
    "le_formula=linear": "≤ 类指标超出上限时按超出比例扣减",
    "cap_by_execution_rate": "按执行率封顶总分",
    "monitoring": "运行监控红黄绿灯阈值",
    "qualitative.done": "定性指标“完成”的得分比例",
    "qualitative.mostly_done": "定性指标“基本完成”的得分比例",
    "qualitative.partly_done": "定性指标“部分完成”的得分比例",
    "qualitative.not_done": "定性指标“未完成”的得分比例",
}


def setting_words(key: str) -> str:
    """A setting an explanation cites, in words (``le_formula=linear`` → ≤ 类指标超出上限时按超出比例扣减)."""
    return SETTING_WORDS.get(key, key)


def _jsonable(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


# TOML layout: section → key → (field, kind, 中文说明). The documentation table is built from this.
SCHEMA: dict[str, dict[str, tuple[str, str, str]]] = {
    "": {"name": ("name", "str", "设置名称，随评分结果保存")},
    "weights": {
        "execution": ("execution_weight", "dec", "预算执行率权重（全国 10，部分省份 20）"),
        "output": ("output_weight", "dec", "产出指标权重"),
        "outcome": ("outcome_weight", "dec", "效益指标权重"),
        "satisfaction": ("satisfaction_weight", "dec", "满意度指标权重"),
    },
    "indicators": {
        "le_formula": ("le_formula", "str", "≤ 类指标公式：linear（1−超出比例）或 ratio（目标÷实际）"),
        "review_over_ratio": ("review_over_ratio", "dec", "实际值达到目标值的该倍数时提示“目标可能偏低”"),
        "descriptive_completion": ("descriptive_completion", "str",
                                   "完成情况只有描述、没有“完成”等字样时：read（无偏差字样视为达成，有则部分达成）或 mostly_done"),
        "missing_completion": ("missing_completion", "str",
                               "指标没有填写完成情况时：project_status（按项目整体完成情况）或 mostly_done"),
    },
    "qualitative": {
        "done": ("band_done", "dec", "完成：达成年度指标档（0.8–1.0）内的得分比例"),
        "mostly_done": ("band_mostly_done", "dec", "基本完成：部分达成档（0.6–0.8）内的得分比例"),
        "partly_done": ("band_partly_done", "dec", "部分完成：部分达成档（0.6–0.8）内的得分比例"),
        "not_done": ("band_not_done", "dec", "未完成：未达成档（0–0.6）内的得分比例"),
    },
    "execution": {
        "reason_below_rate": ("reason_below_rate", "dec?", "执行率低于该值须书面说明原因；false 关闭"),
    },
    "provincial": {
        "execution_weight_20": ("", "variant", "执行率权重 20，产出指标 40（覆盖 [weights] 的默认值）"),
        "deviation_penalty": ("deviation_penalty", "bool", "实际值超过目标值 30% 以上视为偏差，扣 2 分"),
        "deviation_over": ("deviation_over", "dec", "偏差比例（默认 0.30）"),
        "deviation_points": ("deviation_points", "dec", "偏差扣分（默认 2）"),
        "cap_by_execution_rate": ("cap_by_execution_rate", "bool", "按执行率封顶总分（<80%→89，<70%→79，<60%→69，<50%→59）"),
    },
    "grades": {
        "excellent": ("grade_excellent", "dec", "优的最低分（90）"),
        "good": ("grade_good", "dec", "良的最低分（80）"),
        "pass": ("grade_pass", "dec", "中的最低分（60）"),
    },
    "monitoring": {
        "red_below": ("monitoring_red_below", "dec", "进度比低于该百分比为红灯（60）"),
        "green_from": ("monitoring_green_from", "dec", "进度比达到该百分比为绿灯（80）"),
        "month": ("monitoring_month", "int", "监控截止月份（默认 7 月）"),
    },
}


def _convert(value, kind: str, where: str):
    try:
        if kind == "dec":
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise TypeError
            return D(str(value))
        if kind == "dec?":
            return None if value is False else _convert(value, "dec", where)
        if kind == "bool" and isinstance(value, bool):
            return value
        if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind == "str" and isinstance(value, str):
            return value
    except (TypeError, ArithmeticError, ValueError):
        pass
    raise SettingsError(f"设置项 {where} 的值 {value!r} 类型不对")


def from_mapping(data: dict, base: ScoringSettings = NATIONAL) -> ScoringSettings:
    """Settings from a parsed TOML mapping; unknown sections or keys raise SettingsError."""
    changes: dict = {}
    for section, body in data.items():
        if section in SCHEMA[""]:
            changes.update(_apply("", {section: body}))
            continue
        if section not in SCHEMA or not isinstance(body, dict):
            known = "、".join(f"[{s}]" for s in SCHEMA if s)
            raise SettingsError(f"未知的设置节 [{section}]，可用：{known}")
        changes.update(_apply(section, body))
    if changes.pop("_execution_weight_20", False):
        changes = {"execution_weight": D(20), "output_weight": D(40)} | changes
    settings = replace(base, **changes)
    validate(settings)
    return settings


def _apply(section: str, body: dict) -> dict:
    out = {}
    for key, value in body.items():
        spec = SCHEMA[section].get(key)
        where = f"[{section}] {key}" if section else key
        if spec is None:
            known = "、".join(SCHEMA[section])
            raise SettingsError(f"未知的设置项 {where}，该节可用：{known}")
        fld, kind, _ = spec
        if kind == "variant":
            out["_execution_weight_20"] = _convert(value, "bool", where)
        else:
            out[fld] = _convert(value, kind, where)
    return out


def validate(s: ScoringSettings) -> None:
    """Refuse settings that break the method (weights not 100, band points outside their band)."""
    total = s.execution_weight + sum(s.level_weights().values())
    if total != 100:
        raise SettingsError(
            f"执行率权重 {s.execution_weight} 与一级指标权重 {s.output_weight}+{s.outcome_weight}+"
            f"{s.satisfaction_weight} 之和为 {total}，应为 100")
    if any(w < 0 for w in (s.execution_weight, *s.level_weights().values())):
        raise SettingsError("权重不能为负数")
    bands = {"done": (D("0.8"), D(1)), "mostly_done": (D("0.6"), D("0.8")),
             "partly_done": (D("0.6"), D("0.8")), "not_done": (D(0), D("0.6"))}
    for status, (low, high) in bands.items():
        p = s.band_points()[status]
        if not (low <= p <= high) or (p == high and status != "done"):
            raise SettingsError(f"[qualitative] {status} = {p} 不在该档的范围 {low}–{high} 内")
    if s.le_formula not in ("linear", "ratio"):
        raise SettingsError(f"[indicators] le_formula 只能是 linear 或 ratio，而不是 {s.le_formula!r}")
    if s.descriptive_completion not in ("read", "mostly_done"):
        raise SettingsError("[indicators] descriptive_completion 只能是 read 或 mostly_done")
    if s.missing_completion not in ("project_status", "mostly_done"):
        raise SettingsError("[indicators] missing_completion 只能是 project_status 或 mostly_done")
    if not (s.grade_excellent > s.grade_good > s.grade_pass >= 0):
        raise SettingsError("等级分数线应为 优 > 良 > 中 ≥ 0")
    if not (1 <= s.monitoring_month <= 12) or s.monitoring_red_below > s.monitoring_green_from:
        raise SettingsError("[monitoring] 月份应为 1–12，且红灯线不高于绿灯线")


def load(path: str | Path | None) -> ScoringSettings:
    """Settings from a TOML file, or the national defaults when no file is given."""
    if path is None:
        return NATIONAL
    p = Path(path)
    data = read_parsed(p, tomllib.loads, (tomllib.TOMLDecodeError,), SettingsError, "设置文件", "TOML")
    settings = from_mapping(data)
    return settings if "name" in data else replace(settings, name=p.stem)
