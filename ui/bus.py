"""The one change bus: how every screen learns what changed.

A use case run through ``DeskRunner`` emits its ``ChangeSet`` here; sync's
puller (later) will emit what it applied here too. A screen connects to
``changed``, ignores changes it made itself if it wants (``initiator``), and,
when hidden, marks itself stale and refreshes when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from bnaura_desk.domain.changes import ChangeSet


class ChangeBus(QObject):
    """Carries ``(ChangeSet, initiator)`` to every screen."""

    changed = Signal(object, object)  # ChangeSet, initiator (the QObject that asked, or None)

    def announce(self, changes: ChangeSet, initiator: object | None = None) -> None:
        """Tell every screen about ``changes`` (nothing is sent for an empty set)."""
        if not changes.empty:
            self.changed.emit(changes, initiator)
