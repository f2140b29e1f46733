"""When Python's cyclic garbage collector runs by itself, and when it does not.

Two things turn automatic collection off for a while:

- a bulk step (a bootstrap's page, a bulk registration, the nightly
  loyalty jobs) pauses it: its hundreds of thousands of objects live until
  the step is done, and the collector would only scan them again and again
  for no garbage (about 3 of 18 s of a 100,000-customer bootstrap's CPU,
  bench/RESULTS.md);
- a program that collects by hand on one thread holds it off for as long as
  it does so. The desktop app collects on its GUI thread: an automatic
  collection runs on whichever thread happens to allocate, and a Qt object
  in a garbage cycle freed on the database worker stops its timers from the
  wrong thread (Qt refuses, warns, and the object may outlive its window).

Automatic collection is on exactly when nothing holds it off and the program
had it on before the first hold. Holds nest and overlap across threads.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator

_holds = 0
_lock = threading.Lock()
_was_enabled = False


def _hold() -> None:
    global _holds, _was_enabled
    with _lock:
        if _holds == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holds += 1


def _release() -> None:
    global _holds
    with _lock:
        _holds -= 1
        if _holds == 0 and _was_enabled:
            gc.enable()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic collection for a bulk step, then restore it (see the module's docstring)."""
    _hold()
    try:
        yield
    finally:
        _release()


def hold_automatic_collection() -> Callable[[], None]:
    """Turn automatic collection off until the returned function is called.

    For a program that collects by hand on a thread of its choosing. The
    returned release may be called more than once; only the first call
    counts.
    """
    _hold()
    released = threading.Event()

    def release() -> None:
        with _lock:
            if released.is_set():
                return
            released.set()
        _release()

    return release


def collect_if_due() -> int | None:
    """Collect the generation automatic collection would have collected by now, if any; return it.

    Follows the collector's own thresholds: the youngest generation once
    its allocations exceed the first threshold, an older one once the
    younger was collected more often than its threshold.
    """
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    if thresholds[0] == 0 or counts[0] <= thresholds[0]:
        return None
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 1
        if counts[2] > thresholds[2]:
            generation = 2
    gc.collect(generation)
    return generation
