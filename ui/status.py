"""The status bar: who is signed in, which clinic, and the sync state.

``SyncIndicator.set_state`` is the API the sync client (a later issue) will
drive; until a device is enrolled it reads "Sync: not set up".
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from bnaura_desk.domain.roles import ROLE_LABELS
from bnaura_desk.services.context import Actor

from .i18n import current_language


class SyncState(StrEnum):
    NOT_SET_UP = "not_set_up"  # no server enrolled yet
    OFFLINE = "offline"  # enrolled, server unreachable: working locally
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    PROBLEM = "problem"  # e.g. the server refused an operation; see ``detail``


_DOT_COLOURS = {
    SyncState.NOT_SET_UP: "#9aa3ad",
    SyncState.OFFLINE: "#d97706",
    SyncState.SYNCING: "#2563eb",
    SyncState.UP_TO_DATE: "#15803d",
    SyncState.PROBLEM: "#b42318",
}


class SyncIndicator(QWidget):
    """A coloured dot and a short translated text for the sync state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        self._dot = QLabel(self)
        self._dot.setObjectName("syncDot")
        self._label = QLabel(self)
        layout.addWidget(self._dot)
        layout.addWidget(self._label)
        self.state = SyncState.NOT_SET_UP
        self.pending = 0
        self.detail = ""
        self._render()

    def set_state(self, state: SyncState, *, pending: int = 0, detail: str = "") -> None:
        """Show ``state``.

        Args:
            state: what the sync client is doing.
            pending: operations in the outbox not yet acknowledged.
            detail: a translated explanation, shown for ``PROBLEM``.
        """
        self.state, self.pending, self.detail = SyncState(state), pending, detail
        self._render()

    def text(self) -> str:
        return self._label.text()

    def _render(self) -> None:
        texts = {
            SyncState.NOT_SET_UP: self.tr("Sync: not set up"),
            SyncState.OFFLINE: self.tr("Sync: offline, {pending} waiting"),
            SyncState.SYNCING: self.tr("Sync: syncing, {pending} waiting"),
            SyncState.UP_TO_DATE: self.tr("Sync: up to date"),
            SyncState.PROBLEM: self.tr("Sync: problem: {detail}"),
        }
        self._label.setText(texts[self.state].format(pending=self.pending, detail=self.detail))
        self._dot.setStyleSheet(f"background: {_DOT_COLOURS[self.state]};")
        self.setToolTip(self._label.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class DeskStatusBar(QStatusBar):
    """The main window's status bar: user and role, clinic, sync state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.clinic_label = QLabel(self)
        self.clinic_label.setObjectName("statusClinic")
        self.sync = SyncIndicator(self)
        self.addWidget(self.user_label)
        self.addPermanentWidget(self.clinic_label)
        self.addPermanentWidget(self.sync)
        self._actor: Actor | None = None
        self._clinic = ("", "")
        self._render()

    def set_user(self, actor: Actor | None) -> None:
        """Show the signed-in user and role (``None``: nobody signed in)."""
        self._actor = actor
        self._render()

    def set_clinic(self, name_th: str, name_en: str = "") -> None:
        """Show the clinic's name (the English one in English, when it has one)."""
        self._clinic = (name_th, name_en)
        self._render()

    def _render(self) -> None:
        if self._actor is None:
            self.user_label.setText(self.tr("Not signed in"))
        else:
            role = QCoreApplication.translate("roles", ROLE_LABELS[self._actor.role])
            self.user_label.setText(self.tr("Signed in: {name} ({role})").format(name=self._actor.name, role=role))
        name_th, name_en = self._clinic
        self.clinic_label.setText(name_en if current_language() == "en" and name_en else name_th)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
