"""``bnaura receipt show`` and ``bnaura report x|z``: a receipt (or its reprint, marked สำเนา / COPY) and the X and Z reports as PDFs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..documents import credit_note_pdf, receipt_pdf
from ..documents.sales_report import sales_report_pdf
from ..domain.dates import bangkok_date, parse_day
from ..domain.money import format_baht
from ..services.credit_notes import credit_note_document, find_refund
from ..services.receipts import find_sale, last_sale, receipt_document
from ..services.sales_reports import x_report, z_report
from ..terminal import Terminal
from .common import db_path, require_file
from .console import Console


def cmd_receipt_show(args: argparse.Namespace, con: Console) -> int:
    """``bnaura receipt show NUMBER|--last [--copy] --pdf FILE``: write a receipt's PDF; return 0.

    Reads without the writer lock (works beside the running app). The PDF
    is written beside its target and renamed, never left half-written.

    Raises:
        NotFound: no receipt with that number, or none yet on this terminal.
        BadInput: the branch's tax id or branch code is missing.
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        device_id = terminal.device().device_id
        sale_id = terminal.read(last_sale, device_id) if args.last else terminal.read(find_sale, args.number)
        document = terminal.read(receipt_document, sale_id, copy=args.copy)
    target = Path(args.pdf).expanduser()
    _write(target, receipt_pdf(document))
    con.say(f"wrote receipt {document.number}{' (copy)' if args.copy else ''} to {target}")
    return 0


def cmd_receipt_credit_note(args: argparse.Namespace, con: Console) -> int:
    """``bnaura receipt credit-note NUMBER [--copy] --pdf FILE``: write a refund's credit note as an A4 PDF; return 0.

    Reads without the writer lock (works beside the running app).

    Raises:
        NotFound: no credit note with that number.
        BadInput: the branch's tax id or branch code is missing.
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        refund_id = terminal.read(find_refund, args.number)
        document = terminal.read(credit_note_document, refund_id, copy=args.copy)
    target = Path(args.pdf).expanduser()
    _write(target, credit_note_pdf(document))
    con.say(f"wrote credit note {document.number}{' (copy)' if args.copy else ''} "
            f"({format_baht(document.totals.total_satang)}) to {target}")
    return 0


def cmd_report(args: argparse.Namespace, con: Console) -> int:
    """``bnaura report x|z [--date D] --pdf FILE``: write this terminal's X or Z report as a PDF; return 0.

    X: the open shift so far. Z: a clinic day's sales (default today,
    Asia/Bangkok). Reads without the writer lock.

    Raises:
        BadInput: an X report with no shift open; a date that is not YYYY-MM-DD;
            the branch's tax id or branch code is missing.
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        now = terminal.clock()
        if args.kind == "x":
            report = terminal.read(x_report, now)
        else:
            day = parse_day(args.date, field="date") if args.date else bangkok_date(now)
            report = terminal.read(z_report, day, now)
    _write(Path(args.pdf).expanduser(), sales_report_pdf(report))
    con.say(f"wrote the {args.kind.upper()} report ({report.receipts} receipts, "
            f"{format_baht(report.total_satang)}) to {args.pdf}")
    return 0


def _write(target: Path, pdf: bytes) -> None:
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(pdf)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
