"""``bnaura receipt show``: a receipt as a PDF, the original or a reprint marked สำเนา / COPY."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..documents import receipt_pdf
from ..services.receipts import find_sale, last_sale, receipt_document
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
    pdf = receipt_pdf(document)
    target = Path(args.pdf).expanduser()
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(pdf)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    con.say(f"wrote receipt {document.number}{' (copy)' if args.copy else ''} to {target}")
    return 0
