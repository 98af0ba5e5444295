"""Process set-up for ingest workers and the garbage collector's part in a long ingest.

A forked worker's inherited objects and, while an ingest runs, the calling process's existing
objects are left out of the collector's walks (``worker_start``, ``collector_set_aside``), and young
collections run less often while documents are read.
"""

from __future__ import annotations

import functools
import gc
import os
import signal
import sys
import threading
import time

from jixiao.storage.session import forget_engines_after_fork


# A document's rows, cells and parsed values live until it is stored: with the default first
# threshold (700 allocations) the young collection runs ~50 times per document and finds nothing to
# free. A larger one lets most documents be read between collections (2% fewer instructions).
PARSE_THRESHOLDS = (20_000, 20, 20)


def worker_start() -> None:
    """Set up a forked worker.

    Engines inherited from the parent are dropped (never closed: they are the parent's), and all
    inherited objects leave the garbage collector's view: they live as long as the worker, and
    collections would otherwise walk them again and again (and copy the parent's pages to do so).
    """
    forget_engines_after_fork()
    gc.freeze()
    gc.set_threshold(*PARSE_THRESHOLDS)
    end_with_parent()


def end_with_parent() -> None:
    """End this worker when the process that started it dies (even by ``kill -9``).

    On Linux the kernel sends SIGKILL at the parent's death (``PR_SET_PDEATHSIG``); elsewhere, and
    for the moment between fork and that call, a watcher thread checks the parent once a second.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the call above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="jixiao-parent-watch", daemon=True).start()


def collector_set_aside(fn):
    """Run ``fn`` with the objects that exist before it left out of garbage collections.

    An ingest makes and drops millions of objects; each full collection would walk everything the
    process already holds (modules, the engine, compiled statements) again. They are set aside
    while it runs and handed back to the collector afterwards.
    """
    @functools.wraps(fn)
    def run(*args, **kwargs):
        if gc.get_freeze_count():  # the process manages this itself (the web server freezes at start)
            return fn(*args, **kwargs)
        gc.freeze()
        thresholds = gc.get_threshold()
        gc.set_threshold(*PARSE_THRESHOLDS)
        try:
            return fn(*args, **kwargs)
        finally:
            gc.set_threshold(*thresholds)
            gc.unfreeze()

    return run
