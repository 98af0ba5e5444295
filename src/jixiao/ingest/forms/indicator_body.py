"""The rows of an indicator table, found in the token stream by what each cell looks like.

The header says which columns there are and in what order (一级 | 二级 | 三级指标 | 年度指标值 |
实际完成值 | 分值 | 得分 | 偏差原因 …; 分值 before 年度指标值 on the 2019 Anhui form; 指标性质 |
指标值 | 度量单位 on Sichuan's). Category cells (产出指标, 数量指标) are known by the vocabulary.
Everything else is laid out into rows by a shortest-path search: each cell goes to a column that
fits its shape (a name is words, a weight a number of at most 100, a target a number with a unit
or a quality), a dropped empty cell costs a little, a row always starts at the name, and a row
of a real table or a pipe line cannot run into the next. A run of digits may fill two or three
numeric columns (``2018`` → weight 20, score 18) when it cuts cleanly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tokens import Token
from jixiao.domain.targets import UNITS
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

from .values import VALUE_RUN, number, shape, splits

# What each column of an indicator table holds.
KINDS = {
    "seq": "seq", "level1": "level", "level2": "level", "name": "name", "nature": "op", "target": "value", "long_term_target": "value", "measure_unit": "unit",
    "actual": "value", "weight": "num", "score": "num", "review_score": "num", "completion": "value",
    "last_year": "value", "deviation": "text", "setting_basis": "text", "scoring_rule": "text",
    "evidence": "text", "direction": "short", "note": "text", "source_of_value": "text",
}
SKIP = {"name": 2.5, "value": 0.7, "num": 0.6, "op": 0.3, "unit": 0.3, "text": 0.05, "short": 0.1, "seq": 0.2,
        "level": 0.05}
NEW_ROW = 0.3
OFF_COLUMN = 2.0  # a real table's cell laid out under another header than its own
CONTINUED = 0.3  # one more piece of a glued line in the text cell before it (…满意程度 | 95%以上)
BROKEN_LINE = 6.0  # a row starting inside a line whose cells ran together: only when nothing else fits
INF = float("inf")
_MARKER = re.compile(r"^(?:指标\s*[0-9一二三四五六七八九十]+\s*[:：.、]?)+$")
_NUMBERING = re.compile(r"^指标\s*[0-9]+\s*[:：.、]")
_FILLER = re.compile(r"^[.…。·、\s]+$")
_NATURE_WORDS = frozenset({"定性", "定量", "正向", "反向", "正向指标", "反向指标"})
_ROW_LAYOUTS = (None, "tab", "pipe", "space")
_UNIT_WORDS = frozenset(UNITS)
END_TAIL = 0.2  # a table cut off at the end of the file: its last row's missing cells cost little


@dataclass(slots=True)
class Cell:
    """A cell of the body as the search sees it: its text and the token it came from."""

    text: str
    tok: Token
    hard: bool = False  # a new row must start here
    levels: list[Token] | None = None  # category cells just before it (产出指标, 数量指标)
    joined: bool = False  # no new row can start here (the rest of a line whose cells ran together)
    column: str | None = None  # the role its header prints above it, in a real table


@dataclass(slots=True)
class BodyRow:
    """One indicator row: the text of each column and the token of its name."""

    values: dict[str, str]
    first: Token
    tokens: dict[str, Token]
    levels: list[Token]  # the category cells printed just before the row


_RULE_WORDS = re.compile(r"[得扣计加减][0-9.]+分|不得分|扣完为止|每[^，,。]{0,8}扣|酌情扣分|酌情扣减")


def cost(text: str, kind: str, joined: bool = False) -> float:
    """How badly ``text`` fits a column of ``kind`` (0 fits; INF cannot be). Words that award or
    take points (得2分, 不得分) are a scoring rule's, never a name's; words named like an indicator
    are the next row's name, unless they are the rest of a glued line (``joined``), where no row starts."""
    s = shape(text)
    if s == "words" and _RULE_WORDS.search(text):
        return {"text": 0.0, "name": 1.5}.get(kind, INF)
    if kind == "name":
        if text.strip() in _NATURE_WORDS:
            return 3.0  # 定量 / 定性 is the 指标值类型 of a row whose name was left empty
        if s == "words":
            if _NUMBERING.match(text):
                return -0.3
            return 0.0 if len(text) <= 20 else (0.4 if len(text) <= 40 else 1.0)  # a name is a few words
        return 1.5 if s in ("target", "amount") else 3.0
    if kind == "value":
        if s in ("target", "percent", "amount", "number"):
            return 0.0
        if s == "placeholder":
            return 0.3
        if text.strip() in _UNIT_WORDS:
            return 1.2  # a unit alone (次, 人) is the 度量单位 cell, not a value
        if len(text) >= 5 and not joined and _named_like_indicator(text):
            return 4.0  # 公共文化服务内容满意度 is the next row's name, not this one's quality
        return 0.4 if len(text) <= 14 else 0.9
    if kind == "num":
        if s == "number":
            return 0.0 if float(text.replace(",", "")) <= 100 else 2.5
        if s == "placeholder":
            return 0.2
        return 2.0 if s == "percent" else INF
    if kind == "level":
        return 0.1 if s == "words" and len(text) <= 10 else INF
    if kind == "seq":
        return 0.0 if re.fullmatch(r"[0-9]{1,3}", text.strip()) else INF
    if kind == "op":
        return 0.0 if s == "op" or text.strip() in _NATURE_WORDS else INF
    if kind == "unit":
        if text.strip() in _UNIT_WORDS:
            return 0.0
        return 0.2 if s == "words" and len(text) <= 6 else INF
    if kind == "short":
        return 0.2 if len(text) <= 8 else 1.0
    if s == "words":
        if len(text) < 15 and not joined and _named_like_indicator(text):
            return 4.0  # an explanation is a sentence; 公共文化服务水平满意度 is the next row's name
        return 0.2 if len(text) >= 15 else 0.25  # a rule, an explanation: sentences (计划标准 too)
    return 1.0


@lru_cache(maxsize=1 << 14)
def _named_like_indicator(text: str) -> bool:
    return normalise(text).endswith(tuple(vocabulary().labels("name_endings")))


_POINTS = re.compile(r"^[(（]\s*[0-9.]+(?:\s*[-—~]\s*[0-9.]+)?\s*(?:分\s*[)）]|[)）]\s*分)$")  # (50分), (0-20)分


def is_level(tok: Token) -> bool:
    """A category cell: 产出指标, *数量指标, 产出指标(50分), or only its points ``(50分)``."""
    return tok.is_label("level1", "level2") or bool(_POINTS.match(tok.text))


def cells_of(body: list[Token], glued: bool = False, columns: dict[int, str] | None = None) -> list[Cell]:
    """Body tokens → cells: filler and ``指标1:`` markers dropped, flattened pieces cut where
    values run into words, a new row forced at a row of a real or pipe table and after the
    category cells, which ride along with the cell that follows them. With ``glued`` each line is
    a row whose cells ran together: it starts a row, and its text is cut by what its pieces look like.
    In a real table (``columns``: the header's role over each column) a cell under the 三级指标 or a
    value header is that, even when its words are a category's (服务对象满意度:≥90%), and each cell
    leans to the column it stands in."""
    columns = columns or {}
    out: list[Cell] = []
    last_row = None
    levels: list[Token] = []
    skip = None
    for n, tok in enumerate(body):
        if not tok.text or _FILLER.match(tok.text) or _MARKER.match(tok.text) or tok is skip:
            continue
        after = next((x.text for x in body[n + 1:n + 3] if x.text), None)
        content = tok.layout is None and columns.get(tok.col) not in (None, "level1", "level2", "block")
        if not content and (is_level(tok) or (not tok.piece and evaluation_level(tok.text, after))):
            if glued and tok.row != last_row:
                levels = []  # a line of categories only held no indicator: its categories end with it
            levels.append(tok)
            last_row = tok.row
            if after and not tok.piece and (_POINTS_RUN.match(after) or _bare_points(body, n)):
                skip = next(x for x in body[n + 1:n + 3] if x.text)  # its points (2 分, or 30 before 社会效益)
            continue
        vocab_levels = any(not lv.is_label("evaluation_levels") and lv.is_label("level1", "level2") or
                           _POINTS.match(lv.text) for lv in levels)
        hard = vocab_levels or (tok.row != last_row and (glued or tok.layout in _ROW_LAYOUTS and tok.row_start))
        last_row = tok.row
        if glued:
            found, rest = _leading_levels(tok)
            levels.extend(found)
            pieces = split_run(rest, glued=True) if rest else []
            if pieces in (["定量"], ["定性"]) and hard:
                levels = []  # the 指标性质 of a row that holds no indicator (生态效益指标 | | -定性)
                continue
        else:
            pieces = split_run(tok.text) if tok.piece else _name_and_value(tok)
        k = 0
        while k < len(pieces):
            piece = pieces[k]
            if _MARKER.match(piece):
                hard, k = True, k + 1
                continue
            points = pieces[k + 1] if k + 1 < len(pieces) else None
            if evaluation_level(piece, points):
                levels.append(_piece_token(tok, piece))
                k += 2 if points and _POINTS_RUN.match(points) else 1
                continue
            new_row = hard or _NUMBERING.match(piece) is not None
            column = columns.get(tok.col) if tok.layout is None and len(pieces) == 1 else None
            out.append(Cell(piece, tok, new_row, levels or None, glued and not new_row, column))
            hard, levels = False, []
            k += 1
    return out


_POINTS_RUN = re.compile(r"^[0-9]+(?:\.[0-9]+)?\s*分$")


def _bare_points(body: list[Token], n: int) -> bool:
    """A bare number between two category cells (效果 | 30 | 社会效益) is the first one's points:
    no indicator row stands between them to own it."""
    after = [x for x in body[n + 1:n + 4] if x.text][:2]
    if len(after) < 2 or after[0].piece or shape(after[0].text) != "number" or not is_level(after[1]):
        return False
    value = number(after[0].text)
    return value is not None and 0 < value <= 100


def _leading_levels(tok: Token) -> tuple[list[Token], str]:
    """The category names a glued cell starts with (``社会效益指标残疾学生入学率…``) and the rest."""
    found: list[Token] = []
    text = tok.text
    while True:
        hits = [(s, h) for s in ("level1", "level2") if (h := vocabulary().starts(s, text))]
        if not hits or len(normalise(text)) != len(text):
            return found, text
        section, (key, size) = max(hits, key=lambda x: x[1][1])
        if size >= len(text):
            return found, text
        piece = text[:size]
        found.append(Token(piece, normalise(piece), tok.row, tok.col, tok.ref, tok.layout, {section: key}, piece=1))
        text = text[size:]


def _name_and_value(tok: Token) -> list[str]:
    """A line of one cell that is a name with its target after it (``学校满意度≥90%``, a page
    copied without its table lines) → the name and the value; any other cell stays whole."""
    text = tok.text
    if tok.layout != "cells" or len(text) > 60 or not text[-1:].isdigit() and not text.endswith("%"):
        return [text]
    parts = split_run(text)
    if len(parts) == 2 and shape(parts[0]) == "words" and len(parts[0]) >= 3 and shape(parts[1]) != "words":
        return parts
    return [text]
_OWN_POINTS = re.compile(r"^(.+?)\s*[(（]\s*[0-9]+(?:\.[0-9]+)?\s*分?\s*[)）]$")


def evaluation_level(text: str, after: str | None) -> bool:
    """决策(10), 过程(30), 项目决策 followed by its points (2分): the first level of a score table.
    Without points the same words (项目管理) may be an item's name, so they need them."""
    m = _OWN_POINTS.match(text.strip())
    word = m.group(1) if m else text
    if vocabulary().key("evaluation_levels", word) is None:
        return False
    return bool(m) or bool(after and _POINTS_RUN.match(after))


def _piece_token(tok: Token, piece: str) -> Token:
    """A token for a piece of a flattened cell (a category found inside it)."""
    return Token(piece, normalise(piece), tok.row, tok.col, tok.ref, tok.layout, {"evaluation_levels": piece},
                 piece=tok.piece or 1)


_IN_WORDS_AFTER = ("月", "日", "年", "号", ":", "：")
_SCORING_WORDS = ("计", "得", "扣", "的", "为", "按", "加", "减", "满")
_PUNCT = ",，;；。、:：)）"


_DATE = re.compile(r"20[0-9]{2}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:前|之前|以前|底|内)?")
_RULE_STEP = re.compile(r"每[^0-9，,。；;]{0,3}$")  # 每少1元扣1分: the step of a scoring rule
_NATURE_END = re.compile(r"-?\s*(定量|定性)$")


def _runs(text: str, glued: bool):
    """(start, end, run) of the values in ``text``; in a row whose cells ran together also its
    dates (2023年12月31日) and the targets in words (有所减轻) that follow a name."""
    found = []
    if glued:
        found = [(m.start(), m.end(), m.group()) for m in _DATE.finditer(text) if "月" in m.group()]
        key = normalise(text)
        if len(key) == len(text):
            for label in vocabulary().labels("target_words"):
                at = key.find(label)
                if at >= 3 and not any(a <= at < b for a, b, _ in found):
                    found.append((at, at + len(label), text[at:at + len(label)]))
    for m in VALUE_RUN.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b, _ in found):
            end = m.end()
            bound = _BOUND.match(text, end) if glued else None
            if bound is not None:
                end = bound.end()  # 95%以上: the bound is the target's
            found.append((m.start(), end, text[m.start():end]))
    return sorted(found)


_BOUND = re.compile(r"(?:及以上|及以下|以上|以下|以内|之内|左右)")


def split_run(text: str, glued: bool = False) -> list[str]:
    """A flattened piece → words and values (``音50件50件2020望`` → 音 | 50件 | 50件 | 2020 | 望).
    Numbering (指标1:, 1、), dates and the points of a scoring rule (``计2分，``, ``每少1元扣1分``) stay
    in the words. With ``glued`` (a table row printed without cell borders) dates and targets in
    words are values too, and a closing 定量/定性 is the row's 指标性质."""
    out: list[str] = []
    pos = 0
    nature = _NATURE_END.search(text) if glued else None
    if nature is not None:
        text = text[:nature.start()]
    for start, end, run in _runs(text, glued):
        before, after = text[max(0, start - 2):start], text[end:end + 1]
        dated = glued and _DATE.fullmatch(run) is not None
        if before.endswith("指标") or (not dated and (after in _IN_WORDS_AFTER or run.endswith(("年", "月")))):
            continue
        if run.endswith("分") and (before[-1:] in _SCORING_WORDS or after in _PUNCT or not after):
            continue  # 得3分，… is the rule's words, not a value
        if _RULE_STEP.search(text[max(0, start - 4):start]) and text[end:end + 1] in ("扣", "减", "加", "得"):
            continue
        if after in ("、", ".") and run.isdigit():
            if len(run) == 1:
                continue  # 2、项目管理制度: numbering inside the words
            run, end = run[:-1], end - 1  # 331、单位… : 3 | 3 then the rule numbered 1、
        if start > pos:
            out.extend(_sentence_tail(text[pos:start]))
        out.append(run)
        pos = end
    if pos < len(text):
        out.append(text[pos:])
    if nature is not None:
        out.append(nature.group(1))
    return [p.strip(" ,，;；") for p in out if p.strip(" ,，;；")]


def _sentence_tail(words: str) -> list[str]:
    """Words before a value: a sentence that ends and a few words after it (``…没有不得分。组织机构``
    | 22) are the end of one cell and the start of the next."""
    at = max(words.rfind("。"), words.rfind("；"), words.rfind(";"))
    if at < 0 or at == len(words) - 1 or len(words) - at - 1 > 10:
        return [words]
    return [words[:at + 1], words[at + 1:]]


_VALUE_ROLES = ("target", "actual", "weight", "score", "nature", "measure_unit")


def _trim(rows: list[list[tuple[str, str, Cell]]]) -> list[list[tuple[str, str, Cell]]]:
    """Drop the rows at the end that hold no value and read as prose or page furniture."""
    while rows:
        row = rows[-1]
        values = [text for role, text, _ in row if role in _VALUE_ROLES and shape(text) != "words"]
        name = next((text for role, text, _ in row if role == "name"), "")
        sentences = any(len(text) > 15 and text.rstrip().endswith(("。", ")", "）")) for _, text, _ in row)
        furniture = vocabulary().key("page_furniture", name) is not None or name.rstrip().endswith((":", "："))
        prose = "。" in name or len(name) > 40 or not name.strip() or sentences or furniture
        # a row of a real table with a name and its target or result is a row, however wordy
        in_table = not furniture and name.strip() and all(cell.tok.layout is None for _, _, cell in row) and any(
            role in ("target", "actual") and text.strip() for role, text, _ in row)
        if values or not prose or in_table:
            break
        rows = rows[:-1]
    return [r for r in rows if any(text.strip() for _, text, _ in r)]


def layout_rows(cells: list[Cell], roles: list[str]) -> list[list[tuple[str, str, Cell]]]:
    """The cheapest layout of ``cells`` into rows over ``roles`` (the header's content columns in
    order): each row a list of (role, text, cell)."""
    n, m = len(roles), len(cells)
    if not m or not n:
        return []
    kinds = [KINDS.get(r, "text") for r in roles]
    # best[i][j]: cost of laying out cells[:i] with the last one in role j (j = n: before any row)
    best = [[INF] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, int, list[str]] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][n] = 0.0
    skip_before = [sum(SKIP[kinds[k]] for k in range(j)) for j in range(n + 1)]
    for i in range(m):
        cell = cells[i]
        options = _options(cell.text, n) if cell.column is None else [[cell.text]]  # a real cell is one value
        glue = glue_cost(cell.text, bool(cell.tok.piece))
        for j in range(n + 1):
            here = best[i][j]
            if here == INF:
                continue
            if cell.joined and j < n and kinds[j] == "text":  # the words of a glued line's text cell go on
                more = here + CONTINUED + (0.0 if shape(cell.text) == "words" else 0.3)
                if more < best[i + 1][j]:
                    best[i + 1][j] = more
                    back[i + 1][j] = (j, j, 1, [cell.text])
            for parts in options:
                k = len(parts)
                # continue the row: roles after j; or start a new row (role 0 onwards)
                starts = [] if cell.hard or j == n else [j + 1]
                for start in [*starts, 0]:
                    new_row = start == 0
                    for first in (range(start, n - k + 1) if not new_row else [0]):
                        c = _emit(parts, kinds[first:first + k], cell.joined)
                        if c == INF:
                            continue
                        gap = (skip_before[first] - skip_before[start]) if not new_row else 0.0
                        tail = (skip_before[n] - skip_before[j + 1]) if new_row and j < n else 0.0
                        total = here + c + gap + tail + (glue if k > 1 else 0.0)
                        if cell.column is not None and k == 1 and roles[first] != cell.column:
                            total += OFF_COLUMN
                        if new_row:
                            total += (BROKEN_LINE if cell.joined and starts else NEW_ROW)
                        end = first + k - 1
                        if total < best[i + 1][end]:
                            best[i + 1][end] = total
                            back[i + 1][end] = (j, first, k, parts)
    j = min(range(n), key=lambda x: best[m][x] + END_TAIL * (skip_before[n] - skip_before[x + 1]))
    if best[m][j] == INF:
        return []
    return _trace(back, cells, roles, m, j)


def _options(text: str, n: int) -> list[list[str]]:
    opts = [[text]]
    digits = text.replace(",", "")
    if n > 1 and len(digits) >= 3 and re.match(r"^[0-9.]+", digits) and shape(text) != "words":
        for k in (2, 3):
            opts.extend(splits(digits, k)[:40])
    return opts


def glue_cost(text: str, flattened: bool = False) -> float:
    """What cutting ``text`` into several numbers costs: little for a run no single number is
    written as (``2018`` as a weight, ``4.918.42``) or digits of flattened text, where cells run
    together (``22`` for 分值 2 and 得分 2); much for a number that reads well in its own cell."""
    digits = text.replace(",", "")
    head = re.match(r"^[0-9.]+", digits)
    run = head.group() if head else digits
    if run.count(".") > 1 or ("." not in run and len(run) >= 4):
        return 0.2
    if flattened and "." not in run:
        return 0.3
    return 1.0


def _emit(parts: list[str], kinds: list[str], joined: bool = False) -> float:
    if len(kinds) < len(parts):
        return INF
    total = 0.0
    for p, kind in zip(parts, kinds):
        total += cost(p, kind, joined)
    if len(parts) > 1 and any(kind not in ("num", "value") for kind in kinds[:len(parts)]):
        return INF
    for a in range(len(parts) - 1):  # 分值 then 得分: a score is never above its weight
        if kinds[a:a + 2] == ["num", "num"]:
            w, s = number(parts[a]), number(parts[a + 1])
            if w is None or s is None or s > w:
                return INF
    return total


def _trace(back, cells: list[Cell], roles: list[str], m: int, j: int) -> list[list[tuple[str, str, Cell]]]:
    rows: list[list[tuple[str, str, Cell]]] = []
    current: list[tuple[str, str, Cell]] = []
    i = m
    while i > 0:
        step = back[i][j]
        if step is None:
            break
        prev, first, k, parts = step
        for off in range(k - 1, -1, -1):
            current.insert(0, (roles[first + off], parts[off], cells[i - 1]))
        if first == 0:
            rows.insert(0, current)
            current = []
        i, j = i - 1, prev
    if current:
        rows.insert(0, current)
    return rows


def _no_indicator(values: dict[str, str]) -> bool:
    """A row whose name is a scoring rule (未达指标值酌情扣分) or a 指标值类型 (定量) names nothing: its
    three-level name was left empty, and the cells read are the rest of the row."""
    name = normalise(values.get("name", ""))
    return bool(name) and (name in _NATURE_WORDS or (_RULE_WORDS.search(name) is not None and len(values) <= 2))


def read_body(body: list[Token], roles: list[str], glued: bool = False,
              columns: dict[int, str] | None = None) -> list[BodyRow]:
    """Body tokens (no category cells) → rows, each with the text of its columns; a bare number
    right under the header is the table's points, and rows of words after the table (a page's
    footer, the next section) are not indicators."""
    out = []
    cells = cells_of(body, glued, columns)
    if cells and shape(cells[0].text) == "number" and not cells[0].levels and roles[:1] != ["seq"]:
        cells = cells[1:]
    for row in _trim(layout_rows(cells, roles)):
        values: dict[str, str] = {}
        for role, text, _ in row:
            values[role] = values[role] + text if role in values else text
        if _no_indicator(values):
            continue
        toks = {role: cell.tok for role, _, cell in row}
        levels = [lv for _, _, cell in row for lv in (cell.levels or [])]
        out.append(BodyRow(values, row[0][2].tok, toks, levels))
    return out


__all__ = ["BodyRow", "Cell", "KINDS", "cells_of", "cost", "is_level", "layout_rows", "read_body", "split_run"]
