"""The real corpus files, read once per test session (a budget PDF takes about a second)."""

from __future__ import annotations

import io
import json
import zipfile
from functools import lru_cache
from pathlib import Path

from jixiao.ingest.grid import Grid
from jixiao.ingest.sources import read_grids

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "files"
KEYS = CORPUS.parent / "expected" / "files"


def corpus_bytes(name: str) -> bytes:
    """The bytes of a corpus file, as a user would upload it."""
    return (CORPUS / name).read_bytes()


@lru_cache(maxsize=None)
def grids(name: str) -> tuple[Grid, ...]:
    """The grids of a corpus file (cached: several tests look at the same PDF)."""
    return tuple(read_grids(corpus_bytes(name), name))


def pdf_grid(name: str) -> Grid:
    """The one grid of a corpus PDF."""
    [grid] = grids(name)
    return grid


def answer_key(name: str) -> dict:
    """The hand-made answer key of a corpus file."""
    return json.loads((KEYS / (Path(name).stem + ".json")).read_text(encoding="utf-8"))


def squash(text: str | None) -> str:
    """Text without any whitespace: the answer keys were copied from two extractions that space
    wrapped cells differently."""
    return "".join((text or "").split())


def zip_of(entries: dict[str, bytes]) -> bytes:
    """A zip archive holding ``entries`` (name → bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()
