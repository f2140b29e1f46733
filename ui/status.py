"""The status bar: who is signed in, which chain and branch, and the sync state.

``SyncIndicator`` shows what ``ui.sync_driver.SyncDriver`` reports; until
the terminal is enrolled it reads "Sync: not set up".
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from bnaura_desk.domain.roles import ROLE_LABELS
from bnaura_desk.services.context import Actor

from .i18n import current_language
from .widgets.dates import bangkok_date, format_datetime, format_time


class SyncState(StrEnum):
    NOT_SET_UP = "not_set_up"  # no server enrolled yet
    OFFLINE = "offline"  # enrolled, server unreachable: working locally
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    PROBLEM = "problem"  # e.g. the server refused an operation; see ``detail``


NOTICE_MS = 10_000  # how long an answer to "Sync now" stays in the status bar

_DOT_COLOURS = {
    SyncState.NOT_SET_UP: "#9aa3ad",
    SyncState.OFFLINE: "#d97706",
    SyncState.SYNCING: "#2563eb",
    SyncState.UP_TO_DATE: "#15803d",
    SyncState.PROBLEM: "#b42318",
}


class SyncIndicator(QWidget):
    """A coloured dot, a short translated text and a "Sync now" button.

    The ``SyncDriver`` drives it (``show_view``); a long pull (a new
    terminal's bootstrap) shows a progress bar beside it.
    """

    sync_requested = Signal()
    # A short answer to "Sync now" for the status bar (e.g. the server is
    # unreachable and when the next try is): the state text alone looked
    # the same before and after the click.
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        self._dot = QLabel(self)
        self._dot.setObjectName("syncDot")
        self._label = QLabel(self)
        self._label.setObjectName("syncText")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("syncProgress")
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setVisible(False)
        self.sync_button = QToolButton(self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.request_sync)
        self.sync_button.setVisible(False)
        layout.addWidget(self._dot)
        layout.addWidget(self._label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.sync_button)
        self.state = SyncState.NOT_SET_UP
        self.pending = 0
        self.problems = 0
        self.last_sync_at: datetime | None = None
        self.detail = ""
        self.retry_at: datetime | None = None
        self._asked = False  # "Sync now" was asked and has not been answered yet
        self._render()

    def request_sync(self) -> None:
        """Ask for a sync now ("Sync now", F5); the outcome is answered with ``notice``."""
        self._asked = True
        self.sync_requested.emit()

    def set_state(
        self,
        state: SyncState,
        *,
        pending: int = 0,
        problems: int = 0,
        detail: str = "",
        last_sync_at: datetime | None = None,
        retry_at: datetime | None = None,
    ) -> None:
        """Show ``state``.

        Args:
            state: what the sync client is doing.
            pending: operations in the outbox not yet acknowledged.
            problems: open exceptions and refused operations; a ``PROBLEM``
                without ``detail`` says how many wait for a manager (worded
                here, so a language change re-words it).
            detail: a translated explanation, shown for ``PROBLEM``.
            last_sync_at: the end of the last complete round (``None``: never).
            retry_at: ``OFFLINE``: when the next try is due (``None``: not known yet).
        """
        self.state, self.pending, self.problems, self.detail = SyncState(state), pending, problems, detail
        self.last_sync_at, self.retry_at = last_sync_at, retry_at
        self._render()
        self._answer_request()

    def _answer_request(self) -> None:
        if not self._asked or self.state is SyncState.SYNCING:
            return  # nothing asked, or the round asked for is still running
        if self.state is SyncState.OFFLINE and self.retry_at is None:
            return  # the driver says when it tries next in a moment
        self._asked = False
        if self.state is SyncState.OFFLINE:
            self.notice.emit(self._unreachable())
        elif self.state is SyncState.UP_TO_DATE:
            self.notice.emit(self.tr("Synced with the clinic server"))

    def _unreachable(self) -> str:
        assert self.retry_at is not None
        return self.tr("Server unreachable: working offline, will retry at {time}").format(
            time=format_time(self.retry_at)
        )

    def show_view(self, view: Any) -> None:
        """Show a ``ui.sync_driver.SyncView``."""
        self.set_state(
            view.state, pending=view.pending, problems=view.problems, detail=view.detail,
            last_sync_at=view.last_sync_at, retry_at=view.retry_at,
        )

    def show_progress(self, done: int, total: int) -> None:
        """Show a pull's progress; hidden again once ``done`` reaches ``total``."""
        # Small pulls finish before anyone could read a bar: only long ones show it.
        if total <= 1000:
            self.progress_bar.setVisible(False)
            return
        # Filled before it goes: the last page moves it like the others.
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))
        self.progress_bar.setVisible(done < total)

    def text(self) -> str:
        return self._label.text()

    def _last_sync(self) -> str:
        if self.last_sync_at is None:
            return self.tr("never synced")
        when = self.last_sync_at
        if bangkok_date(when) == bangkok_date(datetime.now(UTC)):
            stamp = format_time(when)
        else:
            stamp = format_datetime(when)
        return self.tr("last synced {time}").format(time=stamp)

    def _render(self) -> None:
        detail = self.detail
        if not detail and self.problems:
            detail = self.tr("{count} need a manager (Exceptions)").format(count=self.problems)
        texts = {
            SyncState.NOT_SET_UP: self.tr("Sync: not set up"),
            SyncState.OFFLINE: self.tr("Sync: offline, {pending} waiting ({last})"),
            SyncState.SYNCING: self.tr("Sync: syncing, {pending} waiting"),
            SyncState.UP_TO_DATE: self.tr("Sync: up to date ({last})"),
            SyncState.PROBLEM: self.tr("Sync: problem: {detail}"),
        }
        text = texts[self.state].format(pending=self.pending, detail=detail, last=self._last_sync())
        if self.state is SyncState.OFFLINE and self.retry_at is not None:
            text = self.tr("{offline}; next try at {time}").format(offline=text, time=format_time(self.retry_at))
        self._label.setText(text)
        self._dot.setStyleSheet(f"background: {_DOT_COLOURS[self.state]};")
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setVisible(self.state is not SyncState.NOT_SET_UP)
        # Thai stacked marks (the tone mark over the vowel of "เดี๋ยว")
        # rise above the font's ascent, and the tool button leaves only a
        # thin margin over the font's height: they crossed its top border.
        # Room above and below, the text still centred.
        room = math.ceil(self.sync_button.fontMetrics().ascent() * 0.2)
        self.sync_button.setMinimumHeight(self.sync_button.sizeHint().height() + 2 * room)
        tip = self._label.text()
        if self.state is not SyncState.NOT_SET_UP:
            tip += "\n" + self.tr("{pending} operations waiting; {last}").format(
                pending=self.pending, last=self._last_sync()
            )
        self.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class DeskStatusBar(QStatusBar):
    """The main window's status bar: user and role, chain and branch, sync state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.clinic_label = QLabel(self)
        self.clinic_label.setObjectName("statusClinic")
        self.sync = SyncIndicator(self)
        self.sync.notice.connect(lambda text: self.showMessage(text, NOTICE_MS))
        self.addWidget(self.user_label)
        self.addPermanentWidget(self.clinic_label)
        self.addPermanentWidget(self.sync)
        self._actor: Actor | None = None
        self._clinic = ("", "")
        self._chain = ""
        self._render()

    def set_user(self, actor: Actor | None) -> None:
        """Show the signed-in user and role (``None``: nobody signed in)."""
        self._actor = actor
        self._render()

    def set_clinic(self, name_th: str, name_en: str = "", chain: str = "") -> None:
        """Show the branch's name (the English one in English, when it has one) after its chain's.

        A single clinic (a chain of one branch called like it) shows its name once.
        """
        self._clinic = (name_th, name_en)
        self._chain = chain
        self._render()

    def _render(self) -> None:
        if self._actor is None:
            self.user_label.setText(self.tr("Not signed in"))
        else:
            role = QCoreApplication.translate("roles", ROLE_LABELS[self._actor.role])
            self.user_label.setText(self.tr("Signed in: {name} ({role})").format(name=self._actor.name, role=role))
        name_th, name_en = self._clinic
        branch = name_en if current_language() == "en" and name_en else name_th
        chain = self._chain
        if chain and chain not in (name_th, name_en):
            self.clinic_label.setText(f"{chain} · {branch}")
        else:
            self.clinic_label.setText(branch)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
