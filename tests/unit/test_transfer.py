"""Documents sent from a parse worker arrive equal to what the worker read."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler

import pytest

from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.source import SourceRef
from jixiao.ingest.forms import read_document
from jixiao.services import transfer
from tests.conftest import SAMPLES, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004

SEEDS = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, SAMPLES / "national" / "forms_standard.xlsx"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_document_crosses_processes_unchanged(path):
    doc = read_document(path.read_bytes(), path.name)
    sent = bytes(ForkingPickler.dumps(doc))
    back = pickle.loads(sent)
    assert back == doc and repr(back) == repr(doc)
    assert len(sent) < len(pickle.dumps(doc))  # rebuilt from fields: no per-object state dicts
    if path == SEED_002:
        assert isinstance(back.extras["budget"], DepartmentBudget) and back.extras["budget"] == doc.extras["budget"]
    assert all(p.source is None or isinstance(p.source, SourceRef) for p in back.projects)


def test_reducers_only_for_classes_built_from_their_fields():
    from dataclasses import dataclass, field

    @dataclass
    class Derived:
        a: int
        b: int = field(init=False, default=0)

    assert transfer._rebuild_from_fields(Derived) is None
    assert transfer._rebuild_from_fields(SourceRef)(SourceRef("a.txt", 3)) == (SourceRef, ("a.txt", 3, None, None, None))


def test_collector_set_aside_only_while_running_and_never_over_a_freeze_of_the_process():
    import gc

    seen = []
    wrapped = transfer.collector_set_aside(lambda: seen.append(gc.get_freeze_count()) or "done")
    assert gc.get_freeze_count() == 0
    assert wrapped() == "done" and seen[-1] > 0 and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert wrapped() == "done" and gc.get_freeze_count() == frozen  # left as the process set it
    finally:
        gc.unfreeze()
