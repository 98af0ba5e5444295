"""Answer keys of the real files (tests/corpus/expected/files) against what jixiao reads.

A key figure of a printed table is found when a budget line of the same table (by title) has its
amount as printed, its code where the key gives one, and its row label or its column; a blank
(null) figure is found when no line of that row and column holds a non-zero amount. A narrative
figure is found when a stated figure has its amount. ``python tests/documents/file_keys.py``
prints N of M per file.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary
from jixiao.ingest.forms import read_document

ROOT = Path(__file__).resolve().parent.parent / "corpus"
FILES, KEYS = ROOT / "files", ROOT / "expected" / "files"
_STRIP = re.compile(r"[\"“”‘’'\s()（）\-、:：.]|^[一二三四五六七八九十]+、|20\d{2}年度?")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）])")


def key_files(form: str | None = None) -> list[Path]:
    """The answer keys of files present in the corpus, optionally of one form."""
    out = []
    for key in sorted(KEYS.glob("*.json")):
        data = json.loads(key.read_text(encoding="utf-8"))
        if (FILES / data["file"]).exists() and (form is None or data.get("form") == form):
            out.append(key)
    return out


@lru_cache(maxsize=None)
def read(name: str):
    """The Document jixiao reads from a corpus file (once per test run)."""
    path = FILES / name
    return read_document(path.read_bytes(), path.name)


def norm(text: str | None) -> str:
    """A label, column or title as compared: normalised without quotes, brackets, numbering, years."""
    if not text:
        return ""
    t = normalise(text)
    t = _NUMBERING.sub("", t)
    return _STRIP.sub("", t)


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _same_table(key_title: str, line_title: str | None) -> bool:
    a, b = norm(key_title), norm(line_title)
    return bool(a and b) and (a == b or a.endswith(b) or b.endswith(a))


def _tokens(text: str | None) -> set[str]:
    return {norm(t) for t in re.split(r"[\s()（）:：]+", text or "") if norm(t)}


def _column_match(column: str | None, line_column: str | None) -> bool:
    """The key's column is the line's (its last header words, or the same words in another order:
    ``决算数 (收入)`` for ``收入 决算数``)."""
    a, b = norm(column), norm(line_column)
    if not a or not b:
        return False
    return a == b or b.endswith(a) or _tokens(column) <= _tokens(line_column)


def _label_or_column(fig: dict, line) -> bool:
    """The line is the key figure's row (by label) and column; a row of amounts alone is named by
    its column, so its label is the column's header."""
    label, l_label = norm(fig.get("label")), norm(line.label)
    labelled = bool(label) and (label == l_label or (len(l_label) >= 2 and (label.endswith(l_label)
                                                                             or l_label.endswith(label))))
    if not fig.get("column"):
        return labelled
    if not _column_match(fig["column"], line.column):
        return False
    column = norm(line.column)
    if labelled or label in column:
        return True
    part = vocabulary().key("three_public", label)
    part = "three_public_total" if part == "total" else part
    if l_label == column and part is not None and part == line.category:
        return True
    whole = re.sub(r"(合计|小计)$", "", label)
    return l_label == column and whole != label and whole in column and label[len(whole):] in column


def table_figure_found(fig: dict, lines) -> bool:
    """Whether the key's table figure is among the lines (see the module docstring)."""
    rows = [x for x in lines if _same_table(fig["table"], x.table_title) and _label_or_column(fig, x)]
    if fig.get("code"):
        rows = [x for x in rows if x.function_code == fig["code"]]
    if ":" in fig.get("label", ""):  # a part under a section (年初结转和结余: 一、…): that section's page
        rows = [x for x in rows if x.source is None or x.source.page == fig.get("page")]
    if fig["amount"] is None:
        return not any(x.stated_amount != 0 for x in rows)
    want = _amount(fig["amount"])
    return any(x.stated_amount == want for x in rows)


def narrative_figure_found(fig: dict, figures) -> bool:
    """Whether a stated figure of the narrative has the key figure's amount."""
    if fig["amount"] is None:
        return True
    want = _amount(fig["amount"])
    return any(f.value == want for f in figures)


def figure_misses(key: dict) -> tuple[int, list[dict]]:
    """(figures in the key, the figures not found) for a budget or final-account key."""
    doc = read(key["file"])
    budget = doc.extras.get("budget")
    lines = budget.budget_lines if budget else []
    figures = budget.stated_figures if budget else []
    misses = []
    for fig in key.get("figures", []):
        found = narrative_figure_found(fig, figures) if fig.get("source") == "narrative" \
            else table_figure_found(fig, lines)
        if not found:
            misses.append(fig)
    return len(key.get("figures", [])), misses


def main() -> None:
    """Print N of M key figures found per file."""
    for path in key_files():
        key = json.loads(path.read_text(encoding="utf-8"))
        if not key.get("figures"):
            continue
        total, misses = figure_misses(key)
        print(f"{key['file']}: {total - len(misses)} of {total}")
        for m in misses[:40]:
            print("   ", json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    main()
