"""Indicator level names as forms write them → the glossary's codes."""

from __future__ import annotations

from .text import compact

LEVEL1_NAMES = {
    "output": "产出指标",
    "outcome": "效益指标",
    "satisfaction": "满意度指标",
    "cost": "成本指标",
}

LEVEL2_NAMES = {
    "quantity": "数量指标",
    "quality": "质量指标",
    "timeliness": "时效指标",
    "cost": "成本指标",
    "economic": "经济效益指标",
    "social": "社会效益指标",
    "ecological": "生态效益指标",
    "sustainability": "可持续影响指标",
    "service_satisfaction": "服务对象满意度指标",
    "other_satisfaction": "其他满意度指标",
    "economic_cost": "经济成本指标",
    "social_cost": "社会成本指标",
    "ecological_cost": "生态环境成本指标",
}

# The level-1 group each level-2 belongs to (the 2021 layout puts costs under their own group).
LEVEL2_PARENT = {
    "quantity": "output", "quality": "output", "timeliness": "output", "cost": "output",
    "economic": "outcome", "social": "outcome", "ecological": "outcome",
    "sustainability": "outcome",
    "service_satisfaction": "satisfaction", "other_satisfaction": "satisfaction",
    "economic_cost": "cost", "social_cost": "cost", "ecological_cost": "cost",
}

# Order matters: longer, more specific words first.
_LEVEL2_WORDS = [
    ("生态环境成本", "ecological_cost"), ("经济成本", "economic_cost"), ("社会成本", "social_cost"),
    ("服务对象满意", "service_satisfaction"), ("其他满意", "other_satisfaction"),
    ("经济效益", "economic"), ("社会效益", "social"), ("生态效益", "ecological"),
    ("可持续", "sustainability"), ("数量", "quantity"), ("质量", "quality"),
    ("时效", "timeliness"), ("成本", "cost"), ("满意", "service_satisfaction"),
]
_LEVEL1_WORDS = [
    ("产出", "output"), ("效益", "outcome"), ("效果", "outcome"), ("满意", "satisfaction"),
    ("成本", "cost"),
]


def split_required(text: str) -> tuple[str, bool]:
    """``*数量指标`` → (``数量指标``, True): a leading star marks a mandatory category."""
    t = compact(text or "")
    required = t.startswith("*") or t.startswith("＊")
    return t.lstrip("*＊"), required


def level1_code(text: str | None) -> str | None:
    """产出指标 / 产出目标 → ``output``; 效益指标 / 效果目标 → ``outcome`` …; None if unknown."""
    t, _ = split_required(text or "")
    if not t or len(t) > 12:
        return None
    for word, code in _LEVEL1_WORDS:
        if t.startswith(word):
            return code
    return None


def level2_code(text: str | None) -> str | None:
    """数量指标 / 数量 / *数量指标 → ``quantity`` …; None when the text names no category."""
    t, _ = split_required(text or "")
    if not t or len(t) > 14:
        return None
    for word, code in _LEVEL2_WORDS:
        if t.startswith(word):
            return code
    return None


def parent_of(level2: str | None) -> str | None:
    """The level-1 group a level-2 code belongs to."""
    return LEVEL2_PARENT.get(level2 or "")
