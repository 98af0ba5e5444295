"""Cells of exported spreadsheets never run as formulas (issue 16, formula injection).

A project named ``=HYPERLINK("http://…","点击查看")`` or a comment ``=1+2`` comes from people outside
the system. In an .xlsx, openpyxl would write any text that starts with ``=`` as a live formula:
such text is written as a string cell instead (the text itself unchanged). In a CSV, which Excel
evaluates when it opens the file, text starting with ``=`` ``+`` ``-`` ``@`` (or a tab or carriage
return) gets a leading apostrophe, except plain numbers such as ``-12.50``.
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def risky(value) -> bool:
    """True for text a spreadsheet program could take for a formula."""
    return isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value)


def csv_safe(value):
    """The value for a CSV cell: formula-like text gets a leading apostrophe."""
    return "'" + value if risky(value) else value


def csv_row(row) -> list:
    """A CSV row with every cell made safe."""
    return [csv_safe(v) for v in row]


def xlsx_row(ws, row) -> list:
    """A row for ``ws.append`` (write-only or not) in which text starting with ``=`` stays text."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for v in row:
        if isinstance(v, str) and v.startswith("="):
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"  # a string cell holding the text, never a formula
            out.append(cell)
        else:
            out.append(v)
    return out
