"""After a store changes: score and check it again, as ``jixiao ingest`` + ``score`` + ``check`` do.

An upload on the web or through the API is followed by this, so its document shows its findings
and its projects their scores without anyone running the command line. Both steps replace their
earlier results in one transaction each; one lock keeps two uploads from running them at once.
"""

from __future__ import annotations

import threading

from sqlalchemy.orm import Session, sessionmaker

from .checks import run_and_store
from .scoring import score_store

_LOCK = threading.Lock()


def check_and_score(factory: sessionmaker[Session]) -> None:
    """Score every self-evaluated project, then run every check (the scoring audit among them)."""
    with _LOCK:
        score_store(factory)
        run_and_store(factory)


__all__ = ["check_and_score"]
