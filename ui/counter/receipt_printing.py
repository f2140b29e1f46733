"""The counter's receipt printer: queueing each sale's receipt and printing the queue off the GUI thread.

Checkout queues each sale's receipt in the sale's own transaction when
this terminal has a printer (``services.printing.queue_sale_receipt``);
the POS then runs a print pass at once (a reprint is queued here, as a
copy). A pass
(``printing.worker.print_waiting``) runs on a thread of its own: the
printer may take seconds to answer or time out, and that must hold up
neither the counter nor the database worker. Each of the pass's short reads
and writes goes to the database worker (``DeskRunner.call``), so the
terminal's one connection is still used by one thread. While receipts wait
(the printer is off), a pass runs again every ``RETRY_SECONDS``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from sqlalchemy.orm import Session

from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import NotFound
from bnaura_desk.printing.config import PrinterConfig
from bnaura_desk.printing.targets import NETWORK_TIMEOUT_S
from bnaura_desk.printing.worker import PrintPass, print_waiting
from bnaura_desk.services.context import Actor, Override
from bnaura_desk.services.printing import find_printer, queue_receipt

from ..customers.callbacks import while_alive
from ..runner import DeskRunner

RETRY_SECONDS = 30

P = ParamSpec("P")
T = TypeVar("T")


class _ThroughWorker:
    """The terminal as a print pass sees it: every read and use case runs on the app's database worker."""

    def __init__(self, runner: DeskRunner) -> None:
        self._runner = runner

    @property
    def path(self) -> Path:
        return self._runner.terminal.path

    def read(self, query: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        result: T = self._runner.call(self._runner.terminal.read, query, *args, **kwargs).result()
        return result

    def run(self, use_case: Callable[..., ChangeSet], /, *args: Any, actor: Actor | None,
            override: Override | None = None, **kwargs: Any) -> ChangeSet:
        terminal = self._runner.terminal
        changes: ChangeSet = self._runner.call(
            lambda: terminal.run(use_case, *args, actor=actor, override=override, **kwargs)).result()
        return changes


class ReceiptPrinting(QObject):
    """Queues receipts for this terminal's default printer and prints them off the GUI thread.

    Args:
        runner: the app's database worker.
        timeout: how long a network printer may take to answer.

    Signals:
        passed(PrintPass): a print pass ended (on the GUI thread).
        failed(BaseException): a pass could not run at all, or a receipt could not be queued.
    """

    passed = Signal(object)
    failed = Signal(object)
    _pass_over = Signal(object, object)  # PrintPass | None, BaseException | None; emitted from the print thread

    def __init__(self, runner: DeskRunner, parent: QObject | None = None, *,
                 timeout: float = NETWORK_TIMEOUT_S) -> None:
        super().__init__(parent)
        self.runner = runner
        self.timeout = timeout
        self.printer: PrinterConfig | None = None  # this terminal's default printer (None: receipts stay PDFs)
        self.last: PrintPass | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-print")
        self._running = False
        self._again = False
        self._retry = QTimer(self)
        self._retry.timeout.connect(self.print_now)
        self._pass_over.connect(self._over)

    @property
    def busy(self) -> bool:
        """Whether a print pass is running (or another is due right after it)."""
        return self._running or self._again

    @property
    def retrying(self) -> bool:
        """Whether receipts wait and a pass runs again every ``RETRY_SECONDS``."""
        return self._retry.isActive()

    def refresh(self) -> None:
        """Read this terminal's default printer again; a pass runs when it is new (receipts may wait for it)."""
        self.runner.read(_default_printer, on_done=while_alive(self, self._found_printer),
                         on_error=while_alive(self, self.failed.emit))

    def _found_printer(self, printer: PrinterConfig | None) -> None:
        previous, self.printer = self.printer, printer
        if printer is None:
            self._retry.stop()
        elif printer != previous:
            # At start, or a printer set up or changed: what waits may print now. Not on every
            # refresh: an offline printer would cost a timeout each time the screen reads again.
            self.print_now()

    def queue(self, sale_id: str, *, copy: bool = False) -> None:
        """Queue sale ``sale_id``'s receipt (``copy``: a reprint marked สำเนา / COPY) and print it at once."""
        self.runner.run(queue_receipt, sale_id, copy=copy, on_done=while_alive(self, lambda _c: self.print_now()),
                        on_error=while_alive(self, self.failed.emit))

    @Slot()
    def print_now(self) -> None:
        """Run a print pass off the GUI thread (one at a time: asked during a pass, another follows it)."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._thread.submit(self._pass, _ThroughWorker(self.runner), self.timeout)

    def _pass(self, database: _ThroughWorker, timeout: float) -> None:
        # On the print thread.
        outcome: PrintPass | None = None
        error: BaseException | None = None
        try:
            outcome = print_waiting(database, timeout=timeout)
        except BaseException as failure:  # noqa: BLE001 - handed to the GUI thread
            error = failure
        try:
            self._pass_over.emit(outcome, error)
        except RuntimeError:
            pass  # the screen is gone (the app is closing): the jobs stay queued for next time

    @Slot(object, object)
    def _over(self, outcome: PrintPass | None, error: BaseException | None) -> None:
        self._running = False
        if error is not None:
            self._again = False
            self.failed.emit(error)
            return
        assert outcome is not None
        self.last = outcome
        if outcome.waiting:
            if not self._retry.isActive():
                self._retry.start(int(RETRY_SECONDS * 1000))
        else:
            self._retry.stop()
        self.passed.emit(outcome)
        if self._again:
            self._again = False
            self.print_now()

    def shutdown(self) -> None:
        """Stop retrying and let a running pass finish (what is queued prints next time)."""
        self._retry.stop()
        self._thread.shutdown(wait=False)


def _default_printer(session: Session) -> PrinterConfig | None:
    try:
        return find_printer(session)
    except NotFound:
        return None
