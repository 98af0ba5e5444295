"""公开质量: a disclosure's score from its findings by family, so a bureau can rank departments.

Each family starts with its weight (points out of 100) and loses points per finding by severity,
never below zero; the weights and the points per finding are settings (``[disclosure_score]`` of
the check settings file), unknown keys refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

# Family → weight; E and M (amounts in and between tables) are the identities.
DEFAULT_WEIGHTS = {"completeness": Decimal(20), "identities": Decimal(30), "explanations": Decimal(30),
                   "wording": Decimal(20)}
FAMILY_OF_LETTER = {"D": "completeness", "E": "identities", "M": "identities", "P": "explanations", "R": "explanations",
                    "W": "wording", "T": "wording"}
FAMILY_LABELS = {"completeness": "完整性", "identities": "勾稽关系", "explanations": "说明与表", "wording": "文字表述"}


@dataclass(frozen=True, slots=True)
class ScoreSettings:
    """Weights of the families and points lost per finding of each severity."""

    weights: dict = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    error: Decimal = Decimal(10)
    warning: Decimal = Decimal(3)
    info: Decimal = Decimal(0)


def score_settings(data: dict | None) -> ScoreSettings:
    """Settings from a TOML table; an unknown key or family is refused in words."""
    data = dict(data or {})
    known = {f.name for f in fields(ScoreSettings)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"公开质量评分设置中有未知的设置项：{'、'.join(sorted(unknown))}")
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in (data.pop("weights", None) or {}).items():
        if key not in weights:
            raise ValueError(f"公开质量评分没有“{key}”这一类")
        weights[key] = Decimal(str(value))
    return ScoreSettings(weights=weights, **{k: Decimal(str(v)) for k, v in data.items()})


@dataclass(slots=True)
class DisclosureScore:
    """The score of one document: total and each family's points."""

    document: str
    total: Decimal
    families: dict[str, Decimal]
    counts: dict[str, int]


def disclosure_score(document: str, findings: list[dict], settings: ScoreSettings | None = None) -> DisclosureScore:
    """Score one document from its findings (``code`` and ``severity`` of each)."""
    s = settings or ScoreSettings()
    lost = {k: Decimal(0) for k in s.weights}
    counts = {k: 0 for k in s.weights}
    for f in findings:
        family = FAMILY_OF_LETTER.get(f["code"][0])
        if family is None or family not in lost:
            continue
        lost[family] += getattr(s, f["severity"], Decimal(0))
        counts[family] += 1
    families = {k: max(Decimal(0), w - lost[k]) for k, w in s.weights.items()}
    return DisclosureScore(document, sum(families.values(), Decimal(0)), families, counts)


def describe(score: DisclosureScore) -> str:
    """One line in Chinese: 公开质量 86 分（完整性 20，勾稽关系 30 …）."""
    parts = "，".join(f"{FAMILY_LABELS[k]} {v.normalize():f}" for k, v in score.families.items())
    return f"公开质量 {score.total.normalize():f} 分（{parts}）"


__all__ = ["DisclosureScore", "ScoreSettings", "describe", "disclosure_score", "score_settings"]
