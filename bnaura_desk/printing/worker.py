"""The print worker: prints what waits in the queue and records each outcome.

One pass (``print_waiting``) takes the queued jobs, oldest first, and for
each reads the printer and the document, prints outside any transaction (a
printer that takes five seconds to time out must not hold the terminal's
one database connection), then records the outcome in a transaction of
its own. A printer that cannot print now leaves its job queued with the
reason, for the next pass: the app runs a pass after each sale and every
little while; ``bnaura printer queue --print`` runs one by hand.

Printing is at least once: a crash after the printer took a job and before
its outcome was committed prints that receipt again on the next pass (a
second paper receipt, never a missing one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet
from ..domain.errors import BadInput, DeskError, NotFound
from ..services.context import SYSTEM, Actor, Override
from ..services.printing import JobState, find_printer, print_jobs, record_attempt, record_printed
from ..services.receipts import receipt_document
from .config import PrinterOffline
from .targets import NETWORK_TIMEOUT_S, deliver, receipt_printout

PRINTOUTS_DIR_NAME = "printouts"

P = ParamSpec("P")
T = TypeVar("T")


class QueueDatabase(Protocol):
    """What a pass needs of the terminal's database: reads, use cases, and its path.

    A ``Terminal`` is one; the app passes one that sends each call to its
    database worker, so the pass itself (and the printer's seconds) runs on
    a thread of its own.
    """

    @property
    def path(self) -> Path: ...

    def read(self, query: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs) -> T: ...

    def run(self, use_case: Callable[..., ChangeSet], /, *args: Any, actor: Actor | None,
            override: Override | None = None, **kwargs: Any) -> ChangeSet: ...


def printouts_dir(terminal: QueueDatabase) -> Path:
    """Return the folder beside the database where PDFs for the PDF viewer are written."""
    return terminal.path.parent / PRINTOUTS_DIR_NAME


@dataclass
class PrintPass:
    """What one pass did: jobs printed, jobs left waiting (with what the person is told), jobs failed."""

    printed: list[str] = field(default_factory=list)
    waiting: list[tuple[str, DeskError]] = field(default_factory=list)
    failed: list[tuple[str, DeskError]] = field(default_factory=list)


def print_waiting(terminal: QueueDatabase, *, actor: Actor = SYSTEM, limit: int = 20,
                  timeout: float = NETWORK_TIMEOUT_S) -> PrintPass:
    """Print up to ``limit`` queued jobs, oldest first, and record each outcome; return what happened.

    A job whose printer is offline, or that has no printer yet, stays
    queued with the reason and one more attempt counted; once one job found
    its printer offline, the later jobs for that printer wait for the next
    pass without another timeout. A job whose document cannot be made
    (``BadInput``, e.g. the branch's tax id is missing) is marked failed.
    """
    outcome = PrintPass()
    offline_printers: dict[str | None, PrinterOffline] = {}
    for job in terminal.read(print_jobs, JobState.QUEUED, limit=limit):
        if job.printer in offline_printers:
            error: DeskError = offline_printers[job.printer]
            terminal.run(record_attempt, job.id, offline_printers[job.printer].reason, actor=actor)
            outcome.waiting.append((job.id, error))
            continue
        try:
            printer = terminal.read(find_printer, job.printer)
        except NotFound as missing:
            terminal.run(record_attempt, job.id, str(missing), actor=actor)
            outcome.waiting.append((job.id, missing))
            continue
        try:
            printout = receipt_printout(terminal.read(receipt_document, job.sale_id, copy=job.is_copy))
        except (BadInput, NotFound) as bad:
            terminal.run(record_attempt, job.id, str(bad), failed=True, actor=actor)
            outcome.failed.append((job.id, bad))
            continue
        try:
            deliver(printer, printout, folder=printouts_dir(terminal), timeout=timeout)
        except PrinterOffline as off:
            offline_printers[job.printer] = off
            terminal.run(record_attempt, job.id, off.reason, actor=actor)
            outcome.waiting.append((job.id, off))
            continue
        terminal.run(record_printed, job.id, actor=actor)
        outcome.printed.append(job.id)
    return outcome
