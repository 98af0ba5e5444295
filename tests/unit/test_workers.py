"""The garbage collector is set aside only while an ingest runs."""

from __future__ import annotations

import gc

from jixiao.services import workers


def test_collector_set_aside_only_while_running_and_never_over_a_freeze_of_the_process():
    seen = []
    wrapped = workers.collector_set_aside(
        lambda: seen.append((gc.get_freeze_count(), gc.get_threshold())) or "done")
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    assert wrapped() == "done" and gc.get_freeze_count() == 0 and gc.get_threshold() == before
    assert seen[-1][0] > 0 and seen[-1][1] == workers.PARSE_THRESHOLDS
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert wrapped() == "done" and gc.get_freeze_count() == frozen  # left as the process set it
    finally:
        gc.unfreeze()
