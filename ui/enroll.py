"""Connecting a terminal to the clinic server: the server's address and a one-time code.

Two uses of one dialog:

- first run: the database is empty, and the terminal joins the clinic the
  code belongs to (``sync.client.enroll.join_clinic``); the clinic's staff,
  catalog and customers then arrive with the first pull;
- a terminal already set up (``bnaura init``, the demo): a manager connects
  it to the server's clinic of the same id (File → Connect to clinic server).

The request runs as an asyncio task in the Qt loop (qasync); the dialog stays
responsive and shows the server's refusal under the field it is about.
"""

from __future__ import annotations

import asyncio
import math
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError
from sync.client.async_http import AsyncSyncClient
from sync.client.enroll import enrollment, join_clinic
from sync.client.http import EnrollmentRefused
from sync.protocol import EnrollResponse

from .runner import DeskRunner
from .sync_driver import RunnerDatabase
from .widgets.field_form import FieldFormDialog

# The server's refusals that are about the code the user typed.
_CODE_REFUSALS = frozenset({"invalid_code", "code_used", "code_expired", "code_locked", "too_many_attempts"})

# The server explains a refusal in English (its ErrorBody message); the
# dialog says it in the user's language instead, by the refusal's code.
_REFUSAL_TEXTS = {
    "invalid_code": QT_TRANSLATE_NOOP(
        "errors", "This enrollment code is not valid: check it, or ask the owner for a new one"
    ),
    "code_used": QT_TRANSLATE_NOOP("errors", "This enrollment code was already used; ask the owner for a new one"),
    "code_expired": QT_TRANSLATE_NOOP("errors", "This enrollment code has expired; ask the owner for a new one"),
    "code_locked": QT_TRANSLATE_NOOP(
        "errors", "This enrollment code was locked after too many wrong attempts; ask the owner for a new one"
    ),
    "too_many_attempts": QT_TRANSLATE_NOOP(
        "errors", "Too many wrong enrollment codes from this computer; wait {minutes} minutes and try again"
    ),
    "clinic_mismatch": QT_TRANSLATE_NOOP(
        "errors",
        "This terminal belongs to another clinic than the one of this code; the owner can adopt it on the "
        "server with: bnaura server clinics add NAME --id {clinic_id}",
    ),
    "device_exists": QT_TRANSLATE_NOOP("errors", "This terminal is already enrolled with this server"),
}


def refusal_message(error: EnrollmentRefused) -> DeskError:
    """Return the server's refusal as an error in the user's language (the server's own words otherwise)."""
    template = _REFUSAL_TEXTS.get(error.server_code)
    if template is None:
        return error
    field = "code" if error.server_code in _CODE_REFUSALS else None
    if error.server_code == "too_many_attempts":
        retry_at = error.detail.get("retry_at")
        seconds = float(retry_at) - time.time() if isinstance(retry_at, int | float) else 600.0
        return BadInput(template, field=field, minutes=max(1, math.ceil(seconds / 60)))
    if error.server_code == "clinic_mismatch":
        return BadInput(template, field=field, clinic_id=str(error.detail.get("terminal_clinic_id", "")))
    return BadInput(template, field=field)


def _check(url: str, code: str, name: str | None) -> None:
    if not url.startswith(("http://", "https://")):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Type the server's address, starting with https:// (or http:// on this PC)"),
            field="url",
        )
    if len([c for c in code if c.isalnum()]) < 4:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Type the enrollment code the owner gave you"), field="code")
    if name is not None and not name.strip():
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Give this terminal a name, e.g. Counter 1"), field="name")


class EnrollDialog(FieldFormDialog):
    """Ask for the server address and code; enroll; ``enrolled(EnrollResponse)`` on success.

    Args:
        runner: the open terminal's worker (an existing terminal), or ``None``.
        path: the empty database to set up (first run), when ``runner`` is ``None``.
        device_name: the suggested terminal name (first run).
    """

    enrolled = Signal(object)

    def __init__(
        self,
        *,
        runner: DeskRunner | None = None,
        path: Path | None = None,
        device_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (runner is None) == (path is None):
            raise ValueError("EnrollDialog needs a runner or a path, not both")
        self.setObjectName("enrollDialog")
        self.runner, self.path = runner, path
        self.first_run = runner is None
        self.answer: EnrollResponse | None = None
        self._task: asyncio.Task[Any] | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("https://clinic.example:8765")
        self.code = QLineEdit(self)
        self.code.setObjectName("enrollCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.name = QLineEdit(device_name, self)
        self.name.setObjectName("terminalName")
        self.progress = QLabel(self)
        self.progress.setObjectName("enrollProgress")
        self.progress.hide()
        self._focus = {"url": self.url, "code": self.code, "name": self.name}
        form = QFormLayout()
        form.addRow(self._caption("url"), self._with_error("url", self.url))
        form.addRow(self._caption("code"), self._with_error("code", self.code))
        if self.first_run:
            form.addRow(self._caption("name"), self._with_error("name", self.name))
        else:
            self.name.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.progress)
        layout.addWidget(self._save_cancel())
        self.setMinimumWidth(520)
        self._retranslate()

    # ------------------------------------------------------------ actions

    def save(self) -> None:
        """Check the fields, then enroll in the background (the dialog stays usable)."""
        if self._task is not None and not self._task.done():
            return
        self.clear_errors()
        url, code, name = self.url.text().strip().rstrip("/"), self.code.text().strip(), self.name.text().strip()
        try:
            _check(url, code, name if self.first_run else None)
        except BadInput as error:
            self._show_field_error(error)
            self._grow_later()
            return
        self._set_busy(True)
        self._task = asyncio.get_event_loop().create_task(self._enroll(url, code, name))

    async def _enroll(self, url: str, code: str, name: str) -> None:
        try:
            if self.first_run:
                assert self.path is not None
                # join_clinic blocks on the network and the new file: a thread of its own.
                answer = await asyncio.get_running_loop().run_in_executor(None, join_clinic, self.path, url, code, name)
            else:
                answer = await self._enroll_terminal(url, code)
        except DeskError as error:
            self._set_busy(False)
            shown = refusal_message(error) if isinstance(error, EnrollmentRefused) else error
            if shown.field == "code":
                self._errors["code"].show_error(shown)
                self.code.setFocus()
            else:
                self.general_error.show_error(shown)
            self._grow_later()
            return
        self.answer = answer
        self._set_busy(False)
        self.enrolled.emit(answer)
        self.accept()

    async def _enroll_terminal(self, url: str, code: str) -> EnrollResponse:
        assert self.runner is not None
        async with AsyncSyncClient(url) as client:
            return await enrollment(RunnerDatabase(self.runner), client.send, url, code)

    def _grow_later(self) -> None:
        QTimer.singleShot(0, self, self.grow_to_fit)

    def grow_to_fit(self) -> None:
        """Grow to the height the wrapped texts now need.

        A window does not grow by itself when a message appears in it: its
        layout's minimum ignores how many lines the wrapped labels take, so
        a refusal (two lines in Thai) overlapped the code field instead.
        """
        layout = self.layout()
        assert layout is not None  # built in __init__
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def busy(self) -> bool:
        """Whether a request is in flight (tests wait on it)."""
        return self._task is not None and not self._task.done()

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        for field in (self.url, self.code, self.name):
            field.setReadOnly(busy)
        self.progress.setVisible(busy)

    # ------------------------------------------------------------ text

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to the clinic server"))
        if self.first_run:
            self.intro.setText(
                self.tr(
                    "This terminal is new. Type the clinic server's address and the one-time enrollment code "
                    "the owner created (bnaura server enroll-code). The clinic's staff, catalog and customers "
                    "then arrive by themselves. To start a new clinic without a server instead, run: bnaura init"
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "Connect this terminal to the clinic server: type its address and the one-time enrollment "
                    "code the owner created. What was done here offline is sent once it is connected."
                )
            )
        self._captions["url"].setText(self.tr("Server address"))
        self._captions["code"].setText(self.tr("Enrollment code"))
        if "name" in self._captions:
            self._captions["name"].setText(self.tr("Terminal name"))
        self.progress.setText(self.tr("Connecting to the server…"))
        self.save_button.setText(self.tr("Connect"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._grow_later()  # after the messages under the fields are re-made too
        super().changeEvent(event)
