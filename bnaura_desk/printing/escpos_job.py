"""A raster receipt as ESC/POS commands, written with python-escpos.

The commands go to any python-escpos printer object: the network and
device printers of ``targets``, or its ``Dummy`` that collects the bytes
(tests, the benchmark). Three commands a receipt printer needs:

- the image as a raster bit image (``GS v 0``), in bands of at most 960
  rows (some printers' buffers hold no more);
- a full cut after feeding the paper past the cutter;
- a drawer kick (``ESC p``, pin 2) when the sale took cash: the drawer
  opens for the change. A reprint never opens the drawer.
"""

from __future__ import annotations

import copy
from typing import Any

from PIL import Image

from ..documents import PaymentMethod, Receipt

BAND_ROWS = 960
DRAWER_PIN = 2  # the drawer port's usual pin; pin 5 is a second drawer


def opens_drawer(receipt: Receipt) -> bool:
    """Return whether printing ``receipt`` kicks the cash drawer: an original with a cash payment."""
    return not receipt.is_copy and any(p.method is PaymentMethod.CASH for p in receipt.payments)


def profile_for(width_dots: int) -> Any:
    """Return python-escpos's generic profile, told the paper's width in dots.

    The generic profile knows no width: python-escpos would then print a
    notice on standard output for every image and could not refuse an
    image wider than the head. ``Profile`` is the library's class for a
    profile of one's own; its data is a copy of the generic one's (the
    class-level data is shared by every printer of the process).
    """
    from escpos.capabilities import Profile

    profile = Profile()
    data = copy.deepcopy(profile.profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": 80 if width_dots >= 576 else 72, "pixels": width_dots}}
    profile.profile_data = data
    profile.features = data["features"]  # Profile() starts with none, which would leave out the cut
    return profile


def write_receipt(printer: Any, image: Image.Image, *, kick_drawer: bool) -> None:
    """Send ``image`` (mode ``"1"``, at most the head's width) to the python-escpos ``printer``, cut, kick.

    ``printer`` is an ``escpos.escpos.Escpos``; every command is written
    to it as it is made (a network printer receives them on its socket).

    Raises:
        OSError: the printer's connection or device failed midway.
    """
    printer.hw("INIT")  # ESC @: forget any mode a previous job left set
    printer.image(image, impl="bitImageRaster", fragment_height=BAND_ROWS)
    printer.cut()
    if kick_drawer:
        printer.cashdraw(DRAWER_PIN)


def receipt_bytes(image: Image.Image, *, kick_drawer: bool) -> bytes:
    """Return the ESC/POS bytes ``write_receipt`` sends for ``image`` (for tests and the benchmark)."""
    from escpos.printer import Dummy

    printer = Dummy(profile=profile_for(image.width))
    write_receipt(printer, image, kick_drawer=kick_drawer)
    data: bytes = printer.output
    return data
