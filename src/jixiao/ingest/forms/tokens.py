"""Grids → one stream of tokens: the cells in reading order, each knowing which label it is.

Label-driven readers walk this stream instead of rows and columns, so a form reads the same
whether it came as a workbook, a pipe table, one cell per line, space-separated cells or one
flattened line of words. Cells of a flattened line (``stream``, and long prose or space-split
cells) are cut at the vocabulary's labels found in them; a label broken over two cells
(``一级`` | ``指标``, ``当年财政`` | ``拨款``) is joined back. Every token keeps its cell's source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jixiao.domain.memo import on_new_document
from jixiao.domain.source import SourceRef
from jixiao.domain.text import normalise, normalise_map
from jixiao.domain.vocabulary import Vocabulary, bare, vocabulary
from jixiao.ingest.grid import Grid
from jixiao.ingest.sources.text_layouts import space_cells

# The sections whose labels give a form its structure; a token's ``labels`` come from these.
SECTIONS = ("form_titles", "fields", "money_columns", "money_rows", "funds", "goal_columns",
            "indicator_columns", "level1", "level2", "closing", "target_money")
CUT_MIN = 4  # a label this long or longer is cut out of flattened text wherever it stands
_CUT_LAYOUTS = frozenset({"stream", "prose", "space"})
_COLONS = (":", "：")


@dataclass(slots=True)
class Token:
    """One cell (or a piece of a flattened cell) of the stream."""

    text: str  # as printed, for display and values
    key: str  # normalise(text)
    row: int  # index of its row in the grid
    col: int  # index of its cell in the row (pieces of one cell share it)
    ref: SourceRef
    layout: str | None  # its row's layout; None for a row of a real table
    labels: dict[str, str] = field(default_factory=dict)  # {section: key} of the label it is
    inline: str = ""  # the value a label token carries after its colon (项目名称：禁毒经费)
    piece: int = 0  # 0 for a whole cell; 1, 2 … for the pieces cut from a flattened cell
    row_start: bool = False  # the first token of a row that holds several cells
    year: int | None = None  # the year a label names (``2022年预算数``)

    def label(self, section: str) -> str | None:
        """The key of the ``section`` label this token is, or None."""
        return self.labels.get(section)

    def is_label(self, *sections: str) -> bool:
        """Whether the token is a label of any of ``sections`` (of any section when none given)."""
        if not sections:
            return bool(self.labels)
        return any(s in self.labels for s in sections)


_YEAR_LABEL = re.compile(r"^(20[0-9]{2})年(?:度)?(?=.)")


def label_year(text: str) -> int | None:
    """The year a column label starts with (``2022年决算数`` → 2022)."""
    m = _YEAR_LABEL.match(normalise(text))
    return int(m.group(1)) if m else None


def label_keys(vocab: Vocabulary, text: str, titles: bool = True) -> tuple[dict[str, str], str]:
    """({section: key}, inline value) of a cell's text: the whole text a label (a year before it
    aside: ``2022年预算数``), or a label, a colon and its value. The dict is shared: do not change it."""
    if vocab is vocabulary():
        return _label_keys(text, titles)
    return _read_label_keys(vocab, text, titles)


@lru_cache(maxsize=1 << 16)
def _label_keys(text: str, titles: bool) -> tuple[dict[str, str], str]:
    """The package vocabulary never changes while a process runs, so what a cell's text is stays
    known across documents (forms of one province print the same labels in every file)."""
    return _read_label_keys(vocabulary(), text, titles)


def _read_label_keys(vocab: Vocabulary, text: str, titles: bool) -> tuple[dict[str, str], str]:
    key = normalise(text)
    if _YEAR_LABEL.match(key) and len(key) <= 16:
        rest = _YEAR_LABEL.sub("", key)
        found = {s: k for s in ("money_columns",) if (k := _lookup(vocab, s, rest))}
        if found:
            return found, ""
    found = _lookup_all(vocab, key)
    if titles and "form_titles" not in found and 4 < len(key) <= TITLE_MAX:
        title = _title(vocab, key)
        if title:
            found["form_titles"] = title
    if found:
        return found, ""
    for colon in _COLONS:
        if colon in text:
            head, _, rest = text.partition(colon)
            hk = normalise(head)
            found = _lookup_all(vocab, hk)
            if found:
                return found, rest.strip()
    return {}, ""


TITLE_MAX = 60  # a title names its unit, project and year around the form's name, no more


def _title(vocab: Vocabulary, key: str) -> str | None:
    """The form family a title names (``2021年…区域绩效目标自评表(…分局)``): the longest title label
    it contains, when that label closes the text or a bracket follows it."""
    best = None
    for label, family in vocab.labels("form_titles").items():
        at = key.find(label)
        if at < 0 or (best is not None and len(label) <= len(best[0])):
            continue
        after = key[at + len(label):]
        if after[:1] == "的" or after.endswith((":", "：")):
            continue  # 按照综合绩效评价得分的分值分为: names the form inside a sentence
        if not after or after[0] in "(（[【-—_" or len(after) <= 8:
            best = (label, family)
    return best[1] if best else None


def _lookup_all(vocab: Vocabulary, key: str) -> dict[str, str]:
    """{section: key} of every structural section that lists ``key`` (or it without decorations)."""
    if not key or len(key) > 40:
        return {}
    plain = bare(key)
    out = {}
    for s in SECTIONS:
        table = vocab.labels(s)
        k = table.get(key) or table.get(plain)
        if k:
            out[s] = k
    return out


def _lookup(vocab: Vocabulary, section: str, key: str) -> str | None:
    table = vocab.labels(section)
    return table.get(key) or table.get(bare(key)) if key else None


def build(grids: list[Grid], vocab: Vocabulary | None = None) -> list[Token]:
    """The token stream of one or more grids, in reading order."""
    vocab = vocab or vocabulary()
    out: list[Token] = []
    for grid in grids:
        for r, row in enumerate(grid.rows):
            filled = [(c, t) for c, t in enumerate(row.cells)]
            many = sum(1 for _, t in filled if t) > 1
            first = True
            for c, text in filled:
                if not text and row.layout not in ("cells", "pipe", None, "tab"):
                    continue
                ref = row.ref_of(c)
                pieces = _cut(vocab, text) if _cuttable(row.layout, text) else (
                    _cut_head(vocab, text.lstrip(":： ")) if row.layout in ("cells", "space") and len(text) > CUT_MIN
                    else None)
                if pieces is None:
                    labels, inline = label_keys(vocab, text) if text else ({}, "")
                    out.append(Token(text, normalise(text) if text else "", r, c, ref, row.layout,
                                     labels, inline, 0, many and first,
                                     label_year(text) if labels else None))
                else:
                    for k, (piece, labels) in enumerate(pieces, start=1):
                        out.append(Token(piece, normalise(piece), r, c, ref, row.layout, labels, "", k,
                                         many and first and k == 1))
                first = False
    return join_split_labels(vocab, out)


_CACHE: dict[tuple[int, int | None], tuple[Grid, list[Token]]] = {}
on_new_document(_CACHE.clear)


def cached(grid: Grid, rows: int | None = None) -> list[Token]:
    """``build([grid])``, made once per grid while its document is read (every reader's detect
    and the chosen reader's read walk the same stream); with ``rows``, the stream of the grid's
    first rows only, which is all a reader's detect looks at."""
    key = (id(grid), rows if rows is not None and rows < len(grid.rows) else None)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not grid:
        part = grid if key[1] is None else Grid(grid.file, grid.rows[:rows], grid.sheet)
        hit = _CACHE[key] = (grid, build([part]))
    return hit[1]


def _cuttable(layout: str | None, text: str) -> bool:
    """Flattened text is cut at its labels; a cell of a real table (or of tab-separated text) is
    one cell however long it is."""
    if layout in (None, "tab"):
        return False
    return len(text) >= 2 * CUT_MIN and (layout in _CUT_LAYOUTS or len(text) > 60)


_ENDS_WITH_VALUE = re.compile(r"[0-9]%?$")
_AMOUNT = re.compile(r"^[:]?[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|万)?$")
_HEAD_SECTIONS = frozenset({"fields", "target_money", "goal_columns", "indicator_columns", "money_rows"})


def _cut_head(vocab: Vocabulary, text: str) -> list[tuple[str, dict[str, str]]] | None:
    """A cell that starts with a field label glued to its value (``项目名称农村义务教育…``, a page
    copied without its table lines) → the label and the rest, cut as flattened text; a category
    label (产出指标, 服务对象满意度) starts such a cell only with another label after it."""
    if label_keys(vocab, text)[0]:
        return None
    key = normalise(text)
    matches = [m for m in vocab.scan(key, SECTIONS) if m.end - m.start >= CUT_MIN]
    if not matches or matches[0].start != 0 or matches[0].end >= len(key):
        return None
    head = matches[0]
    if head.section == "funds" and _AMOUNT.match(key[head.end:]):
        return _cut(vocab, text, least=1)  # 上级资金16: a fund and its amount
    if head.section not in _HEAD_SECTIONS and len({m.label for m in matches}) < 2 and not (
            _ENDS_WITH_VALUE.search(key) and head.section in ("level1", "level2")):
        return None
    return _cut(vocab, text, least=1)


def _cut(vocab: Vocabulary, text: str, least: int = 2) -> list[tuple[str, dict[str, str]]] | None:
    """A flattened cell → (piece, labels) at the labels found in it; None when it holds fewer
    than ``least`` labels (a sentence that mentions one label is not a flattened form)."""
    key, where = normalise_map(text)
    depth = _depths(key)
    matches = [m for m in vocab.scan(key, SECTIONS) if m.end - m.start >= CUT_MIN and not depth[m.start]]
    if len({m.label for m in matches}) < least:
        return None
    cuts: list[tuple[int, int, bool]] = []  # (start, end, is_label) in key positions
    pos = 0
    for m in matches:
        if m.start < pos:
            continue
        if m.start > pos:
            cuts.append((pos, m.start, False))
        cuts.append((m.start, m.end, True))
        pos = m.end
    if pos < len(key):
        cuts.append((pos, len(key), False))
    out: list[tuple[str, dict[str, str]]] = []
    for a, b, is_label in cuts:
        piece = text[where[a]:(where[b] if b < len(where) else len(text))].strip()
        if not piece:
            continue
        if is_label:
            out.append((piece, label_keys(vocab, piece)[0]))
            continue
        if _cover(vocab, normalise(piece)):
            out.extend(_short_labels(vocab, piece))
            continue
        for part in space_cells(piece):
            if not _PUNCT_ONLY.match(part):
                out.extend(_short_labels(vocab, part))
    return out


_PUNCT_ONLY = re.compile(r"^[:：,，.。;；、\s]+$")


def _depths(key: str) -> list[int]:
    """Bracket depth at each character: a label inside brackets (执行率(全年执行数/全年预算数))
    explains the label before it and is not cut out."""
    out, depth = [], 0
    for ch in key:
        if ch in "(（[【":
            depth += 1
        out.append(depth)
        if ch in ")）]】" and depth:
            depth -= 1
    return out


_SHORT_BEFORE_NUMBER = re.compile(r"(总分|合计|总得分)(?=[0-9])")


def _short_labels(vocab: Vocabulary, piece: str) -> list[tuple[str, dict[str, str]]]:
    """A piece between long labels that is nothing but short labels run together (``分值执行率得分``)
    → those labels; a closing label right before its number (``总分10098``) is cut out too; any
    other piece stays whole."""
    key, where = normalise_map(piece)
    cover = _cover(vocab, key)
    if cover is None or len(cover) < 2:
        m = _SHORT_BEFORE_NUMBER.search(piece)
        if m and m.start() > 0:
            head, label, tail = piece[:m.start()], m.group(), piece[m.end():]
            return [*_short_labels(vocab, head), (label, label_keys(vocab, label)[0]), (tail, {})]
        labels, _ = label_keys(vocab, piece)
        return [(piece, labels)]
    out = []
    for a, b in cover:
        text = piece[where[a]:(where[b] if b < len(where) else len(piece))].strip()
        out.append((text, label_keys(vocab, text)[0]))
    return out


def _cover(vocab: Vocabulary, key: str) -> list[tuple[int, int]] | None:
    """Spans that cover ``key`` exactly with labels (fewest pieces), a label's brackets
    (``预算数(A)``, ``得分(20分*执行率)``) going with it, or None."""
    labels = {lab for s in SECTIONS for lab in vocab.labels(s)}
    best: list[list[tuple[int, int]] | None] = [None] * (len(key) + 1)
    best[0] = []
    for i in range(len(key)):
        prev = best[i]
        if prev is None:
            continue
        if key[i] in "(（" and (close := _close(key, i)) is not None:
            # a bracket after a label belongs to it; before any label it stands alone
            span = [(prev[-1][0], close + 1)] if prev else [(i, close + 1)]
            cand = prev[:-1] + span if prev else span
            if best[close + 1] is None or len(cand) < len(best[close + 1]):  # type: ignore[arg-type]
                best[close + 1] = cand
        for j in range(i + 1, min(len(key), i + 16) + 1):
            if key[i:j] in labels:
                cand = prev + [(i, j)]
                if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    return best[len(key)]


def _close(key: str, i: int) -> int | None:
    """The index of the bracket closing the one at ``i`` (within 16 characters), or None."""
    for j in range(i + 1, min(len(key), i + 17)):
        if key[j] in ")）":
            return j
        if key[j] in "(（":
            return None
    return None


def join_split_labels(vocab: Vocabulary, toks: list[Token]) -> list[Token]:
    """Join a label printed over two or three tokens (``一级`` + ``指标``, ``公务`` + ``接待费``)."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        joined = None
        short = tok.layout not in (None, "tab") and 0 < len(tok.key) <= 12 and i + 1 < len(toks) \
            and 0 < len(toks[i + 1].key) <= 12
        if short and (not tok.labels or _longer_label_follows(vocab, toks, i)):
            for n in (3, 2):
                group = toks[i:i + n]
                if len(group) < n or any(not t.text for t in group) or any(t.labels for t in group[1:]):
                    continue
                text = "".join(t.text for t in group)
                labels, inline = label_keys(vocab, text, titles=False)
                if labels and not inline and len(normalise(text)) <= 20:
                    joined = Token(text, normalise(text), tok.row, tok.col, tok.ref, tok.layout, labels,
                                   "", tok.piece, tok.row_start)
                    i += n
                    break
        if joined is None:
            out.append(tok)
            i += 1
        else:
            out.append(joined)
    return out


def _longer_label_follows(vocab: Vocabulary, toks: list[Token], i: int) -> bool:
    """``一级`` (a label itself) + ``指标``: the two make the longer label ``一级指标``."""
    if i + 1 >= len(toks) or not toks[i + 1].text or toks[i + 1].labels:
        return False
    return bool(label_keys(vocab, toks[i].text + toks[i + 1].text, titles=False)[0])


__all__ = ["SECTIONS", "Token", "build", "cached", "label_keys"]
