"""A printer of this terminal, and what goes wrong when printing.

A terminal keeps its own printers (the local table ``printers``): a receipt
printer on the network (``host:port``, port 9100 unless said), one on a
device path (``/dev/usb/lp0``), or the system's PDF viewer for a terminal
without a thermal printer. Each thermal printer has a raster width: 576
dots for 80 mm paper, 512 for 72 mm (203 dpi print heads).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError

DEFAULT_PORT = 9100
# Dots a 203 dpi head prints across each paper width (the rest is the margin it cannot print).
WIDTH_DOTS = {80: 576, 72: 512}


class PrinterKind(StrEnum):
    """How a printer is reached."""

    NETWORK = "network"
    DEVICE = "device"
    PDF_VIEWER = "pdf_viewer"


class PrinterOffline(DeskError):
    """The printer could not be reached or refused the job; the document waits in the queue.

    ``reason`` is the technical cause (connection refused, timeout, a device
    error) kept with the job for whoever fixes the printer.
    """

    def __init__(self, template: str, *, reason: str, **params: str) -> None:
        self.reason = reason
        super().__init__(template, **params)


def offline(printer: str, reason: str) -> PrinterOffline:
    """Return the error a person sees when ``printer`` cannot print now (the receipt waits in the queue)."""
    return PrinterOffline(
        QT_TRANSLATE_NOOP("errors", "Printer {printer} is offline: the receipt waits in the queue"),
        reason=reason, printer=printer,
    )


@dataclass(frozen=True)
class PrinterConfig:
    """One printer of this terminal.

    ``address`` is ``host`` or ``host:port`` for a network printer, a device
    path for a device, and for the PDF viewer an optional program to open
    the PDF with (empty: the system's default viewer).
    """

    name: str
    kind: PrinterKind
    address: str = ""
    width_dots: int = WIDTH_DOTS[80]

    def __post_init__(self) -> None:
        if not self.name.strip() or len(self.name) > 60:
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A printer needs a name of at most 60 characters"),
                           field="name")
        if self.width_dots not in WIDTH_DOTS.values():
            raise BadInput(QT_TRANSLATE_NOOP("errors", "A receipt printer prints 576 dots (80 mm) or 512 (72 mm)"),
                           field="width")
        if self.kind is PrinterKind.NETWORK:
            host_and_port(self.address)
        elif self.kind is PrinterKind.DEVICE and not self.address.strip():
            raise BadInput(QT_TRANSLATE_NOOP("errors", "Give the printer's device path, e.g. /dev/usb/lp0"),
                           field="address")

    @property
    def thermal(self) -> bool:
        """Whether this printer takes ESC/POS (a raster receipt) rather than a PDF."""
        return self.kind is not PrinterKind.PDF_VIEWER


def host_and_port(address: str) -> tuple[str, int]:
    """Return a network printer's ``host`` or ``host:port`` as (host, port); the port is 9100 unless given.

    Raises:
        BadInput: no host, or a port that is not 1 to 65535.
    """
    host, sep, port_text = address.strip().rpartition(":")
    if not sep:
        host, port_text = port_text, str(DEFAULT_PORT)
    port = int(port_text) if port_text.isdigit() else 0
    if not host or not 0 < port < 65536:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Give the printer's address as host or host:port, "
                                                   "e.g. 192.168.1.50:9100"), field="address")
    return host, port
