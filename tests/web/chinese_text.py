"""What counts as English or an internal code in text a user reads (issue 17, the ASCII-leak test).

A run of Latin letters is allowed when it is a known word officials use (PDF, Excel, API …), a rule
code (M007), a file name, a URL or part of one, or when it is in the documents themselves (a project
named “VPN线路” quotes its document). Anything else — ``done``, ``wan_yuan``, ``national``,
``le_formula=linear``, an English gloss — is a leak.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from tests.conftest import SAMPLES

ALLOWED = {
    "PDF", "Excel", "API", "CSV", "JSON", "HTML", "URL", "ID", "jixiao", "OpenAPI", "xlsx", "xls", "csv", "txt",
    "tsv", "pdf", "docx", "doc", "html", "json", "http", "https", "MB", "KB", "IP", "Bearer", "Authorization", "curl", "Ctrl",
    "SQLite", "PostgreSQL", "Word", "sha", "CPU", "vs", "GB", "Token",
    "admin", "reviewer", "editor", "viewer", "demo",  # the demo logins (admin / admin-demo), which people type
}
_WORD = re.compile(r"[A-Za-z][A-Za-z_]*(?:[=.][A-Za-z_]+)*")
_RULE_CODE = re.compile(r"^[A-Z]\d{3}$")
_FILE = re.compile(r"[\w.\-]+\.(?:txt|tsv|csv|xlsx|xls|pdf|docx|doc|html|png|json|db)\b", re.I)
_URL = re.compile(r"(?:https?://|sqlite:/|postgresql\+psycopg://|/)[\w/.\-?=&%#{}@:]*")
_TOKEN = re.compile(r"\bjx_[\w\-]+")  # an API token, printed for the user to copy


@lru_cache(maxsize=1)
def document_words() -> frozenset[str]:
    """Every Latin word in the sample documents (text, and the cells of the workbooks)."""
    words: set[str] = set()
    for path in SAMPLES.rglob("*"):
        if path.suffix == ".txt":
            words.update(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
        elif path.suffix == ".xlsx":
            from openpyxl import load_workbook

            for ws in load_workbook(path, read_only=True).worksheets:
                for row in ws.iter_rows(values_only=True):
                    words.update(w for v in row if isinstance(v, str) for w in _WORD.findall(v))
    return frozenset(words)


def leaks(text: str, extra: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The Latin words of ``text`` that are neither allowed nor quoted from a document."""
    text = _URL.sub(" ", _FILE.sub(" ", _TOKEN.sub(" ", text)))
    out = set()
    for w in _WORD.findall(text):
        parts = re.split(r"[=.]", w)
        if all(p in ALLOWED or p in extra or p in document_words() or _RULE_CODE.match(p) for p in parts):
            continue
        if w in document_words() or _RULE_CODE.match(w) or re.fullmatch(r"[A-Z]", w):
            continue  # single capitals: 表中 A、B 栏, sample labels
        out.add(w)
    return out


def sample_of(text: str, word: str, width: int = 40) -> str:
    """The words around the first ``word`` in ``text``, to show where a leak is."""
    i = text.find(word)
    return text[max(0, i - width): i + len(word) + width].replace("\n", " ")


__all__ = ["ALLOWED", "document_words", "leaks", "sample_of", "Path"]
