"""Python's cyclic garbage collector, run on the GUI thread only.

An automatic collection runs on whichever thread happens to allocate, and
frees every cycle it finds there: a widget or a timer of a closed screen,
freed on the database worker, stops its timers from the wrong thread (Qt
refuses with "Timers cannot be stopped from another thread" and the object
may outlive its window). While the app has a worker, automatic collection
is held off and this collector runs the same collections, by the
collector's own thresholds, from a timer on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from bnaura_desk.store.collector import collect_if_due, hold_automatic_collection

# How often the thresholds are looked at. Garbage made in between waits at
# most this long; a look is a few counters.
CHECK_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Holds automatic collection off and collects on the thread that owns it, until ``stop``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._release = hold_automatic_collection()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()

    def stop(self) -> None:
        """Stop collecting here and give collection back to the interpreter (may be called twice)."""
        self._timer.stop()
        collect_if_due()
        self._release()
