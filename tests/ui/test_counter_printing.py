"""The POS prints each receipt on this terminal's printer, a real TCP printer here, and never loses one.

The printer is ``tests/printing/fake_printer.py``: a server on 127.0.0.1
that keeps what each connection sent, as a network ESC/POS printer would.
Also the X and Z reports written from the shift bar, read back with pdftotext.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from bnaura_desk.printing.config import PrinterConfig, PrinterKind
from bnaura_desk.services.printing import JobState, print_jobs, set_printer
from bnaura_desk.store.models import PrintJob, Sale
from tests.printing.fake_printer import FakePrinter, decode, refused_port
from tests.ui import test_counter as counter_tests
from tests.ui.test_counter import SERUM_BARCODE, count, open_shift, payment_dialog, scan, settle, wait_priced
from ui.counter import receipt_printing
from ui.counter.screen import CounterScreen

# The POS screen on a shop with a Gold member, as the counter's tests have it.
shop, desk, screen = counter_tests.shop, counter_tests.desk, counter_tests.screen


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def printed(qtbot, printer: FakePrinter, count: int) -> list[bytes]:
    """Return the jobs once ``count`` have arrived, the Qt loop running meanwhile (it starts each pass)."""
    qtbot.waitUntil(lambda: len(printer.jobs) >= count, timeout=10_000)
    return printer.wait_for_jobs(count)


def use_printer(s, address: str) -> None:
    s.terminal.run(set_printer, PrinterConfig("counter", PrinterKind.NETWORK, address), default=True, actor=s.owner)


def ready(screen: CounterScreen, qtbot, s, *, printer: bool = True) -> None:
    open_shift(s)
    screen.reload()
    settle(screen, qtbot)
    if printer:
        qtbot.waitUntil(lambda: screen.printing.printer is not None)
    qtbot.waitUntil(lambda: not screen.printing.busy)


def sell_serum_for_cash(screen: CounterScreen, qtbot) -> None:
    """Scan the serum and pay it in cash with Enter (the amount due)."""
    screen.last_sale = None
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    dialog = payment_dialog(screen, qtbot)
    qtbot.keyClick(dialog.received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.last_sale is not None)
    settle(screen, qtbot)


def job_states(s) -> list[tuple[str, JobState, bool]]:
    return [(job.sale_number, job.state, job.is_copy) for job in s.terminal.read(print_jobs)]


def test_a_sale_prints_its_receipt_and_print_again_prints_a_copy(screen, qtbot, staffed_copy, printer) -> None:
    s = staffed_copy
    use_printer(s, printer.address)
    ready(screen, qtbot, s)
    assert not screen.reprint_button.isEnabled()

    sell_serum_for_cash(screen, qtbot)
    original = decode(printed(qtbot, printer, 1)[0])
    assert original.cuts and original.kicks_drawer  # cash: the drawer opens
    qtbot.waitUntil(lambda: not screen.printing.busy)
    number = screen.last_sale.number
    assert job_states(s) == [(number, JobState.PRINTED, False)]
    assert not screen.message.isVisible()

    # "Print again": the same receipt marked as a copy, and the drawer stays shut.
    assert screen.reprint_button.isEnabled() and screen.reprint_button.text() == "พิมพ์ซ้ำ (สำเนา)"
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    copy = decode(printed(qtbot, printer, 2)[1])
    assert copy.cuts and not copy.kicks_drawer
    assert copy.image.height > original.image.height  # the boxed สำเนา / COPY
    qtbot.waitUntil(lambda: not screen.printing.busy)
    assert job_states(s) == [(number, JobState.PRINTED, False), (number, JobState.PRINTED, True)]


def test_an_offline_printer_keeps_the_sale_says_so_and_prints_when_it_is_back(screen, qtbot, staffed_copy,
                                                                              monkeypatch) -> None:
    s = staffed_copy
    port = refused_port()
    use_printer(s, f"127.0.0.1:{port}")
    monkeypatch.setattr(receipt_printing, "RETRY_SECONDS", 0.3)
    ready(screen, qtbot, s)

    sell_serum_for_cash(screen, qtbot)
    qtbot.waitUntil(lambda: screen.message.isVisible())
    assert screen.message.text() == "เครื่องพิมพ์ counter ออฟไลน์: ใบเสร็จรออยู่ในคิวพิมพ์"
    number = screen.last_sale.number
    assert count(s, Sale) == 1  # the sale stands
    assert job_states(s) == [(number, JobState.QUEUED, False)]
    assert screen.printing.retrying
    # The counter goes on selling while the receipt waits.
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    assert screen.totals.text_of("total") == "฿1,200.00"

    # The printer is switched on again: the next try prints the waiting receipt, and the counter is told.
    back = FakePrinter(port)
    try:
        received = decode(printed(qtbot, back, 1)[0])
        assert received.cuts and received.kicks_drawer
        qtbot.waitUntil(lambda: job_states(s) == [(number, JobState.PRINTED, False)])
        qtbot.waitUntil(lambda: not screen.printing.retrying and not screen.printing.busy)
        assert screen.message.text() == "เครื่องพิมพ์กลับมาแล้ว: พิมพ์ใบเสร็จที่รอคิวเรียบร้อย"
    finally:
        back.close()
    attempts = s.terminal.read(lambda session: session.scalars(select(PrintJob.attempts)).one())
    assert attempts >= 2


def test_a_printer_that_hangs_holds_up_neither_the_counter_nor_the_database(screen, qtbot, staffed_copy,
                                                                            tmp_path) -> None:
    # A printer on a device path that takes nothing yet: a FIFO nobody reads blocks whoever writes to it.
    device = tmp_path / "lp0"
    os.mkfifo(device)
    s = staffed_copy
    s.terminal.run(set_printer, PrinterConfig("counter", PrinterKind.DEVICE, str(device)), default=True,
                   actor=s.owner)
    ready(screen, qtbot, s)
    sell_serum_for_cash(screen, qtbot)
    qtbot.waitUntil(lambda: screen.printing.busy)
    number = screen.last_sale.number

    # While the printer hangs, the next customer's cart is priced and the database answers.
    scan(qtbot, screen, SERUM_BARCODE)
    wait_priced(screen, qtbot)
    assert screen.totals.text_of("total") == "฿1,200.00"
    assert screen.printing.busy
    assert job_states(s) == [(number, JobState.QUEUED, False)]

    # The printer takes the job: the receipt is printed and recorded.
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(device.read_bytes()), daemon=True)
    reader.start()
    qtbot.waitUntil(lambda: not screen.printing.busy, timeout=10_000)
    reader.join(timeout=10)
    assert decode(received[0]).cuts
    assert job_states(s) == [(number, JobState.PRINTED, False)]


class Viewer(QObject):
    """Stands in for the system's PDF viewer (Qt hands it the file's URL)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


@pytest.fixture
def viewer() -> Iterator[Viewer]:
    stand_in = Viewer()
    QDesktopServices.setUrlHandler("file", stand_in, "show")
    yield stand_in
    QDesktopServices.unsetUrlHandler("file")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_x_and_z_reports_open_as_pdfs_with_the_shift_s_sales(screen, qtbot, staffed_copy, viewer) -> None:
    s = staffed_copy
    ready(screen, qtbot, s, printer=False)
    assert screen.printing.printer is None
    sell_serum_for_cash(screen, qtbot)
    sell_serum_for_cash(screen, qtbot)
    assert count(s, PrintJob) == 0  # no printer here: the receipts stay PDFs

    bar = screen.shift_bar
    assert bar.x_button.isVisible() and bar.x_button.text() == "รายงาน X"
    qtbot.mouseClick(bar.x_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(viewer.opened) == 1)
    x_report = viewer.opened[0]
    assert x_report.parent == s.terminal.path.parent / "reports" and x_report.name.startswith("X-")
    text = pdf_text(x_report)
    assert "2,400.00" in text  # two serums at ฿1,200
    assert "Receipts" in text and "Cash expected" in text  # an X report: the shift's cash
    assert screen.message.text().startswith("บันทึกรายงานแล้ว")

    qtbot.mouseClick(bar.z_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(viewer.opened) == 2)
    assert viewer.opened[1].name.startswith("Z-")
    z_text = pdf_text(viewer.opened[1])
    assert "2,400.00" in z_text
    # Serums only, no treatment performed: the performers' section says none.
    assert "Treatments performed" in z_text and "None performed in this period" in " ".join(z_text.split())

    # No printer: "Print again" opens the last receipt's copy as a PDF.
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(viewer.opened) == 3)
    assert viewer.opened[2].name == f"{screen.last_sale.number}-copy.pdf"
    assert "COPY" in pdf_text(viewer.opened[2])
    assert count(s, PrintJob) == 0


def test_an_x_report_without_an_open_shift_is_not_offered(screen, qtbot, staffed_copy) -> None:
    screen.reload()
    settle(screen, qtbot)
    assert screen.shift is None
    assert not screen.shift_bar.x_button.isVisible() and screen.shift_bar.z_button.isVisible()
