"""Real excerpts from 16 provinces into the readers, as they are and mutated: a reader may refuse
(SourceError, UnknownForm) but never raise anything else, and what it reads points at real lines.

Mutations: the text cut anywhere (also inside a character), lines deleted, duplicated and swapped,
characters replaced, spaces and pipes inserted or removed, random unicode inserted.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jixiao.ingest.forms import UnknownForm, read_document
from jixiao.ingest.grid import SourceError

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "text"
FILES = sorted(CORPUS.glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in FILES]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(doc, data: bytes) -> None:
    """Money is Decimal and every project and indicator cites a line of the file."""
    n_lines = len(re.split(rb"\r\n|\r|\n", data))
    for p in doc.projects:
        assert p.source is not None and p.source.line is not None and 1 <= p.source.line <= n_lines
        for money in (p.budget, p.actual):
            assert money.total is None or isinstance(money.total, Decimal)
        for ind in p.indicators:
            assert ind.source is not None and 1 <= ind.source.line <= n_lines
    for w in doc.warnings:
        assert w.message


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_corpus_excerpt_reads_or_is_refused_plainly(path):
    data = path.read_bytes()
    try:
        doc = read_document(data, path.name)
    except (SourceError, UnknownForm):
        return
    _check(doc, data)


@st.composite
def mutated(draw) -> bytes:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "replace", "insert", "pipe", "space"]))
        if not lines:
            break
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            junk = {"replace": draw(st.text(min_size=1, max_size=3)), "insert": draw(st.text(max_size=12)),
                    "pipe": "|", "space": " "}[op]
            cut = at + (1 if op == "replace" else 0)
            lines[i] = line[:at] + junk + line[cut:]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


@FUZZ
@given(mutated())
def test_mutated_corpus_never_crashes_a_reader(data):
    try:
        doc = read_document(data, "fuzz.txt")
    except (SourceError, UnknownForm) as exc:
        event(f"refused: {exc.__class__.__name__}")
        return
    event(f"read: {doc.kind}")
    _check(doc, data)
