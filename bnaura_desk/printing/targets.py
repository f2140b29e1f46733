"""Delivering a printout to one of the terminal's printers.

A printout is a roll-sized PDF (a receipt, a test page). A thermal printer
gets it as a raster image in ESC/POS (``raster``, ``escpos_job``) over TCP
or to its device path; the PDF viewer gets the PDF itself, written to the
terminal's printouts folder and opened with the system's viewer (or the
program the printer's set-up names).

Every way a printer can fail now (connection refused, timeout, a device
that is gone or refuses, a viewer that cannot start) raises one error,
``PrinterOffline``, which the caller turns into "the receipt waits in the
queue".
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..documents import Receipt, receipt_pdf
from ..documents.receipt import MARGIN, ROLL_WIDTH
from .config import PrinterConfig, PrinterKind, host_and_port, offline
from .escpos_job import opens_drawer, profile_for, write_receipt
from .raster import pdf_raster

NETWORK_TIMEOUT_S = 5.0  # a receipt printer answers at once; more is a printer that is off


@dataclass(frozen=True)
class Printout:
    """What to print: a one-page roll PDF and its geometry, and whether it opens the cash drawer.

    ``title`` names the file a PDF viewer opens (a receipt's number).
    """

    title: str
    pdf: bytes
    page_width: float = ROLL_WIDTH
    margin: float = MARGIN
    kick_drawer: bool = False


def receipt_printout(receipt: Receipt) -> Printout:
    """Return ``receipt`` as a printout: its 80 mm PDF, kicking the drawer for an original cash sale."""
    title = receipt.number + ("-copy" if receipt.is_copy else "")
    return Printout(title, receipt_pdf(receipt), kick_drawer=opens_drawer(receipt))


def deliver(printer: PrinterConfig, printout: Printout, *, folder: Path, timeout: float = NETWORK_TIMEOUT_S) -> None:
    """Print ``printout`` on ``printer``; return when the printer (or the viewer) has it.

    Args:
        folder: where PDFs for the PDF viewer are written (created if missing).
        timeout: seconds to wait for a network printer to connect or take data.

    Raises:
        PrinterOffline: the printer cannot print now; nothing was printed, or
            (a connection lost midway) part of it.
    """
    if printer.kind is PrinterKind.PDF_VIEWER:
        _open_in_viewer(printer, printout, folder)
        return
    image = pdf_raster(printout.pdf, page_width=printout.page_width, margin=printout.margin,
                       width_dots=printer.width_dots)
    from escpos.exceptions import DeviceNotFoundError
    from escpos.printer import File, Network

    if printer.kind is PrinterKind.NETWORK:
        host, port = host_and_port(printer.address)
        device = Network(host, port, timeout=timeout, profile=profile_for(printer.width_dots))
    else:
        # python-escpos opens the path for writing, which would create a plain
        # file where an unplugged printer's device node was: refuse that.
        if not Path(printer.address).exists():
            raise offline(printer.name, f"{printer.address}: no such device")
        device = File(printer.address, profile=profile_for(printer.width_dots))
    try:
        device.open()
        write_receipt(device, image, kick_drawer=printout.kick_drawer)
    except (DeviceNotFoundError, OSError) as error:
        raise offline(printer.name, " ".join(str(error).split())) from error
    finally:
        device.close()


def _open_in_viewer(printer: PrinterConfig, printout: Printout, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{printout.title}.pdf"
    partial = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        partial.write_bytes(printout.pdf)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise offline(printer.name, f"{target}: {error.strerror or error}") from error
    try:
        if printer.address.strip():
            subprocess.Popen([*shlex.split(printer.address), str(target)], start_new_session=True)
        elif sys.platform == "win32":
            os.startfile(target)  # type: ignore[attr-defined,unused-ignore]  # Windows only
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen([opener, str(target)], start_new_session=True)
    except OSError as error:
        raise offline(printer.name, f"cannot open the PDF viewer: {error.strerror or error}") from error
