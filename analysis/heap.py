"""A process's long-lived objects, kept out of the cyclic garbage collector's way.

Loading spaCy's model and the gazetteer tables makes hundreds of thousands of objects that live as
long as the process. While they pile up, Python's cyclic collector keeps running full collections
over all of them and finds almost nothing to free: five full collections took 0.85 s of a
100-article ``analyze`` run, every one of them before the first batch was done (gc.callbacks,
this machine). :func:`loading` pauses the collector while a process builds such objects (the
model and table loaders, :func:`long_lived`), so it runs once they are built rather than many
times while they are. A process that exists only to analyse (the command line, a worker) also
freezes what it has loaded (``freeze=True``, :func:`gc.freeze`: later collections skip those
objects) and collects its youngest objects less often (:data:`ANALYSIS_GC_THRESHOLD`). Only such
a process: a frozen object is still freed when its last reference goes, but a reference cycle
that was garbage when frozen stays, and in a long-lived process (the dashboard's upload page, a
test session) that could be a store connection never closed.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

# An analysing process's collector thresholds: a youngest-generation collection after 20,000 new
# objects instead of Python's 700. A parse and its extractors keep tens of thousands of objects
# alive for a while (the batch's results until they are written), so at 700 the collector ran
# about 700 young and 5 full collections in a 200-article run, traversing them again and again
# and freeing little (the objects are freed by their reference counts). Measured on 200 BBC
# texts, one process: see README "Speed". Cycles still go, a little later.
ANALYSIS_GC_THRESHOLD = (20_000, 20, 20)

P = ParamSpec("P")
T = TypeVar("T")


@contextlib.contextmanager
def loading(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block; with ``freeze``, whatever exists after it is
    frozen (for a process that exists only to analyse, see the module docstring)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
            gc.set_threshold(*ANALYSIS_GC_THRESHOLD)
        if enabled:
            gc.enable()


def long_lived(load: Callable[P, T]) -> Callable[P, T]:
    """``load`` run inside :func:`loading`: for a table loader whose result the process keeps
    (under ``functools.lru_cache``), which may first be called in any batch."""

    @functools.wraps(load)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with loading():
            return load(*args, **kwargs)

    return wrapper
