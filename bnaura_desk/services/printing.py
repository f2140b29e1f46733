"""This terminal's printers and its print queue (the local tables ``printers`` and ``print_jobs``).

A sale's receipt is queued by the caller after the sale committed, never in
its transaction: the sale stands whatever the printer does. The worker
(``printing.worker``) takes the queued jobs, prints each outside any
transaction, and records the outcome here: printed, or still queued after
one more attempt (an offline printer), or failed (the document itself
cannot be made, e.g. the branch has no tax id yet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, NotFound
from ..domain.ids import uuid7
from ..domain.roles import Permission
from ..printing.config import PrinterConfig, PrinterKind
from ..store.models import PrinterRow, PrintJob, Sale
from .context import ServiceContext


class JobState(StrEnum):
    """Where a print job stands."""

    QUEUED = "queued"
    PRINTED = "printed"
    FAILED = "failed"


class DocumentKind(StrEnum):
    """Which document of a sale a job prints."""

    RECEIPT = "receipt"


@dataclass(frozen=True)
class QueuedJob:
    """A print job as the queue lists it (``sale_number`` is the receipt's number)."""

    id: str
    sale_id: str
    sale_number: str
    document: DocumentKind
    is_copy: bool
    printer: str | None
    state: JobState
    attempts: int
    last_error: str
    created_at: datetime
    updated_at: datetime


def _config(row: PrinterRow) -> PrinterConfig:
    return PrinterConfig(row.name, PrinterKind(row.kind), row.address, row.width_dots)


def list_printers(session: Session) -> list[tuple[PrinterConfig, bool]]:
    """Return this terminal's printers by name, each with whether it is the default."""
    rows = session.scalars(select(PrinterRow).order_by(PrinterRow.name))
    return [(_config(row), row.is_default) for row in rows]


def find_printer(session: Session, name: str | None = None) -> PrinterConfig:
    """Return the printer called ``name``, or the default one when ``name`` is ``None``.

    The default is the one marked so, else the only printer there is.

    Raises:
        NotFound: no such printer, or none is set up on this terminal.
    """
    if name is not None:
        row = session.get(PrinterRow, name)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no printer {name} on this terminal"),
                           field="printer", name=name)
        return _config(row)
    rows = list(session.scalars(select(PrinterRow).order_by(PrinterRow.is_default.desc(), PrinterRow.name)))
    if not rows or (not rows[0].is_default and len(rows) > 1):
        raise NotFound(QT_TRANSLATE_NOOP(
            "errors", "This terminal has no default receipt printer: bnaura printer add NAME ... --default"),
            field="printer")
    return _config(rows[0])


def set_printer(ctx: ServiceContext, printer: PrinterConfig, *, default: bool = False) -> ChangeSet:
    """Add or change the printer ``printer.name`` of this terminal (``default``: the one receipts go to).

    Raises:
        PermissionDenied: the actor may not change the clinic's settings.
    """
    ctx.require(Permission.CLINIC_SETTINGS)
    row = ctx.session.get(PrinterRow, printer.name)
    before = None if row is None else {"kind": row.kind, "address": row.address, "width_dots": row.width_dots,
                                       "is_default": row.is_default}
    if row is None:
        row = PrinterRow(name=printer.name, created_at=ctx.now, is_default=False)
        ctx.session.add(row)
    row.kind, row.address, row.width_dots, row.updated_at = printer.kind.value, printer.address, printer.width_dots, ctx.now
    if default:
        for other in ctx.session.scalars(select(PrinterRow).where(PrinterRow.is_default)):
            other.is_default = False
        row.is_default = True
    after = {"kind": row.kind, "address": row.address, "width_dots": row.width_dots, "is_default": row.is_default}
    # Local set-up: audited, never synced (payload None).
    ctx.journal(action="printer.set", entity=Kind.PRINTER, entity_id=printer.name, before=before, after=after)
    return ctx.changes.build(printer.name)


def queue_receipt(ctx: ServiceContext, sale_id: str, *, copy: bool = False, printer: str | None = None) -> ChangeSet:
    """Queue the receipt of the committed sale ``sale_id`` for printing (a reprint, or a first print by hand); the result is the job's id.

    Checkout queues a sale's first print itself, in the sale's own
    transaction, when the terminal has a printer (``queue_sale_receipt``).
    ``copy`` prints a reprint (marked สำเนา / COPY, never opening the
    drawer); ``printer`` names a printer, ``None`` is the default one at
    the time it prints.

    Raises:
        NotFound: no such sale here.
    """
    sale = ctx.session.get(Sale, sale_id)
    if sale is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such sale"), field="sale")
    return ctx.changes.build(_queue(ctx, sale_id, sale.number, copy, printer))


def queue_sale_receipt(ctx: ServiceContext, sale_id: str, number: str, *, copy: bool = False) -> str | None:
    """Queue the first print of a sale being checked out, in its transaction; return the job's id.

    A building block of checkout: the sale and its print job commit
    together, so a crash between them cannot leave a sale whose receipt
    never prints. None (nothing queued) when the terminal has no printer:
    the counter then writes the receipt as a PDF. ``copy``: a copy instead
    (a deposit's balance paid later prints one, listing every payment).
    """
    if ctx.session.scalars(select(PrinterRow.name).limit(1)).first() is None:
        return None
    return _queue(ctx, sale_id, number, copy, None)


def _queue(ctx: ServiceContext, sale_id: str, number: str, copy: bool, printer: str | None) -> str:
    job = PrintJob(id=uuid7(), sale_id=sale_id, document=DocumentKind.RECEIPT.value, is_copy=copy, printer=printer,
                   state=JobState.QUEUED.value, attempts=0, last_error="", created_at=ctx.now, updated_at=ctx.now)
    ctx.session.add(job)
    ctx.journal(action="print_job.queue", entity=Kind.PRINT_JOB, entity_id=job.id,
                after={"sale": number, "document": job.document, "copy": copy, "printer": printer})
    return job.id


def _view(job: PrintJob, number: str) -> QueuedJob:
    return QueuedJob(job.id, job.sale_id, number, DocumentKind(job.document), job.is_copy, job.printer,
                     JobState(job.state), job.attempts, job.last_error, job.created_at, job.updated_at)


def print_jobs(session: Session, *states: JobState, limit: int | None = None) -> list[QueuedJob]:
    """Return the jobs in ``states`` (all states when none is given), oldest first."""
    query = select(PrintJob, Sale.number).join(Sale, Sale.id == PrintJob.sale_id)
    if states:
        query = query.where(PrintJob.state.in_([s.value for s in states]))
    query = query.order_by(PrintJob.created_at, PrintJob.id).limit(limit)
    return [_view(job, number) for job, number in session.execute(query)]


def _job(ctx: ServiceContext, job_id: str) -> PrintJob:
    job = ctx.session.get(PrintJob, job_id)
    if job is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such print job"), field="job")
    return job


def record_printed(ctx: ServiceContext, job_id: str) -> ChangeSet:
    """Record that job ``job_id`` printed (one more attempt, the last).

    Raises:
        NotFound: no such job.
    """
    job = _job(ctx, job_id)
    job.state, job.attempts, job.last_error = JobState.PRINTED.value, job.attempts + 1, ""
    job.updated_at = job.printed_at = ctx.now
    ctx.journal(action="print_job.printed", entity=Kind.PRINT_JOB, entity_id=job.id,
                after={"sale_id": job.sale_id, "copy": job.is_copy, "attempts": job.attempts})
    return ctx.changes.build(job.id)


def record_attempt(ctx: ServiceContext, job_id: str, error: str, *, failed: bool = False) -> ChangeSet:
    """Record an attempt at job ``job_id`` that did not print, and why (``error``).

    The job stays queued, to be tried again, unless ``failed``: the
    document cannot be made and trying again will not help until someone
    fixes its cause.

    Raises:
        NotFound: no such job.
    """
    job = _job(ctx, job_id)
    job.attempts += 1
    job.last_error, job.updated_at = error, ctx.now
    if failed:
        job.state = JobState.FAILED.value
    ctx.changes.add(Kind.PRINT_JOB, job.id)
    return ctx.changes.build(job.id)
