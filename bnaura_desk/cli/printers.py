"""``bnaura printer``: this terminal's receipt printers, a test page, and the print queue."""

from __future__ import annotations

import argparse

from ..documents.receipt import MARGIN, ROLL_WIDTH
from ..documents.test_page import test_page_pdf
from ..domain.dates import BANGKOK
from ..domain.errors import QT_TRANSLATE_NOOP
from ..printing.config import WIDTH_DOTS, PrinterConfig, PrinterKind, PrinterOffline
from ..printing.targets import Printout, deliver
from ..printing.worker import print_waiting, printouts_dir
from ..services.context import SYSTEM
from ..services.printing import JobState, find_printer, list_printers, print_jobs, set_printer
from ..terminal import Terminal
from .common import CommandFailed, db_path, require_file
from .console import Console, table

# Bangkok time, as the counter reads it: the queue's times (stored UTC).
_SHOWN = "%Y-%m-%d %H:%M"


def _connection(printer: PrinterConfig) -> str:
    if printer.kind is PrinterKind.PDF_VIEWER:
        return f"{printer.kind.value} {printer.address or '(system viewer)'}"
    return f"{printer.kind.value} {printer.address}"


def cmd_printer_add(args: argparse.Namespace, con: Console) -> int:
    """``bnaura printer add NAME --network HOST[:PORT]|--device PATH|--pdf-viewer [PROGRAM]``: set up a printer.

    Raises:
        BadInput: no name, a bad address, or a width the printers do not have.
    """
    if args.network is not None:
        kind, address = PrinterKind.NETWORK, args.network
    elif args.device is not None:
        kind, address = PrinterKind.DEVICE, args.device
    else:
        kind, address = PrinterKind.PDF_VIEWER, args.pdf_viewer
    printer = PrinterConfig(args.name, kind, address, WIDTH_DOTS[args.paper])
    path = db_path(args)
    require_file(path)
    with Terminal.open(path) as terminal:
        terminal.run(set_printer, printer, default=args.default, actor=SYSTEM)
    con.say(f"printer {printer.name}: {_connection(printer)}, {printer.width_dots} dots"
            + (" (default)" if args.default else ""))
    return 0


def cmd_printer_list(args: argparse.Namespace, con: Console) -> int:
    """``bnaura printer list``: this terminal's printers; return 0."""
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        printers = terminal.read(list_printers)
    if not printers:
        con.note("no printer is set up on this terminal: bnaura printer add NAME ... --default")
        return 0
    rows = [["name", "connection", "width", "default"]]
    rows += [[p.name, _connection(p), f"{p.width_dots} dots", "yes" if default else ""] for p, default in printers]
    for line in table(rows, indent=""):
        con.say(line)
    return 0


def cmd_printer_test(args: argparse.Namespace, con: Console) -> int:
    """``bnaura printer test [--printer NAME]``: print a test page now (not queued); return 0.

    Raises:
        NotFound: no such printer, or none set up.
        CommandFailed: the printer could not print it (offline, refused).
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        printer = terminal.read(find_printer, args.printer)
        now = terminal.clock()
        folder = printouts_dir(terminal)
    pdf = test_page_pdf(printer.name, _connection(printer), printer.width_dots, now)
    try:
        deliver(printer, Printout("test-page", pdf, ROLL_WIDTH, MARGIN), folder=folder, timeout=args.timeout)
    except PrinterOffline as error:
        raise CommandFailed(QT_TRANSLATE_NOOP("errors", "Printer {printer} did not print the test page: {reason}"),
                            printer=printer.name, reason=error.reason) from None
    con.say(f"test page sent to {printer.name} ({_connection(printer)})")
    return 0


def cmd_printer_queue(args: argparse.Namespace, con: Console) -> int:
    """``bnaura printer queue [--print]``: list the jobs waiting or failed, after a print pass with ``--print``.

    Return 0, or 1 when ``--print`` left a job waiting or failed (each
    distinct reason, translated, on stderr).
    """
    path = db_path(args)
    require_file(path)
    status = 0
    with Terminal.open(path, read_only=not args.print) as terminal:
        if args.print:
            outcome = print_waiting(terminal, actor=SYSTEM, timeout=args.timeout)
            con.say(f"printed {len(outcome.printed)} job(s)")
            said: set[str] = set()
            for _, error in outcome.waiting + outcome.failed:
                message = error.render(con.translate)
                if message not in said:
                    said.add(message)
                    con.note(f"bnaura: {message}")
            status = 1 if said else 0
        jobs = terminal.read(print_jobs, JobState.QUEUED, JobState.FAILED)
    if not jobs:
        con.say("no print job is waiting")
        return status
    rows = [["receipt", "document", "state", "attempts", "since", "last error"]]
    for job in jobs:
        since = job.created_at.astimezone(BANGKOK).strftime(_SHOWN)
        document = job.document.value + (" (copy)" if job.is_copy else "")
        rows.append([job.sale_number, document, job.state.value, str(job.attempts), since, job.last_error])
    for line in table(rows, indent=""):
        con.say(line)
    return status
