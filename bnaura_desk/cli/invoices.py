"""``bnaura invoice full`` and ``invoice show``: a full tax invoice (ใบกำกับภาษีเต็มรูป) issued for a receipt, as an A4 PDF."""

from __future__ import annotations

import argparse
import errno
import os
from pathlib import Path

from ..documents import full_tax_invoice_pdf
from ..domain.money import format_baht
from ..domain.tax_invoices import BuyerForm
from ..services.context import SYSTEM
from ..services.tax_invoices import InvoiceIssued, find_invoice, issue_full_invoice, tax_invoice_document
from ..terminal import Terminal
from .common import db_path, require_file
from .console import Console
from .receipts import _write


def cmd_invoice_full(args: argparse.Namespace, con: Console) -> int:
    """``bnaura invoice full RECEIPT --buyer-name … --buyer-tin … --buyer-address … [--buyer-branch …] --pdf FILE``.

    Issues the full tax invoice replacing the receipt (one transaction: its
    number, the record, audit, outbox), then writes its PDF; return 0. The
    PDF's folder is checked first, so a typo there takes no number.

    Raises:
        NotFound: no receipt with that number.
        BadInput: the buyer refused (name, address, tax id, branch); the
            receipt already replaced (the message names its invoice),
            voided, or another branch's; the branch's tax id missing.
    """
    path = db_path(args)
    target = Path(args.pdf).expanduser()
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    require_file(path)
    buyer = BuyerForm(args.buyer_name, args.buyer_tin, args.buyer_address, args.buyer_branch or "")
    with Terminal.open(path) as terminal:
        issued: InvoiceIssued = terminal.run(issue_full_invoice, args.receipt, buyer, actor=SYSTEM).result
        document = terminal.read(tax_invoice_document, issued.invoice_id)
    _write(target, full_tax_invoice_pdf(document))
    con.say(f"issued full tax invoice {issued.number} replacing receipt {issued.receipt_number} "
            f"({format_baht(document.receipt.totals.total_satang)}); wrote it to {target}")
    return 0


def cmd_invoice_show(args: argparse.Namespace, con: Console) -> int:
    """``bnaura invoice show NUMBER [--copy] --pdf FILE``: write a full tax invoice's A4 PDF; return 0.

    Reads without the writer lock (works beside the running app).

    Raises:
        NotFound: no full tax invoice with that number.
        BadInput: the branch's tax id or branch code is missing.
    """
    path = db_path(args)
    require_file(path)
    with Terminal.open(path, read_only=True) as terminal:
        invoice_id = terminal.read(find_invoice, args.number)
        document = terminal.read(tax_invoice_document, invoice_id, copy=args.copy)
    target = Path(args.pdf).expanduser()
    _write(target, full_tax_invoice_pdf(document))
    con.say(f"wrote full tax invoice {document.number}{' (copy)' if args.copy else ''} to {target}")
    return 0
