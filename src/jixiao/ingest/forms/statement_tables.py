"""Tables of statements (placeholder while the prose reader is built)."""

from __future__ import annotations


def read_table(block, ctx, title, found, budget):
    """Read one table block (not yet)."""
    return None
