"""Parsed documents cross from the parse workers to the storing process: keep that cheap.

multiprocessing pickles every Document with all its projects, indicators, budget lines and
source references. By default a slots dataclass pickles as its class and a state that is put
back attribute by attribute (a frozen one through a Python loop); rebuilding each object by
calling its class with its fields costs about half, on both sides. The reducers are registered
with multiprocessing's own pickler only: any other pickling of these objects is unchanged.

The garbage collector's part: a worker's inherited objects and, while an ingest runs, the
storing process's existing objects are left out of its collections (``worker_start``,
``collector_set_aside``).
"""

from __future__ import annotations

import dataclasses
import functools
import gc
from operator import attrgetter

from multiprocessing.reduction import ForkingPickler

from jixiao.domain import budget, model, source
from jixiao.storage.session import forget_engines_after_fork


def _rebuild_from_fields(cls: type):
    """A reducer calling ``cls`` with the object's fields, or None when the class cannot take that."""
    fields = dataclasses.fields(cls)
    if not fields or not all(f.init for f in fields) or hasattr(cls, "__post_init__"):
        return None
    get = attrgetter(*(f.name for f in fields))
    if len(fields) == 1:
        return lambda obj: (cls, (get(obj),))
    return lambda obj: (cls, get(obj))


def register_reducers() -> None:
    """Make the domain dataclasses rebuild from their fields when sent between processes."""
    for module in (model, budget, source):
        for cls in vars(module).values():
            if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__:
                reducer = _rebuild_from_fields(cls)
                if reducer is not None:
                    ForkingPickler.register(cls, reducer)


def worker_start() -> None:
    """Set up a forked parse worker.

    Engines inherited from the parent are dropped (never closed: they are the parent's), and all
    inherited objects leave the garbage collector's view: they live as long as the worker, and
    collections would otherwise walk them again and again (and copy the parent's pages to do so).
    """
    forget_engines_after_fork()
    gc.freeze()


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
        try:
            return fn(*args, **kwargs)
        finally:
            gc.unfreeze()

    return run


register_reducers()
