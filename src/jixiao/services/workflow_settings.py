"""The settings the workflow uses: the scoring settings (monitoring month and lights, the execution
rate below which a reason is required, the scoring method), from ``JIXIAO_SCORING_SETTINGS``."""

from __future__ import annotations

import os
from functools import lru_cache

from jixiao.scoring.settings import ScoringSettings, load


@lru_cache(maxsize=4)
def _load(path: str | None) -> ScoringSettings:
    return load(path)


def workflow_settings() -> ScoringSettings:
    """The national defaults, or the TOML file named by ``JIXIAO_SCORING_SETTINGS`` (same file as
    ``jixiao score --settings``), so a self-evaluation scores as the batch scoring does."""
    return _load(os.environ.get("JIXIAO_SCORING_SETTINGS") or None)
