"""The report's charts as PNG (matplotlib, no screen): execution by unit, grades, score by project.

Chinese labels need a CJK font: Noto Sans CJK (Debian's fonts-noto-cjk) where it is installed. Bars
are sorted, labels kept inside the picture, and every bar carries its figure.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

_FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
GRADES = ("优", "良", "中", "差")
MANY = 40  # more bars than this are unreadable: scores are shown as a histogram


def _font() -> font_manager.FontProperties | None:
    for path in _FONTS:
        if Path(path).exists():
            return font_manager.FontProperties(fname=path)
    return None


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def bars(labels: list[str], values: list[Decimal | None], title: str, unit: str) -> bytes:
    """A horizontal bar chart, largest first, each bar labelled with its value."""
    pairs = sorted(((lab, float(v)) for lab, v in zip(labels, values) if v is not None), key=lambda x: x[1])
    font = _font()
    fig, ax = plt.subplots(figsize=(7, max(1.8, 0.38 * len(pairs) + 1)))
    names = [p[0] if len(p[0]) <= 18 else p[0][:17] + "…" for p in pairs]
    ax.barh(range(len(pairs)), [p[1] for p in pairs], color="#3b6ea8")
    ax.set_yticks(range(len(pairs)), names, fontproperties=font)
    for k, (_, v) in enumerate(pairs):
        ax.text(v, k, f" {v:.2f}{unit}", va="center", fontproperties=font, fontsize=8)
    top = max((p[1] for p in pairs), default=1.0) or 1.0
    ax.set_xlim(0, top * 1.25)
    ax.set_title(title, fontproperties=font)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def grades(counts: dict[str, int], title: str) -> bytes:
    """The number of projects per grade, 优 to 差."""
    font = _font()
    fig, ax = plt.subplots(figsize=(5, 2.6))
    values = [counts.get(g, 0) for g in GRADES]
    ax.bar(GRADES, values, color=["#2e7d32", "#3b6ea8", "#f9a825", "#c62828"])
    ax.set_xticks(range(len(GRADES)), GRADES, fontproperties=font)
    for k, v in enumerate(values):
        ax.text(k, v, f"{v}", ha="center", va="bottom", fontproperties=font)
    ax.set_ylim(0, max(values + [1]) * 1.25)
    ax.set_title(title, fontproperties=font)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def scores(labels: list[str], values: list[Decimal], title: str) -> bytes:
    """Each project's score as a bar; for more than ``MANY`` projects, how many fall in each band of
    five points (60 and below together)."""
    if len(values) <= MANY:
        return bars(labels, values, title, "分")
    bands = ["60以下", *(f"{a}-{a + 5}" for a in range(60, 100, 5))]
    counts = [0] * len(bands)
    for v in values:
        counts[0 if v < 60 else min(len(bands) - 1, 1 + int((v - 60) // 5))] += 1
    font = _font()
    fig, ax = plt.subplots(figsize=(7, 2.8))
    ax.bar(range(len(bands)), counts, color="#3b6ea8")
    ax.set_xticks(range(len(bands)), bands, fontproperties=font)
    for k, v in enumerate(counts):
        ax.text(k, v, f"{v}", ha="center", va="bottom", fontproperties=font, fontsize=8)
    ax.set_ylim(0, max(counts + [1]) * 1.2)
    ax.set_title(f"{title}（各分数段项目数）", fontproperties=font)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


__all__ = ["bars", "grades", "scores"]
