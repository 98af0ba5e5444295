"""Mutated seed text into the readers: SourceError / UnknownForm are the only ways to say no.

Cells and lines are deleted, duplicated and shuffled, tabs removed, random unicode inserted and the
text cut anywhere (also inside a UTF-8 character); whatever is read must still trace to a real line.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jixiao.ingest.forms import READERS, UnknownForm, read_document
from jixiao.ingest.grid import SourceError
from tests.conftest import SAMPLES, SEED_000, SEED_001, SEED_003, SEED_004

TEXTS = [p.read_text(encoding="utf-8")
         for p in (SEED_000, SEED_001, SEED_003, SEED_004, SAMPLES / "national" / "forms_variant.txt")]
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pick(draw, seq) -> int:
    return draw(st.integers(0, max(len(seq) - 1, 0)))


def _delete_cell(draw, lines):
    row = lines[_pick(draw, lines)]
    if row:
        del row[_pick(draw, row)]


def _duplicate_cell(draw, lines):
    row = lines[_pick(draw, lines)]
    if row:
        i = _pick(draw, row)
        row.insert(i, row[i])


def _shuffle_cells(draw, lines):
    i = _pick(draw, lines)
    lines[i] = draw(st.permutations(lines[i]))


def _delete_line(draw, lines):
    if lines:
        del lines[_pick(draw, lines)]


def _duplicate_line(draw, lines):
    if lines:
        i = _pick(draw, lines)
        lines.insert(_pick(draw, lines), list(lines[i]))


def _shuffle_lines(draw, lines):
    a, b = sorted((_pick(draw, lines), _pick(draw, lines)))
    lines[a:b + 1] = draw(st.permutations(lines[a:b + 1]))


def _remove_tabs(draw, lines):
    i = _pick(draw, lines)
    lines[i] = ["".join(lines[i])]


def _insert_unicode(draw, lines):
    row = lines[_pick(draw, lines)]
    junk = draw(st.text(min_size=1, max_size=12))
    if row:
        i = _pick(draw, row)
        cut = draw(st.integers(0, len(row[i])))
        row[i] = row[i][:cut] + junk + row[i][cut:]
    else:
        row.append(junk)


MUTATIONS = [_delete_cell, _duplicate_cell, _shuffle_cells, _delete_line, _duplicate_line,
             _shuffle_lines, _remove_tabs, _insert_unicode]


@st.composite
def mutated_bytes(draw) -> bytes:
    lines = [line.split("\t") for line in draw(st.sampled_from(TEXTS)).split("\n")]
    for _ in range(draw(st.integers(1, 8))):
        draw(st.sampled_from(MUTATIONS))(draw, lines)
    data = "\n".join("\t".join(cells) for cells in lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


def _check(doc, data: bytes) -> None:
    """What was read is well-formed: known kind, Decimal money, every object on a real line."""
    n_lines = len(re.split(rb"\r\n|\r|\n", data))  # CR, LF and CRLF end a line, as in an editor
    assert doc.kind in {str(reader.KIND) for reader in READERS}
    for p in doc.projects:
        assert p.source is not None and 1 <= p.source.line <= n_lines
        for money in (p.budget, p.actual):
            assert money.total is None or isinstance(money.total, Decimal)
        for ind in p.indicators:
            assert ind.source is not None and 1 <= ind.source.line <= n_lines
            assert ind.target.text is not None
    for w in doc.warnings:
        assert w.message


@FUZZ
@given(mutated_bytes())
def test_mutated_text_never_crashes_a_reader(data):
    try:
        doc = read_document(data, "fuzz.txt")
    except (SourceError, UnknownForm) as exc:
        event(f"refused: {exc.__class__.__name__}")
        return
    event(f"read: {doc.kind}")
    _check(doc, data)


@FUZZ
@given(st.sampled_from(TEXTS), st.integers(0, 2**31), st.text(max_size=40))
def test_cut_anywhere_with_junk_tail(text, where, junk):
    data = text.encode("utf-8")
    data = data[:where % (len(data) + 1)] + junk.encode("utf-8", "surrogatepass")
    try:
        doc = read_document(data, "cut.txt")
    except (SourceError, UnknownForm):
        return
    _check(doc, data)


def test_page_break_characters_do_not_shift_line_numbers():
    """pdftotext puts a form feed at each page break; lines are still counted as an editor shows them."""
    plain = SEED_000.read_bytes()
    lines = plain.split(b"\n")
    lines[20] = b"\x0c" + lines[20]  # the page break before the second page's header
    lines[33] = b"\x0b\x1c" + lines[33]
    with_breaks = b"\n".join(lines)
    expected = [p.source.line for p in read_document(plain, "a.txt").projects]
    got = read_document(with_breaks, "b.txt").projects
    assert [p.source.line for p in got] == expected and len(expected) == 33
    assert got[17].name == "就业服务管理" and got[17].source.line == 38
