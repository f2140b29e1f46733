"""Runs use cases and reads off the GUI thread, on the terminal's one connection.

All database work of the app goes through one worker thread, so the UI never
blocks on SQLite and the database only ever sees one connection (see
bnaura_desk/store/engine.py on the WAL bug). Results come back to the GUI
thread through a queued signal; a use case's ChangeSet is announced on the
bus; a ``DeskError`` goes to the caller's ``on_error`` or, by default, to
one message box.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.services.context import Actor, Override
from bnaura_desk.terminal import Terminal

from .bus import ChangeBus
from .collector import GuiThreadCollector


class _SignedIn:
    """The default ``actor`` of ``DeskRunner.run``: whoever is signed in."""


SIGNED_IN = _SignedIn()

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
# Returns the local path of an image by its SHA-256, fetching it from the
# clinic server first when it is not here (see ``DeskRunner.fetch_image``).
FetchImage = Callable[[str], Awaitable[Path]]


def translate_error(error: BaseException) -> str:
    """Return the user's-language message of an error."""
    if isinstance(error, DeskError):
        return error.render(QCoreApplication.translate)
    return QCoreApplication.translate("errors", "Something went wrong: {error}").format(error=error)


class DeskRunner(QObject):
    """The app's single database worker.

    Args:
        terminal: the open terminal database.
        bus: where use cases' change sets are announced.
    """

    _finished = Signal(int)  # the ticket whose outcome is in _outcomes

    def __init__(self, terminal: Terminal, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.bus = bus
        self.actor: Actor | None = None  # the signed-in user; set by the shell
        # How screens get an image that is not on this PC yet (a photo taken
        # at another terminal): the sync driver's fetch through the clinic
        # server, set by the main window when it attaches its driver
        # (``ui.images.fetch_through``). ``None`` (no driver: a screen's own
        # tests) means local files only; screens never use it directly but
        # through ``ui.images.thumbnails_for(runner)``, which knows both.
        self.fetch_image: FetchImage | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-db")
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None, QObject | None, bool]] = {}
        # The jobs in flight, by ticket. The GUI thread lets go of a job
        # (and so of the widgets' methods and arguments it holds) only
        # after the worker has: a widget is never freed on the worker.
        self._jobs: dict[int, Callable[[], Any]] = {}
        self._outcomes: dict[int, tuple[Any, BaseException | None]] = {}  # result, error
        self._finished.connect(self._deliver)
        # Garbage cycles holding widgets must not be freed on the worker either.
        self._collector = GuiThreadCollector(self)

    def run(
        self,
        use_case: Callable[..., ChangeSet],
        /,
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        initiator: QObject | None = None,
        override: Override | None = None,
        actor: Actor | None | _SignedIn = SIGNED_IN,
        **kwargs: Any,
    ) -> int:
        """Run a use case as the signed-in user; ``on_done(changeset)`` on success.

        ``actor=SIGNED_IN`` (default) means the signed-in user; pass an ``Actor``
        or ``None`` (sign-in, setup) to override. The ChangeSet is announced
        on the bus before ``on_done`` runs. Returns a ticket number.
        """
        who = self.actor if isinstance(actor, _SignedIn) else actor

        def job() -> ChangeSet:
            return self.terminal.run(use_case, *args, actor=who, override=override, **kwargs)

        return self._submit(job, on_done, on_error, initiator, announce=True)

    def read(
        self,
        query: Callable[..., Any],
        /,
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **kwargs: Any,
    ) -> int:
        """Run a read; ``on_done(result)`` on the GUI thread. Returns a ticket number."""

        def job() -> Any:
            return self.terminal.read(query, *args, **kwargs)

        return self._submit(job, on_done, on_error, None, announce=False)

    def _submit(
        self, job: Callable[[], Any], on_done: Done | None, on_error: Failed | None, initiator: QObject | None, announce: bool
    ) -> int:
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error, initiator, announce)
        self._jobs[ticket] = job
        self._pool.submit(self._work, ticket)
        return ticket

    def _work(self, ticket: int) -> None:
        # On the worker. Every reference the worker takes is gone before the
        # result is handed over, so the GUI thread's are the last.
        job = self._jobs[ticket]
        result: Any = None
        error: BaseException | None = None
        try:
            result = job()
        except BaseException as failure:  # noqa: BLE001 - handed to the caller's on_error
            error = failure
        self._outcomes[ticket] = (result, error)
        del job, result, error
        # Emitted from the worker thread: Qt queues it to the GUI thread.
        self._finished.emit(ticket)

    @Slot(int)
    def _deliver(self, ticket: int) -> None:
        on_done, on_error, initiator, announce = self._callbacks.pop(ticket)
        result, error = self._outcomes.pop(ticket)
        del self._jobs[ticket]
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                self.show_error(error)
            return
        if announce and isinstance(result, ChangeSet):
            self.bus.announce(result, initiator)
        if on_done is not None:
            on_done(result)

    def show_error(self, error: BaseException, parent: QWidget | None = None) -> None:
        """Show an error in one message box (the default error route)."""
        if not isinstance(error, DeskError):
            traceback.print_exception(error)
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "BN-Aura Desk"), translate_error(error))

    def call(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``fn(*args)`` on the database worker; return its future (no callbacks, no bus).

        For asyncio code in the Qt loop (sync): ``await asyncio.wrap_future(...)``.
        """
        return self._pool.submit(fn, *args, **kwargs)

    def pending(self) -> int:
        """Return how many jobs have not delivered yet (tests wait on 0)."""
        return len(self._callbacks)

    def shutdown(self) -> None:
        """Finish queued work and stop the worker; collection goes back to the interpreter."""
        self._pool.shutdown(wait=True)
        self._collector.stop()
