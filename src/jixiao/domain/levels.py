"""Indicator level names as forms write them → the glossary's codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# One alternation per list, in the list's order: a regex alternation at the start takes the first
# alternative that matches, exactly as the loop over the words used to.
_LEVEL2_RE = re.compile("|".join(f"({re.escape(w)})" for w, _ in _LEVEL2_WORDS))
_LEVEL2_CODES = [code for _, code in _LEVEL2_WORDS]
_LEVEL1_RE = re.compile("|".join(f"({re.escape(w)})" for w, _ in _LEVEL1_WORDS))
_LEVEL1_CODES = [code for _, code in _LEVEL1_WORDS]


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
    m = _LEVEL1_RE.match(t)
    return _LEVEL1_CODES[m.lastindex - 1] if m and m.lastindex else None


def level2_code(text: str | None) -> str | None:
    """数量指标 / 数量 / *数量指标 → ``quantity`` …; None when the text names no category."""
    t, _ = split_required(text or "")
    if not t or len(t) > 14:
        return None
    m = _LEVEL2_RE.match(t)
    return _LEVEL2_CODES[m.lastindex - 1] if m and m.lastindex else None


def parent_of(level2: str | None) -> str | None:
    """The level-1 group a level-2 code belongs to."""
    return LEVEL2_PARENT.get(level2 or "")


# Cells of an indicator table that name a category rather than an indicator. Forms print the
# level-1 and level-2 labels in merged cells, so a row may carry none, one or both of them.
_LEVEL1_ONLY = frozenset({"产出指标", "产出目标", "产出", "效益指标", "效益目标", "效益", "效果目标",
                          "效果指标", "效果"})
# Level-1 when a level-2 label follows in the same row (2021 layout: 成本指标 | 经济成本指标), else:
_EITHER = {"满意度指标": ("level1", "satisfaction"), "满意度目标": ("level1", "satisfaction"),
           "成本指标": ("level2", "cost"), "成本目标": ("level2", "cost")}
_LEVEL2_BARE = frozenset({"数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益",
                          "可持续影响", "服务对象满意度", "其他满意度", "满意度", "经济成本",
                          "社会成本", "生态环境成本", "生态成本"})


# The first character of every label (after stars and spaces): a cell starting otherwise is a name.
_LABEL_FIRST = frozenset(w[0] for w in (*_LEVEL1_ONLY, *_EITHER, *_LEVEL2_BARE, *(w for w, _ in _LEVEL2_WORDS)))


@dataclass(frozen=True, slots=True)
class LevelLabel:
    """A category label as found in a cell: which level it names, its code, its text."""

    kind: str  # "level1", "level2" or "either"
    code: str
    text: str
    required: bool


@dataclass(slots=True)
class RowLevels:
    """An indicator row split into its category labels and its other cells (index, text)."""

    level1: LevelLabel | None
    level2: LevelLabel | None
    rest: list[tuple[int, str]]


# Labels as written → their LevelLabel. Category labels are a small fixed vocabulary repeated on
# every form (数量指标, *产出指标 …), so each is worked out once; only labels are kept, never the
# other cells, and the table stops growing at a few hundred spellings.
_KNOWN_LABELS: dict[str | None, LevelLabel] = {}
_MAX_KNOWN_LABELS = 512


def level_label(text: str | None) -> LevelLabel | None:
    """``*数量指标`` → a level-2 label; ``产出目标`` → level-1; an indicator name → None."""
    label = _KNOWN_LABELS.get(text)  # most label cells: a spelling known (it passed the tests below)
    if label is not None:
        return label
    if not text or len(text) > 16:  # labels are short; names are not worth normalising here
        return None
    if text.lstrip(" \u3000*＊")[:1] not in _LABEL_FIRST:  # what compact() would start with
        return None
    label = _read_label(text)
    if label is not None and len(_KNOWN_LABELS) < _MAX_KNOWN_LABELS:
        _KNOWN_LABELS[text] = label
    return label


def _read_label(text: str) -> LevelLabel | None:
    t, required = split_required(text)
    if not t or len(t) > 12:
        return None
    if t in _LEVEL1_ONLY:
        return LevelLabel("level1", level1_code(t) or "", t, required)
    if t in _EITHER:
        return LevelLabel("either", t, t, required)
    if t in _LEVEL2_BARE or t.endswith("指标"):
        code = level2_code(t)
        if code:
            return LevelLabel("level2", code, t, required)
    return None


def _resolve_either(label: LevelLabel, level2_follows: bool) -> LevelLabel:
    kind, code = _EITHER[label.text]
    if level2_follows:
        kind, code = "level1", level1_code(label.text) or code
    elif kind == "level2":
        code = level2_code(label.text) or code
    return LevelLabel(kind, code, label.text, label.required)


def split_level_cells(cells: list[str]) -> RowLevels:
    """Separate the category labels of a row (they come before the name) from its other cells."""
    labels: list[LevelLabel] = []
    rest: list[tuple[int, str]] = []
    for i, cell in enumerate(cells):
        if not cell.strip():
            continue
        label = None if rest else level_label(cell)
        if label is None:
            rest.append((i, cell))
        else:
            labels.append(label)
    level1, level2 = resolve_levels(labels) if labels else (None, None)
    return RowLevels(level1, level2, rest)


# What a label cell can start with (spaces and stars before a label's first character): a cheap
# test of a non-empty cell's first character (``cell[0] in LABEL_START``) a reader makes before
# asking ``level_label``, which would answer None otherwise. A string: ``in`` needs no hash of the
# new one-character string, as a set would.
LABEL_START = "".join(sorted(_LABEL_FIRST | frozenset(" \u3000*＊")))


def label_cells(cells: list[str], skip_chars: str = "", skip=None) -> tuple[list[LevelLabel], list[str], int]:
    """(category labels, other cells, column of the first other cell) of a row of stripped cells.

    ``split_level_cells`` in one pass for Row cells, which are stripped already: an empty cell is
    one ``strip()`` would empty and a cell's first character is the one the label tests look at.
    Cells starting with one of ``skip_chars`` for which ``skip(cell)`` holds are left out.
    """
    labels: list[LevelLabel] = []
    rest: list[str] = []
    name_at = -1
    for i, cell in enumerate(cells):
        if not cell or (cell[0] in skip_chars and skip(cell)):
            continue
        if not rest:
            label = level_label(cell) if cell[0] in LABEL_START else None
            if label is not None:
                labels.append(label)
                continue
            name_at = i
        rest.append(cell)
    return labels, rest, name_at


def resolve_levels(labels: list[LevelLabel]) -> tuple[LevelLabel | None, LevelLabel | None]:
    """A row's (level-1, level-2) labels from those it prints in order (the last of each wins);
    成本指标 and the like name level 1 when a level-2 label follows them in the row, and so does a
    level-2 word that is also a level-1 name (满意度 | 服务对象满意度)."""
    level1 = level2 = None
    for k, label in enumerate(labels):
        if label.kind == "either":
            label = _resolve_either(label, any(x.kind == "level2" for x in labels[k + 1:]))
        elif label.kind == "level2" and level1 is None and any(x.kind == "level2" for x in labels[k + 1:]):
            code1 = level1_code(label.text)  # 满意度 before 服务对象满意度: the level-1 满意度
            if code1 is not None:
                label = LevelLabel("level1", code1, label.text, label.required)
        if label.kind == "level1":
            level1 = label
        else:
            level2 = label
    return level1, level2


class LevelTracker:
    """Carries category labels down a table, since merged cells print each label only once."""

    def __init__(self) -> None:
        self.level1: LevelLabel | None = None
        self.level2: LevelLabel | None = None

    def update(self, row: RowLevels) -> tuple[LevelLabel | None, LevelLabel | None]:
        """The labels in force for ``row``: its own, else those carried from the rows above."""
        return self.carry(row.level1, row.level2)

    def carry(self, level1: LevelLabel | None,
              level2: LevelLabel | None) -> tuple[LevelLabel | None, LevelLabel | None]:
        """``update`` for a row whose own labels are ``level1`` and ``level2``."""
        if level2 is not None:
            self.level2 = level2
        elif level1 is not None and self.level2 is not None \
                and parent_of(self.level2.code) != level1.code:
            self.level2 = None  # a new level-1 group starts; its level-2 is not known yet
        if level1 is not None:
            self.level1 = level1
        elif self.level2 is not None and self.level1 is not None \
                and parent_of(self.level2.code) != self.level1.code:
            self.level1 = None
        return self.level1, self.level2


def indicator_levels(level1: LevelLabel | None, level2: LevelLabel | None):
    """(level1 code, level1 text, level2 code, level2 text, required) for one indicator.

    The level-1 code follows the level-2 category when there is one (满意度 printed under 效果目标
    is still satisfaction); the texts are kept as written.
    """
    code2 = level2.code if level2 else None
    code1 = parent_of(code2) if code2 else (level1.code if level1 else None)
    text1 = level1.text if level1 is not None and level1.code == code1 else None
    required = bool(level2.required if level2 else level1.required if level1 else False)
    return code1, text1, code2, level2.text if level2 else None, required
