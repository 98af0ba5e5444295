"""The unit registry: one unit, one name, whatever a document writes (data: ``unit_aliases.toml``).

``canonical("龙岗区职业训练中心")`` is ``职业训练中心``; a name no entry lists is its own unit. A
different file can be named by ``JIXIAO_UNIT_ALIASES`` (same layout), e.g. a region's own registry.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from .text import normalise

DEFAULT = Path(__file__).with_name("unit_aliases.toml")


@lru_cache(maxsize=4)
def _aliases(path: str) -> dict[str, str]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for entry in data.get("units", []):
        name = entry["name"]
        for alias in entry.get("aliases", []):
            out[normalise(alias)] = name
    return out


def aliases() -> dict[str, str]:
    """Normalised alias → the unit's name."""
    return _aliases(os.environ.get("JIXIAO_UNIT_ALIASES") or str(DEFAULT))


def canonical(name: str | None) -> str | None:
    """The registry's name of the unit ``name`` stands for (``name`` itself when it is no alias)."""
    if not name:
        return name
    return aliases().get(normalise(name), name)


def groups() -> dict[str, list[str]]:
    """The unit's name → the aliases the registry lists for it."""
    out: dict[str, list[str]] = {}
    data = tomllib.loads(Path(os.environ.get("JIXIAO_UNIT_ALIASES") or DEFAULT).read_text(encoding="utf-8"))
    for entry in data.get("units", []):
        out.setdefault(entry["name"], []).extend(entry.get("aliases", []))
    return out
